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
###
### Simplified Chinese (mainland): friendly, conversational register, reader
### addressed as 你. Full-width punctuation, “…” quotation marks, no spaces
### between sentences and no space between Han characters and Latin letters or
### digits. Removing a tattoo is colloquially 洗掉 (as in 洗纹身, 洗眉);
### 去除 is used alongside it. Chinese nouns do not inflect: no case variants.

## Terms

# The treatment's usual short name, as readers in your market know it.
# Keep an abbreviation only if people there actually use one.
# zh-CN: "头皮纹发" (scalp hair-tattoo) is the name mainland clinics, studios
# and their customers use (also shortened to 纹发 / 纹头皮). "头皮微色素" is
# only the explanatory, literal rendering; "发际线纹绣" covers the hairline only.
-smp = 头皮纹发

# The treatment's full name, as it appears in running text.
# zh-CN: mainland clinic pages write the abbreviation in front of the name,
# "SMP头皮纹发"; SMP is used there, but not on its own in running text.
-smp-long = SMP头皮纹发

# The city of the clinic shown in the hero image. Write it as your readers
# know it (for example in your script).
-clinic-city = 曼彻斯特

## Title and hero image

smp-removal-title = { -smp-long }能洗掉吗？

# The photograph at the top of the article.
smp-removal-hero =
    .alt = 在{ -clinic-city }将微小的色素点植入头皮的场景

## Body
## One message per paragraph, in reading order.

smp-removal-permanence = { -smp }最大的特点之一，在于它是一种永久性的美容项目。没错，时间久了颜色会变淡，你也需要定期补色，但只要做上去了，就会一直留在头皮上。那么，如果有一天你不想要了，该怎么办？{ -smp-long }到底能不能去掉呢？

smp-removal-decision = 说白了，这项技术的精髓就在于“永久”二字，所以照理说，要不要去除，本就不该是个轻率的决定。

smp-removal-reasons = 不过，这种心情大家多少都能理解。有时候，你只是想换个造型，回到从前那段还没做这个项目的好日子。另一方面，也有人是因为之前做得不好，才一心想把{ -smp }洗掉。那么，实际情况究竟如何？{ -smp }能不能去除？去除起来又有多难？

smp-removal-clinics = 如今，不少{ -smp }机构都把激光去除列入了自己的服务项目。不过，这并不是每家都有的标配。激光设备可不是什么便宜玩意儿，大多数机构都会和附近诊所或医疗机构的专业人士携手合作。

smp-removal-depth = 说到实际去除{ -smp }的过程，有一点很重要：如果当初的色素是按规范打进去的，去除起来就会更容易。原因就在于色素植入的深度。{ -smp }的色素只应停留在真皮层，被表皮覆盖锁住，形成浅淡却无法抹去的印记。一般来说，如果是这种情况，激光做一两次，去除效果就应该非常理想。

smp-removal-too-deep = 然而，也有不那么走运的另一种情况：当初的操作就不规范。这无一例外是因为技师经验不足、专业知识欠缺，把色素打得太深，超出了真皮层。结果就是大家最怕的晕色，颜色还可能发生变化，泛出一层蓝色。遇到这种情况，去除就要复杂得多：需要做好几次，过程也一点都不舒服。

# The question quoted inside this paragraph is the article's title,
# inserted by { smp-removal-title }; add quotation marks around it if your
# language's typography wants them.
# zh-CN: the title is quoted in “…”.
smp-removal-last-resort = 无论是谁，只要考虑用激光去除{ -smp }，都一定要明白：这可是一件大事。激光设备如果操作不当，可能会造成灼伤，留下新的疤痕。激光去除只应作为最后的手段。不过值得庆幸的是，下次你再问起“{ smp-removal-title }”，答案是响亮的一声“能”。但我们始终要记住：防患于未然，远胜于事后补救。老实说，去除{ -smp }真的很麻烦，所以在点头做{ -smp }之前，请先好好想一想。
