"""A claim's kind reads the same in the claims list, the claim card and every report (one home:
``core.domain.kind_label``); they once said "Causal", "Cause and effect" and "Claim"/"Other"."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reviewer.core.reports import ReportOptions, build_report
from reviewer.core.reports.facts import claim_facts
from reviewer.ui.claims_model import COL_KIND
from tests.ui.conftest import Draft, Doc


def test_the_desk_and_the_reports_name_kinds_alike(desk, store):
    text = "Prices rose because wages rose. Something else happened."
    first, second = text.index("Prices"), text.index("Something")
    store.add_article(
        Doc("Kinds", text), [Draft(first, second - 1, kind="causal"), Draft(second, len(text), kind="other")]
    )
    window = desk()
    model = window.claims.model
    shown = [model.data(model.index(row, COL_KIND), Qt.ItemDataRole.DisplayRole) for row in range(2)]
    assert shown == ["Cause and effect", "Other"]
    assert "Cause and effect" in window.review_editor.claim_meta.text()
    report = build_report(store, ReportOptions(include_unreviewed=True))
    facts = [dict((f.label, f.value) for f in claim_facts(rc)) for a in report.articles for rc in a.claims]
    assert [f["Kind"] for f in facts] == ["Cause and effect", "Other"]
