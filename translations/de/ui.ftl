# Lotse UI-Texte, Deutsch: der Referenzkatalog (Schlüssel und { $variablen }) für alle Sprachen.
## Start und Sprache

start-welcome = Willkommen in Dortmund! Ich bin Lotse. Ich beantworte die ersten Fragen eines neuen Lebens in der Stadt — Wohnsitz anmelden, Deutschkurse, Kita, Leistungen, Gesundheit, Wohnen — und zeige Ihnen, wo Menschen Ihnen persönlich helfen.
start-proposed-language = Ihr Telefon ist auf { $language } eingestellt. Tippen Sie unten darauf oder wählen Sie eine andere Sprache.
start-choose-language = Welche Sprache soll ich verwenden? Mit /language können Sie sie jederzeit ändern.
language-choose = Wählen Sie Ihre Sprache:
language-set = Ab jetzt schreibe ich Ihnen auf { $language }.
language-unknown = Diese Sprachwahl kenne ich nicht. Bitte wählen Sie einen der Knöpfe.

## Menü und Themen

menu-title = Wobei kann ich helfen? Wählen Sie ein Thema:
topic-registration = Wohnsitz anmelden
topic-residence_permit = Aufenthaltstitel
topic-language_course = Deutschkurse
topic-kita = Kita (Kinderbetreuung)
topic-school = Schule
topic-jobcenter_benefits = Jobcenter und Leistungen
topic-work_recognition = Arbeit und Abschlüsse
topic-health = Gesundheit
topic-housing = Wohnen
topic-banking = Bankkonto
topic-transport = Bus und Bahn
topic-counselling = Beratung in Ihrer Nähe
menu-book = 📅 Termin bei MigraDO buchen
menu-human = 💬 Mit einem Menschen sprechen
nav-menu = ☰ Menü
nav-human = 💬 Mit einem Menschen sprechen
nav-other-answer = ↩ Antwort ändern
answer-machine-note = ⓘ Maschinell übersetzt, noch nicht von einem Menschen geprüft. Namen von Ämtern und Dokumenten bleiben auf Deutsch, so wie Sie sie auf Briefen und an Türen sehen.
answer-fallback-note = ⓘ Diese Antwort gibt es noch nicht in Ihrer Sprache. Hier ist sie auf { $language }.
answer-unavailable = Diese Antwort kann ich gerade nicht zeigen. Bitte gehen Sie zu MigraDO: { $name }, { $address }. Die Beratung dort ist kostenlos.

## Beratung: welches Büro ist in der Nähe

counselling-share-location = Sie können auch mit dem Knopf unten Ihren Standort teilen. Dann finde ich das Büro für Ihren Stadtbezirk.
counselling-location-button = 📍 Meinen Standort teilen
counselling-unknown-district = Diesen Stadtbezirk habe ich nicht erkannt. Bitte tippen Sie auf einen der Knöpfe oder teilen Sie Ihren Standort.
counselling-outside-dortmund = Dieser Ort scheint außerhalb von Dortmund zu liegen. Ich kenne die Büros in Dortmund. MigraDO berät alle, die neu in Dortmund sind, kostenlos: { $name }, { $address }.
counselling-district-found = Ihr Standort liegt im Stadtbezirk { $district }.

## Abläufe, die später kommen


## Nachrichten, die ich nicht lesen kann, alte Knöpfe

fallback-free-text = Danke für Ihre Nachricht! Geschriebene Fragen verstehe ich noch nicht — ich lerne noch. Bitte wählen Sie unten ein Thema. Wenn Ihres nicht dabei ist, tippen Sie auf „Mit einem Menschen sprechen“.
fallback-media = Sticker, Fotos, Sprachnachrichten und Dateien kann ich nicht öffnen. Bitte wählen Sie unten ein Thema oder tippen Sie auf „Mit einem Menschen sprechen“.
fallback-stale-button = Dieser Knopf gilt nicht mehr. Hier ist das aktuelle Menü.
fallback-private-only = Bitte schreiben Sie mir in einem privaten Chat.

## Fehler

error-generic = Entschuldigung, bei mir ist etwas schiefgegangen. Bitte versuchen Sie es in einer Minute noch einmal.
error-storage = Ich erreiche meinen Speicher gerade nicht. Bitte versuchen Sie es in einer Minute noch einmal.

## Datenschutz

privacy-info = Was ich über Sie speichere: Ihre Sprachwahl und wo Sie in einem Gespräch sind – { $days } Tage nach Ihrer letzten Änderung gelöscht. Ihre letzten Fragen an mich, zwei Stunden lang, damit das Beratungsteam sie sieht, wenn Sie mit einem Menschen sprechen möchten. Ihre Termine bei MigraDO mit Name und Telefonnummer – gelöscht { $booking_days } Tage nach dem Termin. Gespräche mit dem Beratungsteam – gelöscht { $case_days } Tage nach ihrem Ende. Mit /delete_my_data lösche ich sofort alles; Termine sage ich vorher ab.
privacy-delete-ask = Soll ich alles löschen, was ich über Sie gespeichert habe?
privacy-delete-yes = Ja, meine Daten löschen
privacy-delete-no = Nein, behalten
privacy-deleted = Erledigt: Ich habe alles gelöscht, was ich über Sie gespeichert hatte – auch Ihre Termine (sie sind abgesagt) und Gespräche mit dem Beratungsteam. Mit /start können Sie neu beginnen.
privacy-delete-cancelled = Es wurde nichts gelöscht.

## Hilfe und Befehlsbeschreibungen

help-text = Ich beantworte Fragen rund um die Ankunft in Dortmund. /menu zeigt die Themen, /language ändert die Sprache, /privacy erklärt, was ich speichere.
command-start = Starten und Sprache wählen
command-menu = Themen zeigen
command-language = Sprache ändern
command-privacy = Was ich über Sie speichere
command-help = So benutzen Sie Lotse

## Getippte Fragen

nlu-did-you-mean = Ich bin nicht sicher, ob ich Sie richtig verstanden habe. Meinten Sie eines davon?
nlu-not-understood = Darauf kann ich leider nicht antworten. Das sind die Themen, die ich kenne — oder tippen Sie auf „Mit einem Menschen sprechen“.
nlu-unavailable = Getippte Fragen kann ich gerade nicht lesen. Bitte wählen Sie unten ein Thema.
nlu-greet = Hallo! Wie kann ich helfen? Wählen Sie ein Thema oder schreiben Sie Ihre Frage in ein paar Worten.
nlu-thanks = Gern geschehen! Kann ich noch bei etwas helfen?
nlu-goodbye = Auf Wiedersehen und alles Gute in Dortmund! Schreiben Sie mir, wann immer Sie mich brauchen.
language-switch-offer = Sie haben auf { $language } geschrieben. Soll ich Ihnen ab jetzt auf { $language } schreiben? Tippen Sie auf den Knopf.

## Weitere Sprachen (maschinelle Übersetzung)

language-other = 🌐 Eine andere Sprache
language-other-ask = Schreiben Sie den englischen Namen Ihrer Sprache oder ihren Code — zum Beispiel „Tigrinya“ oder „ti“.
language-other-choose = Welche meinen Sie?
language-other-unknown = Diese Sprache habe ich nicht gefunden. Bitte schreiben Sie ihren englischen Namen oder ihren Code, oder wählen Sie eine der Sprachen unten.
language-other-unavailable = Weitere Sprachen brauchen den Übersetzungsdienst, den ich gerade nicht erreiche. Bitte wählen Sie eine dieser Sprachen.
translation-unavailable = Ich erreiche den Übersetzungsdienst gerade nicht, darum hier auf { $language }.

## Termin bei MigraDO buchen

booking-choose-service = Für welchen Termin bei MigraDO? Die Beratung ist kostenlos, auch mit Video-Dolmetschern. MigraDO ist hier: { $address }.
booking-duration = Dauer: etwa { $minutes } Minuten
booking-bring-title = Bitte mitbringen:
booking-choose-day = An welchem Tag möchten Sie kommen?
booking-no-days = Für diesen Termin ist in den nächsten { $days } Tagen leider nichts frei. Bitte schauen Sie in ein paar Tagen wieder hier nach, oder sprechen Sie mit einem Menschen.
booking-choose-time = { $day }: Um wie viel Uhr?
booking-no-times = An diesem Tag ist nichts mehr frei. Bitte wählen Sie einen anderen Tag.
booking-other-day = 📅 Anderer Tag
booking-held = Ich halte { $time } am { $day } für Sie frei ({ $minutes } Minuten lang).
booking-choose-interpreter = Brauchen Sie eine Dolmetscherin oder einen Dolmetscher? MigraDO arbeitet auch mit Video-Dolmetschern. Welche Sprache?
booking-no-interpreter = Nein, ich spreche Deutsch
booking-ask-name = Auf welchen Namen soll ich den Termin eintragen? Bitte schreiben Sie Vornamen und Nachnamen.
booking-name-invalid = Bitte schreiben Sie nur Ihren Namen: Buchstaben, 2 bis 80 Zeichen.
booking-ask-phone = Möchten Sie eine Telefonnummer angeben? Dann kann MigraDO Sie anrufen, wenn sich der Termin ändern muss. Die Nummer wird { $days } Tage nach dem Termin gelöscht, oder sofort mit /delete_my_data. Schreiben Sie die Nummer oder tippen Sie auf den Knopf.
booking-skip-phone = Ohne Telefonnummer weiter
booking-phone-invalid = Das sieht nicht wie eine Telefonnummer aus. Bitte nur Ziffern, Leerzeichen und +. Oder tippen Sie auf „Ohne Telefonnummer weiter“.
booking-summary = Bitte prüfen Sie Ihren Termin:
booking-label-service = Termin
booking-label-when = Wann
booking-label-where = Wo
booking-label-interpreter = Dolmetschen
booking-label-name = Name
booking-label-phone = Telefon
booking-label-code = Buchungsnummer
booking-interpreter-none = keins (Deutsch)
booking-confirm = ✅ Verbindlich buchen
booking-abort = ✖ Abbrechen
booking-confirmed = Ihr Termin ist gebucht. Bitte kommen Sie pünktlich und bringen Sie die Buchungsnummer mit. Ich erinnere Sie am Vortag und zwei Stunden vorher.
booking-calendar = Ihr Termin für den Kalender (zum Öffnen antippen).
booking-map-link = Auf der Karte zeigen
booking-full = Diese Uhrzeit ist leider gerade vergeben worden. Das sind die nächsten freien Zeiten:
booking-expired = Die für Sie reservierte Zeit ist abgelaufen und inzwischen vergeben. Das sind die nächsten freien Zeiten:
booking-invalid-slot = Diese Zeit kann man nicht mehr buchen. Bitte wählen Sie eine neue.
booking-overlap = Sie haben zu dieser Zeit schon einen Termin ({ $code }). Bitte wählen Sie eine andere Zeit.
booking-too-many = Sie haben schon { $count } Termine. Bitte sagen Sie zuerst einen davon ab (/mybookings), dann können Sie einen neuen buchen.
booking-aborted = In Ordnung, ich habe nichts gebucht.
booking-no-draft = Dieser Schritt gehört zu keiner offenen Buchung mehr. Bitte beginnen Sie neu.
booking-unavailable = Termine kann ich gerade nicht buchen. Bitte versuchen Sie es in einer Minute noch einmal, oder gehen Sie direkt zu MigraDO: { $name }, { $address }.
booking-offer = 📅 Termin: { $service }
booking-reminder-day = Erinnerung: Morgen haben Sie einen Termin bei MigraDO.
booking-reminder-2h = Erinnerung: In zwei Stunden haben Sie einen Termin bei MigraDO.
booking-office-closed = Leider ist MigraDO am { $day } geschlossen. Ihr Termin { $code } fällt deshalb aus – das tut uns leid. Tippen Sie auf eine der nächsten freien Zeiten, dann buche ich sie mit Ihren Angaben neu:
booking-office-closed-none = Leider ist MigraDO am { $day } geschlossen. Ihr Termin { $code } fällt deshalb aus – das tut uns leid. Mit /mybookings oder dem Menü können Sie einen neuen Termin buchen.

## Meine Termine

mybookings-none = Sie haben gerade keine Termine bei MigraDO.
mybookings-title = Ihre Termine:
mybookings-cancel = ✖ { $code } absagen
mybookings-move = ↔ { $code } verschieben
mybookings-cancel-ask = Möchten Sie diesen Termin wirklich absagen?
mybookings-cancel-yes = Ja, absagen
mybookings-cancel-no = Nein, behalten
mybookings-cancelled = Ihr Termin { $code } ist abgesagt. Die Zeit ist jetzt für andere frei. Danke, dass Sie Bescheid gesagt haben!
mybookings-kept = Gut, Ihr Termin bleibt.
mybookings-move-day = Auf welchen Tag möchten Sie den Termin verschieben?
mybookings-moved = Ihr Termin ist verschoben. Der alte Termin { $code } ist abgesagt.
mybookings-not-yours = Diesen Termin finde ich nicht, oder er ist schon abgesagt.
command-mybookings = Meine Termine bei MigraDO
staff-only = Dieser Befehl ist nur für die Beraterinnen und Berater von MigraDO.

## Mit einem Menschen sprechen (Beratung im Chat)

handoff-unavailable = Mit einer Beraterin oder einem Berater hier im Chat schreiben geht gerade nicht. Die Beraterinnen und Berater von MigraDO helfen Ihnen persönlich, kostenlos, in vielen Sprachen und mit Video-Dolmetschern: { $name }, { $address }.
handoff-consent = Ich kann Sie mit dem Beratungsteam von MigraDO verbinden. Dafür bekommt das Team: Ihre Sprache, Ihren Vornamen aus Telegram, Ihre letzten Fragen an mich, Ihre Termine und alles, was Sie ab jetzt hier schreiben. Ihre Nachrichten werden maschinell übersetzt. Das Gespräch wird { $days } Tage nach seinem Ende gelöscht, oder sofort mit /delete_my_data. Sind Sie einverstanden?
handoff-consent-yes = ✅ Ja, bitte verbinden
handoff-consent-no = Nein, danke
handoff-declined = In Ordnung, ich habe nichts weitergegeben. Sie können jederzeit wieder „Mit einem Menschen sprechen“ wählen.
handoff-ask-subject = Worum geht es? Schreiben Sie es in einem Satz – oder tippen Sie auf den Knopf.
handoff-skip-subject = Weiter ohne Beschreibung
handoff-opened = Ihre Anfrage Nr. { $case } ist beim Beratungsteam angekommen. Schreiben Sie hier einfach weiter, ich übersetze in beide Richtungen. Mit /end beenden Sie das Gespräch.
handoff-expect-now = Das Team ist gerade im Dienst und antwortet, sobald jemand frei ist. Das kann etwas dauern.
handoff-expect-later = Gerade ist niemand im Dienst. Die nächste Beratungszeit beginnt { $when }. Ihre Nachrichten warten bis dahin. Sie können auch einen Termin bei MigraDO buchen.
handoff-already-open = Sie sind schon mit dem Beratungsteam verbunden (Anfrage Nr. { $case }). Schreiben Sie einfach hier.
handoff-end = ✖ Gespräch beenden
handoff-ended-by-you = Sie haben das Gespräch beendet. Danke! Sie können jederzeit wieder „Mit einem Menschen sprechen“ wählen.
handoff-closed = Das Beratungsteam hat Ihre Anfrage Nr. { $case } abgeschlossen. Sie können jederzeit eine neue beginnen.
handoff-no-case = Sie haben gerade kein offenes Gespräch mit dem Beratungsteam.
handoff-claimed = Eine Beraterin oder ein Berater kümmert sich jetzt um Ihre Anfrage.
handoff-reply = 💬 Antwort vom Beratungsteam:
handoff-original = Original auf Deutsch:
handoff-not-translated = Ich konnte diese Nachricht gerade nicht übersetzen. Hier ist sie auf Deutsch:
handoff-media-not-sent = Diese Art von Nachricht kann ich nicht weitergeben. Bitte schreiben Sie Text, oder schicken Sie ein Foto oder eine Datei.
handoff-emergency = ⚠️ Wenn Sie oder jemand anderes in Gefahr sind, rufen Sie sofort an: Notruf (Rettungsdienst, Feuerwehr) { $emergency }, Polizei { $police }. Telefonseelsorge, kostenlos, Tag und Nacht: { $crisis }.
handoff-emergency-urgent = Ich habe Ihre Nachricht als dringend an das Beratungsteam gegeben.
handoff-emergency-offer = Möchten Sie jetzt einem Menschen schreiben? Tippen Sie auf den Knopf.
command-end = Gespräch mit der Beratung beenden

## Häufige Fragen und Rückmeldungen zu Antworten

faq-intro = ❓ Häufige Fragen zum Thema „{ $topic }“:
faq-back = ↩ Zurück zu: { $topic }
faq-office = 📍 Büro „lokal willkommen“ in meiner Nähe
feedback-up = 👍 Hilfreich
feedback-down = 👎 Nicht hilfreich
feedback-thanks = Danke für Ihre Rückmeldung!
feedback-already = Diese Antwort haben Sie schon bewertet. Danke!
feedback-ask-missing = Was hat Ihnen gefehlt? Schreiben Sie es mir in einer Zeile – oder tippen Sie auf „Überspringen“. Bitte schreiben Sie keine Namen oder anderen persönlichen Daten. Ich speichere nur diesen Text, ohne Verbindung zu Ihnen, { $days } Tage lang.
feedback-skip = Überspringen
feedback-skipped = Alles klar. Danke!
feedback-saved = Danke! Ich habe es notiert. Damit verbessert das Redaktionsteam die Antworten.
privacy-feedback = Wenn Sie 👍 oder 👎 tippen, zähle ich das ohne Ihren Namen. Was Sie danach schreiben, was gefehlt hat, speichere ich { $days } Tage lang, ohne Verbindung zu Ihnen.
