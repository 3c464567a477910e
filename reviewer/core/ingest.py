"""Bringing files into a library: read, extract claims, store — one article at a time.

Shared by ``reviewer import``, the first-start sample library and the app's batch import
(which runs it on a worker thread with its own Store). Each article is its own transaction,
so a failure or a cancel never leaves half an article behind.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .domain import ClaimDraft
from .importers.document import ImportedDocument
from .errors import DuplicateArticle, ImportFailed, ReviewerError
from .store import Store, is_library_file
from .display import display_name, document_name

# The longest article (in characters) an import accepts. The desk opens one this long in a few
# seconds and sets a verdict on it in well under 100 ms (tests/benchmarks/bench_big_article.py);
# claim extraction alone takes about a minute per million characters.
MAX_ARTICLE_CHARS = 2_000_000


@dataclass
class ImportReport:
    added: list[tuple[int, str]] = field(default_factory=list)  # (article id, title)
    duplicates: list[DuplicateArticle] = field(default_factory=list)
    errors: list[ReviewerError] = field(default_factory=list)
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors


ProgressFn = Callable[[int, int, str], None]  # (done, total, current file name)


def extract_for_store(text: str, quality: str = "final") -> list[ClaimDraft]:
    """The claims of ``text`` as drafts for the store (any thread)."""
    from .extraction import extract_claims

    return [
        ClaimDraft(c.start, c.end, c.score, c.checkworthy, c.speaker, c.speaker_start, c.speaker_end, c.kind)
        for c in extract_claims(text, quality=quality)
    ]


def import_paths(
    store: Store,
    paths: Iterable[str | Path],
    *,
    extract: bool = True,
    quality: str = "final",
    progress: ProgressFn | None = None,
    cancelled: Callable[[], bool] | None = None,
    on_added: Callable[[int, str], None] | None = None,
) -> ImportReport:
    """Import files and folders (recursively). Per-file errors are collected, not raised.

    Runs on whichever thread owns ``store``; ``progress``, ``cancelled`` and ``on_added`` (each
    article as soon as it is committed) are called on it.
    """
    from .importers import find_importable

    report = ImportReport()
    files, problems = find_importable(paths)
    report.errors.extend(problems)
    # A library made before signatures existed is signed once, first: a new article is compared
    # with the signed ones only (core.near_duplicates).
    if files:
        store.sign_pending_articles(cancelled=cancelled)
    for done, path in enumerate(files):
        if cancelled is not None and cancelled():
            report.cancelled = True
            break
        if progress is not None:
            progress(done, len(files), path.name)
        try:
            article_id, title = import_file(store, path, extract=extract, quality=quality)
            report.added.append((article_id, title))
            if on_added is not None:
                on_added(article_id, title)
        except DuplicateArticle as dup:
            report.duplicates.append(dup)
        except ReviewerError as err:
            report.errors.append(err)
    if progress is not None and not report.cancelled:
        progress(len(files), len(files), "")
    return report


def import_file(store: Store, path: Path, *, extract: bool = True, quality: str = "final") -> tuple[int, str]:
    from .importers import read_document

    if is_library_file(path, store.path):
        # Reading it with open() would drop this process's SQLite locks on it (see store.base).
        raise ImportFailed(display_name(path), "is this library's own database file, not an article")
    doc = read_document(path)
    return _store_document(store, doc, extract=extract, quality=quality)


def import_text(store: Store, text: str, html: str | None = None, *, quality: str = "final") -> tuple[int, str]:
    """A pasted article (plain text, or HTML when the clipboard has it)."""
    from .importers import read_pasted

    doc = read_pasted(text, html)
    return _store_document(store, doc, extract=True, quality=quality)


def _characters(n: int) -> str:
    if n < 1_000_000:
        return f"{n:,} characters"
    return f"{n / 1_000_000:.1f}".removesuffix(".0") + " million characters"


def check_article_size(name: str, text: str) -> None:
    """Refuse an article longer than ``MAX_ARTICLE_CHARS``, before anything is extracted or stored.

    Raises ``ImportFailed`` naming the file (or title), its size and what to do. Any thread."""
    if len(text) <= MAX_ARTICLE_CHARS:
        return
    size, limit = _characters(len(text)), _characters(MAX_ARTICLE_CHARS)
    if size == limit:  # just over: "2 million" would read as allowed
        size = f"{len(text):,} characters"
    raise ImportFailed(
        name,
        f"is {size}; Reviewer opens articles up to {limit}",
        "split it into parts (at chapter or section breaks) and import the parts",
    )


def _store_document(store: Store, doc: ImportedDocument, *, extract: bool, quality: str) -> tuple[int, str]:
    check_article_size(document_name(doc.source_path, doc.title), doc.text)
    existing = store.find_duplicate(doc.content_hash)
    if existing is not None:
        title = store.get_article(existing).title
        raise DuplicateArticle(document_name(doc.source_path, doc.title), existing, title)
    store.sign_pending_articles()  # once per Store (see import_paths)
    try:
        claims = extract_for_store(doc.text, quality) if extract else []
    except ReviewerError:
        raise
    except Exception as exc:  # extraction is ours: a failure is a bug, but must not lose the import
        raise ImportFailed(
            document_name(doc.source_path, doc.title),
            f"claim extraction failed ({exc})",
            "the article was not imported; please report this",
        ) from exc
    article = store.add_article(doc, claims, extraction=quality if extract else None)
    return article.id, article.title
