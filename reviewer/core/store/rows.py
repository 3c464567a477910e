"""Rows written directly by a change that spans many tables (a bundle merge), and putting them back.

Such a change records every row it wrote as a ``RowEdit`` (the row before and after, read back
from the library so trigger-made values such as global ids are included). Its undo step,
``PutRows``, puts each row back as it was, last written first, after checking that the row is
still as the change left it: a row changed since by another window or command is never
overwritten (ChangedElsewhere, nothing written). The check leaves out what the store itself
moves on an undo of a later change (timestamps, an article's status, who signed a review).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from ..changes import PutRows, RowEdit, RowValues, Step
from ..errors import ChangedElsewhere
from .base import StoreBase

# The tables a PutRows step may write, with their keys.
ROW_KEYS: dict[str, tuple[str, ...]] = {
    "articles": ("id",),
    "claims": ("id",),
    "reviews": ("claim_id",),
    "peer_reviews": ("gid",),
    "final_decisions": ("claim_id",),
    "evidence": ("id",),
    "verdict_scales": ("id",),
    "verdicts": ("scale_id", "key"),
}
# Columns the store changes by itself on later changes and their undo: not compared by the check.
_NOT_CHECKED: dict[str, frozenset[str]] = {
    "articles": frozenset({"updated_at", "status"}),
    "claims": frozenset({"updated_at"}),
    "reviews": frozenset({"updated_at", "reviewer"}),
    "final_decisions": frozenset({"decided_at", "decided_by"}),
    "peer_reviews": frozenset({"updated_at"}),
}
_LABELS = {
    "articles": "an article",
    "claims": "a claim",
    "reviews": "a review",
    "peer_reviews": "a colleague's review",
    "final_decisions": "a final decision",
    "evidence": "evidence",
    "verdict_scales": "a verdict scale",
    "verdicts": "a verdict",
}
Value = int | float | str | bytes | None


class RowsMixin(StoreBase):
    """Row-level writes with their before/after state, and the undo step that puts them back."""

    def _row_state(self, table: str, key: RowValues) -> RowValues | None:
        """The row of ``table`` with ``key`` as (column, value) pairs, or None."""
        cursor = self.conn.execute(_select_sql(table, tuple(c for c, _ in key)), [v for _, v in key])
        row = cursor.fetchone()
        if row is None:
            return None
        return tuple((str(d[0]), row[i]) for i, d in enumerate(cursor.description))

    def _insert_row(self, table: str, values: Mapping[str, Value]) -> RowEdit:
        """Inside a write: insert a row; returns its edit (the key read back when the table makes it)."""
        columns = tuple(values)
        cursor = self.conn.execute(_insert_sql(table, columns), [values[c] for c in columns])
        keys = ROW_KEYS[table]
        if all(k in values for k in keys):
            key: RowValues = tuple((k, values[k]) for k in keys)
        else:
            key = ((keys[0], int(cursor.lastrowid or 0)),)
        return RowEdit(table, key, None, self._row_state(table, key))

    def _update_row(self, table: str, key: RowValues, values: Mapping[str, Value]) -> RowEdit:
        """Inside a write: change columns of an existing row; returns its edit."""
        before = self._row_state(table, key)
        self._write_columns(table, key, values)
        return RowEdit(table, key, before, self._row_state(table, key))

    def _write_columns(self, table: str, key: RowValues, values: Mapping[str, Value]) -> None:
        sets = ", ".join(f'"{c}" = ?' for c in values)
        where = " AND ".join(f'"{column}" = ?' for column, _ in key)
        self.conn.execute(f"UPDATE {table} SET {sets} WHERE {where}", [*values.values(), *(v for _, v in key)])

    def _put_rows(self, step: PutRows, who: str | None) -> PutRows:
        """Inside a write: apply ``step`` (see the module docstring); returns the step that redoes it."""
        inverse: list[RowEdit] = []
        for edit in reversed(step.edits):
            if edit.table not in ROW_KEYS:
                raise AssertionError(f"rows of {edit.table!r} are not written by PutRows")
            now = self._row_state(edit.table, edit.key)
            if _checked(edit.table, now) != _checked(edit.table, edit.after):
                raise ChangedElsewhere(
                    f"{_LABELS[edit.table][:1].upper()}{_LABELS[edit.table][1:]} this change wrote was changed "
                    "elsewhere since (another window or command); nothing was undone."
                )
            where = " AND ".join(f'"{column}" = ?' for column, _ in edit.key)
            if edit.before is None:
                self.conn.execute(f"DELETE FROM {edit.table} WHERE {where}", [v for _, v in edit.key])
            elif now is None:
                self._insert_row(edit.table, dict(edit.before))
            else:
                self._write_columns(edit.table, edit.key, {c: v for c, v in edit.before if c not in dict(edit.key)})
            inverse.append(RowEdit(edit.table, edit.key, now, edit.before))
        undone = step.action.endswith("_undo")
        action = step.action[: -len("_undo")] + "_redo" if undone else step.action.removesuffix("_redo") + "_undo"
        self._audit(step.action, "library", None, after={"rows": len(step.edits)}, who=who)
        return PutRows(tuple(inverse), action)

    def _revert_rows_step(self, step: Step, who: str | None) -> Step | None:
        """Inside a write: apply a PutRows step; returns its inverse (None: not one)."""
        return self._put_rows(step, who) if isinstance(step, PutRows) else None


@lru_cache(maxsize=64)
def _select_sql(table: str, key: tuple[str, ...]) -> str:
    return f"SELECT * FROM {table} WHERE {' AND '.join(f'{chr(34)}{c}{chr(34)} = ?' for c in key)}"


@lru_cache(maxsize=64)
def _insert_sql(table: str, columns: tuple[str, ...]) -> str:
    names = ", ".join(f'"{c}"' for c in columns)
    return f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})"


def _checked(table: str, row: RowValues | None) -> RowValues | None:
    if row is None:
        return None
    skip = _NOT_CHECKED.get(table, frozenset())
    return tuple((c, v) for c, v in row if c not in skip)
