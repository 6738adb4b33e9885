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
### Japanese: polite です・ます style, as Japanese clinic blogs write; "you" is
### mostly left implicit, as is natural in Japanese. Full-width punctuation and
### 「…」 quotation marks; no spaces between Japanese text and Latin letters or
### digits.

## Terms

# The treatment's usual short name, as readers in your market know it.
# Keep an abbreviation only if people there actually use one.
# Japanese: "頭皮アートメイク" (scalp art make) is the name Japanese clinics and
# their patients use. "SMP" is known but far less common, so it is only given
# once, in brackets, with the full name below. Japanese nouns do not inflect,
# so no case variants are needed.
-smp = 頭皮アートメイク

# The treatment's full name, as it appears in running text.
# Japanese: the usual name with the abbreviation in brackets, the way Japanese
# clinic pages introduce it (also used in the title).
-smp-long = 頭皮アートメイク（SMP）

# The city of the clinic shown in the hero image. Write it as your readers
# know it (for example in your script).
-clinic-city = マンチェスター

## Title and hero image

smp-removal-title = { -smp-long }は除去できる？

# The photograph at the top of the article.
smp-removal-hero =
    .alt = { -clinic-city }で、頭皮に極小の色素ドットを入れている様子

## Body
## One message per paragraph, in reading order.

smp-removal-permanence = { -smp-long }の大きな特徴のひとつは、永久的に残る美容施術だということです。もちろん、時間が経てば色は少しずつ薄くなりますし、リタッチも必要になります。それでも、一度入れた色素はずっと残り続けます。では、もうこの施術はいらないと思ったときはどうなるのでしょうか。{ -smp }は除去できるのでしょうか？

smp-removal-decision = そもそも、この施術の肝は「ずっと消えないこと」にあります。ですから本来、除去は軽い気持ちで決めるものではないはずです。

smp-removal-reasons = とはいえ、消したくなる気持ちは誰にでもなんとなくわかりますよね。ただ見た目の印象を変えたい、施術を受ける前の懐かしいあの頃に戻りたい、と思うこともあるでしょう。一方で、施術の仕上がりがよくなかったために、{ -smp }を消したいと切実に願う方もいます。では、実際のところはどうなのでしょうか。{ -smp }は除去できるのか、そしてそれはどれくらい難しいのでしょうか？

smp-removal-clinics = レーザーによる除去をメニューに加えている{ -smp }のクリニックも今ではたくさんあります。ただし、どこでも受けられるというわけではありません。レーザー機器は決して安い買い物ではないため、大半のクリニックは近隣のクリニックや医療機関の専門家と連携して対応しています。

smp-removal-depth = { -smp }を実際に除去する流れについて、ぜひ知っておいていただきたいことがあります。最初の施術で色素が正しく入れられていれば、そのぶん除去もしやすいということです。その理由は、色素を入れる深さにあります。{ -smp }の色素は本来、真皮層までにとどめるもので、表皮の下に閉じ込められることで、淡いながらも消えない仕上がりになります。一般的に、これがきちんと守られていれば、レーザー治療は1回、場合によっては2回で、除去は見事に成功するはずです。

smp-removal-too-deep = しかし、その一方で残念なのが、最初の施術が正しく行われていなかったケースです。その原因は決まって、経験や知識の足りない施術者が色素を頭皮に深く入れすぎ、真皮層を越えてしまったことにあります。その結果、誰もが恐れる色素のにじみが起こり、場合によっては色が変わって青っぽく見えてしまうこともあります。こうした場合、除去はずっと複雑になります。数回にわたる施術が必要になり、その過程も決して楽なものではありません。

# The question quoted inside this paragraph is the article's title,
# inserted by { smp-removal-title }; add quotation marks around it if your
# language's typography wants them.
# Japanese: the title is quoted in 「…」.
smp-removal-last-resort = { -smp }をレーザーで除去しようと考えるときは、それがとても大がかりなことだと、しっかり理解しておくことが大切です。レーザー機器の扱いが適切でなければ、やけどを負ったり、新たな傷あとが残ったりするおそれもあります。除去はあくまで最後の手段と考えるべきです。とはいえ、うれしいことに、次に「{ smp-removal-title }」と疑問に思ったときには、答えははっきり「はい、できます」です。それでも、「転ばぬ先の杖」という言葉をいつも忘れないでください。後から消すよりも、最初に慎重になるほうがずっと大切です。正直なところ、{ -smp }の除去は簡単ではありません。{ -smp }の施術を受けると決める前に、よく考えてくださいね。
