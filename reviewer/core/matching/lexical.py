"""The lexical side of matching: a query text as an FTS5 expression for ``bm25()``, and query clean-up.

Pure functions; any thread.
"""

from __future__ import annotations

import re

# Posts and tweets carry links and run-together hashtags; neither helps to find the claim they repeat.
_URL = re.compile(r"(?:https?://|www\.|pic\.twitter\.com/)\S*", re.IGNORECASE)
_HASHTAG = re.compile(r"#([^\W_]\w*)")
# A handle names who posted or who is addressed: "@BernieSanders" is the words "Bernie Sanders".
_HANDLE = re.compile(r"(?<!\w)@(\w{1,30})")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Za-z])(?=[0-9])|(?<=[0-9])(?=[A-Za-z])")
# FTS5's unicode61 tokenizer keeps letters and digits together and splits on everything else.
_WORD = re.compile(r"[^\W_]+")

# Words in nearly every record: they add almost nothing to BM25 (IDF near zero) but each makes FTS5
# walk a posting list as long as the collection.
STOPWORDS = frozenset(
    """
a about after all also an and any are as at be been but by can could did do does for from had has have he
her his how i if in into is it its just me more my no not now of on or our out she so than that the their
them then there these they this to too up us was we were what when which who will with would you your
""".split()
)

# A long text (a whole article pasted as a query) is looked up by its first words.
MAX_TERMS = 48


def clean_query(text: str) -> str:
    """``text`` without links, with hashtags and handles split into their words ("#AustralianFires" ->
    "Australian Fires", "@Bernie_Sanders" -> "Bernie Sanders")."""
    text = _URL.sub(" ", text)
    text = _HASHTAG.sub(lambda m: _CAMEL.sub(" ", m.group(1)), text)
    text = _HANDLE.sub(lambda m: " " + _CAMEL.sub(" ", m.group(1).replace("_", " ")) + " ", text)
    return " ".join(text.split())


def matching_text(claim: str, title: str | None) -> str:
    """What a fact-check record is embedded from: its title, when it has one, then its claim. A title
    ("Were Muslims Banned from the U.S. in 1952?") often names what the claim only paraphrases."""
    title = " ".join((title or "").split())
    if not title or title == claim:
        return claim
    return f"{title} {claim}" if title[-1] in ".?!:" else f"{title}. {claim}"


def match_expression(text: str) -> str:
    """An FTS5 MATCH expression that any record sharing a word with ``text`` matches (BM25 then ranks
    them): its distinct words but stopwords, each quoted (so nothing in ``text`` is FTS5 syntax),
    joined with OR. Empty when ``text`` has no word to look for."""
    seen: dict[str, None] = {}
    for word in _WORD.findall(text.lower()):
        if word not in STOPWORDS and (len(word) > 1 or word.isdigit()):
            seen.setdefault(word)
            if len(seen) >= MAX_TERMS:
                break
    return " OR ".join(f'"{word}"' for word in seen)
