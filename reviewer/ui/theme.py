"""Light and dark themes: Fusion with a palette, plus the style sheet in resources/styles.

``apply_theme`` follows the system's colour scheme (Qt 6.5+ ``QStyleHints.colorScheme``) when
the preference is "system". UI thread only.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QStyleFactory

from ..core.resources import resource_path

THEMES = ("system", "light", "dark")
THEME_LABELS = {"system": "Follow the system", "light": "Light", "dark": "Dark"}


@dataclass(frozen=True)
class Colors:
    window: str
    panel: str
    base: str
    paper: str
    alt: str
    text: str
    muted: str
    border: str
    hairline: str
    accent: str
    accent_text: str
    selection: str
    scroll: str
    error: str
    dark: bool


LIGHT = Colors(
    window="#F4F3EF",
    panel="#F7F6F2",
    base="#FFFFFF",
    paper="#FFFFFF",
    alt="#ECEAE4",
    text="#1C1C1E",
    muted="#6A6A6E",
    border="#DEDBD3",
    hairline="#EEEBE5",
    accent="#1F5FA8",
    accent_text="#FFFFFF",
    selection="#DCE8F6",
    scroll="#C9C6BE",
    error="#B3261E",
    dark=False,
)
DARK = Colors(
    window="#1B1C1F",
    panel="#202226",
    base="#26282D",
    paper="#1F2023",
    alt="#2E3036",
    text="#E7E5E1",
    muted="#9A9AA0",
    border="#34363C",
    hairline="#2C2E33",
    accent="#5B9BE6",
    accent_text="#0E1116",
    selection="#2F4763",
    scroll="#4A4D55",
    error="#F2827A",
    dark=True,
)


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    scheme = hints.colorScheme() if hasattr(hints, "colorScheme") else Qt.ColorScheme.Unknown
    return scheme == Qt.ColorScheme.Dark


def resolve(theme: str) -> Colors:
    if theme == "dark" or (theme not in ("light", "dark") and system_is_dark()):
        return DARK
    return LIGHT


def palette_for(c: Colors) -> QPalette:
    p = QPalette()
    role = QPalette.ColorRole
    p.setColor(role.Window, QColor(c.window))
    p.setColor(role.WindowText, QColor(c.text))
    p.setColor(role.Base, QColor(c.base))
    p.setColor(role.AlternateBase, QColor(c.alt))
    p.setColor(role.Text, QColor(c.text))
    p.setColor(role.PlaceholderText, QColor(c.muted))
    p.setColor(role.Button, QColor(c.base))
    p.setColor(role.ButtonText, QColor(c.text))
    p.setColor(role.BrightText, QColor(c.error))
    p.setColor(role.Highlight, QColor(c.selection))
    p.setColor(role.HighlightedText, QColor(c.text))
    p.setColor(role.ToolTipBase, QColor(c.base))
    p.setColor(role.ToolTipText, QColor(c.text))
    p.setColor(role.Link, QColor(c.accent))
    p.setColor(role.Mid, QColor(c.border))
    p.setColor(role.Midlight, QColor(c.hairline))
    p.setColor(role.Dark, QColor(c.muted))
    p.setColor(role.Light, QColor(c.base))
    p.setColor(role.Shadow, QColor("#000000"))
    disabled = QColor(c.muted)
    disabled.setAlpha(140)
    for r in (role.WindowText, role.Text, role.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, r, disabled)
    return p


def paper_palette(palette: QPalette) -> QPalette:
    """``palette`` with the light theme's page and ink: for previews of printable documents
    (HTML and PDF reports), whose own colours (muted greys, blue headings) are chosen for white
    paper and would be unreadable on the dark theme's fields."""
    paper = QPalette(palette)
    role = QPalette.ColorRole
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled):
        paper.setColor(group, role.Base, QColor(LIGHT.paper))
        paper.setColor(group, role.Text, QColor(LIGHT.text))
        paper.setColor(group, role.Link, QColor(LIGHT.accent))
        paper.setColor(group, role.Highlight, QColor(LIGHT.selection))
        paper.setColor(group, role.HighlightedText, QColor(LIGHT.text))
    return paper


def show_on_paper(view: QAbstractScrollArea, on: bool) -> None:
    """Show ``view`` (a text browser) with ``paper_palette`` when ``on``, else in the theme's colours.
    The viewport is set too: under the app's style sheet it keeps its own palette."""
    palette = paper_palette(view.window().palette()) if on else view.window().palette()
    view.setPalette(palette)
    view.viewport().setPalette(palette)


def style_sheet(c: Colors) -> str:
    path = resource_path("styles", "app.qss")
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return ""
    for key, value in vars(c).items():
        if isinstance(value, str):
            text = text.replace("{" + key + "}", value)
    return text


def apply_theme(app: QApplication, theme: str) -> Colors:
    """Set Fusion, the palette and the style sheet for ``theme``; returns the colours used."""
    colors = resolve(theme)
    if app.style().name().lower() != "fusion":
        app.setStyle(QStyleFactory.create("Fusion"))
    app.setPalette(palette_for(colors))
    app.setStyleSheet(style_sheet(colors))
    app.setProperty("reviewer_dark", colors.dark)
    return colors


def current_is_dark(app: QApplication | None = None) -> bool:
    app = app or QApplication.instance()
    return bool(app.property("reviewer_dark")) if app else False


def theme_colors(app: QApplication | None = None) -> tuple[bool, str]:
    """(dark, accent colour) of the theme in use, for widgets that paint themselves."""
    dark = current_is_dark(app)
    return dark, (DARK if dark else LIGHT).accent
