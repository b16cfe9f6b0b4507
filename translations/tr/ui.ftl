# Lotse UI strings, Türkçe. Machine-made translation (not reviewed by a person).
## Başlangıç ve dil

start-welcome = Dortmund'a hoş geldiniz! Ben Lotse'yim. Şehirde yeni bir hayatın ilk sorularını yanıtlıyorum — adres kaydı, Almanca kursları, Kita, yardımlar, sağlık, konut — ve size kişisel olarak yardım eden insanları nerede bulacağınızı gösteriyorum.
start-proposed-language = Telefonunuz { $language } diline ayarlı. Aşağıda ona dokunun veya başka bir dil seçin.
start-choose-language = Hangi dili kullanayım? Dili istediğiniz zaman /language ile değiştirebilirsiniz.
language-choose = Dilinizi seçin:
language-set = Bundan sonra size { $language } dilinde yazacağım.
language-unknown = Bu dil seçimini tanımıyorum. Lütfen düğmelerden birini seçin.

## Menü ve konular

menu-title = Size nasıl yardımcı olabilirim? Bir konu seçin:
topic-registration = Adres kaydı
topic-residence_permit = Oturma izni
topic-language_course = Almanca kursları
topic-kita = Kita (çocuk bakımı)
topic-school = Okul
topic-jobcenter_benefits = Jobcenter ve yardımlar
topic-work_recognition = İş ve diplomalar
topic-health = Sağlık
topic-housing = Konut
topic-banking = Banka hesabı
topic-transport = Otobüs ve tren
topic-counselling = Yakınınızdaki danışmanlık
menu-book = 📅 MigraDO'dan randevu alın
menu-human = 💬 Bir insanla konuşun
nav-menu = ☰ Menü
nav-human = 💬 Bir insanla konuşun
nav-other-answer = ↩ Cevabımı değiştir
answer-machine-note = ⓘ Makine ile çevrildi, henüz bir insan tarafından kontrol edilmedi. Kurum ve belge adları, mektuplarda ve kapılarda gördüğünüz gibi Almanca kalır.
answer-fallback-note = ⓘ Bu cevap henüz sizin dilinizde yok. İşte { $language } dilinde.
answer-unavailable = Üzgünüm, bu cevabı şu anda gösteremiyorum. Lütfen MigraDO'ya gidin: { $name }, { $address }. Oradaki danışmanlık ücretsizdir.

## Danışmanlık: hangi ofis yakında

counselling-share-location = Aşağıdaki düğme ile konumunuzu da paylaşabilirsiniz. O zaman bölgenizdeki ofisi bulurum.
counselling-location-button = 📍 Konumumu paylaş
counselling-unknown-district = Bu bölgeyi tanıyamadım. Lütfen bölge düğmelerinden birine dokunun veya konumunuzu paylaşın.
counselling-outside-dortmund = Bu yer Dortmund dışında görünüyor. Ben Dortmund'daki ofisleri biliyorum. MigraDO, Dortmund'a yeni gelen herkese ücretsiz danışmanlık verir: { $name }, { $address }.
counselling-district-found = Konumunuz { $district } bölgesinde.

## Daha sonra gelecek işlemler


## Okuyamadığım mesajlar, eski düğmeler

fallback-free-text = Mesajınız için teşekkürler! Yazılı soruları henüz anlayamıyorum — hâlâ öğreniyorum. Lütfen aşağıdan bir konu seçin. Sizin konunuz yoksa "Bir insanla konuşun" düğmesine dokunun.
fallback-media = Çıkartmaları, fotoğrafları, sesli mesajları ve dosyaları açamıyorum. Lütfen aşağıdan bir konu seçin veya "Bir insanla konuşun" düğmesine dokunun.
fallback-stale-button = Bu düğme artık geçerli değil. İşte güncel menü.
fallback-private-only = Lütfen bana özel bir sohbette yazın.

## Hatalar

error-generic = Özür dilerim, bende bir sorun oluştu. Lütfen bir dakika sonra tekrar deneyin.
error-storage = Şu anda hafızama ulaşamıyorum. Lütfen bir dakika sonra tekrar deneyin.

## Gizlilik

privacy-info = Sizin hakkınızda ne saklıyorum: dil seçiminizi ve bir konuşmada nerede olduğunuzu — son değişikliğinizden { $days } gün sonra silinir. Bana sorduğunuz son soruları, iki saat boyunca; böylece bir insanla konuşmak isterseniz danışmanlık ekibi onları görebilir. MigraDO'daki randevularınızı, adınız ve telefon numaranızla — randevudan { $booking_days } gün sonra silinir. Danışmanlık ekibiyle konuşmalarınızı — bittikten { $case_days } gün sonra silinir. /delete_my_data ile her şeyi hemen silerim; randevuları önce iptal ederim.
privacy-delete-ask = Sizin hakkınızda sakladığım her şeyi sileyim mi?
privacy-delete-yes = Evet, verilerimi sil
privacy-delete-no = Hayır, kalsın
privacy-deleted = Tamam: Sizin hakkınızda sakladığım her şeyi sildim — randevularınızı da (iptal edildiler), danışmanlık ekibiyle konuşmalarınızı da. Yeniden başlamak için /start gönderin.
privacy-delete-cancelled = Hiçbir şey silinmedi.

## Yardım ve komut açıklamaları

help-text = Dortmund'a varışla ilgili soruları yanıtlıyorum. /menu konuları gösterir, /language dili değiştirir, /privacy neyi sakladığımı açıklar.
command-start = Başla ve dil seç
command-menu = Konuları göster
command-language = Dili değiştir
command-privacy = Sizin hakkınızda ne saklıyorum
command-help = Lotse nasıl kullanılır

## Yazılı sorular

nlu-did-you-mean = Sizi doğru anladığımdan emin değilim. Bunlardan birini mi demek istediniz?
nlu-not-understood = Üzgünüm, buna yanıt veremiyorum. Bildiğim konular bunlar — ya da "Bir insanla konuşun" düğmesine dokunun.
nlu-unavailable = Yazılı soruları şu anda okuyamıyorum. Lütfen aşağıdan bir konu seçin.
nlu-greet = Merhaba! Size nasıl yardımcı olabilirim? Bir konu seçin veya sorunuzu birkaç kelimeyle yazın.
nlu-thanks = Rica ederim! Başka bir konuda yardımcı olabilir miyim?
nlu-goodbye = Hoşça kalın, Dortmund'da size her şeyin en iyisini dilerim! Bana ihtiyacınız olduğunda her zaman yazabilirsiniz.
language-switch-offer = Bana { $language } yazdınız. Bundan sonra size { $language } yazayım mı? Düğmeye dokunun.

## Diğer diller (makine çevirisi)

language-other = 🌐 Başka bir dil
language-other-ask = Dilinizin İngilizce adını veya kodunu yazın — örneğin "Tigrinya" veya "ti".
language-other-choose = Hangisini kastediyorsunuz?
language-other-unknown = Bu dili bulamadım. Lütfen İngilizce adını veya kodunu yazın ya da aşağıdaki dillerden birini seçin.
language-other-unavailable = Diğer diller için çeviri hizmeti gerekiyor, ama şu anda bu hizmete ulaşamıyorum. Lütfen bu dillerden birini seçin.
translation-unavailable = Şu anda çeviri hizmetine ulaşamıyorum, bu yüzden işte { $language } dilinde.

## MigraDO'dan randevu almak

booking-choose-service = MigraDO'da hangi konuda randevu istiyorsunuz? Danışmanlık ücretsizdir, görüntülü tercümanlarla da yapılır. MigraDO'nun adresi: { $address }.
booking-duration = Süre: yaklaşık { $minutes } dakika
booking-bring-title = Lütfen yanınızda getirin:
booking-choose-day = Hangi gün gelmek istersiniz?
booking-no-days = Üzgünüm, önümüzdeki { $days } gün içinde bu randevu için boş yer yok. Lütfen birkaç gün sonra tekrar buraya bakın veya bir insanla konuşun.
booking-choose-time = { $day }: Saat kaçta?
booking-no-times = Bu günde artık boş yer yok. Lütfen başka bir gün seçin.
booking-other-day = 📅 Başka bir gün
booking-held = Bu saati { $minutes } dakika boyunca sizin için ayırıyorum: { $day }, saat { $time }.
booking-choose-interpreter = Tercümana ihtiyacınız var mı? MigraDO görüntülü tercümanlarla da çalışır. Hangi dil?
booking-no-interpreter = Hayır, Almanca konuşuyorum
booking-ask-name = Randevuyu hangi isme yazayım? Lütfen adınızı ve soyadınızı yazın.
booking-name-invalid = Lütfen sadece adınızı yazın: harflerle, 2 ile 80 karakter arası.
booking-ask-phone = Bir telefon numarası vermek ister misiniz? O zaman randevu değişirse MigraDO sizi arayabilir. Numara, randevudan { $days } gün sonra silinir, ya da /delete_my_data ile hemen silinir. Numarayı yazın veya düğmeye dokunun.
booking-skip-phone = Telefon numarası olmadan devam et
booking-phone-invalid = Bu bir telefon numarasına benzemiyor. Lütfen sadece rakam, boşluk ve + kullanın. Ya da "Telefon numarası olmadan devam et" düğmesine dokunun.
booking-summary = Lütfen randevunuzu kontrol edin:
booking-label-service = Randevu
booking-label-when = Ne zaman
booking-label-where = Nerede
booking-label-interpreter = Tercüman
booking-label-name = Ad
booking-label-phone = Telefon
booking-label-code = Randevu numarası
booking-interpreter-none = yok (Almanca)
booking-confirm = ✅ Randevuyu onayla
booking-abort = ✖ Vazgeç
booking-confirmed = Randevunuz alındı. Lütfen zamanında gelin ve randevu numaranızı yanınızda getirin. Size bir gün önce ve iki saat önce hatırlatacağım.
booking-calendar = Takviminiz için randevunuz (açmak için dokunun).
booking-map-link = Haritada göster
booking-full = Üzgünüm, bu saat az önce doldu. Sıradaki boş saatler şunlar:
booking-expired = Sizin için ayrılan süre doldu ve bu saat bu arada başkası tarafından alındı. Sıradaki boş saatler şunlar:
booking-invalid-slot = Bu saat için artık randevu alınamaz. Lütfen yeni bir saat seçin.
booking-overlap = Bu saatte zaten bir randevunuz var ({ $code }). Lütfen başka bir saat seçin.
booking-too-many = Zaten { $count } randevunuz var. Lütfen önce birini iptal edin (/mybookings). Sonra yeni bir randevu alabilirsiniz.
booking-aborted = Tamam, randevu almadım.
booking-no-draft = Bu adım artık açık bir randevu işlemine ait değil. Lütfen yeniden başlayın.
booking-unavailable = Şu anda randevu alamıyorum. Lütfen bir dakika sonra tekrar deneyin veya doğrudan MigraDO'ya gidin: { $name }, { $address }.
booking-offer = 📅 Randevu: { $service }
booking-reminder-day = Hatırlatma: Yarın MigraDO'da randevunuz var.
booking-reminder-2h = Hatırlatma: İki saat sonra MigraDO'da randevunuz var.
booking-office-closed = Maalesef MigraDO { $day } günü kapalı. Bu yüzden { $code } numaralı randevunuz yapılamıyor — özür dileriz. Sıradaki boş saatlerden birine dokunun, o saati bilgilerinizle sizin için yeniden alayım:
booking-office-closed-none = Maalesef MigraDO { $day } günü kapalı. Bu yüzden { $code } numaralı randevunuz yapılamıyor — özür dileriz. /mybookings ile veya menüden yeni bir randevu alabilirsiniz.

## Randevularım

mybookings-none = Şu anda MigraDO'da randevunuz yok.
mybookings-title = Randevularınız:
mybookings-cancel = ✖ { $code } iptal et
mybookings-move = ↔ { $code } zamanını değiştir
mybookings-cancel-ask = Bu randevuyu gerçekten iptal etmek istiyor musunuz?
mybookings-cancel-yes = Evet, iptal et
mybookings-cancel-no = Hayır, kalsın
mybookings-cancelled = { $code } numaralı randevunuz iptal edildi. Bu saat artık başkaları için boş. Haber verdiğiniz için teşekkürler!
mybookings-kept = Tamam, randevunuz geçerli kalıyor.
mybookings-move-day = Randevuyu hangi güne almak istersiniz?
mybookings-moved = Randevunuzun zamanı değiştirildi. { $code } numaralı eski randevu iptal edildi.
mybookings-not-yours = Bu randevuyu bulamıyorum ya da zaten iptal edilmiş.
command-mybookings = MigraDO'daki randevularım
staff-only = Bu komut sadece MigraDO danışmanları içindir.

## Bir insanla konuşmak (sohbette danışmanlık)

handoff-unavailable = Şu anda burada sohbette bir danışmanla yazışmak mümkün değil. MigraDO danışmanları size yüz yüze, ücretsiz, birçok dilde ve görüntülü tercümanlarla yardım eder: { $name }, { $address }.
handoff-consent = Sizi MigraDO danışmanlık ekibine bağlayabilirim. Bunun için ekip şunları alır: dilinizi, Telegram'daki adınızı, bana sorduğunuz son soruları, randevularınızı ve bundan sonra burada yazdığınız her şeyi. Mesajlarınız makine ile çevrilir. Konuşma, bittikten { $days } gün sonra silinir, ya da /delete_my_data ile hemen silinir. Kabul ediyor musunuz?
handoff-consent-yes = ✅ Evet, lütfen bağlayın
handoff-consent-no = Hayır, teşekkürler
handoff-declined = Tamam, hiçbir şey iletmedim. İstediğiniz zaman yeniden "Bir insanla konuşun" düğmesini seçebilirsiniz.
handoff-ask-subject = Konu nedir? Bir cümleyle yazın — ya da düğmeye dokunun.
handoff-skip-subject = Açıklama olmadan devam et
handoff-opened = { $case } numaralı talebiniz danışmanlık ekibine ulaştı. Buraya yazmaya devam edin, iki yönde de çeviri yapıyorum. Konuşmayı bitirmek için /end gönderin.
handoff-expect-now = Ekip şu anda görevde ve biri müsait olunca cevap verecek. Bu biraz sürebilir.
handoff-expect-later = Şu anda görevde kimse yok. Bir sonraki danışmanlık zamanı: { $when }. Mesajlarınız o zamana kadar bekler. MigraDO'dan randevu da alabilirsiniz.
handoff-already-open = Danışmanlık ekibine zaten bağlısınız (talep no. { $case }). Buraya yazmanız yeterli.
handoff-end = ✖ Konuşmayı bitir
handoff-ended-by-you = Konuşmayı bitirdiniz. Teşekkürler! İstediğiniz zaman yeniden "Bir insanla konuşun" düğmesini seçebilirsiniz.
handoff-closed = Danışmanlık ekibi { $case } numaralı talebinizi kapattı. İstediğiniz zaman yeni bir talep başlatabilirsiniz.
handoff-no-case = Şu anda danışmanlık ekibiyle açık bir konuşmanız yok.
handoff-claimed = Bir danışman şimdi talebinizle ilgileniyor.
handoff-reply = 💬 Danışmanlık ekibinden cevap:
handoff-original = Almanca aslı:
handoff-not-translated = Bu mesajı şu anda çeviremedim. İşte Almanca hali:
handoff-media-not-sent = Bu tür mesajları iletemiyorum. Lütfen metin yazın ya da bir fotoğraf veya dosya gönderin.
handoff-emergency = ⚠️ Siz veya başka biri tehlikedeyse hemen arayın: Acil çağrı (ambulans, itfaiye) { $emergency }, polis { $police }. Telefonseelsorge (kriz hattı), ücretsiz, gece gündüz: { $crisis }.
handoff-emergency-urgent = Mesajınızı acil olarak danışmanlık ekibine ilettim.
handoff-emergency-offer = Şimdi bir insana yazmak ister misiniz? Düğmeye dokunun.
command-end = Danışmanla konuşmayı bitir

## Sık sorulan sorular ve cevaplar hakkında geri bildirim

faq-intro = ❓ “{ $topic }” hakkında sık sorulan sorular:
faq-back = ↩ Geri dön: { $topic }
faq-office = 📍 Yakınımdaki “lokal willkommen” bürosu
feedback-up = 👍 Yararlı
feedback-down = 👎 Yararlı değil
feedback-thanks = Geri bildiriminiz için teşekkürler!
feedback-already = Bu cevabı zaten değerlendirdiniz. Teşekkürler!
feedback-ask-missing = Ne eksikti? Bana tek satırda yazın – ya da “Geç” düğmesine dokunun. Lütfen isim veya başka kişisel bilgi yazmayın. Sadece bu metni, sizinle ilişkilendirmeden, { $days } gün saklarım.
feedback-skip = Geç
feedback-skipped = Tamam. Teşekkürler!
feedback-saved = Teşekkürler! Not ettim. Editör ekibi bununla cevapları iyileştiriyor.
privacy-feedback = 👍 veya 👎 düğmesine dokunduğunuzda bunu adınız olmadan sayarım. Ardından neyin eksik olduğu hakkında yazdıklarınızı sizinle ilişkilendirmeden { $days } gün saklarım.
