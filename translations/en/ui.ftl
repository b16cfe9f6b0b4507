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

booking-coming-soon = Booking an appointment here in the chat is coming soon. Until then, please go to MigraDO in person: { $name }, { $address }. Counselling there is free for everyone new in Dortmund.
handoff-coming-soon = Talking to a counsellor through this chat is coming soon. Until then, the counsellors of MigraDO help you in person, free of charge, in many languages and with video interpreters: { $name }, { $address }.

## Messages I cannot read, old buttons

fallback-free-text = Thank you for your message! I cannot understand typed questions yet — I am still learning. Please choose a topic below. If yours is not there, tap "Talk to a person".
fallback-media = I cannot open stickers, photos, voice messages or files. Please choose a topic below, or tap "Talk to a person".
fallback-stale-button = This button is no longer valid. Here is the current menu.
fallback-private-only = Please write to me in a private chat.

## Errors

error-generic = Sorry, something went wrong on my side. Please try again in a minute.
error-storage = I cannot reach my memory right now. Please try again in a minute.

## Privacy

privacy-info = What I store about you: your language choice and where you are in a conversation (for example, that I asked for your district). I do not store the text of your messages. Your data is deleted { $days } days after your last change, or now with /delete_my_data.
privacy-delete-ask = Do you want me to delete everything I store about you?
privacy-delete-yes = Yes, delete my data
privacy-delete-no = No, keep it
privacy-deleted = Done: I have deleted everything I stored about you. Send /start to begin again.
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
