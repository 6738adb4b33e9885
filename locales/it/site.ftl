### Page chrome shared by every article: the byline, the reading time and the
### list of languages an article is published in.

## Article header

# Shown under the article's title.
# Variables:
#   $date (Date) - the day the article was published
# Italian: no article before the date, since "il" would be wrong for days 8 and 11
# ("l’8 marzo", "l’11 maggio"); a label matches "Tempo di lettura:" below.
site-byline = Data di pubblicazione: { DATETIME($date, dateStyle: "long") }

# Shown under the byline.
# Variables:
#   $minutes (Number) - estimated reading time, in whole minutes
# Italian (CLDR cardinal): one = 1; many = exact millions ("1.000.000 di minuti",
# with "di" as after "milione"); other = everything else.
site-reading-time =
    { $minutes ->
        [one] Tempo di lettura: { $minutes } minuto
        [many] Tempo di lettura: { $minutes } di minuti
       *[other] Tempo di lettura: { $minutes } minuti
    }

## Article footer

# Introduces the list of languages the article can be read in.
# Variables:
#   $count (Number) - how many languages the article is published in
# Italian: "one" only ever selects 1, so it is spelled out ("una lingua").
site-available-languages =
    { $count ->
        [one] Disponibile in una lingua
        [many] Disponibile in { $count } di lingue
       *[other] Disponibile in { $count } lingue
    }

# This language's own name, written in this language (for example "Deutsch"),
# shown in the list of languages and the language switcher.
site-language-name = Italiano
