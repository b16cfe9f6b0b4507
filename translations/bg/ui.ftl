# Lotse UI strings, Bulgarian (български). Machine-made translation (not reviewed by a person).
## Start and language

start-welcome = Добре дошли в Дортмунд! Аз съм Lotse. Отговарям на първите въпроси от новия живот в града — регистрация на адреса, курсове по немски, Kita, социални помощи, здраве, жилище — и Ви показвам къде хора ще Ви помогнат лично.
start-proposed-language = Телефонът Ви е настроен на { $language }. Докоснете го по-долу или изберете друг език.
start-choose-language = Кой език да използвам? Можете да го смените по всяко време с /language.
language-choose = Изберете Вашия език:
language-set = От сега нататък ще Ви пиша на { $language }.
language-unknown = Не познавам този избор на език. Моля, изберете един от бутоните.

## Menu and topics

menu-title = С какво мога да помогна? Изберете тема:
topic-registration = Регистрация на адреса
topic-residence_permit = Разрешение за пребиваване
topic-language_course = Курсове по немски
topic-kita = Kita (детска градина, грижа за деца)
topic-school = Училище
topic-jobcenter_benefits = Jobcenter и социални помощи
topic-work_recognition = Работа и дипломи
topic-health = Здраве
topic-housing = Жилище
topic-banking = Банкова сметка
topic-transport = Автобус и влак
topic-counselling = Консултации близо до Вас
menu-book = 📅 Запазете час в MigraDO
menu-human = 💬 Говорете с човек
nav-menu = ☰ Меню
nav-human = 💬 Говорете с човек
nav-other-answer = ↩ Променете отговора
answer-machine-note = ⓘ Машинен превод, още не е проверен от човек. Имената на службите и документите остават на немски, както ги виждате в писмата и на вратите.
answer-fallback-note = ⓘ Този отговор още не е наличен на Вашия език. Ето го на { $language }.
answer-unavailable = В момента не мога да покажа този отговор. Моля, отидете в MigraDO: { $name }, { $address }. Консултацията там е безплатна.

## Counselling: which office is near

counselling-share-location = Можете също да споделите местоположението си с бутона по-долу. Тогава ще намеря службата за Вашия район.
counselling-location-button = 📍 Споделяне на местоположението ми
counselling-unknown-district = Не разпознах този район. Моля, докоснете един от бутоните или споделете местоположението си.
counselling-outside-dortmund = Това място изглежда е извън Дортмунд. Аз познавам службите в Дортмунд. MigraDO консултира безплатно всички, които са нови в Дортмунд: { $name }, { $address }.
counselling-district-found = Вашето местоположение е в район { $district }.

## Flows that come later

handoff-coming-soon = Писането с консултант през този чат ще бъде възможно скоро. Дотогава консултантите на MigraDO ще Ви помогнат лично, безплатно, на много езици и с видео преводачи: { $name }, { $address }.

## Messages I cannot read, old buttons

fallback-free-text = Благодаря за съобщението! Още не разбирам написани въпроси — още се уча. Моля, изберете тема по-долу. Ако Вашата я няма, докоснете „Говорете с човек“.
fallback-media = Не мога да отварям стикери, снимки, гласови съобщения и файлове. Моля, изберете тема по-долу или докоснете „Говорете с човек“.
fallback-stale-button = Този бутон вече не е валиден. Ето актуалното меню.
fallback-private-only = Моля, пишете ми в личен чат.

## Errors

error-generic = Извинете, нещо се обърка при мен. Моля, опитайте отново след минута.
error-storage = В момента нямам достъп до паметта си. Моля, опитайте отново след минута.

## Privacy

privacy-info = Какво запазвам за Вас: избрания език и докъде сте стигнали в разговора (например, че съм Ви попитал за района Ви). Не запазвам текста на съобщенията Ви. Данните Ви се изтриват { $days } дни след последната Ви промяна или веднага с /delete_my_data.
privacy-delete-ask = Да изтрия ли всичко, което съм запазил за Вас?
privacy-delete-yes = Да, изтрийте данните ми
privacy-delete-no = Не, запазете ги
privacy-deleted = Готово: изтрих всичко, което бях запазил за Вас. С /start можете да започнете отначало.
privacy-delete-cancelled = Нищо не беше изтрито.

## Help and command descriptions

help-text = Отговарям на въпроси за пристигането в Дортмунд. /menu показва темите, /language сменя езика, /privacy обяснява какво запазвам.
command-start = Старт и избор на език
command-menu = Покажи темите
command-language = Смяна на езика
command-privacy = Какво запазвам за Вас
command-help = Как да използвате Lotse

## Написани въпроси

nlu-did-you-mean = Не знам дали Ви разбрах правилно. Имахте ли предвид някое от тези?
nlu-not-understood = Съжалявам, не мога да отговоря на това. Това са темите, които познавам — или докоснете „Говорете с човек“.
nlu-unavailable = В момента не мога да чета написани въпроси. Моля, изберете тема по-долу.
nlu-greet = Здравейте! С какво мога да помогна? Изберете тема или напишете въпроса си с няколко думи.
nlu-thanks = Няма защо! Мога ли да помогна с нещо друго?
nlu-goodbye = Довиждане и всичко най-хубаво в Дортмунд! Пишете ми винаги, когато имате нужда от мен.
language-switch-offer = Писахте ми на този език: { $language }. Да Ви пиша ли отсега нататък на този език? Докоснете бутона.

## Други езици (машинен превод)

language-other = 🌐 Друг език
language-other-ask = Напишете името на Вашия език на английски или неговия код — например „Tigrinya“ или „ti“.
language-other-choose = Кой от тях имате предвид?
language-other-unknown = Не намерих този език. Моля, напишете името му на английски или кода му, или изберете един от езиците по-долу.
language-other-unavailable = За други езици е нужна услугата за превод, но в момента нямам връзка с нея. Моля, изберете един от тези езици.
translation-unavailable = В момента нямам връзка с услугата за превод, затова ето текста на този език: { $language }.

## Запазване на час в MigraDO

booking-choose-service = За какво искате час в MigraDO? Консултацията е безплатна, също и с видео преводачи. MigraDO се намира тук: { $address }.
booking-duration = Продължава около { $minutes } минути
booking-bring-title = Моля, носете:
booking-choose-day = В кой ден искате да дойдете?
booking-no-days = За съжаление, през следващите { $days } дни няма свободни часове за тази услуга. Моля, проверете отново тук след няколко дни или говорете с човек.
booking-choose-time = { $day }: в колко часа?
booking-no-times = В този ден вече няма свободни часове. Моля, изберете друг ден.
booking-other-day = 📅 Друг ден
booking-held = Задържам този час за Вас: { $day }, { $time } (за { $minutes } минути).
booking-choose-interpreter = Нуждаете ли се от преводач? MigraDO работи и с видео преводачи. Кой език Ви трябва?
booking-no-interpreter = Не, говоря немски
booking-ask-name = На какво име да запиша часа? Моля, напишете име и фамилия.
booking-name-invalid = Моля, напишете само името си: букви, от 2 до 80 знака.
booking-ask-phone = Искате ли да дадете телефонен номер? Тогава MigraDO може да Ви се обади, ако часът трябва да се промени. Номерът се изтрива { $days } дни след часа или веднага с /delete_my_data. Напишете номера или докоснете бутона.
booking-skip-phone = Продължете без телефон
booking-phone-invalid = Това не прилича на телефонен номер. Моля, използвайте само цифри, интервали и +. Или докоснете „Продължете без телефон“.
booking-summary = Моля, проверете Вашия час:
booking-label-service = Услуга
booking-label-when = Кога
booking-label-where = Къде
booking-label-interpreter = Преводач
booking-label-name = Име
booking-label-phone = Телефон
booking-label-code = Номер на резервацията
booking-interpreter-none = не е нужен (немски)
booking-confirm = ✅ Запазете часа
booking-abort = ✖ Отказ
booking-confirmed = Часът Ви е запазен. Моля, елате навреме и носете номера на резервацията. Ще Ви напомня предишния ден и два часа преди началото.
booking-calendar = Вашият час за календара (докоснете, за да отворите).
booking-map-link = Покажи на картата
booking-full = За съжаление, този час току-що беше зает. Ето следващите свободни часове:
booking-expired = Часът, който задържах за Вас, вече не е запазен и междувременно беше зает. Ето следващите свободни часове:
booking-invalid-slot = Този час вече не може да се запази. Моля, изберете нов.
booking-overlap = Вече имате час по това време ({ $code }). Моля, изберете друго време.
booking-too-many = Вече имате { $count } запазени часа. Моля, първо откажете един от тях (/mybookings). След това можете да запазите нов.
booking-aborted = Добре, нищо не съм запазил.
booking-no-draft = Тази стъпка вече не е част от отворена резервация. Моля, започнете отначало.
booking-unavailable = В момента не мога да запазвам часове. Моля, опитайте отново след минута или отидете направо в MigraDO: { $name }, { $address }.
booking-offer = 📅 Час: { $service }
booking-reminder-day = Напомняне: утре имате час в MigraDO.
booking-reminder-2h = Напомняне: след два часа имате час в MigraDO.
booking-office-closed = За съжаление, MigraDO е затворено в този ден: { $day }. Затова Вашият час { $code } няма да се състои — съжаляваме. Докоснете един от следващите свободни часове и ще го запазя отново с Вашите данни:
booking-office-closed-none = За съжаление, MigraDO е затворено в този ден: { $day }. Затова Вашият час { $code } няма да се състои — съжаляваме. Можете да запазите нов час с /mybookings или от менюто.

## Моите часове

mybookings-none = В момента нямате запазени часове в MigraDO.
mybookings-title = Вашите часове:
mybookings-cancel = ✖ Откажете { $code }
mybookings-move = ↔ Преместете { $code }
mybookings-cancel-ask = Наистина ли искате да откажете този час?
mybookings-cancel-yes = Да, откажете го
mybookings-cancel-no = Не, запазете го
mybookings-cancelled = Вашият час { $code } е отказан. Сега времето е свободно за други. Благодарим, че ни съобщихте!
mybookings-kept = Добре, часът Ви остава.
mybookings-move-day = За кой ден искате да преместите часа?
mybookings-moved = Часът Ви е преместен. Старият час { $code } е отказан.
mybookings-not-yours = Не намирам този час или той вече е отказан.
command-mybookings = Моите часове в MigraDO
staff-only = Тази команда е само за консултантите на MigraDO.
