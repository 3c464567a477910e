"""Source noun phrases next to an attribution cue in English: "two people familiar with the talks
said", "according to officials involved at the time", "Debbie Kepler, the church's organist, said".

Used by speakers.Attributor when no name, pronoun or known description stands right by the cue.
Without a parser the phrase is bounded by punctuation and by the words that open a clause
("that", "who", "because", ...). Pure functions over one sentence; spans are sentence offsets.
"""

from __future__ import annotations

import re

from .cues import never_source

# Words that open a clause: a subject phrase starts after the last of them.
_CLAUSE_WORDS = frozenset(
    """
that because when while if as which who whom whose where whether than although though since so but after
before until unless once why how what said says told say thinks think believes believe whenever wherever
""".split()
)
# Words that may open a sentence or a phrase without being part of the subject.
_LEADING = frozenset(
    """
but and so yet however meanwhile still then also now today yesterday instead indeed moreover furthermore
in on at for with by from of to despite
""".split()
)
# Prepositions that never open the subject of a verb after a comma: "Hemsley, the co-author of "Going Viral," about
# the rapid spread of information, said" names no source in "about the rapid spread". Elsewhere the subject may
# follow one: "because of the businessman's rhetoric singling out immigrants", "expansion of Trump's claims".
_NEVER_OPENS = frozenset(
    "about of into against over toward towards than via despite without within between amid".split()
)
# Words a subject never is on its own.
_NOT_SUBJECT = frozenset(
    """
it this that there here what which who he she they we i you one some all each both many most more other
others such same another either neither none nothing something everything anything
""".split()
)
# A chunk that is only a relative pronoun ("…, which reported"): its antecedent is the subject.
_RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
# An apposition or relative clause between the subject and its verb.
_APPOSITION_OPENERS = frozenset(
    """
who which whose a an the one his her its their now then also once himself herself itself themselves
at in on for with by from after before like as during according whom
""".split()
)
# Dates and asides between a subject and its verb: "Gowdy earlier Thursday said".
_TAIL = re.compile(
    r"(?:\s+(?:on|earlier|later|last|this|late|early)(?:\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|week|month|year|night|morning|afternoon|evening|day))+"
    r"|\s+(?:has|had|have|also|later|previously|repeatedly|then|again|once|long|would|will|did|does|do|not|"
    r"never|since|first|separately|earlier|still|recently|however|too|already|even|just|[a-z]+ly))+\s*$"
)
_WORD = re.compile(r"(?:[^\s,;:()\"“”']|'(?!'))+")
_PARTICIPLE = re.compile(r"\s*[a-z]+ing\b")
_COMMA_THEN = re.compile(r"\s*,\s*")
_MAX_WORDS = 14


def _trim(sentence: str, start: int, end: int, aside: bool = False) -> tuple[int, int] | None:
    """The phrase in sentence[start:end] after its last clause word, without leading words."""
    words = list(_WORD.finditer(sentence, start, end))
    never = never_source()
    while words and words[-1].group(0) in never:  # "Clinton was especially critical": not "was"
        words = words[:-1]
    for i in range(len(words) - 1, -1, -1):
        word = words[i].group(0)
        if word.lower() in _CLAUSE_WORDS or word in never:
            words = words[i + 1 :]
            break
    if aside and words and words[0].group(0).lower() in _NEVER_OPENS:
        return None
    while words and words[0].group(0).lower() in _LEADING:
        words = words[1:]
    while words and words[-1].group(0).lower() in ("the", "a", "an", "of", "and", "to", "for", "--", "—", "–"):
        words = words[:-1]
    if not words or len(words) > _MAX_WORDS:
        return None
    lowered = [w.group(0).lower() for w in words]
    if len(lowered) == 1 and lowered[0] in _NOT_SUBJECT:
        return None
    if not any(c.isalpha() for c in "".join(lowered)):
        return None
    return words[0].start(), words[-1].end()


def _chunks(sentence: str, end: int) -> list[tuple[int, int]]:
    """Comma-separated stretches of sentence[:end], last first, stopping at other punctuation."""
    out = []
    stop = max(sentence.rfind(p, 0, end) for p in (";", ":", "(", ")", "“", "”", '"', " — ", " -- ", " – "))
    stop = max(stop, end - 300)
    right = end
    while right > stop + 1:
        comma = sentence.rfind(",", stop + 1, right)
        left = stop + 1 if comma < 0 else comma + 1
        out.append((left, right))
        if comma < 0:
            break
        right = comma
    return out


def before(sentence: str, end: int) -> tuple[int, int] | None:
    """The subject phrase that ends where a cue starts (at `end`), or None."""
    # A comma before the cue ends an aside; what opens with a preposition there is no subject.
    between = _COMMA_THEN.match(sentence, end)
    aside = (between is not None or sentence[:end].rstrip().endswith(",")) and not _PARTICIPLE.match(
        sentence, between.end() if between else end
    )
    tail = _TAIL.search(sentence, max(0, end - 200), end)
    if tail:
        end = tail.start()
    end = len(sentence[:end].rstrip())
    chunks = _chunks(sentence, end)
    if not chunks:
        return None
    left, right = chunks[0]
    if sentence[left:right].strip():
        found = _trim(sentence, left, right, aside=aside)
        if found or len(chunks) < 3:
            return found
        # "Clinton, the front-runner, was especially critical": the subject is before the aside.
        chunks = [(right, right)] + chunks[1:]
    # "X, a Democratic pollster, said" / "X, who ..., called": the subject is before the aside.
    if len(chunks) >= 3:
        words = sentence[chunks[1][0] : chunks[1][1]].split()
        if words and words[0].lower() in _APPOSITION_OPENERS:
            if sentence[chunks[2][0] : chunks[2][1]].lstrip().lower().startswith("to "):
                # "To be sure, the mayor, a Democrat, said": a comment or a purpose opens the sentence, and
                # the phrase after it is the subject, not an apposition; "To solve this, they turned to the
                # police, which reported": the antecedent of the relative is the caller's to find
                if sentence[left:right].strip().lower() in _RELATIVE_PRONOUNS:
                    return None
                return _trim(sentence, *chunks[1], aside=aside)
            return _trim(sentence, *chunks[2])
    if len(chunks) >= 2:
        return _trim(sentence, *chunks[1], aside=aside)
    return None


# Verbs the learned never-source words leave out (a source may hold "who was there"), but that no phrase
# after a cue runs over: "The mayor, a Democrat, said the budget was balanced" names no "budget was balanced".
_FINITE_VERBS = frozenset("is was has had have does did can could may might must should".split())
# A point that ends an initial or a short title, not a phrase: "U.S.", "J. Craig Venter", "Sen.", "Inc." (search it
# over the six characters before and including the point)
ABBREVIATION_END = re.compile(
    r"(?:\b[A-Z]|\b(?:Inc|Corp|Co|Ltd|Jr|Sr|St|Bros|Dept|Univ|Gov|Sen|Rep|Dr|Mr|Mrs|Ms|Gen|Mt|Ft))\.$"
)
_AFTER_STOP = re.compile(
    r"''|[,.;:()\"“”!?]|\s[—–-]{1,2}\s|\s(?:who|which|that|when|while|because|during|as|in|on|at|"
    r"after|before|to|told|said|says|and\s+(?:the|a)\s)\b"
)


def after(sentence: str, pos: int, whole: bool = False) -> tuple[int, int] | None:
    """The source phrase that starts after a cue ending at `pos` ("according to X", "said X").
    whole: only a phrase that runs to punctuation or a clause word, not one cut at a verb
    ("said Trump would lose" names no source after the cue)."""
    stop = _AFTER_STOP.search(sentence, pos)
    while stop and stop.group() == "." and ABBREVIATION_END.search(sentence, max(0, stop.end() - 6), stop.end()):
        stop = _AFTER_STOP.search(sentence, stop.end())  # "according to data from the U.S. Department of Education"
    end = stop.start() if stop else len(sentence)
    words = list(_WORD.finditer(sentence, pos, end))
    never = never_source()
    for i, word in enumerate(words):
        if word.group(0) in never or word.group(0) in _FINITE_VERBS:
            if whole:
                return None
            words = words[:i]
            break
    if not words or len(words) > 10:
        return None
    lowered = [w.group(0).lower() for w in words]
    if len(lowered) == 1 and lowered[0] in _NOT_SUBJECT:
        return None
    return words[0].start(), words[-1].end()
