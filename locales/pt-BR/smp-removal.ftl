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
### pt-BR: the reader is addressed as "você", as Brazilian clinic blogs do.

## Terms

# The treatment's usual short name, as readers in your market know it.
# Keep an abbreviation only if people there actually use one.
# pt-BR: Brazilian clinics and their clients call it "micropigmentação
# capilar"; "SMP" is almost unknown to the public, so it is not used, and
# "micropigmentação" alone would suggest eyebrows or lips. Feminine noun;
# Portuguese has no grammatical case, so no variants are needed.
-smp = micropigmentação capilar

# The treatment's full name, as it appears in running text.
# pt-BR: the same name; "micropigmentação capilar" is also the full name
# used in Brazil (feminine).
-smp-long = micropigmentação capilar

# The city of the clinic shown in the hero image. Write it as your readers
# know it (for example in your script).
-clinic-city = Manchester

## Title and hero image

smp-removal-title = É possível remover a micropigmentação capilar?

# The photograph at the top of the article.
smp-removal-hero =
    .alt = Micropontos de pigmento sendo implantados no couro cabeludo em { -clinic-city }

## Body
## One message per paragraph, in reading order.

smp-removal-permanence = Uma das principais características da { -smp } é ser um tratamento estético permanente. Sim, ela desbota com o tempo e você vai precisar de retoques, mas, depois de feita, ela veio para ficar. E aí, o que acontece quando você não quer mais o tratamento? Afinal, a { -smp-long } pode ser removida?

smp-removal-decision = No fundo, a graça da coisa está justamente em ser permanente. Por isso, pelo menos em teoria, a remoção não deveria ser uma decisão tomada de ânimo leve.

smp-removal-reasons = Mesmo assim, todo mundo meio que entende. Às vezes, você só quer mudar o visual e voltar aos bons tempos em que não tinha feito o tratamento. Por outro lado, às vezes a vontade de remover a { -smp } também vem de um trabalho malfeito. Então, como isso funciona na prática? Dá para remover a { -smp }? E quão difícil é fazer isso?

smp-removal-clinics = Hoje em dia, muitas clínicas de { -smp } por aí oferecem a remoção a laser entre os seus serviços. Mas isso não é regra. Um aparelho de laser não sai nada barato, e a maioria das clínicas trabalha em parceria com especialistas de clínicas ou consultórios médicos da região.

smp-removal-depth = Quanto ao processo de remoção da { -smp } em si, é importante saber que fica mais fácil eliminar o pigmento quando ele foi implantado corretamente desde o início. O motivo é a profundidade em que o pigmento é implantado. Na { -smp }, o pigmento deve ficar só na derme, retido pela epiderme, para criar uma marcação leve, mas indelével. De modo geral, se for esse o caso, uma sessão de laser, talvez duas, deve bastar para que a remoção seja um sucesso absoluto.

smp-removal-too-deep = Só que existe o outro extremo, o lado ruim da história: os casos em que o procedimento inicial não foi feito corretamente. Invariavelmente, isso acontece porque o profissional, por falta de experiência e conhecimento, implantou os pigmentos fundo demais no couro cabeludo e ultrapassou a derme. O resultado é a temida migração do pigmento e possíveis alterações de cor, com um tom puxado para o azul. Nesses casos, a remoção é bem mais complexa. Serão necessárias várias sessões, e o processo está longe de ser confortável.

# The question quoted inside this paragraph is the article's title,
# inserted by { smp-removal-title }; add quotation marks around it if your
# language's typography wants them.
smp-removal-last-resort = Sempre que alguém pensa em remover a { -smp } com laser, é fundamental entender que esse é um passo enorme. Se os aparelhos de laser não forem manuseados corretamente, podem causar queimaduras e cicatrizes adicionais. A remoção deve ser sempre o último recurso. O lado bom, porém, é que, da próxima vez que você se perguntar “{ smp-removal-title }”, a resposta, felizmente, é um sonoro sim. Mas vale sempre lembrar: é muito melhor prevenir do que remediar. Pense bem antes de dizer sim à { -smp }, porque, sejamos sinceros, remover a { -smp } é complicado.
