"""Reports of a library with colleagues' reviews (#18): the effective verdict, disagreements,
final decisions and agreement in every format; a library without colleagues reads as before."""

from __future__ import annotations

import csv
import io
import json

import jsonschema
import pytest
from test_reports_data import add_article

from reviewer.core.agreement import agreement
from reviewer.core.reports import ReportOptions, build_report, render
from reviewer.core.reports.claimreview import claim_reviews
from reviewer.core.reports.csv_report import COLUMNS
from reviewer.core.reports.json_report import SCHEMA_PATH
from reviewer.core.reports.rich_html import render_rich_html

T0 = "2024-05-01T10:00:00Z"
HOSTILE_NAME = "<script>alert(1)</script>|=cmd"


def team_library(store):
    """One article, four claims: ana (this library) and bob reviewed all; they disagree on two,
    one of which an editor settled; a hostile-named colleague reviewed one."""
    store.adopt_reviewer_name("ana")
    article = add_article(
        store,
        "Council budget",
        ["Taxes rose by 5% this year. Rents fell by a tenth. Crime doubled. Parks closed on Sundays."],
        [
            ("Taxes rose by 5% this year", None, "statistic"),
            ("Rents fell by a tenth", None, "statistic"),
            ("Crime doubled", None, "statistic"),
            ("Parks closed on Sundays", None, "other"),
        ],
    )
    c = [claim.id for claim in store.claims_for_article(article.id)]
    for claim_id, own, peer in zip(
        c, ["supported", "supported", "disputed", "misleading"], ["supported", "disputed", "misleading", "misleading"]
    ):
        store.set_review(claim_id, verdict=own, confidence=70)
        store.upsert_peer_review(claim_id, "bob", verdict=peer, confidence=40, updated_at=T0)
    store.upsert_peer_review(c[0], HOSTILE_NAME, verdict="supported", updated_at=T0)
    store.set_final_decision_change(c[1], "disputed", "The statistics office revised the figure.", who="editor")
    return article, c


def _report(store):
    return build_report(store, ReportOptions(include_unreviewed=True))


def test_the_effective_verdict_is_the_final_decision_in_every_count_and_format(store):
    _, c = team_library(store)
    report = _report(store)
    by_id = {rc.claim.id: rc for rc in report.claims}
    assert by_id[c[1]].claim.verdict == "disputed" and by_id[c[1]].verdict_label == "Disputed"
    assert by_id[c[1]].decision.decided_by == "editor"
    assert store.get_review(c[1]).verdict == "supported"  # the own review is untouched
    assert {k.key: k.count for k in report.counts if k.count} == {"supported": 1, "disputed": 2, "misleading": 1}
    rows = list(csv.DictReader(io.StringIO(render(report, "csv").decode("utf-8-sig"))))
    assert [r["verdict"] for r in rows] == ["supported", "disputed", "disputed", "misleading"]
    [review] = [r for r in claim_reviews(report) if r["claimReviewed"] == "Rents fell by a tenth"]
    assert review["reviewRating"]["alternateName"] == "Disputed"
    only_disputed = build_report(store, ReportOptions(verdicts=("disputed",)))
    assert [rc.claim.id for rc in only_disputed.claims] == [c[1], c[2]]


def test_markdown_html_and_pdf_text_say_who_disagrees_the_decision_and_the_agreement(store):
    _, c = team_library(store)
    report = _report(store)
    md = render(report, "md")
    assert "## Agreement between reviewers" in md
    assert "Reviewers disagree: ana: Supported; bob: Disputed" in md
    assert "Final decision: **" not in md and "Final decision: Disputed, by editor" in md
    assert "The statistics office revised the figure." in md
    assert "- Reviews: ana: Misleading; bob: Misleading" in md  # agreement is shown too, not flagged
    figures = agreement({cid: row for cid, row in store.verdict_table()[report.articles[0].article.id].items()})
    assert report.articles[0].agreement == figures == report.agreement
    assert f"{figures.percentage:.1f}%" in md and f"{figures.alpha:.3f}" in md
    html = render(report, "html")
    assert "<h3>Agreement between reviewers</h3>" in html and "Krippendorff" in html
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in md
    rich = render_rich_html(report)  # what the PDF is laid out from
    assert "Agreement between reviewers" in rich and "Reviewers disagree" in rich and "Final decision" in rich


def test_csv_keeps_its_columns_then_adds_per_reviewer_verdicts(store):
    _, c = team_library(store)
    data = render(_report(store), "csv").decode("utf-8-sig")
    header, *rows = list(csv.reader(io.StringIO(data)))
    assert tuple(header[: len(COLUMNS)]) == COLUMNS
    names = sorted(["ana", "bob", HOSTILE_NAME], key=str.casefold)
    assert header[len(COLUMNS) :] == ["reviewers_disagree", "final_decision_by", *(f"verdict:{n}" for n in names)]
    extra = [dict(zip(header[len(COLUMNS) :], row[len(COLUMNS) :])) for row in rows]
    assert [e["reviewers_disagree"] for e in extra] == ["", "yes", "yes", ""]
    assert [e["final_decision_by"] for e in extra] == ["", "editor", "", ""]
    assert [e["verdict:bob"] for e in extra] == ["supported", "disputed", "misleading", "misleading"]
    assert [e["verdict:ana"] for e in extra] == ["supported", "supported", "disputed", "misleading"]
    assert [e[f"verdict:{HOSTILE_NAME}"] for e in extra] == ["supported", "", "", ""]


def test_json_carries_reviews_decisions_and_agreement_and_matches_its_schema(store):
    article, c = team_library(store)
    data = json.loads(render(_report(store), "json"))
    jsonschema.validate(data, json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))
    claims = data["articles"][0]["claims"]
    assert claims[1]["verdict"] == "disputed"
    assert claims[1]["reviews"] == [
        {"reviewer": "ana", "verdict": "supported", "confidence": 70, "updated_at": store.get_review(c[1]).updated_at},
        {"reviewer": "bob", "verdict": "disputed", "confidence": 40, "updated_at": T0},
    ]
    assert claims[1]["final_decision"]["decided_by"] == "editor"
    assert claims[0]["final_decision"] is None and len(claims[0]["reviews"]) == 3
    figures = data["articles"][0]["agreement"]
    assert figures["reviewers"] == sorted(["ana", "bob", HOSTILE_NAME]) and figures["claims"] == 4
    assert figures["kappa"] is None and figures["kappa_undefined"] == "Cohen's kappa compares exactly two reviewers"
    assert data["agreement"] == figures


@pytest.mark.parametrize("fmt", ["md", "html", "csv", "json"])
def test_a_library_without_colleagues_reads_as_before(store, fmt):
    article = add_article(
        store, "Solo", ["Taxes rose by 5% this year. Rents fell."], [("Taxes rose by 5% this year", None, "statistic")]
    )
    [claim] = store.claims_for_article(article.id)
    store.set_review(claim.id, verdict="supported", note="checked")
    report = _report(store)
    assert report.agreement is None and report.articles[0].agreement is None
    out = render(report, fmt)
    text = out.decode("utf-8-sig") if isinstance(out, bytes) else out
    assert "Agreement" not in text and "disagree" not in text
    if fmt == "csv":
        assert tuple(next(csv.reader(io.StringIO(text)))) == COLUMNS
    if fmt == "json":
        data = json.loads(text)
        assert data["agreement"] is None and data["articles"][0]["agreement"] is None
        assert data["articles"][0]["claims"][0]["reviews"] == [
            {
                "reviewer": "tester",
                "verdict": "supported",
                "confidence": None,
                "updated_at": store.get_review(claim.id).updated_at,
            }
        ]
        assert data["articles"][0]["claims"][0]["final_decision"] is None


def test_a_decision_on_a_claim_without_an_own_review_is_reported_as_reviewed(store):
    article = add_article(
        store,
        "Peers only",
        ["Taxes rose by 5% this year. Rents fell."],
        [("Taxes rose by 5% this year", None, "statistic")],
    )
    [claim] = store.claims_for_article(article.id)
    store.upsert_peer_review(claim.id, "bob", verdict="supported", updated_at=T0)
    store.upsert_peer_review(claim.id, "cleo", verdict="disputed", updated_at=T0)
    assert build_report(store, ReportOptions()).is_empty  # colleagues' verdicts alone are not the verdict
    store.set_final_decision_change(claim.id, "disputed", who="editor")
    [rc] = build_report(store, ReportOptions()).claims
    assert rc.reviewed and rc.claim.verdict == "disputed" and rc.claim.review.reviewer == "editor"
    assert rc.disagree
