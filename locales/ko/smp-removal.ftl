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
### Korean: polite, friendly 해요 style, as Korean clinic blogs write; "you"
### is mostly left implicit, as is natural in Korean. Quotation marks “…” for
### the quoted question, ‘…’ for an emphasised word.

## Terms

# The treatment's usual short name, as readers in your market know it.
# Keep an abbreviation only if people there actually use one.
# Korean: "두피 문신" (scalp tattoo) is what Korean clinics and patients call
# it (clinics often write it solid, "두피문신"). Korean nouns do not inflect:
# particles are separate words chosen by the last syllable. Both terms end in
# 신 (final consonant), so the text always uses 을/이/은/과/으로 after them.
# If you change a term, make it end in a final consonant too, or the
# particles in the messages must change.
-smp = 두피 문신

# The treatment's full name, as it appears in running text.
# Korean: "SMP 두피 문신", the name Korean clinic pages use; the abbreviation
# SMP is known in Korea, but only together with "두피 문신".
-smp-long = SMP 두피 문신

# The city of the clinic shown in the hero image. Write it as your readers
# know it (for example in your script).
-clinic-city = 맨체스터

## Title and hero image

smp-removal-title = { -smp-long }, 지울 수 있을까요?

# The photograph at the top of the article.
smp-removal-hero =
    .alt = { -clinic-city }에서 두피에 미세한 색소 점을 새겨 넣는 모습

## Body
## One message per paragraph, in reading order.

smp-removal-permanence = { -smp }의 가장 큰 특징 중 하나는 영구적으로 남는 미용 시술이라는 점이에요. 물론 시간이 지나면 색이 옅어져서 리터치가 필요하긴 하지만, 한번 자리 잡은 색소는 그대로 남아요. 그럼 받은 시술을 더는 원하지 않게 되면 어떻게 될까요? { -smp-long }은 지울 수 있을까요?

smp-removal-decision = 사실 이 시술의 핵심은 ‘영구적’이라는 데 있어요. 그러니 원칙적으로는 제거도 가볍게 결정할 일이 아니에요.

smp-removal-reasons = 그래도 그 마음, 누구나 어느 정도는 이해할 거예요. 그냥 스타일을 바꾸고 싶을 때도 있고, 시술받기 전 좋았던 그 시절로 돌아가고 싶을 때도 있으니까요. 한편으로는 시술이 잘못되는 바람에 { -smp }을 지우고 싶어 하는 분들도 있어요. 그럼 실제로는 어떨까요? { -smp }은 정말 지울 수 있을까요? 또 지우기는 얼마나 어려울까요?

smp-removal-clinics = 요즘은 레이저 제거를 서비스로 함께 제공하는 { -smp } 클리닉이 많아졌어요. 하지만 모든 곳이 다 그런 건 아니에요. 레이저는 결코 싼 장비가 아니어서, 대부분의 클리닉은 근처 클리닉이나 병원의 전문가와 손잡고 일해요.

smp-removal-depth = 실제로 { -smp }을 제거하는 과정에서 꼭 짚고 넘어가야 할 점이 있어요. 처음에 색소를 제대로 넣었다면 지우기도 그만큼 쉽다는 거예요. 그 이유는 바로 색소가 들어간 깊이에 있어요. { -smp } 시술은 진피층까지만 이루어져야 해요. 그래야 색소가 표피 아래에 갇혀, 은은하면서도 지워지지 않는 점을 만들어 내거든요. 일반적으로 이렇게 제대로 시술된 경우라면 레이저 시술 한두 번이면 깔끔하게 제거될 거예요.

smp-removal-too-deep = 하지만 안타깝게도 그 반대편에는 처음 시술이 제대로 이루어지지 않은 경우가 있어요. 이렇게 되는 건 예외 없이 경험과 지식이 부족한 시술자가 색소를 두피에 너무 깊이 넣어 진피층을 넘어섰기 때문이에요. 그 결과 모두가 두려워하는 색소 번짐이 생기고, 색이 변해 푸르스름하게 보일 수도 있어요. 이럴 때는 제거가 훨씬 복잡해져요. 여러 번 시술을 받아야 하고, 그 과정도 결코 편하지 않아요.

# The question quoted inside this paragraph is the article's title,
# inserted by { smp-removal-title }; add quotation marks around it if your
# language's typography wants them.
# Korean: the title is quoted in “…” and followed by 라는 (“…”라는 질문).
smp-removal-last-resort = 레이저로 { -smp }을 제거할까 고민하고 계신다면, 그게 아주 큰 결심이 필요한 일이라는 걸 반드시 알고 계셔야 해요. 레이저 장비를 제대로 다루지 못하면 화상을 입거나 흉터가 새로 생길 수 있거든요. 제거는 어디까지나 최후의 수단이어야 해요. 그래도 좋은 소식은, 다음에 “{ smp-removal-title }”라는 질문이 떠오른다면 다행히도 답은 확실한 ‘네’라는 거예요. 하지만 언제나 기억해 주세요. 치료보다 예방이 훨씬 낫다는 걸요. 솔직히 말해서 { -smp }을 지우는 건 복잡한 일이니까, { -smp } 시술을 결정하기 전에 충분히 생각해 보세요.
