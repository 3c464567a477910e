"""Notes and labels written by people cannot reach past their place in a report."""

from __future__ import annotations

import markdown
import pytest

from reviewer.core.reports.common import render_note
from reviewer.core.reports.markdown_report import md_note
from reviewer.core.domain import ClaimDraft


@pytest.mark.parametrize(
    "note",
    [
        "> [x]: javascript:alert(1)\n\nSee [click][x].",
        "- [x]: javascript:alert(1)\n\nSee [click][x].",
        "1. [x]: data:text/html,boom\n\nSee [click][x].",
        "[x]: vbscript:msgbox\n\n[click][x]",
    ],
)
def test_reference_links_to_unsafe_schemes_are_neutralised_anywhere(note):
    html = markdown.markdown(md_note(note), extensions=["extra"])
    assert "href" not in html


def test_safe_reference_links_still_work():
    html = markdown.markdown(md_note("[src]: https://stats.example/t3\n\nSee [the table][src]."))
    assert 'href="https://stats.example/t3"' in html


def test_note_headings_cannot_pose_as_report_headings():
    html = render_note("# Sources\n\n## More\n\ntext")
    assert "<h1>" not in html and "<h2>" not in html and html.count("<h6>") == 2


def test_csv_verdict_label_cannot_be_a_formula(store):
    import csv
    import io
    from dataclasses import replace
    from types import SimpleNamespace

    from reviewer.core.reports import ReportOptions, build_report, render

    text = "Headline\n\nThe deficit rose to 4% last year."
    start = text.index("The")
    doc = SimpleNamespace(
        title="Deficit",
        site=None,
        url=None,
        author=None,
        published=None,
        original_format="txt",
        source_path=None,
        text=text,
        blocks=(),
        language="en",
        content_hash="h-formula",
    )
    article = store.add_article(
        doc, [ClaimDraft(start=start, end=len(text), score=0.9, checkworthy=True, kind="statistic")]
    )
    scale = store.active_scale()
    store.save_scale(
        replace(
            scale,
            verdicts=tuple(
                replace(v, label='=HYPERLINK("http://evil.example","x")') if v.key == "supported" else v
                for v in scale.verdicts
            ),
        )
    )
    store.set_review(store.claims_for_article(article.id)[0].id, verdict="supported")
    data = render(build_report(store, ReportOptions()), "csv")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0]["verdict_label"].startswith("'=")
