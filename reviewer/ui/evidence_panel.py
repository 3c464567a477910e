"""Evidence of a claim: a list over ``Evidence`` objects, a dialog to add or edit, open on double-click.

Every change is an undoable command. A local file is copied into the library by the store
(``add_evidence(file=...)``), so moving or deleting the original later loses nothing.
Only http(s) links and files inside the library are ever opened, and only in the system's
own viewer.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QAbstractListModel, QDate, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont, QFontMetrics, QPalette, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.domain import Evidence
from ..core.errors import ReviewerError
from ..core.store import Store
from ..core.urls import safe_url
from .changes import ChangeHub
from .commands import push
from .review_commands import AddEvidenceCommand, EditEvidenceCommand, RemoveEvidenceCommand

EvidenceRole = Qt.ItemDataRole.UserRole + 1


def evidence_summary(evidence: Evidence) -> tuple[str, str]:
    """(headline, details) for one piece of evidence, as the list shows it."""
    headline = evidence.title or evidence.url or evidence.original_name or (evidence.quote or "")[:80] or "Evidence"
    details = []
    if evidence.url and evidence.url != headline:
        details.append(evidence.url)
    if evidence.file_name:
        details.append(f"File: {evidence.original_name or evidence.file_name}")
    if evidence.quote and evidence.quote[:80] != headline:
        quote = " ".join(evidence.quote.split())
        details.append(f"“{quote[:140]}{'…' if len(quote) > 140 else ''}”")
    if evidence.accessed:
        details.append(f"Accessed {evidence.accessed}")
    return headline, "\n".join(details)


class TwoLineDelegate(QStyledItemDelegate):
    """Draws a list item's DisplayRole as a headline (first line, semi-bold) and muted detail lines.

    Used by the evidence and history lists; the text still comes from the model, so
    screen readers and tests read the same words.
    """

    PADDING = 6

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        headline = QFont(option.font)
        headline.setWeight(QFont.Weight.DemiBold)
        details = QFont(option.font)
        details.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.92))
        return headline, details

    def _layout(self, option: QStyleOptionViewItem, text: str, width: int) -> list[tuple[QFont, QRect, str]]:
        headline_font, detail_font = self._fonts(option)
        lines = text.split("\n")
        flags = Qt.TextFlag.TextWordWrap
        y = self.PADDING
        parts = []
        for number, line in enumerate(lines):
            font = headline_font if number == 0 else detail_font
            bounds = QFontMetrics(font).boundingRect(QRect(0, 0, width, 10_000), flags, line)
            parts.append((font, QRect(self.PADDING, y, width, bounds.height()), line))
            y += bounds.height() + (3 if number == 0 else 1)
        return parts

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        width = max(120, (option.rect.width() or 300) - 2 * self.PADDING)
        view = self.parent()
        if view is not None and hasattr(view, "viewport"):
            width = max(120, view.viewport().width() - 2 * self.PADDING - 4)
        parts = self._layout(option, text, width)
        height = parts[-1][1].bottom() + self.PADDING + 1 if parts else 24
        return QSize(width + 2 * self.PADDING, height)

    def paint(self, painter, option: QStyleOptionViewItem, index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""  # opt.text has U+2028 for line breaks
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette = opt.palette
        strong = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = strong if selected else palette.color(QPalette.ColorRole.PlaceholderText)
        painter.save()
        painter.translate(opt.rect.topLeft())
        for number, (font, rect, line) in enumerate(self._layout(opt, text, opt.rect.width() - 2 * self.PADDING)):
            painter.setFont(font)
            painter.setPen(strong if number == 0 else muted)
            painter.drawText(rect, Qt.TextFlag.TextWordWrap, line)
        painter.restore()


class ObjectListModel(QAbstractListModel):
    """A read-only list model over plain core objects; subclasses say how a row is shown in ``present``."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._items: list = []

    def set_items(self, items) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item(self, row: int):
        return self._items[row] if 0 <= row < len(self._items) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        return self.present(self._items[index.row()], role)

    def present(self, item, role: int):
        raise NotImplementedError


class EvidenceModel(ObjectListModel):
    """The evidence of one claim (``Evidence`` objects)."""

    def evidence(self, row: int) -> Evidence | None:
        return self.item(row)

    def present(self, evidence: Evidence, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            headline, details = evidence_summary(evidence)
            return f"{headline}\n{details}" if details else headline
        if role == Qt.ItemDataRole.ToolTipRole:
            return evidence.url or evidence.original_name or evidence.title
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return " ".join(evidence_summary(evidence))
        if role == EvidenceRole:
            return evidence
        return None


class EvidenceDialog(QDialog):
    """Add or edit one piece of evidence. Values come back from ``values()`` after accept."""

    def __init__(self, parent: QWidget | None = None, evidence: Evidence | None = None):
        super().__init__(parent)
        self.setWindowTitle("Edit evidence" if evidence else "Add evidence")
        self.setMinimumWidth(460)
        self.url = QLineEdit(self)
        self.url.setPlaceholderText("https://…")
        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText("Title of the page or document")
        self.quote = QPlainTextEdit(self)
        self.quote.setPlaceholderText("The passage that supports or contradicts the claim")
        self.quote.setTabChangesFocus(True)
        self.quote.setFixedHeight(90)
        self.accessed = QDateEdit(self)
        self.accessed.setCalendarPopup(True)
        self.accessed.setDisplayFormat("yyyy-MM-dd")
        self.accessed.setDate(QDate.currentDate())
        self.file = QLineEdit(self)
        self.file.setPlaceholderText("Optional: copied into the library")
        self.browse = QPushButton("Choose…", self)
        self.browse.clicked.connect(self._choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(self.browse)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #B03A00;")
        self.error.hide()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("&URL:", self.url)
        form.addRow("&Title:", self.title_edit)
        form.addRow("&Quoted passage:", self.quote)
        form.addRow("&Date accessed:", self.accessed)
        if evidence is None:
            form.addRow(QLabel("&File:", self, buddy=self.file), file_row)
        else:
            self.file.hide()
            self.browse.hide()
            if evidence.file_name:
                form.addRow("File:", QLabel(evidence.original_name or evidence.file_name, self))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Save" if evidence else "Add")
        self.buttons.accepted.connect(self._check_and_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        if evidence is not None:
            self.url.setText(evidence.url or "")
            self.title_edit.setText(evidence.title or "")
            self.quote.setPlainText(evidence.quote or "")
            if evidence.accessed:
                parsed = QDate.fromString(evidence.accessed, "yyyy-MM-dd")
                if parsed.isValid():
                    self.accessed.setDate(parsed)

    def values(self) -> dict:
        """Field values as the store takes them (empty → None)."""
        return {
            "url": self.url.text().strip() or None,
            "title": self.title_edit.text().strip() or None,
            "quote": self.quote.toPlainText().strip() or None,
            "accessed": self.accessed.date().toString("yyyy-MM-dd"),
            "file": self.file.text().strip() or None,
        }

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Attach a file")
        if path:
            self.file.setText(path)

    def _check_and_accept(self) -> None:
        values = self.values()
        if not any(values[k] for k in ("url", "title", "quote", "file")):
            self._show_error("Give at least a URL, a title, a quoted passage or a file.")
            return
        if values["file"] and not Path(values["file"]).expanduser().is_file():
            self._show_error(f"{values['file']}: no such file. Check the path or choose it again.")
            return
        self.accept()

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()


class EvidencePanel(QWidget):
    """The evidence list of the current claim with Add, Edit, Remove. UI thread only."""

    error = Signal(str)  # a message for the person (the store refused a change)

    def __init__(
        self, store: Store, hub: ChangeHub, undo_stack: QUndoStack, parent: QWidget | None = None, before_change=None
    ):
        super().__init__(parent)
        self.store = store
        self.hub = hub
        self.undo_stack = undo_stack
        self.claim_id: int | None = None
        self.dialog: EvidenceDialog | None = None  # the open add/edit dialog, if any
        self._before_change = before_change or (lambda: None)

        self.model = EvidenceModel(self)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setItemDelegate(TwoLineDelegate(self.view))
        self.view.setUniformItemSizes(False)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setAccessibleName("Evidence")
        self.view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.view.activated.connect(self.open_evidence)  # double-click, or Enter
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.empty = QLabel("No evidence yet. Add a link, a quoted passage or a file.", self)
        self.empty.setWordWrap(True)
        self.empty.setObjectName("hint")

        self.add_button = QPushButton("&Add…", self)
        self.add_button.setToolTip("Add a link, a quoted passage or a local file")
        self.edit_button = QPushButton("&Edit…", self)
        self.remove_button = QPushButton("&Remove", self)
        self.open_button = QPushButton("&Open", self)
        self.open_button.setToolTip("Open the link in the browser, or the file in its application")
        self.add_button.clicked.connect(self.add_evidence)
        self.edit_button.clicked.connect(self.edit_evidence)
        self.remove_button.clicked.connect(self.remove_evidence)
        self.open_button.clicked.connect(lambda: self.open_evidence(self.view.currentIndex()))
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        self.set_claim(None)

    # ----------------------------------------------------------------- state
    def set_claim(self, claim_id: int | None) -> None:
        self.claim_id = claim_id
        self.refresh()

    def refresh(self) -> None:
        """Re-read the claim's evidence from the store, keeping the selected row if it is still there."""
        current = self.selected()
        items = self.store.list_evidence(self.claim_id) if self.claim_id is not None else []
        self.model.set_items(items)
        if current is not None:
            for row, evidence in enumerate(items):
                if evidence.id == current.id:
                    self.view.setCurrentIndex(self.model.index(row))
        self.empty.setVisible(self.claim_id is not None and not items)
        self.view.setVisible(bool(items) or self.claim_id is None)
        self.add_button.setEnabled(self.claim_id is not None)
        self._update_buttons()

    def selected(self) -> Evidence | None:
        indexes = self.view.selectionModel().selectedIndexes() if self.view.selectionModel() else []
        return self.model.evidence(indexes[0].row()) if indexes else None

    def _update_buttons(self, *args) -> None:
        has = self.selected() is not None
        for button in (self.edit_button, self.remove_button, self.open_button):
            button.setEnabled(has)

    # ----------------------------------------------------------------- actions
    def add_evidence(self) -> None:
        """Open the Add dialog (window-modal); the change is made when the person accepts."""
        if self.claim_id is None:
            return
        self._open_dialog(EvidenceDialog(self), None)

    def edit_evidence(self) -> None:
        evidence = self.selected()
        if evidence is not None:
            self._open_dialog(EvidenceDialog(self, evidence), evidence)

    def _open_dialog(self, dialog: EvidenceDialog, evidence: Evidence | None) -> None:
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = dialog
        claim_id = self.claim_id
        dialog.accepted.connect(lambda: self._dialog_accepted(dialog, claim_id, evidence))
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        dialog.open()

    def _dialog_closed(self, dialog: EvidenceDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _dialog_accepted(self, dialog: EvidenceDialog, claim_id: int, evidence: Evidence | None) -> None:
        values = dialog.values()
        self._before_change()
        try:
            if evidence is None:
                command = AddEvidenceCommand(self.store, self.hub, claim_id, **values)
            else:
                values.pop("file")
                changes = {k: v for k, v in values.items() if v != getattr(evidence, k)}
                if not changes:
                    return
                command = EditEvidenceCommand(self.store, self.hub, evidence.id, **changes)
        except ReviewerError as err:
            self.error.emit(str(err))
            return
        failure = push(self.undo_stack, command)
        if failure is not None:
            self.error.emit(str(failure))

    def remove_evidence(self) -> None:
        evidence = self.selected()
        if evidence is None:
            return
        self._before_change()
        failure = push(self.undo_stack, RemoveEvidenceCommand(self.store, self.hub, evidence.id))
        if failure is not None:
            self.error.emit(str(failure))

    def open_evidence(self, index: QModelIndex | None = None) -> None:
        """Open a link in the browser (http/https only) or an attached file in its application."""
        evidence = self.model.evidence(index.row()) if index is not None and index.isValid() else self.selected()
        if evidence is None:
            return
        url = evidence_url(self.store, evidence)
        if url is None:
            self.error.emit("This evidence has no web link or file to open.")
            return
        QDesktopServices.openUrl(url)


def evidence_url(store: Store, evidence: Evidence) -> QUrl | None:
    """What double-clicking opens: the attached file inside the library, else an http(s) link."""
    path = store.attachment_path(evidence)
    if path is not None and path.is_file():
        return QUrl.fromLocalFile(str(path))
    link = safe_url(evidence.url)  # the same rule as links in reports
    if link:
        url = QUrl(link)  # tolerant: percent-encodes "|", "{", "^" as a browser would
        if url.isValid() and url.scheme().lower() in ("http", "https") and url.host():
            return url
    return None


def today() -> str:
    return date.today().isoformat()
