"""Who stands behind a study or a report, for "the report said", "the study found", "the researchers".

news-guidelines.md resolves definite descriptions ("the authors") to the party they refer to. An article
names a study's or report's authors once ("a report from the Congressional Budget Office", "The Tax
Foundation released a study", "The authors of the report, which include the U.S. PIRG Education Fund and
Citizens for Tax Justice") and then says "the report", "the study" or "the researchers"; a lawsuit is its
plaintiffs' ("X and Y have filed a lawsuit", then "the lawsuit contends"). `study_authors`
reads one sentence and returns what it names, as (noun, party) pairs the Attributor remembers by title.
Pure functions.
"""

from __future__ import annotations

import re

from .phrases import ABBREVIATION_END
from .speaker_words import DATE_WORDS

# An organisation or person name: capitalised words, with "of", "for", "and", "the" between them
# ("Citizens for Tax Justice", "U.S. PIRG Education Fund and Citizens for Tax Justice").
_NAME = r"(?P<name>[A-Z][\w.&'’\-]*(?:\s+(?:(?:of|for|on|and|de)\s+(?:the\s+)?)?[A-Z][\w.&'’\-]*)*)"
_WORK = r"(?P<work>report|study|analysis|paper|review|audit|survey|research)"
# What an author is before its name: "by UK-based think-tank Chatham House", "by the nonprofit Urban Institute".
_AUTHOR_KIND = (
    r"(?:(?:federal|state|local)\s+|[A-Z][\w.'’]*-(?:based|led|funded)\s+(?:[a-z][\w-]*\s+){0,2}?)?"
    r"(?:(?:non-?profit|think[- ]tank|charity|watchdog|consultancy|"
    r"(?:policy|research|advocacy|campaign|lobby)\s+(?:group|firm|institute|organi[sz]ation))\s+)?"
)
_PATTERNS = (
    # "a report from the Congressional Budget Office", "a study by Loyola Law School", "a 2014 study
    # that appeared in the British Medical Journal" (not "a study of Medicare": what it studied)
    re.compile(
        rf"\b{_WORK}\b(?:\s+[\w\-]+){{0,3}}?\s+(?:by|from|(?P<venue>(?:published|that appeared|appeared) in))\s+"
        rf"(?:the\s+)?{_AUTHOR_KIND}{_NAME}"
    ),
    # "The authors of the report, which include X and Y", "researchers at Y"
    re.compile(rf"\bauthors\s+of\s+the\s+{_WORK},?\s+(?:which|who)\s+include\s+(?:the\s+)?{_NAME}"),
    re.compile(rf"\b(?P<work>[Rr]esearchers)\s+(?:at|from|with)\s+(?:the\s+)?{_NAME}"),
)
# "The Tax Foundation released a study", "the GAO issued its report": the verb and the work are found
# first and the name looked for just before them (a search for names first would retry every word of a
# long capitalised run).
_RELEASED = re.compile(
    rf"\s+(?:has\s+|have\s+)?(?:released|published|issued|produced|commissioned|conducted)\s+"
    rf"(?:a|an|its|their|the)\s+(?:[\w\-]+\s+){{0,3}}?{_WORK}\b"
)
_NAME_BEFORE = re.compile(rf"(?<![\w.&'’\-]){_NAME}$")
_NAME_REACH = 80
# "A Government Accountability Office report released last year", "an FBI summary of its investigation": the
# office, not its report.
_NAMED_WORKS = r"report|study|analysis|audit|review|memo|paper|summary"
_NAMED_WORK = re.compile(rf"(?:(?:[Aa]n?|[Tt]he)\s+)?(?:(?:19|20)\d\d\s+)?{_NAME}\s+(?:{_NAMED_WORKS})\b")
# ... and what "the summary" means afterwards: "According to an FBI summary of its investigation, …". The work
# is found first and its author looked for just before it (_NAME_REACH): a search from every "A" or "The" of a
# long capitalised run retried the whole run (64 KB of "A Alpha " took 23 seconds).
_WORK_WORD = re.compile(rf"\b(?:{_NAMED_WORKS})\b")
_AUTHOR_BEFORE_WORK = re.compile(rf"\b(?:[Aa]n?|[Tt]he)\s+(?:new\s+|(?:19|20)\d\d\s+)?{_NAME}(?:['’]s)?\s+$")
# A document named as a source, then who wrote it: "a 52-count civil complaint filed | by the federal Securities
# and Exchange Commission", "a letter | from the agency".
_DOCUMENTS = (
    r"(?:complaint|lawsuit|suit|indictment|filing|letter|memo|motion|brief|petition|release|report|study|survey|"
    r"analysis|audit|review|paper|ruling|order|ad)"
)
# ... also in the plural, and the figures an agency puts out: "new state maps of adult physical inactivity released
# by the CDC", "independent analyses done by NASA and NOAA" (only after a document: "a study by" is above)
_DOCUMENTS_AFTER = (
    rf"(?:{_DOCUMENTS}s?|studies|analyses|data|figures|statistics|estimates|maps|records|documents|findings|numbers|statements?|"
    r"projections|tallies|models)"
)
_WRITTEN = r"(?:filed|issued|written|sent|released|signed|published|prepared|conducted|brought|commissioned)"
_WRITTEN_AFTER = rf"(?:{_WRITTEN}|done|compiled|carried\s+out|collected|gathered|produced|posted|presented)"
_AUTHOR = rf"(?:by|from)\s+(?:the\s+)?{_AUTHOR_KIND}{_NAME}"
_DOCUMENT_END = re.compile(rf"\b(?:{_DOCUMENTS_AFTER}|{_WRITTEN_AFTER})$", re.IGNORECASE)
# what the document is of ("of adult physical inactivity prevalence") may stand between it and who put it out
_BY_PARTY = re.compile(rf"(?:\s+(?:of|on|about)\s+[^,;:\"“”()]{{1,60}}?)?\s+(?:{_WRITTEN_AFTER}\s+)?(?<=\s){_AUTHOR}")
_DOCUMENT_BY = re.compile(
    rf"^(?:(?:[Aa]n?|[Tt]he)\s+)?(?:[\w-]+\s+){{0,3}}?{_DOCUMENTS_AFTER}\s+(?:{_WRITTEN_AFTER}\s+)?{_AUTHOR}$"
)
# Who brings a lawsuit, for "the lawsuit contends": "Patricia Smith and Charles Woods, the parents of …, have filed a
# wrongful death lawsuit against …", "Acme sued the city". The sentence opens with them.
_SUED = re.compile(
    rf"\W*{_NAME}(?:,[^\"“”;]{{2,200}}?,)?\s+(?:has\s+|have\s+|had\s+)?(?:also\s+)?"
    rf"(?:(?:filed|brought)\s+(?:a|an)\s+(?:[\w\-]+\s+){{0,3}}?(?:lawsuit|suit|complaint)\b|sued\b)"
)
_LEGAL_WORKS = ("lawsuit", "suit", "complaint")
_NOT_NAMES = frozenset("The A An In On But And This That It He She They We I".split())
_CONNECTORS = frozenset("of for on and the de".split())


def study_authors(sentence: str) -> list[tuple[str, str]]:
    """(noun, party) pairs a sentence names: [("report", "Congressional Budget Office"), ...]. The
    party is also the "authors" and the "researchers" of what it wrote."""
    out: list[tuple[str, str]] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(sentence):
            pairs = _named_pairs(match.group("work"), match.group("name"))
            if "venue" in pattern.groupindex and match.group("venue"):
                # "a study published in the Journals of Gerontology": the journal stands for the study, but it is
                # no researcher or author of it ("the researchers found" are still the researchers)
                pairs = [(noun, party) for noun, party in pairs if noun not in ("researchers", "authors")]
            out.extend(pairs)
    for work in _WORK_WORD.finditer(sentence):
        author = _AUTHOR_BEFORE_WORK.search(sentence, max(0, work.start() - _NAME_REACH), work.start())
        if author and author.group("name").split()[0] not in _NOT_NAMES:
            out.extend(_named_pairs(work.group(), author.group("name")))
    sued = _SUED.match(sentence)
    if sued and sued.group("name").split()[0] not in _NOT_NAMES:
        name = _trimmed(sued.group("name"))
        out.extend((work, name) for work in _LEGAL_WORKS if name)
    for match in _RELEASED.finditer(sentence):
        named = _NAME_BEFORE.search(sentence, max(0, match.start() - _NAME_REACH), match.start())
        if named:
            out.extend(_named_pairs(match.group("work"), named.group("name")))
    return out


def _named_pairs(work: str, name: str) -> list[tuple[str, str]]:
    """What "the <noun>" stands for once ``name`` is known to have written ``work``."""
    name = _trimmed(name)
    name = name[slice(*_name_span(name, 0, len(name)))]  # "the Harbour Trade Commission on Monday."
    if not name:
        return []
    work = work.lower()
    work = "study" if work == "research" else work  # "research by X": "the study"
    nouns = ("researchers", "authors") if work == "researchers" else (work, "researchers", "authors")
    return [(noun, name) for noun in nouns]


def _trimmed(name: str) -> str:
    words = name.split()
    while words and (words[-1].lower() in _CONNECTORS or words[-1] in _NOT_NAMES):
        words.pop()
    while words and words[0] in _NOT_NAMES:
        words.pop(0)
    return " ".join(words)


# The end of a name that ran on into a date or the sentence's full stop: "the Harbour Trade Commission on Monday.",
# "Chatham House." ("U.S." and "Corp." keep their points).
_DAYS_AND_MONTHS = "|".join(sorted(w.capitalize() for w in DATE_WORDS if len(w) > 3 or w == "may"))  # no "Mar"
_DATE_AFTER_NAME = re.compile(rf"\s+(?:on|in|of|for)\s+(?:the\s+)?(?:{_DAYS_AND_MONTHS})\b")


def _name_span(text: str, start: int, end: int) -> tuple[int, int]:
    date = _DATE_AFTER_NAME.search(text, start, end)
    if date:
        end = date.start()
    if end > start and text[end - 1] == "." and not ABBREVIATION_END.search(text, max(start, end - 6), end):
        end -= 1
    return start, end


def party_of_work(mention: str) -> tuple[int, int] | None:
    """The span of the party in a source that is its work ("A GAO report released last year", "a letter
    from the Harbour Trade Commission"), or None."""
    match = _NAMED_WORK.match(mention)
    if match is None:
        document = _DOCUMENT_BY.search(mention)
        if document is None or document.group("name").split()[0] in _NOT_NAMES:
            return None
        return _name_span(mention, *document.span("name"))
    if match.group("name").split()[0] in _NOT_NAMES:
        return None
    return _name_span(mention, *match.span("name"))


_DOCUMENT_THEN_PARTY = re.compile(
    rf"\s*(?:(?:[Aa]n?|[Tt]he)\s+)?(?:[\w-]+\s+){{0,3}}?{_DOCUMENTS_AFTER}\b{_BY_PARTY.pattern}"
)


def party_of_document_at(sentence: str, pos: int) -> tuple[int, int] | None:
    """The span of who put out the document a source phrase at `pos` names, when the phrase is too long to be read
    whole: "according to | new state maps of adult physical inactivity released by the CDC" (the CDC), or None."""
    match = _DOCUMENT_THEN_PARTY.match(sentence, pos)
    if match is None or match.group("name").split()[0] in _NOT_NAMES:
        return None
    start = match.start("name")
    return _name_span(sentence, start, start + len(_trimmed(match.group("name"))))


def party_after_document(text: str, mention_start: int, mention_end: int) -> tuple[int, int] | None:
    """The span of who wrote a document that a source names ("a complaint filed" + " by the SEC"), or None."""
    if not _DOCUMENT_END.search(text, mention_start, mention_end):
        return None
    match = _BY_PARTY.match(text, mention_end)
    if match is None or match.group("name").split()[0] in _NOT_NAMES:
        return None
    start = match.start("name")
    return _name_span(text, start, start + len(_trimmed(match.group("name"))))


# Who a science story's study speaks through: "said lead researcher Dr. Kevin Nead", "study author Jingxuan Zhao",
# "Joshua Laughner, lead author of the new study", "Johanna Theruvath, MD, the study’s lead author". A person's
# name: two or three capitalised words, a middle initial or a nickname in brackets between them.
_NAME_PART = r"[A-Z](?:['’][A-Z])?[^\W\d_]+(?:-[A-Z][^\W\d_]+)?"  # "O'Malley", "Guasch-Ferre", "Jägermeyr"
_PERSON = rf"(?P<name>{_NAME_PART}(?:\s+(?:[A-Z]\.|\([A-Z][^\W\d_]+\)))?(?:\s+{_NAME_PART}){{1,2}})"
# Roles are matched in any case: "Study Lead Researcher", "First Author", "Senior investigator".
_LEAD = r"(?P<role>(?i:lead|first|study|principal|senior|corresponding))"
_RESEARCHER = r"(?i:author|researcher|investigator|scientist|leader)"
_ROLE_BEFORE_NAME = re.compile(
    rf"\b{_LEAD}\s+(?:(?i:study|lead)\s+)?{_RESEARCHER}\s*,?\s*(?:(?:Dr|Prof|Professor)\.?\s+)?{_PERSON}"
)
_DEGREES = r"(?:M\.?D\.?|Ph\.?D\.?|MPH|MHS|MSc|MS|DrPH|RN|M\.B\.B\.S\.)"
_ROLE_AFTER_NAME = re.compile(
    rf"(?:(?:Dr|Prof)\.?\s+)?{_PERSON},\s+(?:{_DEGREES},?\s+)*(?:the\s+)?(?:(?:study|report|paper)['’]s\s+)?"
    rf"{_LEAD}\s+(?:(?i:study|lead)\s+)?{_RESEARCHER}\b"
)
_FIRST_RANK = ("lead", "first", "study", "principal")
# A study or its researchers, unnamed: "a new study", "New research", "the researchers", "a clinical trial".
UNNAMED_STUDY = re.compile(
    r"(?:(?:[Aa]n?|[Tt]he|[Tt]his|[Tt]heir|[Oo]ne)\s+)?(?:(?:[Nn]ew|[A-Z]{2,6}|recent|latest|large|major|small|clinical|"
    r"preliminary|randomi[sz]ed|published|further|follow-up|[\w]+-year|national|international)\s+){0,3}"
    r"(?:[Ss]tudy|[Rr]esearch|[Rr]esearchers|[Ss]cientists|[Ii]nvestigators|[Aa]uthors|[Aa]nalysis|[Rr]eview|"
    r"[Tt]rial|[Ff]indings|[Pp]aper)$"
)


def lead_author(text: str) -> str | None:
    """The person an article names as its study's lead (else senior) author or researcher, or None. A story about
    a study says "a new study shows" in its first lines and names the author who speaks for it further on."""
    found: list[tuple[int, int, str]] = []
    for pattern in (_ROLE_BEFORE_NAME, _ROLE_AFTER_NAME):
        for match in pattern.finditer(text):
            name = match.group("name")
            if name.split()[0] in _NOT_NAMES:
                continue
            rank = 0 if match.group("role").lower() in _FIRST_RANK else 1
            found.append((rank, match.start(), name))
    return min(found)[2] if found else None
