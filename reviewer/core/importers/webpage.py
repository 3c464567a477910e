"""Saved web pages: the main article text with its structure, plus metadata.

Two extractors look at every page, both offline (the raw HTML string is passed in; no
URL is ever given to them, so nothing is fetched):

* trafilatura: metadata (title, author, site, date, canonical URL) and an article body;
* readability-lxml, when installed: a port of the algorithm behind Firefox's Reader View.

Readability's body is used unless trafilatura clearly found more of the same article
(at least half as many words again, covering nine in ten of readability's words): on
real news pages readability keeps article structure best, while trafilatura rescues
pages where readability settles on one fragment. Then the blocks the other extractor
found *between* two blocks both agree on are put back in place when their text is new
(``_fill_gaps``): readability drops caption lists, reader responses and short list items
mid-article that trafilatura keeps, and the reverse. Only the inside of the article is
filled: what either one adds before or after the shared part is as often a teaser or a
related-links list as article text. The figures behind these rules (and plain
``trafilatura.extract`` beside them) are printed by ``tests/benchmarks/bench_html_import.py``.

The publication date comes only from metadata (meta tags, JSON-LD, ``<time datetime>``) or a
full date written in the page: trafilatura's date search also turns a bare year in the text
("in 2023") into 2023-01-01, so a date is kept only when the page spells out that very day.
"""

from __future__ import annotations

import difflib
import html as html_module
import logging
import re
from collections import Counter

import lxml.html
from lxml import etree

from .document import DocumentBuilder, fold_spaces
from .htmlblocks import tree_to_blocks
from .metadata import FoundMetadata

try:  # optional: without it trafilatura alone extracts the text
    from readability import Document as _ReadabilityDocument
except ImportError:  # pragma: no cover - depends on the environment
    _ReadabilityDocument = None

import trafilatura
from trafilatura.settings import Document as _TrafilaturaDocument

for _name in ("trafilatura", "readability", "readability.readability", "htmldate", "courlan"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)

_WORD_RE = re.compile(r"\w+")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CHARSET_RE = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]{2,40})""", re.IGNORECASE)
_LANG_RE = re.compile(
    r"""<html\b[^>]{0,2000}?\blang\s*=\s*["']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*)""", re.IGNORECASE
)
_LOCALE_RE = re.compile(
    r"""<meta[^>]{0,300}?(?:og:locale|content-language)["'][^>]{0,300}?content\s*=\s*["']"""
    r"""([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*)""",
    re.IGNORECASE,
)
_TITLE_RE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_MIN_READABILITY_WORDS = 25
# trafilatura takes seconds a megabyte on pages dense with elements; the largest real pages
# measured have ~20,000 tags. Past this many, readability alone reads the page.
MAX_TAGS_FOR_TRAFILATURA = 100_000


# libxml2 (without XML_PARSE_HUGE, which we never set) keeps no element nested deeper than this.
MAX_NESTING = 256


class NoArticleText(Exception):
    """The page parsed but has no article text to show; ``advice`` says what to do, if specific."""

    def __init__(self, problem: str, advice: str = ""):
        super().__init__(problem)
        self.advice = advice


def _nested_too_deep(html: str) -> bool:
    """Whether the parser dropped part of the page for nesting deeper than MAX_NESTING."""
    parser = _parser()
    try:
        lxml.html.document_fromstring(html, parser=parser)
    except (etree.ParserError, ValueError):
        return False
    return any("depth" in entry.message.lower() for entry in parser.error_log)


def sniff_charset(data: bytes) -> str | None:
    """The charset a page declares in its first few kilobytes, if any."""
    match = _CHARSET_RE.search(data[:8192])
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace").lower()
    if name.startswith(("utf-16", "utf16", "utf-32", "utf32")):
        return "utf-8"  # the HTML standard: a page that can declare this in ASCII is not UTF-16/32
    return {"utf8": "utf-8", "x-user-defined": None}.get(name, name)


def _words(text: str) -> list[str]:
    return _WORD_RE.findall(text.lower())


def _parser() -> lxml.html.HTMLParser:
    # no_network stops libxml2 from loading external entities or DTDs; comments and
    # processing instructions carry no article text.
    return lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, huge_tree=False, recover=True)


def _readability_body(html: str) -> DocumentBuilder | None:
    if _ReadabilityDocument is None:
        return None
    try:
        summary = _ReadabilityDocument(html).summary(html_partial=True)
    except Exception:  # readability raises bare Exceptions on odd pages; trafilatura still runs
        return None
    if not summary or not summary.strip():
        return None
    try:
        root = lxml.html.fragment_fromstring(summary, create_parent="div", parser=_parser())
    except (etree.ParserError, ValueError):
        return None
    return tree_to_blocks(root)


def _trafilatura(html: str) -> _TrafilaturaDocument | None:
    try:
        doc = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_tables=True,
            include_comments=False,
            include_images=False,
            include_links=False,
            favor_recall=True,
            deduplicate=False,
        )
    except Exception:  # a crash inside trafilatura leaves readability's result
        return None
    return doc if isinstance(doc, _TrafilaturaDocument) else None  # a dict only if asked (as_dict)


def _choose(readable: DocumentBuilder | None, traf: DocumentBuilder | None) -> DocumentBuilder | None:
    """Pick the body (see the module docstring for the rule)."""
    r_words = _words(readable.text()) if readable else []
    t_words = _words(traf.text()) if traf else []
    if len(r_words) < _MIN_READABILITY_WORDS:
        return traf if t_words else readable
    if t_words and len(t_words) >= 1.5 * len(r_words):
        shared = sum((Counter(r_words) & Counter(t_words)).values())
        if shared >= 0.9 * len(r_words):
            return traf
    return readable


def _word_shingles(words: list[str], n: int = 5) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + n]) for i in range(max(1, len(words) - n + 1))}


def _block_key(text: str) -> str:
    return " ".join(_words(text)[:12])


# Past this many blocks on either side, matching them up costs more than the few words it finds.
_MAX_FILL_BLOCKS = 3_000


def _fill_gaps(base: DocumentBuilder, other: DocumentBuilder | None) -> DocumentBuilder:
    """``base`` with the blocks ``other`` has between two blocks both share, where ``base`` has
    none of their text (most of a block's five-word runs, or a short block's words in a row)."""
    if other is None or other.is_empty():
        return base
    mine, theirs = base.block_texts(), other.block_texts()
    if len(mine) > _MAX_FILL_BLOCKS or len(theirs) > _MAX_FILL_BLOCKS:
        return base
    # autojunk: a block repeated all over the page ("Read more") is no anchor, and ignoring it keeps
    # the matching near-linear.
    ops = difflib.SequenceMatcher(
        None, [_block_key(b[1]) for b in mine], [_block_key(b[1]) for b in theirs], autojunk=True
    ).get_opcodes()
    shared = [i for i, op in enumerate(ops) if op[0] == "equal"]
    if len(shared) < 2:  # one shared run has no inside to fill
        return base
    base_words = _words(base.text())
    base_runs = _word_shingles(base_words)
    short_runs: dict[int, set[tuple[str, ...]]] = {}  # n-word runs of the base, made when first needed
    merged: list[tuple[str, str, int]] = []
    added = False
    for i, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag != "insert":
            merged.extend(mine[i1:i2])
        if tag == "equal" or not shared[0] < i < shared[-1]:
            continue
        for block in theirs[j1:j2]:
            words = _words(block[1])
            if not words:
                continue
            if len(words) >= 5:
                runs = _word_shingles(words)
                new = len(runs & base_runs) <= 0.5 * len(runs)
            else:
                if len(words) not in short_runs:
                    short_runs[len(words)] = _word_shingles(base_words, len(words))
                new = tuple(words) not in short_runs[len(words)]
            if new:
                merged.append(block)
                added = True
    if not added:
        return base
    builder = DocumentBuilder()
    for kind, text, level in merged:
        builder.add(kind, text, level)
    return builder


# Labels that page templates put where a byline goes; they name no one.
_NOT_AUTHORS = frozenset(
    {"username", "user", "admin", "authority control", "author", "作者", "staff", "editor", "anonymous", "unknown"}
)


def _clean_author(author: str | None) -> str | None:
    if not author:
        return None
    seen: dict[str, str] = {}
    for part in re.split(r"\s*;\s*", author):
        part = fold_spaces(part)
        if part and part.casefold() not in seen and part.casefold() not in _NOT_AUTHORS:
            seen[part.casefold()] = part
    return ", ".join(seen.values()) or None


def _http_url(url: str | None) -> str | None:
    if url and re.match(r"^https?://[^\s]+$", url.strip(), re.IGNORECASE):
        return url.strip()
    return None


# Month names a full date may be written with (English, German, French, Spanish, Russian), by month.
_MONTH_NAMES = (
    "jan january januar janvier enero января январь",
    "feb february februar février fevrier febrero февраля февраль",
    "mar march märz maerz mars marzo марта март",
    "apr april avril abril апреля апрель",
    "may mai mayo мая май",
    "jun june juni juin junio июня июнь",
    "jul july juli juillet julio июля июль",
    "aug august août aout agosto августа август",
    "sep sept september septembre septiembre сентября сентябрь",
    "oct october oktober octobre octubre октября октябрь",
    "nov november novembre noviembre ноября ноябрь",
    "dec december dezember décembre decembre diciembre декабря декабрь",
)


_MAX_YEAR_OCCURRENCES = 20_000
_MAX_DATE_SEARCHES = 2_000


def _date_in_page(iso: str, html: str) -> bool:
    """Whether ``html`` writes out the day ``iso`` (YYYY-MM-DD) in full: ISO or numeric (in a meta tag,
    JSON-LD, a ``datetime`` attribute or the text), or with the month's name. A bare year is not a date."""
    match = _DATE_RE.match(iso)
    if not match:
        return False
    year, month, day = iso[:4], int(iso[5:7]), int(iso[8:10])
    if not 1 <= month <= 12:
        return False
    d, m = rf"0?{day}", rf"0?{month}"
    names = "|".join(re.escape(n) for n in _MONTH_NAMES[month - 1].split())
    patterns = (
        rf"(?<!\d){year}-{month:02d}-{day:02d}(?!\d)",  # ISO 8601, as metadata writes it
        rf"(?<!\d){year}{month:02d}{day:02d}(?!\d)",
        rf"(?<!\d){year}[./]{m}[./]{d}(?!\d)",
        rf"(?<![\d./]){d}[./-]{m}[./-]{year}(?!\d)",
        rf"(?<![\d./]){m}[./-]{d}[./-]{year}(?!\d)",
        rf"(?<!\d){d}(?:st|nd|rd|th|er|\.)?(?:\s|&nbsp;)+(?:of\s+|de\s+)?(?:{names})\.?,?(?:\s|&nbsp;)+"
        rf"(?:de\s+)?{year}(?!\d)",
        rf"(?:{names})\.?(?:\s|&nbsp;)+{d}(?:st|nd|rd|th)?,?(?:\s|&nbsp;)+{year}(?!\d)",
    )
    regex = re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
    month_words = _MONTH_NAMES[month - 1].split()
    # Every pattern holds the year: look only around its occurrences, and run the pattern only where
    # the characters beside the year could make a date. Both are bounded, so a page made of years
    # costs milliseconds (a date not found in time is dropped: no date rather than a wrong one).
    at, occurrences, searches = html.find(year), 0, 0
    while at != -1 and occurrences < _MAX_YEAR_OCCURRENCES and searches < _MAX_DATE_SEARCHES:
        occurrences += 1
        before, after = html[at - 1 : at], html[at + 4 : at + 5]
        if not before.isdigit() and (
            (before and before in "./-")
            or (after and after in "-./")
            or after.isdigit()
            or any(word in html[max(0, at - 40) : at].lower() for word in month_words)
        ):
            searches += 1
            if regex.search(html, max(0, at - 60), at + 64):
                return True
        at = html.find(year, at + 4)
    return False


def extract_page(html: str) -> tuple[DocumentBuilder, FoundMetadata]:
    """Extract body and metadata from a page's HTML. Raises NoArticleText.

    Returns the body and the page's ``title``, ``author``, ``site``, ``url``, ``published`` and
    ``declared_language`` (any may be None). Any thread may call.
    """
    html = html.replace("\x00", "").replace("\ue000", "")
    if not html.strip():
        raise NoArticleText("the page is empty")
    doc = _trafilatura(html) if html.count("<") <= MAX_TAGS_FOR_TRAFILATURA else None
    traf_body = None
    if doc is not None and doc.body is not None:
        traf_body = tree_to_blocks(doc.body, trafilatura_xml=True)
        if traf_body.is_empty():
            traf_body = None
    readable = _readability_body(html)
    builder = _choose(readable, traf_body)
    if builder is not None:
        builder = _fill_gaps(builder, traf_body if builder is readable else readable)
    if builder is None or builder.is_empty():
        if _nested_too_deep(html):
            # The guard against pages built to exhaust memory and time: say so, not "no text".
            raise NoArticleText(
                f"the page nests its elements more than {MAX_NESTING} levels deep, and Reviewer does not read "
                "text nested that deep (a limit that keeps hostile pages from freezing it)",
                "copy the article text in the browser and paste it as a new article, or save the page "
                "with the browser's reader view first",
            )
        raise NoArticleText("no article text was found in the page")

    title = fold_spaces(doc.title) if doc is not None and doc.title else None
    if not title:
        match = _TITLE_RE.search(html[:200_000])
        if match:
            title = fold_spaces(html_module.unescape(re.sub(r"<[^>]*>", " ", match.group(1)))) or None
    head = html[:100_000]
    declared = None
    for regex in (_LANG_RE, _LOCALE_RE):
        match = regex.search(head)
        if match:
            declared = match.group(1)
            break
    published = doc.date if doc is not None else None
    if published and not _date_in_page(published, html):
        published = None
    # Drop a first heading that repeats the title: the reader shows the title already.
    blocks = builder.block_texts()
    if (
        title
        and blocks
        and blocks[0][0] == "heading"
        and blocks[0][1].casefold() == title.casefold()
        and len(blocks) > 1
    ):
        builder.drop_first()
    return builder, FoundMetadata(
        title=title,
        author=_clean_author(doc.author if doc is not None else None),
        site=fold_spaces(doc.sitename) if doc is not None and doc.sitename else None,
        url=_http_url(doc.url if doc is not None else None),
        published=published if published and _DATE_RE.match(published) else None,
        declared_language=declared,
    )
