"""The desktop app: builds the QApplication, settings, library, hub, undo stack and window.

``run_gui(args)`` is called by ``reviewer gui`` with ``args.db``, ``args.article``,
``args.screenshot`` and ``args.files``. Nothing here is a module-level global: a
``DeskController`` owns what one run of the app needs and hands it to the window.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .core.errors import EXIT_OK, EXIT_USER_ERROR

SCREENSHOT_SIZE = (1440, 900)


def _ensure_platform(screenshot: bool) -> None:
    # A screenshot needs no display: fall back to the offscreen platform when there is none.
    if (
        screenshot
        and "QT_QPA_PLATFORM" not in os.environ
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
        and sys.platform.startswith("linux")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def _quiet_offscreen_warnings() -> None:
    """The offscreen platform warns about window size hints it cannot honour: noise, not news."""
    if os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        return
    from PySide6.QtCore import qInstallMessageHandler

    def handler(_mode, _context, message: str) -> None:
        if "propagateSizeHints" not in message:
            sys.stderr.write(message + "\n")

    qInstallMessageHandler(handler)


def run_gui(args) -> int:
    """Run the desktop app until the window closes; the exit code. Main thread only."""
    screenshot = getattr(args, "screenshot", None)
    _ensure_platform(bool(screenshot))
    from .ui.qt_compat import protect_none

    protect_none()
    from PySide6.QtWidgets import QApplication

    from .core.errors import ReviewerError

    _quiet_offscreen_warnings()

    app = QApplication.instance() or QApplication(sys.argv[:1])
    _setup_application(app)
    controller = DeskController(app, interactive=not screenshot)
    try:
        if not controller.start(
            getattr(args, "db", None),
            getattr(args, "article", None),
            [Path(f) for f in (getattr(args, "files", None) or [])],
        ):
            return EXIT_OK
        if screenshot:
            return controller.screenshot(Path(screenshot))
    except ReviewerError as err:
        print(f"reviewer: {err}", file=sys.stderr)
        return EXIT_USER_ERROR
    code = app.exec()
    controller.shutdown()
    return code


def _setup_application(app) -> None:
    from PySide6.QtGui import QIcon

    from .core.resources import resource_path

    app.setApplicationName("Reviewer")
    app.setOrganizationName("Reviewer")
    app.setApplicationDisplayName("Reviewer")
    app.setDesktopFileName("io.github.reviewer.Reviewer")
    icons = resource_path("icons")
    if icons.is_dir():
        icon = QIcon()
        for candidate in sorted(icons.glob("*.png")) + sorted(icons.glob("*.svg")):
            icon.addFile(str(candidate))
        if not icon.isNull():
            app.setWindowIcon(icon)


def ask_reviewer_name(settings, interactive: bool) -> str:
    """The reviewer's name: asked once at first start (interactive only), else the login name."""
    from .core.store import default_reviewer

    name = settings.pref("reviewer_name")
    if name:
        return name
    name = default_reviewer()
    if interactive:
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        typed, ok = QInputDialog.getText(
            None,
            "Welcome to Reviewer",
            "Your name, as it should appear in the review history and reports:",
            QLineEdit.EchoMode.Normal,
            name,
        )
        if ok and typed.strip():
            name = typed.strip()
        settings.set_pref("reviewer_name", name)
    return name


class DeskController:
    """Owns one run of the app: settings, the open library and its window. Main thread only."""

    def __init__(self, app, settings=None, interactive: bool = True):
        from .ui.settings import Settings

        self.app = app
        self.settings = settings or Settings()
        self.interactive = interactive
        self.store = None
        self.window = None
        self.hub = None
        self.undo_stack = None
        self.tasks = None
        self._theme_watch = False

    # ------------------------------------------------------------------ start
    def start(self, db: str | None, article_id: int | None = None, files: list[Path] | None = None) -> bool:
        """Open the library and show the window; False when the person chose to quit."""
        from .ui.start import open_library_interactive

        self.apply_theme(self.settings.pref("theme"))
        name = ask_reviewer_name(self.settings, self.interactive)
        store = open_library_interactive(self._initial_path(db), name, interactive=self.interactive)
        if store is None:
            return False
        self._show(store, article_id)
        if files:
            self.window.import_flow.quiet = not self.interactive
            self.window.import_flow.import_paths(files)
        return True

    def _initial_path(self, db: str | None):
        from .core.library import ENV_DB

        if db:
            return db
        if os.environ.get(ENV_DB):
            return None
        last = self.settings.state("last_library")
        return last if last and Path(last).exists() else None

    def _show(self, store, article_id: int | None = None) -> None:
        from PySide6.QtGui import QUndoStack

        from .ui.changes import ChangeHub
        from .ui.main_window import MainWindow
        from .ui.tasks import TaskManager

        self.store = store
        store.adopt_reviewer_name(self.settings.pref("reviewer_name"))  # the CLI signs with it too
        self.hub = ChangeHub()
        self.undo_stack = QUndoStack()
        self.tasks = TaskManager()
        self.window = MainWindow(store, self.settings, self.hub, self.undo_stack, self.tasks)
        for owned in (self.hub, self.undo_stack, self.tasks):  # they live and die with their window
            owned.setParent(self.window)
        self.window.persist = self.interactive
        self.window.library_requested.connect(self.switch_library)
        self.window.backup_restored.connect(self.reopen_after_restore)
        self.window.theme_requested.connect(self.apply_theme)
        self.window.restore_session(article_id)
        if store.path is not None and self.interactive:
            self.settings.add_recent_library(str(store.path))
            self.settings.set_state("last_library", str(store.path))
        self.window.show()

    def shutdown(self) -> None:
        """After the event loop: close the library while every Qt object is still alive."""
        self._close_current()

    def _close_current(self) -> None:
        if self.window is not None:
            self.window.close()
            self.tasks.shutdown()
            # Empty the undo stack now, while its commands' Python wrappers exist: left to the
            # garbage collector, the stack may outlive them and delete freed commands (a crash).
            self.undo_stack.clear()
            self.window.deleteLater()  # and with it the stack, the task manager and the hub
            self.window = self.hub = self.undo_stack = self.tasks = None
        if self.store is not None:
            self.store.close()
            self.store = None

    def switch_library(self, path: Path) -> None:
        """Open another library file in place of the current one."""
        from .core.errors import LibraryError
        from .core.library import open_library

        try:
            store = open_library(path, reviewer=self.settings.pref("reviewer_name") or None)
        except LibraryError as err:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self.window, "Cannot open the library", str(err))
            return
        self._close_current()
        self._show(store)

    def reopen_after_restore(self, path: Path) -> None:
        """A backup replaced the library's content: a new window on it (ids and undo history changed)."""
        from .ui.start import open_library_interactive

        self._close_current()
        # The closing window saved its article and claim, but their ids belong to the replaced
        # content: gone from the restored library, or another article by now. Start afresh.
        self.settings.set_state("last_article", 0)
        self.settings.set_state("last_claim", 0)
        store = open_library_interactive(path, self.settings.pref("reviewer_name"), interactive=self.interactive)
        if store is None:
            self.app.quit()
            return
        self._show(store)

    # ------------------------------------------------------------------ theme
    def apply_theme(self, theme: str) -> None:
        from .ui.theme import apply_theme, theme_colors

        apply_theme(self.app, theme)
        if not self._theme_watch:
            self._theme_watch = True
            hints = self.app.styleHints()
            if hasattr(hints, "colorSchemeChanged"):
                hints.colorSchemeChanged.connect(
                    lambda _s: self.settings.pref("theme") == "system" and self.apply_theme("system")
                )
        if self.window is not None:
            self.window.reader.set_dark(*theme_colors(self.app))

    # ------------------------------------------------------------------ screenshot
    def screenshot(self, target: Path) -> int:
        """Render the window as a person would see it, save a PNG, close."""
        from PySide6.QtCore import QElapsedTimer, QEventLoop

        window = self.window
        window.resize(*SCREENSHOT_SIZE)
        timer = QElapsedTimer()
        timer.start()
        # Let layout, fonts, any import of FILE arguments and the seen-before matching of the open
        # article settle; wait in the event loop, not in a busy loop.
        while timer.elapsed() < 400 or (
            (self.tasks.jobs or window.seen_before.seen.busy()) and timer.elapsed() < 60000
        ):
            self.app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
        window.resize(*SCREENSHOT_SIZE)
        self.app.processEvents()
        image = window.grab()
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(target), "PNG"):
            print(f"reviewer: could not write the screenshot to {target}", file=sys.stderr)
            return EXIT_USER_ERROR
        self._close_current()
        return EXIT_OK
