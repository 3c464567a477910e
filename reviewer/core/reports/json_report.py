"""The ``json`` format: a complete, versioned report another library can be rebuilt from.

Shape: ``report.schema.json`` next to this module (JSON Schema 2020-12). Top level:
``schema`` ("reviewer-report"), ``version`` (1), ``generated_at``, ``app_version``, ``title``,
``organisation``, ``reviewers``, ``period`` {from, to}, ``options`` (the filters used),
``filters`` (human descriptions), ``scale`` (the active verdict scale, every verdict with its
colour and rating), ``verdicts`` (every verdict key used in the report, with the scale that
defines it), ``summary`` {claims, reviewed, counts[]} and ``articles`` — each article as
``reviewer show --json`` prints it (full text, blocks, metadata), its ``claims`` limited to the
ones in the report, each claim with its span, review, evidence and the ``context`` sentence.

Team review (#18), additive: each claim's ``verdict`` is its effective verdict (the final
decision where there is one), and it carries ``reviews`` (every reviewer's: reviewer, verdict,
confidence, updated_at) and ``final_decision`` (or null); each article and the summary carry
``agreement`` (null when the library holds no colleague's review): the report's over all its
articles at the top level.
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Any

from ..domain import VerdictScale
from ..serialize import agreement_json, article_json, decision_json
from .common import json_text
from .model import Report, VerdictCount

SCHEMA_NAME = "reviewer-report"
SCHEMA_VERSION = 1
SCHEMA_PATH = Path(__file__).with_name("report.schema.json")


def scale_json(scale: VerdictScale) -> dict[str, Any]:
    return {
        "id": scale.id,
        "name": scale.name,
        "best_rating": scale.best_rating,
        "worst_rating": scale.worst_rating,
        "conclusion_only": scale.conclusion_only,
        "verdicts": [
            {
                "key": v.key,
                "label": v.label,
                "color": v.color,
                "rating_value": v.rating_value,
                "alternate_name": v.alternate_name,
                "description": v.description,
            }
            for v in scale.verdicts
        ],
    }


def _count_json(c: VerdictCount) -> dict[str, Any]:
    return {"verdict": c.key, "label": c.label, "color": c.color, "count": c.count}


def report_json(report: Report) -> dict[str, Any]:
    """The report as plain JSON data (dicts, lists, strings, numbers)."""
    articles = []
    used: dict[str, dict[str, Any]] = {}
    for ra in report.articles:
        claims = [rc.claim for rc in ra.claims]
        evidence = {rc.claim.id: list(rc.evidence) for rc in ra.claims}
        data = article_json(ra.article, claims, evidence)
        for claim_data, rc in zip(data["claims"], ra.claims):
            claim_data["verdict_label"] = rc.verdict_label if rc.reviewed else None
            claim_data["context"] = {"before": rc.before, "after": rc.after}
            claim_data["reviews"] = [
                {"reviewer": r.reviewer, "verdict": r.verdict, "confidence": r.confidence, "updated_at": r.updated_at}
                for r in rc.reviews
            ]
            claim_data["final_decision"] = decision_json(rc.decision)
            if rc.verdict is not None and rc.verdict.key not in used:
                used[rc.verdict.key] = {
                    "key": rc.verdict.key,
                    "label": rc.verdict.label,
                    "color": rc.verdict.color,
                    "rating_value": rc.verdict.rating_value,
                    "scale": rc.scale.id if rc.scale else None,
                }
        data["counts"] = [_count_json(c) for c in ra.counts]
        data["agreement"] = agreement_json(ra.agreement)
        articles.append(data)
    options = asdict(report.options)
    for key in ("article_ids", "verdicts", "reviewers", "statuses"):
        options[key] = list(options[key])
    return {
        "schema": SCHEMA_NAME,
        "version": SCHEMA_VERSION,
        "generated_at": report.generated_at,
        "app_version": report.app_version,
        "title": report.title,
        "organisation": report.organisation or None,
        "reviewers": list(report.reviewers),
        "period": {"from": report.period[0], "to": report.period[1]},
        "options": options,
        "filters": list(report.filters),
        "scale": scale_json(report.scale),
        "verdicts": list(used.values()),
        "summary": {
            "claims": report.total_claims,
            "reviewed": report.reviewed_claims,
            "counts": [_count_json(c) for c in report.counts],
        },
        "agreement": agreement_json(report.agreement),
        "articles": articles,
    }


def render_json(report: Report) -> str:
    return json_text(report_json(report))
