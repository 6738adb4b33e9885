### Page chrome shared by every article: the byline, the reading time and the
### list of languages an article is published in.
###
### French: U+202F (narrow no-break space) before ; : ! ? and inside « »;
### U+00A0 (no-break space) between a number and the word it counts.

## Article header

# Shown under the article's title.
# Variables:
#   $date (Date) - the day the article was published
site-byline = Publié le { DATETIME($date, dateStyle: "long") }

# Shown under the byline.
# Variables:
#   $minutes (Number) - estimated reading time, in whole minutes
# French: CLDR "one" covers 0 and 1 ("0 minute", "1 minute"); "many" is for
# exact millions ("1 000 000 de minutes").
site-reading-time =
    { $minutes ->
        [one] { $minutes } minute de lecture
        [many] { $minutes } de minutes de lecture
       *[other] { $minutes } minutes de lecture
    }

## Article footer

# Introduces the list of languages the article can be read in.
# Variables:
#   $count (Number) - how many languages the article is published in
# French: same plural categories as above.
site-available-languages =
    { $count ->
        [one] Disponible en { $count } langue
        [many] Disponible en { $count } de langues
       *[other] Disponible en { $count } langues
    }

# This language's own name, written in this language (for example "Deutsch"),
# shown in the list of languages and the language switcher.
# French: capitalized, as the first word of a menu item is (CLDR's
# uiListOrMenu context transform); in running text French writes language
# names in lowercase.
site-language-name = Français

## The site's own pages: each language's list of articles and its feed, and
## the page shown for an address that leads nowhere

# The site's name: the heading and title of the list of articles in this
# language, the title of its feed, and of the page that lists the languages.
site-title = Articles

# A link to the feed of this language's new articles (an Atom feed, which
# feed readers subscribe to), at the foot of the list of articles.
site-feed = S’abonner aux nouveaux articles

# The title and heading of the page shown when an address leads nowhere
# (an HTTP 404 error).
site-not-found-title = Page introuvable

# What that page says, above a link to the list of articles.
site-not-found-text = Il n’y a aucune page à cette adresse. Elle a peut-être été déplacée, ou l’adresse comporte une faute de frappe.

# The link from that page to the list of every article in this language.
site-all-articles = Tous les articles
