"""Reading articles from files and the clipboard into plain text with structure.

Formats: plain text (``.txt``, ``.text``) in UTF-8 with or without a BOM, UTF-16/32 with a
BOM, BOM-less UTF-16, or a common legacy encoding (Windows-1251/1252, Latin-1 and kin,
found by charset-normalizer among a fixed list, never guessed from all codecs);
Markdown (``.md``, ``.markdown``); saved web pages (``.html``, ``.htm``, ``.xhtml``) through
trafilatura and readability-lxml, never fetching anything; PDF text layers (``.pdf``,
pypdf); Word documents (``.docx``, python-docx); pasted text or HTML; folders,
recursively.

Size limits (anything over them is refused with an ``ImportFailed`` saying so):

* a file may be at most ``MAX_FILE_BYTES`` (25 MB) on disk;
* the text read from it may be at most ``MAX_TEXT_CHARS`` (5,000,000 characters, about
  800,000 words: a book, not an article);
* a web page's HTML may be at most ``MAX_HTML_CHARS`` (5,000,000 characters); a page with
  more than 100,000 tags is read by readability alone (trafilatura is too slow on it);
* Markdown longer than 300,000 characters, or with a paragraph over 20,000 characters or
  dense with markup (over 64 "[" or 512 other markup characters), is read as plain text
  (Python-Markdown is quadratic on such input);
* a PDF may have at most 2,000 pages;
* a .docx may expand to at most 200 MB in all, 50 MB for any one XML part, hold at most
  5,000 parts, and no large part may expand more than 200-fold (zip bombs are refused
  before anything is decompressed).

Every failure a user can cause raises ``reviewer.core.errors.ImportFailed`` naming the
file (quoted by ``display_name`` when the name holds line breaks, controls or bidirectional
characters), the problem and what to do; no other exception leaves ``read_document``.
Titles, authors and site names lose bidirectional controls, so a right-to-left override cannot
make "Headline \u202egnp.exe" read as "Headline exe.png". A folder is walked without following
links out of it: a file or folder link that resolves outside the chosen folder is skipped and
reported.
All functions here are pure apart from reading the given paths, so any thread may call
them; the returned objects are immutable and owned by the caller.
"""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from ..display import display_name, one_line_meta
from ..domain import Block
from ..errors import ImportFailed
from ..headings import reads_as_heading
from .document import DocumentBuilder, ImportedDocument, clean_line_text, fold_spaces, title_from_text
from .encoding import NotText, decode_text
from ..language import guess_language
from .markdown_text import markdown_to_blocks
from .metadata import FoundMetadata
from .plaintext import text_to_blocks

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_TEXT_CHARS",
    "MAX_HTML_CHARS",
    "SUPPORTED_SUFFIXES",
    "Block",
    "ImportedDocument",
    "read_document",
    "read_pasted",
    "find_importable",
]

MAX_FILE_BYTES = 25 * 1024 * 1024
MAX_TEXT_CHARS = 5_000_000
MAX_HTML_CHARS = 5_000_000
SUPPORTED_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".pdf", ".docx"})

_FORMAT_BY_SUFFIX = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
    ".docx": "docx",
}
_SUPPORTED_LIST = ", ".join(sorted(SUPPORTED_SUFFIXES))


def _fail(path: str, problem: str, advice: str = "") -> ImportFailed:
    return ImportFailed(path, problem, advice)


@dataclass(frozen=True)
class ReadAdvice:
    """What to tell the person when a file cannot be read whole (see `read_bounded`)."""

    folder: str = "import the folder instead (every file in it is read)"
    too_big: str = "import a smaller file (save just the article)"
    empty: str = "choose a file that contains the article text"


def read_bounded(path: Path, label: str, advice: ReadAdvice = ReadAdvice()) -> bytes:
    """The bytes of ``path``, at most MAX_FILE_BYTES; ImportFailed (with ``advice``) when it is missing,
    a folder, unreadable, too big or empty. Read in one bounded read: a file growing meanwhile is caught."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise _fail(label, "no such file", "check the name and location") from None
    except OSError as error:
        raise _fail(label, f"cannot be read ({error.strerror or error})", "check that you may read it") from None
    if path.is_dir():
        raise _fail(label, "is a folder, not a file", advice.folder)
    if size > MAX_FILE_BYTES:
        raise _fail(label, f"is {size / 2**20:.1f} MB, over the {MAX_FILE_BYTES // 2**20} MB limit", advice.too_big)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise _fail(label, f"cannot be read ({error.strerror or error})", "check that you may read it") from None
    if len(data) > MAX_FILE_BYTES:
        raise _fail(label, f"is over the {MAX_FILE_BYTES // 2**20} MB limit", advice.too_big)
    if not data.strip():
        raise _fail(label, "is empty", advice.empty)
    return data


def _decode(data: bytes, label: str) -> tuple[str, str]:
    try:
        return decode_text(data)
    except NotText as error:
        raise _fail(label, error.problem, "save it as plain text (UTF-8) and import it again") from None


def _take_headline(builder: DocumentBuilder) -> str | None:
    """A plain-text article's first line is its headline when it stands alone and reads like
    one (short, no closing punctuation, or title case with a full stop): it becomes the title instead of body text, as the
    leading ``# Title`` of Markdown does, so the reader does not show it twice."""
    blocks = builder.block_texts()
    if len(blocks) < 2:
        return None
    kind, first, _level = blocks[0]
    first = first.strip()
    if "\n" in first or not 0 < len(first) <= 200:
        return None
    if first[-1] in ".,;:!?\"”»'’…" and not (first[-1] == "." and reads_as_heading(first)):
        return None  # a sentence; but "Senate Passes Budget After Long Night." is a headline all the same
    first = first[:-1] if first[-1] == "." else first
    builder.drop_first()
    return first


# Letters of a heading set in capitals; a line this long is a paragraph, not part of a heading.
_MAX_HEADING_LINE = 120
_MAX_TITLE = 200
_TITLE_TRAILING = ",;:–—-/ "
_PARAGRAPH_BREAK_RE = re.compile(r"\n[ \t\u00a0]*\n")


def _caps_opening(text: str) -> tuple[str | None, str]:
    """A transcript or wire story often opens with a heading in capitals set over several short lines
    ("PRESIDENT BARACK OBAMA AND FORMER GOV. MITT ROMNEY," / "R-MASS., PARTICIPATE IN A CANDIDATES
    DEBATE," / "LYNN UNIVERSITY, BOCA RATON, FLORIDA"). Its lines, up to ``_MAX_TITLE`` characters,
    joined, become the title (without a dangling comma or colon) and leave the body; the text is
    returned unchanged, with no title, when it opens otherwise."""
    parts = _PARAGRAPH_BREAK_RE.split(clean_line_text(text).lstrip("\ufeff \t\n"), maxsplit=1)
    if len(parts) < 2:
        return None, text
    first, rest = parts
    lines = [line.strip() for line in first.splitlines() if line.strip()]
    if len(lines) < 2 or not rest.strip() or any(len(line) > _MAX_HEADING_LINE for line in lines):
        return None, text
    letters = [ch for ch in first if ch.isalpha()]
    if len(letters) < 8 or sum(ch.isupper() for ch in letters) < 0.9 * len(letters):
        return None, text
    taken: list[str] = []
    for line in lines:
        if len(" ".join([*taken, line])) > _MAX_TITLE:
            break
        taken.append(line)
    if not taken:
        return None, text
    title = fold_spaces(" ".join(taken)).rstrip(_TITLE_TRAILING)
    left = lines[len(taken) :]
    return title or None, ("\n".join(left) + "\n\n" if left else "") + rest


def _finish(
    builder: DocumentBuilder,
    label: str,
    fmt: str,
    meta: FoundMetadata,
    *,
    fallback_title: str,
    source_path: str | None = None,
    encoding: str | None = None,
) -> ImportedDocument:
    if builder.is_empty():
        raise _fail(label, "contains no readable text", "check that this is the article you meant")
    text = builder.text()
    if len(text) > MAX_TEXT_CHARS:
        raise _fail(
            label,
            f"holds {len(text):,} characters of text, over the {MAX_TEXT_CHARS:,} limit",
            "import the article on its own",
        )
    title = (one_line_meta(meta.title) or "")[:300].strip()
    if not title:
        title = one_line_meta(title_from_text(text, fallback_title)) or one_line_meta(fallback_title) or "Untitled"
    return builder.build(
        title=title,
        original_format=fmt,
        source_path=source_path,
        author=one_line_meta(meta.author),
        site=one_line_meta(meta.site),
        url=meta.url,
        published=meta.published,
        language=guess_language(text, meta.declared_language),
        encoding=encoding,
    )


def _read(path: Path, label: str) -> ImportedDocument:
    suffix = path.suffix.lower()
    fmt = _FORMAT_BY_SUFFIX.get(suffix)
    if fmt is None:
        raise _fail(
            label,
            f"{display_name(suffix) if suffix else 'a file without a suffix'} is not a format Reviewer imports",
            f"save the article as one of {_SUPPORTED_LIST}",
        )
    data = read_bounded(path, label)
    source_path, fallback_title = str(path), path.stem or path.name
    if fmt in ("txt", "md"):
        text, encoding = _decode(data, label)
        if len(text) > MAX_TEXT_CHARS:
            raise _fail(
                label,
                f"holds {len(text):,} characters, over the {MAX_TEXT_CHARS:,} limit",
                "import the article on its own",
            )
        if fmt == "md":
            builder, title = markdown_to_blocks(text)
        else:
            title, body = _caps_opening(text)
            builder = text_to_blocks(body)
            if title is None:
                title = _take_headline(builder)
        return _finish(
            builder,
            label,
            fmt,
            FoundMetadata(title=title),
            fallback_title=fallback_title,
            source_path=source_path,
            encoding=encoding,
        )
    if fmt == "html":
        return _read_html(data, label, source_path=source_path, fallback_title=fallback_title)
    from .office import FormatProblem, read_docx, read_pdf

    try:
        builder, meta = read_pdf(data) if fmt == "pdf" else read_docx(data)
    except FormatProblem as error:
        raise _fail(label, error.problem, error.advice) from None
    return _finish(builder, label, fmt, meta, fallback_title=fallback_title, source_path=source_path)


def _html_text(data: bytes, label: str) -> tuple[str, str]:
    from .webpage import sniff_charset

    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode(data, label)
    declared = sniff_charset(data)
    if declared:
        try:
            return data.decode(declared), declared
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common; detect instead
    try:
        return decode_text(data)
    except NotText as error:
        # A page with a few stray bytes is still a page; binary files are not.
        if b"\x00" in data[:65536] or b"<" not in data[:65536]:
            raise _fail(label, error.problem, "save the page again from the browser") from None
        return data.decode("utf-8", errors="replace"), "utf-8"


def _read_html(data: bytes, label: str, *, source_path: str, fallback_title: str) -> ImportedDocument:
    from .webpage import NoArticleText, extract_page

    html, encoding = _html_text(data, label)
    if len(html) > MAX_HTML_CHARS:
        raise _fail(
            label,
            f"the page is {len(html):,} characters of HTML, over the {MAX_HTML_CHARS:,} limit",
            "save just the article (for example with the browser's reader view)",
        )
    try:
        builder, meta = extract_page(html)
    except NoArticleText as error:
        raise _fail(
            label,
            f"{error}",
            error.advice
            or "open it in a browser to check it is the article; "
            "if it is, save it again as 'Web page, complete' or copy and paste the text",
        ) from None
    return _finish(
        builder, label, "html", meta, fallback_title=fallback_title, source_path=source_path, encoding=encoding
    )


def read_document(path: str | Path) -> ImportedDocument:
    """Read one file into an ImportedDocument. Raises ImportFailed for anything wrong with it.

    Does no I/O beyond reading ``path``; never touches the network. Any thread may call.
    """
    label = display_name(path)
    try:
        return _read(Path(path), label)
    except ImportFailed:
        raise
    except MemoryError:
        raise _fail(label, "is too large or complex to read in the memory available", "import a smaller file") from None
    except RecursionError:
        raise _fail(label, "is nested too deeply to read", "save just the article and import that") from None
    except Exception as error:  # a library bug or an input no one foresaw: still the user's file
        detail = fold_spaces(str(error))[:200]
        raise _fail(
            label,
            f"could not be read ({type(error).__name__}{': ' + detail if detail else ''})",
            "the file may be damaged; open it in its usual program and save it again",
        ) from None


def read_pasted(text: str, html: str | None = None) -> ImportedDocument:
    """Turn clipboard contents into a new article; HTML (with its structure) is preferred
    when given and it has text, else the plain text. Raises ImportFailed when both are empty."""
    label = "pasted text"
    try:
        builder: DocumentBuilder | None = None
        meta = FoundMetadata()
        if html and html.strip():
            builder, meta = _pasted_html(html)
        if builder is None or builder.is_empty():
            builder = text_to_blocks((text or "")[: MAX_TEXT_CHARS + 1])
            meta = FoundMetadata()
        if builder.is_empty():
            raise _fail(label, "there is no text to import", "copy the article text and paste again")
        return _finish(builder, label, "paste", meta, fallback_title="Pasted article")
    except ImportFailed:
        raise
    except Exception as error:  # never let odd clipboard contents escape as a crash
        raise _fail(label, f"could not be read ({type(error).__name__})", "paste it as plain text") from None


def _pasted_html(html: str) -> tuple[DocumentBuilder | None, FoundMetadata]:
    import lxml.html
    from lxml import etree

    from .htmlblocks import tree_to_blocks
    from .webpage import NoArticleText, extract_page

    if len(html) > MAX_HTML_CHARS:
        return None, FoundMetadata()
    head = html[:4096].lower()
    if "<body" in head or "<html" in head:
        try:
            return extract_page(html)
        except NoArticleText:
            return None, FoundMetadata()
    try:
        parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)
        root = lxml.html.fragment_fromstring(html.replace("\x00", ""), create_parent="div", parser=parser)
    except (etree.ParserError, ValueError):
        return None, FoundMetadata()
    return tree_to_blocks(root), FoundMetadata()


def find_importable(paths: Iterable[str | Path]) -> tuple[list[Path], list[ImportFailed]]:
    """Expand files and folders (recursively, sorted, hidden entries and unsupported suffixes
    skipped) into the files to import, and the problems found on the way. Reads only names."""
    found: list[Path] = []
    problems: list[ImportFailed] = []
    seen: set[Path] = set()

    def add(file: Path) -> None:
        key = file.resolve() if file.exists() else file
        if key not in seen:
            seen.add(key)
            found.append(file)

    for raw in paths:
        if not str(raw).strip():  # Path("") is ".": an empty argument must not import the current folder
            problems.append(_fail("(empty name)", "is not a file or folder", "give the path of an article or a folder"))
            continue
        path = Path(raw)
        try:
            _expand(path, add, problems)
        except OSError as error:  # a folder or file we may not read: one clear line, the rest goes on
            problems.append(
                _fail(
                    display_name(path),
                    f"cannot be read ({error.strerror or error})",
                    "check its permissions, or copy the articles somewhere you can read",
                )
            )
    return found, problems


def _links_outside(entry: Path, root: Path) -> bool:
    """Whether ``entry`` (found inside ``root``, already resolved) is a link that leads out of it."""
    if not entry.is_symlink():
        return False
    try:
        return not entry.resolve().is_relative_to(root)
    except (OSError, RuntimeError):  # a link loop leads nowhere: not into the folder either
        return True


def _expand(path: Path, add: Callable[[Path], None], problems: list[ImportFailed]) -> None:
    """One argument of ``find_importable``: a file, a folder (walked), or a problem.

    A folder's links are never followed out of it: the person chose the folder, not wherever a
    link in it points (``shadow.txt -> /etc/shadow``). os.walk does not descend into linked
    folders; a linked file is read only when it resolves inside the folder.
    """
    if path.is_dir():
        root = path.resolve()
        files = []
        problems_before = len(problems)
        unreadable: list[OSError] = []
        for folder, dirs, names in os.walk(path, followlinks=False, onerror=unreadable.append):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in dirs:
                if _links_outside(Path(folder) / name, root):
                    problems.append(
                        _fail(
                            display_name(Path(folder) / name),
                            "is a link to a folder outside the folder you chose, so it was skipped",
                            "import that folder itself if you mean to",
                        )
                    )
            for name in sorted(names):
                if not name.startswith(".") and Path(name).suffix.lower() in SUPPORTED_SUFFIXES:
                    candidate = Path(folder) / name
                    if _links_outside(candidate, root):
                        problems.append(
                            _fail(
                                display_name(candidate),
                                "is a link to a file outside the folder you chose, so it was skipped",
                                "copy the file into the folder, or import it by name",
                            )
                        )
                    elif candidate.is_file():
                        files.append(candidate)
        if unreadable:
            problems.append(
                _fail(
                    display_name(unreadable[0].filename or path),
                    f"cannot be read ({unreadable[0].strerror or unreadable[0]})",
                    "check its permissions; the readable files were imported",
                )
            )
        if files:
            for file in files:
                add(file)
        elif not unreadable and len(problems) == problems_before:
            problems.append(
                _fail(
                    display_name(path),
                    "the folder has nothing Reviewer can import",
                    f"put the articles in it as {_SUPPORTED_LIST} files",
                )
            )
    elif path.is_file():
        if path.suffix.lower() in SUPPORTED_SUFFIXES:
            add(path)
        else:
            suffix = display_name(path.suffix) if path.suffix else "a file without a suffix"
            problems.append(
                _fail(
                    display_name(path),
                    f"{suffix} is not a format Reviewer imports",
                    f"save the article as one of {_SUPPORTED_LIST}",
                )
            )
    elif path.exists():
        problems.append(_fail(display_name(path), "is not a regular file or folder", "choose a file or a folder"))
    else:
        problems.append(_fail(display_name(path), "no such file or folder", "check the name and location"))
