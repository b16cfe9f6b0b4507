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

booking-coming-soon = Запазването на час тук в чата ще бъде възможно скоро. Дотогава, моля, отидете лично в MigraDO: { $name }, { $address }. Консултацията там е безплатна за всички, които са нови в Дортмунд.
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
