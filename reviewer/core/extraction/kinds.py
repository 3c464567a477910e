"""What sort of claim a sentence makes: statistic, quotation, causal, comparison, prediction, other.

Rule-based, pure, any thread. A sentence gets one kind; the order of the tests is the order of
usefulness to a fact-checker: a figure can be checked against data whoever says it, so
"statistic" wins over "quotation", and a quotation is only the kind when the quoted words make
no claim of a more specific sort.
"""

from __future__ import annotations

import re

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
        will|won't|shall|going\s+to|gonna|would\s+(?:be|have|create|cut|raise|lead|cause|make|bring)
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
      | (?:rose|fell|increased|decreased|grew|dropped|declined|climbed|surged|plunged|jumped)\s+(?:from|since)
    )\b""",
    _FLAGS | re.VERBOSE,
)
_QUOTED = re.compile(r"[\"“]([^\"“”]+)[\"”]")


def classify(sentence: str, *, attributed: bool = False) -> str:
    """The kind of one sentence (one of extraction.KINDS)."""
    sentence = sentence.lower()
    if _is_statistic(sentence):
        return "statistic"
    if _COMPARISON.search(sentence):
        return "comparison"
    if _CAUSAL.search(sentence):
        return "causal"
    if _PREDICTION.search(sentence):
        return "prediction"
    if is_quotation(sentence):
        return "quotation"
    return "other"


def is_quotation(sentence: str) -> bool:
    """Quoted words of some length (scare quotes around one or two words do not count)."""
    for match in _QUOTED.finditer(sentence):
        if len(match.group(1).split()) >= 4:
            return True
    stripped = sentence.lstrip()
    # An opening quote whose close is in another sentence ("“We will win.").
    return stripped[:1] in "\"“" and len(stripped.split()) >= 4


def _is_statistic(sentence: str) -> bool:
    if _STATISTIC_WORDS.search(sentence):
        return True
    if not _DIGIT.search(sentence) and "$" not in sentence:
        return False
    if _STATISTIC.search(sentence):
        return True
    # A figure other than a year ("14 people", "No. 10" excluded by the year/number test below).
    without_years = _YEAR_ONLY.sub(" ", sentence)
    numbers = [m for m in _BARE_NUMBER.finditer(without_years)
               if not re.search(r"(?:no\.|nos\.|#|page|chapter|article|section)\s*$",
                                without_years[max(0, m.start() - 10):m.start()], re.IGNORECASE)]
    return bool(numbers) and not _looks_like_date(without_years)


def _looks_like_date(text: str) -> bool:
    months = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
    only = re.sub(rf"\b{months}\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{months}", " ", text,
                  flags=re.IGNORECASE)
    only = re.sub(r"\b\d{1,2}[:.]\d{2}\s*(?:a\.?m\.?|p\.?m\.?)?", " ", only, flags=re.IGNORECASE)
    return not _BARE_NUMBER.search(only)
