"""The Export dialog: choose format, scope, filters and destination, see a live preview, export.

Opened by the main window as ``ExportDialog(store, settings, tasks, parent, article_ids)`` then
``exec()``. The preview and the export run as TaskManager jobs, each with its own Store
(a connection belongs to one thread); the dialog only reads the options from its widgets and
shows results. UI thread only.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QDate, QStandardPaths, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QFont, QFontDatabase
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..core.display import shorten
from ..core.domain import STATUS_LABELS, STATUSES
from ..core.errors import ReviewerError
from ..core.reports import EXTENSIONS, FORMAT_NAMES, FORMATS, ReportOptions, build_report, render
from ..core.reports.model import clean_url_base
from ..core.reports.rich_html import render_rich_html
from .tasks import Job
from .theme import show_on_paper

PREVIEW_DELAY_MS = 350
PREVIEW_CLAIMS = 40  # the preview shows the start of a long report
PREVIEW_TEXT_CHARS = 60_000
SCOPE_CURRENT, SCOPE_SELECTED, SCOPE_LIBRARY = "current", "selected", "library"
CLAIMREVIEW_FORMATS = ("claimreview", "html")  # the HTML report embeds ClaimReview JSON-LD
URL_BASE_HINT = (
    "Without a base URL the reviews have no url, which Google Fact Check Tools require. "
    "Each review's url is BASE/claims/<claim id>."
)


class OfflineBrowser(QTextBrowser):
    """A QTextBrowser that never loads anything: no remote or local resources, no navigation."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)

    def loadResource(self, type: int, name: QUrl):  # noqa: A002 - Qt's signature
        return None


def _worker_store(store):
    """A Store for a job's thread on the same library file (None for in-memory libraries)."""
    if store.path is None:
        return None
    return store.worker_store()


class ExportDialog(QDialog):
    def __init__(self, store, settings, tasks, parent: QWidget | None = None, article_ids: list[int] | None = None):
        super().__init__(parent)
        self.store, self.settings, self.tasks = store, settings, tasks
        from ..pdf_qt import register

        register()  # the desk writes PDF with Qt's writer
        self.article_ids = list(article_ids or [])
        self.last_path: Path | None = None
        self._preview_generation = 0
        self._export_job = None
        self._jobs: set[Job] = set()  # running jobs started here; discarded when the dialog closes
        self._chose_with_dialog = False
        self.setWindowTitle("Export report")
        self.resize(1100, 720)

        self.format_combo = QComboBox()
        for fmt in FORMATS:
            self.format_combo.addItem(FORMAT_NAMES[fmt], fmt)
        self.format_combo.setCurrentIndex(self.format_combo.findData("html"))
        self._last_format = self.current_format()

        # Scope
        self.scope_current = QRadioButton("Current article")
        self.scope_selected = QRadioButton(f"Selected articles ({len(self.article_ids)})")
        self.scope_library = QRadioButton("Whole library")
        self.scope_group = QButtonGroup(self)
        for button, key in (
            (self.scope_current, SCOPE_CURRENT),
            (self.scope_selected, SCOPE_SELECTED),
            (self.scope_library, SCOPE_LIBRARY),
        ):
            button.setProperty("scope", key)
            self.scope_group.addButton(button)
        self.scope_current.setEnabled(len(self.article_ids) >= 1)
        self.scope_selected.setEnabled(len(self.article_ids) > 1)
        if len(self.article_ids) > 1:
            self.scope_selected.setChecked(True)
        elif self.article_ids:
            self.scope_current.setChecked(True)
            title = self._article_title(self.article_ids[0])
            if title:
                self.scope_current.setText(f"Current article: {shorten(title, 48)}")
        else:
            self.scope_library.setChecked(True)

        # Filters
        self.verdict_list = QListWidget()
        self.verdict_list.setMaximumHeight(110)
        for verdict in store.active_scale().verdicts:
            item = QListWidgetItem(verdict.label)
            item.setData(Qt.ItemDataRole.UserRole, verdict.key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.verdict_list.addItem(item)
        self.verdict_list.setToolTip("Tick verdicts to report only those; none ticked = every verdict.")
        self.reviewers_edit = QLineEdit()
        self.reviewers_edit.setPlaceholderText("everyone (or names, separated by commas)")
        self.since_check, self.since_edit = QCheckBox("From"), _date_edit()
        self.until_check, self.until_edit = QCheckBox("Until"), _date_edit()
        self.status_checks = {s: QCheckBox(STATUS_LABELS[s]) for s in STATUSES}
        self.include_unreviewed = QCheckBox("Include claims not reviewed yet")

        # Cover and layout
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("Fact-check report")
        self.organisation_edit = QLineEdit(settings.pref("organisation") or store.get_meta("organisation") or "")
        self.url_base_edit = QLineEdit(settings.pref("claimreview_url_base"))
        self.url_base_edit.setPlaceholderText("https://factdesk.example/checks")
        self.url_base_edit.setToolTip("Each ClaimReview's url is this address + /claims/<claim id>.")
        # Said before exporting, not found out when a consumer rejects the file.
        self.url_base_hint = QLabel(URL_BASE_HINT)
        self.url_base_hint.setWordWrap(True)
        # Two short lines that must not be squeezed by the form around them.
        self.url_base_hint.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.url_base_hint.setObjectName("paneCount")
        self.page_size_combo = QComboBox()
        self.page_size_combo.addItems(["A4", "Letter"])
        self.page_size_combo.setCurrentText(
            settings.pref("page_size") if settings.pref("page_size") in ("A4", "Letter") else "A4"
        )

        # Destination
        self.path_edit = QLineEdit(str(self._default_path()))
        self.browse_button = QPushButton("Choose…")

        # Preview and result
        self.preview = OfflineBrowser()
        self.preview_status = QLabel()
        self.preview_status.setObjectName("previewStatus")
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_folder_button = QPushButton("Open folder")
        self.open_folder_button.hide()
        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton("Export", QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setDefault(True)
        self.cancel_button = self.buttons.addButton("Cancel export", QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button.hide()
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)

        self._layout()
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.refresh_preview)
        self._connect()
        self._update_enabled()
        self.schedule_preview()

    # ------------------------------------------------------------------ layout
    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow("Format", self.format_combo)
        scope = QGroupBox("Articles")
        scope_layout = QVBoxLayout(scope)
        for button in (self.scope_current, self.scope_selected, self.scope_library):
            scope_layout.addWidget(button)

        filters = QGroupBox("Claims")
        f = QFormLayout(filters)
        f.addRow(self.include_unreviewed)
        f.addRow("Verdicts", self.verdict_list)
        f.addRow("Reviewers", self.reviewers_edit)
        dates = QHBoxLayout()
        for widget in (self.since_check, self.since_edit, self.until_check, self.until_edit):
            dates.addWidget(widget)
        dates.addStretch(1)
        f.addRow("Reviewed", dates)
        statuses = QHBoxLayout()
        for check in self.status_checks.values():
            statuses.addWidget(check)
        statuses.addStretch(1)
        f.addRow("Article status", statuses)

        cover = QGroupBox("Cover")
        c = QFormLayout(cover)
        c.addRow("Title", self.title_edit)
        c.addRow("Organisation", self.organisation_edit)
        c.addRow("ClaimReview base URL", self.url_base_edit)
        c.addRow(self.url_base_hint)
        c.addRow("Page size", self.page_size_combo)

        destination = QHBoxLayout()
        destination.addWidget(self.path_edit, 1)
        destination.addWidget(self.browse_button)
        dest_form = QFormLayout()
        dest_form.addRow("Save to", destination)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(form)
        left_layout.addWidget(scope)
        left_layout.addWidget(filters)
        left_layout.addWidget(cover)
        left_layout.addLayout(dest_form)
        left_layout.addStretch(1)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        preview_label = QLabel("Preview")
        preview_label.setBuddy(self.preview)
        right_layout.addWidget(preview_label)
        right_layout.addWidget(self.preview, 1)
        right_layout.addWidget(self.preview_status)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([420, 680])

        result = QHBoxLayout()
        result.addWidget(self.result_label, 1)
        result.addWidget(self.open_folder_button)
        outer = QVBoxLayout(self)
        outer.addWidget(splitter, 1)
        outer.addWidget(self.progress)
        outer.addLayout(result)
        outer.addWidget(self.buttons)

    def _connect(self) -> None:
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self.scope_group.buttonToggled.connect(lambda *_: self.schedule_preview())
        self.verdict_list.itemChanged.connect(lambda *_: self.schedule_preview())
        self.reviewers_edit.textChanged.connect(self.schedule_preview)
        for check in (self.since_check, self.until_check, self.include_unreviewed, *self.status_checks.values()):
            check.toggled.connect(self._update_enabled)
            check.toggled.connect(self.schedule_preview)
        for edit in (self.since_edit, self.until_edit):
            edit.dateChanged.connect(self.schedule_preview)
        for edit in (self.title_edit, self.organisation_edit, self.url_base_edit):
            edit.textChanged.connect(self.schedule_preview)
        self.url_base_edit.textChanged.connect(self._update_enabled)
        self.page_size_combo.currentIndexChanged.connect(self.schedule_preview)
        self.browse_button.clicked.connect(self.choose_path)
        self.path_edit.textEdited.connect(lambda *_: setattr(self, "_chose_with_dialog", False))
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button.clicked.connect(self.cancel_export)
        self.close_button.clicked.connect(self.reject)
        self.open_folder_button.clicked.connect(self.open_folder)

    def _update_enabled(self) -> None:
        self.since_edit.setEnabled(self.since_check.isChecked())
        self.until_edit.setEnabled(self.until_check.isChecked())
        self.page_size_combo.setEnabled(self.current_format() in ("pdf", "html"))
        claimreview = self.current_format() in CLAIMREVIEW_FORMATS
        self.url_base_edit.setEnabled(claimreview)
        self.url_base_hint.setVisible(claimreview and not self.url_base_edit.text().strip())

    # ------------------------------------------------------------------ options
    def current_format(self) -> str:
        return self.format_combo.currentData()

    def set_format(self, fmt: str) -> None:
        self.format_combo.setCurrentIndex(self.format_combo.findData(fmt))

    def scope(self) -> str:
        button = self.scope_group.checkedButton()
        return button.property("scope") if button else SCOPE_LIBRARY

    def options(self) -> ReportOptions:
        """The report options the widgets describe."""
        scope = self.scope()
        if scope == SCOPE_CURRENT and self.article_ids:
            ids = (self.article_ids[0],)
        elif scope == SCOPE_SELECTED:
            ids = tuple(self.article_ids)
        else:
            ids = ()
        verdicts = tuple(
            self.verdict_list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.verdict_list.count())
            if self.verdict_list.item(i).checkState() == Qt.CheckState.Checked
        )
        reviewers = tuple(n.strip() for n in self.reviewers_edit.text().split(",") if n.strip())
        return ReportOptions(
            article_ids=ids,
            include_unreviewed=self.include_unreviewed.isChecked(),
            verdicts=verdicts,
            reviewers=reviewers,
            statuses=tuple(s for s, check in self.status_checks.items() if check.isChecked()),
            since=self.since_edit.date().toString("yyyy-MM-dd") if self.since_check.isChecked() else None,
            until=self.until_edit.date().toString("yyyy-MM-dd") if self.until_check.isChecked() else None,
            title=self.title_edit.text().strip() or None,
            organisation=self.organisation_edit.text().strip() or None,
            page_size=self.page_size_combo.currentText(),
            url_base=(self.url_base_edit.text().strip() or None)
            if self.current_format() in CLAIMREVIEW_FORMATS
            else None,
            threshold=self.settings.threshold(),
        )

    # ------------------------------------------------------------------ destination
    def _article_title(self, article_id: int) -> str | None:
        try:
            return self.store.get_article(article_id).title
        except ReviewerError:
            return None

    def _default_path(self) -> Path:
        remembered = self.settings.state("last_export_dir")
        folder = (
            remembered
            if remembered and Path(remembered).is_dir()
            else QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        )
        base = Path(folder) if folder else Path.home()
        name = "fact-check-report"
        if len(self.article_ids) == 1:
            name = _slug(self._article_title(self.article_ids[0]) or "") or name
        return base / (name + EXTENSIONS[self.current_format()])

    def _format_changed(self) -> None:
        fmt = self.current_format()
        old_ext, new_ext = EXTENSIONS[self._last_format], EXTENSIONS[fmt]
        text = self.path_edit.text()
        if text.endswith(old_ext):
            self.path_edit.setText(text[: -len(old_ext)] + new_ext)
        elif text and not text.endswith(new_ext):
            self.path_edit.setText(str(Path(text).with_suffix("")) + new_ext)
        self._last_format = fmt
        self._update_enabled()
        self.schedule_preview()

    def choose_path(self) -> None:
        fmt = self.current_format()
        ext = EXTENSIONS[fmt]
        name_filter = f"{FORMAT_NAMES[fmt]} (*{ext})"
        path, _ = QFileDialog.getSaveFileName(self, "Export report", self.path_edit.text(), name_filter)
        if path:
            if not path.endswith(ext):
                path += ext
            self.path_edit.setText(path)
            self._chose_with_dialog = True  # the file dialog already asked about overwriting

    # ------------------------------------------------------------------ preview
    def schedule_preview(self) -> None:
        self._preview_timer.start()

    def refresh_preview(self) -> None:
        """Rebuild the preview in the background; an older preview that finishes late is ignored."""
        self._preview_generation += 1
        generation = self._preview_generation
        fmt, options, store = self.current_format(), self.options(), self.store
        self.preview_status.setText("Updating preview…")

        def job(ctx):
            worker = _worker_store(store)
            try:
                return _preview_content(worker, fmt, options)
            finally:
                worker.close()

        if store.path is None:  # an in-memory library cannot be shared with a thread
            try:
                self._show_preview(generation, _preview_content(store, fmt, options))
            except ReviewerError as exc:
                self._preview_failed(generation, exc)
            return
        self._track(
            self.tasks.run(
                "Report preview",
                job,
                delay_ms=10_000,
                on_done=lambda result: self._show_preview(generation, result),
                on_error=lambda exc, tb: self._preview_failed(generation, exc, tb),
            )
        )

    def _show_preview(self, generation: int, result: tuple[str, str, str]) -> None:
        if generation != self._preview_generation:
            return
        kind, content, status = result
        scroll = self.preview.verticalScrollBar().value()
        if kind == "html":
            # The report's own colours are for white paper: shown as on paper in a dark theme too.
            show_on_paper(self.preview, True)
            self.preview.document().setDefaultFont(QFont())
            self.preview.setHtml(content)
        else:
            show_on_paper(self.preview, False)  # text formats follow the theme
            self.preview.document().setDefaultFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
            self.preview.setPlainText(content)
        self.preview.verticalScrollBar().setValue(scroll)
        self.preview_status.setText(status)

    def _preview_failed(self, generation: int, exc: BaseException, tb: str = "") -> None:
        if generation != self._preview_generation:
            return
        if isinstance(exc, ReviewerError):
            self.preview_status.setText(str(exc))
        else:
            self.preview_status.setText(f"The preview failed ({type(exc).__name__}: {exc}).")

    # ------------------------------------------------------------------ export
    def start_export(self) -> None:
        text = self.path_edit.text().strip()
        if not text:
            self._show_error("Choose where to save the report.")
            return
        path = Path(text).expanduser()
        if path.is_file() and not self._chose_with_dialog:
            answer = QMessageBox.question(self, "Replace file?", f"{path.name} already exists. Replace it?")
            if answer != QMessageBox.StandardButton.Yes:
                return
        fmt, options, store = self.current_format(), self.options(), self.store
        self.settings.set_pref("page_size", options.page_size)
        if options.organisation:
            self.settings.set_pref("organisation", options.organisation)
        if options.url_base and fmt in CLAIMREVIEW_FORMATS:
            try:
                self.settings.set_pref("claimreview_url_base", clean_url_base(options.url_base))
            except ReviewerError as exc:
                self._show_error(str(exc))
                return
        self._set_busy(True)
        self.result_label.setText("Exporting…")

        def job(ctx):
            from ..core.export import export_report

            worker = _worker_store(store)
            try:
                return export_report(worker, fmt, path, options, progress=ctx.progress, cancelled=ctx.cancelled)
            finally:
                worker.close()

        if store.path is None:
            from ..core.export import export_report

            try:
                self._export_done(export_report(store, fmt, path, options))
            except ReviewerError as exc:
                self._export_failed(exc, "")
            return
        self._export_job = self._track(
            self.tasks.run("Export report", job, on_done=self._export_done, on_error=self._export_failed)
        )
        self._export_job.progress.connect(self._on_progress)
        self._export_job.show_progress.connect(self.progress.show)

    def _on_progress(self, done: int, total: int, text: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(f"%p% {shorten(text, 60)}" if text else "%p%")

    def cancel_export(self) -> None:
        if self._export_job is not None:
            self._export_job.cancel()

    def _set_busy(self, busy: bool) -> None:
        self.export_button.setEnabled(not busy)
        self.cancel_button.setVisible(busy)
        self.open_folder_button.hide()
        if not busy:
            self.progress.hide()
            self._export_job = None

    def _export_done(self, path) -> None:
        self._set_busy(False)
        self.last_path = Path(path)
        self.settings.set_state("last_export_dir", str(self.last_path.parent))
        self.result_label.setStyleSheet("")
        self.result_label.setText(f"Saved {self.last_path}")
        self.open_folder_button.show()

    def _export_failed(self, exc: BaseException, tb: str) -> None:
        self._set_busy(False)
        if isinstance(exc, ReviewerError):
            self._show_error(str(exc))
        else:
            self._show_error(f"The export failed ({type(exc).__name__}: {exc}). Please report this.")

    def _show_error(self, message: str) -> None:
        self.result_label.setStyleSheet("color: #b00020;")
        self.result_label.setText(message)

    def open_folder(self) -> None:
        if self.last_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_path.parent)))

    def _track(self, job: Job) -> Job:
        self._jobs.add(job)
        job.ended.connect(lambda: self._jobs.discard(job))
        return job

    def done(self, result: int) -> None:  # noqa: D401 - Qt override
        # The window deletes this dialog once closed: a late preview or export result must not
        # reach it. Cancelling also stops an export still writing.
        for job in list(self._jobs):
            job.discard()
        self._preview_timer.stop()
        super().done(result)


def _preview_content(store, fmt: str, options: ReportOptions) -> tuple[str, str, str]:
    """("html"|"text", content, status line) for the preview; runs in a job."""
    report = build_report(store, options)
    status = (
        f"{report.total_claims} claim{'s' if report.total_claims != 1 else ''} in "
        f"{len(report.articles)} article{'s' if len(report.articles) != 1 else ''}"
    )
    if fmt in ("html", "pdf"):
        if report.total_claims > PREVIEW_CLAIMS:
            status += f" · preview shows the first {PREVIEW_CLAIMS}"
        return "html", render_rich_html(report, max_claims=PREVIEW_CLAIMS, page_breaks=False), status
    content = render(report, fmt)
    if isinstance(content, bytes):
        content = content.decode("utf-8-sig")
    if len(content) > PREVIEW_TEXT_CHARS:
        content = content[:PREVIEW_TEXT_CHARS] + "\n…"
        status += " · preview shows the beginning"
    return "text", content, status


def _date_edit() -> QDateEdit:
    edit = QDateEdit(QDate.currentDate())
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setEnabled(False)
    return edit


def _slug(text: str) -> str:
    return re.sub(r"[^\w]+", "-", text.lower()).strip("-")[:60]
