### Page chrome shared by every article: the byline, the reading time and the
### list of languages an article is published in.

## Article header

# Shown under the article's title.
# Variables:
#   $date (Date) - the day the article was published
site-byline = Опубліковано { DATETIME($date, dateStyle: "long") }

# Shown under the byline.
# Variables:
#   $minutes (Number) - estimated reading time, in whole minutes
# Ukrainian: one = 1, 21, 31…; few = 2–4, 22–24…; many = 0, 5–20, 25–30…;
# other = fractions (1,5 хвилини).
site-reading-time =
    { $minutes ->
        [one] Час читання: { $minutes } хвилина
        [few] Час читання: { $minutes } хвилини
        [many] Час читання: { $minutes } хвилин
       *[other] Час читання: { $minutes } хвилини
    }

## Article footer

# Introduces the list of languages the article can be read in.
# Variables:
#   $count (Number) - how many languages the article is published in
# Ukrainian: instrumental case, "1 мовою", "21 мовою", but "2 мовами",
# "5 мовами", "11 мовами".
site-available-languages =
    { $count ->
        [one] Стаття доступна { $count } мовою
        [few] Стаття доступна { $count } мовами
        [many] Стаття доступна { $count } мовами
       *[other] Стаття доступна { $count } мовами
    }

# This language's own name, written in this language (for example "Deutsch"),
# shown in the list of languages and the language switcher.
site-language-name = Українська

## The site's own pages: each language's list of articles and its feed, and
## the page shown for an address that leads nowhere

# The site's name: the heading and title of the list of articles in this
# language, the title of its feed, and of the page that lists the languages.
site-title = Статті

# A link to the feed of this language's new articles (an Atom feed, which
# feed readers subscribe to), at the foot of the list of articles.
site-feed = Підписатися на нові статті

# The title and heading of the page shown when an address leads nowhere
# (an HTTP 404 error).
site-not-found-title = Сторінку не знайдено

# What that page says, above a link to the list of articles.
site-not-found-text = За цією адресою немає сторінки. Можливо, її перенесли або в адресі є помилка.

# The link from that page to the list of every article in this language.
site-all-articles = Усі статті
