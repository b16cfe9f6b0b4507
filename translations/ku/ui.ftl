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

booking-coming-soon = Girtina randevûyê li vir di chatê de di demeke nêzîk de tê. Heta wê demê ji kerema xwe bi xwe herin MigraDO: { $name }, { $address }. Şêwirmendiya li wir ji bo hemû kesên ku nû hatine Dortmundê belaş e.
handoff-coming-soon = Nivîsandina bi şêwirmendekî re bi riya vê chatê di demeke nêzîk de tê. Heta wê demê şêwirmendên MigraDO rû bi rû, belaş, bi gelek zimanan û bi wergêrên vîdeoyî alîkariya we dikin: { $name }, { $address }.

## Peyamên ku ez nikarim bixwînim, bişkokên kevn

fallback-free-text = Spas ji bo peyama we! Ez hîn pirsên nivîskî fêm nakim — ez hîn fêr dibim. Ji kerema xwe li jêrê mijarekê hilbijêrin. Heke mijara we ne li wir be, li ser "Bi mirovekî re biaxivin" bitikînin.
fallback-media = Ez nikarim stîker, wêne, peyamên dengî û pelan vekim. Ji kerema xwe li jêrê mijarekê hilbijêrin an li ser "Bi mirovekî re biaxivin" bitikînin.
fallback-stale-button = Ev bişkok êdî ne derbasdar e. Va ye menûya niha.
fallback-private-only = Ji kerema xwe di chateke taybet de ji min re binivîsin.

## Çewtî

error-generic = Biborin, li cem min tiştek xelet çû. Ji kerema xwe piştî deqeyekê dîsa biceribînin.
error-storage = Ez niha nikarim bigihêjim bîra xwe. Ji kerema xwe piştî deqeyekê dîsa biceribînin.

## Parastina daneyan

privacy-info = Ez çi li ser we tomar dikim: bijartina zimanê we û hûn di axaftinê de li ku ne (mînak, ku min navçeya we pirsî). Ez nivîsa peyamên we tomar nakim. Daneyên we { $days } roj piştî guhertina we ya dawî têne jêbirin, an jî yekser bi /delete_my_data.
privacy-delete-ask = Ez her tiştê ku min li ser we tomar kiriye jê bibim?
privacy-delete-yes = Erê, daneyên min jê bibe
privacy-delete-no = Na, bila bimînin
privacy-deleted = Temam: Min her tiştê ku li ser we tomar kiribû jê bir. Bi /start hûn dikarin ji nû ve dest pê bikin.
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
