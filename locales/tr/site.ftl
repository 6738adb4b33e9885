### Page chrome shared by every article: the byline, the reading time and the
### list of languages an article is published in.

## Article header

# Shown under the article's title.
# Variables:
#   $date (Date) - the day the article was published
# Turkish: the date comes first ("14 Mart 2024 tarihinde yayımlandı").
site-byline = { DATETIME($date, dateStyle: "long") } tarihinde yayımlandı

# Shown under the byline.
# Variables:
#   $minutes (Number) - estimated reading time, in whole minutes
# Turkish: a noun after a number stays singular ("5 dakika"), so both
# variants read the same; CLDR still has the categories one and other.
site-reading-time =
    { $minutes ->
        [one] Okuma süresi: { $minutes } dakika
       *[other] Okuma süresi: { $minutes } dakika
    }

## Article footer

# Introduces the list of languages the article can be read in.
# Variables:
#   $count (Number) - how many languages the article is published in
# Turkish: singular noun after a number, as above ("3 dilde mevcut").
site-available-languages =
    { $count ->
        [one] { $count } dilde mevcut
       *[other] { $count } dilde mevcut
    }

# This language's own name, written in this language (for example "Deutsch"),
# shown in the list of languages and the language switcher.
site-language-name = Türkçe

## The site's own pages: each language's list of articles and its feed, and
## the page shown for an address that leads nowhere

# The site's name: the heading and title of the list of articles in this
# language, the title of its feed, and of the page that lists the languages.
site-title = Makaleler

# A link to the feed of this language's new articles (an Atom feed, which
# feed readers subscribe to), at the foot of the list of articles.
site-feed = Yeni makalelere abone olun

# The title and heading of the page shown when an address leads nowhere
# (an HTTP 404 error).
site-not-found-title = Sayfa bulunamadı

# What that page says, above a link to the list of articles.
site-not-found-text = Bu adreste bir sayfa yok. Sayfa taşınmış ya da adres yanlış yazılmış olabilir.

# The link from that page to the list of every article in this language.
site-all-articles = Tüm makaleler
