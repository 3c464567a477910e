"""Typed settings: one defaults table, preferences apart from window state.

Stored with QSettings in an INI file (``settings_path``), so tests can point it at a tmp
folder and a person can read it. Library-wide choices (the verdict scale) live in the
library itself, not here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

# Preferences a person sets in the Preferences dialog: key -> default.
PREFERENCES: dict[str, Any] = {
    "reviewer_name": "",  # asked once at first start
    "organisation": "",
    "claimreview_url_base": "",  # ClaimReview urls are <base>/claims/<claim id>; "" = none
    "theme": "system",  # "system" | "light" | "dark"
    "reader_font_size": 13,
    "reader_max_width": 760,  # px: a comfortable line length
    "checkworthy_threshold": -1.0,  # < 0: the model's tuned default
    "seen_before_threshold": -1.0,  # < 0: the matching model's default (core.matching.default_threshold)
    "show_non_checkworthy": False,
    "shortcuts": "{}",  # JSON {action id: key sequence} — only overrides of the defaults
    "page_size": "A4",
}

# Window state, restored silently: key -> default.
STATE: dict[str, Any] = {
    "geometry": QByteArray(),
    "window_state": QByteArray(),
    "splitter": QByteArray(),
    "reader_splitter": QByteArray(),
    "last_library": "",
    "recent_libraries": "[]",
    "last_article": 0,
    "last_claim": 0,
    "library_filter": "",
    "last_export_dir": "",
}

MAX_RECENT = 8


def default_settings_path() -> Path:
    # GenericConfigLocation + our folder: AppConfigLocation would nest "Reviewer/Reviewer".
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    return (Path(base) if base else Path.home() / ".config") / "Reviewer" / "reviewer.ini"


class Settings:
    """Typed access to preferences and state. UI thread only."""

    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path else default_settings_path()
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)

    def _get(self, group: str, table: dict[str, Any], key: str) -> Any:
        default = table[key]
        value = self._qs.value(f"{group}/{key}", default)
        if isinstance(default, bool):
            return value in (True, "true", "1", 1)
        if isinstance(default, int):
            try:
                return int(value)
            except (TypeError, ValueError):
                return default
        if isinstance(default, float):
            try:
                return float(value)
            except (TypeError, ValueError):
                return default
        if isinstance(default, QByteArray):
            return value if isinstance(value, QByteArray) else default
        return "" if value is None else str(value)

    def pref(self, key: str) -> Any:
        return self._get("preferences", PREFERENCES, key)

    def threshold(self) -> float | None:
        """The reviewer's check-worthiness threshold; None: the model's own (the flag set at extraction)."""
        value = float(self.pref("checkworthy_threshold"))
        return None if value < 0 else value

    def seen_before_threshold(self) -> float | None:
        """The score from which a match counts as "seen before"; None: the matching model's default."""
        value = float(self.pref("seen_before_threshold"))
        return None if value < 0 else min(value, 1.0)

    def set_pref(self, key: str, value: Any) -> None:
        if key not in PREFERENCES:
            raise KeyError(key)
        self._qs.setValue(f"preferences/{key}", value)
        self._qs.sync()

    def state(self, key: str) -> Any:
        return self._get("state", STATE, key)

    def set_state(self, key: str, value: Any) -> None:
        if key not in STATE:
            raise KeyError(key)
        self._qs.setValue(f"state/{key}", value)

    def sync(self) -> None:
        self._qs.sync()

    # Convenience for structured values.
    def shortcut_overrides(self) -> dict[str, str]:
        try:
            value = json.loads(self.pref("shortcuts") or "{}")
            return value if isinstance(value, dict) else {}
        except json.JSONDecodeError:
            return {}

    def set_shortcut_overrides(self, overrides: dict[str, str]) -> None:
        self.set_pref("shortcuts", json.dumps(overrides, sort_keys=True))

    def recent_libraries(self) -> list[str]:
        try:
            value = json.loads(self.state("recent_libraries") or "[]")
            return [str(v) for v in value] if isinstance(value, list) else []
        except json.JSONDecodeError:
            return []

    def add_recent_library(self, path: str) -> None:
        recent = [p for p in self.recent_libraries() if p != path]
        self.set_state("recent_libraries", json.dumps([path, *recent][:MAX_RECENT]))
