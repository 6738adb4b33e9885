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
# Polish: Polish clinics use "SMP" too; it is not declined ("zabiegu SMP",
# "usuwanie SMP"), so this term has no case variants.
-smp = SMP

# The treatment's full name, as it appears in running text.
# Polish: declined; select the form with $case (nominative, genitive, dative,
# accusative, instrumental, locative).
-smp-long =
    { $case ->
       *[nominative] mikropigmentacja skóry głowy
        [genitive] mikropigmentacji skóry głowy
        [dative] mikropigmentacji skóry głowy
        [accusative] mikropigmentację skóry głowy
        [instrumental] mikropigmentacją skóry głowy
        [locative] mikropigmentacji skóry głowy
    }

# The city of the clinic shown in the hero image. Write it as your readers
# know it (for example in your script).
# Polish: declined like the nouns above; select the form with $case.
-clinic-city =
    { $case ->
       *[nominative] Manchester
        [genitive] Manchesteru
        [dative] Manchesterowi
        [accusative] Manchester
        [instrumental] Manchesterem
        [locative] Manchesterze
    }

## Title and hero image

smp-removal-title = Czy mikropigmentację skóry głowy można usunąć?

# The photograph at the top of the article.
smp-removal-hero =
    .alt = Mikrokropki pigmentu wprowadzane w skórę głowy podczas zabiegu w { -clinic-city(case: "locative") }

## Body
## One message per paragraph, in reading order.

smp-removal-permanence = Jedną z kluczowych cech { -smp-long(case: "genitive") } ({ -smp }) jest to, że efekty tego zabiegu estetycznego są trwałe. Owszem, z czasem pigment blaknie i co jakiś czas trzeba go odświeżyć, ale raz wprowadzony zostaje na dobre. A co, jeśli efekt przestanie ci odpowiadać? Czy { -smp } w ogóle da się usunąć?

smp-removal-decision = W gruncie rzeczy cały sens tego zabiegu polega na trwałości, więc – przynajmniej w teorii – o jego usunięciu nie powinno się decydować lekką ręką.

smp-removal-reasons = Mimo to chyba każdy rozumie, skąd taka chęć. Czasem po prostu masz ochotę zmienić wygląd i wrócić do starych dobrych czasów sprzed zabiegu. Bywa też, że ktoś marzy o usunięciu { -smp }, bo zabieg został źle wykonany. Jak to więc wygląda w praktyce? Czy { -smp } da się usunąć i jak trudno to zrobić?

smp-removal-clinics = Obecnie wiele klinik { -smp } oferuje w ramach swoich usług także laserowe usuwanie pigmentu. Nie jest to jednak standard. Laser to sprzęt, który kosztuje niemało, dlatego większość klinik ściśle współpracuje ze specjalistami z pobliskich placówek medycznych lub gabinetów lekarskich.

smp-removal-depth = Jeśli chodzi o samo usuwanie { -smp }, warto pamiętać, że pigment łatwiej usunąć, gdy pierwotny zabieg został wykonany prawidłowo. Wszystko rozbija się o głębokość, na jaką wprowadzono pigment. Przy zabiegu { -smp } powinien on trafiać wyłącznie do skóry właściwej, gdzie – zamknięty pod naskórkiem – tworzy delikatny, a zarazem trwały ślad. Jeśli tak właśnie było, to zwykle wystarczy jeden zabieg laserem, może dwa, i usunięcie powinno zakończyć się pełnym sukcesem.

smp-removal-too-deep = Niestety bywa też odwrotnie – pierwotny zabieg wykonano nieprawidłowo. Przyczyna jest zawsze ta sama: osoba wykonująca zabieg z braku doświadczenia i wiedzy wprowadziła pigment zbyt głęboko w skórę głowy, poniżej skóry właściwej. Skutkiem jest budząca postrach migracja pigmentu i możliwe zmiany koloru – kropki mogą nabrać niebieskawego odcienia. W takiej sytuacji usuwanie jest znacznie bardziej skomplikowane. Potrzeba kilku sesji, a sam proces do przyjemnych nie należy.

# The question quoted inside this paragraph is the article's title,
# inserted by { smp-removal-title }; add quotation marks around it if your
# language's typography wants them.
smp-removal-last-resort = Każdy, kto rozważa laserowe usunięcie { -smp }, musi zdawać sobie sprawę, że to naprawdę poważne przedsięwzięcie. Laser w niewprawnych rękach może spowodować oparzenia i dodatkowe blizny. Po laser należy sięgać tylko w ostateczności, ale jest też dobra wiadomość: gdy następnym razem zadasz sobie pytanie „{ smp-removal-title }”, odpowiedź na szczęście brzmi: zdecydowanie tak. Pamiętajmy jednak, że zawsze lepiej zapobiegać niż leczyć. Zanim powiesz „tak” zabiegowi { -smp }, dobrze się zastanów, bo – bądźmy szczerzy – usuwanie { -smp } to skomplikowana sprawa.
