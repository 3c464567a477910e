"""A PDF's text lines (with font size and position, from pypdf) into headings and paragraphs.

A PDF has no paragraphs, only lines placed on pages. They are put back together here:

* a line set in a clearly bigger font than the body text is a heading, and consecutive lines in
  that font are one heading (a two-line headline is one block, not two paragraphs);
* body lines join into a paragraph until a gap wider than the usual line spacing, or a short line
  that ends a sentence; a line that ends without closing punctuation (a soft line end) always
  joins the next, across a page break too ("…study whale tikanga" + "(protocol) and carving.");
* a word hyphenated at a line end is joined; page numbers are dropped;
* a "By Name" line near the top of the first page names the author.

Pure functions; any thread may call them.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .document import DocumentBuilder, fold_spaces

if TYPE_CHECKING:
    from pypdf import PageObject

_PAGE_NUMBER_RE = re.compile(r"^\s*(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?\s*$", re.IGNORECASE)
_BULLET_RE = re.compile(r"^\s*(?:[-*•‣◦–]|\d{1,3}[.)])\s+")
_SENTENCE_END_RE = re.compile(r"[.!?…:;][\"'”’»)\]]*$")
_HYPHEN_END_RE = re.compile(r"\w[-\u00ad]$")
# "By Eleanor Ainge Roy", "By Jane Doe and John Roe in Wellington", "BY JANE DOE, Reuters".
_BYLINE_RE = re.compile(
    r"^(?:by|BY|By)\s+((?:[A-Z][\w.'’-]*|de|van|von|da|al|bin|la|le)(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|da|al|bin|la|le|and|&)){0,7})"
    r"(?:\s*(?:[,|–—·]|\s-\s|\s+in\s+|\s+for\s+).{0,60})?$"
)
HEADING_RATIO = 1.15  # a font this much bigger than the body text's is a heading's
_MAX_HEADING_CHARS = 200
_BYLINE_SEARCH_LINES = 12


@dataclass
class PdfLine:
    """One line of a page: its text, its largest font size in points, and its baseline height on
    the page (None when unknown)."""

    text: str
    size: float
    y: float | None
    page: int


class _LineCollector:
    """pypdf's ``visitor_text`` callback: gathers the pieces of text into lines with size and height."""

    def __init__(self, page: int):
        self.page = page
        self.lines: list[PdfLine] = []
        self._parts: list[str] = []
        self._size = 0.0
        self._y: float | None = None

    def __call__(
        self, text: str | None, cm: Sequence[float], tm: Sequence[float], font_dict: object, font_size: float | None
    ) -> None:
        pieces = (text or "").split("\n")
        for index, piece in enumerate(pieces):
            if index:
                self.finish_line()
            if not piece.strip():
                self._parts.append(piece)
                continue
            self._parts.append(piece)
            try:
                # The text matrix times the current transformation matrix gives the size and the
                # baseline on the page (Qt, for one, writes every line with a flipped matrix).
                c = tm[2] * cm[0] + tm[3] * cm[2]
                d = tm[2] * cm[1] + tm[3] * cm[3]
                size = abs(float(font_size or 0)) * math.hypot(c, d)
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            except (TypeError, IndexError, ValueError):
                size, y = 0.0, None
            self._size = max(self._size, round(size, 1))
            if self._y is None:
                self._y = y

    def finish_line(self) -> None:
        text = fold_spaces("".join(self._parts))
        if text:
            self.lines.append(PdfLine(text, self._size, self._y, self.page))
        self._parts, self._size, self._y = [], 0.0, None


def page_lines(page: PageObject, number: int) -> list[PdfLine]:
    """The lines of one pypdf page. Falls back to plain text lines (no sizes or heights) when the
    visitor saw clearly less text than ``extract_text`` returns."""
    collector = _LineCollector(number)
    plain = page.extract_text(visitor_text=collector) or ""
    collector.finish_line()
    seen = sum(ch.isalnum() for line in collector.lines for ch in line.text)
    if seen < 0.9 * sum(ch.isalnum() for ch in plain):
        return [
            PdfLine(fold_spaces(line), 0.0, None, number)
            for line in plain.replace("\r", "\n").split("\n")
            if fold_spaces(line)
        ]
    return collector.lines


def _body_size(lines: list[PdfLine]) -> float:
    weights: Counter[float] = Counter()
    for line in lines:
        weights[line.size] += len(line.text)
    return weights.most_common(1)[0][0] if weights else 0.0


def _line_gap(lines: list[PdfLine], body: float) -> float | None:
    """The usual distance between two body lines of a paragraph (the most common one)."""
    gaps: Counter[float] = Counter()
    for before, after in zip(lines, lines[1:]):
        if (
            before.page == after.page
            and before.y is not None
            and after.y is not None
            and before.size == body == after.size
        ):
            gap = round(before.y - after.y, 1)
            if gap > 0:
                gaps[gap] += 1
    return gaps.most_common(1)[0][0] if gaps else None


def find_byline(lines: list[PdfLine]) -> str | None:
    """The names of a "By Name" line near the top of the first page, if there is one."""
    for line in lines[:_BYLINE_SEARCH_LINES]:
        if line.page != 0:
            break
        # A sentence ("By April, the council had spent…") ends with a full stop; a byline does not.
        match = _BYLINE_RE.match(line.text) if len(line.text) <= 120 and line.text[-1] not in ".!?" else None
        if match:
            words = match.group(1).split()
            while words and words[-1] in ("and", "&"):
                words.pop()
            if all(word.isupper() or word == "&" for word in words):  # "BY JANE DOE"
                words = [word.lower() if word == "AND" else word.capitalize() for word in words]
            return " ".join(words) or None
    return None


def lines_to_blocks(lines: list[PdfLine], builder: DocumentBuilder | None = None) -> DocumentBuilder:
    """Headings, paragraphs and list items from the lines of every page, in reading order."""
    builder = builder or DocumentBuilder()
    lines = [line for line in lines if not _PAGE_NUMBER_RE.match(line.text)]
    if not lines:
        return builder
    body = _body_size(lines)
    gap = _line_gap(lines, body)
    lengths = sorted(len(line.text) for line in lines if line.size == body)
    # A line much shorter than the usual full line, ending a sentence, ends its paragraph.
    full = lengths[int(0.8 * (len(lengths) - 1))] if lengths else 0

    def is_heading(line: PdfLine) -> bool:
        return (
            body > 0
            and line.size >= HEADING_RATIO * body
            and len(line.text) <= _MAX_HEADING_CHARS
            and any(ch.isalpha() for ch in line.text)
        )

    kind, level = "", 0
    parts: list[str] = []
    previous: PdfLine | None = None

    def flush() -> None:
        nonlocal parts
        if parts:
            builder.add(kind, "".join(parts), level)
        parts = []

    def append(text: str) -> None:
        if parts and _HYPHEN_END_RE.search(parts[-1]) and text[:1].islower():
            parts[-1] = parts[-1][:-1]
            parts.append(text)
        else:
            parts.append((" " if parts else "") + text)

    for line in lines:
        heading = is_heading(line)
        if heading:
            same = (
                kind == "heading"
                and previous is not None
                and previous.page == line.page
                and abs(previous.size - line.size) <= 0.1 * line.size
                and (previous.y is None or line.y is None or 0 < previous.y - line.y <= 1.8 * line.size)
            )
            if not same:
                flush()
                kind, level = "heading", 1 if line.size >= 1.6 * body else 2
            append(line.text)
        else:
            bullet = _BULLET_RE.match(line.text)
            # A list item's wrapped lines join it, as a paragraph's do.
            continues = kind in ("paragraph", "list_item") and not _paragraph_ends(previous, line, gap, full)
            if bullet or not continues:
                flush()
                kind, level = ("list_item", 1) if bullet else ("paragraph", 0)
            append(line.text[bullet.end() :] if bullet else line.text)
        previous = line
    flush()
    return builder


def _paragraph_ends(previous: PdfLine | None, line: PdfLine, gap: float | None, full: int) -> bool:
    """Whether ``line`` starts a new paragraph after ``previous`` (a body line)."""
    if previous is None:
        return True
    ends_sentence = bool(_SENTENCE_END_RE.search(previous.text))
    if previous.page != line.page:
        # Across a page break only the words tell: a sentence left open continues.
        return ends_sentence and not line.text[:1].islower()
    if previous.size and line.size and abs(previous.size - line.size) >= 0.08 * max(previous.size, line.size):
        return True  # a byline, a caption or a note in its own size
    if previous.y is not None and line.y is not None:
        # With no two body lines in a row to measure, a usual leading of 1.25 times the size.
        usual = gap or 1.25 * (line.size or 10)
        distance = previous.y - line.y
        if distance > 1.4 * usual or distance < 0:  # a blank line, or a new column
            return True
    return ends_sentence and len(previous.text) < 0.8 * full
