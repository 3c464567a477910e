"""Russian text in segmentation, boilerplate and datelines: «quotations», dash attributions,
Cyrillic initials and abbreviations, Russian site furniture, agency datelines."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.core.extraction import extract_claims
from reviewer.core.extraction.boilerplate import is_boilerplate
from reviewer.core.extraction.segment import sentences


def texts(text: str) -> list[str]:
    return [text[s.start:s.end] for s in sentences(text)]


def claim_texts(text: str) -> list[str]:
    claims = extract_claims(text, quality="fast")
    for claim in claims:
        assert text[claim.start:claim.end] == claim.text
    return [c.text for c in claims]


# -- quotations ---------------------------------------------------------------------------------

def test_guillemet_quotation_spanning_sentences_is_one_span():
    text = "«Мы не отступим. Мы будем бороться до конца», — заявил Смирнов. Зал аплодировал."
    assert texts(text) == ["«Мы не отступим. Мы будем бороться до конца», — заявил Смирнов.", "Зал аплодировал."]
    assert sentences(text)[0].quote_merged


def test_guillemet_quotation_broken_by_its_attribution_is_one_span():
    text = ("«Мы не можем больше держать цены. Без повышения маршруты придётся закрывать, — заявил Игорь "
            "Смирнов. — Других денег у города нет». По его словам, льготы сохранятся.")
    assert texts(text) == [
        ("«Мы не можем больше держать цены. Без повышения маршруты придётся закрывать, — заявил Игорь "
         "Смирнов. — Других денег у города нет»."),
        "По его словам, льготы сохранятся.",
    ]


def test_inner_low_quotes_do_not_leave_a_quotation_open():
    text = "«Компания „Мостострой“ не виновата. Сроки сдвинулись из-за опор», — сказал он. Работы идут."
    assert texts(text) == ["«Компания „Мостострой“ не виновата. Сроки сдвинулись из-за опор», — сказал он.",
                           "Работы идут."]
    # a company name in guillemets is a closed quotation: nothing is merged
    plain = "Компания «Газпром» опровергла данные. Акции выросли."
    assert texts(plain) == ["Компания «Газпром» опровергла данные.", "Акции выросли."]


def test_unclosed_guillemet_does_not_swallow_the_paragraph():
    text = "«Это первое предложение. Это второе.\n\n«А цитата продолжается», — сказала она."
    assert texts(text) == ["«Это первое предложение.", "Это второе.", "«А цитата продолжается», — сказала она."]


@pytest.mark.parametrize("text, want", [
    ("«Почему так? — спросил он. Никто не знает.", ["«Почему так? — спросил он.", "Никто не знает."]),
    ("«Почему так?» — спросил он. Никто не знает.", ["«Почему так?» — спросил он.", "Никто не знает."]),
    ("«Хватит! — крикнул Иванов. — Мы уходим». Зал опустел.",
     ["«Хватит! — крикнул Иванов. — Мы уходим».", "Зал опустел."]),
    ("— Вы готовы? — спросил судья. — Да.", ["— Вы готовы? — спросил судья.", "— Да."]),
])
def test_question_or_exclamation_before_a_dash_attribution_stays_one_sentence(text, want):
    assert texts(text) == want


def test_question_inside_guillemets_followed_by_a_new_sentence_still_splits():
    assert texts("«Вы готовы?» Он кивнул.") == ["«Вы готовы?»", "Он кивнул."]
    assert texts("Он спросил: «Кто виноват?» Ответа не было.") == ["Он спросил: «Кто виноват?»", "Ответа не было."]


# -- initials and abbreviations -----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Президент В. Путин заявил, что переговоры продолжатся.",
    "Президент В. В. Путин заявил, что переговоры продолжатся.",
    "Первым в космос полетел Ю.А. Гагарин из Смоленской области.",
    "Об этом сообщил А. Б. Иванов, глава ведомства.",
    "Бюджет, т.е. расходы и доходы, утвердили в среду.",
    "В 2019 г. Путин подписал указ о реформе.",
    "Он живёт в г. Москва на ул. Тверская, д. 5.",
    "В 1990-е гг. Россия пережила кризис.",
    "Потери составили 85 млн. рублей, а в прошлом году 2 млрд. рублей.",
    "Цена выросла до 3 тыс. руб. 50 коп. за литр.",
    "Завод им. Лихачёва закрыли в 2016 году.",
    "Лекцию прочёл проф. Иванов, а акад. Сахаров прислал письмо.",
    "Об этом писали Толстой, Чехов и др. авторы того времени.",
    "Подробности на стр. 5, см. Приложение 2.",
])
def test_cyrillic_initials_and_abbreviations_do_not_end_sentences(text):
    assert texts(text) == [text]


def test_abbreviation_at_sentence_end_before_a_sentence_start():
    assert texts("Строили мосты, дороги и т.д. Это заняло годы.") == [
        "Строили мосты, дороги и т.д.", "Это заняло годы."]
    assert texts("Строили мосты, дороги, школы и т. п. В итоге всё заняло годы.") == [
        "Строили мосты, дороги, школы и т. п.", "В итоге всё заняло годы."]
    assert texts("Мост построили в 2019 г. Он простоял пять лет.") == [
        "Мост построили в 2019 г.", "Он простоял пять лет."]
    assert texts("Потери составили 85 млн. По данным мэрии, это рекорд.") == [
        "Потери составили 85 млн.", "По данным мэрии, это рекорд."]
    # an initial-like capital letter at a sentence end, before a sentence start
    assert texts("У нас есть план Б. Он сработает.") == ["У нас есть план Б.", "Он сработает."]


def test_ordinary_russian_sentences_split():
    text = "Цены выросли на 5%. Инфляция ускорилась. В Москве открыли мост! Зачем? Никто не знает… Ждём."
    assert texts(text) == ["Цены выросли на 5%.", "Инфляция ускорилась.", "В Москве открыли мост!", "Зачем?",
                           "Никто не знает…", "Ждём."]


# -- line starts --------------------------------------------------------------------------------

def test_guillemet_and_dialogue_dash_start_a_line():
    text = "Мост закроют на ремонт\n«Мы не можем ждать», — сказал мэр."
    assert texts(text) == ["Мост закроют на ремонт", "«Мы не можем ждать», — сказал мэр."]
    dialogue = "Вопрос к министру\n— Когда откроют мост?\n— Осенью 2026 года."
    assert texts(dialogue) == ["Вопрос к министру", "— Когда откроют мост?", "— Осенью 2026 года."]


# -- boilerplate --------------------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "Фото: пресс-служба мэрии Заречинска", "Фото: РИА Новости", "Фото: Иван Иванов / ТАСС",
    "Фото — Владимир Астапкович", "Фотография: Getty Images", "Иллюстрация: Анна Петрова",
    "Читайте также", "Читайте также: Почему растут цены", "Смотрите также", "Читать далее",
    "Подписывайтесь на наш канал в Telegram", "Подписывайтесь на наш Telegram",
    "Подпишитесь на нашу рассылку", "Подписывайтесь на «Коммерсантъ» в Telegram",
    "Нашли ошибку? Выделите её и нажмите Ctrl+Enter", "Нашли опечатку? Выделите текст и нажмите Ctrl + Enter.",
    "Реклама", "Реклама.", "Поделиться", "Поделиться в соцсетях",
    "Источник: Росстат", "Источник фото: пресс-служба Минтранса",
    "Автор: Мария Петрова", "Текст: Иван Сидоров", "Текст: Мария Петрова, фото: Иван Сидоров",
    "Обновлено 12 марта 2024, 15:45", "Обновлено: 12.03.2024 15:45", "Опубликовано 5 сентября 2024 года",
    "12 марта 2024, 15:45",
    "© 2024 ООО «Медиагруппа». Все права защищены.", "© РИА Новости", "Все права защищены.",
    "Материал подготовлен при участии Анны Ивановой.", "Материал подготовлен при участии РИА Новости",
    "В подготовке материала принимала участие Ольга Смирнова.",
])
def test_russian_boilerplate_lines(line):
    assert is_boilerplate(line), line


@pytest.mark.parametrize("line", [
    "Источник в правительстве сообщил, что решение отложено.",
    "Автор законопроекта заявил, что цены снизятся.",
    "Фотографии с места аварии опубликовал губернатор.",
    "Реклама приносит каналу 40% выручки.",
    "Текст законопроекта опубликован на сайте Госдумы.",
    "Подписывайтесь или нет, но налог вырастет на 5%.",
    "Материал для моста завезли из Китая.",
    "Цены выросли на 5%.",
    "Обновлённый график работ опубликуют в декабре.",
    "Видео — главный формат в соцсетях, считают аналитики.",
    "Источник — высокопоставленный чиновник — сообщил, что решение отложено.",
    "Нашли ошибку в расчётах аудиторы Счётной палаты.",
    "Опубликовано исследование 2024 года, согласно которому цены выросли на 9%.",
])
def test_russian_sentences_that_are_not_boilerplate(line):
    assert not is_boilerplate(line), line


def test_russian_boilerplate_blocks_are_never_returned():
    text = ("Тарифы вырастут с января\n\nТекст: Мария Петрова\n\n"
            "Стоимость проезда вырастет на 12%, сообщила мэрия.\n\nЧитайте также: Почему дорожает бензин\n\n"
            "Фото: РИА Новости\n\nНашли ошибку? Выделите её и нажмите Ctrl+Enter\n\n"
            "Подписывайтесь на наш канал в Telegram\n\nМатериал подготовлен при участии Анны Ивановой.")
    assert claim_texts(text) == ["Тарифы вырастут с января", "Стоимость проезда вырастет на 12%, сообщила мэрия."]


# -- datelines ----------------------------------------------------------------------------------

@pytest.mark.parametrize("dateline", [
    "МОСКВА, 5 сен — РИА Новости. ",
    "МОСКВА, 5 сен - РИА Новости. ",
    "МОСКВА, 12 янв — РИА Новости, Мария Иванова. ",
    "САНКТ-ПЕТЕРБУРГ, 12 марта. /ТАСС/. ",
    "НИЖНИЙ НОВГОРОД, 3 октября. /Корр. ТАСС Иван Петров/. ",
    "РОСТОВ-НА-ДОНУ, 1 мая 2024 — Интерфакс. ",
])
def test_russian_dateline_is_cut_from_the_first_claim(dateline):
    first = "Президент заявил, что инфляция замедлилась до 7%."
    text = dateline + first + " Цены выросли на 5%."
    claims = extract_claims(text, quality="fast")
    assert [c.text for c in claims] == [first, "Цены выросли на 5%."]
    assert claims[0].start == len(dateline)
    for claim in claims:
        assert text[claim.start:claim.end] == claim.text


def test_russian_dateline_after_a_headline_and_alone_in_its_paragraph():
    text = ("Инфляция замедлилась\n\nМОСКВА, 5 сен — РИА Новости. Инфляция в августе замедлилась до 7%, "
            "сообщил Росстат.\n\nСАНКТ-ПЕТЕРБУРГ, 12 марта. /ТАСС/.\n\nМост откроют в мае.")
    assert claim_texts(text) == ["Инфляция замедлилась", "Инфляция в августе замедлилась до 7%, сообщил Росстат.",
                                 "Мост откроют в мае."]


def test_capitals_that_are_not_a_dateline_stay_in_the_claim():
    text = "МОСКВА, 5 сентября — Путин заявил, что встреча не планируется."
    assert claim_texts(text) == [text]
    text = "ЦБ РФ снизил ставку до 16%. Рубль укрепился."
    assert claim_texts(text) == ["ЦБ РФ снизил ставку до 16%.", "Рубль укрепился."]


# -- a whole article ----------------------------------------------------------------------------

ARTICLE = """Мост откроют не раньше 2026 года

Текст: Мария Петрова

МОСКВА, 5 сен — РИА Новости. Ремонт моста завершится не раньше осени 2026 года, сообщил министр транспорта В. В. Семёнов. Стоимость работ выросла с 1,9 до 3,6 млрд. руб.

«Коррозия опор оказалась серьёзнее. Менять придётся пять опор, — заявил Семёнов. — Мы понимаем, что жителям тяжело». По его словам, деньги выделит область.

Фото: пресс-служба министерства

Читайте также: Почему дорожает ремонт дорог

Нашли ошибку? Выделите её и нажмите Ctrl+Enter"""


def test_russian_article_claims():
    claims = extract_claims(ARTICLE, quality="fast")
    for claim in claims:
        assert ARTICLE[claim.start:claim.end] == claim.text
    assert [c.text for c in claims] == [
        "Мост откроют не раньше 2026 года",
        "Ремонт моста завершится не раньше осени 2026 года, сообщил министр транспорта В. В. Семёнов.",
        "Стоимость работ выросла с 1,9 до 3,6 млрд. руб.",
        ("«Коррозия опор оказалась серьёзнее. Менять придётся пять опор, — заявил Семёнов. — Мы понимаем, что "
         "жителям тяжело»."),
        "По его словам, деньги выделит область.",
    ]
    # the initials stay with the name, and the whole quotation is attributed to it
    assert [c.speaker for c in claims] == [None, "В. В. Семёнов", None, "В. В. Семёнов", "В. В. Семёнов"]
    assert ARTICLE[claims[3].speaker_start:claims[3].speaker_end] == "Семёнов"


_alphabet = st.sampled_from(list("аб ВГ.,?!«»„“—–-\"\n") + [
    "МОСКВА, 5 сен — РИА Новости. ", "САНКТ-ПЕТЕРБУРГ, 12 марта. /ТАСС/. ", ", — сказал он. ", "т.д. ", "г. ",
    "\n\n", "Фото: ", "«Мы ", "В. В. Путин ", "Ю.А. ", "млн. ", "Он ", "? — ", "\r\n", "😀"])


@settings(max_examples=150, deadline=None)
@given(st.lists(_alphabet, max_size=60).map("".join))
def test_offsets_always_match_text(text):
    previous_end = 0
    for claim in extract_claims(text, quality="fast"):
        assert text[claim.start:claim.end] == claim.text
        assert claim.start >= previous_end and claim.end > claim.start
        assert claim.text == claim.text.strip()
        assert "\n\n" not in claim.text
        if claim.speaker_start is not None:
            assert 0 <= claim.speaker_start < claim.speaker_end <= len(text)
        previous_end = claim.end
