"""Plain text to blocks: blank lines separate paragraphs, hard-wrapped lines are joined,
bulleted lines become list items (but for a dash and a name under a quotation: its credit)."""

from __future__ import annotations

import re

from .document import DocumentBuilder, clean_line_text

_BULLET_RE = re.compile(r"^\s*(?:[-*•‣◦–]|\d{1,3}[.)])\s+")
_BLANK_RUN_RE = re.compile(r"\n[ \t\u00a0]*\n+")
# A dash and a name under a quotation is its credit, not a list: '"…top 1 percent."' then '- Bernie Sanders.'
# The dash stays in the text, where the speaker rules read it.
_CREDIT_RE = re.compile(r"^\s*[-–—―]\s*[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,4}(?:,[^\n]{0,120})?\s*$")
_CLOSING_QUOTES = ('"', "”", "''")


def _emit_chunk(builder: DocumentBuilder, lines: list[str]) -> None:
    # The wrap width: a high percentile, not the maximum, so one over-long line (a joined
    # hyphenation, a URL) does not make every other line look short.
    lengths = sorted(len(line.rstrip()) for line in lines)
    width = lengths[int(0.8 * (len(lengths) - 1))]
    if width < 60 or width > 120:
        # Short lines (an address, a list) or long ones (a transcript with a turn a line,
        # text saved with one paragraph a line) are not hard-wrapped: each stands alone.
        for line in lines:
            _emit_line(builder, line)
        return
    current: list[str] = []
    for line in lines:
        if _BULLET_RE.match(line):
            if current:
                builder.add("paragraph", " ".join(current))
                current = []
            _emit_line(builder, line)
            continue
        current.append(line.strip())
        # A line well short of the wrap width ends its paragraph.
        if len(line.rstrip()) < 0.7 * width:
            builder.add("paragraph", " ".join(current))
            current = []
    if current:
        builder.add("paragraph", " ".join(current))


def _emit_line(builder: DocumentBuilder, line: str) -> None:
    match = _BULLET_RE.match(line)
    if match and _CREDIT_RE.match(line) and builder.last_text().rstrip().endswith(_CLOSING_QUOTES):
        builder.add("paragraph", line.strip())
    elif match:
        builder.add("list_item", line[match.end() :], 1)
    else:
        builder.add("paragraph", line)


def text_to_blocks(text: str, builder: DocumentBuilder | None = None) -> DocumentBuilder:
    """Fill (or make) a builder from plain text. Pure; any thread may call."""
    builder = builder or DocumentBuilder()
    text = clean_line_text(text)
    for chunk in _BLANK_RUN_RE.split(text):
        lines = [line for line in chunk.split("\n") if line.strip()]
        if lines:
            _emit_chunk(builder, lines)
    return builder
