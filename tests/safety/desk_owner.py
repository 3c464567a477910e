"""Child process for test_shared_library: the real review desk, offscreen, driven from stdin.

    python desk_owner.py LIBRARY SETTINGS_FILE

Builds the app's MainWindow on the library as ``reviewer-gui`` does and answers each command
with one flushed line, after its work is committed:

- ``import PATH``: File ▸ Import through the window's ImportFlow (a job thread, its own connection);
- ``export PATH``: the Export dialog writes a JSON report (a job thread, its own connection);
- ``verdict``: press 1 in the claims list of the open article; answers ``done verdict CLAIM_ID``.

Prints ``ready`` once the window is shown. The parent kills it with SIGKILL.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSocketNotifier, Qt  # noqa: E402
from PySide6.QtGui import QUndoStack  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from reviewer.core.library import open_library  # noqa: E402
from reviewer.ui.changes import ChangeHub  # noqa: E402
from reviewer.ui.export_dialog import ExportDialog  # noqa: E402
from reviewer.ui.main_window import MainWindow  # noqa: E402
from reviewer.ui.settings import Settings  # noqa: E402
from reviewer.ui.tasks import TaskManager  # noqa: E402


def wait_for(app: QApplication, condition, timeout_s: float = 60) -> None:
    import time

    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit("timed out")
        app.processEvents()
        QTest.qWait(20)


def main() -> None:
    library, settings_file = Path(sys.argv[1]), Path(sys.argv[2])
    app = QApplication([sys.argv[0], "-platform", "offscreen"])
    settings = Settings(settings_file)
    store = open_library(library, reviewer="desk")
    hub, stack, tasks = ChangeHub(), QUndoStack(), TaskManager()
    window = MainWindow(store, settings, hub, stack, tasks)
    window.import_flow.quiet = True
    window.restore_session(None)
    window.show()
    window.activateWindow()
    keep = [hub, stack, tasks]

    def run(line: str) -> None:
        command, _, arg = line.strip().partition(" ")
        if command == "import":
            before = store.count_articles()
            window.import_flow.import_paths([Path(arg)])
            wait_for(app, lambda: store.count_articles() > before and not tasks.jobs)
            window.open_article(store.article_ids()[-1])
            answer = "done import"
        elif command == "export":
            dialog = ExportDialog(store, settings, tasks, window, article_ids=store.article_ids())
            dialog.set_format("json")
            dialog.path_edit.setText(arg)
            QTest.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
            wait_for(app, lambda: dialog.last_path is not None)
            dialog.close()
            keep.append(dialog)
            answer = "done export"
        elif command == "verdict":
            claim_id = window.claims.current_claim()
            QTest.keyClick(window.claims.view, Qt.Key.Key_1)
            answer = f"done verdict {claim_id}"
        else:
            answer = f"unknown {command}"
        print(answer, flush=True)

    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)

    def readable() -> None:
        line = sys.stdin.readline()
        if not line:
            app.quit()
            return
        run(line)

    notifier.activated.connect(readable)
    print("ready", flush=True)
    app.exec()


if __name__ == "__main__":
    main()
