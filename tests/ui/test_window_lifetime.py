"""A closed window does nothing more: no timer of it fires on the library that was closed with it, and the
objects it works with (undo stack, task manager, change hub) live and die with it.

The library pane's search waits SEARCH_DEBOUNCE_MS after the last key; a window closed (and its library
closed) inside that pause used to run the search anyway, on the closed library: ``sqlite3.ProgrammingError:
Cannot operate on a closed database``, raised in whatever test or window came next.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoStack

from reviewer.core.store import Store
from reviewer.ui.changes import ChangeHub
from reviewer.ui.library_pane import SEARCH_DEBOUNCE_MS
from reviewer.ui.main_window import MainWindow
from reviewer.ui.tasks import TaskManager
from tests.ui.conftest import SAMPLE_BLOCKS, build_article


def _window(qtbot, store, settings) -> MainWindow:
    window = MainWindow(store, settings, ChangeHub(), QUndoStack(), TaskManager())
    window.import_flow.quiet = True
    qtbot.addWidget(window)
    window.restore_session(None)
    with qtbot.waitExposed(window):
        window.show()
    return window


def test_search_typed_just_before_the_window_and_library_close_does_not_run_on_the_closed_library(
    qtbot, tmp_path, settings
):
    store = Store.open(tmp_path / "library.sqlite", reviewer="tester")
    build_article(store, "Hospital beds: what the numbers say", SAMPLE_BLOCKS)
    window = _window(qtbot, store, settings)
    qtbot.keyClicks(window.library.search, "beds")  # the search now waits for a pause in typing
    with qtbot.captureExceptions() as exceptions:
        window.close()
        window.tasks.shutdown(30_000)
        store.close()  # what the app does right after closing the window
        qtbot.wait(SEARCH_DEBOUNCE_MS * 3)  # well past the pause
    assert [str(e[1]) for e in exceptions] == []
    assert not any(timer.isActive() for timer in window.findChildren(QTimer))


def test_a_window_closed_before_its_library_list_was_laid_out_reads_nothing_more(qtbot, tmp_path, settings):
    # The list asks its model for rows when it is first laid out, after show(), in the event loop.
    store = Store.open(tmp_path / "library.sqlite", reviewer="tester")
    build_article(store, "Hospital beds: what the numbers say", SAMPLE_BLOCKS)
    window = MainWindow(store, settings, ChangeHub(), QUndoStack(), TaskManager())
    qtbot.addWidget(window)
    window.show()
    with qtbot.captureExceptions() as exceptions:
        window.close()
        store.close()
        qtbot.wait(200)
    assert [str(e[1]) for e in exceptions] == []


def test_the_app_closing_a_library_with_a_search_pending_raises_nothing(qtbot, qapp, tmp_path, settings):
    from reviewer.app import DeskController

    path = tmp_path / "library.sqlite"
    with Store.open(path, reviewer="tester") as store:
        build_article(store, "Hospital beds: what the numbers say", SAMPLE_BLOCKS)
    controller = DeskController(qapp, settings, interactive=False)
    controller._show(Store.open(path, reviewer="tester"))  # the controller deletes the window it made
    try:
        qtbot.waitExposed(controller.window)
        qtbot.keyClicks(controller.window.library.search, "beds")
    finally:
        with qtbot.captureExceptions() as exceptions:
            controller.shutdown()  # closes the window, then the library
            qtbot.wait(SEARCH_DEBOUNCE_MS * 3)
    assert [str(e[1]) for e in exceptions] == []


def test_the_app_parents_its_undo_stack_task_manager_and_hub_to_the_window(qtbot, qapp, tmp_path, settings):
    from reviewer.app import DeskController

    controller = DeskController(qapp, settings, interactive=False)
    controller._show(Store.open(tmp_path / "library.sqlite", reviewer="tester"))
    window = controller.window
    try:
        assert controller.undo_stack.parent() is window
        assert controller.tasks.parent() is window
        assert controller.hub.parent() is window
    finally:
        controller.shutdown()


def test_closing_the_window_waits_for_a_note_preview_still_rendering(desk, sample_article, qtbot, monkeypatch):
    """A preview render left running on its pool thread met interpreter shutdown after
    ``reviewer gui --screenshot`` and crashed the process (SIGSEGV) on a busy machine."""
    import threading

    import reviewer.ui.note_editor as note_editor

    started, release = threading.Event(), threading.Event()

    def slow_render(text: str) -> str:
        started.set()
        release.wait(5)
        return "<p>done</p>"

    monkeypatch.setattr(note_editor, "render_markdown", slow_render)
    window = desk()
    note = window.review_editor.note
    note.editor.setPlainText("A note being previewed.")
    note.update_preview()
    qtbot.waitUntil(started.is_set, timeout=30_000)
    threading.Timer(0.3, release.set).start()
    window.close()
    assert note._renders.pool.activeThreadCount() == 0
