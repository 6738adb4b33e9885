### Page chrome shared by every article: the byline, the reading time and the
### list of languages an article is published in.

## Article header

# Shown under the article's title.
# Variables:
#   $date (Date) - the day the article was published
site-byline = نُشر في { DATETIME($date, dateStyle: "long") }

# Shown under the byline.
# Variables:
#   $minutes (Number) - estimated reading time, in whole minutes
site-reading-time =
    { $minutes ->
        [zero] مدة القراءة: أقل من دقيقة
        [one] مدة القراءة: دقيقة واحدة
        [two] مدة القراءة: دقيقتان
        [few] مدة القراءة: { $minutes } دقائق
        [many] مدة القراءة: { $minutes } دقيقة
       *[other] مدة القراءة: { $minutes } دقيقة
    }

## Article footer

# Introduces the list of languages the article can be read in.
# Variables:
#   $count (Number) - how many languages the article is published in
site-available-languages =
    { $count ->
        [zero] المقال غير متوفر بأي لغة
        [one] المقال متوفر بلغة واحدة
        [two] المقال متوفر بلغتين
        [few] المقال متوفر بـ{ $count } لغات
        [many] المقال متوفر بـ{ $count } لغة
       *[other] المقال متوفر بـ{ $count } لغة
    }

# This language's own name, written in this language (for example "Deutsch"),
# shown in the list of languages and the language switcher.
site-language-name = العربية

## The site's own pages: each language's list of articles and its feed, and
## the page shown for an address that leads nowhere

# The site's name: the heading and title of the list of articles in this
# language, the title of its feed, and of the page that lists the languages.
site-title = مقالات

# A link to the feed of this language's new articles (an Atom feed, which
# feed readers subscribe to), at the foot of the list of articles.
site-feed = اشترك في المقالات الجديدة

# The title and heading of the page shown when an address leads nowhere
# (an HTTP 404 error).
site-not-found-title = الصفحة غير موجودة

# What that page says, above a link to the list of articles.
site-not-found-text = لا توجد صفحة على هذا العنوان. ربما نُقلت، أو ربما كُتب العنوان خطأً.

# The link from that page to the list of every article in this language.
site-all-articles = كل المقالات
