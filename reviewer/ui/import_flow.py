"""Bringing articles in from the window: files, folders, drops and the clipboard.

Reading and claim extraction run on the TaskManager with the window Store's ``worker_store()``
(a connection belongs to one thread, and the library file is only ever opened through SQLite); a progress dialog with Cancel appears only if the job takes a while.
Afterwards the library refreshes through the hub, per-file errors and duplicates are listed,
and the first new article is opened through the ``open_article`` callback.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from ..core.errors import DuplicateArticle, ReviewerError
from ..core.ingest import ImportReport, import_paths, import_text
from ..core.store import Store
from .changes import ARTICLES, ChangeHub
from .plain import plain_message_box, warn
from .settings import Settings
from .tasks import JobContext, TaskManager

FILE_FILTER = "Articles (*.txt *.text *.md *.markdown *.html *.htm *.xhtml *.pdf *.docx);;All files (*)"


def local_paths(urls: Iterable[QUrl]) -> list[Path]:
    """The local files and folders among dropped URLs (remote URLs are ignored: nothing is fetched)."""
    return [Path(u.toLocalFile()) for u in urls if u.isLocalFile() and u.toLocalFile()]


def _run_import(owner: Store, paths: list[Path], ctx: JobContext) -> ImportReport:
    """Worker thread: import into the library file with a connection of our own."""
    with owner.worker_store() as store:
        return import_paths(store, paths, progress=ctx.progress, cancelled=ctx.cancelled)


def _run_paste(owner: Store, text: str, html: str | None, ctx: JobContext) -> ImportReport:
    report = ImportReport()
    with owner.worker_store() as store:
        try:
            report.added.append(import_text(store, text, html))
        except DuplicateArticle as dup:
            report.duplicates.append(dup)
        except ReviewerError as err:
            report.errors.append(err)
    return report


class ImportFlow(QObject):
    """Starts imports for a window and reports their outcome. UI thread only."""

    finished = Signal(object)  # ImportReport, after the hub was told

    def __init__(
        self,
        store: Store,
        hub: ChangeHub,
        tasks: TaskManager,
        settings: Settings,
        open_article: Callable[[int], None],
        parent: QWidget,
    ):
        super().__init__(parent)
        self.store, self.hub, self.tasks, self.settings = store, hub, tasks, settings
        self.open_article = open_article
        self.window = parent
        self.quiet = False  # tests and --screenshot: no modal report dialogs
        self._progress: QProgressDialog | None = None

    # ------------------------------------------------------------------ entry points
    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self.window, "Import articles", str(Path.home()), FILE_FILTER)
        if files:
            self.import_paths([Path(f) for f in files])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, "Import a folder of articles", str(Path.home()))
        if folder:
            self.import_paths([Path(folder)])

    def paste(self) -> None:
        """Paste the clipboard as a new article (its HTML when it has some)."""
        mime = QGuiApplication.clipboard().mimeData()
        text = mime.text() if mime is not None and mime.hasText() else ""
        html = mime.html() if mime is not None and mime.hasHtml() else None
        if not text.strip() and not (html and html.strip()):
            self.hub.emit("error", message="The clipboard holds no text to import.")
            return
        if not self._has_file():
            return
        owner = self.store
        self._start("Importing pasted article", lambda ctx: _run_paste(owner, text, html, ctx))

    def import_paths(self, paths: list[Path]) -> None:
        """Import files and folders off the UI thread."""
        if not paths:
            return
        if not self._has_file():
            return
        owner = self.store
        self._start("Importing", lambda ctx: _run_import(owner, list(paths), ctx))

    # ------------------------------------------------------------------ running
    def _has_file(self) -> bool:
        if self.store.path is None:
            self.hub.emit("error", message="This library is in memory only; save it to a file to import.")
            return False
        return True

    def _start(self, title: str, fn) -> None:
        job = self.tasks.run(title, fn, on_done=self._done, on_error=self._failed)
        if self.quiet:
            return
        dialog = QProgressDialog(title + "…", "Cancel", 0, 0, self.window)
        dialog.setWindowTitle(title)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(job.cancel)
        job.progress.connect(lambda done, total, name: self._on_progress(dialog, done, total, name))
        job.show_progress.connect(dialog.show)
        job.ended.connect(dialog.close)
        job.ended.connect(dialog.deleteLater)
        dialog.hide()
        self._progress = dialog

    @staticmethod
    def _on_progress(dialog: QProgressDialog, done: int, total: int, name: str) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))
        if name:
            dialog.setLabelText(f"Importing {name} ({done + 1} of {total})…")

    def _done(self, report: ImportReport) -> None:
        if report.added or report.duplicates:
            self.hub.emit(ARTICLES, message=f"{len(report.added)} imported")
        if report.added:
            self.open_article(report.added[0][0])
        elif report.duplicates and not report.errors:
            self.open_article(report.duplicates[0].existing_id)
        self._summarise(report)
        self.finished.emit(report)

    def _failed(self, exc: BaseException, tb: str) -> None:
        message = str(exc) if isinstance(exc, ReviewerError) else f"The import failed unexpectedly: {exc}"
        self.hub.emit("error", message=message)
        if not self.quiet:
            warn(self.window, "Import failed", message)
        self.finished.emit(None)

    def _summarise(self, report: ImportReport) -> None:
        parts = [f"{len(report.added)} article{'s' if len(report.added) != 1 else ''} imported"]
        if report.duplicates:
            parts.append(f"{len(report.duplicates)} already in the library")
        if report.errors:
            parts.append(f"{len(report.errors)} could not be read")
        if report.cancelled:
            parts.append("cancelled")
        self.hub.emit("status", message="; ".join(parts) + ".")
        if self.quiet or not (report.errors or report.duplicates):
            return
        box = plain_message_box(QMessageBox.Icon.Information, "Import finished", "", parent=self.window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # one per import: exec() deletes it
        box.setIcon(QMessageBox.Icon.Warning if report.errors else QMessageBox.Icon.Information)
        box.setWindowTitle("Import finished")
        box.setText("; ".join(parts).capitalize() + ".")
        details = [str(e) for e in report.errors] + [str(d) for d in report.duplicates]
        box.setInformativeText("\n".join(details[:8]) + ("\n…" if len(details) > 8 else ""))
        box.setDetailedText("\n".join(details))
        box.exec()
