"""One rule for check-worthiness at the reviewer's threshold: the claims header, the library's
progress and every report format count the same claims after the threshold changes."""

from __future__ import annotations

import json

import pytest

from reviewer.core.domain import counts_for_review
from reviewer.core.reports import FORMATS, TEXT_FORMATS, build_report, render
from reviewer.core.export import export_report
from reviewer.pdf_qt import register as register_pdf
from reviewer.ui.export_dialog import ExportDialog

from tests.ui.conftest import build_article

BLOCKS = [("paragraph", "Alpha rose sharply. Bravo fell slowly. Charlie doubled quickly. Delta halved recently.")]


def _report_texts(store, options, fmt, tmp_path) -> str:
    if fmt in TEXT_FORMATS:
        data = render(build_report(store, options), fmt)
        text = data.decode("utf-8-sig") if isinstance(data, bytes) else data
        if fmt == "json":  # the article's full text is in there too: only its claims
            return " ".join(c["text"] for a in json.loads(text)["articles"] for c in a["claims"])
        return text
    from pypdf import PdfReader

    register_pdf()
    path = export_report(store, fmt, tmp_path / f"report.{fmt}", options)
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


@pytest.mark.parametrize("threshold", [None, 0.1, 0.9])
def test_header_progress_and_every_report_agree_at_the_threshold(desk, store, settings, tasks, tmp_path, threshold):
    # Bravo and Delta score 0.2 (not check-worthy at extraction), Alpha and Charlie 0.8.
    article, claims = build_article(store, "Four figures", BLOCKS, checkworthy_every=2)
    alpha, bravo, charlie, delta = claims
    store.set_review(alpha.id, verdict="supported")
    store.set_review(bravo.id, verdict="supported")
    window = desk()
    settings.set_pref("checkworthy_threshold", -1.0 if threshold is None else threshold)
    window.apply_preferences()

    counted = [c for c in store.claims_for_article(article.id) if counts_for_review(c, threshold)]
    expected = f"{sum(c.verdict is not None for c in counted)}/{len(counted)} reviewed"
    assert {None: "1/2", 0.1: "2/4", 0.9: "0/0"}[threshold] + " reviewed" == expected
    assert window.claims.count_label.text().startswith(expected)
    row = window.library.model.row_of(article.id)
    assert window.library.model.summary(row).progress_label == expected

    dialog = ExportDialog(store, settings, tasks, parent=None, article_ids=[article.id])
    dialog.include_unreviewed.setChecked(True)
    options = dialog.options()
    dialog.close()
    unreviewed = {c.text.split()[0] for c in counted if c.verdict is None}
    for fmt in FORMATS:
        text = _report_texts(store, options, fmt, tmp_path)
        listed = {word for word in ("Alpha", "Bravo", "Charlie", "Delta") if f"{word} " in text}
        if fmt == "claimreview":  # a ClaimReview is a verdict: only reviewed claims, whatever the threshold
            assert listed == {"Alpha", "Bravo"}, fmt
        else:
            assert listed == {"Alpha", "Bravo"} | unreviewed, fmt
