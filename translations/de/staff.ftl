# Lotse: Texte für das Beratungsteam (Nachrichtentexte werden angehängt, nie als { $variable }:
# Fluent begrenzt Variablen auf 1000 Zeichen) (Beratungsgruppe, Empfang). Nur Deutsch: das Team arbeitet
# auf Deutsch. Texte für Neuangekommene stehen in ui.ftl (alle Sprachen).

## Empfang: Termine

staff-day-title = 📋 Termine am { $day }: { $count }
staff-day-empty = 📋 Keine Termine am { $day }.
staff-day-line = { $time } · { $service } · { $name }{ $phone } · Dolmetschen: { $interpreter } · Nr. { $code } · { $counter }
staff-day-usage = Bitte so: /day JJJJ-MM-TT (zum Beispiel /day 2026-12-03)
staff-day-closed = ⚠️ An diesem Tag ist MigraDO geschlossen: { $reason }
staff-close-usage = Bitte so: /close_day JJJJ-MM-TT Grund (zum Beispiel /close_day 2026-12-03 Streik)
staff-closed = 🚫 { $day } ist für Buchungen geschlossen ({ $reason }). { $count } Termine abgesagt, { $told } Personen in ihrer Sprache benachrichtigt und auf freie Zeiten hingewiesen.
staff-reopen-usage = Bitte so: /reopen_day JJJJ-MM-TT
staff-reopened = ✅ { $day } ist wieder buchbar. Abgesagte Termine bleiben abgesagt.
staff-not-reopened = { $day } war nicht geschlossen.
staff-interpreter-none = keins
staff-ics-description = Nr. { $code }
    Dolmetschen: { $interpreter }
    Telefon: { $phone }
    Schalter: { $counter }
staff-closed-in-content = geschlossen laut Öffnungszeiten (booking.yml)
staff-booking-unavailable = Termine sind hier nicht eingerichtet (kein Redis).
staff-past-day = Dieser Tag liegt in der Vergangenheit.

## Beratung im Chat: Fälle

staff-case-topic = #{ $case } · { $language } · { $subject }
staff-case-new = 🆕 Neuer Fall #{ $case }: { $name }
staff-case-language = Sprache: { $language }
staff-case-detected = Erkanntes Thema: { $topic }
staff-case-subject = Anliegen:
staff-case-subject-original = Original:
staff-case-recent = Letzte Fragen an den Bot:
staff-case-recent-line = • „{ $question }“ → { $answer }
staff-case-bookings = Termine: { $bookings }
staff-case-no-bookings = Termine: keine
staff-case-urgent = 🚨 DRINGEND: Eine Nachricht deutet auf einen Notfall hin. Die Notrufnummern wurden der Person gesendet.
staff-case-out-of-hours = Eingegangen außerhalb der Beratungszeit.
staff-case-hint = Antworten Sie hier im Thema auf Deutsch; ich übersetze. /claim übernehmen · /release freigeben · /note interne Notiz · /close [Grund] abschließen · /cases offene Fälle.
staff-relay-original = Original ({ $language }):
staff-relay-untranslated = (nicht übersetzt: der Übersetzungsdienst ist nicht erreichbar)
staff-relay-no-engine = (nicht übersetzt: Für { $language } ist keine maschinelle Übersetzung eingerichtet. Bitte lesen Sie das Original oder ziehen Sie eine Dolmetscherin oder einen Dolmetscher hinzu.)
staff-relay-media = 📎 Die Person hat eine Datei oder ein Foto geschickt (oben).
staff-sent = ✓ Gesendet auf { $language }:
staff-sent-untranslated = ✓ Gesendet auf Deutsch (Übersetzung gerade nicht verfügbar).
staff-sent-no-engine = ✓ Gesendet auf Deutsch: Für { $language } ist keine maschinelle Übersetzung eingerichtet.
staff-sent-media = ✓ Datei/Foto weitergegeben.
staff-send-failed = ⚠️ Nicht zugestellt: Die Person hat den Bot blockiert oder gelöscht.
staff-claimed = 👤 { $counsellor } hat Fall #{ $case } übernommen.
staff-already-claimed = Fall #{ $case } ist schon bei { $counsellor }.
staff-released = Fall #{ $case } ist wieder frei.
staff-closed-case = ✅ Fall #{ $case } abgeschlossen von { $counsellor }. { $reason }
staff-ended-by-newcomer = Die Person hat das Gespräch beendet. Fall #{ $case } ist abgeschlossen.
staff-deleted-by-user = 🗑 Die Person hat ihre Daten gelöscht; Fall #{ $case } ist geschlossen.
staff-note-saved = 📝 Interne Notiz gespeichert (wird nicht gesendet).
staff-note-usage = Bitte so: /note Text der Notiz
staff-case-closed-already = Fall #{ $case } ist abgeschlossen; die Nachricht wurde nicht gesendet.
staff-not-a-case = Dieses Thema gehört zu keinem Fall. /claim, /release, /note und /close gelten im Thema eines Falls.
staff-use-group = Bitte benutzen Sie diesen Befehl in der Beratungsgruppe.
staff-cases-title = Offene Fälle: { $count }
staff-cases-empty = Keine offenen Fälle.
staff-cases-line = { $urgent }#{ $case } · { $language } · wartet seit { $waiting } · { $who } · { $subject }
staff-unclaimed = nicht übernommen
staff-waiting-again = ⏰ Fall #{ $case } ({ $language }) wartet seit { $waiting } auf eine Antwort.
staff-minutes = { $minutes } Min.
staff-hours = { $hours } Std. { $minutes } Min.
staff-no-subject = ohne Beschreibung
staff-emergency-words = Notfallwörter erkannt
