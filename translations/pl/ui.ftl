# Lotse UI strings, Polish (polski). Machine-made translation (not reviewed by a person).
## Start i język

start-welcome = Witamy w Dortmundzie! Jestem Lotse. Odpowiadam na pierwsze pytania związane z nowym życiem w mieście — meldunek, kursy niemieckiego, Kita, świadczenia, zdrowie, mieszkanie — i pokazuję, gdzie ludzie pomogą Państwu osobiście.
start-proposed-language = Państwa telefon ma ustawiony język: { $language }. Proszę dotknąć go poniżej albo wybrać inny język.
start-choose-language = W jakim języku mam pisać? Język można zmienić w każdej chwili poleceniem /language.
language-choose = Proszę wybrać język:
language-set = Od teraz piszę do Państwa w tym języku: { $language }.
language-unknown = Nie znam tego wyboru języka. Proszę wybrać jeden z przycisków.

## Menu i tematy

menu-title = W czym mogę pomóc? Proszę wybrać temat:
topic-registration = Meldunek (zameldowanie adresu)
topic-residence_permit = Dokument pobytowy
topic-language_course = Kursy niemieckiego
topic-kita = Kita (opieka nad dziećmi)
topic-school = Szkoła
topic-jobcenter_benefits = Jobcenter i świadczenia
topic-work_recognition = Praca i kwalifikacje
topic-health = Zdrowie
topic-housing = Mieszkanie
topic-banking = Konto bankowe
topic-transport = Autobusy i pociągi
topic-counselling = Doradztwo w pobliżu
menu-book = 📅 Umów wizytę w MigraDO
menu-human = 💬 Rozmowa z człowiekiem
nav-menu = ☰ Menu
nav-human = 💬 Rozmowa z człowiekiem
nav-other-answer = ↩ Zmień odpowiedź
answer-machine-note = ⓘ Przetłumaczone maszynowo, jeszcze niesprawdzone przez człowieka. Nazwy urzędów i dokumentów pozostają po niemiecku — tak, jak zobaczą je Państwo na listach i na drzwiach.
answer-fallback-note = ⓘ Ta odpowiedź nie jest jeszcze dostępna w Państwa języku. Oto ona w tym języku: { $language }.
answer-unavailable = Przepraszam, nie mogę teraz pokazać tej odpowiedzi. Proszę pójść do MigraDO: { $name }, { $address }. Porady są tam bezpłatne.

## Doradztwo: które biuro jest w pobliżu

counselling-share-location = Można też udostępnić swoją lokalizację przyciskiem poniżej. Wtedy znajdę biuro dla Państwa dzielnicy.
counselling-location-button = 📍 Udostępnij moją lokalizację
counselling-unknown-district = Nie rozpoznałem tej dzielnicy. Proszę dotknąć jednego z przycisków albo udostępnić swoją lokalizację.
counselling-outside-dortmund = To miejsce leży chyba poza Dortmundem. Znam biura w Dortmundzie. MigraDO bezpłatnie doradza wszystkim osobom, które są nowe w Dortmundzie: { $name }, { $address }.
counselling-district-found = Państwa lokalizacja jest w dzielnicy { $district }.

## Funkcje, które pojawią się później


## Wiadomości, których nie mogę przeczytać, stare przyciski

fallback-free-text = Dziękuję za wiadomość! Nie rozumiem jeszcze pisanych pytań — wciąż się uczę. Proszę wybrać temat poniżej. Jeśli Państwa tematu tam nie ma, proszę dotknąć „Rozmowa z człowiekiem”.
fallback-media = Nie mogę otwierać naklejek, zdjęć, wiadomości głosowych ani plików. Proszę wybrać temat poniżej albo dotknąć „Rozmowa z człowiekiem”.
fallback-stale-button = Ten przycisk jest już nieaktualny. Oto aktualne menu.
fallback-private-only = Proszę napisać do mnie na czacie prywatnym.

## Błędy

error-generic = Przepraszam, coś poszło nie tak po mojej stronie. Proszę spróbować ponownie za minutę.
error-storage = Nie mam teraz dostępu do mojej pamięci. Proszę spróbować ponownie za minutę.

## Ochrona danych

privacy-info = Co zapisuję o Państwu: wybrany język i miejsce w rozmowie — usuwam je { $days } dni po Państwa ostatniej zmianie. Państwa ostatnie pytania do mnie, przez dwie godziny, aby zespół doradców mógł je zobaczyć, jeśli zechcą Państwo porozmawiać z człowiekiem. Państwa wizyty w MigraDO z imieniem, nazwiskiem i numerem telefonu — usuwam je { $booking_days } dni po wizycie. Rozmowy z zespołem doradców — usuwam je { $case_days } dni po ich zakończeniu. Poleceniem /delete_my_data od razu usuwam wszystko; wcześniej odwołuję wizyty.
privacy-delete-ask = Czy mam usunąć wszystko, co o Państwu zapisałem?
privacy-delete-yes = Tak, usuń moje dane
privacy-delete-no = Nie, zachowaj
privacy-deleted = Gotowe: usunąłem wszystko, co o Państwu zapisałem — także Państwa wizyty (są odwołane) i rozmowy z zespołem doradców. Poleceniem /start można zacząć od nowa.
privacy-delete-cancelled = Nic nie zostało usunięte.

## Pomoc i opisy poleceń

help-text = Odpowiadam na pytania o przyjazd do Dortmundu. /menu pokazuje tematy, /language zmienia język, /privacy wyjaśnia, co zapisuję.
command-start = Start i wybór języka
command-menu = Pokaż tematy
command-language = Zmień język
command-privacy = Co zapisuję o Państwu
command-help = Jak korzystać z Lotse

## Pisane pytania

nlu-did-you-mean = Nie wiem, czy dobrze Państwa rozumiem. Czy chodziło Państwu o jedną z tych opcji?
nlu-not-understood = Niestety nie mogę na to odpowiedzieć. Oto tematy, które znam — albo proszę dotknąć „Rozmowa z człowiekiem”.
nlu-unavailable = W tej chwili nie mogę czytać pisanych pytań. Proszę wybrać temat poniżej.
nlu-greet = Dzień dobry! W czym mogę pomóc? Proszę wybrać temat albo napisać pytanie w kilku słowach.
nlu-thanks = Nie ma za co! Czy mogę pomóc w czymś jeszcze?
nlu-goodbye = Do widzenia i wszystkiego dobrego w Dortmundzie! Proszę pisać do mnie zawsze, gdy potrzebują Państwo pomocy.
language-switch-offer = Napisali Państwo w tym języku: { $language }. Czy od teraz mam pisać do Państwa w tym języku? Proszę dotknąć przycisku.

## Inne języki (tłumaczenie maszynowe)

language-other = 🌐 Inny język
language-other-ask = Proszę napisać nazwę swojego języka po angielsku albo jego kod — na przykład „Tigrinya” albo „ti”.
language-other-choose = Który język mają Państwo na myśli?
language-other-unknown = Nie udało mi się znaleźć tego języka. Proszę napisać jego angielską nazwę albo kod lub wybrać jeden z języków poniżej.
language-other-unavailable = Inne języki wymagają usługi tłumaczenia, z którą nie mogę się teraz połączyć. Proszę wybrać jeden z tych języków.
translation-unavailable = Nie mogę się teraz połączyć z usługą tłumaczenia, dlatego oto tekst w tym języku: { $language }.

## Umawianie wizyty w MigraDO

booking-choose-service = Na jaką wizytę w MigraDO? Porady są bezpłatne, także z tłumaczami przez wideo. MigraDO jest tutaj: { $address }.
booking-duration = Czas trwania: około { $minutes } min
booking-bring-title = Proszę zabrać ze sobą:
booking-choose-day = W jakim dniu chcą Państwo przyjść?
booking-no-days = Niestety na tę wizytę nie ma wolnych terminów w ciągu najbliższych { $days } dni. Proszę zajrzeć tu ponownie za kilka dni albo porozmawiać z człowiekiem.
booking-choose-time = { $day }: o której godzinie?
booking-no-times = W tym dniu nie ma już wolnych terminów. Proszę wybrać inny dzień.
booking-other-day = 📅 Inny dzień
booking-held = Rezerwuję dla Państwa godzinę { $time } w dniu { $day } ({ $minutes } min).
booking-choose-interpreter = Czy potrzebują Państwo tłumaczki lub tłumacza? MigraDO pracuje też z tłumaczami przez wideo. Jaki język?
booking-no-interpreter = Nie, mówię po niemiecku
booking-ask-name = Na jakie nazwisko mam zapisać wizytę? Proszę napisać imię i nazwisko.
booking-name-invalid = Proszę napisać tylko imię i nazwisko: litery, od 2 do 80 znaków.
booking-ask-phone = Czy chcą Państwo podać numer telefonu? Wtedy MigraDO może do Państwa zadzwonić, jeśli wizyta musi się zmienić. Numer zostanie usunięty { $days } dni po wizycie albo od razu poleceniem /delete_my_data. Proszę napisać numer albo dotknąć przycisku.
booking-skip-phone = Dalej bez numeru telefonu
booking-phone-invalid = To nie wygląda na numer telefonu. Proszę używać tylko cyfr, spacji i znaku +. Albo proszę dotknąć „Dalej bez numeru telefonu”.
booking-summary = Proszę sprawdzić swoją wizytę:
booking-label-service = Wizyta
booking-label-when = Kiedy
booking-label-where = Gdzie
booking-label-interpreter = Tłumaczenie
booking-label-name = Imię i nazwisko
booking-label-phone = Telefon
booking-label-code = Numer rezerwacji
booking-interpreter-none = brak (niemiecki)
booking-confirm = ✅ Zarezerwuj
booking-abort = ✖ Anuluj
booking-confirmed = Wizyta jest zarezerwowana. Proszę przyjść punktualnie i zabrać ze sobą numer rezerwacji. Przypomnę Państwu o niej dzień wcześniej i dwie godziny wcześniej.
booking-calendar = Państwa wizyta do kalendarza (proszę dotknąć, aby otworzyć).
booking-map-link = Pokaż na mapie
booking-full = Niestety ta godzina została właśnie zajęta. Oto najbliższe wolne terminy:
booking-expired = Czas, na który zarezerwowałem dla Państwa ten termin, minął, a termin został już zajęty. Oto najbliższe wolne terminy:
booking-invalid-slot = Tego terminu nie można już zarezerwować. Proszę wybrać nowy.
booking-overlap = Mają już Państwo wizytę o tej godzinie ({ $code }). Proszę wybrać inną godzinę.
booking-too-many = Mają już Państwo umówione wizyty: { $count }. Proszę najpierw odwołać jedną z nich (/mybookings), a potem można umówić nową.
booking-aborted = Dobrze, niczego nie zarezerwowałem.
booking-no-draft = Ten krok nie należy już do żadnej otwartej rezerwacji. Proszę zacząć od nowa.
booking-unavailable = W tej chwili nie mogę umawiać wizyt. Proszę spróbować ponownie za minutę albo pójść bezpośrednio do MigraDO: { $name }, { $address }.
booking-offer = 📅 Wizyta: { $service }
booking-reminder-day = Przypomnienie: jutro mają Państwo wizytę w MigraDO.
booking-reminder-2h = Przypomnienie: za dwie godziny mają Państwo wizytę w MigraDO.
booking-office-closed = Niestety w dniu { $day } MigraDO jest zamknięte. Dlatego Państwa wizyta { $code } się nie odbędzie — bardzo przepraszamy. Proszę dotknąć jednego z najbliższych wolnych terminów, a zarezerwuję go ponownie z Państwa danymi:
booking-office-closed-none = Niestety w dniu { $day } MigraDO jest zamknięte. Dlatego Państwa wizyta { $code } się nie odbędzie — bardzo przepraszamy. Nową wizytę można umówić poleceniem /mybookings albo w menu.

## Moje wizyty

mybookings-none = Nie mają Państwo teraz żadnych wizyt w MigraDO.
mybookings-title = Państwa wizyty:
mybookings-cancel = ✖ Odwołaj { $code }
mybookings-move = ↔ Przełóż { $code }
mybookings-cancel-ask = Czy na pewno chcą Państwo odwołać tę wizytę?
mybookings-cancel-yes = Tak, odwołaj
mybookings-cancel-no = Nie, zostaw
mybookings-cancelled = Państwa wizyta { $code } jest odwołana. Ten termin jest teraz wolny dla innych. Dziękujemy za informację!
mybookings-kept = Dobrze, Państwa wizyta pozostaje.
mybookings-move-day = Na jaki dzień chcą Państwo przełożyć wizytę?
mybookings-moved = Państwa wizyta została przełożona. Stara wizyta { $code } jest odwołana.
mybookings-not-yours = Nie mogę znaleźć tej wizyty albo jest już odwołana.
command-mybookings = Moje wizyty w MigraDO
staff-only = To polecenie jest tylko dla doradczyń i doradców MigraDO.

## Rozmowa z człowiekiem (porady na czacie)

handoff-unavailable = Pisanie z doradczynią lub doradcą tutaj na czacie nie jest teraz możliwe. Doradczynie i doradcy z MigraDO pomogą Państwu osobiście, bezpłatnie, w wielu językach i z tłumaczami przez wideo: { $name }, { $address }.
handoff-consent = Mogę połączyć Państwa z zespołem doradców MigraDO. Zespół otrzyma wtedy: Państwa język, imię z konta Telegram, ostatnie pytania do mnie, Państwa wizyty i wszystko, co od teraz Państwo tu napiszą. Wiadomości są tłumaczone maszynowo. Rozmowa zostanie usunięta { $days } dni po jej zakończeniu albo od razu poleceniem /delete_my_data. Czy zgadzają się Państwo?
handoff-consent-yes = ✅ Tak, proszę połączyć
handoff-consent-no = Nie, dziękuję
handoff-declined = Dobrze, niczego nie przekazałem. W każdej chwili mogą Państwo znowu wybrać „Rozmowa z człowiekiem”.
handoff-ask-subject = O co chodzi? Proszę napisać to w jednym zdaniu — albo dotknąć przycisku.
handoff-skip-subject = Dalej bez opisu
handoff-opened = Państwa zgłoszenie nr { $case } dotarło do zespołu doradców. Proszę po prostu pisać dalej tutaj, tłumaczę w obie strony. Poleceniem /end kończą Państwo rozmowę.
handoff-expect-now = Zespół ma teraz dyżur i odpowie, gdy tylko ktoś będzie wolny. To może chwilę potrwać.
handoff-expect-later = Teraz nikt nie ma dyżuru. Następny dyżur doradców zaczyna się: { $when }. Państwa wiadomości poczekają do tego czasu. Mogą Państwo też umówić wizytę w MigraDO.
handoff-already-open = Są już Państwo połączeni z zespołem doradców (zgłoszenie nr { $case }). Proszę po prostu pisać tutaj.
handoff-end = ✖ Zakończ rozmowę
handoff-ended-by-you = Zakończyli Państwo rozmowę. Dziękuję! W każdej chwili mogą Państwo znowu wybrać „Rozmowa z człowiekiem”.
handoff-closed = Zespół doradców zamknął Państwa zgłoszenie nr { $case }. W każdej chwili mogą Państwo zacząć nowe.
handoff-no-case = Nie mają Państwo teraz otwartej rozmowy z zespołem doradców.
handoff-claimed = Doradczyni lub doradca zajmuje się teraz Państwa zgłoszeniem.
handoff-reply = 💬 Odpowiedź od zespołu doradców:
handoff-original = Oryginał po niemiecku:
handoff-not-translated = Nie udało mi się teraz przetłumaczyć tej wiadomości. Oto ona po niemiecku:
handoff-media-not-sent = Nie mogę przekazać tego rodzaju wiadomości. Proszę napisać tekst albo wysłać zdjęcie lub plik.
handoff-emergency = ⚠️ Jeśli Państwu lub komuś innemu grozi niebezpieczeństwo, proszę od razu zadzwonić: numer alarmowy (pogotowie, straż pożarna) { $emergency }, policja { $police }. Telefonseelsorge (telefon zaufania w kryzysie), bezpłatnie, w dzień i w nocy: { $crisis }.
handoff-emergency-urgent = Przekazałem Państwa wiadomość zespołowi doradców jako pilną.
handoff-emergency-offer = Czy chcą Państwo teraz napisać do człowieka? Proszę dotknąć przycisku.
command-end = Zakończ rozmowę z doradcą

## Częste pytania i opinie o odpowiedziach

faq-intro = ❓ Częste pytania na temat „{ $topic }”:
faq-back = ↩ Wróć do: { $topic }
faq-office = 📍 Biuro „lokal willkommen” w mojej okolicy
feedback-up = 👍 Pomocne
feedback-down = 👎 Niepomocne
feedback-thanks = Dziękuję za opinię!
feedback-already = Ocenili już Państwo tę odpowiedź. Dziękuję!
feedback-ask-missing = Czego zabrakło? Proszę napisać mi to w jednym wierszu – albo nacisnąć „Pomiń”. Proszę nie podawać imion ani innych danych osobowych. Przechowuję tylko ten tekst, bez powiązania z Państwem, przez { $days } dni.
feedback-skip = Pomiń
feedback-skipped = Dobrze. Dziękuję!
feedback-saved = Dziękuję! Zanotowałem to. Zespół redakcyjny wykorzysta to, aby ulepszyć odpowiedzi.
privacy-feedback = Gdy naciskają Państwo 👍 lub 👎, liczę to bez Państwa imienia. To, co napiszą Państwo potem o tym, czego zabrakło, przechowuję przez { $days } dni bez powiązania z Państwem.
