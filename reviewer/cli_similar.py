"""`reviewer similar [TEXT] [--stdin] [--top N] [--json] [--db PATH]`: "seen before" from the command line.

Part of the command-line contract (``cli``). For TEXT, or with ``--stdin`` for each non-blank line of
standard input, the best matching fact-check records and reviewed claims of the library. ``--json``
prints one line per query: ``{"query": TEXT, "matches": [{"source": "factcheck"|"review", "id", "text",
"score", "verdict", "url", "publisher", "date"}]}``, best first. Plain output is one match a line,
``<score>\\t<source>\\t<id>\\t<verdict>\\t<publisher or date>\\t<text>``, each field on one line and
terminal-safe; with ``--stdin`` each query's matches follow a ``> <query>`` line. Exit 2 on a user error
(no library, no query, a query without words: its line still gets an empty result, the rest run).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable

from .core.display import one_line
from .core.errors import EXIT_OK, EXIT_USER_ERROR, ReviewerError

COMMAND = "similar"
MAX_TOP = 100


def add_parser(
    sub: argparse._SubParsersAction,  # type: ignore[type-arg]
    db_option: Callable[[argparse.ArgumentParser], None],
) -> None:
    """Add ``similar`` to the ``reviewer`` parser."""
    p = sub.add_parser(COMMAND, help="fact-checks and reviewed claims similar to a text ('seen before')")
    p.add_argument("text", nargs="?", metavar="TEXT", help="the text to match (or --stdin)")
    p.add_argument("--stdin", action="store_true", help="match each line of standard input")
    p.add_argument("--top", type=int, default=5, metavar="N", help=f"matches per query (1-{MAX_TOP}, default 5)")
    p.add_argument("--json", action="store_true", help="one JSON line per query")
    db_option(p)


def run(args: argparse.Namespace) -> int:
    """Run ``reviewer similar``; ReviewerError is left to ``cli.main`` (exit 2)."""
    from .cli import _open, _say

    if args.stdin == (args.text is not None):
        raise ReviewerError("Give the text to match, or --stdin to match each line of standard input (not both).")
    if not 1 <= args.top <= MAX_TOP:
        raise ReviewerError(f"--top must be between 1 and {MAX_TOP}.")
    queries = _stdin_lines() if args.stdin else [args.text]
    if not queries:
        raise ReviewerError("Nothing to match: standard input has no lines.")
    from .core.matching import EmptyQuery, similar

    failed = 0
    with _open(args) as store:
        for query in queries:
            try:
                matches = similar(store, query, args.top)
            except EmptyQuery as exc:
                if not args.stdin:
                    raise
                _say(f"{exc} ({one_line(query)[:80]!r})")
                failed += 1
                matches = []
            if args.json:
                sys.stdout.write(
                    json.dumps({"query": query, "matches": [m.as_json() for m in matches]}, ensure_ascii=False) + "\n"
                )
                continue
            if args.stdin:
                print(f"> {one_line(query)}")
            for m in matches:
                where = m.publisher if m.source == "factcheck" else m.date
                print(
                    f"{m.score:.3f}\t{m.source}\t{m.id}\t{one_line(m.verdict) or '-'}\t{one_line(where) or '-'}"
                    f"\t{one_line(m.text)}"
                )
            sys.stdout.flush()
    return EXIT_USER_ERROR if failed else EXIT_OK


def _stdin_lines() -> list[str]:
    raw = getattr(sys.stdin, "buffer", None)  # bytes, so that a stray invalid byte cannot stop the run
    data = raw.read().decode("utf-8", errors="replace") if raw is not None else sys.stdin.read()
    return [line.strip() for line in data.splitlines() if line.strip()]
