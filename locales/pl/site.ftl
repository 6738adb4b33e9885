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

## The site's own pages: each language's list of articles and its feed, and
## the page shown for an address that leads nowhere

# The site's name: the heading and title of the list of articles in this
# language, the title of its feed, and of the page that lists the languages.
site-title = Artykuły

# A link to the feed of this language's new articles (an Atom feed, which
# feed readers subscribe to), at the foot of the list of articles.
site-feed = Subskrybuj nowe artykuły

# The title and heading of the page shown when an address leads nowhere
# (an HTTP 404 error).
site-not-found-title = Nie znaleziono strony

# What that page says, above a link to the list of articles.
site-not-found-text = Pod tym adresem nie ma żadnej strony. Mogła zostać przeniesiona albo w adresie jest literówka.

# The link from that page to the list of every article in this language.
site-all-articles = Wszystkie artykuły
