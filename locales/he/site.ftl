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
