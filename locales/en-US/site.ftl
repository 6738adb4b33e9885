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
