"""The Markdown note of a claim with a live, safe preview.

What a person types is saved as they type (debounced) and at once when they leave the note
or switch claims, so nothing is lost; all saves of one typing session merge into one undo
step (``EditNoteCommand``). The preview is sanitised HTML in a QTextBrowser that never
loads a resource: no remote images, no local files. It is rendered on a worker thread, so a
huge or hostile note never freezes the desk, and a note holds at most ``MAX_NOTE_CHARS``:
typing or pasting past it is refused, with a message.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QDesktopServices,
    QFocusEvent,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QTextCursor,
    QUndoStack,
)
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QSplitter, QTextBrowser, QVBoxLayout, QWidget

from ..core.errors import ChangedElsewhere, NotFound
from ..core.markdown_render import MAX_NOTE_CHARS, render_markdown
from ..core.store import Store
from .changes import ChangeHub
from .note_conflict import KEEP_BOTH, KEEP_MINE, TAKE_THEIRS, NoteConflictBar, both_notes
from .review_commands import EditNoteCommand
from .tasks import TaskManager

SAVE_DELAY_MS = 400
PREVIEW_DELAY_MS = 150
SIDE_BY_SIDE_WIDTH = 640  # below this the preview goes under the editor
LIMIT_WARNING_AT = MAX_NOTE_CHARS * 9 // 10  # from here on the editor shows the count

PREVIEW_CSS = """
p, li { line-height: 140%; }
h1 { font-size: 16pt; } h2 { font-size: 14pt; } h3 { font-size: 12pt; }
blockquote { margin-left: 12px; font-style: italic; }
code, pre { font-family: monospace; }
a { color: #0072B2; }
"""


class SafePreview(QTextBrowser):
    """A QTextBrowser that shows HTML and never fetches anything (images, style sheets, links)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.document().setDefaultStyleSheet(PREVIEW_CSS)
        self.anchorClicked.connect(self._open_link)

    def loadResource(self, kind: int, name: QUrl):  # noqa: N802 - Qt override
        return None  # offline app: nothing is loaded, not even local files

    def _open_link(self, url: QUrl) -> None:
        # A deliberate click on a web link opens the system browser; nothing else is followed.
        if url.scheme() in ("http", "https"):
            QDesktopServices.openUrl(url)


class NoteTextEdit(QPlainTextEdit):
    """Plain-text Markdown editor. Its own undo is off: Ctrl+Z goes to the shared undo stack."""

    left = Signal()  # focus went elsewhere (another widget, a menu, another window)
    undo_requested = Signal()
    redo_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)  # Tab moves on, as in a form
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo):
                event.accept()  # handled in keyPressEvent, not by the window's Undo action too
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo_requested.emit()
            return
        if event.matches(QKeySequence.StandardKey.Redo):
            self.redo_requested.emit()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.left.emit()


class NoteEditor(QWidget):
    """Editor and preview of one claim's note. UI thread only.

    The editor owns its save timer; ``flush()`` writes pending typing at once (the review
    editor calls it before any other change and on claim switch).
    """

    def __init__(self, store: Store, hub: ChangeHub, undo_stack: QUndoStack, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.hub = hub
        self.undo_stack = undo_stack
        self.claim_id: int | None = None
        self.session = 0
        self.preview_html = ""
        self._saved_text = ""  # what the store holds for this claim, as far as the editor knows
        self._theirs = None  # the Review changed elsewhere while typing, until the person chooses
        self._length = 0  # of the editor's text, to tell growth from the last change
        # Previews render on a worker: a generation number drops results for older text, and
        # only one render runs at a time (typing meanwhile asks for one more when it ends).
        self._renders = TaskManager(self, max_threads=1)
        self._render_generation = 0
        self._rendering = False
        self._render_again = False

        self.label = QLabel(self)
        self.label.setObjectName("hint")
        self.label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.label.setWordWrap(True)
        self.limit_label = QLabel(self)
        self.limit_label.setObjectName("noteLimit")
        self.limit_label.setWordWrap(True)
        self.limit_label.setTextFormat(Qt.TextFormat.PlainText)
        self.limit_label.setAccessibleName("Note length")
        self.limit_label.hide()
        self.editor = NoteTextEdit(self)
        self.editor.setAccessibleName("Note")
        self.preview = SafePreview(self)
        self.preview.setAccessibleName("Note preview")
        self.preview.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.preview.setPlaceholderText("The preview of the note appears here.")
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.editor)
        self.splitter.addWidget(self.preview)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.conflict = NoteConflictBar(self)
        self.conflict.chosen.connect(self.resolve_conflict)
        layout.addWidget(self.label)
        layout.addWidget(self.conflict)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.limit_label)

        self._save_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save)
        self._preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.update_preview)
        self.editor.textChanged.connect(self._on_text_changed)
        self.editor.left.connect(lambda: self.flush(end_session=True))
        self.editor.undo_requested.connect(self._undo)
        self.editor.redo_requested.connect(self._redo)
        self.set_conclusion_mode(False)
        self.setEnabled(False)

    # ----------------------------------------------------------------- public
    def set_conclusion_mode(self, conclusion: bool) -> None:
        """Conclusion-only scales: the note is the written conclusion, the verdict itself."""
        if conclusion:
            self.label.setText("Your written conclusion is the verdict · Markdown · saved as you type")
            self.editor.setPlaceholderText("Write the conclusion of the check: what is true, what is not, and why.")
        else:
            self.label.setText("Markdown · saved as you type")
            self.editor.setPlaceholderText(
                "Notes on this claim: what you checked, sources, reasoning. **Markdown** works."
            )

    def set_claim(self, claim_id: int | None, note: str = "") -> None:
        """Show another claim's note; pending typing for the previous claim is saved first."""
        self._keep_both_if_undecided()
        self.flush(end_session=True)
        self.claim_id = claim_id
        self.setEnabled(claim_id is not None)
        self._set_text(note if claim_id is not None else "")

    def refresh(self, note: str) -> None:
        """The store's note changed (undo, revert, another window): show it unless the person is mid-typing."""
        if self.is_dirty():
            return
        if note != self.editor.toPlainText():
            self.session += 1  # typing after an outside change is a new undo step
            self._set_text(note)
        self._saved_text = note

    def is_dirty(self) -> bool:
        return self.claim_id is not None and self.editor.toPlainText() != self._saved_text

    def flush(self, end_session: bool = False) -> None:
        """Save pending typing now (no-op when nothing changed)."""
        self._save_timer.stop()
        self.save()
        if end_session:
            self.session += 1

    def save(self) -> None:
        if not self.is_dirty() or self._theirs is not None:
            return  # nothing to save, or the person has not chosen between two versions yet
        text = self.editor.toPlainText()
        if len(text) > MAX_NOTE_CHARS:
            # Only a note that was already too long (an older library) gets here: typing past
            # the limit is refused. It stays unsaved until it is short enough; the label says so.
            self._show_length(len(text))
            return
        try:
            command = EditNoteCommand(
                self.store, self.hub, self.claim_id, text, session=self.session, before=self._saved_text
            )
        except NotFound:
            # The claim went away under the typing (merged here, deleted in another window):
            # there is nothing left to attach the note to. Say so instead of failing.
            self.claim_id = None
            self._saved_text = text
            self.hub.emit(
                "error",
                message="The claim was removed before its note was saved; "
                "the unsaved note text is still in the editor to copy.",
            )
            return
        self._saved_text = text  # before push: the hub announcement must not reload the editor
        self.undo_stack.push(command)
        if isinstance(command.error, ChangedElsewhere):
            # Another window or command saved this note since we read it: keep both until asked.
            self._theirs = command.error.current
            self._saved_text = self._theirs.note
            self.conflict.show_conflict(self._theirs.note, self._theirs.reviewer, self._theirs.updated_at)
        elif command.error is not None:
            self._saved_text = self.store.get_review(self.claim_id).note

    def in_conflict(self) -> bool:
        return self._theirs is not None

    def resolve_conflict(self, choice: str) -> None:
        """The person chose between their note and the one changed elsewhere (KEEP_BOTH, …)."""
        theirs, mine = self._theirs, self.editor.toPlainText()
        if theirs is None:
            return
        self._theirs = None
        self.conflict.hide()
        self.session += 1  # the choice is an undo step of its own
        if choice == TAKE_THEIRS:
            QGuiApplication.clipboard().setText(mine)
            self._set_text(theirs.note)
            self.hub.emit("status", message="Their note is kept; your text was copied to the clipboard.")
            return
        if choice == KEEP_BOTH:
            self.editor.setPlainText(both_notes(mine, theirs.note, theirs.reviewer, theirs.updated_at))
        elif choice != KEEP_MINE:
            raise ValueError(choice)
        self.flush()

    def _keep_both_if_undecided(self) -> None:
        # Leaving the claim (or closing) must not lose either version: keep both.
        if self._theirs is not None:
            self.resolve_conflict(KEEP_BOTH)

    def update_preview(self) -> None:
        """Render the current text on the worker; the preview changes when the result comes."""
        self._preview_timer.stop()
        self._render_generation += 1
        if self._rendering:
            self._render_again = True  # the running render is for older text
            return
        self._rendering = True
        generation, text = self._render_generation, self.editor.toPlainText()
        self._renders.run(
            "Note preview",
            lambda _ctx: render_markdown(text),
            delay_ms=0,
            on_done=lambda html: self._show_preview(generation, html),
            on_error=lambda _exc, _tb: self._show_preview(generation, None),
        )

    def wait_for_preview(self, timeout_ms: int = 30000) -> bool:
        """Block until no render runs (tests, and before a screenshot)."""
        return self._renders.wait(timeout_ms)

    def _show_preview(self, generation: int, html: str | None) -> None:
        self._rendering = False
        if self._render_again:
            self._render_again = False
            self.update_preview()  # the text changed while rendering: this result is stale
            return
        if generation != self._render_generation or html is None:
            return
        self.preview_html = html
        bar = self.preview.verticalScrollBar()
        position = bar.value()
        self.preview.setHtml(html)
        bar.setValue(position)

    # ----------------------------------------------------------------- internals
    def _set_text(self, text: str) -> None:
        cursor_position = self.editor.textCursor().position()
        self.editor.blockSignals(True)
        self.editor.setPlainText(text)
        self.editor.blockSignals(False)
        cursor = self.editor.textCursor()
        cursor.setPosition(min(cursor_position, self.editor.document().characterCount() - 1))
        self.editor.setTextCursor(cursor)
        self._saved_text = text
        self._length = len(text)
        self._show_length(self._length)
        # The previous claim's preview must not stand for this one while the new one renders.
        self.preview_html = ""
        self.preview.clear()
        self.update_preview()

    def _on_text_changed(self) -> None:
        if self.claim_id is None:
            return
        text = self.editor.toPlainText()
        refused = 0
        if len(text) > MAX_NOTE_CHARS and len(text) > self._length:
            refused = self._refuse_growth(text, len(text) - max(MAX_NOTE_CHARS, self._length))
            text = self.editor.toPlainText()
        self._length = len(text)
        self._show_length(self._length, refused)
        self._save_timer.start()
        self._preview_timer.start()

    def _refuse_growth(self, text: str, excess: int) -> int:
        """Take back the last ``excess`` characters typed or pasted (they end at the cursor)."""
        cursor = self.editor.textCursor()
        utf16_end = cursor.position()
        # Qt counts UTF-16 units, the limit counts characters (as Python and the store do).
        end = len(text.encode("utf-16-le")[: 2 * utf16_end].decode("utf-16-le", errors="ignore"))
        start = max(0, end - excess)
        if end - start < excess:  # the insertion was not before the cursor: cut the end instead
            start, end = len(text) - excess, len(text)
            utf16_end = len(text.encode("utf-16-le")) // 2
        cursor.setPosition(utf16_end - len(text[start:end].encode("utf-16-le")) // 2)
        cursor.setPosition(utf16_end, QTextCursor.MoveMode.KeepAnchor)
        self.editor.blockSignals(True)
        cursor.removeSelectedText()
        self.editor.blockSignals(False)
        self.editor.setTextCursor(cursor)
        return end - start

    def _show_length(self, length: int, refused: int = 0) -> None:
        """Count and limit under the editor, from near the limit on; why text was refused."""
        if refused == 1:
            self.limit_label.setText(
                f"A note holds at most {MAX_NOTE_CHARS:,} characters: typing past the limit is refused."
            )
        elif refused:
            self.limit_label.setText(
                f"A note holds at most {MAX_NOTE_CHARS:,} characters: the last "
                f"{refused:,} characters pasted or dropped were not added."
            )
        elif length > MAX_NOTE_CHARS:
            self.limit_label.setText(
                f"{length:,} characters: a note holds at most {MAX_NOTE_CHARS:,}. Shorten it by "
                f"{length - MAX_NOTE_CHARS:,} characters; until then it is not saved."
            )
        elif length >= LIMIT_WARNING_AT:
            self.limit_label.setText(f"{length:,} of {MAX_NOTE_CHARS:,} characters")
        self.limit_label.setVisible(bool(refused) or length >= LIMIT_WARNING_AT)

    def _undo(self) -> None:
        self.flush(end_session=True)
        self.undo_stack.undo()

    def _redo(self) -> None:
        self.flush(end_session=True)
        self.undo_stack.redo()

    def hideEvent(self, event) -> None:
        self._keep_both_if_undecided()
        self.flush(end_session=True)  # a closing window or a hidden pane must not lose typing
        super().hideEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        wide = self.width() >= SIDE_BY_SIDE_WIDTH
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self.splitter.orientation() != orientation:
            self.splitter.setOrientation(orientation)
