"""Claim kinds: statistic, quotation, causal, comparison, prediction, other."""

from __future__ import annotations

import pytest

from reviewer.core.extraction import KINDS, extract_claims
from reviewer.core.extraction.kinds import classify


@pytest.mark.parametrize(
    "sentence, kind",
    [
        ("Unemployment fell to 3.5 percent in May.", "statistic"),
        ("The bill would cost $2 billion.", "statistic"),
        ("More than 1,200 people died in the floods.", "statistic"),
        ("Two in three voters back the plan.", "statistic"),
        ("Crime has doubled since the law was passed.", "statistic"),
        ('"We are not going to surrender to anyone," he said.', "prediction"),
        ('"This is a disgrace to the whole nation," she said.', "quotation"),
        ("The outbreak was caused by poor sanitation.", "causal"),
        ("Prices rose because the central bank printed money.", "causal"),
        ("Our schools are better than those in any other state.", "comparison"),
        ("It is the largest army in Europe.", "comparison"),
        ("The government will cut taxes next year.", "prediction"),
        ("The mayor promised to build new homes.", "prediction"),
        ("The council won\u2019t raise the fares.", "prediction"),  # news sets a curly apostrophe
        ("The senator met voters in Ohio.", "other"),
        ("He was born in 1950 and moved on Sept. 5.", "other"),
        ("The meeting is at No. 10 Downing Street.", "other"),
    ],
)
def test_classify(sentence, kind):
    assert classify(sentence) == kind


def test_every_claim_has_a_known_kind():
    text = (
        'Taxes rose 4%. "We will fight this," she said. Growth slowed because of the war. '
        "Exports are higher than ever. The minister visited Paris."
    )
    kinds = [c.kind for c in extract_claims(text, quality="fast")]
    assert all(k in KINDS for k in kinds)
    assert kinds == ["statistic", "prediction", "causal", "comparison", "other"]


@pytest.mark.parametrize(
    "sentence, kind",
    [
        # figures: digits, number words and units; a multiplier is a figure, as "doubled" is
        ("Бюджет составит 5 млн рублей.", "statistic"),
        ("Потери превысили два миллиарда рублей.", "statistic"),
        ("Через посёлок проходят около четырёх тысяч человек.", "statistic"),
        ("Зарплаты выросли на несколько процентов.", "statistic"),
        ("Половина жителей поддерживает проект.", "statistic"),
        ("Стоимость ремонта выросла почти вдвое.", "statistic"),
        ("Цены выросли в три раза.", "statistic"),
        # causal
        ("Цены выросли из-за санкций.", "causal"),
        ("Инфляция замедлилась, потому что ЦБ поднял ставку.", "causal"),
        ("Рост тарифов привёл к протестам.", "causal"),
        ("В результате аварии мост закрыли.", "causal"),
        ("Перенос сроков связан с состоянием опор.", "causal"),
        # comparison
        ("Зарплаты в Москве выше, чем в регионах.", "comparison"),
        ("Коррозия оказалась намного серьёзнее, чем показывало обследование.", "comparison"),
        ("Аварий стало больше, чем в прошлом году.", "comparison"),
        ("По сравнению с прошлым годом спрос упал.", "comparison"),
        ("Урожай стал рекордным.", "comparison"),
        ("Это самый длинный мост в Европе.", "comparison"),
        ("Зарплаты в регионах оказались ниже ожидаемых.", "comparison"),
        # prediction and promise
        ("Правительство планирует снизить налоги.", "prediction"),
        ("Мэр пообещал построить новую школу.", "prediction"),
        ("Завод откроют к 2030 году.", "prediction"),
        ("Компания намерена выйти на биржу.", "prediction"),
        ("Новый мост будет построен в следующем году.", "prediction"),
        ("Ремонт затянется до осени.", "prediction"),
        # quotation: guillemets, „German“ quotes, a dash that carries a quotation on, its close
        ("«Мы никогда не бросим наших жителей», — сказал он.", "quotation"),
        ("„Это провокация от начала до конца“, — заявила она.", "quotation"),
        ("— Мы понимаем, что жителям тяжело.", "quotation"),
        ("Но открыть мост раньше значит рисковать людьми».", "quotation"),
        ("Компания «Мостострой-Север» не виновата.", "other"),  # a name in quotes is not a quotation
        # an item of a dashed list is not dialogue; "ниже" / "выше" pointing within the text compare nothing
        ("— снижение налогов для малого бизнеса и самозанятых;", "other"),
        ("— Снижение налогов для малого бизнеса и самозанятых;", "other"),
        ("Ниже приведены основные положения законопроекта.", "other"),
        ("Основные положения законопроекта перечислены ниже.", "other"),
        ("Как указано выше, проект утвердили в мае.", "other"),
        # neither; dates and article numbers are not figures
        ("Министр встретился с избирателями в Твери.", "other"),
        ("Комиссия рассмотрит вопрос на заседании 18 ноября.", "other"),
        ("Он родился в 1950 году.", "other"),
        ("Статья 5 закона запрещает это.", "other"),
    ],
)
def test_classify_russian(sentence, kind):
    assert classify(sentence) == kind


@pytest.mark.parametrize(
    "sentence",
    [
        "— Shay Friedman (@ironshay) August 22, 2013",  # the signature of an embedded tweet
        "— The minister, speaking on Tuesday.",  # a caption or a credit
    ],
)
def test_english_line_after_a_dash_is_not_a_quotation(sentence):
    # Dialogue carried on after a dash is a Russian convention.
    assert classify(sentence) == "other"
    assert classify("— Мы понимаем, что бизнесу тяжело.") == "quotation"


def test_russian_dashed_list_is_not_a_quotation():
    text = (
        "Ниже приведены основные положения законопроекта о поддержке малого бизнеса.\n\n"
        "— снижение налогов для малого бизнеса и самозанятых;\n"
        "— отмена плановых проверок для новых компаний;\n"
        "— льготные кредиты фермерам.\n\n"
        "— Мы понимаем, что бизнесу тяжело, — сказал министр."
    )
    kinds = [c.kind for c in extract_claims(text, quality="fast")]
    assert kinds[0] == "other"
    assert "quotation" not in kinds[1:-1]
    assert kinds[-1] == "quotation"


def test_russian_sample_article_kinds():
    from reviewer.core.importers import read_document
    from reviewer.core.resources import resource_path

    text = read_document(resource_path("samples") / "most-remont.txt").text
    kinds = {c.text[:30]: c.kind for c in extract_claims(text, quality="fast")}
    assert kinds["Стоимость работ выросла с 1,9 "] == "statistic"
    assert kinds["«Когда мы вскрыли покрытие, вы"] == "comparison"
    assert kinds["«Увеличение объёма работ связа"] == "causal"
    assert kinds["В министерстве пообещали к кон"] == "prediction"
    assert kinds["«Я не утверждаю, что кто-то на"] == "quotation"
    assert set(kinds.values()) == set(KINDS)


@pytest.mark.parametrize(
    "sentence, kind",
    [
        # news-guidelines.md: statistic > prediction > causal > comparison > quotation > other.
        ("The new bridge will be wider than the old one.", "prediction"),
        ("Because of the storm, the governor will close the schools.", "prediction"),
        ("The outbreak was worse than expected because of poor sanitation.", "causal"),
    ],
)
def test_kind_precedence_follows_the_guidelines(sentence, kind):
    assert classify(sentence) == kind


def test_an_attributed_sentence_with_no_stronger_kind_is_a_quotation():
    # "quotation: an attributed statement whose content is none of the above" (news-guidelines.md).
    sentence = "The council approved the plan on Tuesday, the mayor said."
    assert classify(sentence, attributed=True) == "quotation"
    assert classify(sentence) == "other"
    [claim] = extract_claims("Residents met in the hall.\n\n" + sentence, quality="fast")[1:]
    assert claim.speaker == "mayor" or claim.speaker == "the mayor"
    assert claim.kind == "quotation"


def test_a_past_plan_in_russian_is_no_prediction():
    # "как планировалось" (as was planned) looks back; "планирует" looks forward.
    assert classify("Менять придётся не две опоры, как планировалось, а пять.") != "prediction"
    assert classify("Министерство планирует открыть мост осенью.") == "prediction"


def test_curly_apostrophes_read_like_straight_ones():
    # The linear models learnt from debate transcripts, which write "don't"; news writes "don’t".
    from reviewer.core.extraction.features import sentence_features

    assert sentence_features("I\u2019m sure we don\u2019t need it.") == sentence_features("I'm sure we don't need it.")


def test_a_party_doing_something_is_no_quotation():
    # news-guidelines.md: a quotation is an attributed *statement*; narrated actions are in the article's voice.
    # PolNeAR's cues include "endorsing", "seemed", "refused": the sentence may have a speaker, not a quotation.
    for sentence in (
        "Sen. Tom Reyes is endorsing Ann Ortiz's campaign for governor.",
        "At times, Mr. Reyes seemed more concerned with his own party.",
    ):
        assert classify(sentence, attributed=True) == "other"
    # a reporting cue, quoted words or a Russian statement keep it a quotation
    assert classify("Tom Reyes told reporters the port was safe.", attributed=True) == "quotation"
    assert classify("According to Tom Reyes, the port is safe.", attributed=True) == "quotation"
    assert classify('Reyes called the plan "a disgrace" on Monday.', attributed=True) == "quotation"
    assert classify("Министр назвал проект важным.", attributed=True) == "quotation"
    text = "Residents met in the hall.\n\nSen. Tom Reyes is endorsing Ann Ortiz's campaign for governor."
    [claim] = extract_claims(text, quality="fast")[1:]
    assert claim.kind == "other"


@pytest.mark.parametrize(
    "sentence",
    [
        # news-guidelines.md: "a number incidental to an event" makes no statistic
        "Lashing out, Reyes said the 83-year-old justice’s mind was gone.",
        "Tom Reyes, 51, who is married to the mayor, was seen at the port.",
        "The Daily Harbour ran a nearly 3,000-word article on him.",
        "The PR effort comes ahead of the release of a 28-page section of the report.",
        "The program ends at 9 a.m. on weekdays.",
        "5.",
        "Post-9/11 rebuilding is not the only reason the port backs the mayor.",
        "Mayor Reyes told the council 18 months ago that he would seek a breakthrough.",
    ],
)
def test_incidental_numbers_make_no_statistic(sentence):
    assert classify(sentence) != "statistic"


@pytest.mark.parametrize(
    "sentence",
    [
        "Unemployment fell to 4.9 percent last year.",
        "The port handled 3,000 containers a day in 2015.",
        "Some 40 percent-point swings were seen.",
        "The plan costs $40 million over 10 years.",
        "Reyes, 51, said the port lost 400 jobs.",
    ],
)
def test_a_real_figure_beside_an_incidental_one_is_still_a_statistic(sentence):
    assert classify(sentence) == "statistic"


@pytest.mark.parametrize(
    "sentence",
    [
        "Ortiz became the first political candidate to buy a promoted trend on the site.",
        "She was the first openly transgender person to speak at a party convention.",
        "He convened the first ever conference on port safety in Salem.",
    ],
)
def test_a_first_of_its_kind_is_a_comparison(sentence):
    # news-guidelines.md: "comparison: relative standing or records ('first time since 1905')".
    assert classify(sentence) == "comparison"


def test_the_first_of_a_series_is_no_record():
    assert classify("The first debate took place in Salem on a Monday.") != "comparison"


def test_an_age_written_with_spaces_is_no_statistic():
    # Seen on the Telegraph page: "insisting the 93 year-old finishes his presidential term" read as a statistic.
    from reviewer.core.extraction.kinds import classify

    assert classify("The aides are insisting the 93 year-old finishes his term.", attributed=False) == "other"
    assert classify("He is 93 years old and still in office.", attributed=False) == "other"
    assert classify("The 93-year-old leader says 40 percent of voters back him.", attributed=True) == "statistic"


def test_health_and_science_findings_are_causal():
    # From the science news labels: findings worded as associations and risks were "other" (causal recall 0.29 on
    # the news dev split); news-guidelines.md counts a link or association as causal.
    for sentence in (
        "Higher fat under the skin is associated with a lower risk of diabetes.",
        "Hormone therapy can double the risk of depression in men.",
        "Olive oil was linked with fewer deaths from heart disease.",
        "The vaccine protects against severe illness.",
        "The drug was effective against aggressive forms of the cancer.",
    ):
        assert classify(sentence) == "causal", sentence
    # A tie between parties is no cause.
    for sentence in ("A group associated with the campaign ran the ads.", "The donors are tied to the Koch brothers."):
        assert classify(sentence) != "causal", sentence
