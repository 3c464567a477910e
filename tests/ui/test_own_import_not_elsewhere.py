"""The window's own import is not reported as "changes made elsewhere" (issue 16).

The import writes through a worker connection, so the library's data_version moves as it would
for another program; the watcher must still know the change is the window's own.
"""

from __future__ import annotations

from reviewer.core.store import Store
from reviewer.ui.main_window import EXTERNAL_CHECK_MS

ARTICLE = "Bus lanes approved\n\nThe council voted 31 to 12 to build 40 kilometres of bus lanes by 2028.\n"


def test_own_import_keeps_its_summary_in_the_status_bar(desk, sample_article, tmp_path, qtbot):
    window = desk()
    path = tmp_path / "bus-lanes.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    with qtbot.waitSignal(window.import_flow.finished, timeout=60_000):
        window.import_flow.import_paths([path])
    assert window.status_message.text() == "1 article imported."
    qtbot.wait(EXTERNAL_CHECK_MS + 700)  # the watcher has looked at least once
    assert window.status_message.text() == "1 article imported."
    assert window.article.title == "Bus lanes approved"


def test_a_change_elsewhere_during_an_import_is_still_shown(desk, sample_article, library_path, tmp_path, qtbot):
    article, claims = sample_article
    window = desk()
    path = tmp_path / "bus-lanes.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    with qtbot.waitSignal(window.import_flow.finished, timeout=60_000):
        window.import_flow.import_paths([path])
        other = Store.open(library_path, reviewer="colleague")  # committed while the import runs
        try:
            other.set_review(claims[0].id, verdict="misleading")
        finally:
            other.close()
    # Not lost behind the import: the library list counts the colleague's verdict.
    assert window.library.model.summary(window.library.model.row_of(article.id)).claims_reviewed == 1
    window._check_external_changes()
    assert window.status_message.text() == "1 article imported."
