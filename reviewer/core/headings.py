"""What reads as a heading: a line set in title case. The importer takes such a first line for the title, and
extraction never flags one as a claim (news-guidelines.md: headings are never check-worthy). Pure."""

from __future__ import annotations

import re

_SMALL_WORDS = frozenset("a an the of in on for to and or but at by with from as vs via is are be up this that".split())
_WORD_RE = re.compile(r"[^\W\d_][\w'’\-]*")


def reads_as_heading(text: str) -> bool:
    """Whether a paragraph of its own is a title-case heading: four or more major words, all capitalised but
    at most one ("Politifact: Donald Trump Is Right, ‘Thousands of Shootings’ in Chicago this Year."). A
    sentence naming many people ("Those listed included Sean Hannity, Ann Coulter, …") has lower-case verbs."""
    words = _WORD_RE.findall(text)
    major = [w for w in words if w.lower() not in _SMALL_WORDS]
    if len(major) < 4 or len(words) > 30:
        return False
    return sum(1 for w in major if not w[0].isupper()) <= 1 and words[0][0].isupper()
