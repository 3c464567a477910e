"""File ▸ Import Fact-checks…: fact-check files into a named collection, off the UI thread.

As File ▸ Import: the files are read and stored on the TaskManager with the window Store's
``worker_store()``; a progress dialog with Cancel appears only if the job takes a while. The
collection is named after the (first) file unless the person types another name. The outcome
(imported, duplicates, rows skipped with their line numbers, files refused) is shown in a message
box and the status bar, and announced on the hub as a ``factchecks`` change.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QProgressDialog, QWidget

from ..core.errors import ReviewerError
from ..core.factchecks.files import FactcheckImportReport, collection_name_for, import_factcheck_files
from ..core.store import Store
from .changes import ChangeHub
from .plain import plain_message_box
from .tasks import JobContext, TaskManager

FACTCHECKS = "factchecks"  # the hub kind: fact-check collections changed
FILE_FILTER = "Fact-checks (*.json *.jsonld *.jsonl *.ndjson *.csv *.tsv *.tab *.txt *.html *.htm);;All files (*)"
SHOWN_DETAILS = 8


def _run(owner: Store, paths: list[Path], collection: str | None, ctx: JobContext) -> FactcheckImportReport:
    """Worker thread: import with a connection of our own."""
    with owner.worker_store() as store:
        return import_factcheck_files(store, paths, collection, progress=ctx.progress, cancelled=ctx.cancelled)


class FactcheckImport(QObject):
    """Starts fact-check imports for a window and shows their outcome. UI thread only."""

    finished = Signal(object)  # FactcheckImportReport, or None when the job failed

    def __init__(
        self,
        store: Store,
        hub: ChangeHub,
        tasks: TaskManager,
        parent: QWidget,
        done: Callable[[object], None] | None = None,
    ):
        super().__init__(parent)
        self.store, self.hub, self.tasks, self.window = store, hub, tasks, parent
        self.quiet = False  # tests: no progress dialog
        self.message: QMessageBox | None = None  # the last outcome shown (not modal)
        if done is not None:
            self.finished.connect(done)

    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self.window, "Import fact-checks", str(Path.home()), FILE_FILTER)
        if not files:
            return
        paths = [Path(f) for f in files]
        collection = self.ask_collection(paths)
        if collection is not None:
            self.import_files(paths, collection)

    def ask_collection(self, paths: list[Path]) -> str | None:
        """The collection name the person chose (the first file's name by default), or None if cancelled."""
        what = "this file" if len(paths) == 1 else f"these {len(paths)} files"
        while True:
            name, ok = QInputDialog.getText(
                self.window,
                "Import Fact-checks",
                f"Collection for {what}:",
                QLineEdit.EchoMode.Normal,
                collection_name_for(paths[0]),
            )
            if not ok:
                return None
            if name.strip():
                return name.strip()

    def import_files(self, paths: list[Path], collection: str) -> None:
        """Import ``paths`` into ``collection`` off the UI thread."""
        if self.store.path is None:
            self.hub.emit("error", message="This library is in memory only; save it to a file to import.")
            return
        owner = self.store
        job = self.tasks.run(
            "Importing fact-checks",
            lambda ctx: _run(owner, list(paths), collection, ctx),
            on_done=self._done,
            on_error=self._failed,
        )
        if self.quiet:
            return
        dialog = QProgressDialog("Importing fact-checks…", "Cancel", 0, 0, self.window)
        dialog.setWindowTitle("Importing fact-checks")
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(job.cancel)
        job.progress.connect(lambda done, total, name: self._on_progress(dialog, done, total, name))
        job.show_progress.connect(dialog.show)
        job.ended.connect(dialog.close)
        job.ended.connect(dialog.deleteLater)
        dialog.hide()

    @staticmethod
    def _on_progress(dialog: QProgressDialog, done: int, total: int, name: str) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))
        if name:
            dialog.setLabelText(f"Importing {name} ({done + 1} of {total})…")

    def _done(self, report: FactcheckImportReport) -> None:
        summary = report.summary()
        if report.imported:
            self.hub.emit(FACTCHECKS, message=summary)
        self.hub.emit("status", message=summary[:1].upper() + summary[1:] + ".")
        details = list(report.details())
        icon = QMessageBox.Icon.Warning if report.errors or report.skipped else QMessageBox.Icon.Information
        self._show(icon, summary[:1].upper() + summary[1:] + ".", details)
        self.finished.emit(report)

    def _failed(self, exc: BaseException, tb: str) -> None:
        message = str(exc) if isinstance(exc, ReviewerError) else f"The import failed unexpectedly: {exc}"
        self.hub.emit("error", message=message)
        self._show(QMessageBox.Icon.Warning, "The fact-checks could not be imported.", [message])
        self.finished.emit(None)

    def _show(self, icon: QMessageBox.Icon, text: str, details: list[str]) -> None:
        """The outcome in a window-modal box that does not block (file names and rows are plain text)."""
        box = plain_message_box(icon, "Import Fact-checks", text, parent=self.window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setInformativeText("\n".join(details[:SHOWN_DETAILS]) + ("\n…" if len(details) > SHOWN_DETAILS else ""))
        if len(details) > SHOWN_DETAILS:
            box.setDetailedText("\n".join(details))
        box.destroyed.connect(self._forget_message)
        self.message = box
        box.open()

    def _forget_message(self) -> None:
        self.message = None
