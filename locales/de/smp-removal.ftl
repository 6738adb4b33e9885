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
### German: the reader is addressed with "Sie", as German clinic websites do;
### generic "you" statements use "man".

## Terms

# The treatment's usual short name, as readers in your market know it.
# Keep an abbreviation only if people there actually use one.
# German: "Haarpigmentierung" is what German providers and their customers
# call it; "SMP" is only an occasional English loan, so it is not used.
# Feminine noun, invariant in the singular, so no case variants are needed.
-smp = Haarpigmentierung

# The treatment's full name, as it appears in running text.
# German: feminine, the same in every case in the singular.
-smp-long = Mikropigmentierung der Kopfhaut

# The city of the clinic shown in the hero image. Write it as your readers
# know it (for example in your script).
-clinic-city = Manchester

## Title and hero image

smp-removal-title = Lässt sich eine Haarpigmentierung wieder entfernen?

# The photograph at the top of the article.
smp-removal-hero =
    .alt = Winzige Pigmentpunkte werden in { -clinic-city } in die Kopfhaut eingebracht

## Body
## One message per paragraph, in reading order.

smp-removal-permanence = Eines der entscheidenden Merkmale einer { -smp } ist, dass es sich um eine dauerhafte ästhetische Behandlung handelt. Klar, die Farbe verblasst mit der Zeit, und ab und zu brauchen Sie eine Auffrischung – aber was einmal drin ist, bleibt auch drin. Was passiert also, wenn Sie Ihre Pigmentierung nicht mehr haben möchten? Lässt sich eine { -smp-long } überhaupt wieder entfernen?

smp-removal-decision = Im Grunde ist genau die Dauerhaftigkeit der Sinn der Sache. Eine Entfernung sollte also, zumindest theoretisch, keine Entscheidung sein, die man leichtfertig trifft.

smp-removal-reasons = Trotzdem: Irgendwie kann das jeder nachvollziehen. Manchmal möchte man einfach seinen Look verändern und zurück zu den guten alten Zeiten vor der Behandlung. Andererseits wünschen sich manche die Entfernung ihrer { -smp } auch deshalb, weil schlecht gearbeitet wurde. Wie läuft das Ganze also ab? Kann man eine { -smp } entfernen lassen, und wie schwierig ist das?

smp-removal-clinics = Inzwischen gibt es viele Studios für { -smp }, die auch eine Laserentfernung anbieten. Standard ist das allerdings nicht. Ein Lasergerät ist keine billige Anschaffung, und die meisten Studios arbeiten Hand in Hand mit Fachleuten aus Kliniken oder Arztpraxen in der Nähe.

smp-removal-depth = Was die eigentliche Entfernung einer { -smp } angeht, ist eines wichtig zu wissen: Wurden die Pigmente ursprünglich fachgerecht eingebracht, lassen sie sich leichter wieder entfernen. Das liegt an der Tiefe, in der die Pigmente sitzen. Bei einer { -smp } gehören sie nur in die Dermis, also die Lederhaut: Dort hält die darüberliegende Oberhaut (Epidermis) sie fest, und es entsteht eine feine, aber bleibende Zeichnung. Ist das der Fall, reicht in der Regel eine Laserbehandlung, vielleicht zwei, und die Entfernung sollte ein voller Erfolg werden.

smp-removal-too-deep = Es gibt aber auch das unschöne andere Ende der Skala: Fälle, in denen die ursprüngliche Behandlung nicht fachgerecht durchgeführt wurde. Das liegt immer daran, dass die behandelnde Person mangels Erfahrung und Fachwissen die Pigmente zu tief in die Kopfhaut gesetzt hat – über die Dermis hinaus. Die Folge ist das gefürchtete Verlaufen der Pigmente, möglicherweise mit Farbveränderungen bis hin zu einem Blaustich. In solchen Fällen ist die Entfernung deutlich aufwendiger. Dann sind mehrere Sitzungen nötig, und die Prozedur ist alles andere als angenehm.

# The question quoted inside this paragraph is the article's title,
# inserted by { smp-removal-title }; add quotation marks around it if your
# language's typography wants them.
smp-removal-last-resort = Wer darüber nachdenkt, eine { -smp } per Laser entfernen zu lassen, sollte sich unbedingt klarmachen, dass das ein gewaltiger Schritt ist. Werden die Lasergeräte nicht fachgerecht bedient, kann es zu Verbrennungen und zusätzlichen Narben kommen. Die Laserentfernung sollte also immer nur der letzte Ausweg sein. Das Gute ist aber: Sollten Sie sich das nächste Mal die Frage „{ smp-removal-title }“ stellen, lautet die Antwort zum Glück ganz klar Ja. Doch denken Sie immer daran: Vorbeugen ist viel besser als Heilen. Überlegen Sie es sich gut, bevor Sie Ja zu Ihrer { -smp } sagen – denn mal ehrlich: Eine { -smp } wieder zu entfernen, ist kompliziert.
