"""Names and messages shown to a person, made unable to forge lines or reorder what they read.

A file name may hold anything but "/" and NUL: line breaks (``a.txt\\nreviewer: 3 imported``
printed under our prefix reads as a second message of ours), terminal escape sequences, or a
right-to-left override that makes ``Headline \\u202egnp.exe`` read as "Headline exe.png".

* ``display_name`` is for names and paths: unchanged when every character is printable, else
  the whole name quoted shell-style (``$'a\\nb.txt'``) with each unprintable character escaped,
  so the person sees that the name is odd and exactly what it holds.
* ``display_text`` is for a whole message or a line of data that may contain such a name or
  title from elsewhere: only line breaks, controls and bidirectional controls are escaped in
  place (joiners and other marks that scripts need are kept).
* ``strip_bidi_controls`` removes the bidirectional controls from one-line metadata (titles,
  authors), as ``urls.clean_url`` refuses them in URLs.

Pure functions; any thread.
"""

from __future__ import annotations

import os
import re
import unicodedata

# Explicit bidirectional formatting: embeddings and overrides (U+202A–U+202E), isolates
# (U+2066–U+2069), and the implicit marks LRM, RLM and ALM (U+200E, U+200F, U+061C).
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_BIDI_RE = re.compile(f"[{''.join(sorted(BIDI_CONTROLS))}]")
# Categories that can break or hide a line: controls, lone surrogates (undecodable bytes in a
# file name), line and paragraph separators.
_LINE_BREAKING = frozenset({"Cc", "Cs", "Zl", "Zp"})
_SIMPLE_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\\": "\\\\", "'": "\\'"}


def _escape(ch: str) -> str:
    if ch in _SIMPLE_ESCAPES:
        return _SIMPLE_ESCAPES[ch]
    code = ord(ch)
    if code < 0x100:
        return f"\\x{code:02x}"
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's stand-in for an undecodable byte: show the byte
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def display_name(name: str | os.PathLike[str] | bytes) -> str:
    """``name`` (a path or a string) as it may be shown in a message or printed on a line.

    Printable names come back unchanged. Any other name is returned quoted as ``$'…'`` with
    line breaks, controls, bidirectional and other invisible characters escaped (``\\n``,
    ``\\x1b``, ``\\u202e``), quotes and backslashes too: one line, read left to right.
    """
    if isinstance(name, bytes):
        name = os.fsdecode(name)
    text = os.fspath(name) if isinstance(name, os.PathLike) else str(name)
    if text.isprintable():
        return text
    return "$'" + "".join(_escape(ch) if ch in _SIMPLE_ESCAPES or not ch.isprintable() else ch for ch in text) + "'"


def _needs_escape(ch: str) -> bool:
    return ch in BIDI_CONTROLS or unicodedata.category(ch) in _LINE_BREAKING


def display_text(text: str) -> str:
    """``text`` on one line with its line breaks, controls and bidirectional controls escaped
    in place (``\\n``, ``\\x1b``, ``\\u202e``); everything else, backslashes included, as it is.

    For messages and data lines built from several parts, some of them names or titles that
    came from outside: whatever they hold, the result is one line that reads as it is stored.
    """
    if text.isprintable():  # the common case, and fast
        return text
    return "".join(_escape(ch) if ch != "\\" and _needs_escape(ch) else ch for ch in text)


def strip_bidi_controls(text: str) -> str:
    """``text`` without bidirectional formatting characters (see ``BIDI_CONTROLS``)."""
    return _BIDI_RE.sub("", text)


def document_name(source_path: str | None, title: str) -> str:
    """How messages name an imported document: its file (quoted if odd), else its title."""
    return display_name(source_path) if source_path else display_text(title)


def one_line(text: str | None) -> str:
    """``text`` as one field of a data line: white space folded, controls and bidi controls escaped."""
    return display_text(" ".join((text or "").split()))


def shorten(text: str | None, limit: int) -> str:
    """``text`` on one line (white space folded) of at most ``limit`` characters, cut with "…".

    For labels: undo steps, progress text, the scope of an export. Not escaped: Qt shows it as
    plain text; pass it through ``display_text`` for a terminal.
    """
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def one_line_meta(value: str | None) -> str | None:
    """A title, author or site name as stored and shown: one line, no bidirectional controls."""
    if not value:
        return None
    return strip_bidi_controls(" ".join(value.split())).strip() or None
