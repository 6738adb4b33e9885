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
# Ukrainian: clinics and readers call it "трихопігментація"; the Latin
# abbreviation "SMP" appears only now and then in brackets or studio names,
# so it is not used here. Declined; select the form with $case (nominative,
# genitive, dative, accusative, instrumental, locative).
-smp =
    { $case ->
       *[nominative] трихопігментація
        [genitive] трихопігментації
        [dative] трихопігментації
        [accusative] трихопігментацію
        [instrumental] трихопігментацією
        [locative] трихопігментації
    }

# The treatment's full name, as it appears in running text.
# Ukrainian: the descriptive name clinics give next to "трихопігментація".
# Declined; select the form with $case.
-smp-long =
    { $case ->
       *[nominative] мікропігментація шкіри голови
        [genitive] мікропігментації шкіри голови
        [dative] мікропігментації шкіри голови
        [accusative] мікропігментацію шкіри голови
        [instrumental] мікропігментацією шкіри голови
        [locative] мікропігментації шкіри голови
    }

# The city of the clinic shown in the hero image. Write it as your readers
# know it (for example in your script).
# Ukrainian: declined; select the form with $case.
-clinic-city =
    { $case ->
       *[nominative] Манчестер
        [genitive] Манчестера
        [dative] Манчестеру
        [accusative] Манчестер
        [instrumental] Манчестером
        [locative] Манчестері
    }

## Title and hero image

smp-removal-title = Чи можна видалити мікропігментацію шкіри голови?

# The photograph at the top of the article.
smp-removal-hero =
    .alt = Мікрокрапки пігменту вводять у шкіру голови під час процедури в { -clinic-city(case: "locative") }

## Body
## One message per paragraph, in reading order.

smp-removal-permanence = Одна з головних особливостей { -smp(case: "genitive") } ({ -smp-long(case: "genitive") }) полягає в тому, що це естетична процедура з перманентним результатом. Так, із часом пігмент блякне, і знадобиться корекція, але якщо його вже нанесли, він нікуди не дінеться. Тож що робити, коли результат вам більше не потрібен, — чи можна видалити { -smp-long(case: "accusative") }?

smp-removal-decision = Власне, у цьому й увесь задум: результат має залишатися назавжди. Тому й рішення про видалення, теоретично, не варто ухвалювати легковажно.

smp-removal-reasons = І все ж таке бажання, загалом, зрозуміле кожному. Іноді просто хочеться змінити образ і повернутися до старих добрих часів, коли жодної процедури ще не було. А буває й так, що про видалення { -smp(case: "genitive") } мріють через погано виконану процедуру. Тож як усе відбувається на практиці? Чи можна видалити { -smp(case: "accusative") } і наскільки це складно?

smp-removal-clinics = Нині чимало клінік { -smp(case: "genitive") } пропонує серед своїх послуг і лазерне видалення. Утім, це не загальне правило. Лазерний апарат — задоволення недешеве, тому більшість клінік працює пліч-о-пліч із фахівцями з інших клінік чи медичних кабінетів поблизу.

smp-removal-depth = Щодо самого процесу видалення { -smp(case: "genitive") } важливо памʼятати: пігмент легше вивести, якщо його від початку ввели правильно. Уся річ у глибині, на якій опиняється пігмент. Під час { -smp(case: "genitive") } його мають вводити лише в дерму: там, під захистом епідермісу, він утворює легкий, але стійкий малюнок. Якщо так і було, то зазвичай вистачає одного, а може, і двох сеансів лазера — і видалення, найпевніше, пройде цілком успішно.

smp-removal-too-deep = Проте буває й інша, невтішна ситуація: коли первинну процедуру виконали неправильно. Причина завжди та сама — майстер через брак досвіду й знань увів пігмент у шкіру голови надто глибоко, глибше за дерму. Результат — міграція пігменту, якої всі так бояться, і можлива зміна кольору аж до синюватого відтінку. У таких випадках видалити пігмент набагато складніше. Знадобиться кілька сеансів, а сама процедура аж ніяк не з приємних.

# The question quoted inside this paragraph is the article's title,
# inserted by { smp-removal-title }; add quotation marks around it if your
# language's typography wants them.
smp-removal-last-resort = Кожен, хто думає про лазерне видалення { -smp(case: "genitive") }, має чітко розуміти: це дуже серйозний крок. У невмілих руках лазер може залишити опіки й нові рубці. Вдаватися до нього варто лише в крайньому разі, але є й добра новина: наступного разу, коли постане запитання «{ smp-removal-title }», ви вже знатимете відповідь — на щастя, це впевнене «так». Та завжди памʼятаймо: запобігти проблемі набагато краще, ніж потім її виправляти. Тож добре подумайте, перш ніж сказати «так» { -smp(case: "dative") }, бо, будьмо чесними, видалення { -smp(case: "genitive") } — справа непроста.
