"""`reviewer agreement` and `reviewer decide`: team review from the command line (#18).

Part of the command-line contract (``cli``): data on stdout, messages on stderr, exit 2 on a user
error.

``agreement [--article ID] [--json]`` prints, per article with verdicts, ``<article id>\\t<title>\\t
<reviewers>\\t<claims reviewed by 2+>\\t<% agreement>\\t<kappa>\\t<alpha>`` and last a line ``all\\t…``
over those articles; a figure that is undefined is written ``undefined`` (kappa: ``-`` unless
exactly two reviewers) and the reason goes to stderr. ``--json``: ``{"articles": [{"id", "title",
<figures>}], "all": <figures>}`` with the figures as in the JSON report (``core.serialize``).

``decide CLAIM_ID VERDICT [--note TEXT] [--reviewer NAME]`` records an editor's final decision (a
key of the active scale; ``none`` removes it) and prints it as JSON: ``{"claim_id", "article_id",
"final_decision"}``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING

from .core.display import display_text
from .core.errors import EXIT_OK

if TYPE_CHECKING:
    from .core.agreement import Agreement

COMMANDS = ("agreement", "decide")


def add_parser(
    sub: argparse._SubParsersAction,  # type: ignore[type-arg]
    db_option: Callable[[argparse.ArgumentParser], None],
) -> None:
    """Add ``agreement`` and ``decide`` to the ``reviewer`` parser."""
    p = sub.add_parser(
        "agreement", help="agreement between reviewers: %% agreement, Cohen's kappa, Krippendorff's alpha"
    )
    p.add_argument("--article", type=int, metavar="ID", help="only this article")
    p.add_argument("--json", action="store_true")
    db_option(p)
    p = sub.add_parser("decide", help="record the final decision on a claim where reviewers disagree")
    p.add_argument("claim_id", type=int, metavar="CLAIM_ID")
    p.add_argument("verdict", metavar="VERDICT", help="a key of the active scale, or 'none' to remove the decision")
    p.add_argument("--note", default="", help="why (plain text or Markdown)")
    p.add_argument(
        "--reviewer", metavar="NAME", help="who decides (default: the name set in the app, else your login name)"
    )
    db_option(p)


def run(args: argparse.Namespace) -> int:
    """Run ``reviewer agreement`` or ``reviewer decide``; ReviewerError is left to ``cli.run`` (exit 2)."""
    return _agreement(args) if args.command == "agreement" else _decide(args)


def _agreement(args: argparse.Namespace) -> int:
    from .cli import _open, _print_json, _say
    from .core.agreement import agreement
    from .core.serialize import agreement_json

    with _open(args) as store:
        if args.article is not None:
            articles = {args.article: store.get_article(args.article).title}  # NotFound: exit 2
        else:
            articles = {}
        table = store.verdict_table(list(articles) if articles else None)
        if not articles:
            articles = {a: store.get_article(a).title for a in table}
        colleagues = store.has_peer_reviews()
    per_article = {a: agreement(table.get(a, {})) for a in articles}
    overall = agreement({claim: row for rows in table.values() for claim, row in rows.items()})
    if args.json:
        _print_json(
            {
                "articles": [
                    {"id": a, "title": title, **(agreement_json(per_article[a]) or {})} for a, title in articles.items()
                ],
                "all": agreement_json(overall),
            }
        )
    else:
        for a, title in articles.items():
            print(_line(str(a), title, per_article[a]))
        print(_line("all", "all articles" if args.article is None else articles[args.article], overall))
    if not colleagues:
        _say("this library holds no colleague's reviews: import their bundle (reviewer bundle import FILE)")
    elif overall.alpha_undefined:
        _say(f"alpha undefined: {overall.alpha_undefined}")
    return EXIT_OK


def _line(key: str, title: str, figures: Agreement) -> str:
    from .core.agreement import format_figure

    kappa = format_figure(figures.kappa) if len(figures.reviewers) == 2 else "-"
    return "\t".join(
        (
            key,
            _one_line(title),
            _one_line(", ".join(figures.reviewers)),
            str(figures.claims),
            format_figure(figures.percentage, percent=True),
            kappa,
            format_figure(figures.alpha),
        )
    )


def _decide(args: argparse.Namespace) -> int:
    from .cli import _open, _print_json
    from .core.serialize import decision_json

    with _open(args, reviewer=args.reviewer) as store:
        if args.verdict.strip().lower() == "none":
            store.clear_final_decision_change(args.claim_id)
        else:
            store.set_final_decision_change(args.claim_id, args.verdict, args.note)
        decision = store.final_decision(args.claim_id)
        article_id = store.get_claim(args.claim_id).article_id
    # Printed only now: the decision was committed.
    _print_json({"claim_id": args.claim_id, "article_id": article_id, "final_decision": decision_json(decision)})
    return EXIT_OK


def _one_line(text: str | None) -> str:
    """A field of a data line: whitespace folded, controls and bidi controls escaped."""
    return display_text(" ".join((text or "").split()))
