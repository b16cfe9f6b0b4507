# Lotse Redaktion: Meldungen der Redaktionsseite (lotse editor). Nur Deutsch: die Redaktion
# arbeitet auf Deutsch. Die übrigen Texte der Seite stehen in bot/editor/templates/.

## Anmelden

login-wrong = Name oder Passwort stimmen nicht.
login-throttled = Zu viele falsche Versuche. Bitte warten Sie { $seconds } Sekunden und versuchen Sie es dann noch einmal.
password-old-wrong = Das bisherige Passwort stimmt nicht.
password-mismatch = Die beiden neuen Passwörter sind nicht gleich.
password-same = Das neue Passwort muss sich vom bisherigen unterscheiden.
password-changed = Ihr Passwort ist geändert. Andere angemeldete Geräte sind abgemeldet.

## Fehlerseiten

error-csrf = Das Formular ist abgelaufen oder kam nicht von dieser Seite. Bitte laden Sie die Seite neu und versuchen Sie es noch einmal.
error-forbidden = Das darf Ihre Rolle nicht. Fragen Sie eine Person mit Verwaltungsrechten.
error-logged-out = Sie sind nicht mehr angemeldet. Bitte melden Sie sich neu an.
error-must-change-password = Bitte ändern Sie zuerst Ihr Einmal-Passwort.
error-review-language = Sie dürfen nur Übersetzungen Ihrer Sprachen freigeben, nicht { $language }.
error-not-found = Diese Seite gibt es nicht.
error-not-allowed = So kann diese Seite nicht aufgerufen werden.
error-bad-request = Diese Anfrage verstehe ich nicht.
error-unavailable = Die Datenbank der Redaktionsseite (Redis) ist gerade nicht erreichbar. Was Sie eben abgeschickt haben, ist nicht gespeichert. Bitte versuchen Sie es in einer Minute noch einmal.

## Entwürfe

draft-saved-source = Entwurf gespeichert. { $outdated ->
    [0] Die Übersetzungen bleiben aktuell.
    [one] Eine Übersetzung ist jetzt veraltet.
   *[other] { $outdated } Übersetzungen sind jetzt veraltet.
} Der Bot zeigt den Entwurf erst nach dem Veröffentlichen.
draft-saved-minor = Entwurf als kleine Korrektur gespeichert: die Übersetzungen bleiben aktuell. Der Bot zeigt den Entwurf erst nach dem Veröffentlichen.
draft-saved-translation = Übersetzung als Entwurf gespeichert (ungeprüft). Der Bot zeigt sie erst nach dem Veröffentlichen.
draft-not-saved = Nicht gespeichert: die Prüfung hat Fehler gefunden (unten).
draft-discarded = Entwurf verworfen.

## Übersetzen und prüfen

translate-done = Maschinelle Übersetzung als Entwurf gespeichert. Bitte lesen und verbessern Sie sie, bevor sie geprüft wird.
translate-failed = Der Übersetzungsdienst hat nicht geantwortet. Bitte versuchen Sie es später noch einmal.
translate-none = Es ist kein Übersetzungsdienst eingerichtet.
review-done = Als geprüft markiert. Der Bot zeigt die Übersetzung nach dem Veröffentlichen ohne Hinweis auf maschinelle Übersetzung.
review-not-current = Nur eine aktuelle Übersetzung kann geprüft werden. Passen Sie sie zuerst an den deutschen Text an und speichern Sie.
review-has-errors = Die Übersetzung hat Fehler (siehe Prüfung) und kann so nicht freigegeben werden.

## Veröffentlichen

publish-done = Fassung { $version } veröffentlicht ({ $files } Datei(en)). Die laufenden Bots antworten in wenigen Sekunden mit dem neuen Text.
publish-refused = Nicht veröffentlicht: { $count } Fehler müssen zuerst behoben werden.
publish-nothing = Es gibt keine Entwürfe zu veröffentlichen.
publish-busy = Gerade veröffentlicht jemand anderes. Bitte versuchen Sie es in einer Minute noch einmal.
rollback-done = Zurückgenommen: Fassung { $version } hat wieder den Stand von Fassung { $restored }.
rollback-nothing = Es gibt keine frühere Fassung.

## Unbeantwortete Fragen

questions-assigned = { $added } Trainingsbeispiel(e) für „{ $intent }“ hinzugefügt. { $duplicate ->
    [0] {""}
   *[other] { $duplicate } waren schon vorhanden.
} { $held ->
    [0] {""}
   *[other] { $held } stehen in den Testfragen und wurden nicht übernommen.
} { $nodata ->
    [0] {""}
   *[other] { $nodata } in Sprachen ohne Trainingsdaten wurden nicht übernommen.
} Das Modell lernt sie beim nächsten Training.
questions-todo-made = { $count } Frage(n) als „braucht neuen Inhalt“ auf die Übersicht gesetzt.
questions-dismissed = { $count } Frage(n) verworfen.
questions-gone = Diese Fragen sind schon erledigt (oder nach Ablauf der Frist gelöscht).
questions-pick-intent = Bitte wählen Sie ein Thema aus.
todo-done = Erledigt.
train-started = Training gestartet. Der Fortschritt steht unten.
train-running = Es läuft schon ein Training.
train-no-rasa = RASA_URL ist nicht gesetzt: es gibt keinen Rasa-Server, der das neue Modell laden könnte.
train-no-rasa-here = Rasa ist neben der Redaktionsseite nicht installiert (make nlu-venv).
train-failed-train = Das Training ist fehlgeschlagen (rasa train). Sind die Trainingsdaten gültig (make test prüft sie)?
train-failed-no-held-out = Es gibt keine Testfragen in nlu/tests: ohne sie kann kein Modell bewertet werden.
train-failed-rasa-unavailable = Der laufende Rasa-Server (RASA_URL) antwortet nicht.
train-failed-new-server = Das neue Modell ließ sich nicht starten.
train-failed-load = Der Rasa-Server hat das neue Modell nicht geladen.
train-failed-stale = Das Training wurde unterbrochen (der Prozess der Seite wurde beendet).
train-failed-stopped = Das Training wurde beim Beenden der Seite abgebrochen.
train-failed-unexpected = Unerwarteter Fehler (siehe Log).
train-failed-unknown = Fehlgeschlagen.

## Termine

schedule-saved = Entwurf gespeichert. Die neuen Zeiten gelten nach dem Veröffentlichen.
schedule-saved-with-problems = Entwurf gespeichert, aber { $count } Fehler verhindern das Veröffentlichen (siehe oben).
schedule-missing = content/booking.yml fehlt oder ist nicht lesbar.
schedule-bad-hours = { $day }: „{ $value }“ ist kein Zeitraum wie 08:30-12:30 (Ende nach Beginn).
schedule-bad-day = „{ $value }“ ist kein Datum (JJJJ-MM-TT).
schedule-bad-counters = { $service }: Schalter bitte als kurze Namen (a–z, 0–9, _), durch Komma getrennt.
schedule-bad-per-slot = { $service }: Personen je Termin bitte als Zahl von 1 bis 20.
schedule-no-services = booking.yml hat keinen Abschnitt services.
schedule-unknown-service = Den Dienst { $service } gibt es nicht.
schedule-day-has-bookings = Am { $day } gibt es schon { $count } Termin(e). Schließen Sie den Tag rechts mit „Tag schließen“: dann werden die Personen benachrichtigt.
schedule-closed = { $day } geschlossen: { $count } Termin(e) abgesagt, { $queued } Benachrichtigung(en) gehen in der nächsten halben Minute hinaus, in der Sprache der jeweiligen Person.
schedule-close-bad-day = Bitte einen Tag wählen.
schedule-close-no-reason = Bitte einen Grund angeben (die Betroffenen erfahren ihn nicht, das Team schon).
schedule-close-past = Dieser Tag liegt in der Vergangenheit.
schedule-reopened = { $day } ist wieder buchbar. Abgesagte Termine bleiben abgesagt.

## Konten

account-bad-name = Namen bitte klein, ohne Leerzeichen, 2 bis 32 Zeichen (a–z, 0–9, Punkt, Strich).
account-bad-languages = Unbekannte Sprache(n): { $languages }.
account-reviewer-needs-languages = Eine prüfende Person braucht mindestens eine Sprache, die sie freigeben darf.
account-short-password = Das Passwort braucht mindestens { $minimum } Zeichen.
account-name-taken = Den Namen { $name } gibt es schon.
account-no-such-account = Das Konto { $name } gibt es nicht.
account-last-admin = Das letzte Verwaltungskonto kann nicht entfernt oder herabgestuft werden.
account-bad-role = Unbekannte Rolle.
account-updated = Konto { $name } geändert.
account-deleted = Konto { $name } gelöscht.
account-not-deleted = Dieses Konto kann nicht gelöscht werden.
