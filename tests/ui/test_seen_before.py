""" "Seen before" in the desk (#17): marker, claim card, R reuses a verdict, the library-wide list.

Real library in tmp, the shipped encoder, real widgets. Proves that
- fact-checks imported through File ▸ Import Fact-checks… mark the claim that repeats one (the
  claims list's marker, the card's banner), and the card lists the match with publisher, verdict,
  date and link; a claim that repeats nothing has no marker; the matching never looks to the window
  like a change made elsewhere (its workers only read);
- R gives the claim the verdict the fact-check's rating means on the active scale and adds a note
  line linking the original, as one undo step and one audit entry; Ctrl+Z restores both;
- a rating no verdict of the scale fits adds the note and leaves the verdict unset, with a message;
- the threshold in Preferences decides the marker;
- a claim reviewed in one article is "our review" for the same claim in another, and R reuses its verdict;
- View ▸ Seen Before… lists the claim and opening a row opens its article at that claim;
- publisher and link are shown as plain text, and only an http(s) link is opened.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices

from reviewer.ui.claims_model import META_ROLE, SEEN_MARK, SEEN_ROLE
from tests.ui.conftest import build_article

CSV = (
    "claim,verdict,url,date,publisher\n"
    '"The council spent three million pounds on management consultants",Mostly false,'
    "https://factcheck.example/consultants,2024-01-02,<b>Desk</b> Check\n"
    '"Drinking hot water every fifteen minutes kills the virus",Blue moon,https://factcheck.example/water,'
    "2020-03-14,AFP\n"
)
BLOCKS = [
    ("paragraph", "The council spent £3 million on consultants last year. The weather in the valley was mild in April.")
]


def _import(qtbot, window, tmp_path, text=CSV):
    path = tmp_path / "checks.csv"
    path.write_text(text, encoding="utf-8")
    flow = window.factcheck_import
    flow.quiet = True
    with qtbot.waitSignal(flow.finished, timeout=30_000):
        flow.import_files([path], "checks")
    if flow.message is not None:
        flow.message.close()
    window.activateWindow()  # the outcome box took the focus; window shortcuts need the window active
    qtbot.waitUntil(window.isActiveWindow, timeout=30_000)


def _claim(store, article, start: str):
    return next(c for c in store.claims_for_article(article.id) if c.text.startswith(start))


def _wait_marker(qtbot, window, claim_id, present=True):
    model = window.claims.model
    qtbot.waitUntil(lambda: (model.seen(claim_id) is not None) == present, timeout=60_000)


def _wait_settled(qtbot, window):
    qtbot.waitUntil(lambda: not window.seen_before.seen.busy(), timeout=60_000)


def test_an_imported_fact_check_marks_the_claim_and_r_reuses_its_verdict(qtbot, desk, store, tmp_path):
    article, _ = build_article(store, "Council spending", BLOCKS)
    window = desk()
    council = _claim(store, article, "The council")
    weather = _claim(store, article, "The weather")
    window.open_article(article.id, council.id)
    _import(qtbot, window, tmp_path)
    refreshed = []  # a worker's commit would look like another program's change: "Updated with changes…"
    window.hub.changed.connect(lambda change: refreshed.append(change) if change.initiator is window else None)

    _wait_marker(qtbot, window, council.id)
    _wait_settled(qtbot, window)
    qtbot.wait(2500)  # the window looks for changes made elsewhere every 2 s
    assert refreshed == []
    model = window.claims.model
    row = model.row_of(council.id)
    assert model.index(row, 0).data(META_ROLE).startswith(SEEN_MARK)
    assert model.index(row, 0).data(SEEN_ROLE) >= window.seen_before.seen.threshold()
    assert model.seen(weather.id) is None
    assert SEEN_MARK not in model.index(model.row_of(weather.id), 0).data(META_ROLE)

    panel = window.seen_before.panel
    editor = window.review_editor
    assert editor.tabs.tabText(editor.tabs.indexOf(panel)) == "Seen before (1)"
    assert window.seen_before.banner.isVisible()
    assert "<b>Desk</b> Check — Mostly false" in window.seen_before.banner.text()
    assert window.seen_before.banner.textFormat() == Qt.TextFormat.PlainText
    top = panel.tree.topLevelItem(0)
    assert [top.text(i) for i in range(4)][1:] == ["<b>Desk</b> Check", "Mostly false", "2024-01-02"]
    assert panel.selected_match().url == "https://factcheck.example/consultants"
    assert panel.link.text() == "https://factcheck.example/consultants"
    assert panel.link.textFormat() == Qt.TextFormat.PlainText
    assert "three million pounds" in panel.text.text()

    steps = window.undo_stack.index()
    entries = len(store.history(claim_id=council.id))
    window.claims.view.setFocus()
    qtbot.keyClick(window.claims.view, Qt.Key.Key_R)
    review = store.get_review(council.id)
    line = "Seen before: <b>Desk</b> Check rated it Mostly false — <https://factcheck.example/consultants>"
    assert (review.verdict, review.note) == ("disputed", line)  # "Mostly false" is false-like: Disputed
    assert window.undo_stack.index() == steps + 1
    history = store.history(claim_id=council.id)
    assert len(history) == entries + 1
    assert history[0].after["verdict"] == "disputed" and history[0].after["note"] == line
    assert "Verdict “Disputed”" in window.status_message.text()
    assert editor.note.editor.toPlainText() == line

    qtbot.keyClick(window.claims.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    review = store.get_review(council.id)
    assert (review.verdict, review.note) == (None, "")
    assert window.undo_stack.index() == steps


def test_a_rating_no_verdict_fits_adds_the_note_and_leaves_the_verdict_unset(qtbot, desk, store, tmp_path):
    article, _ = build_article(
        store, "Health tips", [("paragraph", "Drinking hot water every 15 minutes kills the virus, a post says.")]
    )
    window = desk()
    claim = _claim(store, article, "Drinking")
    window.open_article(article.id, claim.id)
    _import(qtbot, window, tmp_path)
    _wait_marker(qtbot, window, claim.id)
    store.set_review(claim.id, note="My own notes.")
    window.refresh()
    window.claims.view.setFocus()
    qtbot.keyClick(window.claims.view, Qt.Key.Key_R)
    review = store.get_review(claim.id)
    assert review.verdict is None
    assert review.note == "My own notes.\n\nSeen before: AFP rated it Blue moon — <https://factcheck.example/water>"
    assert "No verdict of" in window.status_message.text() and "Blue moon" in window.status_message.text()
    window.undo_stack.undo()
    assert store.get_review(claim.id).note == "My own notes."


def test_the_threshold_in_preferences_decides_the_marker(qtbot, desk, store, tmp_path):
    from reviewer.ui.preferences import PreferencesDialog

    article, _ = build_article(store, "Council spending", BLOCKS)
    window = desk()
    council = _claim(store, article, "The council")
    window.open_article(article.id, council.id)
    _import(qtbot, window, tmp_path)
    _wait_marker(qtbot, window, council.id)
    score = window.claims.model.seen(council.id)

    def choose(default: bool, value: float = 0.0) -> None:
        dialog = PreferencesDialog(store, window.settings, window.hub, window.actions, window)
        qtbot.addWidget(dialog)
        dialog.seen_default.setChecked(default)
        dialog.seen_threshold.setValue(value)
        dialog.accept()
        window.apply_preferences()

    choose(False, min(1.0, round(score + 0.05, 2)))
    assert window.claims.model.seen(council.id) is None
    assert not window.seen_before.banner.isVisible()
    panel = window.review_editor.tabs
    assert panel.tabText(panel.indexOf(window.seen_before.panel)) == "Seen before"
    choose(True)
    assert window.settings.seen_before_threshold() is None
    assert window.claims.model.seen(council.id) == score


def test_a_claim_reviewed_in_one_article_is_our_review_in_the_next(qtbot, desk, store):
    first, _ = build_article(store, "Council spending, part one", BLOCKS)
    second, _ = build_article(
        store,
        "Council spending, part two",
        [("paragraph", "Critics repeated that the council spent £3 million on consultants.")],
    )
    window = desk()
    reviewed = _claim(store, first, "The council")
    window.open_article(first.id, reviewed.id)
    window.claims.view.setFocus()
    qtbot.keyClick(window.claims.view, Qt.Key.Key_2)
    assert store.get_review(reviewed.id).verdict == "disputed"

    repeat = _claim(store, second, "Critics")
    window.open_article(second.id, repeat.id)
    _wait_marker(qtbot, window, repeat.id)
    _wait_settled(qtbot, window)
    top = window.seen_before.panel.tree.topLevelItem(0)
    assert (top.text(1), top.text(2)) == ("Our review: Council spending, part one", "Disputed")
    window.claims.view.setFocus()
    qtbot.keyClick(window.claims.view, Qt.Key.Key_R)
    review = store.get_review(repeat.id)
    assert review.verdict == "disputed"
    assert review.note == "Seen before: our review of article “Council spending, part one” rated it Disputed"


def test_the_library_view_lists_the_claim_and_opens_it(qtbot, desk, store, tmp_path):
    other, _ = build_article(store, "Weather", [("paragraph", "The weather in the valley was mild in April.")])
    article, _ = build_article(store, "Council spending", BLOCKS)
    window = desk()
    window.open_article(other.id)
    _import(qtbot, window, tmp_path)
    council = _claim(store, article, "The council")

    window.actions["seen_before_list"].trigger()
    dialog = window.seen_before.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1 and "checking" not in dialog.status.text(), timeout=60_000)
    assert dialog.status.text() == "1 of 3 claims to review seen before."
    index = dialog.proxy.index(0, 0)
    assert index.data().startswith("The council spent £3 million")
    assert dialog.proxy.index(0, 1).data() == "Council spending"
    assert dialog.proxy.index(0, 2).data().startswith("<b>Desk</b> Check: Mostly false — The council spent three")
    dialog.view.setCurrentIndex(index)
    dialog.view.setFocus()
    qtbot.keyClick(dialog.view, Qt.Key.Key_Return)
    assert window.article.id == article.id
    assert window.current_claim() == council.id
    dialog.close()


def test_only_a_web_link_is_opened(qtbot, desk, store, tmp_path, monkeypatch):
    article, _ = build_article(store, "Council spending", BLOCKS)
    window = desk()
    council = _claim(store, article, "The council")
    window.open_article(article.id, council.id)
    _import(qtbot, window, tmp_path)
    _wait_marker(qtbot, window, council.id)
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toString())))
    panel = window.seen_before.panel
    window.review_editor.tabs.setCurrentWidget(panel)
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    assert opened == ["https://factcheck.example/consultants"]

    from dataclasses import replace

    from reviewer.ui.seen_before_card import link_of

    match = panel.selected_match()
    for url in ("javascript:alert(1)", "file:///etc/passwd", "mailto:a@b.example", None):
        assert link_of(replace(match, url=url)) is None
