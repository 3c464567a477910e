"""Reading fact-check files and importing them into a library's collections.

A file is recognised by what it holds, its name only breaking ties: JSON (``{`` or ``[`` first:
ClaimReview objects anywhere in it, or a list of flat records), JSON lines (``.jsonl``/``.ndjson``,
or several lines that are each an object), an HTML page (``<`` first: its JSON-LD blocks), else a
CSV or TSV whose header has a ``claim`` column. Text is decoded as articles are
(``importers.encoding``: BOMs, UTF-16, legacy code pages) and a file may be at most
``importers.MAX_FILE_BYTES``. A file that is none of these raises ``ImportFailed`` and nothing is
stored; rows that cannot be records are reported by line (or item) and skipped.

``read_factcheck_file`` is pure apart from reading the file; ``import_factcheck_files`` writes each
file's records in one transaction of the given Store. Any thread, with a Store of that thread.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..display import display_name
from ..errors import ImportFailed, ReviewerError
from ..importers import ReadAdvice, read_bounded
from ..importers.encoding import NotText, decode_text
from ..store import Store, is_library_file
from .claimreview import find_claim_reviews, ld_json_blocks, records_from_reviews
from .model import MAX_COLLECTION_NAME, FactcheckRecord, ParsedFile, RowProblem
from .tabular import NoClaimColumn, read_delimited, read_json_lines, records_from_items

FORMATS_HELP = (
    "ClaimReview JSON or JSON-LD, a web page with ClaimReview JSON-LD, "
    "JSON lines, or a CSV/TSV file with a 'claim' column"
)
FILE_SUFFIXES = (".json", ".jsonld", ".jsonl", ".ndjson", ".csv", ".tsv", ".tab", ".txt", ".html", ".htm")
_JSON_LINES_SUFFIXES = frozenset({".jsonl", ".ndjson"})
_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
_TSV_SUFFIXES = frozenset({".tsv", ".tab"})

ProgressFn = Callable[[int, int, str], None]  # (files done, files in all, current file name)


def _fail(label: str, problem: str, advice: str = "") -> ImportFailed:
    return ImportFailed(label, problem, advice or f"import {FORMATS_HELP}")


def read_file_text(path: Path, label: str) -> str:
    """The decoded text of ``path``; ImportFailed when it is missing, too big, empty or not text."""
    advice = ReadAdvice("choose the fact-check files in it", "split it into smaller files", f"import {FORMATS_HELP}")
    data = read_bounded(path, label, advice)
    try:
        text, _encoding = decode_text(data)
    except NotText as error:
        raise _fail(label, f"is not a fact-check file: {error.problem}") from None
    return text


def parse_factcheck_text(text: str, label: str, suffix: str = "") -> ParsedFile:
    """The records of a fact-check file's text; ``suffix`` (".csv", ".jsonl"...) breaks ties.
    Raises ImportFailed when the text is none of the formats read."""
    suffix = suffix.lower()
    head = text.lstrip("\ufeff \t\r\n")
    if suffix in _JSON_LINES_SUFFIXES:
        return _collect(label, "JSON lines", read_json_lines(text))
    if head.startswith(("{", "[")):
        try:
            document = json.loads(text)
        except json.JSONDecodeError as error:
            if head.startswith("{") and _looks_like_json_lines(head):
                return _collect(label, "JSON lines", read_json_lines(text))
            raise _fail(
                label,
                f"is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg}); nothing was imported",
                "fix the file or export it again",
            ) from None
        except RecursionError:
            raise _fail(label, "is JSON nested too deeply to read; nothing was imported") from None
        return _parse_json_document(document, label)
    if head.startswith("<") or suffix in _HTML_SUFFIXES:
        return _parse_html(text, label)
    try:
        return _collect(
            label, "TSV" if suffix in _TSV_SUFFIXES else "CSV", read_delimited(text, tsv=suffix in _TSV_SUFFIXES)
        )
    except NoClaimColumn as missing:
        if len(missing.header) > 1:
            shown = ", ".join(repr(c[:40]) for c in missing.header[:12])
            raise _fail(
                label,
                f"has no 'claim' column (its first line has {shown}); nothing was imported",
                "name the column holding the claims 'claim'",
            ) from None
        raise _fail(label, "is not a fact-check file; nothing was imported") from None


def read_factcheck_file(path: str | Path, library: Path | None = None) -> ParsedFile:
    """Read one fact-check file. ``library`` (the open library's path) is refused as input: reading
    it with ``open()`` would drop this process's SQLite locks (see ``store.base``)."""
    path = Path(path)
    label = display_name(path)
    if is_library_file(path, library):
        raise ImportFailed(label, "is this library's own database file, not a fact-check file")
    parsed = parse_factcheck_text(read_file_text(path, label), label, path.suffix)
    if not parsed.records:
        why = f" ({len(parsed.problems)} skipped: {parsed.problems[0]})" if parsed.problems else ""
        raise _fail(
            label,
            f"holds no fact-check that can be imported{why}; nothing was imported",
            "check that each row or ClaimReview has a claim",
        )
    return parsed


def _looks_like_json_lines(head: str) -> bool:
    first = head.split("\n", 1)[0].strip()
    try:
        return isinstance(json.loads(first), dict) and "\n" in head.strip()
    except (json.JSONDecodeError, RecursionError):
        return False


def _parse_json_document(document: object, label: str) -> ParsedFile:
    reviews = find_claim_reviews(document)
    if reviews:
        return _collect(label, "ClaimReview JSON", records_from_reviews(reviews))
    items = document if isinstance(document, list) else [document]
    if (
        items
        and all(isinstance(i, dict) for i in items)
        and any("claim" in {str(k).strip().lower() for k in i} for i in items if isinstance(i, dict))
    ):
        return _collect(label, "JSON", records_from_items(list(items)))
    raise _fail(label, "holds no ClaimReview (schema.org) objects and no records with a 'claim'; nothing was imported")


def _parse_html(text: str, label: str) -> ParsedFile:
    parsed = ParsedFile(label, "JSON-LD in HTML")
    blocks = 0
    for line, block in ld_json_blocks(text):
        blocks += 1
        try:
            document = json.loads(block)
        except json.JSONDecodeError as error:
            parsed.problems.append(
                RowProblem(f"line {line + error.lineno - 1}", f"a JSON-LD block is not valid JSON ({error.msg})")
            )
            continue
        except RecursionError:
            parsed.problems.append(RowProblem(f"line {line}", "a JSON-LD block is nested too deeply to read"))
            continue
        _add(parsed, records_from_reviews(find_claim_reviews(document), f" (line {line})"))
    if not blocks:
        raise _fail(
            label, 'has no JSON-LD (<script type="application/ld+json">) with ClaimReview; nothing was imported'
        )
    if not parsed.records and not parsed.problems:
        raise _fail(label, "has JSON-LD but no ClaimReview in it; nothing was imported")
    return parsed


def _collect(label: str, kind: str, items: Iterable[FactcheckRecord | RowProblem]) -> ParsedFile:
    parsed = ParsedFile(label, kind)
    _add(parsed, items)
    return parsed


def _add(parsed: ParsedFile, items: Iterable[FactcheckRecord | RowProblem]) -> None:
    for item in items:
        if isinstance(item, RowProblem):
            parsed.problems.append(item)
        else:
            parsed.records.append(item)


# ---------------------------------------------------------------------- importing


@dataclass
class FileImport:
    """One file imported: into which collection, how many records were new, already there, skipped."""

    label: str
    collection: str
    format: str
    imported: int
    duplicates: int
    problems: list[RowProblem] = field(default_factory=list)


@dataclass
class FactcheckImportReport:
    """The outcome of importing several files: the files imported and the files refused."""

    files: list[FileImport] = field(default_factory=list)
    errors: list[ReviewerError] = field(default_factory=list)
    cancelled: bool = False

    @property
    def imported(self) -> int:
        return sum(f.imported for f in self.files)

    @property
    def duplicates(self) -> int:
        return sum(f.duplicates for f in self.files)

    @property
    def skipped(self) -> int:
        return sum(len(f.problems) for f in self.files)

    def summary(self) -> str:
        """One line: '120 fact-checks imported, 3 duplicates, 2 rows skipped, 1 file failed'."""
        parts = [_count(self.imported, "fact-check") + " imported", _count(self.duplicates, "duplicate")]
        if self.skipped:
            parts.append(_count(self.skipped, "row") + " skipped")
        if self.errors:
            parts.append(_count(len(self.errors), "file") + " failed")
        if self.cancelled:
            parts.append("cancelled")
        return ", ".join(parts)

    def details(self) -> Iterator[str]:
        """One line per file imported, skipped row and failed file, for the person to act on."""
        for f in self.files:
            yield (
                f"{f.label}: {_count(f.imported, 'fact-check')} imported into {f.collection!r} "
                f"({f.format}), {_count(f.duplicates, 'duplicate')}, {len(f.problems)} skipped"
            )
            for problem in f.problems:
                yield f"{f.label}: {problem} (skipped)"
        for error in self.errors:
            yield str(error)


def collection_name_for(path: Path) -> str:
    """The collection a file goes to when none is named: its name without the suffix."""
    return (path.stem.strip() or path.name.strip() or "Fact-checks")[:MAX_COLLECTION_NAME].strip()


def import_factcheck_files(
    store: Store,
    paths: Sequence[str | Path],
    collection: str | None = None,
    *,
    progress: ProgressFn | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> FactcheckImportReport:
    """Import each file into ``collection`` (or a collection named after the file), each file in one
    transaction; files that cannot be read are reported in ``errors`` and change nothing."""
    report = FactcheckImportReport()
    files = [Path(p) for p in paths]
    for done, path in enumerate(files):
        if cancelled is not None and cancelled():
            report.cancelled = True
            break
        if progress is not None:
            progress(done, len(files), path.name)
        try:
            parsed = read_factcheck_file(path, store.path)
            result = store.import_factchecks(collection or collection_name_for(path), parsed.records, source=path.name)
        except ReviewerError as error:
            report.errors.append(error)
            continue
        report.files.append(
            FileImport(
                parsed.label, result.collection, parsed.format, result.imported, result.duplicates, parsed.problems
            )
        )
    if progress is not None and not report.cancelled:
        progress(len(files), len(files), "")
    return report


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"
