"""`reviewer factchecks import|list|remove`: fact-check collections from the command line.

Part of the command-line contract (``cli``): data on stdout, messages on stderr, exit 2 on a user
error. ``import`` prints one line per file on stdout (``<collection>\\t<imported>\\t<duplicates>\\t
<skipped>``) and, on stderr, each skipped row with its line number and a summary; it exits 2 when a
file could not be imported (the other files still are). ``list`` prints ``<name>\\t<records>\\t
<created>\\t<source>`` per collection (``--json``: a list of objects). ``remove`` prints the number
of records removed. Heavy modules are imported when a command runs, not when ``cli`` loads.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from .core.display import display_text
from .core.errors import EXIT_OK, EXIT_USER_ERROR

COMMAND = "factchecks"


def add_parser(
    sub: argparse._SubParsersAction,  # type: ignore[type-arg]
    db_option: Callable[[argparse.ArgumentParser], None],
) -> None:
    """Add ``factchecks`` and its subcommands to the ``reviewer`` parser."""
    p = sub.add_parser(COMMAND, help="fact-check collections: import, list, remove")
    inner = p.add_subparsers(dest="factchecks_command", metavar="SUBCOMMAND", parser_class=type(p))
    inner.required = True
    q = inner.add_parser("import", help="import ClaimReview JSON/JSON-LD, HTML, JSON lines or CSV/TSV files")
    q.add_argument("files", nargs="+", metavar="FILE")
    q.add_argument("--collection", metavar="NAME", help="collection to import into (default: each file's name)")
    db_option(q)
    q = inner.add_parser("list", help="collections with their number of fact-checks")
    q.add_argument("--json", action="store_true")
    db_option(q)
    q = inner.add_parser("remove", help="remove a collection and its fact-checks")
    q.add_argument("name", metavar="NAME")
    db_option(q)


def run(args: argparse.Namespace) -> int:
    """Run ``reviewer factchecks ...``; ReviewerError is left to ``cli.main`` (exit 2)."""
    return {"import": _import, "list": _list, "remove": _remove}[args.factchecks_command](args)


def _import(args: argparse.Namespace) -> int:
    from .cli import _open, _say
    from .core.factchecks.files import import_factcheck_files

    if args.collection is not None and not args.collection.strip():
        _say("--collection needs a name")
        return EXIT_USER_ERROR
    with _open(args, create=True) as store:
        report = import_factcheck_files(store, args.files, args.collection)
    for f in report.files:
        print(f"{_one_line(f.collection)}\t{f.imported}\t{f.duplicates}\t{len(f.problems)}")
    for f in report.files:
        for problem in f.problems[:50]:
            _say(f"{f.label}: {problem} (skipped)")
        if len(f.problems) > 50:
            _say(f"{f.label}: {len(f.problems) - 50:,} more rows skipped")
    for error in report.errors:
        _say(error)
    _say(report.summary())
    return EXIT_USER_ERROR if report.errors else EXIT_OK


def _list(args: argparse.Namespace) -> int:
    from .cli import _open, _print_json

    with _open(args) as store:
        collections = store.factcheck_collections()
    if args.json:
        _print_json(
            [{"name": c.name, "records": c.count, "created": c.created, "source": c.source} for c in collections]
        )
    else:
        for c in collections:
            print(f"{_one_line(c.name)}\t{c.count}\t{c.created}\t{_one_line(c.source)}")
    return EXIT_OK


def _remove(args: argparse.Namespace) -> int:
    from .cli import _open, _say

    with _open(args) as store:
        removed = store.remove_factcheck_collection(args.name)
    print(removed)
    _say(f"collection {args.name.strip()!r} removed ({removed:,} fact-check{'' if removed == 1 else 's'})")
    return EXIT_OK


def _one_line(text: str | None) -> str:
    """A field of a data line: whitespace folded, controls and bidi controls escaped."""
    return display_text(" ".join((text or "").split()))
