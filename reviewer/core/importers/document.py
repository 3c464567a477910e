"""The imported document and the builder that keeps its text and blocks in step."""

from __future__ import annotations

import hashlib
import re
import textwrap
import unicodedata
from dataclasses import dataclass, field

from ..domain import Block  # the same block the store keeps and the reader draws

# Characters that never belong in text shown to a person: C0/C1 controls other than
# tab and newline, and the byte-order mark when it turns up mid-text.
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ufffe\uffff]")
# Horizontal whitespace (including no-break and the Unicode spaces) folds to one space.
_SPACES_RE = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_LINE_BREAKS_RE = re.compile(r"\r\n?|[\u2028\u2029\x85\x0b\x0c]")


@dataclass(frozen=True)
class ImportedDocument:
    """An article read from a file or the clipboard, ready to store.

    ``text`` uses "\\n" line endings, separates blocks by exactly one blank line and has
    no leading or trailing whitespace; ``blocks`` cover every block in order.
    Immutable, so any thread may read it.
    """

    text: str
    blocks: tuple[Block, ...]
    title: str
    original_format: str
    source_path: str | None = None
    author: str | None = None
    site: str | None = None
    url: str | None = None
    published: str | None = None
    language: str | None = None
    encoding: str | None = None
    _hash: str = field(default="", init=False, repr=False, compare=False)

    @property
    def content_hash(self) -> str:
        """sha256 hex of the normalised text (NFC, whitespace folded): the duplicate key."""
        if not self._hash:
            normal = " ".join(unicodedata.normalize("NFC", self.text).split())
            object.__setattr__(self, "_hash", hashlib.sha256(normal.encode("utf-8")).hexdigest())
        return self._hash


def clean_line_text(text: str) -> str:
    """Strip control characters and unify line breaks; keeps zero-width and bidi marks
    (they carry meaning in right-to-left and Indic text)."""
    text = _LINE_BREAKS_RE.sub("\n", text)
    return _CONTROL_RE.sub("", text)


def fold_spaces(text: str) -> str:
    """One block's text on one line: every run of whitespace becomes one space."""
    return _SPACES_RE.sub(" ", clean_line_text(text).replace("\n", " ")).strip()


def fold_lines(text: str) -> str:
    """Preformatted text: keep line breaks, fold trailing spaces and blank runs. Indentation every line
    shares is dropped, and the first line starts at its text: a document's text never starts with a space
    (Markdown "\\t\\t0" is an indented code block holding "0", not "    0")."""
    lines = [line.rstrip() for line in clean_line_text(text).replace("\t", "    ").split("\n")]
    folded = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n").rstrip()
    return textwrap.dedent(folded).lstrip()


class DocumentBuilder:
    """Collects blocks and produces the text with matching offsets. Not thread-safe;
    one builder per import."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._blocks: list[Block] = []
        self._length = 0

    def _reset(self) -> None:
        self._parts, self._blocks, self._length = [], [], 0

    def add(self, kind: str, text: str, level: int = 0) -> None:
        """Add a block; its text is folded to one line unless preformatted. Empty blocks vanish."""
        text = fold_lines(text) if kind == "preformatted" else fold_spaces(text)
        if not text or not any(ch.isalnum() for ch in text):
            # Blocks of pure punctuation (separators, bullets) are layout, not text.
            if not text or kind != "preformatted":
                return
        if self._parts:
            self._parts.append("\n\n")
            self._length += 2
        start = self._length
        self._parts.append(text)
        self._length += len(text)
        self._blocks.append(Block(start, self._length, kind, level))

    @property
    def blocks(self) -> list[Block]:
        return self._blocks

    def last_text(self) -> str:
        """The text of the block added last ("" before the first)."""
        return self._parts[-1] if self._blocks else ""

    def text(self) -> str:
        return "".join(self._parts)

    def is_empty(self) -> bool:
        return not self._blocks

    def build(self, title: str, original_format: str, **metadata: str | None) -> ImportedDocument:
        """The document: this text and these blocks, with its title, format and metadata
        (``source_path``, ``author``, ``site``, ``url``, ``published``, ``language``, ``encoding``)."""
        return ImportedDocument(self.text(), tuple(self._blocks), title, original_format, **metadata)

    def block_texts(self) -> list[tuple[str, str, int]]:
        text = self.text()
        return [(b.kind, text[b.start : b.end], b.level) for b in self._blocks]

    def drop_first(self) -> None:
        """Remove the first block (a title moved out of the body), shifting the rest."""
        if not self._blocks:
            return
        rest = self.block_texts()[1:]
        self._reset()
        for kind, text, level in rest:
            self.add(kind, text, level)


def title_from_text(text: str, fallback: str) -> str:
    """The first line of the text, shortened to a sensible title length, or the fallback.
    A comma, colon or semicolon closing the line is dropped: it leads into the next line."""
    for line in text.split("\n"):
        line = line.strip().rstrip(",;:")
        if line:
            if len(line) > 120:
                cut = line[:120].rsplit(" ", 1)[0]
                line = (cut or line[:120]) + "…"
            return line
    return fallback
