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
### Italian: the reader is addressed with "tu", as Italian clinic blogs
### usually do in friendly posts. Quotation marks are « », apostrophe ’.

## Terms

# The treatment's usual short name, as readers in your market know it.
# Keep an abbreviation only if people there actually use one.
# Italian: "micropigmentazione" is what Italian clinics write in running text;
# "SMP" is an English loan few Italian readers know. "Tricopigmentazione" is
# deliberately not used: in Italy it is mostly marketed as a semi-permanent,
# reabsorbable treatment, while this article is about a permanent one.
# Feminine noun; Italian has no grammatical case, so no variants are needed
# (articles and prepositions in the messages agree with it: "la", "della").
-smp = micropigmentazione

# The treatment's full name, as it appears in running text.
# Italian: feminine, invariable.
-smp-long = micropigmentazione del cuoio capelluto

# The city of the clinic shown in the hero image. Write it as your readers
# know it (for example in your script).
-clinic-city = Manchester

## Title and hero image

smp-removal-title = Si può rimuovere la micropigmentazione del cuoio capelluto?

# The photograph at the top of the article.
smp-removal-hero =
    .alt = Impianto di micropunti di pigmento nel cuoio capelluto a { -clinic-city }

## Body
## One message per paragraph, in reading order.

smp-removal-permanence = Uno degli aspetti chiave della { -smp } è che si tratta di un trattamento estetico permanente. Certo, con il tempo sbiadisce e dovrai fare qualche ritocco, ma una volta fatta, non se ne va più. Cosa succede, allora, se un giorno non la vuoi più? La { -smp-long } si può rimuovere?

smp-removal-decision = In fondo, la sua ragion d’essere è proprio la permanenza: per questo la rimozione, almeno in teoria, non dovrebbe essere una decisione da prendere alla leggera.

smp-removal-reasons = Detto questo, in un certo senso lo capiamo tutti. A volte hai semplicemente voglia di cambiare look, di tornare ai bei vecchi tempi, quando il trattamento non l’avevi ancora fatto. D’altra parte, c’è anche chi non vede l’ora di liberarsi della { -smp } perché il trattamento è stato eseguito male. E allora, come funziona? Si può rimuovere la { -smp }? E quanto è difficile farlo?

smp-removal-clinics = Oggi sono molti i centri di { -smp } che includono la rimozione laser tra i propri servizi. Non è però la norma: un laser non è certo un macchinario economico, e la maggior parte dei centri lavora a stretto contatto con specialisti di cliniche o studi medici della zona.

smp-removal-depth = Per quanto riguarda il procedimento vero e proprio di rimozione della { -smp }, è importante sapere che eliminarla è più facile se i pigmenti sono stati impiantati correttamente fin dall’inizio. Tutto dipende dalla profondità a cui si trova il pigmento. Nella { -smp } il pigmento va depositato solo nel derma, dove resta trattenuto dall’epidermide, così da creare un segno leggero ma indelebile. In generale, se è così, basta una seduta di laser, magari due, e la rimozione dovrebbe essere un successo su tutta la linea.

smp-removal-too-deep = C’è però, purtroppo, anche il rovescio della medaglia: i casi in cui il trattamento iniziale non è stato eseguito correttamente. Immancabilmente, la causa è un operatore che, per mancanza di esperienza e di competenze, ha impiantato i pigmenti troppo in profondità nel cuoio capelluto, andando oltre il derma. Il risultato è la temuta migrazione del pigmento, con possibili alterazioni del colore che finiscono per dare una sfumatura bluastra. In questi casi la rimozione è molto più complessa: servono diverse sedute e il procedimento è tutt’altro che piacevole.

# The question quoted inside this paragraph is the article's title,
# inserted by { smp-removal-title }; add quotation marks around it if your
# language's typography wants them.
# Italian: the title is quoted in caporali « ».
smp-removal-last-resort = Chiunque pensi di rimuovere la { -smp } con il laser deve sapere che si tratta di un intervento molto impegnativo. Se le apparecchiature laser non vengono usate correttamente, possono provocare ustioni e ulteriori cicatrici. Dovrebbe essere solo l’ultima spiaggia; il lato positivo, però, è che la prossima volta che ti chiederai «{ smp-removal-title }», la risposta sarà, per fortuna, un sì deciso. Ma ricordiamoci sempre che prevenire è molto meglio che curare. Pensaci bene prima di dire sì alla { -smp }, perché, diciamocelo, rimuovere la { -smp } è complicato.
