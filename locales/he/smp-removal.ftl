### Article: "Can Scalp Micropigmentation Be Removed?"
###
### A clinic's blog post for people who have, or are thinking about, scalp
### micropigmentation (SMP): a cosmetic tattoo of tiny dots of pigment that
### imitates shaved hair or stubble. The tone is friendly and conversational,
### addressed to the reader as "you"; keep the caveats (laser removal is a big
### step, prevention is better than cure) as strong as they are here.
###
### Every paragraph is its own message; the page's structure (which message
### fills which heading, image or paragraph) is in content/smp-removal.toml.

## Terms

# The treatment's usual short name, as readers in your market know it.
# Keep an abbreviation only if people there actually use one.
# Hebrew: Israeli clinics do use "SMP" (usually as "טיפול SMP"). In the
# messages below it is never given a one-letter prefix (ה/ב/ל), which would
# need a hyphen before Latin letters; it follows a full word instead
# ("טיפול { -smp }", "הסרת { -smp }", "קליניקות { -smp }").
-smp = SMP

# The treatment's full name, as it appears in running text.
# Hebrew has no grammatical case; prefixes (ה/ב/ל/ו/ש) attach in writing
# without changing the spelling, so no variants are needed.
-smp-long = מיקרופיגמנטציה לקרקפת

# The city of the clinic shown in the hero image. Write it as your readers
# know it (for example in your script).
-clinic-city = מנצ׳סטר

## Title and hero image

smp-removal-title = האם אפשר להסיר { -smp-long }?

# The photograph at the top of the article.
smp-removal-hero =
    .alt = החדרת נקודות פיגמנט זעירות לקרקפת ב{ -clinic-city }

## Body
## One message per paragraph, in reading order.

smp-removal-permanence = אחד הדברים החשובים ביותר שצריך לדעת על { -smp } הוא שמדובר בטיפול אסתטי קבוע. נכון, עם הזמן הוא דוהה ותצטרכו טיפולי ריענון, אבל ברגע שהוא על הקרקפת, הוא לא הולך לשום מקום. אז מה קורה כשכבר לא רוצים אותו, והאם בכלל אפשר להסיר { -smp-long }?

smp-removal-decision = בעצם, כל הרעיון מאחורי הטיפול הוא שהוא קבוע, ולכן, לפחות בתיאוריה, ההחלטה להסיר אותו לא אמורה להתקבל בקלות ראש.

smp-removal-reasons = ובכל זאת, זה די מובן לכולם. לפעמים פשוט רוצים לשנות את המראה ולחזור לימים הטובים של פעם, לפני הטיפול. מצד שני, יש גם מי שמשתוקקים להסיר { -smp } בגלל טיפול שלא נעשה כמו שצריך. אז איך זה עובד בפועל? אפשר להסיר טיפול { -smp }, וכמה זה קשה?

smp-removal-clinics = כיום יש לא מעט קליניקות { -smp } שמציעות גם הסרה בלייזר כחלק מהשירותים שלהן. עם זאת, זה לא סטנדרט. מכשיר לייזר הוא לא בדיוק ציוד זול, ורוב הקליניקות עובדות יד ביד עם מומחים בקליניקות או במרפאות באזור.

smp-removal-depth = ולגבי תהליך ההסרה עצמו: חשוב לדעת שקל יותר להסיר { -smp } אם הפיגמנט הוחדר כמו שצריך כבר בטיפול המקורי. הסיבה לכך היא עומק ההחדרה של הפיגמנט. בטיפולי { -smp } הפיגמנט צריך להגיע רק לשכבת הדרמיס, כשהאפידרמיס שמעליה כולא אותו, וכך נוצר סימון עדין אבל כזה שלא נמחק. באופן כללי, אם זה המצב, מספיק טיפול לייזר אחד, אולי שניים, וההסרה אמורה להיות הצלחה מוחלטת.

smp-removal-too-deep = אבל בקצה השני של הסקאלה נמצאים המקרים המצערים, שבהם הטיפולים המקוריים לא בוצעו כמו שצריך. הסיבה לכך תמיד זהה: מי שביצע את הטיפול, מחוסר ניסיון וידע, החדיר את הפיגמנט עמוק מדי לתוך הקרקפת, אל מעבר לשכבת הדרמיס. התוצאה היא נדידת הפיגמנט, שכולם כל כך חוששים ממנה, ולפעמים גם שינויי צבע שמשאירים גוון כחלחל. במקרים כאלה ההסרה מסובכת הרבה יותר: היא תדרוש כמה טיפולים, והתהליך רחוק מלהיות נעים.

# The question quoted inside this paragraph is the article's title,
# inserted by { smp-removal-title }; add quotation marks around it if your
# language's typography wants them.
smp-removal-last-resort = כששוקלים הסרת { -smp } בלייזר, חשוב מאוד להבין שמדובר בצעד גדול ורציני. אם לא מפעילים את מכשירי הלייזר כמו שצריך, התוצאה עלולה להיות כוויות וצלקות נוספות. הסרה בלייזר צריכה להיות רק מוצא אחרון, אבל הצד החיובי הוא שבפעם הבאה שתשאלו ”{ smp-removal-title }”, התשובה, למרבה המזל, היא כן חד-משמעי. ועדיין, תמיד כדאי לזכור: מניעה עדיפה בהרבה על ריפוי. אז חשבו היטב לפני שאתם אומרים כן לטיפול { -smp }, כי בואו נודה על האמת: הסרת { -smp } היא עניין מסובך.
