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

## The site's own pages: each language's list of articles and its feed, and
## the page shown for an address that leads nowhere

# The site's name: the heading and title of the list of articles in this
# language, the title of its feed, and of the page that lists the languages.
site-title = Artigos

# A link to the feed of this language's new articles (an Atom feed, which
# feed readers subscribe to), at the foot of the list of articles.
site-feed = Assine os novos artigos

# The title and heading of the page shown when an address leads nowhere
# (an HTTP 404 error).
site-not-found-title = Página não encontrada

# What that page says, above a link to the list of articles.
site-not-found-text = Não há nenhuma página neste endereço. Ela pode ter sido movida, ou o endereço pode ter um erro de digitação.

# The link from that page to the list of every article in this language.
site-all-articles = Todos os artigos
