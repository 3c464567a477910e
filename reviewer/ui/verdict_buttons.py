"""Verdict buttons of the active scale: a colour swatch plus the label and its number key.

Colour is never the only signal: every button has its text and number, and the checked one
gets a heavier frame and weight. The widget only shows and reports choices; the review
editor turns a choice into an undoable command.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QAbstractButton, QLayout, QLayoutItem, QPushButton, QSizePolicy, QWidget

from ..core.domain import VerdictScale
from ..core.verdicts import UNREVIEWED_COLOR, UNREVIEWED_LABEL
from .claim_view import plain_tooltip

UNREVIEWED_KEY = ""  # the button that clears the verdict


def swatch_icon(color: str, size: int = 14) -> QIcon:
    """A round colour swatch with a dark rim, so pale colours still read on a light background."""
    pixmap = QPixmap(size * 2, size * 2)  # drawn at 2x for high-DPI screens
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor(0, 0, 0, 90))
    painter.setBrush(QColor(color))
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


def _tint(color: str, alpha: int) -> str:
    c = QColor(color)
    return f"rgba({c.red()}, {c.green()}, {c.blue()}, {alpha})"


class FlowLayout(QLayout):
    """Lays children out left to right, wrapping to the next line (Qt's flow layout example)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._do_layout(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._do_layout(rect, apply=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _do_layout(self, rect: QRect, apply: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line_height = area.x(), area.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and line_height > 0:
                x, y = area.x(), y + line_height + self._spacing
                line_height = 0
            if apply:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y() + margins.bottom()


class VerdictButtons(QWidget):
    """One checkable button per verdict of a scale, plus "Unreviewed" to clear.

    ``chosen(key)`` is emitted when a person clicks a button: a verdict key, or None to
    clear. ``set_current`` only shows a state and emits nothing.
    """

    chosen = Signal(object)  # str | None

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self._layout = FlowLayout(self, spacing=6)
        self._buttons: dict[str, QPushButton] = {}
        self._scale: VerdictScale | None = None

    # ----------------------------------------------------------------- building
    def set_scale(self, scale: VerdictScale) -> None:
        """Rebuild the buttons for ``scale`` (UI thread)."""
        for button in list(self._buttons.values()):
            self._layout.removeWidget(button)
            button.deleteLater()
        self._buttons.clear()
        self._scale = scale
        for index, verdict in enumerate(scale.verdicts, start=1):
            self._add_button(
                verdict.key, verdict.label, verdict.color, index if index <= 9 else None, verdict.description
            )
        self._add_button(UNREVIEWED_KEY, UNREVIEWED_LABEL, UNREVIEWED_COLOR, 0, "No verdict yet.")
        self.updateGeometry()

    def _add_button(self, key: str, label: str, color: str, number: int | None, description: str) -> None:
        text = f"{number}  {label}" if number is not None else label
        button = QPushButton(swatch_icon(color), text, self)
        button.setCheckable(True)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.setProperty("verdict_key", key)
        tip = label if number is None else f"{label} (key {number})"
        button.setToolTip(plain_tooltip(f"{tip}\n{description}" if description else tip))  # scale text
        button.setAccessibleName(f"Verdict {label}")
        button.setAccessibleDescription(description)
        border = QColor(color).darker(130).name()
        button.setStyleSheet(
            "QPushButton { padding: 5px 10px; border-radius: 6px; text-align: left;"
            f" border: 1px solid palette(mid); background: {_tint(color, 28)}; }}"
            f"QPushButton:hover {{ background: {_tint(color, 60)}; }}"
            f"QPushButton:checked {{ border: 2px solid {border}; background: {_tint(color, 110)};"
            " font-weight: 600; }"
            f"QPushButton:focus {{ border: 2px solid palette(highlight); }}"
        )
        # Size for the bold, checked state so choosing a verdict never clips its label.
        bold = button.font()
        bold.setWeight(bold.Weight.DemiBold)
        normal = button.font()
        button.setFont(bold)
        checked_hint = button.sizeHint()
        button.setFont(normal)
        button.setMinimumSize(checked_hint.width() + 4, checked_hint.height())
        # No QButtonGroup: a grouped checkable button takes Tab focus away from the others,
        # and every verdict must be reachable with Tab. set_current keeps one checked.
        button.clicked.connect(lambda _checked=False, b=button: self._on_clicked(b))
        self._layout.addWidget(button)
        self._buttons[key] = button

    # ----------------------------------------------------------------- state
    @property
    def scale(self) -> VerdictScale | None:
        return self._scale

    def buttons(self) -> list[QPushButton]:
        """The buttons in display order (verdicts, then Unreviewed)."""
        return list(self._buttons.values())

    def button_for(self, key: str | None) -> QPushButton | None:
        return self._buttons.get(key or UNREVIEWED_KEY)

    def set_current(self, key: str | None) -> None:
        """Check the button of ``key`` (None: Unreviewed); a key not in the scale checks none."""
        current = self._buttons.get(key or UNREVIEWED_KEY)
        for button in self._buttons.values():
            button.setChecked(button is current)

    def _on_clicked(self, button: QAbstractButton) -> None:
        key = button.property("verdict_key")
        # A click toggles the button; show the choice now, the editor re-shows what the store holds.
        self.set_current(key or None)
        self.chosen.emit(key or None)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._layout.heightForWidth(width)

    def sizeHint(self) -> QSize:
        width = max(self.width(), 320)
        return QSize(width, self._layout.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        return QSize(self._layout.minimumSize().width(), self._layout.heightForWidth(max(self.width(), 200)))
