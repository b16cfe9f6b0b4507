# Lotse UI strings, French (français). Machine-made translation (not reviewed by a person).
## Démarrage et langue

start-welcome = Bienvenue à Dortmund ! Je suis Lotse. Je réponds aux premières questions d’une nouvelle vie dans la ville — déclarer votre domicile, cours d’allemand, Kita, aides sociales, santé, logement — et je vous montre où des personnes peuvent vous aider en personne.
start-proposed-language = Votre téléphone est réglé sur cette langue : { $language }. Touchez-la ci-dessous ou choisissez une autre langue.
start-choose-language = Quelle langue dois-je utiliser ? Vous pouvez la changer à tout moment avec /language.
language-choose = Choisissez votre langue :
language-set = À partir de maintenant, je vous écris dans cette langue : { $language }.
language-unknown = Je ne connais pas ce choix de langue. Veuillez choisir l’un des boutons.

## Menu et thèmes

menu-title = Comment puis-je vous aider ? Choisissez un thème :
topic-registration = Déclarer votre domicile
topic-residence_permit = Titre de séjour
topic-language_course = Cours d’allemand
topic-kita = Kita (garde d’enfants)
topic-school = École
topic-jobcenter_benefits = Jobcenter et aides sociales
topic-work_recognition = Travail et diplômes
topic-health = Santé
topic-housing = Logement
topic-banking = Compte bancaire
topic-transport = Bus et train
topic-counselling = Conseil près de chez vous
menu-book = 📅 Prendre rendez-vous chez MigraDO
menu-human = 💬 Parler à une personne
nav-menu = ☰ Menu
nav-human = 💬 Parler à une personne
nav-other-answer = ↩ Changer ma réponse
answer-machine-note = ⓘ Traduit par une machine, pas encore vérifié par une personne. Les noms des administrations et des documents restent en allemand, comme vous les verrez sur les lettres et sur les portes.
answer-fallback-note = ⓘ Cette réponse n’existe pas encore dans votre langue. La voici dans cette langue : { $language }.
answer-unavailable = Désolé, je ne peux pas afficher cette réponse pour le moment. Veuillez aller chez MigraDO : { $name }, { $address }. Le conseil y est gratuit.

## Conseil : quel bureau est proche

counselling-share-location = Vous pouvez aussi partager votre position avec le bouton ci-dessous. Je trouverai alors le bureau de votre arrondissement.
counselling-location-button = 📍 Partager ma position
counselling-unknown-district = Je n’ai pas reconnu cet arrondissement. Veuillez toucher l’un des boutons ou partager votre position.
counselling-outside-dortmund = Ce lieu semble se trouver en dehors de Dortmund. Je connais les bureaux de Dortmund. MigraDO conseille gratuitement toutes les personnes nouvellement arrivées à Dortmund : { $name }, { $address }.
counselling-district-found = Votre position se trouve dans l’arrondissement { $district }.

## Fonctions qui viendront plus tard


## Messages que je ne peux pas lire, anciens boutons

fallback-free-text = Merci pour votre message ! Je ne comprends pas encore les questions écrites — j’apprends encore. Veuillez choisir un thème ci-dessous. Si votre thème n’y est pas, touchez « Parler à une personne ».
fallback-media = Je ne peux pas ouvrir les stickers, les photos, les messages vocaux ni les fichiers. Veuillez choisir un thème ci-dessous ou toucher « Parler à une personne ».
fallback-stale-button = Ce bouton n’est plus valable. Voici le menu actuel.
fallback-private-only = Veuillez m’écrire dans un chat privé.

## Erreurs

error-generic = Désolé, quelque chose n’a pas fonctionné de mon côté. Veuillez réessayer dans une minute.
error-storage = Je n’arrive pas à accéder à ma mémoire pour le moment. Veuillez réessayer dans une minute.

## Protection des données

privacy-info = Ce que j’enregistre sur vous : votre choix de langue et l’étape où vous en êtes dans une conversation — supprimés { $days } jours après votre dernière modification. Les dernières questions que vous m’avez posées, pendant deux heures, pour que l’équipe de conseil les voie si vous voulez parler à une personne. Vos rendez-vous chez MigraDO avec nom et numéro de téléphone — supprimés { $booking_days } jours après le rendez-vous. Les conversations avec l’équipe de conseil — supprimées { $case_days } jours après leur fin. Avec /delete_my_data, je supprime tout tout de suite ; j’annule d’abord les rendez-vous.
privacy-delete-ask = Voulez-vous que je supprime tout ce que j’ai enregistré sur vous ?
privacy-delete-yes = Oui, supprimer mes données
privacy-delete-no = Non, les garder
privacy-deleted = C’est fait : j’ai supprimé tout ce que j’avais enregistré sur vous — aussi vos rendez-vous (ils sont annulés) et les conversations avec l’équipe de conseil. Envoyez /start pour recommencer.
privacy-delete-cancelled = Rien n’a été supprimé.

## Aide et description des commandes

help-text = Je réponds aux questions sur l’arrivée à Dortmund. /menu affiche les thèmes, /language change la langue, /privacy explique ce que j’enregistre.
command-start = Démarrer et choisir la langue
command-menu = Afficher les thèmes
command-language = Changer la langue
command-privacy = Ce que j’enregistre sur vous
command-help = Comment utiliser Lotse

## Questions écrites

nlu-did-you-mean = Je ne sais pas si je vous comprends bien. Cherchez-vous l’une de ces options ?
nlu-not-understood = Désolé, je ne peux pas répondre à cela. Voici les thèmes que je connais — ou touchez « Parler à une personne ».
nlu-unavailable = Je ne peux pas lire les questions écrites pour le moment. Veuillez choisir un thème ci-dessous.
nlu-greet = Bonjour ! Comment puis-je vous aider ? Choisissez un thème ou écrivez votre question en quelques mots.
nlu-thanks = Avec plaisir ! Puis-je vous aider pour autre chose ?
nlu-goodbye = Au revoir, et tout le meilleur à Dortmund ! Écrivez-moi chaque fois que vous avez besoin de moi.
language-switch-offer = Vous avez écrit dans cette langue : { $language }. Voulez-vous que je vous écrive dans cette langue à partir de maintenant ? Touchez le bouton.

## Autres langues (traduction automatique)

language-other = 🌐 Une autre langue
language-other-ask = Écrivez le nom de votre langue en anglais, ou son code — par exemple « Tigrinya » ou « ti ».
language-other-choose = Laquelle voulez-vous dire ?
language-other-unknown = Je n’ai pas trouvé cette langue. Veuillez écrire son nom en anglais ou son code, ou choisir l’une des langues ci-dessous.
language-other-unavailable = Les autres langues ont besoin du service de traduction, que je ne peux pas joindre pour le moment. Veuillez choisir l’une de ces langues.
translation-unavailable = Je ne peux pas joindre le service de traduction pour le moment, alors voici le texte dans cette langue : { $language }.

## Prendre rendez-vous chez MigraDO

booking-choose-service = Pour quel rendez-vous chez MigraDO ? Le conseil est gratuit, aussi avec des interprètes par vidéo. MigraDO se trouve ici : { $address }.
booking-duration = Durée : environ { $minutes } minutes
booking-bring-title = Veuillez apporter :
booking-choose-day = Quel jour voulez-vous venir ?
booking-no-days = Désolé, il n’y a pas de place libre pour ce rendez-vous dans les { $days } prochains jours. Veuillez regarder de nouveau ici dans quelques jours, ou parler à une personne.
booking-choose-time = { $day } : à quelle heure ?
booking-no-times = Il n’y a plus de place libre ce jour-là. Veuillez choisir un autre jour.
booking-other-day = 📅 Autre jour
booking-held = Je vous garde cette heure pendant { $minutes } minutes : { $day }, { $time }.
booking-choose-interpreter = Avez-vous besoin d’une ou d’un interprète ? MigraDO travaille aussi avec des interprètes par vidéo. Quelle langue ?
booking-no-interpreter = Non, je parle allemand
booking-ask-name = À quel nom dois-je inscrire le rendez-vous ? Veuillez écrire votre prénom et votre nom de famille.
booking-name-invalid = Veuillez écrire seulement votre nom : des lettres, de 2 à 80 caractères.
booking-ask-phone = Voulez-vous donner un numéro de téléphone ? Alors MigraDO peut vous appeler si le rendez-vous doit changer. Le numéro est supprimé { $days } jours après le rendez-vous, ou tout de suite avec /delete_my_data. Écrivez le numéro ou touchez le bouton.
booking-skip-phone = Continuer sans numéro
booking-phone-invalid = Cela ne ressemble pas à un numéro de téléphone. Veuillez utiliser seulement des chiffres, des espaces et +. Ou touchez « Continuer sans numéro ».
booking-summary = Veuillez vérifier votre rendez-vous :
booking-label-service = Rendez-vous
booking-label-when = Quand
booking-label-where = Où
booking-label-interpreter = Interprète
booking-label-name = Nom
booking-label-phone = Téléphone
booking-label-code = Numéro de réservation
booking-interpreter-none = aucun (allemand)
booking-confirm = ✅ Réserver
booking-abort = ✖ Annuler
booking-confirmed = Votre rendez-vous est réservé. Veuillez venir à l’heure et apporter le numéro de réservation. Je vous le rappellerai la veille et deux heures avant.
booking-calendar = Votre rendez-vous pour votre agenda (touchez pour ouvrir).
booking-map-link = Voir sur la carte
booking-full = Désolé, cette heure vient d’être prise. Voici les prochaines heures libres :
booking-expired = Le temps gardé pour vous est terminé, et l’heure a été prise entre-temps. Voici les prochaines heures libres :
booking-invalid-slot = On ne peut plus réserver cette heure. Veuillez en choisir une nouvelle.
booking-overlap = Vous avez déjà un rendez-vous à cette heure ({ $code }). Veuillez choisir une autre heure.
booking-too-many = Vous avez déjà { $count } rendez-vous. Veuillez d’abord en annuler un (/mybookings). Ensuite, vous pourrez en réserver un nouveau.
booking-aborted = D’accord, je n’ai rien réservé.
booking-no-draft = Cette étape ne fait plus partie d’une réservation en cours. Veuillez recommencer.
booking-unavailable = Je ne peux pas réserver de rendez-vous pour le moment. Veuillez réessayer dans une minute, ou aller directement chez MigraDO : { $name }, { $address }.
booking-offer = 📅 Rendez-vous : { $service }
booking-reminder-day = Rappel : demain, vous avez un rendez-vous chez MigraDO.
booking-reminder-2h = Rappel : dans deux heures, vous avez un rendez-vous chez MigraDO.
booking-office-closed = Malheureusement, le { $day }, MigraDO est fermé. Votre rendez-vous { $code } ne peut donc pas avoir lieu — nous en sommes désolés. Touchez l’une des prochaines heures libres, et je la réserve pour vous avec les mêmes informations :
booking-office-closed-none = Malheureusement, le { $day }, MigraDO est fermé. Votre rendez-vous { $code } ne peut donc pas avoir lieu — nous en sommes désolés. Vous pouvez réserver un nouveau rendez-vous avec /mybookings ou avec le menu.

## Mes rendez-vous

mybookings-none = Vous n’avez pas de rendez-vous chez MigraDO en ce moment.
mybookings-title = Vos rendez-vous :
mybookings-cancel = ✖ Annuler { $code }
mybookings-move = ↔ Déplacer { $code }
mybookings-cancel-ask = Voulez-vous vraiment annuler ce rendez-vous ?
mybookings-cancel-yes = Oui, annuler
mybookings-cancel-no = Non, le garder
mybookings-cancelled = Votre rendez-vous { $code } est annulé. L’heure est maintenant libre pour d’autres personnes. Merci de nous avoir prévenus !
mybookings-kept = Bien, votre rendez-vous est maintenu.
mybookings-move-day = À quel jour voulez-vous déplacer le rendez-vous ?
mybookings-moved = Votre rendez-vous est déplacé. L’ancien rendez-vous { $code } est annulé.
mybookings-not-yours = Je ne trouve pas ce rendez-vous, ou il est déjà annulé.
command-mybookings = Mes rendez-vous chez MigraDO
staff-only = Cette commande est réservée aux conseillères et conseillers de MigraDO.

## Parler à une personne (conseil dans le chat)

handoff-unavailable = Pour le moment, il n’est pas possible d’écrire à une conseillère ou à un conseiller dans ce chat. Les conseillères et conseillers de MigraDO vous aident en personne, gratuitement, dans de nombreuses langues et avec des interprètes par vidéo : { $name }, { $address }.
handoff-consent = Je peux vous mettre en contact avec l’équipe de conseil de MigraDO. Pour cela, l’équipe reçoit : votre langue, votre prénom sur Telegram, les dernières questions que vous m’avez posées, vos rendez-vous et tout ce que vous écrivez ici à partir de maintenant. Vos messages sont traduits par une machine. La conversation est supprimée { $days } jours après sa fin, ou tout de suite avec /delete_my_data. Êtes-vous d’accord ?
handoff-consent-yes = ✅ Oui, mettez-moi en contact
handoff-consent-no = Non, merci
handoff-declined = D’accord, je n’ai rien transmis. Vous pouvez de nouveau choisir « Parler à une personne » à tout moment.
handoff-ask-subject = De quoi s’agit-il ? Écrivez-le en une phrase — ou touchez le bouton.
handoff-skip-subject = Continuer sans description
handoff-opened = Votre demande n° { $case } est arrivée à l’équipe de conseil. Continuez simplement à écrire ici, je traduis dans les deux sens. Envoyez /end pour terminer la conversation.
handoff-expect-now = L’équipe est de service en ce moment et répondra dès que quelqu’un sera libre. Cela peut prendre un peu de temps.
handoff-expect-later = Personne n’est de service en ce moment. Prochaine heure de conseil : { $when }. Vos messages attendent jusque-là. Vous pouvez aussi prendre rendez-vous chez MigraDO.
handoff-already-open = Vous êtes déjà en contact avec l’équipe de conseil (demande n° { $case }). Écrivez simplement ici.
handoff-end = ✖ Terminer la conversation
handoff-ended-by-you = Vous avez terminé la conversation. Merci ! Vous pouvez de nouveau choisir « Parler à une personne » à tout moment.
handoff-closed = L’équipe de conseil a clôturé votre demande n° { $case }. Vous pouvez en commencer une nouvelle à tout moment.
handoff-no-case = Vous n’avez pas de conversation ouverte avec l’équipe de conseil en ce moment.
handoff-claimed = Une conseillère ou un conseiller s’occupe maintenant de votre demande.
handoff-reply = 💬 Réponse de l’équipe de conseil :
handoff-original = Original en allemand :
handoff-not-translated = Je n’ai pas pu traduire ce message pour le moment. Le voici en allemand :
handoff-media-not-sent = Je ne peux pas transmettre ce type de message. Veuillez écrire un texte, ou envoyer une photo ou un fichier.
handoff-emergency = ⚠️ Si vous ou une autre personne êtes en danger, appelez tout de suite : urgences (ambulance, pompiers) { $emergency }, police { $police }. Telefonseelsorge (ligne d’écoute en cas de crise), gratuite, jour et nuit : { $crisis }.
handoff-emergency-urgent = J’ai transmis votre message à l’équipe de conseil comme urgent.
handoff-emergency-offer = Voulez-vous écrire à une personne maintenant ? Touchez le bouton.
command-end = Terminer la conversation avec l’équipe de conseil

## Questions fréquentes et avis sur les réponses

faq-intro = ❓ Questions fréquentes sur « { $topic } » :
faq-back = ↩ Retour à : { $topic }
faq-office = 📍 Bureau « lokal willkommen » près de chez moi
feedback-up = 👍 Utile
feedback-down = 👎 Pas utile
feedback-thanks = Merci pour votre avis !
feedback-already = Vous avez déjà évalué cette réponse. Merci !
feedback-ask-missing = Qu’est-ce qui manquait ? Écrivez-le-moi en une ligne – ou touchez « Passer ». Merci de ne pas écrire de noms ni d’autres données personnelles. Je garde seulement ce texte, sans lien avec vous, pendant { $days } jours.
feedback-skip = Passer
feedback-skipped = D’accord. Merci !
feedback-saved = Merci ! C’est noté. L’équipe éditoriale s’en sert pour améliorer les réponses.
privacy-feedback = Quand vous touchez 👍 ou 👎, je le compte sans votre nom. Ce que vous écrivez ensuite sur ce qui manquait, je le garde { $days } jours, sans lien avec vous.
