"""Verdict scales: presets, the active scale, edits that never orphan a verdict in use."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from ..changes import SCALE, Change, SaveScale, SetActiveScale
from ..domain import Verdict, VerdictScale
from ..errors import NotFound, ReviewerError
from ..verdicts import DEFAULT_SCALE_ID, PRESETS
from .base import StoreBase


class ScalesMixin(StoreBase):
    """Verdict scales: presets, the active scale, edits that never orphan a verdict in use."""

    def _install_presets(self) -> None:
        with self.write():
            for scale in PRESETS:
                self._write_scale(scale)
            self.conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('active_scale', ?)", (DEFAULT_SCALE_ID,))

    def _write_scale(self, scale: VerdictScale) -> None:
        self.conn.execute(
            "INSERT INTO verdict_scales (id, name, best_rating, worst_rating, conclusion_only) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT(id) DO UPDATE SET name = excluded.name, best_rating = excluded.best_rating,"
            " worst_rating = excluded.worst_rating, conclusion_only = excluded.conclusion_only",
            (scale.id, scale.name, scale.best_rating, scale.worst_rating, int(scale.conclusion_only)),
        )
        self.conn.execute("DELETE FROM verdicts WHERE scale_id = ?", (scale.id,))
        for position, v in enumerate(scale.verdicts):
            self.conn.execute(
                "INSERT INTO verdicts (scale_id, key, label, color, rating_value, alternate_name, description,"
                " position) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (scale.id, v.key, v.label, v.color, v.rating_value, v.alternate_name, v.description, position),
            )

    def scales(self) -> list[VerdictScale]:
        rows = self.conn.execute(
            "SELECT id, name, best_rating, worst_rating, conclusion_only FROM verdict_scales ORDER BY rowid"
        ).fetchall()
        return [self._scale_from_row(row) for row in rows]

    def get_scale(self, scale_id: str) -> VerdictScale:
        row = self.conn.execute(
            "SELECT id, name, best_rating, worst_rating, conclusion_only FROM verdict_scales WHERE id = ?", (scale_id,)
        ).fetchone()
        if row is None:
            raise NotFound(f"There is no verdict scale {scale_id!r}.")
        return self._scale_from_row(row)

    def _scale_from_row(self, row: Sequence[Any]) -> VerdictScale:
        verdicts = tuple(
            Verdict(*v)
            for v in self.conn.execute(
                "SELECT key, label, color, rating_value, alternate_name, description FROM verdicts"
                " WHERE scale_id = ? ORDER BY position",
                (row[0],),
            )
        )
        return VerdictScale(row[0], row[1], verdicts, row[2], row[3], bool(row[4]))

    def active_scale(self) -> VerdictScale:
        return self.get_scale(self.get_meta("active_scale", DEFAULT_SCALE_ID) or DEFAULT_SCALE_ID)

    def set_active_scale(self, scale_id: str, who: str | None = None) -> VerdictScale:
        with self.write():
            self._set_active_scale(scale_id, who)
            return self.get_scale(scale_id)

    def set_active_scale_change(self, scale_id: str, who: str | None = None) -> Change:
        """``set_active_scale`` as an undoable change (undo switches back)."""
        return Change(frozenset({SCALE}), undo=(SetActiveScale(self._set_active_scale(scale_id, who)),))

    def save_scale_change(self, scale: VerdictScale, who: str | None = None) -> Change:
        """An edit of an existing scale as an undoable change (undo saves the scale as it was)."""
        self.get_scale(scale.id)  # NotFound for a new scale: creating one is not undoable
        return Change(frozenset({SCALE}), undo=(SaveScale(self._save_scale(scale, who)),))

    def _set_active_scale(self, scale_id: str, who: str | None) -> str:
        """Make ``scale_id`` the active scale; returns the id of the scale active before."""
        with self.write():
            self.get_scale(scale_id)  # NotFound for an unknown scale
            before = self.get_meta("active_scale")
            self.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('active_scale', ?)", (scale_id,))
            self._audit("scale", "scale", scale_id, before={"active": before}, after={"active": scale_id}, who=who)
        return before or DEFAULT_SCALE_ID

    def save_scale(self, scale: VerdictScale, who: str | None = None) -> VerdictScale:
        """Create or edit a scale. A verdict still used by a review cannot be removed."""
        with self.write():
            self._save_scale(scale, who)
            return self.get_scale(scale.id)

    def _save_scale(self, scale: VerdictScale, who: str | None) -> VerdictScale:
        """Write ``scale``; returns the scale as it was before (itself when it is new)."""
        if not scale.verdicts:
            raise ReviewerError("A verdict scale needs at least one verdict.")
        keys = [v.key for v in scale.verdicts]
        if len(set(keys)) != len(keys):
            raise ReviewerError("Two verdicts of the scale have the same key.")
        with self.write():
            try:
                before = self.get_scale(scale.id)
            except NotFound:
                before = None
            if before is not None:
                removed = set(before.keys) - set(keys)
                in_use = [k for k in removed if self._verdict_in_use(k, scale.id)]
                if in_use:
                    raise ReviewerError(
                        f"Cannot remove {', '.join(sorted(in_use))}: claims are reviewed with it. "
                        "Change those verdicts first, or rename it instead."
                    )
            self._write_scale(scale)
            self._audit(
                "scale", "scale", scale.id, before=asdict(before) if before else None, after=asdict(scale), who=who
            )
        return before or scale

    def _verdict_in_use(self, key: str, scale_id: str) -> bool:
        other = self.conn.execute("SELECT 1 FROM verdicts WHERE key = ? AND scale_id != ?", (key, scale_id)).fetchone()
        if other:  # still defined by another scale, so reviews keep a meaning
            return False
        return self.conn.execute("SELECT 1 FROM reviews WHERE verdict = ? LIMIT 1", (key,)).fetchone() is not None

    def verdict_exists(self, key: str) -> bool:
        return self.conn.execute("SELECT 1 FROM verdicts WHERE key = ? LIMIT 1", (key,)).fetchone() is not None

    def verdict_info(self, key: str | None) -> tuple[Verdict | None, VerdictScale | None]:
        """The verdict for a key: from the active scale first, then any scale that defines it."""
        if key is None:
            return None, None
        active = self.active_scale()
        if active.get(key):
            return active.get(key), active
        for scale in self.scales():
            if scale.get(key):
                return scale.get(key), scale
        return None, None
