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
-smp = SMP

# The treatment's full name, as it appears in running text.
-smp-long = scalp micropigmentation

# The city of the clinic shown in the hero image. Write it as your readers
# know it (for example in your script).
-clinic-city = Manchester

## Title and hero image

smp-removal-title = Can Scalp Micropigmentation Be Removed?

# The photograph at the top of the article.
smp-removal-hero =
    .alt = Microdots of pigment being implanted into the scalp in { -clinic-city }

## Body
## One message per paragraph, in reading order.

smp-removal-permanence = One of the key elements about { -smp } is that it’s an aesthetic treatment that’s permanent. Yes, it fades after time and you’ll require top-ups, however, once it’s there, it’s there to stay. So what happens when you no longer want your treatment and can { -smp-long } be removed?

smp-removal-decision = In essence, the method behind the madness is permanence, so removal, in theory, shouldn’t be a light decision.

smp-removal-reasons = However, everyone does kind of get it. Sometimes, you just wish to change your look, return to the good old days when you didn’t have treatment. On the other hand, removal of { -smp } is also sometimes hankered after because of bad treatment. So how does it roll? Can you remove { -smp } treatment and how difficult is it to do?

smp-removal-clinics = There are now many { -smp } clinics out there who will offer laser removal as part of their services. However, it’s not a standard. A laser is not a cheap piece of kit and most clinics work hand-in-hand with specialists in nearby clinics or medical practices.

smp-removal-depth = With regards to the actual process of removing { -smp }, it’s important to note that it’s easier to eliminate if the initial pigment implants have been correctly administered. The reason for this is owing to pigment implant depth. { -smp } treatments should only be at the dermal level, trapped by the epidermis to produce a light, yet indelible marking. Generally speaking, if this is the case, one laser treatment, maybe two, and the removal should be a resounding success.

smp-removal-too-deep = However, there’s an unfortunate end of the scale where initial treatments have not been correctly administered. Invariably, this is because a technician, owing to lack of experience and knowledge, will have implanted pigments too deeply into the scalp and gone beyond the dermis level. The results are the dreaded migration and possible color changes, resulting in a blue hue. In these circumstances, removal is much more complex. It will take a number of sessions and the process is far from comfortable.

# The question quoted inside this paragraph is the article's title,
# inserted by { smp-removal-title }; add quotation marks around it if your
# language's typography wants them.
smp-removal-last-resort = Whenever anyone considers { -smp } removal by a laser it’s crucial to understand that it’s a huge undertaking. If the laser machines are not properly handled it can result in burning and additional scars. It should only be a last resort, however, the upside of it is next time you ask the question, { smp-removal-title } The answer is, thankfully, a resounding yes. But let’s always remember, prevention is far better than cure. Think before you say yes to your { -smp } treatment as let’s be honest, removing { -smp } is complicated.
