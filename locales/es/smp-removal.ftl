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
### Spanish: neutral Spanish for Spain and Latin America. The reader is
### addressed with "tú" (never "vosotros"), as clinic blogs do; quotation
### marks are « ».

## Terms

# The treatment's usual short name, as readers in your market know it.
# Keep an abbreviation only if people there actually use one.
# Spanish: clinics and their clients say "micropigmentación capilar";
# "SMP" is hardly ever used, so it is not. Feminine noun ("la
# micropigmentación capilar"); Spanish has no case, so no variants.
-smp = micropigmentación capilar

# The treatment's full name, as it appears in running text.
# Spanish: the full name is the same as the usual one. Feminine.
-smp-long = micropigmentación capilar

# The city of the clinic shown in the hero image. Write it as your readers
# know it (for example in your script).
# Spanish: "Mánchester", the form recommended by the RAE and FundéuRAE.
-clinic-city = Mánchester

## Title and hero image

smp-removal-title = ¿Se puede eliminar la micropigmentación capilar?

# The photograph at the top of the article.
smp-removal-hero =
    .alt = Implantación de micropuntos de pigmento en el cuero cabelludo, en { -clinic-city }

## Body
## One message per paragraph, in reading order.

smp-removal-permanence = Una de las claves de la { -smp } es que se trata de un tratamiento estético permanente. Sí, con el tiempo pierde intensidad y necesitarás retoques, pero, una vez hecha, ha venido para quedarse. Entonces, ¿qué pasa si un día ya no quieres tu tratamiento? ¿Se puede eliminar la { -smp-long }?

smp-removal-decision = En el fondo, la razón de ser de este tratamiento es precisamente que sea permanente, así que, en teoría, eliminarlo no debería ser una decisión que se tome a la ligera.

smp-removal-reasons = Aun así, en cierto modo todos lo entendemos. A veces simplemente quieres cambiar de imagen y volver a los buenos tiempos de antes del tratamiento. Por otro lado, también hay quien quiere eliminar su { -smp } por culpa de un trabajo mal hecho. Entonces, ¿cómo funciona esto? ¿Se puede eliminar un tratamiento de { -smp } y hasta qué punto es difícil?

smp-removal-clinics = Hoy en día hay muchas clínicas de { -smp } que incluyen la eliminación con láser entre sus servicios. Sin embargo, no es la norma. Un láser no es precisamente un aparato barato, y la mayoría de las clínicas colaboran estrechamente con especialistas de otras clínicas o centros médicos cercanos.

smp-removal-depth = En cuanto al proceso de eliminación de la { -smp } en sí, es importante saber que es más sencillo si el pigmento se implantó correctamente desde el principio. La razón está en la profundidad a la que se implanta el pigmento. En la { -smp }, el pigmento solo debe llegar a la dermis, donde queda atrapado bajo la epidermis y deja una marca sutil pero indeleble. Por lo general, si es así, con una sesión de láser, quizá dos, la eliminación debería ser todo un éxito.

smp-removal-too-deep = Pero, por desgracia, en el otro extremo están los casos en los que el tratamiento inicial no se hizo correctamente. Invariablemente, esto se debe a que un micropigmentador sin la experiencia ni los conocimientos necesarios implantó el pigmento a demasiada profundidad en el cuero cabelludo y sobrepasó la dermis. El resultado es la temida migración del pigmento y posibles cambios de color que acaban dando un tono azulado. En estos casos, la eliminación es mucho más compleja: hacen falta varias sesiones y el proceso es de todo menos cómodo.

# The question quoted inside this paragraph is the article's title,
# inserted by { smp-removal-title }; add quotation marks around it if your
# language's typography wants them.
# Spanish: the title is quoted with « »; it carries its own ¿ and ?.
smp-removal-last-resort = Cuando alguien se plantea eliminar su { -smp } con láser, es fundamental que tenga claro que se trata de un proceso muy serio. Si los equipos láser no se manejan correctamente, pueden provocar quemaduras y cicatrices adicionales. Solo debería ser el último recurso, pero lo bueno es que, la próxima vez que te preguntes «{ smp-removal-title }», ya sabes que la respuesta es, por suerte, un sí rotundo. Eso sí, no olvidemos nunca que más vale prevenir que curar. Piénsalo bien antes de dar el sí a tu tratamiento de { -smp }, porque, seamos sinceros, eliminar la { -smp } es complicado.
