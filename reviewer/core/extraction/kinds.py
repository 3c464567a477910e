"""What sort of claim a sentence makes: statistic, quotation, causal, comparison, prediction, other.

Rule-based, pure, any thread. A sentence gets one kind, tested in the precedence of
news-guidelines.md: statistic > prediction > causal > comparison > quotation > other. A figure can
be checked against data whoever says it, so "statistic" wins over everything; a quotation (quoted
words, or a sentence attributed to a speaker) is the kind only when it makes no claim of a more
specific sort.

Sentences with Cyrillic letters are also tested against Russian cue words (the _RU_ patterns),
in the same order. As in English ("doubled", "twice as"), a multiplier such as "вдвое" or
"в три раза" is a figure, so it makes a statistic rather than a comparison.
"""

from __future__ import annotations

import re

from .cues import find_cues

# Patterns are matched against the lower-cased sentence: much faster than re.IGNORECASE.
_FLAGS = 0

_STATISTIC_WORDS = re.compile(
    r"""\b(?:
        (?:million|billion|trillion)s?
      | (?:one|two|three|four|five|six|seven|eight|nine|ten)[\s-]+(?:in|out\s+of)[\s-]+\w+
      | (?:half|third|quarter|two-thirds|three-quarters|majority|minority)\s+of
      | doubled|tripled|quadrupled|halved|twice\s+as|three\s+times|fourfold|tenfold
    )\b""",
    _FLAGS | re.VERBOSE,
)
_DIGIT = re.compile(r"\d")
_STATISTIC = re.compile(
    r"""(?:
        \d+(?:[.,]\d+)*\s*(?:%|percent|per\s*cent|percentage\s+points?)
      | [$£€¥]\s*\d
      | \b\d+(?:[.,]\d+)*\s*(?:million|billion|trillion|thousand|hundred|bn|m|k|mn)\b
      | \b(?:average|median|rate|per\s+capita|gdp|unemployment|inflation|deficit|debt|budget|poll|survey)\b
            [^.]{0,60}\b\d
      | \b\d+(?:[.,]\d+)*\s+(?:people|persons|jobs|deaths|cases|votes|troops|soldiers|children|students|workers|
            dollars|pounds|euros|tons|tonnes|barrels|acres|miles|kilometres|kilometers|years|homes|patients|
            residents|civilians|members|users|companies|times)\b
      | \b\d{1,3}(?:,\d{3})+\b
      | \b\d+\.\d+\b
    )""",
    _FLAGS | re.VERBOSE,
)
_YEAR_ONLY = re.compile(r"\b(?:1[89]\d\d|20\d\d)s?\b")
_BARE_NUMBER = re.compile(r"\b\d+\b")
_PREDICTION = re.compile(
    r"""\b(?:
        will|won['’]t|shall|going\s+to|gonna|would\s+(?:be|have|create|cut|raise|lead|cause|make|bring)
      | promise[sd]?|promising|pledge[sd]?|vow(?:s|ed)?|plans?\s+to|planned\s+to|intends?\s+to|aims?\s+to
      | expects?|expected\s+to|forecasts?|predicts?|predicted|projected\s+to|on\s+track\s+to|set\s+to
      | by\s+(?:the\s+end\s+of\s+)?(?:20\d\d|next\s+year|the\s+end\s+of\s+the\s+(?:year|decade))
      | in\s+the\s+coming\s+(?:years|months|weeks|days)|next\s+(?:year|month|week|decade)
    )\b""",
    _FLAGS | re.VERBOSE,
)
_CAUSAL = re.compile(
    r"""\b(?:
        because|due\s+to|owing\s+to|as\s+a\s+result\s+of|result(?:s|ed)?\s+in|as\s+a\s+consequence
      | caus(?:e|es|ed|ing)|led\s+to|leads?\s+to|leading\s+to|driven\s+by|blamed\s+(?:on|for)|responsible\s+for
      | thanks\s+to|contribut(?:ed|es|ing)\s+to|linked\s+to|triggered|sparked|fuel(?:l)?ed|therefore|consequently
      | prevent(?:s|ed)?|reduc(?:es|ed)\s+the\s+risk|increas(?:es|ed)\s+the\s+risk|so\s+that|which\s+means
      # health and science findings: "is associated with", "raises the risk of", "protects against" ("a group
      # associated with the campaign", "tied to the Koch brothers" are ties, not causes)
      | (?:is|are|was|were|be|been)\s+(?:\w+\s+)?(?:associated|linked|correlated)\s+with
      | association\s+between|correlation\s+between
      | (?:rais|lower|doubl|tripl|cut|increas|reduc|decreas)(?:e|es|ed|ing|s)?\s+(?:\w+\s+){0,2}risks?\s+of
      | protect(?:s|ed)?\s+against|effective\s+(?:against|at|in)\s|triggers
    )\b""",
    _FLAGS | re.VERBOSE,
)
_COMPARISON = re.compile(
    r"""\b(?:
        (?:more|less|fewer|greater|higher|lower|larger|smaller|bigger|better|worse|faster|slower|cheaper|
           richer|poorer|older|younger|stronger|weaker|longer|shorter|safer|deadlier)\s+(?:\w+\s+){0,3}than
      | er\s+than\b|more\s+\w+\s+than|than\s+(?:ever|any|in|at|before|last)
      | compared\s+(?:with|to)|in\s+comparison|relative\s+to|as\s+(?:much|many|high|low|large|big)\s+as
      | (?:the\s+)(?:most|least|highest|lowest|largest|smallest|biggest|best|worst|fastest|slowest|deadliest|
           most)\s+\w+
      | record(?:-|\s+)(?:high|low|levels?|numbers?)|all-time|unprecedented|outpaced|outnumber(?:s|ed)?
      | the\s+first\s+(?:\w+\s+){0,3}(?:to|since|ever|in\s+(?:history|decades))\b  # "the first woman to", a record
      | (?:rose|fell|increased|decreased|grew|dropped|declined|climbed|surged|plunged|jumped)\s+(?:from|since)
    )\b""",
    _FLAGS | re.VERBOSE,
)
_QUOTED = re.compile(r"[\"“«„]([^\"“”«»„]+)[\"”»“]")

# Russian cues, on the lower-cased sentence with ё written е. \b would do, but a hyphen belongs to the word in
# "из-за" and "пресс-служба", hence the look-arounds.
_CYRILLIC = re.compile(r"[а-яё]")
_RU_STATISTIC_WORDS = re.compile(
    r"""(?<![\w-])(?:
        миллион\w*|миллиард\w*|триллион\w*|тысяч\w*|млн|млрд|трлн|тыс\.|процент\w*|п\.\s?п\.
      | половин\w*|трет[ьи]|четверт[ьи]|большинств\w*|меньшинств\w*
      | вдвое|втрое|вчетверо|впятеро|вдесятеро|(?:удвоил|утроил)\w*
      | в\s+(?:полтора|два|две|три|четыре|пять|шесть|семь|восемь|девять|десять|сто|несколько)\s+раза?
      | каждый\s+(?:второй|третий|четвертый|пятый|десятый)
      | (?:один|одна|двое|трое)\s+из\s+(?:двух|трех|четырех|пяти|десяти)
    )(?![\w-])""",
    re.VERBOSE,
)
_RU_UNIT = re.compile(r"\d\s*(?:рубл|руб\.|долл|евро|человек|км|километр|тонн|гектар|квартир|раз\b)")
_RU_COMPARISON = re.compile(
    r"""(?<![\w-])(?:
        (?:больше|меньше|дороже|дешевле|хуже|лучше|[а-яё]{3,}(?:ее|ей))(?![\w-]),?\s+(?:[\w-]+\s+){0,3}?чем(?![\w-])
      | выше|ниже|по\s+сравнению\s+с|в\s+сравнении\s+с|чем\s+(?:когда-либо|раньше|прежде|год\s+назад)
      | рекордн\w*|антирекорд\w*|беспрецедентн\w*|впервые\s+(?:с|за)
      | сам(?:ый|ая|ое|ые|ого|ой|ом|ых|ую|ым)\s+[а-яё]{3,}
      | крупнейш\w*|наибольш\w*|наименьш\w*|худш\w*|лучш(?:ий|ая|ее|ие|его|ей|их|им)|максимальн\w*|минимальн\w*
      | (?:вырос|выросл[аио]|снизил\w*|сократил\w*|увеличил\w*|уменьшил\w*|упал[аио]?|подорожал\w*|подешевел\w*)
            \s+(?:с|по\s+сравнению)(?![\w-])
      | превыша\w*|превысил\w*|опережа\w*|уступа\w*
    )(?![\w-])""",
    re.VERBOSE,
)
_RU_CAUSAL = re.compile(
    r"""(?<![\w-])(?:
        потому\s+что|так\s+как|из-за|в\s+результате|вследствие|в\s+связи\s+с|по\s+причине|благодаря|поэтому
      | следовательно|в\s+итоге|тем\s+самым
      | (?:привел|привела|привело|привели|приводит|приводят|привести|приведет)\s+к
      | вызвал[аио]?|вызыва(?:ет|ют)|вызван[аоы]?|спровоцировал\w*|повлекл[аио]?|повлек
      | (?:стал[аио]?|является|явилось|явился|явилась)\s+причиной|причин(?:ой|а)\s+(?:стал\w*|является)
      | связан[аоы]?\s+с|обусловлен\w*|объясня(?:ется|ются)
      | (?:снижа|повыша|увеличива|уменьша)(?:ет|ют)\s+риск
    )(?![\w-])""",
    re.VERBOSE,
)
_RU_PREDICTION = re.compile(
    r"""(?<![\w-])(?:
        будет|будут|буду|будем|будете|станет|станут
      | планиру\w*|планировал(?!ось|ся|ась|ись)\w*|намерен\w*|собира(?:ется|ются|лся|лась|лись)|пообещал\w*|обеща\w*|обязал(?:ся|ась|ись)
      | прогнозир\w*|прогноз\w*|ожида(?:ет|ют|ется|ются)|предполагается
      | к\s+(?:концу\s+)?20\d\d|к\s+следующему\s+году|к\s+концу\s+(?:года|месяца|недели|квартала|десятилетия)
      | в\s+следующем\s+(?:году|месяце|квартале)|в\s+ближайш\w+|в\s+перспективе|в\s+будущем
      | до\s+(?:конца\s+)?20[2-9]\d\s+года|не\s+раньше|не\s+ранее|не\s+позднее
      | затянется|завершится|продлится|начнется|откроется|откроют|закроют|вырастет|вырастут
      | снизится|сократится|увеличится|подорожает|подешевеет
    )(?![\w-])""",
    re.VERBOSE,
)
# "… значит рисковать людьми»." — the end of a quotation that opened in an earlier sentence.
_RU_QUOTE_TAIL = re.compile(r"^[^«»]*»[.!?…]*$")
# "Ниже приведены…", "как указано выше": выше / ниже pointing within the text compare nothing.
# The stem lies near the start of its word ("вышеупомянутые") and the rest of the word is taken
# possessively: an unbounded "[\w-]*stem[\w-]*" backtracks quadratically on a long run of stems.
_RU_TEXT_REFERENCE = re.compile(
    r"""(?<![\w-])(?:
        (?:см\.|смотрите|как|[\w-]{0,12}(?:привед|указан|перечисл|описан|изложен|представлен|упомян|сказан|отмечен)[\w-]*+)
            \s+(?:было\s+|уже\s+)?(?:выше|ниже)
      | (?:выше|ниже)\s*:
      | (?:выше|ниже)\s+(?:(?:мы|уже|был[аио]?)\s+)?(?:(?:привед|привод|указан|перечисл|описан|изложен|представлен|
            упомян|рассмотрен|сказан|отмечен|говори|опубликова|публику)[\w-]*+|дан[аоы]?|да[её]тся|следует)
    )(?![\w-])""",
    re.VERBOSE,
)
# A line carried on after a dash is a quotation when it reads as dialogue ("— Мы понимаем, что…"),
# not when it is an item of a dashed list ("— снижение налогов для малого бизнеса;"). Russian only:
# in English a leading dash signs a tweet or a caption ("— Shay Friedman (@ironshay) August 22, 2013").
_DIALOGUE_DASH = re.compile(r"[—–]\s+[«\"„“]?[A-ZА-ЯЁ]")
_CYRILLIC_ANY_CASE = re.compile(r"[А-Яа-яЁё]")


# An attributed sentence is a quotation ("an attributed statement", news-guidelines.md) when it quotes, or when a
# cue in it is one the PolNeAR training attributions use as a cue at least this often: "said", "according to",
# "told", not "seemed", "endorsed", "refused to speak" (a party's action, in the article's own voice). Chosen on
# the news labels' train split (kind accuracy 0.633 -> 0.665; dev 0.650 -> 0.672).
STATEMENT_CUE_RATE = 0.7
_QUOTE_MARK = re.compile(r"[\"“”«»„]|''")


def reports_statement(sentence: str) -> bool:
    """Whether an attributed sentence reports what its speaker said rather than what the speaker did."""
    if _QUOTE_MARK.search(sentence) or _CYRILLIC_ANY_CASE.search(sentence):
        return True  # quoted words; the Russian rules attribute speech only
    return bool(find_cues(sentence, min_rate=STATEMENT_CUE_RATE))


def classify(sentence: str, *, attributed: bool = False) -> str:
    """The kind of one sentence (one of extraction.KINDS). ``attributed``: a speaker was found for it; it makes a
    quotation only when the sentence reports a statement (reports_statement)."""
    original = sentence
    sentence = sentence.lower()
    ru = sentence.replace("ё", "е") if _CYRILLIC.search(sentence) else None  # "привёл" as "привел"
    if _is_statistic(sentence) or (ru and (_RU_STATISTIC_WORDS.search(ru) or _RU_UNIT.search(ru))):
        return "statistic"
    if _PREDICTION.search(sentence) or (ru and _RU_PREDICTION.search(ru)):
        return "prediction"
    if _CAUSAL.search(sentence) or (ru and _RU_CAUSAL.search(ru)):
        return "causal"
    if _COMPARISON.search(sentence) or (ru and _RU_COMPARISON.search(_RU_TEXT_REFERENCE.sub(" ", ru))):
        return "comparison"
    if is_quotation(original) or (attributed and reports_statement(original)):
        return "quotation"
    return "other"


def is_quotation(sentence: str) -> bool:
    """Quoted words of some length (scare quotes around one or two words do not count).
    The sentence as written: a dash carries a quotation on only before a capital."""
    for match in _QUOTED.finditer(sentence):
        if len(match.group(1).split()) >= 4:
            return True
    stripped = sentence.strip()
    if len(stripped.split()) < 4:
        return False
    # An opening quote whose close is in another sentence ("“We will win."), a quotation carried
    # on after a dash ("— Мы понимаем, что…"), or the close of one opened before ("…людьми».").
    dialogue = (
        bool(_DIALOGUE_DASH.match(stripped))
        and not stripped.endswith((";", ","))
        and bool(_CYRILLIC_ANY_CASE.search(stripped))
    )
    return stripped[:1] in '"“«„' or dialogue or bool(_RU_QUOTE_TAIL.match(stripped))


# Numbers incidental to what a sentence says (news-guidelines.md: they make no statistic): an age ("the
# 83-year-old justice", "Weiner, 51,"), "9/11", a number that describes a thing ("a 3,000-word article", "the
# 28-page section"), a time of day or "18 months ago", markup and a list's item number.
_INCIDENTAL_NUMBER = re.compile(
    r"\b\d{1,3}[-\s]years?[-\s]old\b|(?<=[a-z]), \d{1,3},(?= )|\b9/11\b|\b\d+(?:,\d{3})*-(?!percent\b|point\b)[a-z]+\b"
    r"|\b\d{1,2}(?::\d\d)?\s*[ap]\.m\.|<[^<>]{0,200}>|^\s*\d{1,2}\.\s*$"  # "9 a.m.", markup, a list's "5."
    r"|\b\d{1,3}\s+(?:days?|weeks?|months?|years?|hours?|decades?)\s+(?:ago|earlier|later)\b"  # "18 months ago"
)


def _is_statistic(sentence: str) -> bool:
    if _STATISTIC_WORDS.search(sentence):
        return True
    if not _DIGIT.search(sentence) and "$" not in sentence:
        return False
    sentence = _INCIDENTAL_NUMBER.sub(" ", sentence)
    if _STATISTIC.search(sentence):
        return True
    # A figure other than a year ("14 people", "No. 10" excluded by the year/number test below).
    without_years = _YEAR_ONLY.sub(" ", sentence)
    numbers = [
        m
        for m in _BARE_NUMBER.finditer(without_years)
        if not re.search(
            r"(?:no\.|nos\.|#|№|page|chapter|article|section|стать[яией]|ст\.|пункт[ау]?|п\.)\s*$",
            without_years[max(0, m.start() - 10) : m.start()],
            re.IGNORECASE,
        )
    ]
    return bool(numbers) and not _looks_like_date(without_years)


def _looks_like_date(text: str) -> bool:
    months = (
        r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
        r"|(?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-яё]*)"
    )
    only = re.sub(
        rf"\b{months}\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{months}",
        " ",
        text,
        flags=re.IGNORECASE,
    )
    only = re.sub(r"\b\d{1,2}[:.]\d{2}\s*(?:a\.?m\.?|p\.?m\.?)?", " ", only, flags=re.IGNORECASE)
    return not _BARE_NUMBER.search(only)
