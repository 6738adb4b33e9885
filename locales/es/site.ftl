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

## The site's own pages: each language's list of articles and its feed, and
## the page shown for an address that leads nowhere

# The site's name: the heading and title of the list of articles in this
# language, the title of its feed, and of the page that lists the languages.
site-title = Artículos

# A link to the feed of this language's new articles (an Atom feed, which
# feed readers subscribe to), at the foot of the list of articles.
site-feed = Suscribirse a los artículos nuevos

# The title and heading of the page shown when an address leads nowhere
# (an HTTP 404 error).
site-not-found-title = Página no encontrada

# What that page says, above a link to the list of articles.
site-not-found-text = No hay ninguna página en esta dirección. Puede que se haya trasladado o que la dirección tenga una errata.

# The link from that page to the list of every article in this language.
site-all-articles = Todos los artículos
