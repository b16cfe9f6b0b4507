# Lotse UI strings, Kurmancî (Kurmanji). Machine-made translation (not reviewed by a person).
## Destpêk û ziman

start-welcome = Hûn bi xêr hatin Dortmundê! Ez Lotse me. Ez bersiva pirsên pêşîn ên jiyaneke nû ya li bajêr didim — qeydkirina navnîşanê, kursên almanî, Kita, alîkariya dewletê, tenduristî, xanî — û nîşanî we didim ku li ku derê mirov bi xwe alîkariya we dikin.
start-proposed-language = Telefona we li ser { $language } hatiye sazkirin. Li jêrê li ser wê bitikînin, an zimanekî din hilbijêrin.
start-choose-language = Ez kîjan zimanî bi kar bînim? Hûn dikarin her dem bi /language wê biguherînin.
language-choose = Zimanê xwe hilbijêrin:
language-set = Ji niha û pê ve ez ê bi { $language } ji we re binivîsim.
language-unknown = Ez vê bijartina zimanî nas nakim. Ji kerema xwe yek ji bişkokan hilbijêrin.

## Menû û mijar

menu-title = Ez dikarim di çi de alîkariya we bikim? Mijarekê hilbijêrin:
topic-registration = Qeydkirina navnîşanê
topic-residence_permit = Destûra rûniştinê
topic-language_course = Kursên almanî
topic-kita = Kita (lênêrîna zarokan)
topic-school = Dibistan
topic-jobcenter_benefits = Jobcenter û alîkarî
topic-work_recognition = Kar û diploma
topic-health = Tenduristî
topic-housing = Xanî
topic-banking = Hesabê bankê
topic-transport = Otobûs û trên
topic-counselling = Şêwirmendî li nêzî we
menu-book = 📅 Li MigraDO randevûyekê bigirin
menu-human = 💬 Bi mirovekî re biaxivin
nav-menu = ☰ Menû
nav-human = 💬 Bi mirovekî re biaxivin
nav-other-answer = ↩ Bersiva min biguherîne
answer-machine-note = ⓘ Bi makîneyê hatiye wergerandin, hîn ji aliyê mirovekî ve nehatiye kontrolkirin. Navên dezgeh û belgeyan bi almanî dimînin, wekî ku hûn wan li ser nameyan û deriyan dibînin.
answer-fallback-note = ⓘ Ev bersiv hîn bi zimanê we tune ye. Va ye bi { $language }.
answer-unavailable = Biborin, ez niha nikarim vê bersivê nîşan bidim. Ji kerema xwe herin MigraDO: { $name }, { $address }. Şêwirmendiya li wir belaş e.

## Şêwirmendî: kîjan nivîsgeh nêzîk e

counselling-share-location = Hûn dikarin bi bişkoka jêrîn cihê xwe jî parve bikin. Wê demê ez ê nivîsgeha navçeya we bibînim.
counselling-location-button = 📍 Cihê min parve bike
counselling-unknown-district = Min ev navçe nas nekir. Ji kerema xwe li ser yek ji bişkokên navçeyan bitikînin an cihê xwe parve bikin.
counselling-outside-dortmund = Wisa xuya dike ku ev der li derveyî Dortmundê ye. Ez nivîsgehên li Dortmundê nas dikim. MigraDO belaş şêwirmendiyê dide hemû kesên ku nû hatine Dortmundê: { $name }, { $address }.
counselling-district-found = Cihê we di navçeya { $district } de ye.

## Karên ku paşê tên


## Peyamên ku ez nikarim bixwînim, bişkokên kevn

fallback-free-text = Spas ji bo peyama we! Ez hîn pirsên nivîskî fêm nakim — ez hîn fêr dibim. Ji kerema xwe li jêrê mijarekê hilbijêrin. Heke mijara we ne li wir be, li ser "Bi mirovekî re biaxivin" bitikînin.
fallback-media = Ez nikarim stîker, wêne, peyamên dengî û pelan vekim. Ji kerema xwe li jêrê mijarekê hilbijêrin an li ser "Bi mirovekî re biaxivin" bitikînin.
fallback-stale-button = Ev bişkok êdî ne derbasdar e. Va ye menûya niha.
fallback-private-only = Ji kerema xwe di chateke taybet de ji min re binivîsin.

## Çewtî

error-generic = Biborin, li cem min tiştek xelet çû. Ji kerema xwe piştî deqeyekê dîsa biceribînin.
error-storage = Ez niha nikarim bigihêjim bîra xwe. Ji kerema xwe piştî deqeyekê dîsa biceribînin.

## Parastina daneyan

privacy-info = Ez çi li ser we tomar dikim: bijartina zimanê we û hûn di axaftinê de li ku ne — { $days } roj piştî guhertina we ya dawî tê jêbirin. Pirsên we yên dawî ji min re, du saetan, da ku tîma şêwirmendiyê wan bibîne heke hûn bixwazin bi mirovekî re biaxivin. Randevûyên we li MigraDO bi nav û hejmara telefonê — { $booking_days } roj piştî randevûyê têne jêbirin. Axaftinên bi tîma şêwirmendiyê re — { $case_days } roj piştî ku diqedin têne jêbirin. Bi /delete_my_data ez her tiştî yekser jê dibim; berê wê randevûyan betal dikim.
privacy-delete-ask = Ez her tiştê ku min li ser we tomar kiriye jê bibim?
privacy-delete-yes = Erê, daneyên min jê bibe
privacy-delete-no = Na, bila bimînin
privacy-deleted = Temam: Min her tiştê ku li ser we tomar kiribû jê bir — randevûyên we jî (ew hatin betalkirin) û axaftinên bi tîma şêwirmendiyê re. Bi /start hûn dikarin ji nû ve dest pê bikin.
privacy-delete-cancelled = Tiştek nehat jêbirin.

## Alîkarî û ravekirina fermanan

help-text = Ez bersiva pirsên li ser hatina Dortmundê didim. /menu mijaran nîşan dide, /language zimên diguherîne, /privacy rave dike ka ez çi tomar dikim.
command-start = Dest pê bike û ziman hilbijêre
command-menu = Mijaran nîşan bide
command-language = Zimên biguherîne
command-privacy = Ez çi li ser we tomar dikim
command-help = Lotse çawa tê bikaranîn

## Pirsên nivîskî

nlu-did-you-mean = Ez ne bawer im ku ez we rast fêm dikim. Gelo mebesta we yek ji van e?
nlu-not-understood = Mixabin, ez nikarim bersiva vê pirsê bidim. Mijarên ku ez dizanim ev in — an li ser "Bi mirovekî re biaxivin" bitikînin.
nlu-unavailable = Ez niha nikarim pirsên nivîskî bixwînim. Ji kerema xwe li jêrê mijarekê hilbijêrin.
nlu-greet = Silav! Ez çawa dikarim alîkariya we bikim? Mijarekê hilbijêrin an pirsa xwe bi çend peyvan binivîsin.
nlu-thanks = Ser çavan! Gelo ez dikarim di tiştekî din de jî alîkariya we bikim?
nlu-goodbye = Bi xatirê we! Li Dortmundê her tiştê baş ji we re dixwazim. Her gava ku alîkarî lazim be, ji min re binivîsin.
language-switch-offer = We bi { $language } nivîsî. Gelo ji niha û pê ve ez bi { $language } ji we re binivîsim? Li ser bişkokê bitikînin.

## Zimanên din (wergera makîneyî)

language-other = 🌐 Zimanekî din
language-other-ask = Navê zimanê xwe bi Îngilîzî an koda wî binivîsin — wek mînak "Tigrinya" an "ti".
language-other-choose = Mebesta we kîjan e?
language-other-unknown = Min ev ziman nedît. Ji kerema xwe navê wî yê Îngilîzî an koda wî binivîsin, an yek ji zimanên li jêrê hilbijêrin.
language-other-unavailable = Ji bo zimanên din xizmeta wergerê pêwîst e, lê ez niha nikarim xwe bigihînim wê. Ji kerema xwe yek ji van zimanan hilbijêrin.
translation-unavailable = Ez niha nikarim xwe bigihînim xizmeta wergerê, ji ber vê yekê va ye bi { $language }.

## Li MigraDO randevû girtin

booking-choose-service = Hûn li MigraDO kîjan randevûyê dixwazin? Şêwirmendî belaş e, bi wergêrên vîdeoyî jî. MigraDO li vir e: { $address }.
booking-duration = Dem: nêzîkî { $minutes } deqe
booking-bring-title = Ji kerema xwe bi xwe re bînin:
booking-choose-day = Hûn dixwazin kîjan rojê werin?
booking-no-days = Mixabin, di { $days } rojên bê de ji bo vê randevûyê cihê vala tune. Ji kerema xwe piştî çend rojan dîsa li vir binêrin, an bi mirovekî re biaxivin.
booking-choose-time = { $day }: Kîjan saet?
booking-no-times = Di vê rojê de êdî cihê vala tune. Ji kerema xwe rojeke din hilbijêrin.
booking-other-day = 📅 Rojeke din
booking-held = Ez vê demê { $minutes } deqeyan ji bo we vala dihêlim: { $day }, saet { $time }.
booking-choose-interpreter = Gelo wergêrek ji we re lazim e? MigraDO bi wergêrên vîdeoyî jî dixebite. Kîjan ziman?
booking-no-interpreter = Na, ez bi almanî diaxivim
booking-ask-name = Ez randevûyê bi kîjan navî binivîsim? Ji kerema xwe nav û paşnavê xwe binivîsin.
booking-name-invalid = Ji kerema xwe tenê navê xwe binivîsin: bi tîpan, ji 2 heta 80 karakteran.
booking-ask-phone = Hûn dixwazin hejmareke telefonê bidin? Wê demê MigraDO dikare telefonî we bike, heke randevû biguhere. Hejmar { $days } roj piştî randevûyê tê jêbirin, an jî yekser bi /delete_my_data. Hejmarê binivîsin an li ser bişkokê bitikînin.
booking-skip-phone = Bêyî hejmara telefonê bidomîne
booking-phone-invalid = Ev wek hejmareke telefonê xuya nake. Ji kerema xwe tenê reqeman, valahiyan û + bi kar bînin. An jî li ser "Bêyî hejmara telefonê bidomîne" bitikînin.
booking-summary = Ji kerema xwe randevûya xwe kontrol bikin:
booking-label-service = Randevû
booking-label-when = Kengî
booking-label-where = Li ku
booking-label-interpreter = Wergêr
booking-label-name = Nav
booking-label-phone = Telefon
booking-label-code = Hejmara randevûyê
booking-interpreter-none = tune (almanî)
booking-confirm = ✅ Randevûyê bigire
booking-abort = ✖ Betal bike
booking-confirmed = Randevûya we hat girtin. Ji kerema xwe di wextê xwe de werin û hejmara randevûyê bi xwe re bînin. Ez ê rojek berê û du saet berê bînim bîra we.
booking-calendar = Randevûya we ji bo salnameyê (ji bo vekirinê bitikînin).
booking-map-link = Li ser nexşeyê nîşan bide
booking-full = Mixabin, ev dem niha hat girtin. Demên vala yên din ev in:
booking-expired = Dema ku ji bo we hatibû hiştin qediya, û di vê navberê de kesekî din ew girt. Demên vala yên din ev in:
booking-invalid-slot = Ev dem êdî nayê girtin. Ji kerema xwe demeke nû hilbijêrin.
booking-overlap = Di vê demê de jixwe randevûyeke we heye ({ $code }). Ji kerema xwe demeke din hilbijêrin.
booking-too-many = Jixwe { $count } randevûyên we hene. Ji kerema xwe pêşî yekê ji wan betal bikin (/mybookings). Paşê hûn dikarin randevûyeke nû bigirin.
booking-aborted = Baş e, min tu randevû negirt.
booking-no-draft = Ev gav êdî ne beşek ji randevûyeke vekirî ye. Ji kerema xwe ji nû ve dest pê bikin.
booking-unavailable = Ez niha nikarim randevûyan bigirim. Ji kerema xwe piştî deqeyekê dîsa biceribînin, an jî rasterast herin MigraDO: { $name }, { $address }.
booking-offer = 📅 Randevû: { $service }
booking-reminder-day = Bibîrxistin: Sibê li MigraDO randevûya we heye.
booking-reminder-2h = Bibîrxistin: Piştî du saetan li MigraDO randevûya we heye.
booking-office-closed = Mixabin, MigraDO roja { $day } girtî ye. Ji ber vê yekê randevûya we { $code } nabe — em lêborînê dixwazin. Li ser yek ji demên vala yên din bitikînin, û ez ê wê bi agahiyên we ji nû ve bigirim:
booking-office-closed-none = Mixabin, MigraDO roja { $day } girtî ye. Ji ber vê yekê randevûya we { $code } nabe — em lêborînê dixwazin. Hûn dikarin bi /mybookings an bi menûyê randevûyeke nû bigirin.

## Randevûyên min

mybookings-none = Niha li MigraDO tu randevûyên we tune ne.
mybookings-title = Randevûyên we:
mybookings-cancel = ✖ { $code } betal bike
mybookings-move = ↔ Dema { $code } biguherîne
mybookings-cancel-ask = Hûn bi rastî dixwazin vê randevûyê betal bikin?
mybookings-cancel-yes = Erê, betal bike
mybookings-cancel-no = Na, bila bimîne
mybookings-cancelled = Randevûya we { $code } hat betalkirin. Ev dem niha ji bo kesên din vala ye. Spas ku we em agahdar kirin!
mybookings-kept = Baş e, randevûya we dimîne.
mybookings-move-day = Hûn dixwazin randevûyê bibin kîjan rojê?
mybookings-moved = Dema randevûya we hat guhertin. Randevûya kevn { $code } hat betalkirin.
mybookings-not-yours = Ez vê randevûyê nabînim, an jî ew berê hatiye betalkirin.
command-mybookings = Randevûyên min li MigraDO
staff-only = Ev ferman tenê ji bo şêwirmendên MigraDO ye.

## Bi mirovekî re axaftin (şêwirmendî di chatê de)

handoff-unavailable = Niha nivîsandina bi şêwirmendekî re li vir di chatê de ne pêkan e. Şêwirmendên MigraDO rû bi rû, belaş, bi gelek zimanan û bi wergêrên vîdeoyî alîkariya we dikin: { $name }, { $address }.
handoff-consent = Ez dikarim we bi tîma şêwirmendiyê ya MigraDO ve girê bidim. Ji bo vê, tîm van tiştan distîne: zimanê we, navê we yê pêşîn ji Telegramê, pirsên we yên dawî ji min re, randevûyên we û her tiştê ku hûn ji niha û pê ve li vir dinivîsin. Peyamên we bi makîneyê têne wergerandin. Axaftin { $days } roj piştî ku diqede tê jêbirin, an jî yekser bi /delete_my_data. Hûn razî ne?
handoff-consent-yes = ✅ Erê, ji kerema xwe min girê bide
handoff-consent-no = Na, spas
handoff-declined = Baş e, min tiştek neda kesî. Hûn dikarin her dem dîsa "Bi mirovekî re biaxivin" hilbijêrin.
handoff-ask-subject = Mijar çi ye? Bi hevokekê binivîsin — an li ser bişkokê bitikînin.
handoff-skip-subject = Bêyî ravekirinê bidomîne
handoff-opened = Daxwaza we ya hejmar { $case } gihîşt tîma şêwirmendiyê. Tenê li vir binivîsin, ez ji her du aliyan ve werdigerînim. Bi /end hûn axaftinê diqedînin.
handoff-expect-now = Tîm niha li ser kar e û dê bersiv bide gava ku kesek vala bibe. Dibe ku ev hinekî dem bigire.
handoff-expect-later = Niha kes ne li ser kar e. Dema şêwirmendiyê ya bê: { $when }. Peyamên we heta wê demê li bendê dimînin. Hûn dikarin li MigraDO randevûyekê jî bigirin.
handoff-already-open = Hûn jixwe bi tîma şêwirmendiyê ve girêdayî ne (daxwaza hejmar { $case }). Tenê li vir binivîsin.
handoff-end = ✖ Axaftinê biqedîne
handoff-ended-by-you = We axaftin qedand. Spas! Hûn dikarin her dem dîsa "Bi mirovekî re biaxivin" hilbijêrin.
handoff-closed = Tîma şêwirmendiyê daxwaza we ya hejmar { $case } qedand. Hûn dikarin her dem daxwazeke nû dest pê bikin.
handoff-no-case = Niha axaftineke we ya vekirî bi tîma şêwirmendiyê re tune ye.
handoff-claimed = Niha şêwirmendek bi daxwaza we re mijûl dibe.
handoff-reply = 💬 Bersiv ji tîma şêwirmendiyê:
handoff-original = Orîjînal bi almanî:
handoff-not-translated = Ez niha nikarim vê peyamê wergerînim. Va ye bi almanî:
handoff-media-not-sent = Ez nikarim vî cureyê peyamê bişînim. Ji kerema xwe nivîsê binivîsin, an wêneyek an pelek bişînin.
handoff-emergency = ⚠️ Heke hûn an kesekî din di xeterê de ne, yekser telefon bikin: Acîl (ambulans, agirkujî) { $emergency }, polîs { $police }. Telefonseelsorge (xeta krîzê), belaş, şev û roj: { $crisis }.
handoff-emergency-urgent = Min peyama we wekî acîl şand tîma şêwirmendiyê.
handoff-emergency-offer = Hûn dixwazin niha ji mirovekî re binivîsin? Li ser bişkokê bitikînin.
command-end = Axaftina bi şêwirmendiyê re biqedîne

## Pirsên pir tên pirsîn û nêrîn li ser bersivan

faq-intro = ❓ Pirsên pir tên pirsîn li ser „{ $topic }“:
faq-back = ↩ Vegere: { $topic }
faq-office = 📍 Ofîsa „lokal willkommen“ li nêzî min
feedback-up = 👍 Bikêr
feedback-down = 👎 Ne bikêr
feedback-thanks = Spas ji bo nêrîna we!
feedback-already = We berê ev bersiv nirxandiye. Spas!
feedback-ask-missing = Çi kêm bû? Di rêzekê de ji min re binivîsin – an jî li „Derbas bibe“ bixin. Ji kerema xwe nav an agahiyên din ên kesane nenivîsin. Ez tenê vê nivîsê, bêyî girêdana bi we re, { $days } rojan diparêzim.
feedback-skip = Derbas bibe
feedback-skipped = Baş e. Spas!
feedback-saved = Spas! Min ew tomar kir. Tîma edîtoriyê bi wê bersivan baştir dike.
privacy-feedback = Dema ku hûn li 👍 an 👎 dixin, ez wê bêyî navê we dihejmêrim. Tiştê ku hûn paşê li ser kêmasiyê dinivîsin, ez { $days } rojan bêyî girêdana bi we re diparêzim.
