"""The review desk: library | reader | claims + review editor, wired together.

The window holds no review logic. It builds the panes, the actions and menus, and passes
what one pane reports to the others; changes go through undo commands (``DeskEdits`` builds
those of the Claim and Article menus) and come back through the ChangeHub. Switching library
files is the app controller's job (``app.py``): the window only asks for it with
``library_requested``, or ``backup_restored`` after a restore.
"""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu, QSplitter, QWidget

from ..core.domain import Article
from ..core.errors import LibraryError, NotFound
from ..core.store import Store
from .actions import ACTIONS, ActionCollection, build_menus, typing_in_text_field
from .bundle_import import BundleImport
from .changes import ARTICLES, CLAIMS, EVIDENCE, LIBRARY, REVIEW, SCALE, Change, ChangeHub
from .claim_view import VerdictPalette
from .claims_panel import ClaimsPanel
from .compare_view import show_compare
from .desk_edits import DeskEdits
from .escape_focus import install_escape_to_list
from .factcheck_import import FactcheckImport
from .import_flow import ImportFlow, local_paths
from .library_files import fill_recent_menu, pick_library
from .shortcuts_help import show_about
from .library_pane import LibraryPane
from .plain import plain_label
from .reader_pane import ReaderPane
from .review_editor import ReviewEditor
from .seen_before_desk import SeenBeforeDesk
from .settings import Settings
from .tasks import TaskManager
from .theme import theme_colors
from .window_layout import FIRST_PANE_SIZES, NarrowWindowPanes, restore_layout, save_layout

EXTERNAL_CHECK_MS = 2000


class MainWindow(QMainWindow):
    """One window on one library. UI thread only. The app makes it the Qt parent of the hub, undo stack
    and task manager it hands in, so they live and die with it; the store it only borrows."""

    library_requested = Signal(object)  # Path of a library to open (new or existing)
    backup_restored = Signal(object)  # Path of this library, whose content a backup replaced: reopen it
    theme_requested = Signal(str)

    def __init__(
        self,
        store: Store,
        settings: Settings,
        hub: ChangeHub,
        undo_stack: QUndoStack,
        tasks: TaskManager,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.store, self.settings, self.hub, self.undo_stack, self.tasks = store, settings, hub, undo_stack, tasks
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)
        self.persist = True  # False for --screenshot: leave the person's window state alone
        self.article: Article | None = None
        self.palette_ = VerdictPalette.from_store(store)
        # "All sentences" is a look at the whole article for this session: it floods the claims
        # list, so each window (a restart, another library) starts with check-worthy claims only.
        self.show_all = False

        self.library = LibraryPane(store, self)
        self.library.model.set_threshold(settings.threshold())
        self.reader_pane = ReaderPane(settings.pref("reader_font_size"), settings.pref("reader_max_width"), self)
        self.reader = self.reader_pane.view
        self.reader.set_dark(*theme_colors())
        self.claims = ClaimsPanel(self)
        self.claims.set_show_all(self.show_all)
        self.review_editor = ReviewEditor(store, hub, undo_stack, settings, self)
        self.review_editor.setObjectName("reviewHost")

        self.right_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.right_splitter.setObjectName("rightSplitter")
        self.right_splitter.addWidget(self.claims)
        self.right_splitter.addWidget(self.review_editor)
        self.right_splitter.setChildrenCollapsible(False)
        self.right_splitter.setSizes([440, 420])
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.library)
        self.splitter.addWidget(self.reader_pane)
        self.splitter.addWidget(self.right_splitter)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes(list(FIRST_PANE_SIZES))
        self.setCentralWidget(self.splitter)
        # A small window folds the library away.
        self.narrow_panes = NarrowWindowPanes(self, self.splitter, FIRST_PANE_SIZES)

        self.actions = ActionCollection(
            self,
            settings,
            {"undo": undo_stack.createUndoAction(self, "&Undo"), "redo": undo_stack.createRedoAction(self, "&Redo")},
        )
        self.recent_menu = QMenu("Recent &Libraries", self)
        self.menus = build_menus(self.menuBar(), self.actions, {"recent": self.recent_menu})
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.reader.set_context_actions(
            [self.actions["add_claim"], self.actions["edit_span"], self.actions["split_claim"]]
        )
        self.claims.set_context_actions(
            [
                self.actions["dismiss_claim"],
                self.actions["restore_claim"],
                self.actions["merge_claims"],
                None,
                self.actions["delete_claim"],
            ]
        )
        self.actions["show_all"].setChecked(self.show_all)
        self._update_verdict_actions()

        self.status_message = plain_label()  # messages name files, titles and people
        self.status_who = plain_label()
        self.statusBar().addWidget(self.status_message, 1)
        self.statusBar().addPermanentWidget(self.status_who)
        self._status_timer = QTimer(self)
        self._status_timer.setSingleShot(True)
        self._status_timer.setInterval(6000)
        self._status_timer.timeout.connect(lambda: self.status_message.setText(""))
        self._update_status_who()

        self.import_flow = ImportFlow(store, hub, tasks, settings, self.open_article, self)
        self.factcheck_import = FactcheckImport(store, hub, tasks, self, done=self._own_writes_done)
        self.bundle_import = BundleImport(store, hub, tasks, undo_stack, self, done=self._own_writes_done)
        self.edits = DeskEdits(
            store,
            hub,
            undo_stack,
            tasks,
            self.reader,
            self.claims,
            article=lambda: self.article,
            select_claim=self.select_claim,
            save_pending=self.review_editor.save_pending,
            show_message=self.show_message,
        )
        self.seen_before = SeenBeforeDesk(
            store, settings, hub, undo_stack, self.claims, self.review_editor, self.open_article, self
        )
        # Another window or the command line may write to the same library: look for their
        # commits now and then (a cheap pragma) and show them without being asked.
        self._data_version = store.data_version()
        self._watch_timer = QTimer(self)
        self._watch_timer.setInterval(EXTERNAL_CHECK_MS)
        self._watch_timer.timeout.connect(self._check_external_changes)
        self._watch_timer.start()
        self._connect()
        install_escape_to_list(self, self.claims.view, self.review_editor.save_pending)
        self._update_title()

    # ------------------------------------------------------------------ wiring
    def _connect(self) -> None:
        a = self.actions
        handlers = {
            "import_files": self.import_flow.choose_files,
            "import_folder": self.import_flow.choose_folder,
            "import_factchecks": self.factcheck_import.choose_files,
            "import_bundle": self.bundle_import.choose_file,
            "paste_article": self.import_flow.paste,
            "open_library": self._choose_library,
            "new_library": lambda: self._choose_library(new=True),
            "export": self._export,
            "backups": self.show_backups,
            "preferences": self.show_preferences,
            "quit": self.close,
            "copy": self.reader.copy,
            "find": self.library.focus_search,
            "zoom_in": lambda: self.set_font_size(self.reader.font_size() + 1),
            "zoom_out": lambda: self.set_font_size(self.reader.font_size() - 1),
            "zoom_reset": lambda: self.set_font_size(13),
            "focus_library": lambda: self.library.view.setFocus(),
            "focus_reader": lambda: self.reader.setFocus(),
            "focus_claims": lambda: self.claims.view.setFocus(),
            "status_todo": lambda: self.edits.set_status("todo"),
            "status_in_review": lambda: self.edits.set_status("in_review"),
            "status_done": lambda: self.edits.set_status("done"),
            "reextract": self.edits.reextract,
            "refresh": self.refresh,
            "next_claim": lambda: self.step_claim(1),
            "previous_claim": lambda: self.step_claim(-1),
            "add_claim": self.edits.add_claim_from_selection,
            "edit_span": self.edits.edit_span_from_selection,
            "split_claim": self.edits.split_at_cursor,
            "merge_claims": self.edits.merge_selected,
            "dismiss_claim": lambda: self.edits.dismiss_selected(True),
            "restore_claim": lambda: self.edits.dismiss_selected(False),
            "delete_claim": self.edits.delete_selected,
            "focus_note": self.review_editor.focus_note,
            "focus_evidence": self._add_evidence,
            "reuse_match": self.seen_before.reuse,
            "seen_before_list": self.seen_before.show_list,
            "compare_reviews": lambda: show_compare(self),
            "edit_scales": self.edit_scales,
            "shortcuts": self.show_shortcuts,
            "about": lambda: show_about(self),
            **{f"verdict_{n}": (lambda n=n: self.review_editor.set_verdict_by_index(n)) for n in range(10)},
        }
        guarded = {spec.id for spec in ACTIONS if spec.typing_guard}
        for action_id, handler in handlers.items():
            if action_id in guarded:
                a[action_id].triggered.connect(lambda _c=False, h=handler: None if typing_in_text_field() else h())
            else:
                a[action_id].triggered.connect(lambda _c=False, h=handler: h())
        a["show_all"].toggled.connect(self.set_show_all)
        self.library.article_selected.connect(self.open_article)
        self.reader_pane.header.near_duplicate_requested.connect(self.open_article)
        self.library.status_change_requested.connect(self.edits.set_status_of)
        self.claims.claim_selected.connect(lambda cid: self.select_claim(cid, scroll_panel=False))
        self.claims.show_all_changed.connect(lambda on: a["show_all"].setChecked(on))
        self.reader.claim_clicked.connect(self.select_claim)
        self.reader.navigate_requested.connect(self.step_claim)
        self.hub.changed.connect(self._on_change)
        self.import_flow.finished.connect(self._own_writes_done)

    # ------------------------------------------------------------------ opening
    def open_article(self, article_id: int, claim_id: int | None = None) -> bool:
        """Show an article with its claims; select ``claim_id`` or the first claim."""
        try:
            article = self.store.get_article(article_id)
        except NotFound as err:
            self.show_message(str(err), error=True)
            return False
        claims = self.store.claims_for_article(article_id)
        self.article = article
        threshold = self.threshold()
        self.reader.set_article(article, claims, self.palette_, threshold, self.show_all)
        self.claims.set_claims(claims, self.palette_, threshold)
        self._update_header()
        if self.library.current_article() != article_id:
            self.library.select_article(article_id)
        self.settings.set_state("last_article", article_id)
        ids = {c.id for c in claims}
        target = claim_id if claim_id in ids else self.claims.first_claim()
        self.select_claim(target)
        self._update_title()
        return True

    def select_claim(self, claim_id: int | None, scroll_panel: bool = True) -> None:
        """Make a claim current everywhere: panel row, reader highlight, review editor."""
        if scroll_panel:
            self.claims.select_claim(claim_id)
        self.reader.set_current_claim(claim_id)
        self.review_editor.set_claim(claim_id)
        self.settings.set_state("last_claim", claim_id or 0)

    def current_claim(self) -> int | None:
        return self.reader.current_claim()

    def step_claim(self, delta: int) -> None:
        claim_id = self.claims.step(delta)  # the panel's currentChanged selects it everywhere
        if claim_id is not None and self.reader.current_claim() != claim_id:
            self.select_claim(claim_id, scroll_panel=False)

    # ------------------------------------------------------------------ view options
    def threshold(self) -> float | None:
        return self.settings.threshold()

    def set_show_all(self, on: bool) -> None:
        if on == self.show_all:
            return
        self.show_all = on
        self.claims.set_show_all(on)
        self._refresh_claims(structural=False)

    def set_font_size(self, size: int) -> None:
        size = self.reader.set_font_size(size)
        self.settings.set_pref("reader_font_size", size)

    def apply_preferences(self) -> None:
        """Preferences changed: name, threshold, font size, shortcuts, theme colours."""
        # The library remembers the name too, so the command line signs changes with it.
        self.store.adopt_reviewer_name(self.settings.pref("reviewer_name"))
        self.actions.apply_shortcuts()
        self.reader.set_font_size(self.settings.pref("reader_font_size"))
        self.reader.set_dark(*theme_colors())
        self.claims.set_view(self.palette_, self.threshold())
        self._refresh_claims(structural=False)
        self._update_status_who()
        self.library.model.set_threshold(self.threshold())
        self.seen_before.apply_preferences()

    # ------------------------------------------------------------------ changes
    def refresh(self) -> None:
        """Re-read everything shown from the library (changes made elsewhere)."""
        self._data_version = self.store.data_version()
        self.hub.emit(ARTICLES, CLAIMS, REVIEW, EVIDENCE, initiator=self)

    def _check_external_changes(self) -> None:
        if self.tasks.jobs:
            # Our own imports write through a worker connection, so their commits move data_version
            # as another program's would; look again once they are done (``_own_writes_done``).
            return
        try:
            version = self.store.data_version()
        except sqlite3.Error:
            return  # the library is being swapped or restored; the controller will reopen it
        if version != self._data_version:
            self.refresh()
            self.show_message("Updated with changes made elsewhere.")

    def _own_writes_done(self, _report=None) -> None:
        """An import of this window finished: its commits are not news. Re-read quietly, which also
        shows anything another program committed meanwhile, and leave the import's summary shown."""
        try:
            version = self.store.data_version()
        except sqlite3.Error:
            return
        if version != self._data_version:
            self.refresh()

    def _on_change(self, change: Change) -> None:
        if "error" in change.kinds:
            self.show_message(change.extra.get("message", "Something went wrong."), error=True)
            return
        if "status" in change.kinds:
            self.show_message(change.extra.get("message", ""))
            return
        if change.touches(SCALE):
            self.palette_ = VerdictPalette.from_store(self.store)
            self._update_verdict_actions()
            self.claims.set_view(self.palette_, self.threshold())
        if change.touches(ARTICLES, CLAIMS, REVIEW) and LIBRARY not in change.kinds:
            if change.article_id is None and ARTICLES in change.kinds:
                self.library.model.reload()
                if self.article is not None:
                    self.library.select_article(self.article.id)
            else:
                self.library.model.refresh_articles([change.article_id] if change.article_id else None)
        if self.article is not None and change.article_id in (None, self.article.id):
            if change.touches(CLAIMS):
                self._refresh_claims(structural=True)
            elif change.kinds == frozenset({REVIEW}) and change.claim_ids:
                self._refresh_reviewed(change.claim_ids)  # a verdict, note or confidence: re-read just those
            elif change.touches(REVIEW, SCALE):
                self._refresh_claims(structural=False)
            # A first verdict or note moves the article to "in review": the header shows status too.
            if ARTICLES in change.kinds or REVIEW in change.kinds:
                try:
                    self.article = self.store.get_article(self.article.id)
                except NotFound:
                    self.article = None
                    self.reader.set_article(None, [], self.palette_, None, False)
                    self.claims.set_claims([], self.palette_, None)
                self._update_header()

    def _refresh_claims(self, structural: bool) -> None:
        if self.article is None:
            return
        claims = self.store.claims_for_article(self.article.id)
        current = self.reader.current_claim()
        threshold = self.threshold()
        if structural:
            self.claims.set_claims(claims, self.palette_, threshold)
        else:
            self.claims.update_claims(claims)
        self.reader.set_claims(claims, self.palette_, threshold, self.show_all)
        if current is not None and any(c.id == current for c in claims):
            self.reader.set_current_claim(current, scroll=False)
            self.claims.select_claim(current)
        self._update_header()

    def _refresh_reviewed(self, claim_ids) -> None:
        """Only these claims' reviews changed: one read each, and only their rows and highlights
        are redrawn (on an article with thousands of claims a verdict stays instant)."""
        try:
            claims = [c for c in map(self.store.get_claim, claim_ids) if c.article_id == self.article.id]
        except NotFound:
            self._refresh_claims(structural=True)
            return
        self.claims.replace_claims(claims)
        self.reader.update_claims(claims)

    def _update_header(self) -> None:
        """Review progress of the open article, from the claims list's running counts."""
        reviewed, total = self.claims.model.counts()
        near = self.store.near_duplicate_of(self.article.id) if self.article is not None else None
        self.reader_pane.header.set_article(self.article, reviewed, total, near_duplicate=near)

    # ------------------------------------------------------------------ dialogs
    def show_preferences(self) -> None:
        from .preferences import PreferencesDialog

        dialog = PreferencesDialog(self.store, self.settings, self.hub, self.actions, self, undo_stack=self.undo_stack)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # exec() deletes it before returning
        dialog.theme_changed.connect(self.theme_requested.emit)
        if dialog.exec():
            self.apply_preferences()

    def show_shortcuts(self) -> None:
        from .shortcuts_help import ShortcutsDialog

        dialog = ShortcutsDialog(self.actions, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.exec()

    def _add_evidence(self) -> None:
        """E: the add-evidence dialog for the current claim, its Evidence tab behind it."""
        if self.review_editor.claim_id is None:
            self.show_message("Select a claim first: evidence is added to the claim selected in the Claims list.")
            return
        self.review_editor.focus_evidence()
        self.review_editor.evidence.add_evidence()

    def edit_scales(self) -> None:
        from .scale_editor import ScaleEditorDialog

        dialog = ScaleEditorDialog(self.store, self.hub, self, undo_stack=self.undo_stack)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.exec()

    def _export(self) -> None:
        from .export_dialog import ExportDialog

        ids = [self.article.id] if self.article is not None else None
        dialog = ExportDialog(self.store, self.settings, self.tasks, self, article_ids=ids)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # its jobs are discarded when it closes
        dialog.exec()

    def show_backups(self) -> None:
        """The Backups dialog (window-modal); after a restore, ``backup_restored`` asks for a reopen."""
        from .backups_dialog import BackupsDialog

        path = self.store.path
        if path is None:
            self.show_message("This library is in memory only, so it has no backups.", error=True)
            return
        dialog = BackupsDialog(path, self.tasks, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.restore_starting.connect(self._pause_for_restore)
        dialog.restore_failed.connect(lambda _message: self._resume_after_restore())
        # Not from inside the dialog's accept(): the controller replaces this window and the dialog.
        dialog.accepted.connect(lambda: QTimer.singleShot(0, self, lambda: self.backup_restored.emit(path)))
        dialog.open()

    def _pause_for_restore(self) -> None:
        # A backup is about to be copied in under our Store; the modal dialog stops the person and the
        # dialog waited for our jobs to finish (their results arrived), so none is running. Left:
        # note typing (saved now, so the before-restore backup keeps it) and the watcher (it would
        # show restored data under an undo history that no longer fits).
        self.review_editor.save_pending()
        self._watch_timer.stop()

    def _resume_after_restore(self) -> None:
        """Nothing was restored: watch again."""
        self._watch_timer.start()

    def _choose_library(self, new: bool = False) -> None:
        try:
            path = pick_library(self, self.store.path, new=new)
        except LibraryError as err:
            self.show_message(str(err), error=True)
            return
        if path is not None:
            self.library_requested.emit(path)

    def _fill_recent(self) -> None:
        fill_recent_menu(
            self.recent_menu, self.store.path, self.settings.recent_libraries(), self.library_requested.emit
        )

    # ------------------------------------------------------------------ status, title
    def show_message(self, message: str, error: bool = False) -> None:
        self.status_message.setObjectName("statusError" if error else "")
        self.status_message.setStyleSheet("")  # re-polish for the object name
        self.status_message.setText(message)
        if not error:  # the timer belongs to the window, so it dies with it
            self._status_timer.start()

    def _update_status_who(self) -> None:
        library = self.store.path.name if self.store.path else "in memory"
        self.status_who.setText(f"Reviewing as {self.store.reviewer}  ·  {library}")

    def _update_title(self) -> None:
        parts = [self.article.title] if self.article else []
        if self.store.path:
            parts.append(self.store.path.name)
        parts.append("Reviewer")
        self.setWindowTitle(" — ".join(parts))

    def _update_verdict_actions(self) -> None:
        verdicts = self.palette_.active.verdicts
        for n in range(1, 10):
            action = self.actions[f"verdict_{n}"]
            if n <= len(verdicts):
                action.setText(f"{verdicts[n - 1].label}")
                action.setVisible(True)
            else:
                action.setVisible(False)

    # ------------------------------------------------------------------ state
    def restore_session(self, article_id: int | None = None) -> None:
        """Geometry, splitters, and the article and claim open last time (or ``article_id``)."""
        restore_layout(self, self.settings, self._splitters())
        same_library = self.store.path is not None and self.settings.state("last_library") == str(self.store.path)
        claim_id = None
        if article_id is None and same_library:
            article_id = self.settings.state("last_article") or None
            claim_id = self.settings.state("last_claim") or None
            if article_id is not None and not self._has_article(article_id):
                article_id = None  # deleted, or restored away (`reviewer restore`): no error for that
        if article_id is not None and self.open_article(article_id, claim_id):
            self.claims.view.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        first = self._first_article()
        if first is not None:
            self.open_article(first)
        else:
            self.reader_pane.header.set_article(None)
        self.claims.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _has_article(self, article_id: int) -> bool:
        try:
            self.store.get_article(article_id)
        except NotFound:
            return False
        return True

    def _first_article(self) -> int | None:
        """For a first start: the library's first article that has claims to review."""
        page = self.store.list_articles(limit=50)
        for summary in reversed(page) if len(page) <= 5 else page:
            if summary.claims_total:
                return summary.id
        return page[0].id if page else None

    def _splitters(self) -> dict[str, QSplitter]:
        return {"splitter": self.splitter, "reader_splitter": self.right_splitter}

    def save_session(self) -> None:
        if not self.persist:
            return
        save_layout(self, self.settings, self._splitters())
        if self.store.path is not None:
            self.settings.set_state("last_library", str(self.store.path))
            self.settings.add_recent_library(str(self.store.path))
        self.settings.set_state("last_article", self.article.id if self.article else 0)
        self.settings.set_state("last_claim", self.current_claim() or 0)
        self.settings.sync()

    def closeEvent(self, event) -> None:  # noqa: N802
        from .backups_dialog import BackupsDialog

        dialogs = self.findChildren(BackupsDialog)
        if any(dialog.is_busy() for dialog in dialogs):
            # A backup or restore copy cannot be stopped half-way, and closing would let the
            # controller close the library under it.
            event.ignore()
            self.show_message("A backup or restore is being copied; close the window when it has finished.")
            return
        for dialog in dialogs:
            dialog.close()  # a restore still waiting for other jobs is cancelled with its dialog
        self._watch_timer.stop()
        self.seen_before.stop()
        self.review_editor.set_claim(None)  # saves a note still being typed
        self.save_session()
        self.tasks.cancel_all()
        # Panes' own workers (the note preview) end now, not during interpreter shutdown, where a
        # Python job still running on a pool thread crashes the process.
        for manager in self.findChildren(TaskManager):
            if manager is not self.tasks:
                manager.shutdown()
        # The library is closed right after this window: nothing of ours may fire on it later.
        self.library.stop()
        self._status_timer.stop()
        super().closeEvent(event)

    # ------------------------------------------------------------------ drag and drop
    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasUrls() and local_paths(event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:  # noqa: N802
        paths = local_paths(event.mimeData().urls()) if event.mimeData().hasUrls() else []
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.import_flow.import_paths(paths)
