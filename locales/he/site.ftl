### Page chrome shared by every article: the byline, the reading time and the
### list of languages an article is published in.

## Article header

# Shown under the article's title.
# Variables:
#   $date (Date) - the day the article was published
site-byline = פורסם ב-{ DATETIME($date, dateStyle: "long") }

# Shown under the byline.
# Variables:
#   $minutes (Number) - estimated reading time, in whole minutes
site-reading-time =
    { $minutes ->
        [one] זמן קריאה: דקה אחת
        [two] זמן קריאה: שתי דקות
       *[other] זמן קריאה: { $minutes } דקות
    }

## Article footer

# Introduces the list of languages the article can be read in.
# Variables:
#   $count (Number) - how many languages the article is published in
site-available-languages =
    { $count ->
        [one] המאמר זמין בשפה אחת
        [two] המאמר זמין בשתי שפות
       *[other] המאמר זמין ב-{ $count } שפות
    }

# This language's own name, written in this language (for example "Deutsch"),
# shown in the list of languages and the language switcher.
site-language-name = עברית

## The site's own pages: each language's list of articles and its feed, and
## the page shown for an address that leads nowhere

# The site's name: the heading and title of the list of articles in this
# language, the title of its feed, and of the page that lists the languages.
site-title = מאמרים

# A link to the feed of this language's new articles (an Atom feed, which
# feed readers subscribe to), at the foot of the list of articles.
site-feed = הרשמה לעדכונים על מאמרים חדשים

# The title and heading of the page shown when an address leads nowhere
# (an HTTP 404 error).
site-not-found-title = הדף לא נמצא

# What that page says, above a link to the list of articles.
site-not-found-text = אין דף בכתובת הזו. ייתכן שהוא הועבר, או שנפלה טעות בהקלדת הכתובת.

# The link from that page to the list of every article in this language.
site-all-articles = כל המאמרים
