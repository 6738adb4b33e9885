### Page chrome shared by every article: the byline, the reading time and the
### list of languages an article is published in.

## Article header

# Shown under the article's title.
# Variables:
#   $date (Date) - the day the article was published
site-byline = Published on { DATETIME($date, dateStyle: "long") }

# Shown under the byline.
# Variables:
#   $minutes (Number) - estimated reading time, in whole minutes
site-reading-time =
    { $minutes ->
        [one] Reading time: { $minutes } minute
       *[other] Reading time: { $minutes } minutes
    }

## Article footer

# Introduces the list of languages the article can be read in.
# Variables:
#   $count (Number) - how many languages the article is published in
site-available-languages =
    { $count ->
        [one] Available in { $count } language
       *[other] Available in { $count } languages
    }

# This language's own name, written in this language (for example "Deutsch"),
# shown in the list of languages and the language switcher.
# Capitalize it as the first word of a menu item would be (CLDR's uiListOrMenu).
site-language-name = English

## The site's own pages: each language's list of articles and its feed, and
## the page shown for an address that leads nowhere

# The site's name: the heading and title of the list of articles in this
# language, the title of its feed, and of the page that lists the languages.
site-title = Articles

# A link to the feed of this language's new articles (an Atom feed, which
# feed readers subscribe to), at the foot of the list of articles.
site-feed = Subscribe to new articles

# The title and heading of the page shown when an address leads nowhere
# (an HTTP 404 error).
site-not-found-title = Page not found

# What that page says, above a link to the list of articles.
site-not-found-text = There is no page at this address. It may have moved, or the address may be mistyped.

# The link from that page to the list of every article in this language.
site-all-articles = All articles
