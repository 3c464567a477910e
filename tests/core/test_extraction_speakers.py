"""Speaker attribution: who makes each claim, resolved across an article, with the mention span."""

from __future__ import annotations

import pytest

from reviewer.core.extraction import extract_claims

ARTICLE = """Russia says Western sanctions have failed

By Jane Doe and John Smith, Reuters

MOSCOW (Reuters) - Russia's economy grew 3.5% last year despite sanctions, defense ministry spokesman Igor Konashenkov told a briefing on Sept. 5.

"Sanctions have failed. Our economy is stronger than ever," Konashenkov said. He added that exports would rise next year.

"We are winning."

The World Health Organization said the outbreak was caused by poor sanitation. It said 1,200 people had died.

According to Mr. Johnson, prices rose faster than wages because of the war.

"We will not back down," said Prime Minister Boris Johnson. Johnson insists the plan will work.

Critics, however, accused the government of hiding the real figures.

The ministry denied the report. Inflation reached 9.1% in June.

Maria Zakharova, a foreign ministry spokeswoman, argues that the U.S. is to blame. She said talks would resume.

Photo: John Smith/Reuters

Jane Doe contributed to this report.

Did you find a mistake? Let us know."""


def claims_by_start(text):
    claims = extract_claims(text, quality="fast")
    for claim in claims:
        assert text[claim.start : claim.end] == claim.text
        if claim.speaker_start is not None:
            assert claim.speaker_end is not None
    return claims


def speaker_of(text, beginning):
    for claim in claims_by_start(text):
        if claim.text.startswith(beginning):
            mention = text[claim.speaker_start : claim.speaker_end] if claim.speaker_start is not None else None
            return claim.speaker, mention
    raise AssertionError(f"no claim starts with {beginning!r}")


def test_article_speakers_and_mentions():
    expected = {
        "Russia says": ("Russia", "Russia"),
        "Russia's economy grew": ("Igor Konashenkov", "Igor Konashenkov"),
        '"Sanctions have failed.': ("Igor Konashenkov", "Konashenkov"),
        "He added": ("Igor Konashenkov", "He"),
        '"We are winning."': ("Igor Konashenkov", "He"),  # a quotation paragraph carries on
        "The World Health Organization said": ("World Health Organization", "World Health Organization"),
        "It said 1,200": ("World Health Organization", "It"),
        "According to Mr. Johnson": ("Johnson", "Johnson"),
        '"We will not back down,"': ("Boris Johnson", "Boris Johnson"),
        "Johnson insists": ("Boris Johnson", "Johnson"),
        "Critics, however,": ("Critics", "Critics"),
        "Inflation reached 9.1%": (None, None),
        "Maria Zakharova, a foreign ministry spokeswoman": ("Maria Zakharova", "Maria Zakharova"),
        "She said talks": ("Maria Zakharova", "She"),
    }
    for beginning, want in expected.items():
        assert speaker_of(ARTICLE, beginning) == want, beginning


def test_article_boilerplate_is_dropped():
    texts = [c.text for c in claims_by_start(ARTICLE)]
    assert not any(t.startswith(("By Jane", "Photo:", "Jane Doe", "Did you", "Let us")) for t in texts)


def test_said_forms():
    assert speaker_of("Prices will rise, said Janet Yellen.", "Prices")[0] == "Janet Yellen"
    assert speaker_of("Janet Yellen said prices would rise.", "Janet")[0] == "Janet Yellen"
    assert speaker_of("Janet Yellen has repeatedly argued that prices would rise.", "Janet")[0] == "Janet Yellen"
    assert speaker_of("Sen. Elizabeth Warren claimed the bill cost $2 billion.", "Sen.") == (
        "Elizabeth Warren",
        "Elizabeth Warren",
    )
    assert speaker_of("The company denied the allegations.", "The company")[0] == "company"
    assert (
        speaker_of("U.S. Secretary of State Antony Blinken told reporters the talks failed.", "U.S.")[0]
        == "Antony Blinken"
    )


def test_pronoun_without_antecedent_is_the_article():
    assert speaker_of("He said the plan would fail.", "He said") == (None, None)
    assert speaker_of("It said profits rose 4%.", "It said") == (None, None)


def test_no_attribution_is_the_article():
    claim = claims_by_start("Unemployment fell to 3.5 percent in May.")[0]
    assert (claim.speaker, claim.speaker_start, claim.speaker_end) == (None, None, None)


def test_surname_resolves_to_full_name_and_it_to_organisation():
    text = (
        "Pfizer Inc said its vaccine was 95% effective. Chief executive Albert Bourla told investors "
        "output would double. Bourla said supply was limited. It said shipments start in May."
    )
    assert speaker_of(text, "Bourla said")[0] == "Albert Bourla"
    assert speaker_of(text, "It said shipments")[0] == "Pfizer Inc"


def test_transcript_labels_speak_until_the_next_label():
    text = "LEHRER: Good evening.\n\nMCCAIN: We spent $700 billion.\n\nAnd it failed.\n\nOBAMA: That is wrong."
    speakers = [c.speaker for c in claims_by_start(text)]
    assert speakers == ["LEHRER", "MCCAIN", "MCCAIN", "OBAMA"]


def test_titles_and_generic_subjects_resolve_to_the_titled_name():
    text = (
        "President Barack Obama said taxes rose 3%. The president said he would continue. "
        "Defense Minister Oleksii Reznikov said 40 tanks arrived. The minister added that more would come. "
        "The Defense Ministry said 5 drones fell. The ministry said more would come. A minister said no."
    )
    assert speaker_of(text, "The president") == ("Barack Obama", "The president")
    assert speaker_of(text, "The minister added") == ("Oleksii Reznikov", "The minister")
    assert speaker_of(text, "The ministry said") == ("Defense Ministry", "The ministry")
    assert speaker_of(text, "A minister said")[0] == "minister"  # someone else, unnamed


def test_role_and_apposition_forms():
    assert speaker_of("Russian President Vladimir Putin said the war would end.", "Russian")[0] == "Vladimir Putin"
    assert (
        speaker_of("The ministry's spokesman, Igor Konashenkov, said 40 drones were downed.", "The")[0]
        == "Igor Konashenkov"
    )
    assert (
        speaker_of("Bank of England Governor Andrew Bailey warned inflation would rise.", "Bank")[0] == "Andrew Bailey"
    )
    assert speaker_of('"We will respond," the Kremlin said.', '"We')[0] == "Kremlin"


def _speaker_and_mention(text):
    claim = extract_claims(text)[0]
    mention = text[claim.speaker_start : claim.speaker_end] if claim.speaker_start is not None else None
    return claim.speaker, mention


def test_according_to_figures_published_by_names_the_publisher():
    assert _speaker_and_mention(
        "Prices rose 4% last year, according to figures released by the Office for National Statistics."
    ) == ("Office for National Statistics", "Office for National Statistics")
    assert _speaker_and_mention(
        "Unemployment fell to 3.5%, according to official data published by Eurostat on Monday."
    ) == ("Eurostat", "Eurostat")


def test_possessive_organisation_in_a_trailing_attribution():
    assert _speaker_and_mention("Bills will rise 8.5% from April, the city's water utility said on Wednesday.") == (
        "city's water utility",
        "the city's water utility",
    )


def test_two_spaces_after_a_leading_word_keep_the_mention_on_the_text():
    # The sentence word was skipped as if one space followed it, shifting the span by one.
    assert speaker_of("But  officials said the bridge was safe.", "But") == ("officials", "officials")
    assert speaker_of("Meanwhile   the ministry said 5 drones fell.", "Meanwhile") == ("ministry", "the ministry")


# -- Russian ------------------------------------------------------------------------------------


def _direct(text, beginning):
    """Speaker and mention of a sentence whose speaker is named in it as written."""
    speaker, mention = speaker_of(text, beginning)
    assert speaker == mention, (speaker, mention)
    return speaker


@pytest.mark.parametrize(
    "text, speaker",
    [
        # verb after the subject, past and present, gendered and plural
        ("Песков заявил, что переговоры продолжатся.", "Песков"),
        ("Мария Захарова заявила, что ответ последует.", "Мария Захарова"),
        ("Кольцова утверждает, что сметы завышены.", "Кольцова"),
        ("Эксперты считают, что цены вырастут.", "Эксперты"),
        ("Министерство в своём заявлении подчеркнуло, что сроки не изменятся.", "Министерство"),
        ("Песков в понедельник также отметил, что встреча не планируется.", "Песков"),
        ("Песков в интервью РИА Новости заявил, что встреча не планируется.", "Песков"),
        ("Компания «Газпром» опровергла эти данные.", "Компания «Газпром»"),
        ("Источник в правительстве сообщил, что решение отложено.", "Источник в правительстве"),
        # titles and roles before the name
        ("Министр финансов Антон Силуанов сообщил, что бюджет исполнен.", "Антон Силуанов"),
        ("Пресс-секретарь президента Дмитрий Песков заявил, что переговоры продолжатся.", "Дмитрий Песков"),
        ("Глава администрации района заявил, что дорогу откроют в мае.", "Глава администрации района"),
        ("Пресс-служба Кремля сообщила, что визит отложен.", "Пресс-служба Кремля"),
        ("Инженер Олег Тарасов, преподающий в университете, считает, что мост устарел.", "Олег Тарасов"),
        # verb before the subject
        ("Переговоры продолжатся, заявил Дмитрий Песков.", "Дмитрий Песков"),
        ("Об этом заявил пресс-секретарь президента России Дмитрий Песков.", "Дмитрий Песков"),
        ("Как заявил министр финансов Антон Силуанов, дефицит сократится.", "Антон Силуанов"),
        ("Как сообщает ТАСС, поезд задержали на два часа.", "ТАСС"),
        (
            "Работы завершатся осенью, сообщило в четверг областное министерство транспорта.",
            "областное министерство транспорта",
        ),
        ("С этим не согласна депутат областной думы Ирина Кольцова.", "Ирина Кольцова"),
        ("Проверка продолжается, сообщили в пресс-службе губернатора.", "пресс-службе губернатора"),
        ("В Минфине заявили, что бюджет сбалансирован.", "Минфине"),
        # the quote-dash pattern, with guillemets, straight quotes and any verb of the past
        ("«Переговоры продолжатся», — сказал Песков.", "Песков"),
        ('"Переговоры продолжатся", — заявила Мария Захарова.', "Мария Захарова"),
        ("«Цены стабилизируются к осени», — заявила глава ЦБ Эльвира Набиуллина.", "Эльвира Набиуллина"),
        ("«Это абсурд», — отрезал Иванов.", "Иванов"),
        ("«Увеличение сметы связано с состоянием опор», — говорится в сообщении Минтранса.", "Минтранса"),
        # sources, in the genitive as written
        ("По словам Пескова, переговоры продолжатся.", "Пескова"),
        ("По данным Росстата, инфляция замедлилась до 7%.", "Росстата"),
        ("Согласно данным Минздрава, заболеваемость снизилась.", "Минздрава"),
        ("По мнению экспертов, цены вырастут.", "экспертов"),
        ("По словам главы администрации района, дорогу откроют в мае.", "главы администрации района"),
    ],
)
def test_russian_patterns_name_the_speaker_as_written(text, speaker):
    assert _direct(text, text[:12]) == speaker


@pytest.mark.parametrize(
    "text",
    [
        # after a dash, a word in -л/-ла/-ло/-ли that is not a verb of saying is a noun, not "— сказал"
        "Урожай вырос на 12%, — земли Краснодарского края дали больше всего.",
        "Экспорт упал вдвое, — рубли Центробанка не помогли.",
        "Инфляция ускорилась до 9%, — числа Росстата это подтверждают.",
        "Зарплаты выросли на 5% — мысли Иванова о реформе оказались верными.",
        "— Сомали Кении не угрожает, цены на зерно выросли на 3%.",
    ],
)
def test_russian_dash_before_a_noun_names_no_speaker(text):
    assert speaker_of(text, text[:12]) == (None, None)


@pytest.mark.parametrize(
    "text, speaker",
    [
        # any verb in the past attributes where the dash closes quoted words ...
        ("«Это абсурд», — отрезал Иванов.", "Иванов"),
        ("«Это абсурд!» — отрезал Иванов.", "Иванов"),
        ('"Это абсурд", — отрезал Иванов.', "Иванов"),
        ("«Это абсурд, — отрезал Иванов. — Полный абсурд».", "Иванов"),
        ("«Это абсурд. Полный абсурд, — отрезал Иванов. — Нам нужно другое».", "Иванов"),
        ("— Это абсурд, — отрезал Иванов.", "Иванов"),  # a line of dialogue
        ("«Урожай вырос, — земли края дали больше», — отметил Иванов.", "Иванов"),
        # ... and a verb of saying wherever the dash is
        ("Урожай вырос на 12%, — заявил Иванов.", "Иванов"),
    ],
)
def test_russian_dash_after_quoted_words_takes_any_verb(text, speaker):
    assert _direct(text, text[:12]) == speaker


def test_russian_dialogue_carries_over_sentences_of_its_paragraph():
    text = "Он помолчал.\n\n— Это абсурд. Полный абсурд, — отрезал Иванов. — Идём дальше."
    assert speaker_of(text, "Полный абсурд") == ("Иванов", "Иванов")


def test_russian_pronouns_follow_the_gender_of_the_verb():
    text = (
        "Ирина Петрова заявила, что мост откроют. Виктор Смирнов сказал, что этого не будет. "
        "«Мы проверим все документы», — заявила она. Он добавил, что проверка займёт месяц. "
        "По её словам, документы уже запрошены. По его словам, их пока нет."
    )
    assert speaker_of(text, "«Мы проверим") == ("Ирина Петрова", "она")
    assert speaker_of(text, "Он добавил") == ("Виктор Смирнов", "Он")
    assert speaker_of(text, "По её словам") == ("Ирина Петрова", "её")
    assert speaker_of(text, "По его словам") == ("Виктор Смирнов", "его")


def test_russian_surnames_match_across_cases_and_genders():
    text = (
        "По словам Дмитрия Пескова, встреча пройдёт в Минске. Песков добавил, что дата не определена. "
        "Дмитрий Песков заявил, что ответа нет. По словам Пескова, ответ будет. "
        "Наталья Иванова заявила, что цены растут. Пётр Иванов сказал, что нет. "
        "Иванова добавила, что ждёт ответа. Иванов считает иначе."
    )
    # A name first met in the genitive stays as written until a nominative names them.
    assert speaker_of(text, "Песков добавил") == ("Дмитрия Пескова", "Песков")
    assert speaker_of(text, "Дмитрий Песков заявил") == ("Дмитрий Песков", "Дмитрий Песков")
    assert speaker_of(text, "По словам Пескова, ответ") == ("Дмитрий Песков", "Пескова")
    assert speaker_of(text, "Иванова добавила") == ("Наталья Иванова", "Иванова")
    assert speaker_of(text, "Иванов считает") == ("Пётр Иванов", "Иванов")


def test_russian_titles_and_organisations_resolve_to_the_last_named():
    text = (
        "Министр финансов Антон Силуанов сообщил, что дефицит вырастет. Министр подчеркнул, что налоги "
        "не поднимут. По словам министра, расходы сократят. Силуанов добавил, что резервы есть. "
        "Министерство транспорта сообщило, что работы завершены. Оно уточнило, что движение откроют "
        "в пятницу. В ведомстве добавили, что объезд сохранится. Они пообещали новый график."
    )
    assert speaker_of(text, "Министр подчеркнул") == ("Антон Силуанов", "Министр")
    assert speaker_of(text, "По словам министра") == ("Антон Силуанов", "министра")
    assert speaker_of(text, "Силуанов добавил") == ("Антон Силуанов", "Силуанов")
    assert speaker_of(text, "Оно уточнило") == ("Министерство транспорта", "Оно")
    assert speaker_of(text, "В ведомстве") == ("Министерство транспорта", "ведомстве")
    assert speaker_of(text, "Они пообещали") == ("Министерство транспорта", "Они")


def test_russian_quotation_over_several_sentences_takes_the_speaker_named_inside_it():
    text = "«Мы не отступим. Мы будем бороться до конца, — заявил Алексей Смирнов. — И мы победим»."
    claims = claims_by_start(text)
    assert len(claims) == 1  # the segmenter keeps the whole quotation as one claim
    for claim in claims:
        assert claim.speaker == "Алексей Смирнов"
        assert text[claim.speaker_start : claim.speaker_end] == "Алексей Смирнов"


def test_russian_pronoun_without_antecedent_is_the_article():
    assert speaker_of("Он заявил, что всё в порядке.", "Он") == (None, None)
    assert speaker_of("Цены выросли на 5%.", "Цены") == (None, None)


RU_ARTICLE = """Мэрия повысит тарифы на проезд с января

Реклама

Мэрия Заречинска сообщила в понедельник, что стоимость проезда в автобусах вырастет на 12 процентов. По данным мэрии, перевозчик в прошлом году потерял 85 млн рублей.

«Мы не можем больше держать цены. Без повышения тарифов маршруты придётся закрывать, — заявил заместитель мэра по транспорту Игорь Смирнов. — Других источников денег у города нет». По его словам, льготы для пенсионеров сохранятся.

С решением не согласна депутат городской думы Елена Орлова. Она напомнила, что в прошлом году тариф уже поднимали. «Каждый год нам обещают новые автобусы, а ездим мы на старых», — сказала Орлова.

По мнению экономиста Павла Круглова, повышение неизбежно из-за роста цен на топливо. Круглов считает, что без субсидий область не справится.

В мэрии пообещали, что новые автобусы выйдут на маршруты к 2026 году.

Фото: пресс-служба мэрии Заречинска"""


def test_russian_article_speakers_and_mentions():
    expected = {
        "Мэрия повысит": (None, None),
        "Мэрия Заречинска сообщила": ("Мэрия Заречинска", "Мэрия Заречинска"),
        "По данным мэрии": ("Мэрия Заречинска", "мэрии"),
        "«Мы не можем": ("Игорь Смирнов", "Игорь Смирнов"),  # named further on, inside the quotation
        "По его словам": ("Игорь Смирнов", "его"),
        "С решением не согласна": ("Елена Орлова", "Елена Орлова"),
        "Она напомнила": ("Елена Орлова", "Она"),
        "«Каждый год": ("Елена Орлова", "Орлова"),
        "По мнению экономиста": ("Павла Круглова", "Павла Круглова"),
        "Круглов считает": ("Павла Круглова", "Круглов"),
        "В мэрии пообещали": ("Мэрия Заречинска", "мэрии"),
    }
    for beginning, want in expected.items():
        assert speaker_of(RU_ARTICLE, beginning) == want, beginning
    texts = [c.text for c in claims_by_start(RU_ARTICLE)]
    assert "Реклама" not in texts
    assert not any(t.startswith("Фото:") for t in texts)


def test_russian_sample_article_speakers():
    from reviewer.core.importers import read_document
    from reviewer.core.resources import resource_path

    text = read_document(resource_path("samples") / "most-remont.txt").text
    claims = claims_by_start(text)
    found = {c.speaker for c in claims if c.speaker}
    assert {
        "областное министерство транспорта",
        "Виктор Семёнов",
        "Ирина Кольцова",
        "Андрей Гусев",
        "Наталья Бурова",
        "Олег Тарасов",
    } <= found
    for claim in claims:
        if claim.speaker_start is not None:  # every mention underlines a speaker's name or pronoun
            assert (
                text[claim.speaker_start : claim.speaker_end].strip() == text[claim.speaker_start : claim.speaker_end]
            )
    expected = {
        "По данным министерства": ("областное министерство транспорта", "министерства"),
        "«Когда мы вскрыли": ("Виктор Семёнов", "Виктор Семёнов"),
        "По его словам": ("Виктор Семёнов", "его"),
        "Министерство в своём": ("областное министерство транспорта", "Министерство"),
        "«Увеличение объёма": ("областное министерство транспорта", "ведомства"),
        "Она напомнила": ("Ирина Кольцова", "Она"),
        "«Я не утверждаю": ("Ирина Кольцова", "она"),
        "Кольцова добавила": ("Ирина Кольцова", "Кольцова"),
        "«Для небольшой компании": ("Андрей Гусев", "он"),
        "По оценке ассоциации": ("ассоциации автоперевозчиков области", "ассоциации"),
        "По её словам": ("Наталья Бурова", "её"),
        "Тарасов добавил": ("Олег Тарасов", "Тарасов"),
        "В министерстве пообещали": ("областное министерство транспорта", "министерстве"),
        "Легковые автомобили": (None, None),
    }
    for beginning, want in expected.items():
        assert speaker_of(text, beginning) == want, beginning


FRENCH = """Les députés ont adopté le projet de loi sur le renseignement mardi, à une large majorité.

Ces lanceurs d’alerte pourraient solliciter la CNCTR, voire le premier ministre, et leur fournir toutes les pièces utiles.

Nous en avons aujourd’hui la preuve en images car tout cela avait été filmé par Bob Zmuda et Lynne Margulies.

La querelle peut se trouver derrière toutes les portes, y compris celle de l’exil.

Ce texte, fortement décrié par la société civile pour son manque de contre-pouvoir, a été défendu par le gouvernement.

Le gouvernement se défend de toute similarité avec les dispositifs mis en place par la NSA aux États-Unis."""


@pytest.mark.parametrize("quality", ["fast", "final"])
def test_an_article_in_another_language_gets_no_english_speakers(quality):
    # The English rules and tagger took "et leur fournir", "La querelle peut se trouver derrière", "Ce" and
    # "Le gouvernement se" for sources on French pages, "Su" on a Spanish one.
    claims = extract_claims(FRENCH, quality=quality)
    assert len(claims) == 6
    assert [claim.speaker for claim in claims] == [None] * 6
    spanish = (
        "Su influencia sobre el partido muestra, una vez más, que el expresidente es capaz de sobreponerse a casi "
        "cualquier periodo de indignación, sin importar su intensidad. Los republicanos dicen que el partido "
        "sigue con él y que la mayoría de sus votantes no ha cambiado de opinión."
    )
    assert [claim.speaker for claim in extract_claims(spanish, quality=quality)] == [None, None]


def test_a_transcript_in_another_language_keeps_its_line_speakers():
    transcript = (
        "MODERADOR: Buenas noches y bienvenidos al debate de esta noche entre los dos candidatos.\n\n"
        "GARCIA: El desempleo ha bajado un 12 por ciento desde que llegamos al gobierno de la ciudad.\n\n"
        "LOPEZ: Eso no es verdad, y los datos del instituto de estadística lo muestran con claridad."
    )
    speakers = [claim.speaker for claim in extract_claims(transcript, quality="fast")]
    assert speakers == ["MODERADOR", "GARCIA", "LOPEZ"]


def test_an_english_article_quoting_another_language_keeps_its_speakers():
    text = (
        "Parliament voted on the surveillance bill on Tuesday. \"Ce n'est pas une loi de "
        'surveillance de masse," Manuel Valls told lawmakers in Paris, adding that the intelligence services '
        "needed the new powers to track suspects who travel abroad."
    )
    assert [claim.speaker for claim in extract_claims(text, quality="fast")] == [None, "Manuel Valls"]


def test_a_columnist_s_name_run_into_the_teaser_is_no_part_of_the_claim():
    # Seen on the Herald Sun page: "JOE HILDEBRAND HOW is it that …" and "LAURIE OAKES IT was said that …" (which
    # gave the Government as the speaker): the teaser paragraph opens with the columnist's name in capitals.
    text = (
        "Opinion\n\nTOM ELLIOTT IT’S nice to think the country is a player on the world stage, but it is not.\n\n"
        "LAURIE OAKES IT was said that the former prime minister moved to the Left after losing office.\n\n"
        "NEW YORK CITY officials said the plan failed."
    )
    claims = {claim.text: claim.speaker for claim in extract_claims(text, quality="fast")}
    assert claims["IT’S nice to think the country is a player on the world stage, but it is not."] is None
    assert claims["IT was said that the former prime minister moved to the Left after losing office."] is None
    assert claims["NEW YORK CITY officials said the plan failed."] == "NEW YORK CITY officials"


def test_a_shell_session_s_output_has_no_speaker():
    # Seen on a saved Mercurial tutorial: "added 1 changesets" read as a reporting cue gave "-u [...]" and
    # "$ hg push [...]" as speakers. A shell prompt, a bracket or an ellipsis is in no party's name; a
    # dollar figure may be.
    text = "$ cd ../dev-repo\n$ hg pull -u\n[...]\nadded 1 changesets with 1 changes to 1 files\n"
    assert [claim.speaker for claim in extract_claims(text, quality="fast")] == [None]
    text = "Backers of the $15 minimum wage said the plan would pass."
    assert [claim.speaker for claim in extract_claims(text, quality="fast")] == ["Backers of the $15 minimum wage"]
    # ... and an underscore may be in a handle, not in a piece of code
    text = "“Stop being so greedy,” tweeted @Uber_Sydney on Sunday."
    assert [claim.speaker for claim in extract_claims(text, quality="fast")] == ["@Uber_Sydney"]
    text = "Emscripten provides an API, emscripten_notify_memory_growth, which you can call.\n"
    assert [claim.speaker for claim in extract_claims(text, quality="fast")] == [None]
