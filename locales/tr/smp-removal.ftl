### Article: "Can Scalp Micropigmentation Be Removed?"
###
### A clinic's blog post for people who have, or are thinking about, scalp
### micropigmentation (SMP): a cosmetic tattoo of tiny dots of pigment that
### imitates shaved hair or stubble. The tone is friendly and conversational,
### addressed to the reader as "you"; keep the caveats (laser removal is a big
### step, prevention is better than cure) as strong as they are here.
###
### Every paragraph is its own message; the page's structure (which message
### fills which heading, image or paragraph) is in content/smp-removal.toml.

## Terms

# The treatment's usual short name, as readers in your market know it.
# Keep an abbreviation only if people there actually use one.
# Turkish: clinics write "saç mikropigmentasyonu (SMP)" and then use "SMP"
# ("SMP uygulaması", "SMP kliniği"), so the abbreviation is kept. It is read
# "es-em-pe", so suffixes follow the final "e" and are joined with an
# apostrophe (SMP’nin, SMP’yi). Select the form with $case.
-smp =
    { $case ->
       *[nominative] SMP
        [genitive] SMP’nin
        [accusative] SMP’yi
        [dative] SMP’ye
        [locative] SMP’de
        [ablative] SMP’den
    }

# The treatment's full name, as it appears in running text.
# Turkish: the name Turkish clinics use; inflected, select the form with $case.
-smp-long =
    { $case ->
       *[nominative] saç mikropigmentasyonu
        [genitive] saç mikropigmentasyonunun
        [accusative] saç mikropigmentasyonunu
        [dative] saç mikropigmentasyonuna
        [locative] saç mikropigmentasyonunda
        [ablative] saç mikropigmentasyonundan
    }

# The city of the clinic shown in the hero image. Write it as your readers
# know it (for example in your script).
# Turkish: written as in English, read "Mençestır", so suffixes follow a back
# vowel (Manchester’da). Select the form with $case.
-clinic-city =
    { $case ->
       *[nominative] Manchester
        [genitive] Manchester’ın
        [accusative] Manchester’ı
        [dative] Manchester’a
        [locative] Manchester’da
        [ablative] Manchester’dan
    }

## Title and hero image

smp-removal-title = Saç mikropigmentasyonu silinebilir mi?

# The photograph at the top of the article.
smp-removal-hero =
    .alt = { -clinic-city(case: "locative") } saç derisine işlenen mikropigment noktaları

## Body
## One message per paragraph, in reading order.

smp-removal-permanence = Kalıcı bir estetik uygulama olması, { -smp-long(case: "genitive") } ({ -smp }) en önemli özelliklerinden biridir. Evet, zamanla solar ve ara ara rötuş yaptırmanız gerekir; ama bir kez yapıldı mı, artık sizinle kalır. Peki uygulamayı artık istemediğinizde ne olacak, { -smp-long } silinebilir mi?

smp-removal-decision = Özünde bu işin bütün mantığı kalıcılığa dayanıyor; dolayısıyla silme kararı da, en azından teoride, hafife alınarak verilmemeli.

smp-removal-reasons = Yine de bu isteği aslında herkes az çok anlıyor. Bazen insan sadece görünümünü değiştirmek, uygulamadan önceki o eski güzel günlere dönmek ister. Öte yandan bazen de kötü yapılmış bir uygulama yüzünden { -smp(case: "genitive") } bir an önce silinmesi istenir. Peki bu iş nasıl yürüyor? { -smp } uygulaması silinebilir mi ve bu ne kadar zor?

smp-removal-clinics = Bugün hizmetleri arasında lazerle silmeyi de sunan pek çok { -smp } kliniği var. Ancak bu her yerde standart değil. Lazer öyle ucuz bir cihaz değil; çoğu klinik de yakınlardaki klinik ya da muayenehanelerdeki uzmanlarla el ele çalışıyor.

smp-removal-depth = { -smp(case: "accusative") } silme işleminin kendisine gelince, şunu bilmekte fayda var: İlk pigment uygulaması doğru yapıldıysa pigmenti silmek daha kolaydır. Bunun sebebi, pigmentin işlendiği derinliktir. { -smp } uygulamaları yalnızca dermis katmanına yapılmalıdır; pigment orada epidermisin altında hapsolur ve hafif ama kalıcı bir iz bırakır. Genel olarak durum buysa, bir, bilemediniz iki lazer seansıyla silme işleminin tam bir başarıyla sonuçlanması beklenir.

smp-removal-too-deep = Ne yazık ki madalyonun bir de öbür yüzü var: ilk uygulamanın doğru yapılmadığı durumlar. Sebep de hep aynıdır: Deneyimi ve bilgisi yetersiz bir uygulayıcı pigmentleri saç derisine gereğinden derine işlemiş, dermis katmanının ötesine geçmiştir. Sonuçta o korkulan pigment yayılması (migrasyon) ortaya çıkar; noktaların mavimsi bir ton almasına yol açan renk değişimleri de görülebilir. Böyle durumlarda silme işlemi çok daha karmaşıktır. Birkaç seans gerekir ve süreç hiç de konforlu değildir.

# The question quoted inside this paragraph is the article's title,
# inserted by { smp-removal-title }; add quotation marks around it if your
# language's typography wants them.
# Turkish: quoted with “…”, followed by "diye sorduğunuzda".
smp-removal-last-resort = { -smp(case: "accusative") } lazerle sildirmeyi düşünen herkesin, bunun çok ciddi bir iş olduğunu bilmesi şart. Lazer cihazları doğru kullanılmazsa yanıklara ve yeni yara izlerine yol açabilir. Bu yalnızca son çare olmalı; ama işin güzel yanı şu: Bir dahaki sefere “{ smp-removal-title }” diye sorduğunuzda cevap, neyse ki, kocaman bir “evet”. Yine de şunu hiç unutmayalım: Önlemek, tedavi etmekten çok daha iyidir. { -smp } uygulamasına “evet” demeden önce iyi düşünün; çünkü açık konuşalım, { -smp(case: "accusative") } silmek karmaşık bir iş.
