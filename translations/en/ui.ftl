# Lotse UI strings, English. The German catalogue (de/ui.ftl) is the reference for keys and
# variables; every language has the same keys and uses the same { $variables }.
## Start and language

start-welcome = Welcome to Dortmund! I am Lotse. I answer the first questions of a new life in the city — registering your address, German courses, Kita, benefits, health, housing — and I show you where people help you in person.
start-proposed-language = Your phone is set to { $language }. Tap it below, or choose another language.
start-choose-language = Which language should I use? You can change it any time with /language.
language-choose = Choose your language:
language-set = From now on I will write to you in { $language }.
language-unknown = I do not know this language choice. Please choose one of the buttons.

## Menu and topics

menu-title = What can I help you with? Choose a topic:
topic-registration = Register your address
topic-residence_permit = Residence permit
topic-language_course = German courses
topic-kita = Kita (childcare)
topic-school = School
topic-jobcenter_benefits = Jobcenter and benefits
topic-work_recognition = Work and qualifications
topic-health = Health
topic-housing = Housing
topic-banking = Bank account
topic-transport = Buses and trains
topic-counselling = Counselling near you
menu-book = 📅 Book an appointment at MigraDO
menu-human = 💬 Talk to a person
nav-menu = ☰ Menu
nav-human = 💬 Talk to a person
nav-other-answer = ↩ Change my answer
answer-machine-note = ⓘ Translated by a machine, not yet checked by a person. Names of offices and documents stay in German, as you will see them on letters and doors.
answer-fallback-note = ⓘ This answer is not yet available in your language. Here it is in { $language }.
answer-unavailable = Sorry, I cannot show this answer right now. Please go to MigraDO: { $name }, { $address }. Counselling there is free.

## Counselling: which office is near

counselling-share-location = You can also share your location with the button below, and I will find the office for your district.
counselling-location-button = 📍 Share my location
counselling-unknown-district = I did not recognise that district. Please tap one of the district buttons or share your location.
counselling-outside-dortmund = This place seems to be outside Dortmund. I know the offices in Dortmund. MigraDO counsels everyone new in Dortmund, free of charge: { $name }, { $address }.
counselling-district-found = Your location is in the district { $district }.

## Flows that come later


## Messages I cannot read, old buttons

fallback-free-text = Thank you for your message! I cannot understand typed questions yet — I am still learning. Please choose a topic below. If yours is not there, tap "Talk to a person".
fallback-media = I cannot open stickers, photos, voice messages or files. Please choose a topic below, or tap "Talk to a person".
fallback-stale-button = This button is no longer valid. Here is the current menu.
fallback-private-only = Please write to me in a private chat.

## Errors

error-generic = Sorry, something went wrong on my side. Please try again in a minute.
error-storage = I cannot reach my memory right now. Please try again in a minute.

## Privacy

privacy-info = What I store about you: your language choice and where you are in a conversation — deleted { $days } days after your last change. Your last questions to me, for two hours, so the counselling team can see them if you want to talk to a person. Your appointments at MigraDO with name and phone number — deleted { $booking_days } days after the appointment. Conversations with the counselling team — deleted { $case_days } days after they end. With /delete_my_data I delete everything at once; appointments are cancelled first.
privacy-delete-ask = Do you want me to delete everything I store about you?
privacy-delete-yes = Yes, delete my data
privacy-delete-no = No, keep it
privacy-deleted = Done: I have deleted everything I stored about you — your appointments too (they are cancelled) and conversations with the counselling team. Send /start to begin again.
privacy-delete-cancelled = Nothing was deleted.

## Help and command descriptions

help-text = I answer questions about arriving in Dortmund. /menu shows the topics, /language changes the language, /privacy explains what I store.
command-start = Start and choose your language
command-menu = Show the topics
command-language = Change the language
command-privacy = What I store about you
command-help = How to use Lotse

## Typed questions

nlu-did-you-mean = I am not sure I understood you. Did you mean one of these?
nlu-not-understood = Sorry, I cannot answer that. These are the topics I know — or tap "Talk to a person".
nlu-unavailable = I cannot read typed questions right now. Please choose a topic below.
nlu-greet = Hello! How can I help you? Choose a topic or write your question in a few words.
nlu-thanks = You are welcome! Can I help with anything else?
nlu-goodbye = Goodbye, and all the best in Dortmund! Write to me whenever you need me.
language-switch-offer = You wrote in { $language }. Shall I write to you in { $language } from now on? Tap the button.

## More languages (machine translation)

language-other = 🌐 Another language
language-other-ask = Type the name of your language in English, or its code — for example "Tigrinya" or "ti".
language-other-choose = Which one do you mean?
language-other-unknown = I could not find that language. Please type its English name or its code, or choose one of the languages below.
language-other-unavailable = More languages need the translation service, which I cannot reach right now. Please choose one of these languages.
translation-unavailable = I cannot reach the translation service right now, so here it is in { $language }.

## Booking an appointment at MigraDO

booking-choose-service = Which appointment at MigraDO? Counselling is free, also with video interpreters. MigraDO is here: { $address }.
booking-duration = Takes about { $minutes } minutes
booking-bring-title = Please bring:
booking-choose-day = Which day would you like to come?
booking-no-days = Sorry, there is nothing free for this appointment in the next { $days } days. Please look again here in a few days, or talk to a person.
booking-choose-time = { $day }: at what time?
booking-no-times = Nothing is free on this day any more. Please choose another day.
booking-other-day = 📅 Another day
booking-held = I am keeping { $time } on { $day } for you ({ $minutes } minutes).
booking-choose-interpreter = Do you need an interpreter? MigraDO also works with video interpreters. Which language?
booking-no-interpreter = No, I speak German
booking-ask-name = Which name should I put the appointment under? Please write your first name and last name.
booking-name-invalid = Please write only your name: letters, 2 to 80 characters.
booking-ask-phone = Would you like to give a phone number? Then MigraDO can call you if the appointment has to change. The number is deleted { $days } days after the appointment, or at once with /delete_my_data. Write the number or tap the button.
booking-skip-phone = Continue without a phone number
booking-phone-invalid = That does not look like a phone number. Please use only digits, spaces and +. Or tap "Continue without a phone number".
booking-summary = Please check your appointment:
booking-label-service = Appointment
booking-label-when = When
booking-label-where = Where
booking-label-interpreter = Interpreter
booking-label-name = Name
booking-label-phone = Phone
booking-label-code = Booking number
booking-interpreter-none = none (German)
booking-confirm = ✅ Book it
booking-abort = ✖ Cancel
booking-confirmed = Your appointment is booked. Please be on time and bring the booking number. I will remind you the day before and two hours before.
booking-calendar = Your appointment for your calendar (tap to open).
booking-map-link = Show on the map
booking-full = Sorry, this time was just taken. These are the next free times:
booking-expired = The time kept for you has run out and has been taken meanwhile. These are the next free times:
booking-invalid-slot = This time can no longer be booked. Please choose a new one.
booking-overlap = You already have an appointment at this time ({ $code }). Please choose another time.
booking-too-many = You already have { $count } appointments. Please cancel one of them first (/mybookings), then you can book a new one.
booking-aborted = All right, I have not booked anything.
booking-no-draft = This step does not belong to an open booking any more. Please start again.
booking-unavailable = I cannot book appointments right now. Please try again in a minute, or go straight to MigraDO: { $name }, { $address }.
booking-offer = 📅 Appointment: { $service }
booking-reminder-day = Reminder: tomorrow you have an appointment at MigraDO.
booking-reminder-2h = Reminder: in two hours you have an appointment at MigraDO.
booking-office-closed = Sorry, MigraDO is closed on { $day }. Your appointment { $code } cannot take place — we are sorry. Tap one of the next free times and I will book it again with your details:
booking-office-closed-none = Sorry, MigraDO is closed on { $day }. Your appointment { $code } cannot take place — we are sorry. You can book a new appointment with /mybookings or the menu.

## My appointments

mybookings-none = You have no appointments at MigraDO right now.
mybookings-title = Your appointments:
mybookings-cancel = ✖ Cancel { $code }
mybookings-move = ↔ Move { $code }
mybookings-cancel-ask = Do you really want to cancel this appointment?
mybookings-cancel-yes = Yes, cancel it
mybookings-cancel-no = No, keep it
mybookings-cancelled = Your appointment { $code } is cancelled. The time is now free for others. Thank you for letting us know!
mybookings-kept = Good, your appointment stays.
mybookings-move-day = To which day would you like to move the appointment?
mybookings-moved = Your appointment has been moved. The old appointment { $code } is cancelled.
mybookings-not-yours = I cannot find this appointment, or it is already cancelled.
command-mybookings = My appointments at MigraDO
staff-only = This command is only for the counsellors of MigraDO.

## Talking to a person (counselling in the chat)

handoff-unavailable = Writing to a counsellor here in the chat is not possible right now. The counsellors of MigraDO help you in person, free of charge, in many languages and with video interpreters: { $name }, { $address }.
handoff-consent = I can connect you with the counselling team of MigraDO. For this, the team gets: your language, your first name from Telegram, your last questions to me, your appointments and everything you write here from now on. Your messages are translated by machine. The conversation is deleted { $days } days after it ends, or at once with /delete_my_data. Do you agree?
handoff-consent-yes = ✅ Yes, please connect me
handoff-consent-no = No, thank you
handoff-declined = All right, I have not passed anything on. You can choose "Talk to a person" again at any time.
handoff-ask-subject = What is it about? Write it in one sentence — or tap the button.
handoff-skip-subject = Continue without a description
handoff-opened = Your request no. { $case } has reached the counselling team. Just keep writing here, I translate both ways. Send /end to finish the conversation.
handoff-expect-now = The team is on duty now and will answer as soon as someone is free. This can take a while.
handoff-expect-later = Nobody is on duty right now. The next counselling time starts { $when }. Your messages wait until then. You can also book an appointment at MigraDO.
handoff-already-open = You are already connected with the counselling team (request no. { $case }). Just write here.
handoff-end = ✖ End the conversation
handoff-ended-by-you = You have ended the conversation. Thank you! You can choose "Talk to a person" again at any time.
handoff-closed = The counselling team has closed your request no. { $case }. You can start a new one at any time.
handoff-no-case = You have no open conversation with the counselling team right now.
handoff-claimed = A counsellor is now looking after your request.
handoff-reply = 💬 Answer from the counselling team:
handoff-original = Original in German:
handoff-not-translated = I could not translate this message just now. Here it is in German:
handoff-media-not-sent = I cannot pass on this kind of message. Please write text, or send a photo or a file.
handoff-emergency = ⚠️ If you or someone else is in danger, call now: emergency (ambulance, fire brigade) { $emergency }, police { $police }. Telefonseelsorge (crisis line), free, day and night: { $crisis }.
handoff-emergency-urgent = I have passed your message to the counselling team as urgent.
handoff-emergency-offer = Would you like to write to a person now? Tap the button.
command-end = End the conversation with a counsellor

## Frequent questions and feedback on answers

faq-intro = ❓ Frequent questions about “{ $topic }”:
faq-back = ↩ Back to: { $topic }
faq-office = 📍 “lokal willkommen” office near me
feedback-up = 👍 Helpful
feedback-down = 👎 Not helpful
feedback-thanks = Thank you for your feedback!
feedback-already = You have already rated this answer. Thank you!
feedback-ask-missing = What was missing? Write it to me in one line – or tap “Skip”. Please do not write names or other personal details. I keep only this text, not linked to you, for { $days } days.
feedback-skip = Skip
feedback-skipped = All right. Thank you!
feedback-saved = Thank you! I have noted it. The editorial team uses it to improve the answers.
privacy-feedback = When you tap 👍 or 👎, I count it without your name. What you write afterwards about what was missing, I keep for { $days } days, not linked to you.
