"""The report model: which claims and articles a report holds, the cover and the counts."""

from __future__ import annotations

import pytest
from test_reports_data import add_article, sample_library

from reviewer import __version__
from reviewer.core.errors import ReviewerError
from reviewer.core.reports import ReportOptions, build_report


def _texts(report):
    return [c.claim.text for c in report.claims]


def test_whole_library_reviewed_claims_only_by_default(store):
    sample_library(store)
    report = build_report(store, ReportOptions())
    assert _texts(report) == [
        "Unemployment fell to 4.2% last year",
        "Rents doubled since 2015",
        "The harbour will create 3,000 jobs by 2030",
    ]
    assert report.total_claims == report.reviewed_claims == 3
    assert report.reviewers == ("alice", "bob")
    assert report.app_version == __version__
    assert report.title == "Fact-check report"
    counts = {c.key: c.count for c in report.counts}
    assert counts == {"supported": 1, "disputed": 0, "misleading": 1, "unverifiable": 1}


def test_include_unreviewed_adds_them_with_a_label(store):
    sample_library(store)
    report = build_report(store, ReportOptions(include_unreviewed=True))
    unreviewed = [c for c in report.claims if not c.reviewed]
    assert [c.claim.text for c in unreviewed] == ["Officials expect more tourism"]
    assert unreviewed[0].verdict_label == "Unreviewed"
    assert report.counts[-1].key is None and report.counts[-1].count == 1


def test_filters(store):
    a1, a2, c = sample_library(store)
    assert _texts(build_report(store, ReportOptions(verdicts=("misleading",)))) == ["Rents doubled since 2015"]
    assert len(build_report(store, ReportOptions(reviewers=("alice",))).claims) == 2
    today = build_report(store, ReportOptions()).claims[0].review_date
    assert len(build_report(store, ReportOptions(since=today, until=today)).claims) == 3
    assert build_report(store, ReportOptions(until="2000-01-01")).is_empty
    store.set_status(a2.id, "done")
    only_done = build_report(store, ReportOptions(statuses=("done",)))
    assert [a.article.id for a in only_done.articles] == [a2.id]


def test_explicit_articles_keep_order_and_stay_listed_when_empty(store):
    a1, a2, _ = sample_library(store)
    report = build_report(store, ReportOptions(article_ids=(a2.id, a1.id), verdicts=("supported",)))
    assert [a.article.id for a in report.articles] == [a2.id, a1.id]
    assert report.articles[0].claims == ()
    single = build_report(store, ReportOptions(article_ids=(a1.id,)))
    assert single.title == "Fact-check report: Budget row: what the minister said"


def test_empty_library_gives_an_empty_report(store):
    report = build_report(store, ReportOptions())
    assert report.is_empty and report.articles == () and report.period_label == "no reviews"


def test_unknown_article_and_bad_options_raise(store):
    sample_library(store)
    with pytest.raises(ReviewerError, match="no article 999"):
        build_report(store, ReportOptions(article_ids=(999,)))
    with pytest.raises(ReviewerError, match="YYYY-MM-DD"):
        build_report(store, ReportOptions(since="yesterday"))
    with pytest.raises(ReviewerError, match="page size"):
        build_report(store, ReportOptions(page_size="A5"))


def test_organisation_falls_back_to_library_meta(store):
    sample_library(store)
    store.set_meta("organisation", "Library Desk")
    assert build_report(store, ReportOptions()).organisation == "Library Desk"
    assert build_report(store, ReportOptions(organisation="Other")).organisation == "Other"


def test_context_is_the_surrounding_sentence(store):
    sample_library(store)
    claims = {c.claim.text: c for c in build_report(store, ReportOptions(include_unreviewed=True)).claims}
    unemployment = claims["Unemployment fell to 4.2% last year"]
    assert unemployment.before == ""
    assert unemployment.after == ", she said, citing official data."
    rents = claims["Rents doubled since 2015"]
    assert rents.before == '"' and rents.after.startswith(',"')
    assert claims["Officials expect more tourism"].context == "Officials expect more tourism."


def test_long_context_is_trimmed(store):
    words = " ".join(["word"] * 200)
    add_article(
        store, "Long", [f"{words} Inflation hit 9% in May {words}."], [("Inflation hit 9% in May", None, "statistic")]
    )
    claim = build_report(store, ReportOptions(include_unreviewed=True)).claims[0]
    assert claim.before.startswith("…") and claim.after.endswith("…")
    assert len(claim.before) < 300 and len(claim.after) < 300


def test_cancel_stops_building(store):
    sample_library(store)
    with pytest.raises(ReviewerError, match="cancelled"):
        build_report(store, ReportOptions(), cancelled=lambda: True)
