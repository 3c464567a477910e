"""Organisations an article introduces by what they are, for speakers.Attributor's "the company said".

A news article names a company or a group once with a description ("the oil giant Exxon Mobil", "Alphabet,
the parent company of Google,", "Wells Fargo CEO John Stumpf") and afterwards calls it by the description
alone ("The company reported…", "The bank said…"). A name without an organisation word in it ("Exxon Mobil",
"Amazon") is otherwise not known to be an organisation. Pure functions; the memory is the Attributor's.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .speaker_words import DATE_WORDS, PREPOSITIONS, SENTENCE_WORDS

# What an organisation is called once named: "the company", "the online retail giant", "the bank".
KINDS = frozenset(
    """
company firm giant retailer bank lender insurer automaker carmaker airline chain conglomerate startup
network newspaper paper outlet maker manufacturer producer publisher nonprofit charity group organization
organisation union agency website site broadcaster utility operator developer fund service platform
""".split()
)
_KIND = "|".join(sorted(KINDS, key=len, reverse=True))
# A name: capitalised words, with "&", "of", "and" inside ("Procter & Gamble", "Bank of America").
_NAME = r"[A-Z][\w&.'’-]*(?:\s+(?:(?:of|and|&|the)\s+)?[A-Z][\w&.'’-]*){0,4}"
# Not "president" nor "founder": "the African-American president", "the Democratic president" are no companies.
_ROLES = r"CEO|chief executive|chairman|chairwoman|spokesman|spokeswoman|spokesperson"

# "the oil giant Exxon Mobil", "the online retailer Amazon": the description, then the name.
_KIND_THEN_NAME = re.compile(rf"\b[Tt]he\s+((?:[\w-]+\s+){{0,3}}?(?:{_KIND}))\s+({_NAME})")
# "Alphabet, the parent company of Google,", "Amazon, an online retail giant,": the name, then the description.
_NAME_THEN_KIND = re.compile(rf"({_NAME}),\s+(?:the|a|an)\s+((?:[\w-]+\s+){{0,3}}?(?:{_KIND}))\b")
# "Wells Fargo CEO John Stumpf", "Exxon Mobil's chief executive": an organisation has a CEO or a spokesman.
_NAME_THEN_ROLE = re.compile(rf"({_NAME})(?:['’]s)?\s+(?:{_ROLES})\b")
_NOT_ORG = frozenset(
    "the a an he she it they we i this that these those but and in on at for as if when while after before".split()
)


def described_orgs(sentence: str, is_person: Callable[[str], bool] | None = None) -> list[tuple[str, str]]:
    """(name, description) for each organisation the sentence names with a description: "oil giant",
    "parent company", "retailer"…, or "" when only a role tells ("Wells Fargo CEO John Stumpf").
    ``is_person(name)``, when given, rules out people before a role ("Trump spokesman Hope Hicks" is no
    organisation); a description overrules it ("the oil giant Exxon Mobil", though "Exxon Mobil" looked like
    a person's name before). An opening phrase of time or place is no name ("On Tuesday, the company said")."""
    found: list[tuple[str, str]] = []
    for pattern, name_group, kind_group in ((_KIND_THEN_NAME, 2, 1), (_NAME_THEN_KIND, 1, 2), (_NAME_THEN_ROLE, 1, 0)):
        for match in pattern.finditer(sentence):
            raw = match.group(name_group).split()
            if raw[0].lower() in PREPOSITIONS | SENTENCE_WORDS or any(w.lower().strip(".,") in DATE_WORDS for w in raw):
                continue
            name = _trim(match.group(name_group))
            if not name or (pattern is _NAME_THEN_ROLE and is_person is not None and is_person(name)):
                continue
            found.append((name, match.group(kind_group).lower() if kind_group else ""))
    return found


def _trim(name: str) -> str:
    """The name without a leading sentence word or article and without a possessive ending."""
    words = name.split()
    while words and words[0].lower() in _NOT_ORG:
        words = words[1:]
    if words:
        words[-1] = re.sub(r"['’]s$", "", words[-1])
        if not re.fullmatch(r"(?:[A-Z]\.)+", words[-1]):  # "Exxon Mobil." ends a sentence; "U.S." keeps its dot
            words[-1] = words[-1].rstrip(".")
    return " ".join(w for w in words if w)


def same_kind(description: str, phrase_words: list[str]) -> bool:
    """Whether "the online retail giant" (``phrase_words``, lower case, article dropped) may be the
    organisation an earlier ``description`` introduced: the same last word, and any words before it shared
    ("the oil giant" after "the oil giant Exxon Mobil", "the company" after "the parent company", not "the
    online retail giant")."""
    known = description.lower().split()
    if not known or not phrase_words or known[-1] != phrase_words[-1]:
        return False
    return len(phrase_words) == 1 or bool(set(phrase_words[:-1]) & set(known[:-1]))
