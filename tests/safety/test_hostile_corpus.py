"""The hostile corpus through a real library: import, review, the desk, and every export format.

Files with hostile names and contents are imported (``reviewer.core.ingest``), an article with
hostile metadata is added through the Store API, every claim gets a hostile verdict note and
evidence, and each format is exported through ``reviewer.export`` and checked to be inert.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from reviewer.core.ingest import import_paths
from reviewer.core.reports import EXTENSIONS, FORMATS, ReportOptions
from reviewer.core.export import export_report
from reviewer.pdf_qt import register as register_pdf
from tests.safety import hostile_corpus as corpus

pytest.importorskip("pypdf")


@dataclass
class HostileDoc:
    """An imported document as an attacker would shape it (the fields ``Store.add_article`` reads)."""

    title: str
    text: str
    url: str | None = corpus.SMILE
    site: str | None = corpus.TITLES[1]
    author: str | None = corpus.TITLES[2]
    published: str | None = "2024-05-02"
    source_path: str | None = "/tmp/" + corpus.FILE_NAMES[0]
    original_format: str = "txt"
    blocks: tuple = ()
    language: str | None = "en"
    content_hash: str = "hostile-corpus"


def hostile_library(store, tmp_path: Path) -> list[int]:
    """Import the corpus into ``store``; returns the ids of the articles."""
    folder = tmp_path / "incoming"
    folder.mkdir()
    for n, (name, title) in enumerate(zip(corpus.FILE_NAMES, corpus.TITLES)):
        (folder / name).write_text(corpus.article_markdown(title, n), encoding="utf-8")
    result = import_paths(store, [folder])
    assert result.errors == [] and len(result.added) == len(corpus.FILE_NAMES), result
    ids = [article_id for article_id, _ in result.added]
    # No title, however it arrives, keeps a right-to-left override that reorders what it reads.
    assert not any("\u202e" in title for _, title in result.added)

    text = "\n\n".join(corpus.CLAIM_TEXTS)
    article = store.add_article(HostileDoc(corpus.RTL_TITLE, text))
    assert store.get_article(article.id).title == "Headline gnp.exe"
    ids.append(article.id)
    for n, claim_text in enumerate(corpus.CLAIM_TEXTS):
        start = text.index(claim_text)
        store.add_claim(article.id, start, start + len(claim_text), speaker=corpus.TITLES[n % len(corpus.TITLES)])

    claims = [c for article_id in ids for c in store.claims_for_article(article_id)]
    assert len(claims) >= len(corpus.NOTES)
    scale = store.active_scale()
    for n, claim in enumerate(claims):
        # Every note once, then again but the last (the brackets): renders stay few while slow.
        note = corpus.NOTES[n] if n < len(corpus.NOTES) else corpus.NOTES[n % (len(corpus.NOTES) - 1)]
        store.set_review(claim.id, verdict=scale.verdicts[n % len(scale.verdicts)].key, note=note, confidence=50)
        title, url, quote = corpus.EVIDENCE[n % len(corpus.EVIDENCE)]
        store.add_evidence(claim.id, url=url, title=title, quote=quote)
        if n < len(corpus.URLS):
            store.add_evidence(claim.id, url=corpus.URLS[n], title=corpus.TITLES[n % len(corpus.TITLES)])
    return ids


def test_every_export_of_the_hostile_corpus_is_inert(store, tmp_path):
    register_pdf()
    hostile_library(store, tmp_path)
    options = ReportOptions(title=corpus.REPORT_TITLE, organisation=corpus.ORGANISATION, include_unreviewed=True)
    out = {}
    for fmt in FORMATS:
        out[fmt] = export_report(store, fmt, tmp_path / f"report{EXTENSIONS[fmt]}", options)

    html = out["html"].read_text(encoding="utf-8")
    page = corpus.assert_html_inert(html, allowed={"meta", "style", "svg", "span", "div"})
    assert len(page.scripts) >= len(corpus.NOTES)  # one JSON-LD block per reviewed claim
    assert "hidden words" in "".join(page.text)  # a note's hidden text is shown, as text

    links = corpus.pdf_links(out["pdf"])
    assert "https://en.wikipedia.org/wiki/Smile_:-%28" in links
    assert "http://h/b%29/S/JavaScript/JS%28app.alert%282%29%29" in links

    rows = corpus.assert_csv_inert(out["csv"].read_bytes())
    assert len(rows) > len(corpus.NOTES)

    data = corpus.assert_json_inert(out["json"].read_text(encoding="utf-8"))
    assert data["organisation"] == corpus.ORGANISATION
    reviews = corpus.assert_json_inert(out["claimreview"].read_text(encoding="utf-8"))
    assert {r["author"]["name"] for r in reviews} == {corpus.ORGANISATION}
    assert any(corpus.SCRIPT in r["claimReviewed"] for r in reviews)
    for _, script in page.scripts:
        assert json.loads(script)["author"]["name"] == corpus.ORGANISATION

    markdown_text = out["md"].read_text(encoding="utf-8")
    corpus.assert_markdown_inert(markdown_text)
    assert "tracker.example/pixel.png" in markdown_text  # the image, now a link


def test_the_desk_opens_the_hostile_corpus(qtbot, store, settings, tmp_path):
    from PySide6.QtGui import QUndoStack

    from reviewer.ui.changes import ChangeHub
    from reviewer.ui.main_window import MainWindow
    from reviewer.ui.qt_compat import protect_none
    from reviewer.ui.tasks import TaskManager

    protect_none()
    ids = hostile_library(store, tmp_path)
    hub, stack, tasks = ChangeHub(), QUndoStack(), TaskManager()
    window = MainWindow(store, settings, hub, stack, tasks)
    window.import_flow.quiet = True
    qtbot.addWidget(window)
    try:
        window.restore_session(ids[-1])
        with qtbot.waitExposed(window):
            window.show()
        for article_id in ids:  # every article, every claim: titles, notes and evidence shown
            assert window.open_article(article_id)
            for claim in store.claims_for_article(article_id):
                window.select_claim(claim.id)
                qtbot.wait(10)
        window.select_claim(store.claims_for_article(ids[-1])[0].id)
        qtbot.wait(200)
        shot = tmp_path / "desk.png"
        pixmap = window.grab()
        assert not pixmap.isNull() and pixmap.width() > 0 and pixmap.height() > 0
        assert pixmap.save(str(shot)) and shot.stat().st_size > 0
    finally:
        tasks.wait(20000)
        window.close()
        stack.clear()  # before the collector meets it (see tests/ui/conftest.py)
