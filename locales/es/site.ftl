### Page chrome shared by every article: the byline, the reading time and the
### list of languages an article is published in.

## Article header

# Shown under the article's title.
# Variables:
#   $date (Date) - the day the article was published
site-byline = Publicado el { DATETIME($date, dateStyle: "long") }

# Shown under the byline.
# Variables:
#   $minutes (Number) - estimated reading time, in whole minutes
# Spanish (CLDR): one = exactly 1; many = exact millions ("1.000.000 de minutos",
# with "de" as after "millón"); other = everything else.
site-reading-time =
    { $minutes ->
        [one] Tiempo de lectura: { $minutes } minuto
        [many] Tiempo de lectura: { $minutes } de minutos
       *[other] Tiempo de lectura: { $minutes } minutos
    }

## Article footer

# Introduces the list of languages the article can be read in.
# Variables:
#   $count (Number) - how many languages the article is published in
# Spanish: the "one" variant spells the number out ("un idioma").
site-available-languages =
    { $count ->
        [one] Disponible en un idioma
        [many] Disponible en { $count } de idiomas
       *[other] Disponible en { $count } idiomas
    }

# This language's own name, written in this language (for example "Deutsch"),
# shown in the list of languages and the language switcher.
site-language-name = Español
