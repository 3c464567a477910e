"""Map article offsets (Python code points) to reader positions (QTextDocument) and back.

The reader shows an article as one QTextDocument block per structural block, with the blank
lines between blocks dropped. Qt lays a block out whole, so a block longer than
``MAX_SHOWN_BLOCK`` characters is shown as several pieces, cut after a sentence where it can
(the white space at a cut is dropped like a blank line). Qt counts positions in UTF-16 code units (a character outside
the Basic Multilingual Plane, such as most emoji, counts 2) and one position for every
block separator. Pure Python, no Qt: any thread may call it, and it is tested on its own.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from ..core.domain import Block, trim_span

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
# After a sentence: its end mark, closing quotes or brackets, then white space.
_SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’»)\]]*\s+")
_SPACE = re.compile(r"\s+")

# Characters in one reader block. Qt lays out (and hit-tests, and measures highlights in) a
# whole block at once, which on a 1 MB paragraph takes tens of seconds; news paragraphs are
# well under this, so only pathological ones are cut.
MAX_SHOWN_BLOCK = 4_000


def shown_blocks(text: str, blocks: Sequence[Block] = (), max_chars: int = MAX_SHOWN_BLOCK) -> list[Block]:
    """The blocks to show, in order, non-overlapping, never empty, covering all visible text.

    ``blocks`` are the article's structural blocks; a piece of a cut block is ``continued``;
    without them the text is split at blank lines. Text that no block covers but that is not
    white space becomes a paragraph of its own, so nothing of the article is ever hidden.
    A block longer than ``max_chars`` is cut into pieces of at most that many characters.
    """
    spans: list[Block] = []
    cursor = 0
    for b in sorted(blocks, key=lambda b: (b.start, b.end)):
        start, end = max(b.start, cursor, 0), min(b.end, len(text))
        if end <= start:
            continue
        if text[cursor:start].strip():
            spans.extend(_paragraphs(text, cursor, start))
        start, end = trim_span(text, start, end)
        if end > start:
            spans.append(Block(start, end, b.kind or "paragraph", b.level or 0))
        cursor = max(cursor, b.end)
    if text[cursor:].strip():
        spans.extend(_paragraphs(text, cursor, len(text)))
    if any(b.end - b.start > max_chars for b in spans):
        spans = [piece for b in spans for piece in _pieces(text, b, max_chars)]
    return spans


def _pieces(text: str, block: Block, max_chars: int) -> list[Block]:
    """``block`` cut into pieces of at most ``max_chars``: after the last sentence end in the
    second half of each window, else at the last white space there, else right at the limit."""
    if block.end - block.start <= max_chars:
        return [block]
    pieces = []
    pos, end = block.start, block.end
    while end - pos > max_chars:
        limit = pos + max_chars
        piece_end = next_start = limit  # no white space at all: cut right at the limit
        for pattern in (_SENTENCE_END, _SPACE):
            last = None
            for last in pattern.finditer(text, pos + max_chars // 2, limit + 1):
                pass
            if last is not None:
                # A sentence keeps its end mark and closing quotes; the white space is dropped.
                piece_end = last.start() + len(last.group().rstrip()) if pattern is _SENTENCE_END else last.start()
                next_start = last.end()
                break
        while text[piece_end - 1].isspace():  # a white-space run that began before the window
            piece_end -= 1
        pieces.append(Block(pos, piece_end, block.kind, block.level, bool(pieces) or block.continued))
        pos = next_start
        while pos < end and text[pos].isspace():
            pos += 1
    if end > pos:
        pieces.append(Block(pos, end, block.kind, block.level, True))
    return pieces


def _paragraphs(text: str, start: int, end: int) -> list[Block]:
    found = []
    pos = start
    for match in _PARAGRAPH_BREAK.finditer(text, start, end):
        s, e = trim_span(text, pos, match.start())
        if e > s:
            found.append(Block(s, e))
        pos = match.end()
    s, e = trim_span(text, pos, end)
    if e > s:
        found.append(Block(s, e))
    return found


class OffsetMap:
    """Converts between article offsets and document positions for one set of shown blocks.

    Built once per article (O(n) in the text length); each conversion is O(log n).
    Offsets that fall between blocks map to the end of the block before them.
    """

    def __init__(self, text: str, blocks: Sequence[Block]):
        self.text = text
        self.blocks = list(blocks)
        self._starts = [b.start for b in self.blocks]
        self._ends = [b.end for b in self.blocks]
        # Code-point index of every astral character, and where each ends in UTF-16.
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        self._astral_u16_end = [a + k + 2 for k, a in enumerate(self._astral)]
        self._doc_starts: list[int] = []
        pos = 0
        for b in self.blocks:
            self._doc_starts.append(pos)
            pos += self.utf16(b.end) - self.utf16(b.start) + 1  # + the block separator
        self.doc_length = max(pos - 1, 0)

    def utf16(self, offset: int) -> int:
        """UTF-16 length of ``text[:offset]``."""
        return offset + bisect_left(self._astral, offset)

    def _from_utf16(self, u16: int) -> int:
        # Astral characters that end at or before u16 each took one unit more than a code point.
        return u16 - bisect_right(self._astral_u16_end, u16)

    def to_doc(self, offset: int) -> int:
        """Document position of article offset ``offset``."""
        if not self.blocks:
            return 0
        i = bisect_right(self._starts, offset) - 1
        if i < 0:
            return 0
        offset = min(offset, self._ends[i])
        return self._doc_starts[i] + self.utf16(offset) - self.utf16(self._starts[i])

    def to_text(self, position: int) -> int:
        """Article offset of document position ``position`` (a separator maps to its block's end)."""
        if not self.blocks:
            return 0
        i = max(bisect_right(self._doc_starts, position) - 1, 0)
        u16 = self.utf16(self._starts[i]) + max(position - self._doc_starts[i], 0)
        u16 = min(u16, self.utf16(self._ends[i]))
        return self._from_utf16(u16)

    def end_to_doc(self, offset: int) -> int:
        """Document position of the end of a span ending at ``offset``: in the block of the span's
        last character, so a span ending where a cut piece ends does not take in the separator."""
        if not self.blocks or offset <= 0:
            return self.to_doc(offset)
        i = bisect_right(self._starts, offset - 1) - 1
        if i < 0:
            return 0
        offset = min(offset, self._ends[i])
        return self._doc_starts[i] + self.utf16(offset) - self.utf16(self._starts[i])

    def span_to_doc(self, start: int, end: int) -> tuple[int, int]:
        return self.to_doc(start), self.end_to_doc(end) if end > start else self.to_doc(end)

    def span_to_text(self, start: int, end: int) -> tuple[int, int]:
        return self.to_text(start), self.to_text(end)

    def block_text(self, index: int) -> str:
        """The text of a shown block as the document holds it (line breaks as U+2028)."""
        b = self.blocks[index]
        return self.text[b.start : b.end].replace("\n", "\u2028")


RTL_LANGUAGES = frozenset({"ar", "he", "iw", "fa", "ur", "yi", "ps", "sd", "ug", "dv", "ckb"})


def is_rtl(text: str, language: str | None = None, sample: int = 2000) -> bool:
    """Whether an article reads right to left: by its language, else by its strong characters."""
    if language:
        code = language.lower().replace("_", "-").split("-")[0]
        if code in RTL_LANGUAGES:
            return True
    import unicodedata

    rtl = ltr = 0
    for ch in text[:sample]:
        if ch.isascii():
            ltr += ch.isalpha()
            continue
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            rtl += 1
        elif kind == "L":
            ltr += 1
    return rtl > ltr
