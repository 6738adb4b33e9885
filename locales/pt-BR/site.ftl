### Page chrome shared by every article: the byline, the reading time and the
### list of languages an article is published in.

## Article header

# Shown under the article's title.
# Variables:
#   $date (Date) - the day the article was published
site-byline = Publicado em { DATETIME($date, dateStyle: "long") }

# Shown under the byline.
# Variables:
#   $minutes (Number) - estimated reading time, in whole minutes
# pt-BR: CLDR cardinal categories one, many, other; "many" is for exact
# millions, which take "de" ("1.000.000 de minutos").
site-reading-time =
    { $minutes ->
        [one] Tempo de leitura: { $minutes } minuto
        [many] Tempo de leitura: { $minutes } de minutos
       *[other] Tempo de leitura: { $minutes } minutos
    }

## Article footer

# Introduces the list of languages the article can be read in.
# Variables:
#   $count (Number) - how many languages the article is published in
site-available-languages =
    { $count ->
        [one] Disponível em { $count } idioma
        [many] Disponível em { $count } de idiomas
       *[other] Disponível em { $count } idiomas
    }

# This language's own name, written in this language (for example "Deutsch"),
# shown in the list of languages and the language switcher.
site-language-name = Português (Brasil)
