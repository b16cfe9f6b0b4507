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

booking-coming-soon = Termine hier im Chat buchen – das kommt bald. Bis dahin gehen Sie bitte persönlich zu MigraDO: { $name }, { $address }. Die Beratung dort ist für alle, die neu in Dortmund sind, kostenlos.
handoff-coming-soon = Über diesen Chat mit einer Beraterin oder einem Berater schreiben – das kommt bald. Bis dahin helfen Ihnen die Beraterinnen und Berater von MigraDO persönlich, kostenlos, in vielen Sprachen und mit Video-Dolmetschern: { $name }, { $address }.

## Nachrichten, die ich nicht lesen kann, alte Knöpfe

fallback-free-text = Danke für Ihre Nachricht! Geschriebene Fragen verstehe ich noch nicht — ich lerne noch. Bitte wählen Sie unten ein Thema. Wenn Ihres nicht dabei ist, tippen Sie auf „Mit einem Menschen sprechen“.
fallback-media = Sticker, Fotos, Sprachnachrichten und Dateien kann ich nicht öffnen. Bitte wählen Sie unten ein Thema oder tippen Sie auf „Mit einem Menschen sprechen“.
fallback-stale-button = Dieser Knopf gilt nicht mehr. Hier ist das aktuelle Menü.
fallback-private-only = Bitte schreiben Sie mir in einem privaten Chat.

## Fehler

error-generic = Entschuldigung, bei mir ist etwas schiefgegangen. Bitte versuchen Sie es in einer Minute noch einmal.
error-storage = Ich erreiche meinen Speicher gerade nicht. Bitte versuchen Sie es in einer Minute noch einmal.

## Datenschutz

privacy-info = Was ich über Sie speichere: Ihre Sprachwahl und wo Sie in einem Gespräch sind (zum Beispiel, dass ich nach Ihrem Stadtbezirk gefragt habe). Den Text Ihrer Nachrichten speichere ich nicht. Ihre Daten werden { $days } Tage nach Ihrer letzten Änderung gelöscht, oder sofort mit /delete_my_data.
privacy-delete-ask = Soll ich alles löschen, was ich über Sie gespeichert habe?
privacy-delete-yes = Ja, meine Daten löschen
privacy-delete-no = Nein, behalten
privacy-deleted = Erledigt: Ich habe alles gelöscht, was ich über Sie gespeichert hatte. Mit /start können Sie neu beginnen.
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
