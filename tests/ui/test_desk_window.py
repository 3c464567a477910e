"""The review desk as a person uses it: open, click, press keys, undo, add claims, restart."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from reviewer.ui.claims_model import COL_TEXT


def _row_rect(window, claim_id):
    panel = window.claims
    row = panel.model.row_of(claim_id)
    index = panel.proxy.mapFromSource(panel.model.index(row, COL_TEXT))
    panel.view.scrollTo(index)
    return panel.view.visualRect(index)


def _verdict_and_audit(store, claim_id):
    review = store.get_review(claim_id)
    entries = [e for e in store.history(claim_id=claim_id) if e.action == "review"]
    return review.verdict, entries


def test_opens_on_article_with_first_claim_selected(desk, sample_article):
    article, claims = sample_article
    window = desk()
    assert window.article.id == article.id
    first = claims[0].id
    assert window.claims.current_claim() == first
    assert window.reader.current_claim() == first
    assert window.review_editor.claim_id == first
    # The reader shows every claim highlighted (unreviewed: a neutral tint) plus the current one.
    assert len(window.reader.extraSelections()) >= len(claims)
    assert "Hospital beds" in window.reader_pane.header.title.text()


def test_click_claim_in_panel_moves_reader(desk, sample_article, qtbot):
    article, claims = sample_article
    window = desk()
    target = claims[3]
    rect = _row_rect(window, target.id)
    qtbot.mouseClick(window.claims.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.reader.current_claim() == target.id
    start, _end = window.reader.doc_span_of_claim(target.id)
    assert window.reader.textCursor().position() == start
    assert not window.reader.textCursor().hasSelection()
    # The current claim's highlight is the last extra selection and covers exactly the claim.
    selections = window.reader.extraSelections()
    current = selections[-1].cursor
    span = window.reader.offset_map().span_to_text(current.selectionStart(), current.selectionEnd())
    assert article.text[span[0] : span[1]] == target.text
    assert window.review_editor.claim_id == target.id


def test_click_claim_in_reader_selects_it_in_panel(desk, sample_article, qtbot):
    article, claims = sample_article
    window = desk()
    target = claims[-1]  # after the emoji: positions shift by one in Qt
    cursor = QTextCursor(window.reader.document())
    cursor.setPosition(window.reader.offset_map().to_doc(target.start + 3))
    point = window.reader.cursorRect(cursor).center()
    with qtbot.waitSignal(window.reader.claim_clicked, timeout=30_000) as blocker:
        qtbot.mouseClick(window.reader.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == [target.id]
    assert window.claims.current_claim() == target.id


def test_verdict_key_saves_with_audit_and_undo_restores(desk, sample_article, store, qtbot):
    article, claims = sample_article
    window = desk()
    claim_id = window.claims.current_claim()
    window.claims.view.setFocus()
    qtbot.keyClick(window.claims.view, Qt.Key.Key_2)
    verdict, entries = _verdict_and_audit(store, claim_id)
    assert verdict == "disputed"
    assert entries and entries[0].who == "tester" and entries[0].after["verdict"] == "disputed"
    # The panel and the library show it at once.
    row = window.claims.model.row_of(claim_id)
    assert window.claims.model.claim(row).verdict == "disputed"
    assert window.library.model.summary(window.library.model.row_of(article.id)).claims_reviewed == 1
    qtbot.keyClick(window.claims.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    verdict, entries = _verdict_and_audit(store, claim_id)
    assert verdict is None
    assert entries[0].after["verdict"] is None  # the undo is itself audited
    qtbot.keyClick(
        window.claims.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert store.get_review(claim_id).verdict == "disputed"


def test_letter_keys_do_not_fire_while_typing(desk, sample_article, store, qtbot):
    window = desk()
    claim_id = window.claims.current_claim()
    window.library.search.setFocus()
    qtbot.keyClicks(window.library.search, "j1k")
    assert window.library.search.text() == "j1k"
    assert window.claims.current_claim() == claim_id
    assert store.get_review(claim_id).verdict is None


def test_j_k_and_arrows_move_between_claims(desk, sample_article, qtbot):
    _article, claims = sample_article
    window = desk()
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_J)
    assert window.reader.current_claim() == claims[1].id
    qtbot.keyClick(window.reader, Qt.Key.Key_Down)
    assert window.reader.current_claim() == claims[2].id
    qtbot.keyClick(window.reader, Qt.Key.Key_K)
    qtbot.keyClick(window.reader, Qt.Key.Key_Up)
    assert window.reader.current_claim() == claims[0].id
    assert window.claims.current_claim() == claims[0].id


def test_select_text_and_add_claim_then_undo(desk, sample_article, store, qtbot):
    article, claims = sample_article
    window = desk()
    start = article.text.index("1,200 new hospital beds")
    end = start + len("1,200 new hospital beds")
    window.reader.setFocus()
    window.reader.select_span(start, end)
    qtbot.keyClick(window.reader, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    added = [c for c in store.claims_for_article(article.id) if c.origin == "manual"]
    assert len(added) == 1 and added[0].text == "1,200 new hospital beds"
    assert window.claims.current_claim() == added[0].id
    assert window.reader.current_claim() == added[0].id
    audit = store.history(claim_id=added[0].id)
    assert audit[0].action == "claim_add" and audit[0].who == "tester"
    window.undo_stack.undo()
    assert not [c for c in store.claims_for_article(article.id) if c.origin == "manual"]
    assert window.claims.model.row_of(added[0].id) is None
    window.undo_stack.redo()
    assert store.get_claim(added[0].id).text == "1,200 new hospital beds"


def test_dismiss_split_merge_with_undo(desk, sample_article, store, qtbot):
    article, claims = sample_article
    window = desk()
    first, second = claims[0], claims[1]
    window.select_claim(first.id)
    qtbot.keyClick(window.claims.view, Qt.Key.Key_D)
    assert store.get_claim(first.id).dismissed
    assert window.claims.model.row_of(first.id) is not None  # still in the model, hidden by the filter
    window.undo_stack.undo()
    assert not store.get_claim(first.id).dismissed

    window.select_claim(first.id)
    at = article.text.index("opened", first.start)
    cursor = window.reader.textCursor()
    cursor.setPosition(window.reader.offset_map().to_doc(at))
    window.reader.setTextCursor(cursor)
    window.actions["split_claim"].trigger()
    parts = [c for c in store.claims_for_article(article.id) if first.start <= c.start < first.end]
    assert [p.text for p in parts] == ["The minister said the city", "opened 1,200 new hospital beds last year."]
    window.undo_stack.undo()
    assert store.get_claim(first.id).text == first.text
    assert len(store.claims_for_article(article.id)) == len(claims)

    window.claims.select_claim(first.id)
    window.claims.view.selectionModel().select(
        window.claims.proxy.mapFromSource(window.claims.model.index(window.claims.model.row_of(second.id), 0)),
        window.claims.view.selectionModel().SelectionFlag.Select
        | window.claims.view.selectionModel().SelectionFlag.Rows,
    )
    window.actions["merge_claims"].trigger()
    merged = store.get_claim(first.id)
    assert merged.text == article.text[first.start : second.end]
    window.undo_stack.undo()
    assert store.get_claim(second.id).text == second.text
    assert store.get_claim(first.id).text == first.text


def test_change_active_scale_in_preferences(desk, sample_article, store, qtbot):
    from reviewer.ui.preferences import PreferencesDialog

    window = desk()
    dialog = PreferencesDialog(store, window.settings, window.hub, window.actions, window)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(window.hub.changed, timeout=30_000):
        dialog.scale_combo.setCurrentIndex(dialog.scale_combo.findData("politifact"))
    assert store.active_scale().id == "politifact"
    assert window.actions["verdict_6"].text() == "Pants on Fire"
    assert window.claims.verdict_filter.findText("Half True") >= 0
    claim_id = window.claims.current_claim()
    window.claims.view.setFocus()
    qtbot.keyClick(window.claims.view, Qt.Key.Key_3)
    assert store.get_review(claim_id).verdict == "half-true"
    row = window.claims.model.row_of(claim_id)
    assert window.claims.model.index(row, 4).data() == "Half True"
    dialog.threshold_slider.setValue(90)
    dialog.model_default.setChecked(False)
    dialog.accept()
    window.apply_preferences()
    assert window.threshold() == 0.9
    # Everything scored 0.8 is no longer check-worthy; the reviewed one still shows.
    assert window.claims.proxy.rowCount() == 1


def test_restart_restores_article_claim_geometry_and_splitters(desk, store, settings, qtbot):
    from tests.ui.conftest import SAMPLE_BLOCKS, build_article

    a1, _ = build_article(store, "First", SAMPLE_BLOCKS)
    a2, claims2 = build_article(store, "Second", [("paragraph", "Prices rose 5 percent. Rents fell. Wages rose.")])
    window = desk()
    window.library.select_article(a1.id, emit=True)
    assert window.article.id == a1.id
    window.library.select_article(a2.id, emit=True)
    window.select_claim(claims2[2].id)
    window.resize(window.width() - 40, window.height() - 30)
    window.right_splitter.setSizes([300, 500])  # the offscreen screen is too narrow for three panes: the library folds
    sizes = window.splitter.sizes()
    right = window.right_splitter.sizes()
    geometry = window.geometry()
    window.close()
    again = desk()
    assert again.article.id == a2.id
    assert again.claims.current_claim() == claims2[2].id
    assert again.reader.current_claim() == claims2[2].id
    assert again.library.current_article() == a2.id
    assert again.size() == geometry.size()
    assert again.screen().availableGeometry().intersects(again.frameGeometry())
    assert again.splitter.sizes() == sizes
    assert again.right_splitter.sizes() == right


def test_restart_after_the_remembered_article_went_opens_the_first_one_quietly(desk, store, settings):
    """The article open last time was deleted or restored away (``reviewer restore``) meanwhile."""
    from tests.ui.conftest import SAMPLE_BLOCKS, build_article

    first, _ = build_article(store, "First", SAMPLE_BLOCKS)
    settings.set_state("last_library", str(store.path))
    settings.set_state("last_article", first.id + 41)
    settings.set_state("last_claim", 999)
    window = desk()
    assert window.article is not None and window.article.id == first.id
    assert window.status_message.text() == ""  # not "There is no article 42 in this library."
    # An article asked for by name (the command line's --article) is still reported when missing.
    again = desk(article_id=first.id + 41)
    assert "There is no article" in again.status_message.text() and again.article.id == first.id


def test_font_size_keys_are_saved(desk, sample_article, settings, qtbot):
    window = desk()
    size = window.reader.font_size()
    window.actions["zoom_in"].trigger()
    window.actions["zoom_in"].trigger()
    window.actions["zoom_out"].trigger()
    assert window.reader.font_size() == size + 1
    assert settings.pref("reader_font_size") == size + 1


def test_search_filters_library_after_a_pause(desk, store, qtbot):
    from tests.ui.conftest import build_article

    build_article(store, "Tax on sugar", [("paragraph", "The sugar tax raised 10 million.")])
    build_article(store, "Bridges", [("paragraph", "The bridge cost 2 billion.")])
    window = desk()
    window.actions["find"].trigger()
    assert window.library.search.hasFocus()
    qtbot.keyClicks(window.library.search, "sugar")
    qtbot.waitUntil(lambda: window.library.model.rowCount() == 1, timeout=30_000)
    assert window.library.model.summary(0).title == "Tax on sugar"


def test_status_change_from_menu_is_undoable(desk, sample_article, store):
    article, _ = sample_article
    window = desk()
    window.actions["status_done"].trigger()
    assert store.get_article(article.id).status == "done"
    assert window.library.model.summary(window.library.model.row_of(article.id)).status == "done"
    assert "DONE" in window.reader_pane.header.kicker.text()
    window.undo_stack.undo()
    assert store.get_article(article.id).status == "todo"


def test_shortcuts_dialog_lists_actions(desk, sample_article, qtbot):
    from reviewer.ui.shortcuts_help import ShortcutsDialog

    window = desk()
    dialog = ShortcutsDialog(window.actions, window)
    qtbot.addWidget(dialog)
    rows = dict(dialog.shortcut_rows())
    assert rows["Next Claim"] == "J"
    assert "Ctrl+Z" in rows["Undo"]
    assert "Ctrl+Shift+Z" in rows["Redo"]


def test_shortcut_override_is_saved_only_when_different(desk, settings):
    from PySide6.QtGui import QKeySequence

    window = desk()
    window.actions.set_shortcuts({"next_claim": [QKeySequence("L")], "previous_claim": [QKeySequence("K")]})
    assert settings.shortcut_overrides() == {"next_claim": "L"}
    assert window.actions["next_claim"].shortcut().toString() == "L"


def test_rtl_article_reads_right_to_left(desk, store):
    from tests.ui.conftest import build_article

    article, claims = build_article(
        store, "مقال", [("paragraph", "ارتفعت الأسعار بنسبة 5 بالمئة. قال الوزير ذلك.")], language="ar"
    )
    window = desk(article_id=article.id)
    block = window.reader.document().firstBlock()
    assert block.blockFormat().layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.reader.document().defaultTextOption().textDirection() == Qt.LayoutDirection.RightToLeft
    start, end = window.reader.doc_span_of_claim(claims[0].id)
    assert (start, end) == (claims[0].start, claims[0].end)


def test_reextract_keeps_reviewed_and_manual_claims(desk, store, qtbot):
    from tests.ui.conftest import build_article

    article, claims = build_article(
        store,
        "Rates",
        [("paragraph", "Inflation fell to 2.1 percent in May. The bank said rates would stay at 5 percent.")],
    )
    store.set_review(claims[0].id, verdict="supported")
    window = desk(article_id=article.id)
    with qtbot.waitSignal(window.hub.changed, timeout=30000, check_params_cb=lambda change: "claims" in change.kinds):
        window.actions["reextract"].trigger()
    after = store.claims_for_article(article.id)
    assert store.get_claim(claims[0].id).verdict == "supported"
    assert any(c.origin == "auto" and c.id != claims[0].id for c in after)
    assert window.claims.model.row_of(claims[0].id) is not None


def test_reextract_is_one_undoable_step(desk, store, qtbot):
    from tests.ui.conftest import build_article

    article, claims = build_article(
        store,
        "Rates again",
        [("paragraph", "Inflation fell to 2.4 percent in June. The bank said rates would stay at 4 percent.")],
    )
    store.set_review(claims[0].id, verdict="supported")
    before = {(c.id, c.start, c.end, c.origin) for c in store.claims_for_article(article.id)}
    window = desk(article_id=article.id)
    with qtbot.waitSignal(window.hub.changed, timeout=30000, check_params_cb=lambda change: "claims" in change.kinds):
        window.actions["reextract"].trigger()
    replaced = {(c.id, c.start, c.end, c.origin) for c in store.claims_for_article(article.id)}
    assert replaced != before
    assert window.undo_stack.undoText() == "Re-extract claims"
    window.undo_stack.undo()
    assert {(c.id, c.start, c.end, c.origin) for c in store.claims_for_article(article.id)} == before
    assert store.history(article_id=article.id)[0].action == "extract_undo"
    assert window.claims.model.rowCount() >= 1
    window.undo_stack.redo()
    assert {c.id for c in store.claims_for_article(article.id)} != {c[0] for c in before}
    assert store.get_claim(claims[0].id).verdict == "supported"


def test_first_verdict_moves_the_header_to_in_review(desk, sample_article, store, qtbot):
    window = desk()
    assert window.reader_pane.header.kicker.text().startswith("TO DO")
    window.review_editor.set_verdict_by_index(1)
    assert store.get_article(sample_article[0].id).status == "in_review"
    assert window.reader_pane.header.kicker.text().startswith("IN REVIEW")


def test_note_typed_just_before_a_merge_is_saved_first_and_undo_brings_it_back(desk, sample_article, store, qtbot):
    article, claims = sample_article
    window = desk()
    first, second = claims[0], claims[1]
    window.select_claim(second.id)
    window.review_editor.focus_note()
    qtbot.keyClicks(window.review_editor.note.editor, "Checked the ward list")  # no pause: still debouncing
    window.claims.select_claim(first.id)
    window.claims.view.selectionModel().select(
        window.claims.proxy.mapFromSource(window.claims.model.index(window.claims.model.row_of(second.id), 0)),
        window.claims.view.selectionModel().SelectionFlag.Select
        | window.claims.view.selectionModel().SelectionFlag.Rows,
    )
    window.actions["merge_claims"].trigger()
    assert store.get_claim(first.id).text == article.text[first.start : second.end]
    window.undo_stack.undo()
    assert store.get_review(second.id).note == "Checked the ward list"
