"""The `reviewer` command line. A contract: commands, flags, output shapes and exit codes are fixed.

``reviewer.entry`` dispatches: ``gui`` to the app, every other command to ``run`` here. This
module never imports the app or ``reviewer.ui``; JSON shapes come from ``core.serialize``.

Data goes to stdout, messages to stderr; exit 0 on success, 2 on a user error, never a traceback.
Every message and data line is one line whatever names and titles hold (``core.display``).
Only ``import``, ``bundle import`` (and the app) create a library; the other commands refuse one that does
not exist.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__, cli_bundle, cli_factchecks, cli_similar, cli_team
from .core.display import display_name, display_text, one_line
from .core.domain import STATUSES
from .core.errors import EXIT_OK, EXIT_USER_ERROR, ReviewerError
from .core.formats import FORMATS

COMMANDS = (
    "gui",
    "import",
    "list",
    "show",
    "claims",
    "score",
    "verdict",
    "search",
    "export",
    "backup",
    "restore",
    "reextract",
    cli_factchecks.COMMAND,
    cli_similar.COMMAND,
    cli_bundle.COMMAND,
    *cli_team.COMMANDS,
)
EXPORT_FORMATS = FORMATS  # the reports' own list


class _Parser(argparse.ArgumentParser):
    """argparse that exits with 2 and one clear line (its default is also 2, with usage)."""

    def error(self, message: str) -> None:  # noqa: D401 - argparse API
        self.print_usage(sys.stderr)
        _say(message)
        raise SystemExit(EXIT_USER_ERROR)


def _say(message: object) -> None:
    """One message line on stderr; whatever the message embeds cannot start another line."""
    print(f"reviewer: {display_text(str(message))}", file=sys.stderr)


def _db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="PATH", help="library file (default: $REVIEWER_DB or the user data folder)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="reviewer", description="Reviewer: claims, verdicts and review reports for fact-checkers.")
    parser.add_argument("--version", action="version", version=f"reviewer {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")

    p = sub.add_parser("gui", help="open the desktop app (the default command)")
    _db_option(p)
    p.add_argument("--article", type=int, metavar="ID", help="open this article")
    p.add_argument("--screenshot", metavar="PNG", help="render the main window to PNG and exit")
    p.add_argument("files", nargs="*", metavar="FILE", help="files to import and open")

    p = sub.add_parser("import", help="import files or folders; prints '<id>\\t<title>' per new article")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--no-extract", action="store_true", help="store the text without extracting claims")
    _db_option(p)

    p = sub.add_parser("list", help="articles with review progress")
    p.add_argument("--json", action="store_true")
    p.add_argument("--status", choices=STATUSES)
    _db_option(p)

    p = sub.add_parser("show", help="one article with its claims")
    p.add_argument("article_id", type=int, metavar="ARTICLE_ID")
    p.add_argument("--json", action="store_true")
    _db_option(p)

    p = sub.add_parser("claims", help="extract claims from a file without storing them")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--json", action="store_true", help="JSON lines")
    p.add_argument("--all", action="store_true", help="include sentences that are not check-worthy (text output)")

    sub.add_parser("score", help="score sentences from stdin: '<score>\\t<1|0>' a line")

    p = sub.add_parser("verdict", help="set a claim's verdict (a key of the active scale, or 'none')")
    p.add_argument("claim_id", type=int, metavar="CLAIM_ID")
    p.add_argument("verdict", metavar="VERDICT")
    p.add_argument("--note", help="Markdown note (replaces the current note)")
    p.add_argument("--confidence", type=int, help="0–100")
    p.add_argument(
        "--reviewer", metavar="NAME", help="who is reviewing (default: the name set in the app, else your login name)"
    )
    _db_option(p)

    p = sub.add_parser("search", help="full-text search over titles, articles, claims and notes")
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--json", action="store_true")
    _db_option(p)

    p = sub.add_parser("export", help="write a review report")
    p.add_argument("--format", required=True, choices=EXPORT_FORMATS)
    p.add_argument("--out", required=True, metavar="PATH")
    p.add_argument("--article", type=int, action="append", metavar="ID", help="only these articles (repeatable)")
    p.add_argument("--include-unreviewed", action="store_true", help="also list claims without a verdict")
    p.add_argument("--verdict", action="append", metavar="KEY", help="only claims with this verdict (repeatable)")
    p.add_argument("--reviewer", action="append", metavar="NAME", help="only claims reviewed by NAME (repeatable)")
    p.add_argument("--status", action="append", choices=STATUSES, help="article status")
    p.add_argument("--since", metavar="YYYY-MM-DD", help="reviewed on or after this date")
    p.add_argument("--until", metavar="YYYY-MM-DD", help="reviewed on or before this date")
    p.add_argument("--title", help="report title")
    p.add_argument("--organisation", help="organisation named on the cover and in ClaimReview")
    p.add_argument("--page-size", choices=("A4", "Letter"), default="A4", help="PDF page size")
    p.add_argument(
        "--url-base", metavar="URL", help="ClaimReview: each review's url is URL/claims/<claim id> (http or https)"
    )
    _db_option(p)

    p = sub.add_parser("backup", help="back up the library now (SQLite online backup)")
    p.add_argument("--list", action="store_true", help="list the backups instead")
    _db_option(p)

    p = sub.add_parser("restore", help="replace the library with a backup (the current file is backed up first)")
    p.add_argument("backup", metavar="BACKUP", help="a backup file, or 'latest'")
    _db_option(p)

    p = sub.add_parser("reextract", help="extract claims again (keeps manual and reviewed claims)")
    p.add_argument("article_id", type=int, metavar="ARTICLE_ID")
    _db_option(p)
    cli_factchecks.add_parser(sub, _db_option)
    cli_similar.add_parser(sub, _db_option)
    cli_bundle.add_parser(sub, _db_option)
    cli_team.add_parser(sub, _db_option)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """The `reviewer` command (``reviewer.entry.main``, which also starts the app for ``gui``)."""
    from .entry import main as entry_main

    return entry_main(argv)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line parsed; no command (or files to open) means ``gui``. Exits 2 on a bad one."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if argv and not argv[0].startswith("-") and argv[0] not in COMMANDS and not Path(argv[0]).exists():
        # Neither a command nor a file to open: a typo must not start the desktop app.
        parser.error(f"{argv[0]!r} is not a command or an existing file (commands: {', '.join(COMMANDS)})")
    if not argv or (argv[0] not in COMMANDS and argv[0] not in ("-h", "--help", "--version")):
        argv.insert(0, "gui")
    return parser.parse_args(argv)


def run(args: argparse.Namespace) -> int:
    """Run one parsed command other than ``gui``; returns the exit code, never raises."""
    try:
        return _COMMANDS[args.command](args)
    except ReviewerError as err:
        _say(err)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        _say("interrupted")
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except sqlite3.DatabaseError as exc:  # damage found after the library opened
        from .core.store import library_error

        _say(library_error(Path(args.db) if getattr(args, "db", None) else None, exc))
        return EXIT_USER_ERROR
    except Exception as exc:  # a bug: still one line for the person, details for the report
        _say(f"internal error ({type(exc).__name__}: {exc}). Please report this.")
        return 1


def _open(args, *, create: bool = False, reviewer: str | None = None):
    """The library of ``--db`` (or the default one), acting as the reviewer the person chose.

    Only ``import`` passes ``create``: every other command reads or changes records that must
    already exist, so a mistyped path is refused (exit 2) instead of becoming an empty library.
    The reviewer recorded for changes is ``reviewer`` (``verdict --reviewer``), else the name set
    in the app (library meta ``reviewer_name``), else the login name.
    """
    from .core.library import open_library

    store = open_library(getattr(args, "db", None), reviewer=reviewer, create=create)
    if not reviewer:
        try:
            named = (store.get_meta("reviewer_name") or "").strip()
        except BaseException:
            store.close()
            raise
        if named:
            store.reviewer = named
    return store


def _print_json(data) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def cmd_import(args) -> int:
    from .core.ingest import import_paths

    def added(article_id: int, title: str) -> None:  # printed as each article is committed
        print(f"{article_id}\t{_one_line(title)}", flush=True)
        near = store.near_duplicate_of(article_id)
        if near is not None:
            _say(f'note: {article_id} is a near-duplicate of {near.original_id} "{_one_line(near.original_title)}"')

    with _open(args, create=True) as store:
        report = import_paths(store, args.paths, extract=not args.no_extract, on_added=added)
    for dup in report.duplicates:
        _say(dup)
    for err in report.errors:
        _say(err)
    if report.errors:
        _say(f"{len(report.added)} imported, {len(report.duplicates)} duplicate(s), {len(report.errors)} failed")
        return EXIT_USER_ERROR
    return EXIT_OK


def cmd_list(args) -> int:
    from .core.serialize import summary_json

    with _open(args) as store:
        rows = store.list_articles(status=args.status)
    if args.json:
        _print_json([summary_json(r) for r in rows])
    else:
        for r in rows:
            print(f"{r.id}\t{r.status}\t{r.claims_reviewed}/{r.claims_total}\t{_one_line(r.title)}")
    return EXIT_OK


def cmd_show(args) -> int:
    from .core.serialize import show_json

    with _open(args) as store:
        article = store.get_article(args.article_id)
        claims = store.claims_for_article(article.id)
        evidence = store.evidence_for_claims([c.id for c in claims])
        scale = store.active_scale()
        near = store.near_duplicate_of(article.id)
    if args.json:
        _print_json(show_json(article, claims, evidence, near))
        return EXIT_OK
    print(_one_line(article.title))
    meta = " · ".join(x for x in (article.source, article.author, article.published, article.url) if x)
    if meta:
        print(_one_line(meta))
    if near is not None:
        print(f"Near-duplicate of: {near.original_id} {_one_line(near.original_title)}")
    print()
    for c in claims:
        if not c.checkworthy or c.dismissed:
            continue
        verdict = scale.get(c.verdict).label if scale.get(c.verdict) else (c.verdict or "unreviewed")
        print(f"[{c.id}] {_one_line(verdict)} · {c.kind} · {c.score:.2f} · {_one_line(c.speaker or 'article')}")
        print(f"    {_one_line(c.text)}")
    return EXIT_OK


def cmd_claims(args) -> int:
    from .core.extraction import extract_claims
    from .core.importers import read_document
    from .core.serialize import extracted_json

    doc = read_document(args.file)
    claims = extract_claims(doc.text)
    for c in claims:
        if args.json:
            print(json.dumps(extracted_json(c), ensure_ascii=False))
        elif c.checkworthy or args.all:
            print(
                f"{c.start}\t{c.end}\t{c.score:.3f}\t{int(c.checkworthy)}\t{_one_line(c.speaker)}\t{c.kind}\t"
                f"{_one_line(c.text)}"
            )
    return EXIT_OK


def cmd_score(args) -> int:
    from .core.extraction import DEFAULT_THRESHOLD, score_sentences

    lines = [line.rstrip("\r\n") for line in sys.stdin]
    scores = score_sentences(lines) if lines else []
    out = sys.stdout
    for score in scores:
        out.write(f"{score:.4f}\t{int(score >= DEFAULT_THRESHOLD)}\n")
    out.flush()
    return EXIT_OK


def cmd_verdict(args) -> int:
    from .core.serialize import verdict_json

    verdict = None if args.verdict.lower() == "none" else args.verdict
    with _open(args, reviewer=args.reviewer) as store:
        kwargs = {"verdict": verdict}  # the store refuses a verdict that is not on the active scale
        if args.note is not None:
            kwargs["note"] = args.note
        if args.confidence is not None:
            kwargs["confidence"] = args.confidence
        review = store.set_review(args.claim_id, **kwargs)
        claim = store.get_claim(args.claim_id)
    # Printed only now: set_review returned after COMMIT.
    _print_json(verdict_json(claim, review))
    return EXIT_OK


def cmd_search(args) -> int:
    _import_store_without_numpy()
    from .core.serialize import hit_json

    with _open(args) as store:
        hits = store.search(args.query)
    if args.json:
        _print_json([hit_json(h) for h in hits])
    else:
        for h in hits:
            target = f"claim {h.claim_id}" if h.claim_id else "article"
            print(f"{h.article_id}\t{target}\t{h.where}\t{_one_line(h.title)}\t{_one_line(h.snippet)}")
    return EXIT_OK


def _import_store_without_numpy() -> None:
    """Load sqlite-utils (under the store) without letting it import numpy, when that is installed.

    sqlite-utils uses numpy only to map numpy values on insert, which a search never does;
    importing it is about a third of a search's time (issue 16). Only in a fresh process:
    once sqlite-utils or numpy is loaded there is nothing to save.
    """
    if "sqlite_utils" in sys.modules or "numpy" in sys.modules:
        return
    sys.modules["numpy"] = None  # type: ignore[assignment]  # makes `import numpy` raise ImportError
    try:
        import sqlite_utils  # noqa: F401
    finally:
        del sys.modules["numpy"]


def cmd_export(args) -> int:
    from .core.export import UnknownVerdictFilter, export_report
    from .core.reports import ReportOptions
    from .core.reports.model import clean_url_base

    url_base = clean_url_base(args.url_base)  # a bad address exits 2 before the library is opened
    options = ReportOptions(
        article_ids=tuple(args.article or ()),
        include_unreviewed=args.include_unreviewed,
        verdicts=tuple(args.verdict or ()),
        reviewers=tuple(args.reviewer or ()),
        statuses=tuple(args.status or ()),
        since=args.since,
        until=args.until,
        title=args.title,
        organisation=args.organisation,
        page_size=args.page_size,
        url_base=url_base,
    )
    if args.format == "pdf":  # Qt's PDF writer (reviewer.pdf_qt), loaded only for a PDF
        from .pdf_qt import register

        register()
    with _open(args) as store:
        try:
            path = export_report(store, args.format, Path(args.out), options)
        except UnknownVerdictFilter as exc:
            raise ReviewerError(f"{exc} Unreviewed claims are included with --include-unreviewed.") from exc
    print(display_name(path))
    if args.format in ("claimreview", "html") and url_base is None:
        _say(
            "note: no --url-base, so the ClaimReview reviews have no url, which Google's Fact Check Tools and "
            "ClaimReview markup require"
        )
    return EXIT_OK


def _print_backups(backups) -> None:
    for b in backups:
        print(f"{display_name(b.path)}\t{b.taken_at.isoformat(timespec='seconds')}\t{b.reason}\t{b.size}")


def cmd_backup(args) -> int:
    from .core.backup import backups_dir, list_backups
    from .core.library import library_missing, no_library_error, resolve_library_path

    library = resolve_library_path(args.db)
    if args.list and library_missing(library) and backups_dir(library).is_dir():
        # The library was lost but its backups were not: list them, to restore one.
        _print_backups(list_backups(library))
        return EXIT_OK
    if library_missing(library):
        raise no_library_error(library)
    with _open(args) as store:
        if args.list:
            _print_backups(list_backups(store.path))
            return EXIT_OK
        print(display_name(store.take_backup("manual")))
    return EXIT_OK


def cmd_restore(args) -> int:
    from .core.backup import RestoreBlocked, backups_dir, list_backups, restore_backup
    from .core.library import library_missing, no_library_error, resolve_library_path

    library = resolve_library_path(args.db)
    if library_missing(library) and not backups_dir(library).is_dir():
        # A library that was lost can be restored from its backups; a mistyped path has none.
        raise no_library_error(library)
    if args.backup == "latest":
        backups = list_backups(library)
        if not backups:
            raise ReviewerError(f"There are no backups of {display_name(library)}.")
        source = backups[0].path
    else:
        source = Path(args.backup)
        if not source.is_file():
            raise ReviewerError(f"{display_name(source)}: no such backup file.")
    try:
        restore_backup(source, library)
    except RestoreBlocked as exc:  # say how to retry from the command line
        raise ReviewerError(
            f"{exc.reason} {exc.HELD} run: reviewer restore --db {_shell_arg(exc.library)} {_shell_arg(exc.backup)}"
        ) from exc
    print(display_name(library))
    return EXIT_OK


def _shell_arg(path: Path) -> str:
    """``path`` as one argument of a command line a person can paste (bash quoting for odd names)."""
    shown = display_name(path)
    return shown if shown != str(path) else f'"{path}"'


def cmd_reextract(args) -> int:
    from .core.ingest import extract_for_store

    with _open(args) as store:
        article = store.get_article(args.article_id)
        added, removed = store.reextract_claims(article.id, extract_for_store(article.text), extraction="final")
        kept = len(store.claims_for_article(article.id)) - len(added)
    # stdout: data (README); stderr: what it means.
    print(f"{article.id}\t{len(added)}")
    _say(
        f"article {article.id}: {_count(len(added), 'claim')} extracted, {_count(len(removed), 'automatic claim')} "
        f"replaced, {kept} kept (manual, reviewed, dismissed or with evidence)"
    )
    return EXIT_OK


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


_one_line = one_line  # a field of a data line (core.display.one_line)


_COMMANDS = {
    "import": cmd_import,
    "list": cmd_list,
    "show": cmd_show,
    "claims": cmd_claims,
    "score": cmd_score,
    "verdict": cmd_verdict,
    "search": cmd_search,
    "export": cmd_export,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "reextract": cmd_reextract,
    cli_factchecks.COMMAND: cli_factchecks.run,
    cli_similar.COMMAND: cli_similar.run,
    cli_bundle.COMMAND: cli_bundle.run,
    **dict.fromkeys(cli_team.COMMANDS, cli_team.run),
}


if __name__ == "__main__":
    sys.exit(main())
