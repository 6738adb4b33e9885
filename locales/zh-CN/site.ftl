### Page chrome shared by every article: the byline, the reading time and the
### list of languages an article is published in.
###
### Simplified Chinese: no plural categories (CLDR "other" only), so the counts
### need no select expression; the variables are kept as they are. Full-width
### punctuation; no space between Han characters and Latin letters or digits.

## Article header

# Shown under the article's title.
# Variables:
#   $date (Date) - the day the article was published
# zh-CN: "Published on 2024年3月14日".
site-byline = 发布于{ DATETIME($date, dateStyle: "long") }

# Shown under the byline.
# Variables:
#   $minutes (Number) - estimated reading time, in whole minutes
# zh-CN: "Reading time: about N minutes"; no plural forms in Chinese.
site-reading-time = 阅读时长：约{ $minutes }分钟

## Article footer

# Introduces the list of languages the article can be read in.
# Variables:
#   $count (Number) - how many languages the article is published in
# zh-CN: "This article is available in N language versions"; no plural forms.
site-available-languages = 本文提供{ $count }种语言版本

# This language's own name, written in this language (for example "Deutsch"),
# shown in the list of languages and the language switcher.
site-language-name = 简体中文

## The site's own pages: each language's list of articles and its feed, and
## the page shown for an address that leads nowhere

# The site's name: the heading and title of the list of articles in this
# language, the title of its feed, and of the page that lists the languages.
site-title = 文章

# A link to the feed of this language's new articles (an Atom feed, which
# feed readers subscribe to), at the foot of the list of articles.
site-feed = 订阅新文章

# The title and heading of the page shown when an address leads nowhere
# (an HTTP 404 error).
site-not-found-title = 找不到页面

# What that page says, above a link to the list of articles.
site-not-found-text = 此地址没有页面。页面可能已被移动，或地址输入有误。

# The link from that page to the list of every article in this language.
site-all-articles = 全部文章
