### Page chrome shared by every article: the byline, the reading time and the
### list of languages an article is published in.
###
### Korean: polite 해요 style, as in the article. Korean has no plural
### categories (CLDR "other" only), so the counts need no select expression;
### the variables are kept as they are.

## Article header

# Shown under the article's title.
# Variables:
#   $date (Date) - the day the article was published
# Korean: "Published on: <date>" (the date renders as 2024년 3월 14일).
site-byline = 게시일: { DATETIME($date, dateStyle: "long") }

# Shown under the byline.
# Variables:
#   $minutes (Number) - estimated reading time, in whole minutes
# Korean: "Reading time: N minutes"; no plural forms in Korean.
site-reading-time = 읽는 시간: { $minutes }분

## Article footer

# Introduces the list of languages the article can be read in.
# Variables:
#   $count (Number) - how many languages the article is published in
# Korean: "You can read it in N languages"; 개 is the counter for languages.
site-available-languages = { $count }개 언어로 읽을 수 있어요

# This language's own name, written in this language (for example "Deutsch"),
# shown in the list of languages and the language switcher.
site-language-name = 한국어

## The site's own pages: each language's list of articles and its feed, and
## the page shown for an address that leads nowhere

# The site's name: the heading and title of the list of articles in this
# language, the title of its feed, and of the page that lists the languages.
site-title = 글

# A link to the feed of this language's new articles (an Atom feed, which
# feed readers subscribe to), at the foot of the list of articles.
site-feed = 새 글 구독하기

# The title and heading of the page shown when an address leads nowhere
# (an HTTP 404 error).
site-not-found-title = 페이지를 찾을 수 없어요

# What that page says, above a link to the list of articles.
site-not-found-text = 이 주소에는 페이지가 없어요. 페이지가 옮겨졌거나 주소가 잘못 입력되었을 수 있어요.

# The link from that page to the list of every article in this language.
site-all-articles = 전체 글
