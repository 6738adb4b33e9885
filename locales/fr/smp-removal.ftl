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
###
### French: the reader is addressed with "vous", as French clinic websites do;
### generic "you" statements use "on". Typography: U+202F (narrow no-break
### space) before ; : ! ? and inside « », typographic apostrophe ’.

## Terms

# The treatment's usual short name, as readers in your market know it.
# Keep an abbreviation only if people there actually use one.
# French: "micropigmentation capillaire" is what French clinics and their
# clients call it; "SMP" is an English abbreviation that French readers
# rarely know, so it is not used. Feminine noun starting with a consonant
# ("la", "une", "de la", "d’une"): no case or elision variants are needed.
-smp = micropigmentation capillaire

# The treatment's full name, as it appears in running text.
# French: feminine, like -smp.
-smp-long = micropigmentation du cuir chevelu

# The city of the clinic shown in the hero image. Write it as your readers
# know it (for example in your script).
-clinic-city = Manchester

## Title and hero image

smp-removal-title = Peut-on retirer une micropigmentation capillaire ?

# The photograph at the top of the article.
smp-removal-hero =
    .alt = Implantation de micropoints de pigment dans le cuir chevelu à { -clinic-city }

## Body
## One message per paragraph, in reading order.

smp-removal-permanence = L’un des points clés de la { -smp }, c’est qu’il s’agit d’un traitement esthétique permanent. Certes, les pigments s’estompent avec le temps et vous aurez besoin de retouches, mais une fois en place, ils sont là pour de bon. Alors, que se passe-t-il le jour où vous ne voulez plus de votre traitement ? Une { -smp-long } peut-elle être retirée ?

smp-removal-decision = Au fond, tout l’intérêt de la chose, c’est justement sa permanence : en théorie, le retrait ne devrait donc pas se décider à la légère.

smp-removal-reasons = Cela dit, tout le monde peut le comprendre. Parfois, on a simplement envie de changer de look, de retrouver le bon vieux temps d’avant le traitement. Mais il arrive aussi qu’on rêve de se débarrasser de sa { -smp } parce qu’elle a été mal réalisée. Alors, comment ça se passe ? Peut-on faire retirer une { -smp }, et à quel point est-ce difficile ?

smp-removal-clinics = Aujourd’hui, de nombreux centres de { -smp } proposent le détatouage au laser parmi leurs prestations. Mais ce n’est pas systématique. Un laser, c’est un appareil qui n’est pas donné, et la plupart des centres travaillent main dans la main avec des spécialistes installés dans des cliniques ou des cabinets médicaux à proximité.

smp-removal-depth = Concernant le retrait d’une { -smp } à proprement parler, il faut savoir qu’elle s’efface plus facilement si les pigments ont été correctement implantés au départ. Tout est une question de profondeur d’implantation. Dans une { -smp }, les pigments doivent se situer uniquement au niveau du derme, retenus par l’épiderme, pour produire un marquage léger, mais indélébile. Si c’est le cas, une séance de laser suffit généralement, deux peut-être, et le retrait devrait être un franc succès.

smp-removal-too-deep = Malheureusement, il y a aussi l’autre extrême : les cas où le travail d’origine n’a pas été fait dans les règles de l’art. Et c’est invariablement parce qu’un praticien, faute d’expérience et de connaissances, a implanté les pigments trop profondément dans le cuir chevelu, au-delà du derme. Résultat : la migration tant redoutée des pigments, et parfois un changement de couleur qui leur donne une teinte bleutée. Dans ces cas-là, le retrait est bien plus complexe. Il faudra plusieurs séances, et c’est loin d’être une partie de plaisir.

# The question quoted inside this paragraph is the article's title,
# inserted by { smp-removal-title }; add quotation marks around it if your
# language's typography wants them.
# French: « » with U+202F inside; the title brings its own "?", so the
# sentence is built to need no punctuation right after the closing ».
smp-removal-last-resort = Dès lors qu’on envisage de faire retirer une { -smp } au laser, il est essentiel de bien comprendre que c’est une démarche très lourde. Mal manipulés, les appareils laser peuvent provoquer des brûlures et laisser des cicatrices supplémentaires. Ce ne doit être qu’un dernier recours. Mais le bon côté des choses, c’est que la réponse à la question « { smp-removal-title } » est, heureusement, un oui franc et massif. N’oublions jamais, toutefois, qu’il vaut bien mieux prévenir que guérir. Réfléchissez bien avant de dire oui à une { -smp } car, soyons honnêtes, retirer une { -smp }, c’est compliqué.
