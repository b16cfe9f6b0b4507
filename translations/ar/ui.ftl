# Lotse UI strings, Arabic. Machine-made translation (not reviewed by a person).
## البداية واللغة

start-welcome = أهلاً بكم في دورتموند! أنا Lotse. أجيب عن الأسئلة الأولى في حياتكم الجديدة في المدينة — تسجيل السكن، ودورات اللغة الألمانية، والـ Kita (حضانة الأطفال)، والمساعدات المالية، والصحة، والسكن — وأدلّكم على الأماكن التي يساعدكم فيها أشخاص بشكل شخصي.
start-proposed-language = لغة هاتفكم هي { $language }. اضغطوا عليها في الأسفل، أو اختاروا لغة أخرى.
start-choose-language = بأي لغة أكتب لكم؟ يمكنكم تغييرها في أي وقت بالأمر /language.
language-choose = اختاروا لغتكم:
language-set = من الآن سأكتب لكم باللغة { $language }.
language-unknown = لا أعرف هذا الاختيار. من فضلكم اختاروا أحد الأزرار.

## القائمة والمواضيع

menu-title = بماذا يمكنني أن أساعدكم؟ اختاروا موضوعاً:
topic-registration = تسجيل السكن
topic-residence_permit = تصريح الإقامة
topic-language_course = دورات اللغة الألمانية
topic-kita = Kita (حضانة الأطفال)
topic-school = المدرسة
topic-jobcenter_benefits = Jobcenter والمساعدات المالية
topic-work_recognition = العمل والشهادات
topic-health = الصحة
topic-housing = السكن
topic-banking = الحساب البنكي
topic-transport = الحافلات والقطارات
topic-counselling = الاستشارة بالقرب منكم
menu-book = 📅 حجز موعد في MigraDO
menu-human = 💬 التحدث مع شخص
nav-menu = ☰ القائمة
nav-human = 💬 التحدث مع شخص
nav-other-answer = ↩ تغيير إجابتي
answer-machine-note = ⓘ ترجمة آلية، لم يراجعها شخص بعد. أسماء المكاتب والوثائق تبقى بالألمانية، كما ترونها على الرسائل وعلى الأبواب.
answer-fallback-note = ⓘ هذه الإجابة غير متوفرة بلغتكم بعد. هذه هي باللغة { $language }.
answer-unavailable = عذراً، لا أستطيع عرض هذه الإجابة الآن. من فضلكم اذهبوا إلى MigraDO: { $name }، { $address }. الاستشارة هناك مجانية.

## الاستشارة: أي مكتب قريب منكم

counselling-share-location = يمكنكم أيضاً مشاركة موقعكم بالزر في الأسفل. عندها أجد المكتب الخاص بحيّكم.
counselling-location-button = 📍 مشاركة موقعي
counselling-unknown-district = لم أتعرف على هذا الحي. من فضلكم اضغطوا على أحد أزرار الأحياء أو شاركوا موقعكم.
counselling-outside-dortmund = يبدو أن هذا المكان خارج دورتموند. أنا أعرف المكاتب في دورتموند فقط. MigraDO يقدم الاستشارة مجاناً لكل القادمين الجدد إلى دورتموند: { $name }، { $address }.
counselling-district-found = موقعكم في حي { $district }.

## خدمات ستأتي لاحقاً

handoff-coming-soon = الكتابة مع مستشارة أو مستشار عبر هذه المحادثة ستكون متاحة قريباً. حتى ذلك الوقت، يساعدكم مستشارو ومستشارات MigraDO بشكل شخصي، مجاناً، بلغات كثيرة ومع مترجمين عبر الفيديو: { $name }، { $address }.

## رسائل لا أستطيع قراءتها، وأزرار قديمة

fallback-free-text = شكراً على رسالتكم! لا أفهم الأسئلة المكتوبة بعد — ما زلت أتعلم. من فضلكم اختاروا موضوعاً في الأسفل. إذا لم يكن موضوعكم موجوداً، اضغطوا على «التحدث مع شخص».
fallback-media = لا أستطيع فتح الملصقات والصور والرسائل الصوتية والملفات. من فضلكم اختاروا موضوعاً في الأسفل، أو اضغطوا على «التحدث مع شخص».
fallback-stale-button = هذا الزر لم يعد صالحاً. هذه هي القائمة الحالية.
fallback-private-only = من فضلكم اكتبوا لي في محادثة خاصة.

## الأخطاء

error-generic = عذراً، حدث خطأ عندي. من فضلكم حاولوا مرة أخرى بعد دقيقة.
error-storage = لا أستطيع الوصول إلى ذاكرتي الآن. من فضلكم حاولوا مرة أخرى بعد دقيقة.

## حماية البيانات

privacy-info = ما أحفظه عنكم: اللغة التي اخترتموها، وأين وصلتم في المحادثة (مثلاً: أنني سألتكم عن حيّكم). لا أحفظ نص رسائلكم. تُحذف بياناتكم بعد { $days } يوماً من آخر تغيير، أو فوراً بالأمر /delete_my_data.
privacy-delete-ask = هل تريدون أن أحذف كل ما حفظته عنكم؟
privacy-delete-yes = نعم، احذف بياناتي
privacy-delete-no = لا، احتفظ بها
privacy-deleted = تم: حذفت كل ما كنت قد حفظته عنكم. يمكنكم البدء من جديد بالأمر /start.
privacy-delete-cancelled = لم يُحذف أي شيء.

## المساعدة ووصف الأوامر

help-text = أجيب عن أسئلة حول الوصول إلى دورتموند. الأمر /menu يعرض المواضيع، والأمر /language يغيّر اللغة، والأمر /privacy يشرح ما أحفظه.
command-start = البدء واختيار اللغة
command-menu = عرض المواضيع
command-language = تغيير اللغة
command-privacy = ما أحفظه عنكم
command-help = كيف تستخدمون Lotse

## الأسئلة المكتوبة

nlu-did-you-mean = لا أعرف إن كنت قد فهمتكم جيداً. هل تقصدون أحد هذه الخيارات؟
nlu-not-understood = عذراً، لا أستطيع الإجابة عن هذا. هذه هي المواضيع التي أعرفها — أو اضغطوا على «التحدث مع شخص».
nlu-unavailable = لا أستطيع قراءة الأسئلة المكتوبة الآن. من فضلكم اختاروا موضوعاً في الأسفل.
nlu-greet = أهلاً! كيف يمكنني أن أساعدكم؟ اختاروا موضوعاً أو اكتبوا سؤالكم في كلمات قليلة.
nlu-thanks = عفواً! هل يمكنني أن أساعدكم في شيء آخر؟
nlu-goodbye = مع السلامة، وكل التوفيق لكم في دورتموند! اكتبوا لي متى احتجتم إليّ.
language-switch-offer = كتبتم باللغة { $language }. هل أكتب لكم باللغة { $language } من الآن فصاعداً؟ اضغطوا على الزر.

## لغات أخرى (ترجمة آلية)

language-other = 🌐 لغة أخرى
language-other-ask = اكتبوا اسم لغتكم بالإنجليزية، أو رمزها — مثلاً «Tigrinya» أو «ti».
language-other-choose = أيها تقصدون؟
language-other-unknown = لم أجد هذه اللغة. من فضلكم اكتبوا اسمها بالإنجليزية أو رمزها، أو اختاروا إحدى اللغات في الأسفل.
language-other-unavailable = اللغات الأخرى تحتاج إلى خدمة الترجمة، ولا أستطيع الوصول إليها الآن. من فضلكم اختاروا إحدى هذه اللغات.
translation-unavailable = لا أستطيع الوصول إلى خدمة الترجمة الآن، لذلك هذه هي باللغة { $language }.

## حجز موعد في MigraDO

booking-choose-service = أي موعد تريدون في MigraDO؟ الاستشارة مجانية، ويوجد أيضاً مترجمون عبر الفيديو. MigraDO موجود هنا: { $address }.
booking-duration = المدة: حوالي { $minutes } دقيقة
booking-bring-title = من فضلكم أحضروا معكم:
booking-choose-day = في أي يوم تريدون أن تأتوا؟
booking-no-days = عذراً، لا يوجد وقت فارغ لهذا الموعد في الأيام الـ { $days } القادمة. من فضلكم انظروا هنا مرة أخرى بعد بضعة أيام، أو تحدثوا مع شخص.
booking-choose-time = { $day }: في أي ساعة؟
booking-no-times = لم يعد هناك وقت فارغ في هذا اليوم. من فضلكم اختاروا يوماً آخر.
booking-other-day = 📅 يوم آخر
booking-held = أحتفظ لكم بالساعة { $time } يوم { $day } (لمدة { $minutes } دقيقة).
booking-choose-interpreter = هل تحتاجون إلى مترجمة أو مترجم؟ MigraDO يعمل أيضاً مع مترجمين عبر الفيديو. أي لغة؟
booking-no-interpreter = لا، أتكلم الألمانية
booking-ask-name = بأي اسم أسجّل الموعد؟ من فضلكم اكتبوا الاسم الأول واسم العائلة.
booking-name-invalid = من فضلكم اكتبوا اسمكم فقط: حروف، من 2 إلى 80 حرفاً.
booking-ask-phone = هل تريدون أن تعطونا رقم هاتف؟ عندها يستطيع MigraDO أن يتصل بكم إذا تغيّر الموعد. يُحذف الرقم بعد { $days } يوماً من الموعد، أو فوراً بالأمر /delete_my_data. اكتبوا الرقم أو اضغطوا على الزر.
booking-skip-phone = متابعة بدون رقم هاتف
booking-phone-invalid = هذا لا يبدو رقم هاتف. من فضلكم اكتبوا أرقاماً ومسافات و+ فقط. أو اضغطوا على «متابعة بدون رقم هاتف».
booking-summary = من فضلكم راجعوا موعدكم:
booking-label-service = الموعد
booking-label-when = متى
booking-label-where = أين
booking-label-interpreter = الترجمة
booking-label-name = الاسم
booking-label-phone = الهاتف
booking-label-code = رقم الحجز
booking-interpreter-none = بدون مترجم (الألمانية)
booking-confirm = ✅ تأكيد الحجز
booking-abort = ✖ إلغاء
booking-confirmed = تم حجز موعدكم. من فضلكم تعالوا في الوقت المحدد، وأحضروا رقم الحجز معكم. سأذكّركم في اليوم السابق، وقبل الموعد بساعتين.
booking-calendar = موعدكم للتقويم (اضغطوا لفتحه).
booking-map-link = عرض على الخريطة
booking-full = عذراً، هذا الوقت حجزه شخص آخر للتو. هذه هي الأوقات الفارغة التالية:
booking-expired = انتهى الوقت الذي احتفظت به لكم، وحجزه شخص آخر. هذه هي الأوقات الفارغة التالية:
booking-invalid-slot = لم يعد ممكناً حجز هذا الوقت. من فضلكم اختاروا وقتاً جديداً.
booking-overlap = لديكم موعد آخر في هذا الوقت ({ $code }). من فضلكم اختاروا وقتاً آخر.
booking-too-many = لديكم الآن { $count } مواعيد. من فضلكم ألغوا واحداً منها أولاً (/mybookings)، ثم يمكنكم حجز موعد جديد.
booking-aborted = حسناً، لم أحجز أي شيء.
booking-no-draft = هذه الخطوة لم تعد تابعة لحجز مفتوح. من فضلكم ابدأوا من جديد.
booking-unavailable = لا أستطيع حجز المواعيد الآن. من فضلكم حاولوا مرة أخرى بعد دقيقة، أو اذهبوا مباشرة إلى MigraDO: { $name }، { $address }.
booking-offer = 📅 موعد: { $service }
booking-reminder-day = تذكير: لديكم غداً موعد في MigraDO.
booking-reminder-2h = تذكير: لديكم بعد ساعتين موعد في MigraDO.
booking-office-closed = للأسف MigraDO مغلق يوم { $day }. لذلك أُلغي موعدكم { $code } — نحن آسفون. اضغطوا على أحد الأوقات الفارغة التالية، وسأحجزه لكم من جديد ببياناتكم نفسها:
booking-office-closed-none = للأسف MigraDO مغلق يوم { $day }. لذلك أُلغي موعدكم { $code } — نحن آسفون. يمكنكم حجز موعد جديد بالأمر /mybookings أو من القائمة.

## مواعيدي

mybookings-none = ليس لديكم الآن أي موعد في MigraDO.
mybookings-title = مواعيدكم:
mybookings-cancel = ✖ إلغاء { $code }
mybookings-move = ↔ تغيير موعد { $code }
mybookings-cancel-ask = هل تريدون حقاً إلغاء هذا الموعد؟
mybookings-cancel-yes = نعم، ألغِ الموعد
mybookings-cancel-no = لا، احتفظ به
mybookings-cancelled = تم إلغاء موعدكم { $code }. هذا الوقت أصبح متاحاً لأشخاص آخرين. شكراً لأنكم أخبرتمونا!
mybookings-kept = حسناً، موعدكم باقٍ كما هو.
mybookings-move-day = إلى أي يوم تريدون نقل الموعد؟
mybookings-moved = تم نقل موعدكم. الموعد القديم { $code } أُلغي.
mybookings-not-yours = لا أجد هذا الموعد، أو أنه أُلغي من قبل.
command-mybookings = مواعيدي في MigraDO
staff-only = هذا الأمر فقط لمستشارات ومستشاري MigraDO.
