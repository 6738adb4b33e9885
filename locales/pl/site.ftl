### Page chrome shared by every article: the byline, the reading time and the
### list of languages an article is published in.

## Article header

# Shown under the article's title.
# Variables:
#   $date (Date) - the day the article was published
site-byline = Opublikowano { DATETIME($date, dateStyle: "long") }

# Shown under the byline.
# Variables:
#   $minutes (Number) - estimated reading time, in whole minutes
site-reading-time =
    { $minutes ->
        [one] { $minutes } minuta czytania
        [few] { $minutes } minuty czytania
        [many] { $minutes } minut czytania
       *[other] { $minutes } minuty czytania
    }

## Article footer

# Introduces the list of languages the article can be read in.
# Variables:
#   $count (Number) - how many languages the article is published in
site-available-languages =
    { $count ->
        [one] Artykuł dostępny w { $count } języku
        [few] Artykuł dostępny w { $count } językach
        [many] Artykuł dostępny w { $count } językach
       *[other] Artykuł dostępny w { $count } języka
    }

# This language's own name, written in this language (for example "Deutsch"),
# shown in the list of languages and the language switcher.
site-language-name = Polski
