"""Where the quoted words of Russian text are, for the attribution rules of speakers_ru.py.

Russian quotes with «guillemets» (and sometimes "…" or „…“), and attributes them after a dash:
«…», — сказал он / «…, — заявила X. — …». A quotation may run on over several sentences, and a
paragraph of dialogue opens with a dash instead ("— Это абсурд, — отрезал Иванов."). This module
answers which words of a sentence are quoted (they are the speaker's, not attributions), whether a
dash closes a quotation (so that any verb in the past after it names the speaker), and how far a
quotation left open by a sentence runs. Pure functions and per-sentence objects, any thread.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from itertools import islice

from .words_ru import DASH_VERB

GUILLEMET = re.compile("[«»]")
# Quotation marks other than «»: an odd number before a position leaves a quotation open there.
QUOTE_MARK = re.compile('["“”„]')
# A paragraph of dialogue opens with a dash and a capital: "— Это абсурд, — отрезал Иванов."
DIALOGUE_LINE = re.compile(r"\s*[—–]\s+[«\"„“]?[А-ЯЁA-Z]")
SENTENCE_END = re.compile(r"[.!?…](?=\s|$)")


def is_dialogue_line(sentence: str) -> bool:
    """Whether a paragraph that opens with this sentence is a line of dialogue ("— Это абсурд.")."""
    return bool(DIALOGUE_LINE.match(sentence))


def open_quotation_text(text: str, pos: int) -> str:
    """The text from a «quotation» left open at text[pos] to the end of the sentence in which it
    closes: where its «…, — сказал X» attribution may be. It stays within the paragraph and within
    1500 characters of pos (and 200 after the closing »)."""
    limit = min(len(text), pos + 1500)
    blank = text.find("\n\n", pos, limit)
    limit = blank if blank != -1 else limit
    depth = 1
    close = limit
    for mark in GUILLEMET.finditer(text, pos, limit):
        depth += 1 if mark.group(0) == "«" else -1
        if depth == 0:
            close = mark.start()
            break
    end = min(limit, close + 200)
    stop = SENTENCE_END.search(text, close, end)
    return text[pos : stop.end() if stop else end]


class SentenceQuotes:
    """Where the quoted words of one sentence are. Made per sentence by its caller, who owns it."""

    def __init__(self, sentence: str, inside: bool, dialogue: bool):
        """inside: the sentence starts within a quotation opened earlier; dialogue: its paragraph
        opened with a dialogue dash (see `is_dialogue_line`)."""
        self._sentence = sentence
        self._inside = inside
        self._dialogue = dialogue
        self._spans = _quoted_spans(sentence, inside)
        self._starts = [a for a, _ in self._spans]
        self._marks: list[int] | None = None  # positions of "“”„, found when first needed

    def inside(self, pos: int) -> bool:
        """Whether sentence[pos] is within «guillemets» (or a quotation carried over)."""
        i = bisect_right(self._starts, pos) - 1
        return i >= 0 and pos < self._spans[i][1]

    def dash_attributions(self, limit: int) -> Iterator[re.Match[str]]:
        """The «…», — сказал X matches worth trying, first to last (of the first `limit` dashes)."""
        dashes = islice(DASH_VERB.finditer(self._sentence), limit)
        return (dash for dash in dashes if dash.group("known") is not None or self._closes_quotation(dash.start()))

    def _closes_quotation(self, pos: int) -> bool:
        """Whether a dash at sentence[pos] follows quoted words: «…», — / «…, — / "…", — / a
        quotation carried over from an earlier sentence or opened by a dialogue dash."""
        if pos == 0:
            return self._inside
        sentence = self._sentence
        if sentence[pos - 1] == "»" or (pos >= 2 and sentence[pos - 2] in '»"“”'):
            return True
        if self.inside(pos - 1):
            return True
        if self._marks is None:
            self._marks = [m.start() for m in QUOTE_MARK.finditer(sentence)]
        return bisect_right(self._marks, pos) % 2 == 1 or self._dialogue


def _quoted_spans(sentence: str, inside: bool) -> list[tuple[int, int]]:
    """Where the «quoted words» of a sentence are (relative offsets), including the head of a
    quotation carried over from the sentence before."""
    spans = []
    depth = 1 if inside else 0
    start = 0
    for mark in GUILLEMET.finditer(sentence):
        i = mark.start()
        if mark.group(0) == "«":
            if depth == 0:
                start = i
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                spans.append((start, i + 1))
    if depth:
        spans.append((start, len(sentence)))
    return spans
