"""File ▸ Import Bundle…: a colleague's bundle merged into the library, first as a dry run, then for real.

Both runs are jobs on the TaskManager with the window Store's ``worker_store()``. The dry run's
summary (counts and one line per article, every item that would be skipped or kept back, all plain
text) is shown with Import and Cancel; Import runs the merge, whose ``Change`` becomes one command on
the undo stack (undo hands it back to ``Store.revert_change``). The hub announces it, so the library
list and the open article refresh. A file that is not a bundle, or a merge the library refuses, is
shown as one message and nothing changes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QPushButton, QWidget

from ..core.bundles.merge import MergeResult, merge_bundle
from ..core.bundles.report import MergeReport
from ..core.changes import Change
from ..core.errors import ReviewerError
from ..core.store import Store
from .changes import ChangeHub
from .commands import ChangeCommand, push
from .plain import plain_message_box
from .tasks import JobContext, TaskManager

FILE_FILTER = "Reviewer bundles (*.rvbundle);;All files (*)"
SHOWN_LINES = 12


def _run(owner: Store, path: Path, dry_run: bool, ctx: JobContext) -> MergeResult:
    """Worker thread: the merge (or its dry run) on a connection of our own."""
    with owner.worker_store() as store:
        return merge_bundle(store, path, dry_run, progress=ctx.progress, cancelled=ctx.cancelled)


class BundleImportCommand(ChangeCommand):
    """The merge a job made, as one undo step: the first redo only announces it."""

    def __init__(self, store: Store, hub: ChangeHub, change: Change, text: str):
        super().__init__(store, hub, text)
        self._made = change

    def make(self) -> Change:
        return self._made


class BundleImport(QObject):
    """Imports bundles for a window: dry run, confirmation, merge, undo step. UI thread only."""

    finished = Signal(object)  # the MergeReport of the merge (None: cancelled, nothing new, or failed)

    def __init__(
        self,
        store: Store,
        hub: ChangeHub,
        tasks: TaskManager,
        undo_stack: QUndoStack,
        parent: QWidget,
        done: Callable[[object], None] | None = None,
    ):
        super().__init__(parent)
        self.store, self.hub, self.tasks, self.undo_stack, self.window = store, hub, tasks, undo_stack, parent
        self.quiet = False  # tests: no progress dialog
        self.preview: QMessageBox | None = None  # the dry run's summary, while shown
        self.import_button: QPushButton | None = None
        if done is not None:
            self.finished.connect(done)

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self.window, "Import bundle", str(Path.home()), FILE_FILTER)
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> None:
        """Check ``path`` and show what merging it would change (a dry run off the UI thread)."""
        if self.store.path is None:
            self.hub.emit("error", message="This library is in memory only; save it to a file to import a bundle.")
            return
        self._start("Reading the bundle", path, True, lambda result: self._show_preview(path, result))

    def _start(self, title: str, path: Path, dry_run: bool, on_done: Callable[[MergeResult], None]) -> None:
        owner = self.store
        job = self.tasks.run(title, lambda ctx: _run(owner, path, dry_run, ctx), on_done=on_done, on_error=self._failed)
        if self.quiet:
            return
        dialog = QProgressDialog(f"{title}…", "Cancel", 0, 0, self.window)
        dialog.setWindowTitle("Import Bundle")
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(job.cancel)
        job.show_progress.connect(dialog.show)
        job.ended.connect(dialog.close)
        job.ended.connect(dialog.deleteLater)
        dialog.hide()

    def _show_preview(self, path: Path, result: MergeResult) -> None:
        report = result.report
        if not report.changed:
            self._show(QMessageBox.Icon.Information, report.summary() + ".", _lines(report))
            self.finished.emit(None)
            return
        box = plain_message_box(
            QMessageBox.Icon.Question,
            "Import Bundle",
            report.summary() + ".",
            QMessageBox.StandardButton.Cancel,
            self.window,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        self.import_button = box.addButton("Import", QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(self.import_button)
        _set_details(box, _lines(report))
        box.finished.connect(lambda _code: self._answered(box, path))
        self.preview = box
        box.open()

    def _answered(self, box: QMessageBox, path: Path) -> None:
        chosen = box.clickedButton() is self.import_button
        self.preview, self.import_button = None, None
        if chosen:
            self._start("Importing the bundle", path, False, self._merged)
        else:
            self.finished.emit(None)

    def _merged(self, result: MergeResult) -> None:
        report = result.report
        if not result.change.empty:
            error = push(
                self.undo_stack,
                BundleImportCommand(self.store, self.hub, result.change, f"Import Bundle from {report.creator}"),
            )
            if error is not None:
                self.finished.emit(None)
                return
        summary = report.summary()
        self.hub.emit("status", message=summary + ".")
        if report.skipped or report.kept:
            self._show(QMessageBox.Icon.Warning, summary + ".", report.details())
        self.finished.emit(report)

    def _failed(self, exc: BaseException, tb: str) -> None:
        message = str(exc) if isinstance(exc, ReviewerError) else f"The bundle import failed unexpectedly: {exc}"
        self.preview, self.import_button = None, None
        self.hub.emit("error", message=message)
        self._show(QMessageBox.Icon.Warning, "The bundle was not imported.", [message])
        self.finished.emit(None)

    def _show(self, icon: QMessageBox.Icon, text: str, details: list[str]) -> None:
        box = plain_message_box(icon, "Import Bundle", text, parent=self.window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        _set_details(box, details)
        box.open()


def _lines(report: MergeReport) -> list[str]:
    """What the person reads: one line per article of the bundle, then each item skipped or kept back."""
    lines = []
    for a in report.articles:
        what = "New" if a.new else "Already here"
        lines.append(
            f"{what}: {a.title} — {a.claims_added} claims added, {a.reviews_added} reviews added, "
            f"{a.reviews_updated} updated"
        )
    return lines + report.details()


def _set_details(box: QMessageBox, lines: list[str]) -> None:
    box.setInformativeText("\n".join(lines[:SHOWN_LINES]) + ("\n…" if len(lines) > SHOWN_LINES else ""))
    if len(lines) > SHOWN_LINES:
        box.setDetailedText("\n".join(lines))
