"""Where the desk window appears and how its panes share a small window.

Its saved geometry and splitter sizes, kept on a screen that exists (the settings keys are
"geometry" and one per splitter, given by the caller), and ``NarrowWindowPanes``, which folds the
library away when the window is too narrow for three panes. UI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QSplitter, QWidget

from .settings import Settings

FIRST_SIZE = QSize(1440, 900)
MIN_FIRST_SIZE = QSize(1200, 800)
FIRST_PANE_SIZES = (290, 630, 520)  # library | reader | claims and review, in a first window


def restore_layout(window: QWidget, settings: Settings, splitters: dict[str, QSplitter]) -> None:
    """The saved geometry (or a first size, centred) and the saved sizes of ``splitters`` by key."""
    geometry = settings.state("geometry")
    if isinstance(geometry, QByteArray) and not geometry.isEmpty() and window.restoreGeometry(geometry):
        keep_on_screen(window)
    else:
        first_size(window)
    for key, splitter in splitters.items():
        value = settings.state(key)
        if isinstance(value, QByteArray) and not value.isEmpty():
            splitter.restoreState(value)


def save_layout(window: QWidget, settings: Settings, splitters: dict[str, QSplitter]) -> None:
    settings.set_state("geometry", window.saveGeometry())
    for key, splitter in splitters.items():
        settings.set_state(key, splitter.saveState())


def first_size(window: QWidget) -> None:
    """A first start: large enough for three panes, never larger than the screen, centred on it."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    available = screen.availableGeometry() if screen else None
    size = QSize(FIRST_SIZE)
    if available is not None:
        size = size.boundedTo(available.size() * 0.95)
        size = size.expandedTo(MIN_FIRST_SIZE.boundedTo(available.size()))
    window.resize(size)
    if available is not None:
        frame = window.frameGeometry()
        frame.moveCenter(available.center())
        window.move(frame.topLeft())


def keep_on_screen(window: QWidget) -> None:
    """A window saved on a screen that is gone (unplugged monitor) comes back at its first size."""
    frame = window.frameGeometry()
    for screen in QGuiApplication.screens():
        if screen.availableGeometry().intersects(frame):
            return
    first_size(window)


# The reader keeps about 40 characters of text at the default size (its margins and scroll bar take ~90 px);
# the claims and review column keeps the review editor's own minimum, below which the claim card is clipped.
READER_MIN_WIDTH = 420
SIDE_MIN_WIDTH = 370


class NarrowWindowPanes(QObject):
    """Keeps the desk readable in a small window: below the width three panes need, the library folds away.

    ``splitter`` holds library | reader | side. The reader and side keep their minimum widths; the window's
    minimum is what those two need. A window narrower than all three folds the library (it comes back when
    the window is wide again, or while keyboard focus is in it: Ctrl+1, Ctrl+F). The person can also fold
    the library or the claims column by dragging its edge; focus going into a folded pane opens it.
    UI thread only; parented to ``window``.
    """

    def __init__(self, window: QWidget, splitter: QSplitter, first_sizes: tuple[int, int, int] = FIRST_PANE_SIZES):
        super().__init__(window)
        self._window, self.splitter = window, splitter
        self.library, self.reader, self.side = (splitter.widget(i) for i in range(3))
        self.reader.setMinimumWidth(READER_MIN_WIDTH)
        self.side.setMinimumWidth(max(SIDE_MIN_WIDTH, self.side.minimumSizeHint().width()))
        splitter.setCollapsible(0, True)
        splitter.setCollapsible(2, True)  # gives way to the library while it is used in a small window
        self._narrow: bool | None = None
        self._side_width = 0
        # The library's and the claims column's widths when the library was folded for the window's sake;
        # they come back with it. Until the splitter was once wide enough, the first sizes stand in.
        self._library_width, self._side_before = first_sizes[0], first_sizes[2]
        self._opened_for_focus = False
        # The layout's own minimum counts the folded library; the window may be as narrow as the other two
        # (only the width is set: the height stays the layout's, menus and status bar included).
        window.setMinimumWidth(self.reader.minimumWidth() + self.side.minimumWidth() + splitter.handleWidth() * 2)
        splitter.installEventFilter(self)
        QApplication.instance().focusChanged.connect(self._focus_changed)

    def three_panes_width(self) -> int:
        """The splitter width below which the library folds away."""
        library = max(self.library.minimumSizeHint().width(), self.library.minimumWidth())
        return library + self.reader.minimumWidth() + self.side.minimumWidth() + self.splitter.handleWidth() * 2

    def library_folded(self) -> bool:
        return self.splitter.sizes()[0] == 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.splitter and event.type() == QEvent.Type.Resize:
            self._fit(event.size().width())
        return False

    def _fit(self, width: int) -> None:
        narrow = width < self.three_panes_width()
        was_narrow = self._narrow
        if narrow == was_narrow:
            return
        self._narrow = narrow
        sizes = self.splitter.sizes()
        if narrow and not self.library_folded():
            if sum(sizes) + self.splitter.handleWidth() * 2 >= self.three_panes_width():
                self._library_width, self._side_before = sizes[0], sizes[2]  # sizes a person saw
            self._share(0, sizes[2], width)
        elif not narrow and was_narrow and (self.library_folded() or self._opened_for_focus):
            # Back from narrow: the library we folded returns (one folded by hand at full width stays folded).
            library = max(self._library_width, self.library.minimumSizeHint().width())
            # The claims column squeezed to its minimum meanwhile gets its width back too (a window that
            # starts small, as every window does before its first resize, would else keep it narrow).
            side = max(self._side_width if self._opened_for_focus else sizes[2], self._side_before)
            self._share(library, side, width)
        self._opened_for_focus = False

    def _share(self, library: int, side: int, total: int | None = None) -> None:
        """Library and side as given (0 folds one; otherwise at least its minimum), the reader the rest."""
        total = (total if total is not None else self.splitter.width()) - self.splitter.handleWidth() * 2
        if side:
            side = max(min(side, total - library - self.reader.minimumWidth()), self.side.minimumWidth())
        self.splitter.setSizes([library, max(total - library - side, 0), side])

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Keyboard focus never goes into a folded pane unseen (Ctrl+1, Ctrl+F, Ctrl+3 open it)."""
        if new is None or new.window() is not self._window:
            return
        in_library = new is self.library or self.library.isAncestorOf(new)
        in_side = new is self.side or self.side.isAncestorOf(new)
        library, _reader, side = self.splitter.sizes()
        library_min = self.library.minimumSizeHint().width()
        if in_library and library == 0:
            if self._narrow:
                # No room for three panes: the library takes the claims column's place while it is used.
                self._side_width = side
                self._share(library_min, 0)
                self._opened_for_focus = True
            else:
                self._share(max(self._library_width, library_min), side)
        elif self._opened_for_focus and not in_library:
            self._opened_for_focus = False
            self._share(0, self._side_width)
        elif in_side and side == 0:
            self._share(library, max(self._side_width, self.side.minimumWidth()))
