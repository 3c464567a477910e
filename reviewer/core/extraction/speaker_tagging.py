"""The rules' speaker and the learned source tagger's spans, combined (speakers.Attributor, final pass).

The tagger's surest source replaces the rules' speaker when the rules found none or, being sure enough,
one elsewhere in the sentence; its span is resolved by the Attributor's memory of names (``resolve``); a
cue only it found ("grilled") gets its subject from the rules (``subject_before``). Pure.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .cues import never_source
from .source_tagger import TaggedSpan
from .speaker_patterns import ACTION_IN_SPAN, OWNERS_WORK, Attribution

_THAT_AFTER = re.compile(r"\s+that\b")  # "The Post reports that …": the cue's clause opens

# The tagger's source replaces a speaker the rules found elsewhere in the sentence only when it is
# at least this sure (chosen on held-out PolNeAR train by training/attribution/tune_combination.py).
_TAGGER_OVERRIDES = 0.8
# ... and names a speaker where the rules found none only when at least this sure.
_TAGGER_ALONE = 0.0
# ... and where it found a cue but no source, the rules look for the cue's subject.
_CUE_SUBJECTS = True

# A subject the rules found for a cue only the tagger saw that is a clause with a figure, not a party: "Women
# composed about 25 percent of top executives in the private sector, compared with …" ("79 percent of
# Democrats" stays: PolNeAR counts such subjects as sources).
_CLAUSE_LIKE = re.compile(r"^(?=.*\d)(?:\S+\s+){6}\S")
# What may stand between a description the tagger found and the name the rules found after it.
_APPOSITION = re.compile(r"[\s,]*(?:(?:[A-Z][a-z]{1,4}\.|Sen|Rep|Gov)\s+)?")
Resolve = Callable[[str, int, int, int], "Attribution | None"]  # (sentence, start, end, offset)
SubjectBefore = Callable[[str, int, int], "Attribution | None"]  # (sentence, cue start, offset)


def with_tagger(
    found: Attribution | None,
    sentence: str,
    offset: int,
    hints: Sequence[TaggedSpan],
    mode: str,
    resolve: Resolve,
    subject_before: SubjectBefore,
) -> Attribution | None:
    """The rules' finding and the tagger's best source span, combined. ``mode``: "combined" (shipped),
    "tagger" (its span alone, resolved by the rules' memory) or "rules" (hints ignored)."""
    if mode == "rules":
        return found
    sources = [h for h in hints if not h.cue]
    if mode == "tagger":
        found = None
    cues = sorted((h for h in hints if h.cue), key=lambda h: -h.score)
    if found is not None and found.start is not None and cues and _inside_content(sentence, cues[0], found, offset):
        found = None  # "The New York Post reports that Hillary Clinton's team avoided …": the content's subject
    if not sources:
        if found is None and _CUE_SUBJECTS and mode == "combined":
            # A cue the lexicon lacks ("grilled", "voiced doubts"): the rules look for its subject.
            for cue in cues:
                hit = subject_before(sentence, cue.start, offset)
                if (
                    hit is not None
                    and hit.speaker is not None
                    and not _CLAUSE_LIKE.search(hit.speaker)
                    and not _stray_word(sentence, hit, offset)
                    and not _head_left_out(sentence, hit, offset, cue.start)
                ):
                    return Attribution(hit.speaker, hit.start, hit.end, bool(re.search(r"[\"“”]", sentence)))
        return found
    best = max(sources, key=lambda h: h.score)
    if (
        found is not None
        and found.speaker is not None
        and (
            found.start is None
            or found.end is None
            or (best.start < found.end - offset and found.start - offset < best.end)
        )
    ):
        return found  # the rules found the speaker the tagger is surest of
    if (
        found is not None
        and found.speaker is not None
        and best.score < _TAGGER_OVERRIDES
        and _party_like(found, offset)
    ):
        return found
    if (
        found is not None
        and found.speaker is not None
        and found.start is not None
        and found.start - offset < best.start
        and _SUBORDINATE_BEFORE.search(sentence, max(0, best.start - 12), best.start)
        and _named_party(found, offset)
    ):
        return found  # "“…,” Trump … said when Boyle asked him": Boyle asked, Trump said
    if (
        found is not None
        and found.speaker is not None
        and found.start is not None
        and found.start - offset < best.start
        and _named_party(found, offset)
        and (
            _REPORTED_AFTER.match(sentence, best.end)
            or _ACCORDING_BEFORE.search(sentence, max(0, best.start - 16), best.start)
        )
        and found.end is not None
        and _SPEECH_AFTER_SUBJECT.match(sentence, found.end - offset)
        and not _PRONOUN.fullmatch(sentence, found.start - offset, found.end - offset)
    ):
        # "Mackey said in a memo that …, Yahoo Finance reported": a chained attribution's speaker is who spoke
        # (news-guidelines.md), not the outlet that reported it
        return found
    if (
        found is not None
        and found.speaker is not None
        and found.start is not None
        and found.start - offset > best.end
        and sentence[best.end - 1 : best.end + 1].strip(" ") in (",", ", ")
        and _APPOSITION.fullmatch(sentence, best.end, found.start - offset)
    ):
        return found  # "Another … former lawmaker, Sen. Joe Lieberman": the name the description stands before
    if (found is None or found.speaker is None) and best.score < _TAGGER_ALONE:
        return found
    end = _name_end(sentence, best.start, best.end)
    cue_after = min((c.start for c in cues if c.start >= best.end), default=end)
    end = max(best.end, min(end, cue_after))  # "31 Latinos | Share Their Most Honest Thoughts": no name past a cue
    while end > best.end and sentence[end - 1].isspace():
        end -= 1
    people = _PEOPLE_OF_A_NATION.match(sentence, best.start)
    if people and people.end() > end:
        end = people.end()  # "Libyan militants loyal to the Islamic State beheaded": the militants, not "Libyan"
    relative = _RELATIVE_TAIL.search(sentence, best.start, end)
    if relative and relative.start() > best.start:
        end = relative.start()  # "a woman who": the woman
    role = _AS_ROLE.search(sentence, best.start, end)
    if role and role.start() > best.start:
        end = role.start()  # "seen by many Africans as a liberation hero": the Africans
    owned = _POSSESSIVE_IN.search(sentence, best.start, end)
    named = _ROLE_THEN_NAME_END.search(sentence, owned.end(), end) if owned else None
    if named and named.group(1) not in never_source():
        # "the BBC's North America editor Jon Sopel said": the person the outlet's role words stand before
        tagged = resolve(sentence, named.start(2), named.end(2), offset)
        if tagged is not None and tagged.speaker is not None:
            return Attribution(tagged.speaker, tagged.start, tagged.end, bool(re.search(r"[\"“”]", sentence)))
    work = OWNERS_WORK.match(sentence, best.start, end)
    if work:
        end = best.start + len(work.group(1))  # "Uber’s tweet during the Sydney crisis made it sound": Uber's words
    possessive = _POSSESSIVE_END.search(sentence, best.start, end)
    if possessive and possessive.start() > best.start:
        end = possessive.start()  # "In Dr. Shadlen's words": a span that stops at the apostrophe names Shadlen
    acted = ACTION_IN_SPAN.search(sentence, best.start, end)
    if acted and acted.start() > best.start:
        end = acted.start()  # "Sudanese security services and their allies slaughtered tens of thousands": who acted
    placed = _PHOTO_PLACE.search(sentence, best.start, end)
    if placed and placed.start() > best.start:
        end = placed.start()  # "Harold Tillman (centre) has spoken out": where he stands in the photo
    tagged = resolve(sentence, best.start, end, offset)
    if tagged is None or tagged.speaker is None:
        return found
    return Attribution(tagged.speaker, tagged.start, tagged.end, bool(re.search(r"[\"“”]", sentence)))


# A caption's "(centre)", "(left)", "(pictured)" after a name.
_PHOTO_PLACE = re.compile(
    r"\s*\((?:centre|center|left|right|pictured|above|below|top|bottom|inset|second (?:left|right))\)$", re.IGNORECASE
)


_ONE_PLURAL = re.compile(r"[a-z]{2,}[^su\W]s|[a-z]+(?:ies|ses|xes|ches|shes)|(?:wo)?men|people|police")
# Words that stand for a party by themselves: "many", "most", "each", "others", "42%".
_QUANTIFIER = re.compile(
    r"(?:many|some|both|most|few|several|each|all|none|others?|one|two|three|either|neither|everyone|anyone|"
    r"someone|nobody|everybody|somebody|\d[\d.,]*%?)"
)
_DETERMINERS = r"(?:the|a|an|this|that|these|those|its|his|her|their|our)\s+"
_DETERMINER_BEFORE = re.compile(rf"\b{_DETERMINERS}$", re.IGNORECASE)


def _stray_word(sentence: str, hit: Attribution, offset: int) -> bool:
    """Whether the subject the rules found for a cue only the tagger saw is one lower-case word that names no
    party: not a plural, a party noun, a quantifier or a described thing ("binary" of "better than binary, who
    wants", "supply", "year"), where "the commission", "officials", "many" and "Biden" are parties."""
    speaker = hit.speaker or ""
    if " " in speaker or not speaker.islower() or hit.start is None:
        return False
    start = hit.start - offset
    if not 0 < start < len(sentence):
        return False  # a name the rules remembered from elsewhere, or the sentence's opening word
    return not (
        _ONE_PLURAL.fullmatch(speaker)
        or _PARTY_END.search(speaker)
        or _QUANTIFIER.fullmatch(speaker)
        or _DETERMINER_BEFORE.search(sentence, max(0, start - 8), start)
    )


# Words that may stand between a subject and its verb: "Officials have long said", "Ortiz reportedly told",
# "lawmakers this week passed", "ads that slam".
_BETWEEN_SUBJECT_AND_VERB = frozenset(
    "is are was were has have had will would could can may might should must did does do not never also still "
    "just already then now first later again often once that who which this last next week month year today "
    "yesterday tonight earlier".split()
)


def _head_left_out(sentence: str, hit: Attribution, offset: int, cue_start: int) -> bool:
    """Whether the subject found for a cue leaves out the lower-case word its phrase ends with, just before the cue:
    "High" of "High streets saw", which names no party where "High streets" is the subject."""
    if hit.end is None or not 0 <= hit.end - offset <= cue_start:
        return False
    between = sentence[hit.end - offset : cue_start].split()
    return (
        0 < len(between) <= 2
        and all(word.isalpha() and word.islower() for word in between)
        and not any(word in _BETWEEN_SUBJECT_AND_VERB or word.endswith("ly") for word in between)
    )


def _inside_content(sentence: str, cue: TaggedSpan, found: Attribution, offset: int) -> bool:
    """Whether the rules' speaker stands in the clause a cue the tagger is sure of introduces ("reports that …")."""
    assert found.start is not None
    return (
        cue.score >= _TAGGER_OVERRIDES
        and found.start - offset >= cue.end
        and _THAT_AFTER.match(sentence, cue.end) is not None
    )


# The last word of a lower-case phrase that names a party: "investors", "officials", "the candidate",
# "supporters", "the public" (not "states", "the price", "the immigration bill", "Once").
_PARTY_END = re.compile(
    r"(?:er|or|ist|an|ant|ent|ee|ive|ic|candidate|delegate|advocate|senate|people|public|staff|crowd|audience|"
    r"member|official|police|body|other|group|party|team|camp|side|union|panel|board|court|agency|office|firm|"
    r"company|bank|government)s?$"
)


def _party_like(found: Attribution, offset: int) -> bool:
    """Whether the rules' speaker could name a party: a name, or a lower-case phrase ending in a party noun.
    A speaker that names none ("states", "the price", "Once") gives way to any source the tagger found."""
    speaker = found.speaker or ""
    opens_sentence = found.start == offset  # "Once": capitalised only because it opens the sentence
    if any(ch.isupper() for ch in (speaker[1:] if opens_sentence else speaker)):
        return True
    words = speaker.lower().split()
    return bool(words) and _PARTY_END.search(words[-1]) is not None


def _named_party(found: Attribution, offset: int) -> bool:
    """Whether the rules' speaker is a name: a capital past the sentence's first letter, and no figure."""
    speaker = found.speaker or ""
    return any(ch.isupper() for ch in (speaker[1:] if found.start == offset else speaker)) and not any(
        ch.isdigit() for ch in speaker
    )


_POSSESSIVE_END = re.compile(r"['’]s?$")
_REPORTED_AFTER = re.compile(r"\s+(?:first\s+|also\s+|previously\s+|earlier\s+)?(?:reported|reports|has\s+reported)\b")
_PRONOUN = re.compile(r"(?:he|she|it|they|He|She|It|They)")
_ACCORDING_BEFORE = re.compile(r"\baccording\s+to\s+(?:the\s+)?$")
_SPEECH_AFTER_SUBJECT = re.compile(
    r"(?:,[^,]{1,120},)?\s+(?:has\s+|had\s+|also\s+)?(?:said|says|told|tells|wrote|writes|added|stated|argued)\b"
)
# A nation's or a party's adjective the tagger marked alone, then the people it qualifies: "Libyan militants",
# "Chinese officials", "Israeli soldiers" (not "Mississippi offers", "Republican focus").
_PEOPLE_OF_A_NATION = re.compile(
    r"(?:[A-Z][a-z]+(?:an|ese|ish)|Israeli|Iraqi|Saudi|Pakistani|Kuwaiti|Yemeni|Qatari|Somali|Bangladeshi|Emirati)\s+"
    r"(?:[a-z]+(?:ers|ors|ists|ants|ents|ians|ans|ees|als|ics|ives|iers)|troops|forces|police|people|authorities|"
    r"leaders|men|women|soldiers)\b(?!\s+and\s)"
)
# A subordinate clause's opening word just before the tagger's span, after the rules' speaker: the span is the
# subject of that clause ("said when Boyle asked him"), not of the sentence's statement.
_SUBORDINATE_BEFORE = re.compile(r"\b(?:when|after|before|because|since|until|once)\s+$")
_AS_ROLE = re.compile(r"\s+as\s+(?:a|an)\s")
_POSSESSIVE_IN = re.compile(r"\w['’]s\s")
_ROLE_THEN_NAME_END = re.compile(r"\s([a-z][a-z\-]*)\s+([A-Z][a-z]+(?:\s+[A-Z]\.)*(?:\s+[A-Z][\w'’\-]+){1,2})$")
_RELATIVE_TAIL = re.compile(r",?\s+(?:who|whom|which|that)$")


# The capitalised words that carry a name on past a span's end: " Warren" after "Sen. Elizabeth".
_NAME_GOES_ON = re.compile(r"(?:\s(?:[A-Z]\.(?=\s[A-Z])|[A-Z][\w'’-]*))+")  # an initial too: "Anthony| S. Fauci"


def _name_end(sentence: str, start: int, end: int) -> int:
    """``end``, moved past the rest of a name the tagger's span stops inside: int8 arithmetic differs a
    little between CPUs, and a span ending at "Massachusetts Sen. Elizabeth" on one ends after "Warren"
    on another. Only a span that ends on a capitalised word goes on."""
    last = sentence[start:end].split()
    if not last or not last[-1][:1].isupper():
        return end
    if len(last[-1]) == 1 and sentence[end : end + 1] == ".":
        end += 1  # "Secretary of State John F" stops before the initial's dot, and "Kerry" follows it
    more = _NAME_GOES_ON.match(sentence, end)
    return more.end() if more else end
