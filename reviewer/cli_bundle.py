"""`reviewer bundle export|import`: review work carried between libraries in one file (issue #18).

Part of the command-line contract (``cli``): data on stdout, messages on stderr, exit 2 on a user
error (a file that is not a bundle it can read, an unknown article or reviewer, a destination that
cannot be written); then nothing is written. ``export`` prints ``<table>\\t<rows>`` per table of the
bundle. ``import`` prints one line per kind of record, ``<kind>\\t<added>\\t<updated>\\t<kept>\\t
<unchanged>\\t<skipped>``, and with ``--dry-run`` one line per article of the bundle, ``article\\t
<new|matched>\\t<claims added>\\t<reviews added>\\t<reviews updated>\\t<evidence added>\\t<title>``;
each skipped item and each version kept back on stderr. Heavy modules load when a command runs.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from .core.errors import EXIT_OK

COMMAND = "bundle"
SHOWN_DETAILS = 200


def add_parser(
    sub: argparse._SubParsersAction,  # type: ignore[type-arg]
    db_option: Callable[[argparse.ArgumentParser], None],
) -> None:
    """Add ``bundle`` and its subcommands to the ``reviewer`` parser."""
    p = sub.add_parser(COMMAND, help="bundles of review work between libraries: export, import")
    inner = p.add_subparsers(dest="bundle_command", metavar="SUBCOMMAND", parser_class=type(p))
    inner.required = True
    q = inner.add_parser("export", help="write articles with their claims, reviews, evidence and history to one file")
    q.add_argument("--out", required=True, metavar="FILE")
    q.add_argument("--article", type=int, action="append", metavar="ID", help="only these articles (repeatable)")
    q.add_argument("--reviewer", action="append", metavar="NAME", help="only reviews by NAME (repeatable)")
    db_option(q)
    q = inner.add_parser("import", help="merge a bundle into the library (one undoable step)")
    q.add_argument("file", metavar="FILE")
    q.add_argument("--dry-run", action="store_true", help="print what would change and change nothing")
    db_option(q)


def run(args: argparse.Namespace) -> int:
    """Run ``reviewer bundle ...``; ReviewerError is left to ``cli.run`` (exit 2)."""
    return {"export": _export, "import": _import}[args.bundle_command](args)


def _export(args: argparse.Namespace) -> int:
    from .cli import _open, _say
    from .core.bundles.export import export_bundle

    with _open(args) as store:
        summary = export_bundle(store, args.out, article_ids=args.article, reviewers=args.reviewer)
    for table, rows in summary.counts.items():
        print(f"{table}\t{rows}")
    for name in summary.missing_files:
        _say(f"attached file {name} is missing from the library's folder; the bundle goes without it")
    _say(summary.summary())
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from .cli import _open, _say
    from .core.bundles.merge import merge_bundle

    with _open(args, create=not args.dry_run) as store:
        report = merge_bundle(store, args.file, dry_run=args.dry_run).report
    for line in report.lines():
        print(line)
    if args.dry_run:
        for article in report.articles:
            print(article.line())
    details = report.details()
    for line in details[:SHOWN_DETAILS]:
        _say(line)
    if len(details) > SHOWN_DETAILS:
        _say(f"… and {len(details) - SHOWN_DETAILS:,} more")
    _say(report.summary())
    return EXIT_OK
