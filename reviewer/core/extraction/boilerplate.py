"""Recognise text that is never a claim: bylines, captions, photo credits, newsletter and share
prompts, correction requests, contributor lines, stage directions in transcripts.

Pure functions, any thread. They look at one sentence and, for short lines, the whole block.
English and Russian site furniture are both recognised; the Russian patterns are only tried on
text with Cyrillic letters in it.
"""

from __future__ import annotations

import re

_FLAGS = re.IGNORECASE

# Whole-sentence patterns (matched at the start of the sentence).
_STARTS = re.compile(
    r"""^\W*(?:
(?:photo(?:graph)?s?|image|picture|video|illustration|credit|caption|source|graphic|file\s+photo)
            (?:\s+(?:credit|caption|copyright|by))?\s*[:|/-]
      | (?:image|photo)\s+(?:copyright|caption)\b
      # Captions that say where in the picture or gallery ("Clockwise from top: …", "Left to right: …").
      | (?:anti-?|counter-?)?clockwise\s+from\s+(?:the\s+)?(?:top|bottom|left|right|above|below)\b
      | (?:from\s+)?(?:left|right|top|bottom)(?:\s+(?:left|right))?(?:\s+to\s+(?:right|left|bottom|top))?\s*:
      | (?:pictured|above|below|inset|main\s+(?:image|picture|photo)|top\s+(?:image|picture|photo))\s*:
      | (?:additional\s+)?(?:reporting|writing|editing|research)\s+by\b
      | did\s+you\s+(?:find|spot|notice)\s+(?:a|an)\s+(?:mistake|error|typo)
      | (?:sign\s+up|subscribe|register)\b.{0,80}\b(?:newsletter|updates|email|inbox|free|here|now|today)
      | (?:click|tap)\s+here\b
      | (?:share|follow|like)\s+(?:this|us|on)\b
      | (?:read|see|watch|listen)\s+(?:more|also|next|the\s+full)\b.{0,40}[:|]?
      | (?:related|advertisement|sponsored|recommended|most\s+read|trending|more\s+from)\b\s*(?:[:|-]|stories|content|articles|$)
      | (?:copyright|©|\(c\))\s
      | all\s+rights\s+reserved
      | (?:updated|published|posted|last\s+modified)\b.{0,40}\b(?:\d{1,2}[:.]\d{2}|\d{4}|ago|am|pm|gmt|utc|et|bst)\b
      | (?:this\s+(?:article|story|report)\s+(?:was|has\s+been)\s+(?:updated|corrected|amended))
      | (?:correction|clarification|editor['’]?s\s+note)\s*[:-]
      | (?:contact|email)\s+(?:the\s+)?(?:author|us|reporter)\b
      | \((?:applause|laughter|crosstalk|inaudible|cheers|booing|commercial\s+break|end\s+video|begin\s+video)[^)]*\)
    )""",
    _FLAGS | re.VERBOSE,
)

# Patterns anywhere in the sentence.
_ANYWHERE = re.compile(
    r"""(?:
        \bcontributed\s+(?:to\s+)?(?:this|the)\s+(?:report|story|article)
      | \b(?:getty\s+images|associated\s+press\s+photo|ap\s+photo|afp\s+(?:photo|via\s+getty)|epa-efe|shutterstock|alamy)\b
      # "REUTERS/Gleb Garanich" closes a caption; "the Reuters/Ipsos poll" is a pollster
      | \breuters/(?!ipsos)[a-z][\w.'’-]*(?:\s+[a-z][\w.'’-]*){0,2}\s*[.)]?\s*$
      | \(\s*(?:photo|image|credit|pictured)\b[^)]*\)\s*$
      | \((?:l|r)\s*(?:-|–|to)\s*(?:r|l)\)
      | \b(?:photograph|photo|picture|image)(?:\s+credit)?\s*:\s*[^.!?]{1,80}$  # a credit closing a caption
      | \b(?:newsletter|sign\s+up\s+(?:here|now|for))\b.*\b(?:inbox|email|sign\s+up|subscribe)\b
      | \bshare\s+(?:this|on)\s+(?:article|story|facebook|twitter|x|whatsapp|linkedin|email)\b
      | \bfollow\s+(?:us|him|her|them|[a-z][\w ]{0,30})\s+on\s+(?:twitter|x|facebook|instagram|threads|bluesky|mastodon)\b
      | \b(?:if\s+you\s+(?:spot|find|see)\s+(?:a|an)\s+(?:mistake|error|typo))
      | \blet\s+us\s+know\b.{0,40}\b(?:mistake|error|correction)
      | \b(?:mistake|error|typo)\b.{0,60}\b(?:let\s+us\s+know|contact\s+us|highlight\s+it|press\s+ctrl)
      | \ball\s+rights\s+reserved\b
      | \b(?:this\s+material\s+may\s+not\s+be\s+published|broadcast,\s+rewritten\s+or\s+redistributed)\b
      | \bwe\s+use\s+cookies\b
      | \bread\s+more\s*(?::|»|›|>|$)
      | \bpowered\s+by\b
      | \bfirst\s+published\b.{0,60}\b(?:\d{4}|\d{1,2}[:.]\d{2})
    )""",
    re.VERBOSE,  # matched against the lower-cased sentence
)
# The reporter's beat and where the reporting was done, closing an article: "Since joining The Post, he has covered
# economics, China …", "Stella Kim reported from Seoul, and Jennifer Jett from Hong Kong." ("Nelson D. Schwartz has
# covered economics since 2012." is left alone: "Insurance has covered the costs since 2012." reads the same.)
_CAPITALISED = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"  # a name or a place
_BEAT_NOTE = re.compile(
    r"Since\s+joining\s+(?:The\s+)?[A-Z][\w.'’ ]{1,40},\s+(?:he|she|they)\s+(?:has|have)\s+covered\s+[^.!?]{1,160}\."
    rf"|{_CAPITALISED}\s+reported\s+from\s+{_CAPITALISED}(?:,?\s+and\s+{_CAPITALISED}\s+from\s+{_CAPITALISED})*\."
)
_AUTHOR_NOTE = re.compile(
    r"[A-Z][A-Za-z.'’ -]{1,40}\s+is\s+an?\s+(?:[a-z]+\s+){0,3}"
    r"(?:reporter|correspondent|editor|writer|columnist|journalist)\b.{0,120}$"
)


# A date, optionally with a time ("September 30, 2004", "Tue 3 March 2020, 15:45 GMT").
_DATE = (
    r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s*)?"
    r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s*(?:\d{4})?"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s*(?:\d{4})?"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})"
    r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[a-z]{2,4})?)?"
)
# A line that is only a date or time.
_DATE_ONLY = re.compile(rf"^\W*{_DATE}\W*$", re.IGNORECASE)

# Bylines are matched case-sensitively so that "By contrast, ..." is not one. After the names may
# come a role ("City Hall reporter", "transport correspondent") and a date, each after a separator.
_NAME = r"(?:[A-Z][\w.'’-]*|de|van|von|da|al|bin|la|le)"
_SEP = r"\s*[,|/–—·•-]\s*"
_ROLE_NOUN = (
    r"(?:correspondent|reporter|editor|writer|columnist|journalist|staff|contributor|chief|producer"
    r"|photographer|analyst|intern|desk|team|bureau)s?"
)
_BYLINE = re.compile(
    rf"^\W*(?:By|BY|Written by|Words by|Story by)\s+{_NAME}(?:\s+{_NAME}){{0,4}}"
    # "and" needs spaces around it: "Poland" must not read as "Pol" + "and" (exponential backtracking).
    rf"(?:(?:\s*[,&]\s*|\s+and\s+){_NAME}(?:\s+{_NAME}){{0,4}})*"
    rf"(?:{_SEP}(?:{_NAME}|and|for|of|the|in|at)(?:\s+(?:{_NAME}|and|for|of|the|in|at)){{0,7}}"
    rf"|{_SEP}(?:[^\W\d_][\w.'’&-]*\s+){{0,4}}(?i:{_ROLE_NOUN})\b(?:\s+(?:for|of|at|in)\s+(?:the\s+)?{_NAME}(?:\s+{_NAME}){{0,3}})?)?"
    rf"(?:{_SEP}(?i:{_DATE}))?\W*$"
)

# Title-case headlines that open with "By" ("By Any Measure, Obama Created More Jobs Than Bush", "By Cutting
# Taxes, Trump Helped The Rich") fit the byline pattern: they are told apart by their first word, which is
# a gerund or a word that is no first name, or by a long title-case clause after the comma that names
# no role.
_BY_FIRST_WORD = re.compile(r"^\W*By\s+([A-Za-z][\w'’-]*)(,|\s+\d)?")
_NOT_A_NAME = frozenset(
    """
a an the this that these those any all some most many much more every each either neither no none one two three
several few both half law contrast comparison measure definition default design nature accident far now then way
today tonight tomorrow yesterday noon midnight night day morning evening afternoon year decade century week
month weekend monday tuesday wednesday thursday friday saturday sunday christmas easter thanksgiving
""".split()
)
# First names that are also months, seasons or nouns: not a name only when a comma or a number follows
# ("By April, …", "By May 2025 …", but "By April Smith").
_NOT_A_NAME_BEFORE_COMMA = frozenset(
    """
january february march april may june july august september october november december
spring summer autumn fall winter dawn chance
""".split()
)
_ING_NAMES = frozenset("irving sterling channing manning fleming browning harding golding downing ewing".split())
_ROLE_WORD = re.compile(rf"\b{_ROLE_NOUN}\b", re.IGNORECASE)

_HAS_LETTER = re.compile(r"[^\W\d_]")

# -- Russian ------------------------------------------------------------------------------------
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
# "12 марта 2024 г., 15:45", "5 сен", "12.03.2024 15:45", "сегодня в 10:20", "3 часа назад".
_DATE_RU = (
    r"(?:\d{1,2}\s+(?:янв|фев|мар|апр|ма[йя]|июн|июл|авг|сен|окт|ноя|дек)[а-яё]*\.?"
    r"(?:\s+\d{4}(?:\s*(?:г\.|года?))?)?"
    r"|\d{1,2}\.\d{1,2}\.\d{2,4}|\d{4}-\d{2}-\d{2}|сегодня|вчера"
    r"|\d+\s+(?:минут[уы]?|час(?:а|ов)?|дн(?:я|ей)|день)\s+назад)"
    r"(?:\s*,?\s*(?:в\s+)?\d{1,2}[:.]\d{2}(?:\s*(?:мск|msk))?)?"
)
_DATE_ONLY_RU = re.compile(rf"^\W*{_DATE_RU}\W*$", re.IGNORECASE)
_STARTS_RU = re.compile(
    rf"""^\W*(?:
        (?:фото(?:графия|графии)?|иллюстрация|видео|инфографика|кадр|скриншот|коллаж|источник(?:\s+фото)?)
            \s*[:|/]
      | фото(?:графия)?\s*[—–-]\s  # not "Видео — главный формат", a dash is also the Russian "is"
      | (?:читайте|смотрите|читать|слушайте)\s+(?:также|далее|ещё|еще|подробнее|нас|полностью)\b
      | (?:подробнее|по\s+теме|(?:ещё|еще|новости|статьи)\s+по\s+теме)\s*(?:[:|—–-]|$)
      | (?:подписывайтесь|подпишитесь|присоединяйтесь)\s+(?:на|к)\b
      | (?:реклама|на\s+правах\s+рекламы|партн[её]рский\s+материал)\s*[.:]?\s*(?:\d{{1,2}}\s*\+\s*)?$
      | реклама\b.{{0,160}}\b(?:erid|инн|огрн)\b
      | поделиться(?:\s+(?:в|ссылкой|новостью|стать[её]й|материалом)\b.{{0,40}})?\s*$
      | (?:автор[ыа]?|текст|редактор|подготовил[аи]?|фото\s+и\s+текст|текст\s+и\s+фото)\s*[:|]\s*\S.{{0,100}}$
      | (?:обновлено|обновлена|опубликовано|опубликована|изменено|дата\s+публикации|последнее\s+обновление)
            \s*:?\s*{_DATE_RU}\W*$
      | (?:нашли|заметили)\s+(?:ошибку|опечатку)\s*\?
      | (?:материал|статья|текст)\s+подготовлен[а]?\s+при\s+(?:участии|поддержке)\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_ANYWHERE_RU = re.compile(
    r"""(?:
        \bctrl\s*\+\s*enter\b
      | \b(?:нашли|заметили|увидели)\s+(?:ошибку|опечатку)\b.{0,80}\b(?:выделите|нажмите|сообщите|напишите)
      | \bвсе\s+права\s+защищены\b
      | \bпри\s+(?:полном\s+или\s+частичном\s+)?(?:использовании|цитировании|копировании|перепечатке)\s+материалов\b
      | \bматериал\s+подготовлен\s+при\s+(?:участии|поддержке)\b
      | \bв\s+подготовке\s+(?:этого\s+)?(?:материала|статьи|текста|публикации|заметки)\s+
            (?:принимал[аи]?|принял[аи]?|участвовал[аи]?)\b
      | \bчитайте\s+(?:также|подробнее)\b
      | \bчитайте\s+нас\s+в\b
    )""",
    re.VERBOSE,  # matched against the lower-cased sentence
)


def _is_russian_boilerplate(stripped: str) -> bool:
    return bool(_STARTS_RU.search(stripped) or _DATE_ONLY_RU.match(stripped) or _ANYWHERE_RU.search(stripped.lower()))


def _headline_after_by(stripped: str) -> bool:
    """Whether a line that fits the byline pattern is a title-case headline opening with "By"."""
    match = _BY_FIRST_WORD.match(stripped)
    if not match:
        return False
    first = match.group(1).lower()
    if first in _NOT_A_NAME or (match.group(2) and first in _NOT_A_NAME_BEFORE_COMMA):
        return True
    if first.endswith("ing") and len(first) >= 5 and first not in _ING_NAMES:
        return True
    _, comma, rest = stripped.partition(",")
    return (
        bool(comma) and len(rest.split()) > 4 and not _ROLE_WORD.search(rest) and not any(ch.isdigit() for ch in rest)
    )


def is_boilerplate(sentence: str) -> bool:
    """Whether a sentence is furniture around the article rather than something it says."""
    stripped = sentence.strip()
    if not _HAS_LETTER.search(stripped):
        return True
    if (
        (_BYLINE.match(stripped) and not _headline_after_by(stripped))
        or _DATE_ONLY.match(stripped)
        or _STARTS.search(stripped)
        or _ANYWHERE.search(stripped.lower())
        or _AUTHOR_NOTE.match(stripped)
        or _BEAT_NOTE.fullmatch(stripped)
    ):
        return True
    if _CYRILLIC.search(stripped) and _is_russian_boilerplate(stripped):
        return True
    words = stripped.split()
    # A dateline or a lone word ("Advertisement", "Updated", "Politics") is not a claim either.
    if len(words) == 1 and not any(ch.isdigit() for ch in stripped) and stripped[-1:] not in '.!?"”':
        return True
    return False
