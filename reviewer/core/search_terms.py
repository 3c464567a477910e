"""What a person typed in a search box, as FTS5 terms plus the literal text some terms must match.

The full-text index (``unicode61``) splits "5%" into the token "5", "U.S." into "u" "s" and
"COVID-19" into "covid" "19", so the index alone cannot tell "5%" from "0.5 %" or "U.S." from
"u s". Terms are therefore of two kinds:

* a plain word ("minister"): matched by the index, case- and accent-insensitively; the last
  word typed, if it is letters or digits only, is a prefix ("minis" finds "minister", "7"
  finds 70–79) so the library filters as one types;
* a figure or abbreviation — any other term with a digit or punctuation ("5%", "U.S.", "4.2",
  "COVID-19", "$5", "don't", a "7" followed by more words) — and any quoted phrase holding
  one: the index finds the phrase of its tokens (never as a prefix), then the row must also
  hold the term as typed
  (case-insensitive), as a whole: "5%" matches "5%" and "a 5% rise" but not "25%", "0.5%" or
  "500"; "4.2" not "14.2" or "4.25"; "U.S." not "U.S.A.".

A quoted phrase ("the minister said") matches those words next to each other.
Pure functions, no Qt, no SQL; any thread.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

_TOKEN = re.compile(r"[^\W_]+")  # what unicode61 keeps: letters and digits
_PLAIN_PHRASE = re.compile(r"[^\W\d_]+(?:\s+[^\W\d_]+)*")  # words of letters only, nothing else
_PART = re.compile(r'"([^"]*)"?|(\S+)')  # a quoted phrase (closing quote optional while typing) or a bare term
_APOSTROPHES = "'’ʼ"
_HYPHENS = "-‐‑"


@dataclass(frozen=True)
class Term:
    """One term of a query: the index phrase that finds candidates and, for figures and
    abbreviations, the regular expression (source) a candidate's text must also match."""

    typed: str
    tokens: tuple[str, ...]
    prefix: bool = False
    literal: str | None = None

    def fts(self) -> str:
        return '"' + " ".join(self.tokens) + '"' + ("*" if self.prefix else "")


def parse_query(query: str) -> list[Term]:
    """The terms of ``query``; terms with nothing the index can find (a lone "%") are dropped."""
    query = query or ""
    terms: list[Term] = []
    last_bare = None
    for match in _PART.finditer(query):
        quoted, bare = match.group(1), match.group(2)
        typed = (quoted if quoted is not None else bare).strip()
        tokens = tuple(_TOKEN.findall(typed))
        if not tokens:
            continue
        literal = None if _PLAIN_PHRASE.fullmatch(typed) else literal_pattern(typed)
        terms.append(Term(typed, tokens, literal=literal))
        last_bare = len(terms) - 1 if bare is not None and match.end() == len(query) else None
    if last_bare is not None and _TOKEN.fullmatch(terms[last_bare].typed):
        # Perhaps still being typed: "minis" finds "minister", "202" 2020–2029. A figure with
        # punctuation is complete as typed: "5%" is never "59%".
        terms[last_bare] = Term(terms[last_bare].typed, terms[last_bare].tokens, prefix=True)
    return terms


def fts_expression(terms: list[Term]) -> str:
    """An FTS5 MATCH expression requiring every term ("" when there is nothing to search)."""
    return " ".join(t.fts() for t in terms)


def literal_pattern(typed: str) -> str:
    """A regular expression (source) for ``typed`` as a whole: any run of white space for a space,
    any apostrophe for an apostrophe and any hyphen for a hyphen; not inside a longer word or
    figure ("5%" not in "25%" or "0.5%", "4.2" not in "4.25", "U.S." not in "U.S.A.")."""
    parts: list[str] = []
    for ch in typed:
        if ch.isspace():
            if not parts or parts[-1] != r"\s+":
                parts.append(r"\s+")
        elif ch in _APOSTROPHES:
            parts.append(f"[{_APOSTROPHES}]")
        elif ch in _HYPHENS:
            parts.append(f"[{_HYPHENS}]")
        else:
            parts.append(re.escape(ch))
    # The boundary before the term is checked just after its first character: a pattern that
    # starts with a literal is found at C speed, one that starts with a look-behind is ~100x slower.
    first, rest = parts[0], "".join(parts[1:])
    left = ""
    if typed[0].isalnum():
        left = rf"(?<![^\W_]{first})"
        if typed[0].isdigit():
            left += rf"(?<!\d[.,]{first})"  # "5%" is not the end of "0.5%"
    # Never followed by a letter or digit ("U.S." is not "U.S.A."); a figure not by ".5" either.
    right = r"(?![^\W_])"
    if typed[-1].isdigit():
        right += r"(?![.,]\d)"
    return first + left + rest + right


@functools.lru_cache(maxsize=64)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def has_literal(pattern: str, *texts: str | None) -> bool:
    """Whether any of ``texts`` holds ``pattern`` (a ``Term.literal``). Registered as an SQLite
    function, so it only ever sees rows the index already found."""
    regex = _compiled(pattern)
    return any(text and regex.search(text) for text in texts)


def literal_spans(text: str, terms: list[Term]) -> list[tuple[int, int]]:
    """Where the figures and abbreviations of ``terms`` occur in ``text``, in order, not overlapping."""
    spans = []
    for term in terms:
        if term.literal:
            spans += [m.span() for m in _compiled(term.literal).finditer(text) if m.end() > m.start()]
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            continue
        merged.append((start, end))
    return merged


def word_spans(text: str, terms: list[Term]) -> list[tuple[int, int]]:
    """Where the plain words and letter phrases of ``terms`` occur in ``text`` (case-insensitive,
    whole words; the prefix term as a word start). Accents are matched as typed here."""
    spans = []
    for term in terms:
        if term.literal:
            continue
        body = r"[^\w]+".join(re.escape(t) for t in term.tokens)
        tail = r"\w*" if term.prefix else r"(?![^\W_])"
        spans += [m.span() for m in _compiled(r"(?<![^\W_])" + body + tail).finditer(text)]
    return sorted(spans)


def marked_snippet(text: str, terms: list[Term], *, words: int = 12) -> str:
    """A window of about ``words`` words around the first literal match of ``terms`` in ``text``,
    with every match marked by [ and ] and "…" where text was cut. For the hits of a query with
    figures or abbreviations, where the index's own snippet would mark "5" inside "0.5%"."""
    literal = literal_spans(text, terms)
    if not literal:
        return ""
    spans = sorted(
        set(literal) | {s for s in word_spans(text, terms) if not any(s[0] < e and b < s[1] for b, e in literal)}
    )
    first = literal[0][0]
    boundaries = [m.start() for m in re.finditer(r"\S+", text)]
    index = max(0, sum(1 for b in boundaries if b <= first) - 1)
    lo = max(0, index - words // 3)
    hi = min(len(boundaries), lo + words)
    start = boundaries[lo] if boundaries else 0
    end = boundaries[hi] if hi < len(boundaries) else len(text)
    out, pos = [], start
    for b, e in spans:
        if b < start or e > end or b < pos:
            continue
        out += [text[pos:b], "[", text[b:e], "]"]
        pos = e
    out.append(text[pos:end])
    snippet = "".join(out).strip()
    return ("…" if start > 0 else "") + snippet + ("…" if end < len(text) else "")
