"""Every command of the window, declared in one place, and the menus built from them.

An ``ActionSpec`` names an action (id, text, default shortcut — a ``QKeySequence.StandardKey``
where one fits). ``ActionCollection`` makes the QActions for a window and applies the
person's overrides from Settings (saved only when they differ from the default);
``build_menus`` lays them out. The main window connects ``triggered`` to its handlers.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QKeySequenceEdit,
    QLineEdit,
    QMenu,
    QMenuBar,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from .settings import Settings

SK = QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionSpec:
    id: str
    text: str
    shortcut: tuple[str | QKeySequence.StandardKey, ...] = ()
    tip: str = ""
    checkable: bool = False
    # Bare letters and digits must not fire while the person types in a text field.
    typing_guard: bool = False
    role: QAction.MenuRole = QAction.MenuRole.NoRole


ACTIONS: tuple[ActionSpec, ...] = (
    # File
    ActionSpec("import_files", "&Import Files…", (SK.Open,), "Import articles from files"),
    ActionSpec("import_folder", "Import &Folder…", ("Ctrl+Shift+O",), "Import every article in a folder"),
    ActionSpec(
        "import_factchecks", "Import Fact-c&hecks…", (), "Import a collection of fact-checks (ClaimReview, CSV)"
    ),
    ActionSpec("import_bundle", "Import B&undle…", (), "Merge a colleague's bundle of review work (one undo step)"),
    ActionSpec("open_library", "Open &Library…", ("Ctrl+Alt+O",), "Open another library file"),
    ActionSpec("new_library", "&New Library…", ("Ctrl+Alt+N",), "Create an empty library file"),
    ActionSpec("export", "&Export Report…", ("Ctrl+Shift+E",), "Write a review report"),
    ActionSpec("backups", "&Backups…", (), "Restore the library from a backup"),
    ActionSpec("preferences", "&Preferences…", (SK.Preferences, "Ctrl+,"), role=QAction.MenuRole.PreferencesRole),
    ActionSpec("quit", "&Quit", (SK.Quit, "Ctrl+Q"), role=QAction.MenuRole.QuitRole),
    # Edit
    ActionSpec("undo", "&Undo", (SK.Undo,)),
    ActionSpec("redo", "&Redo", ("Ctrl+Shift+Z", SK.Redo)),
    ActionSpec("paste_article", "Paste as New &Article", ("Ctrl+Shift+V",), "Import the clipboard as an article"),
    ActionSpec("copy", "&Copy", (SK.Copy,)),
    ActionSpec("find", "&Search Library", (SK.Find,), "Search titles, text, claims and notes"),
    # View
    ActionSpec("zoom_in", "&Larger Text", (SK.ZoomIn, "Ctrl+="), "Larger reader text"),
    ActionSpec("zoom_out", "&Smaller Text", (SK.ZoomOut,), "Smaller reader text"),
    ActionSpec("zoom_reset", "&Actual Size", ("Ctrl+0",)),
    ActionSpec("refresh", "&Refresh", (SK.Refresh, "F5"), "Show changes made in another window or by the command line"),
    ActionSpec(
        "show_all",
        "Show &All Sentences",
        ("Ctrl+Shift+A",),
        "Also show sentences that are not check-worthy and dismissed claims",
        checkable=True,
    ),
    ActionSpec("focus_library", "Go to &Library", ("Ctrl+1",)),
    ActionSpec("focus_reader", "Go to &Reader", ("Ctrl+2",)),
    ActionSpec("focus_claims", "Go to &Claims", ("Ctrl+3",)),
    ActionSpec(
        "seen_before_list",
        "Seen &Before…",
        (),
        "Claims of the library that match earlier reviews or imported fact-checks",
    ),
    ActionSpec(
        "compare_reviews",
        "Compare Re&views…",
        (),
        "Claims where reviewers disagree, side by side; record the final decision with one key",
    ),
    # Article
    ActionSpec("status_todo", "Mark as &To Do", ("Ctrl+Alt+1",)),
    ActionSpec("status_in_review", "Mark as &In Review", ("Ctrl+Alt+2",)),
    ActionSpec("status_done", "Mark as &Done", ("Ctrl+Alt+3",)),
    ActionSpec("reextract", "&Re-extract Claims", (), "Extract claims again; manual and reviewed claims stay"),
    # Claim
    ActionSpec("next_claim", "&Next Claim", ("J",), typing_guard=True),
    ActionSpec("previous_claim", "&Previous Claim", ("K",), typing_guard=True),
    ActionSpec(
        "add_claim",
        "&Add Claim from Selection",
        ("Ctrl+Return", "A"),
        "Make the selected article text a claim",
        typing_guard=True,
    ),
    ActionSpec(
        "edit_span",
        "&Edit Claim Span from Selection",
        ("Ctrl+Shift+Return",),
        "The current claim covers the selected text instead",
    ),
    ActionSpec("split_claim", "&Split Claim at Cursor", ("Ctrl+Shift+S",)),
    ActionSpec("merge_claims", "&Merge Selected Claims", ("Ctrl+Shift+M",)),
    ActionSpec("dismiss_claim", "&Dismiss as Not Check-worthy", ("D",), typing_guard=True),
    ActionSpec("restore_claim", "&Restore as Check-worthy", ("Shift+D",), typing_guard=True),
    ActionSpec("delete_claim", "De&lete Manual Claim", (SK.Delete,), typing_guard=True),
    # Review
    *(ActionSpec(f"verdict_{n}", f"Verdict {n}", (str(n),), typing_guard=True) for n in range(1, 10)),
    ActionSpec("verdict_0", "&Clear Verdict", ("0",), typing_guard=True),
    ActionSpec("focus_note", "Write &Note", ("N",), typing_guard=True),
    # The id keeps its old name so shortcut overrides saved for it still apply.
    ActionSpec(
        "focus_evidence",
        "Add &Evidence…",
        ("E",),
        "Add a link, a quoted passage or a file to the current claim",
        typing_guard=True,
    ),
    ActionSpec(
        "reuse_match",
        "&Reuse Seen-before Verdict",
        ("R",),
        "Give the current claim the verdict of its earlier check, with a note linking the original",
        typing_guard=True,
    ),
    ActionSpec("edit_scales", "Edit Verdict &Scales…", ()),
    # Help
    ActionSpec("shortcuts", "&Keyboard Shortcuts", (SK.HelpContents, "F1")),
    ActionSpec("about", "&About Reviewer", (), role=QAction.MenuRole.AboutRole),
)

SPECS: dict[str, ActionSpec] = {spec.id: spec for spec in ACTIONS}

# Menu layout: ids in order, None for a separator, "@name" for a submenu the window fills.
MENUS: tuple[tuple[str, str, tuple[str | None, ...]], ...] = (
    (
        "file",
        "&File",
        (
            "import_files",
            "import_folder",
            "import_factchecks",
            "import_bundle",
            None,
            "open_library",
            "new_library",
            "@recent",
            None,
            "export",
            "backups",
            None,
            "preferences",
            None,
            "quit",
        ),
    ),
    ("edit", "&Edit", ("undo", "redo", None, "copy", "paste_article", None, "find")),
    (
        "view",
        "&View",
        (
            "refresh",
            None,
            "zoom_in",
            "zoom_out",
            "zoom_reset",
            None,
            "show_all",
            None,
            "focus_library",
            "focus_reader",
            "focus_claims",
            None,
            "seen_before_list",
            "compare_reviews",
        ),
    ),
    ("article", "&Article", ("status_todo", "status_in_review", "status_done", None, "reextract")),
    (
        "claim",
        "&Claim",
        (
            "next_claim",
            "previous_claim",
            None,
            "add_claim",
            "edit_span",
            "split_claim",
            "merge_claims",
            None,
            "dismiss_claim",
            "restore_claim",
            "delete_claim",
        ),
    ),
    (
        "review",
        "&Review",
        (
            *(f"verdict_{n}" for n in range(1, 10)),
            "verdict_0",
            None,
            "focus_note",
            "focus_evidence",
            "reuse_match",
            None,
            "edit_scales",
        ),
    ),
    ("help", "&Help", ("shortcuts", None, "about")),
)


def _sequences(spec: ActionSpec) -> list[QKeySequence]:
    found: list[QKeySequence] = []
    for item in spec.shortcut:
        seqs = QKeySequence.keyBindings(item) if isinstance(item, QKeySequence.StandardKey) else [QKeySequence(item)]
        for seq in seqs:
            if not seq.isEmpty() and seq not in found:
                found.append(seq)
    return found


def typing_in_text_field() -> bool:
    """Whether keyboard focus is in a place where letters are text (so letter shortcuts must wait)."""
    widget = QApplication.focusWidget()
    if widget is None:
        return False
    if isinstance(widget, (QLineEdit, QAbstractSpinBox, QKeySequenceEdit, QPlainTextEdit)):
        return not getattr(widget, "isReadOnly", lambda: False)()
    if isinstance(widget, QTextEdit):
        return not widget.isReadOnly()
    if isinstance(widget, QComboBox):
        return widget.isEditable()
    return False


class ActionCollection:
    """The window's QActions by id, with the person's shortcuts. UI thread only."""

    def __init__(self, parent: QWidget, settings: Settings, extra: dict[str, QAction] | None = None):
        self._settings = settings
        self._parent = parent
        self.actions: dict[str, QAction] = {}
        extra = dict(extra or {})
        for spec in ACTIONS:
            action = extra.pop(spec.id, None) or QAction(spec.text, parent)
            action.setObjectName(f"action_{spec.id}")
            if spec.tip:
                action.setStatusTip(spec.tip)
                action.setToolTip(spec.tip)
            action.setCheckable(spec.checkable)
            action.setMenuRole(spec.role)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            parent.addAction(action)
            self.actions[spec.id] = action
        for action_id, action in extra.items():
            self.actions[action_id] = action
            parent.addAction(action)
        self.apply_shortcuts()

    def __getitem__(self, action_id: str) -> QAction:
        return self.actions[action_id]

    def __contains__(self, action_id: str) -> bool:
        return action_id in self.actions

    def ids(self) -> list[str]:
        return [spec.id for spec in ACTIONS]

    @staticmethod
    def default_shortcuts(action_id: str) -> list[QKeySequence]:
        spec = SPECS.get(action_id)
        return _sequences(spec) if spec else []

    def shortcuts(self, action_id: str) -> list[QKeySequence]:
        return list(self.actions[action_id].shortcuts())

    def apply_shortcuts(self) -> None:
        """Defaults, then the person's overrides ("" removes a shortcut)."""
        overrides = self._settings.shortcut_overrides()
        for spec in ACTIONS:
            if spec.id in overrides:
                text = overrides[spec.id]
                seqs = [QKeySequence(t) for t in split_keys(text)]
            else:
                seqs = _sequences(spec)
            self.actions[spec.id].setShortcuts(seqs)

    def set_shortcuts(self, changes: dict[str, list[QKeySequence]]) -> None:
        """Save new shortcuts; only those that differ from the default are stored."""
        overrides = self._settings.shortcut_overrides()
        for action_id, seqs in changes.items():
            default = [s.toString(QKeySequence.SequenceFormat.PortableText) for s in self.default_shortcuts(action_id)]
            chosen = [s.toString(QKeySequence.SequenceFormat.PortableText) for s in seqs if not s.isEmpty()]
            if chosen == default:
                overrides.pop(action_id, None)
            else:
                overrides[action_id] = ";".join(chosen)
        self._settings.set_shortcut_overrides(overrides)
        self.apply_shortcuts()


def split_keys(text: str) -> list[str]:
    """Saved keys ("Ctrl+Z;Alt+Backspace") one by one; a ";" after "+" or opening a key is the key itself."""
    keys, current = [], ""
    for char in text:
        if char == ";" and current.strip() and not current.endswith(("+", ", ")):
            keys.append(current)
            current = ""
        else:
            current += char
    keys.append(current)
    return [key.strip() for key in keys if key.strip()]


def shortcut_conflicts(shortcuts: Mapping[str, Iterable[QKeySequence]]) -> dict[str, list[str]]:
    """Key sequences given to more than one action: sequence text -> action ids, in the order given.

    ``shortcuts`` maps action ids to their sequences (what a collection has, or what an editor shows
    before it is saved); empty sequences are ignored.
    """
    seen: dict[str, list[str]] = {}
    for action_id, seqs in shortcuts.items():
        for seq in seqs:
            text = seq.toString(QKeySequence.SequenceFormat.NativeText)
            if text:
                seen.setdefault(text, []).append(action_id)
    return {text: ids for text, ids in seen.items() if len(ids) > 1}


def shortcut_text(action: QAction) -> str:
    """Every key of ``action`` in the platform's own words (what the shortcut editor edits)."""
    return ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts())


# Keys an ordinary keyboard has besides letters, digits and punctuation. The platforms' standard
# bindings add others (F13–F35 of old Sun keyboards, media keys named "Undo", "Copy", "Zoom In"):
# they work if present, but a list for people should not send them looking for them.
_PLAIN_KEYS = frozenset(
    {
        Qt.Key.Key_Escape,
        Qt.Key.Key_Tab,
        Qt.Key.Key_Backtab,
        Qt.Key.Key_Backspace,
        Qt.Key.Key_Return,
        Qt.Key.Key_Enter,
        Qt.Key.Key_Insert,
        Qt.Key.Key_Delete,
        Qt.Key.Key_Pause,
        Qt.Key.Key_Print,
        Qt.Key.Key_Home,
        Qt.Key.Key_End,
        Qt.Key.Key_Left,
        Qt.Key.Key_Up,
        Qt.Key.Key_Right,
        Qt.Key.Key_Down,
        Qt.Key.Key_PageUp,
        Qt.Key.Key_PageDown,
        Qt.Key.Key_Menu,
        *(Qt.Key(Qt.Key.Key_F1.value + n) for n in range(12)),
    }
)
_FIRST_SPECIAL_KEY = Qt.Key.Key_Escape.value  # below it: keys that type a character


def pressable(sequence: QKeySequence) -> bool:
    """Whether a person can type ``sequence`` on an ordinary keyboard (no F13+, no media keys)."""
    if sequence.isEmpty():
        return False
    for i in range(sequence.count()):
        key = sequence[i].key()
        if key.value >= _FIRST_SPECIAL_KEY and key not in _PLAIN_KEYS:
            return False
    return True


def readable_keys(sequences: Iterable[QKeySequence], limit: int = 2) -> str:
    """At most ``limit`` pressable keys, in the platform's own text ("Ctrl+C, Ctrl+Ins"; "⌘C" on a Mac)."""
    shown: list[str] = []
    for sequence in sequences:
        text = sequence.toString(QKeySequence.SequenceFormat.NativeText)
        if pressable(sequence) and text not in shown:
            shown.append(text)
    return ", ".join(shown[:limit])


def build_menus(
    menubar: QMenuBar, actions: ActionCollection, submenus: dict[str, QMenu] | None = None
) -> dict[str, QMenu]:
    """Fill ``menubar`` from MENUS; ``submenus`` supplies the "@name" entries. Returns menus by id."""
    submenus = submenus or {}
    menus: dict[str, QMenu] = {}
    for menu_id, title, items in MENUS:
        menu = menubar.addMenu(title)
        menu.setObjectName(f"menu_{menu_id}")
        menus[menu_id] = menu
        _fill(menu, items, actions, submenus)
    return menus


def _fill(menu: QMenu, items: Iterable[str | None], actions: ActionCollection, submenus: dict[str, QMenu]) -> None:
    for item in items:
        if item is None:
            menu.addSeparator()
        elif item.startswith("@"):
            sub = submenus.get(item[1:])
            if sub is not None:
                menu.addMenu(sub)
        elif item in actions:
            menu.addAction(actions[item])
