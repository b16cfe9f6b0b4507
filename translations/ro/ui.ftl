# Lotse UI strings, Romanian (română). Machine-made translation (not reviewed by a person).
## Start and language

start-welcome = Bun venit în Dortmund! Eu sunt Lotse. Răspund la primele întrebări ale unei vieți noi în oraș — înregistrarea domiciliului, cursuri de germană, Kita, ajutoare sociale, sănătate, locuință — și vă arăt unde vă ajută oameni personal.
start-proposed-language = Telefonul dumneavoastră este setat pe { $language }. Atingeți limba mai jos sau alegeți altă limbă.
start-choose-language = Ce limbă să folosesc? O puteți schimba oricând cu /language.
language-choose = Alegeți limba dumneavoastră:
language-set = De acum vă scriu în { $language }.
language-unknown = Nu cunosc această alegere de limbă. Vă rog să alegeți unul dintre butoane.

## Menu and topics

menu-title = Cu ce vă pot ajuta? Alegeți o temă:
topic-registration = Înregistrarea domiciliului
topic-residence_permit = Permis de ședere
topic-language_course = Cursuri de germană
topic-kita = Kita (grădiniță, îngrijirea copiilor)
topic-school = Școală
topic-jobcenter_benefits = Jobcenter și ajutoare sociale
topic-work_recognition = Muncă și diplome
topic-health = Sănătate
topic-housing = Locuință
topic-banking = Cont bancar
topic-transport = Autobuz și tren
topic-counselling = Consiliere lângă dumneavoastră
menu-book = 📅 Programare la MigraDO
menu-human = 💬 Vorbiți cu un om
nav-menu = ☰ Meniu
nav-human = 💬 Vorbiți cu un om
nav-other-answer = ↩ Schimbați răspunsul
answer-machine-note = ⓘ Tradus automat, încă neverificat de un om. Numele instituțiilor și ale documentelor rămân în germană, așa cum le vedeți pe scrisori și pe uși.
answer-fallback-note = ⓘ Acest răspuns nu există încă în limba dumneavoastră. Iată-l în { $language }.
answer-unavailable = Nu pot afișa acest răspuns acum. Vă rog să mergeți la MigraDO: { $name }, { $address }. Consilierea acolo este gratuită.

## Counselling: which office is near

counselling-share-location = Puteți să vă trimiteți și locația cu butonul de mai jos. Atunci găsesc biroul pentru cartierul dumneavoastră.
counselling-location-button = 📍 Trimite locația mea
counselling-unknown-district = Nu am recunoscut acest cartier. Vă rog să atingeți unul dintre butoane sau să vă trimiteți locația.
counselling-outside-dortmund = Acest loc pare să fie în afara orașului Dortmund. Eu cunosc birourile din Dortmund. MigraDO oferă consiliere gratuită tuturor celor care sunt noi în Dortmund: { $name }, { $address }.
counselling-district-found = Locația dumneavoastră este în cartierul { $district }.

## Flows that come later


## Messages I cannot read, old buttons

fallback-free-text = Vă mulțumesc pentru mesaj! Încă nu înțeleg întrebările scrise — încă învăț. Vă rog să alegeți o temă mai jos. Dacă tema dumneavoastră nu este acolo, atingeți „Vorbiți cu un om”.
fallback-media = Nu pot deschide stickere, fotografii, mesaje vocale sau fișiere. Vă rog să alegeți o temă mai jos sau să atingeți „Vorbiți cu un om”.
fallback-stale-button = Acest buton nu mai este valabil. Iată meniul actual.
fallback-private-only = Vă rog să îmi scrieți într-un chat privat.

## Errors

error-generic = Ne pare rău, ceva nu a funcționat la mine. Vă rog să încercați din nou peste un minut.
error-storage = Nu pot ajunge la memoria mea acum. Vă rog să încercați din nou peste un minut.

## Privacy

privacy-info = Ce salvez despre dumneavoastră: limba aleasă și unde sunteți într-o conversație — se șterg la { $days } de zile după ultima modificare. Ultimele întrebări pe care mi le-ați pus, timp de două ore, ca echipa de consiliere să le vadă dacă doriți să vorbiți cu un om. Programările dumneavoastră la MigraDO, cu nume și număr de telefon — se șterg la { $booking_days } de zile după programare. Conversațiile cu echipa de consiliere — se șterg la { $case_days } de zile după ce se încheie. Cu /delete_my_data șterg imediat totul; mai întâi anulez programările.
privacy-delete-ask = Să șterg tot ce am salvat despre dumneavoastră?
privacy-delete-yes = Da, ștergeți datele mele
privacy-delete-no = Nu, păstrați-le
privacy-deleted = Gata: am șters tot ce salvasem despre dumneavoastră — și programările (sunt anulate), și conversațiile cu echipa de consiliere. Cu /start puteți începe din nou.
privacy-delete-cancelled = Nu s-a șters nimic.

## Help and command descriptions

help-text = Răspund la întrebări despre sosirea în Dortmund. /menu arată temele, /language schimbă limba, /privacy explică ce salvez.
command-start = Pornire și alegerea limbii
command-menu = Arată temele
command-language = Schimbă limba
command-privacy = Ce salvez despre dumneavoastră
command-help = Cum folosiți Lotse

## Întrebări scrise

nlu-did-you-mean = Nu știu sigur dacă v-am înțeles bine. V-ați referit la una dintre acestea?
nlu-not-understood = Îmi pare rău, nu pot răspunde la asta. Acestea sunt temele pe care le cunosc — sau atingeți „Vorbiți cu un om”.
nlu-unavailable = Acum nu pot citi întrebările scrise. Vă rog să alegeți o temă mai jos.
nlu-greet = Bună ziua! Cu ce vă pot ajuta? Alegeți o temă sau scrieți întrebarea dumneavoastră în câteva cuvinte.
nlu-thanks = Cu plăcere! Vă mai pot ajuta cu ceva?
nlu-goodbye = La revedere și toate cele bune în Dortmund! Scrieți-mi oricând aveți nevoie de mine.
language-switch-offer = Ați scris în această limbă: { $language }. Să vă scriu de acum în această limbă? Atingeți butonul.

## Alte limbi (traducere automată)

language-other = 🌐 Altă limbă
language-other-ask = Scrieți numele limbii dumneavoastră în engleză sau codul ei — de exemplu „Tigrinya” sau „ti”.
language-other-choose = La care vă referiți?
language-other-unknown = Nu am găsit această limbă. Vă rog să scrieți numele ei în engleză sau codul ei, sau să alegeți una dintre limbile de mai jos.
language-other-unavailable = Pentru alte limbi am nevoie de serviciul de traducere, dar acum nu îl pot accesa. Vă rog să alegeți una dintre aceste limbi.
translation-unavailable = Acum nu pot accesa serviciul de traducere, așa că iată textul în această limbă: { $language }.

## Programare la MigraDO

booking-choose-service = Pentru ce programare la MigraDO? Consilierea este gratuită, și cu interpreți prin video. MigraDO se află aici: { $address }.
booking-duration = Durează aproximativ { $minutes } min.
booking-bring-title = Vă rog să aduceți:
booking-choose-day = În ce zi doriți să veniți?
booking-no-days = Ne pare rău, pentru această programare nu este nimic liber în următoarele { $days } de zile. Vă rog să verificați din nou aici peste câteva zile sau să vorbiți cu un om.
booking-choose-time = { $day }: la ce oră?
booking-no-times = În această zi nu mai este nimic liber. Vă rog să alegeți altă zi.
booking-other-day = 📅 Altă zi
booking-held = Vă păstrez ora { $time } pe { $day } ({ $minutes } min.).
booking-choose-interpreter = Aveți nevoie de un interpret sau de o interpretă? MigraDO lucrează și cu interpreți prin video. Ce limbă?
booking-no-interpreter = Nu, vorbesc germana
booking-ask-name = Pe ce nume să fac programarea? Vă rog să scrieți prenumele și numele de familie.
booking-name-invalid = Vă rog să scrieți doar numele dumneavoastră: litere, între 2 și 80 de caractere.
booking-ask-phone = Doriți să ne dați un număr de telefon? Atunci MigraDO vă poate suna dacă programarea trebuie schimbată. Numărul se șterge la { $days } de zile după programare sau imediat cu /delete_my_data. Scrieți numărul sau atingeți butonul.
booking-skip-phone = Continuați fără telefon
booking-phone-invalid = Acesta nu pare un număr de telefon. Vă rog să folosiți doar cifre, spații și +. Sau atingeți „Continuați fără telefon”.
booking-summary = Vă rog să verificați programarea:
booking-label-service = Programare
booking-label-when = Când
booking-label-where = Unde
booking-label-interpreter = Interpret
booking-label-name = Nume
booking-label-phone = Telefon
booking-label-code = Număr de programare
booking-interpreter-none = fără (germană)
booking-confirm = ✅ Confirmați programarea
booking-abort = ✖ Anulați
booking-confirmed = Programarea dumneavoastră este făcută. Vă rog să veniți la timp și să aduceți numărul de programare. Vă amintesc cu o zi înainte și cu două ore înainte.
booking-calendar = Programarea dumneavoastră pentru calendar (atingeți ca să o deschideți).
booking-map-link = Arată pe hartă
booking-full = Ne pare rău, această oră tocmai a fost ocupată. Acestea sunt următoarele ore libere:
booking-expired = Timpul rezervat pentru dumneavoastră a expirat, iar ora a fost ocupată între timp. Acestea sunt următoarele ore libere:
booking-invalid-slot = Această oră nu mai poate fi rezervată. Vă rog să alegeți alta.
booking-overlap = Aveți deja o programare la această oră ({ $code }). Vă rog să alegeți altă oră.
booking-too-many = Aveți deja { $count } programări. Vă rog să anulați mai întâi una dintre ele (/mybookings), apoi puteți face una nouă.
booking-aborted = Bine, nu am rezervat nimic.
booking-no-draft = Acest pas nu mai aparține unei programări deschise. Vă rog să începeți din nou.
booking-unavailable = Acum nu pot face programări. Vă rog să încercați din nou peste un minut sau să mergeți direct la MigraDO: { $name }, { $address }.
booking-offer = 📅 Programare: { $service }
booking-reminder-day = Amintire: mâine aveți o programare la MigraDO.
booking-reminder-2h = Amintire: peste două ore aveți o programare la MigraDO.
booking-office-closed = Din păcate, MigraDO este închis pe { $day }. De aceea programarea dumneavoastră { $code } nu poate avea loc — ne pare rău. Atingeți una dintre următoarele ore libere și o rezerv din nou cu datele dumneavoastră:
booking-office-closed-none = Din păcate, MigraDO este închis pe { $day }. De aceea programarea dumneavoastră { $code } nu poate avea loc — ne pare rău. Puteți face o programare nouă cu /mybookings sau din meniu.

## Programările mele

mybookings-none = Acum nu aveți programări la MigraDO.
mybookings-title = Programările dumneavoastră:
mybookings-cancel = ✖ Anulați { $code }
mybookings-move = ↔ Mutați { $code }
mybookings-cancel-ask = Sigur doriți să anulați această programare?
mybookings-cancel-yes = Da, anulați
mybookings-cancel-no = Nu, o păstrez
mybookings-cancelled = Programarea dumneavoastră { $code } este anulată. Ora este acum liberă pentru alții. Vă mulțumim că ne-ați anunțat!
mybookings-kept = Bine, programarea dumneavoastră rămâne.
mybookings-move-day = În ce zi doriți să mutați programarea?
mybookings-moved = Programarea dumneavoastră a fost mutată. Programarea veche { $code } este anulată.
mybookings-not-yours = Nu găsesc această programare sau a fost deja anulată.
command-mybookings = Programările mele la MigraDO
staff-only = Această comandă este doar pentru consilierele și consilierii de la MigraDO.

## Vorbiți cu un om (consiliere în chat)

handoff-unavailable = Acum nu puteți scrie aici în chat cu o consilieră sau un consilier. Consilierii de la MigraDO vă ajută personal, gratuit, în multe limbi și cu interpreți prin video: { $name }, { $address }.
handoff-consent = Vă pot pune în legătură cu echipa de consiliere de la MigraDO. Pentru asta, echipa primește: limba dumneavoastră, prenumele din Telegram, ultimele întrebări pe care mi le-ați pus, programările dumneavoastră și tot ce scrieți aici de acum înainte. Mesajele dumneavoastră sunt traduse automat. Conversația se șterge la { $days } de zile după ce se încheie sau imediat cu /delete_my_data. Sunteți de acord?
handoff-consent-yes = ✅ Da, vă rog să mă conectați
handoff-consent-no = Nu, mulțumesc
handoff-declined = Bine, nu am transmis nimic. Puteți alege oricând din nou „Vorbiți cu un om”.
handoff-ask-subject = Despre ce este vorba? Scrieți într-o singură propoziție — sau atingeți butonul.
handoff-skip-subject = Continuați fără descriere
handoff-opened = Cererea dumneavoastră nr. { $case } a ajuns la echipa de consiliere. Scrieți mai departe aici, eu traduc în ambele sensuri. Cu /end încheiați conversația.
handoff-expect-now = Echipa este acum de serviciu și răspunde imediat ce cineva este liber. Poate dura puțin.
handoff-expect-later = Acum nu este nimeni de serviciu. Următorul program de consiliere începe: { $when }. Mesajele dumneavoastră așteaptă până atunci. Puteți face și o programare la MigraDO.
handoff-already-open = Sunteți deja în legătură cu echipa de consiliere (cererea nr. { $case }). Scrieți pur și simplu aici.
handoff-end = ✖ Încheiați conversația
handoff-ended-by-you = Ați încheiat conversația. Vă mulțumim! Puteți alege oricând din nou „Vorbiți cu un om”.
handoff-closed = Echipa de consiliere a închis cererea dumneavoastră nr. { $case }. Puteți începe oricând una nouă.
handoff-no-case = Acum nu aveți nicio conversație deschisă cu echipa de consiliere.
handoff-claimed = O consilieră sau un consilier se ocupă acum de cererea dumneavoastră.
handoff-reply = 💬 Răspuns de la echipa de consiliere:
handoff-original = Originalul în germană:
handoff-not-translated = Acum nu am putut traduce acest mesaj. Iată-l în germană:
handoff-media-not-sent = Nu pot transmite acest tip de mesaj. Vă rog să scrieți un text sau să trimiteți o fotografie sau un fișier.
handoff-emergency = ⚠️ Dacă sunteți în pericol sau altcineva este în pericol, sunați imediat: urgențe (ambulanță, pompieri) { $emergency }, poliție { $police }. Telefonseelsorge (linie telefonică de criză), gratuit, zi și noapte: { $crisis }.
handoff-emergency-urgent = Am trimis mesajul dumneavoastră ca urgent la echipa de consiliere.
handoff-emergency-offer = Doriți să scrieți acum unui om? Atingeți butonul.
command-end = Încheie conversația cu consilierul

## Întrebări frecvente și păreri despre răspunsuri

faq-intro = ❓ Întrebări frecvente despre „{ $topic }”:
faq-back = ↩ Înapoi la: { $topic }
faq-office = 📍 Biroul „lokal willkommen” de lângă mine
feedback-up = 👍 Util
feedback-down = 👎 Nu a fost util
feedback-thanks = Vă mulțumesc pentru părere!
feedback-already = Ați evaluat deja acest răspuns. Mulțumesc!
feedback-ask-missing = Ce a lipsit? Scrieți-mi într-un singur rând – sau apăsați „Omite”. Vă rog să nu scrieți nume sau alte date personale. Păstrez doar acest text, fără legătură cu dumneavoastră, timp de { $days } zile.
feedback-skip = Omite
feedback-skipped = În regulă. Mulțumesc!
feedback-saved = Mulțumesc! Am notat. Echipa editorială îl folosește pentru a îmbunătăți răspunsurile.
privacy-feedback = Când apăsați 👍 sau 👎, număr asta fără numele dumneavoastră. Ce scrieți apoi despre ce a lipsit păstrez { $days } zile, fără legătură cu dumneavoastră.
