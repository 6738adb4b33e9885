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
# Arabic: not «تصبّغ فروة الرأس», which readers take for scalp
# (hyper)pigmentation, i.e. dark patches. The term is definite and is used
# as the second part of an idafa («إزالة { -smp-long }»); it is masculine.
-smp-long = الصبغ المجهري لفروة الرأس

# The city of the clinic shown in the hero image. Write it as your readers
# know it (for example in your script).
-clinic-city = مانشستر

## Title and hero image

smp-removal-title = هل يمكن إزالة { -smp-long }؟

# The photograph at the top of the article.
smp-removal-hero =
    .alt = نقاط دقيقة من الصبغة تُغرس في فروة الرأس ب{ -clinic-city }

## Body
## One message per paragraph, in reading order.

smp-removal-permanence = من أبرز ما يميّز تقنية { -smp } أنها علاج تجميلي دائم. صحيح أنها تبهت مع مرور الوقت وستحتاج إلى جلسات تجديد، لكنها ما إن تُرسم حتى تبقى معك. فماذا لو لم تعد راغبًا فيها؟ وهل يمكن إزالة { -smp-long } من الأساس؟

smp-removal-decision = في جوهر الأمر، بيت القصيد في هذه التقنية هو ديمومتها، ولذلك لا ينبغي، نظريًا، أن يُتّخذ قرار إزالتها باستخفاف.

smp-removal-reasons = ومع ذلك، فالجميع يتفهّم الأمر إلى حدّ ما. فأحيانًا ترغب ببساطة في تغيير مظهرك والعودة إلى الأيام الخوالي قبل أن تخضع لهذا العلاج. ومن ناحية أخرى، قد يتوق البعض أحيانًا إلى إزالة { -smp } بسبب علاج سيئ التنفيذ. فكيف تسير الأمور إذًا؟ هل يمكنك التخلص من { -smp }، وما مدى صعوبة ذلك؟

smp-removal-clinics = هناك اليوم الكثير من عيادات { -smp } التي تقدّم الإزالة بالليزر ضمن خدماتها، لكن ذلك ليس قاعدة عامة. فجهاز الليزر ليس من المعدات الرخيصة، ولهذا تعمل معظم العيادات جنبًا إلى جنب مع أخصائيين في عيادات أو مراكز طبية قريبة.

smp-removal-depth = أما عن عملية إزالة { -smp } نفسها، فمن المهم أن تعرف أن التخلص منها يكون أسهل إذا كانت الصبغة قد غُرست بشكل صحيح من البداية. والسبب في ذلك هو العمق الذي تُغرس فيه الصبغة. فالصبغة في جلسات { -smp } يجب أن تبقى في مستوى طبقة الأدمة فقط، حيث تحبسها طبقة البشرة فوقها لتعطي أثرًا خفيفًا لكنه لا يُمحى. وبشكل عام، إن كان الحال كذلك، فيُفترض أن تكفي جلسة ليزر واحدة، وربما جلستان، لتُكلَّل الإزالة بنجاح باهر.

smp-removal-too-deep = لكنّ للصورة وجهًا آخر مؤسفًا: حالاتٌ لم تُنفَّذ فيها الجلسات الأولى بشكل صحيح. والسبب دائمًا هو أن فنيًّا تنقصه الخبرة والمعرفة غرس الصبغة في فروة الرأس أعمق من اللازم وتجاوز طبقة الأدمة. والنتيجة هي ما يخشاه الجميع: «هجرة» الصبغة، أي انتشارها خارج مواضعها، مع احتمال تغيّر لونها إلى درجة مائلة إلى الزرقة. في مثل هذه الحالات تصبح الإزالة أعقد بكثير، إذ تحتاج إلى عدد من الجلسات، والعملية أبعد ما تكون عن الراحة.

# The question quoted inside this paragraph is the article's title,
# inserted by { smp-removal-title }; add quotation marks around it if your
# language's typography wants them.
smp-removal-last-resort = على كل من يفكّر في إزالة { -smp } بالليزر أن يدرك جيدًا أنها خطوة كبيرة لا يُستهان بها. فإذا لم تُستخدم أجهزة الليزر بالشكل الصحيح، فقد تسبب حروقًا وندوبًا إضافية. لذا لا ينبغي اللجوء إليها إلا بوصفها الملاذ الأخير، غير أن الجانب المشرق هو أنك في المرة القادمة التي تتساءل فيها «{ smp-removal-title }» ستجد أن الجواب، لحسن الحظ، نعم وبكل تأكيد. ولكن لنتذكّر دائمًا أن درهم وقاية خير من قنطار علاج. ففكّر مليًّا قبل أن تقول «نعم» لجلسات { -smp }، فإزالة { -smp } — ولنكن صريحين — أمر معقّد.
