"""The Markdown report fetches nothing: images in notes become plain links to them."""

from __future__ import annotations

import re
from types import SimpleNamespace

import markdown
import pytest

from reviewer.core.reports import ReportOptions, build_report, render
from reviewer.core.reports.markdown_report import md_note
from reviewer.core.domain import ClaimDraft

IMAGE_NOTES = [
    "See ![the chart](http://tracker.example/c.png) here.",
    "See ![the chart][r] here.\n\n[r]: http://tracker.example/c.png",
    "See ![the chart][] here.\n\n[the chart]: https://tracker.example/c.png",
    "See ![the chart] here.\n\n[the chart]: https://tracker.example/c.png",
    '> quoted ![the chart](https://tracker.example/c.png "title")',
    "- listed ![the chart](<https://tracker.example/c.png>)",
    "\\\\![the chart](http://tracker.example/c.png) after an escaped backslash",
    "[![the chart](http://tracker.example/c.png)](http://example.org/page)",
    '<img src="http://tracker.example/c.png"> and <img src=/etc/passwd>',
    "<p><img src='https://tracker.example/c.png' onerror=alert(1)></p>",
]


def _rendered(markdown_text: str) -> str:
    return markdown.markdown(markdown_text, extensions=["extra", "sane_lists"])


@pytest.mark.parametrize("note", IMAGE_NOTES)
def test_images_in_notes_become_links(note):
    html = _rendered(md_note(note))
    assert "<img" not in html
    if "![" in note and "<" not in note and "[![" not in note:  # its alt text now links to it
        assert re.search(r'<a href="https?://tracker\.example/c\.png"[^>]*>the chart</a>', html), html


def test_an_escaped_image_stays_literal_text():
    assert (
        _rendered(md_note("Wow\\![x](http://e.example/i.png)")) == '<p>Wow!<a href="http://e.example/i.png">x</a></p>'
    )
    assert _rendered(md_note("Wow![citation needed]")) == "<p>Wow![citation needed]</p>"


def test_markdown_report_has_no_remote_images(store):
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
        content_hash="h-images",
    )
    article = store.add_article(
        doc, [ClaimDraft(start=start, end=len(text), score=0.9, checkworthy=True, kind="statistic")]
    )
    claim = store.claims_for_article(article.id)[0]
    store.set_review(claim.id, verdict="supported", note="\n\n".join(IMAGE_NOTES))
    html = _rendered(render(build_report(store, ReportOptions()), "md"))
    assert "<img" not in html and "tracker.example/c.png" in html
