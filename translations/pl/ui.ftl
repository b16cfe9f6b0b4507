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

booking-coming-soon = Rezerwacja wizyty tutaj na czacie będzie wkrótce możliwa. Do tego czasu proszę pójść osobiście do MigraDO: { $name }, { $address }. Porady są tam bezpłatne dla wszystkich osób, które są nowe w Dortmundzie.
handoff-coming-soon = Pisanie z doradczynią lub doradcą przez ten czat będzie wkrótce możliwe. Do tego czasu doradczynie i doradcy z MigraDO pomogą Państwu osobiście, bezpłatnie, w wielu językach i z tłumaczami przez wideo: { $name }, { $address }.

## Wiadomości, których nie mogę przeczytać, stare przyciski

fallback-free-text = Dziękuję za wiadomość! Nie rozumiem jeszcze pisanych pytań — wciąż się uczę. Proszę wybrać temat poniżej. Jeśli Państwa tematu tam nie ma, proszę dotknąć „Rozmowa z człowiekiem”.
fallback-media = Nie mogę otwierać naklejek, zdjęć, wiadomości głosowych ani plików. Proszę wybrać temat poniżej albo dotknąć „Rozmowa z człowiekiem”.
fallback-stale-button = Ten przycisk jest już nieaktualny. Oto aktualne menu.
fallback-private-only = Proszę napisać do mnie na czacie prywatnym.

## Błędy

error-generic = Przepraszam, coś poszło nie tak po mojej stronie. Proszę spróbować ponownie za minutę.
error-storage = Nie mam teraz dostępu do mojej pamięci. Proszę spróbować ponownie za minutę.

## Ochrona danych

privacy-info = Co zapisuję o Państwu: wybrany język i miejsce w rozmowie (na przykład to, że zapytałem o Państwa dzielnicę). Nie zapisuję treści Państwa wiadomości. Państwa dane zostaną usunięte { $days } dni po Państwa ostatniej zmianie albo od razu poleceniem /delete_my_data.
privacy-delete-ask = Czy mam usunąć wszystko, co o Państwu zapisałem?
privacy-delete-yes = Tak, usuń moje dane
privacy-delete-no = Nie, zachowaj
privacy-deleted = Gotowe: usunąłem wszystko, co o Państwu zapisałem. Poleceniem /start można zacząć od nowa.
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
