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

## The site's own pages: each language's list of articles and its feed, and
## the page shown for an address that leads nowhere

# The site's name: the heading and title of the list of articles in this
# language, the title of its feed, and of the page that lists the languages.
site-title = Articoli

# A link to the feed of this language's new articles (an Atom feed, which
# feed readers subscribe to), at the foot of the list of articles.
site-feed = Iscriviti ai nuovi articoli

# The title and heading of the page shown when an address leads nowhere
# (an HTTP 404 error).
site-not-found-title = Pagina non trovata

# What that page says, above a link to the list of articles.
site-not-found-text = A questo indirizzo non c’è nessuna pagina. Potrebbe essere stata spostata, oppure l’indirizzo contiene un errore di battitura.

# The link from that page to the list of every article in this language.
site-all-articles = Tutti gli articoli
