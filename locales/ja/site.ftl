### Page chrome shared by every article: the byline, the reading time and the
### list of languages an article is published in.
###
### Japanese: no plural categories (CLDR "other" only), so the counts need no
### select expression; the variables are kept as they are.

## Article header

# Shown under the article's title.
# Variables:
#   $date (Date) - the day the article was published
# Japanese: reads "Published: 14 March 2024" (the date renders as 2024年3月14日).
site-byline = 公開日：{ DATETIME($date, dateStyle: "long") }

# Shown under the byline.
# Variables:
#   $minutes (Number) - estimated reading time, in whole minutes
# Japanese: "Reading time (estimate): N minutes"; no plural forms in Japanese.
site-reading-time = 読了時間の目安：{ $minutes }分

## Article footer

# Introduces the list of languages the article can be read in.
# Variables:
#   $count (Number) - how many languages the article is published in
# Japanese: "Can be read in N languages"; no plural forms in Japanese.
site-available-languages = { $count }言語でご覧いただけます

# This language's own name, written in this language (for example "Deutsch"),
# shown in the list of languages and the language switcher.
site-language-name = 日本語

## The site's own pages: each language's list of articles and its feed, and
## the page shown for an address that leads nowhere

# The site's name: the heading and title of the list of articles in this
# language, the title of its feed, and of the page that lists the languages.
site-title = 記事

# A link to the feed of this language's new articles (an Atom feed, which
# feed readers subscribe to), at the foot of the list of articles.
site-feed = 新着記事を購読する

# The title and heading of the page shown when an address leads nowhere
# (an HTTP 404 error).
site-not-found-title = ページが見つかりません

# What that page says, above a link to the list of articles.
site-not-found-text = このアドレスにはページがありません。ページが移動したか、アドレスが間違っている可能性があります。

# The link from that page to the list of every article in this language.
site-all-articles = すべての記事
