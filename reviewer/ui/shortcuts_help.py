"""F1: every keyboard shortcut of the window, grouped as in the menus.

Only keys a person can press are listed, one or two per command (``actions.readable_keys``), and
only the verdicts of the active scale (the window hides the other verdict actions).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .actions import MENUS, ActionCollection, readable_keys

EXTRA_KEYS = (
    ("Reader", "Down / Up", "Next / previous claim"),
    ("Reader", "Right-click", "Add claim, split, edit span"),
    ("Claims", "Shift/Ctrl+click", "Select several claims (to merge or dismiss)"),
    ("Seen before tab", "Return / double-click", "Reuse the verdict of the selected match"),
    ("Compare reviews", "1–9 / 0", "Record the final decision of the selected claim / clear it"),
    ("Compare reviews", "Return / double-click", "Open the claim in the desk"),
)


class ShortcutsDialog(QDialog):
    def __init__(self, actions: ActionCollection, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.resize(520, 640)
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Letter and number keys work when you are not typing in a text field. "
            "Change shortcuts in Preferences ▸ Shortcuts."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels(["Command", "Shortcut"])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        for _menu_id, title, items in MENUS:
            group = QTreeWidgetItem(self.tree, [title.replace("&", ""), ""])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setFirstColumnSpanned(True)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for item in items:
                if item is None or item.startswith("@") or item not in actions:
                    continue
                action = actions[item]
                keys = readable_keys(action.shortcuts())
                if not keys or not action.isVisible():  # hidden: a verdict the active scale does not have
                    continue
                text = action.text().replace("&", "")
                if item.startswith("verdict_") and item != "verdict_0":
                    text = f"Verdict: {text}"  # the window names these after the scale's verdicts
                QTreeWidgetItem(self.tree, [text, keys])
        group = QTreeWidgetItem(self.tree, ["More", ""])
        font = group.font(0)
        font.setBold(True)
        group.setFont(0, font)
        for where, keys, what in EXTRA_KEYS:
            QTreeWidgetItem(self.tree, [f"{what} ({where})", keys])
        layout.addWidget(self.tree, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def shortcut_rows(self) -> list[tuple[str, str]]:
        rows = []
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item.text(1):
                rows.append((item.text(0), item.text(1)))
        return rows


def show_about(parent: QWidget) -> None:
    """Help ▸ About Reviewer."""
    from .. import __version__

    QMessageBox.about(
        parent,
        "About Reviewer",
        f"<h3>Reviewer {__version__}</h3><p>Claims, verdicts, notes and evidence for "
        "fact-checkers. Works offline; nothing leaves this computer.</p>",
    )
