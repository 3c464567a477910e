"""Fact-checks in rows: CSV or TSV with a header, and JSON lines, read into records.

The header names the columns, in any order and any case: ``claim`` (required), ``verdict`` (or
``rating``), ``url``, ``date``, ``publisher``, ``title``, ``speaker``. Other columns are ignored.
JSON lines hold one object a line with the same keys; a line holding a ClaimReview object is read
as one. Line numbers are the file's own (a quoted CSV field may span lines: a row is numbered by the
line it starts on). Pure; any thread.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

from .claimreview import is_claim_review, review_record
from .model import FIELDS, FactcheckRecord, RecordProblem, RowProblem, clean_record

ALIASES = {"rating": "verdict"}
# The longest CSV field read (Python's default, 128 KiB, is below a 25 MB file's worst row):
# a longer field is read and then refused by the field limits with its line number.
_CSV_FIELD_LIMIT = 32 * 1024 * 1024
DELIMITERS = (",", "\t", ";")


class NoClaimColumn(Exception):
    """The header has no ``claim`` column; ``header`` is what it has."""

    def __init__(self, header: list[str]):
        super().__init__("no claim column")
        self.header = header


def column_name(raw: str) -> str:
    """A header cell as compared: trimmed, lower-case, without a byte-order mark or quotes."""
    return raw.strip().lstrip("\ufeff").strip().strip('"').strip().lower()


def header_columns(line: str, delimiter: str) -> list[str]:
    return [column_name(c) for c in next(csv.reader([line], delimiter=delimiter), [])]


def choose_delimiter(first_line: str, tsv: bool) -> str:
    """The delimiter that makes ``claim`` a column of the header; tab first for a .tsv file.
    Raises NoClaimColumn (with the header as split by the likeliest delimiter) when none does."""
    order = ("\t", ",", ";") if tsv else DELIMITERS
    for delimiter in order:
        if "claim" in header_columns(first_line, delimiter):
            return delimiter
    likeliest = max(order, key=first_line.count)
    raise NoClaimColumn([c for c in header_columns(first_line, likeliest) if c])


def _fields_of(mapping: dict[str, object]) -> dict[str, object]:
    """Known fields of a row, by column name; ``verdict`` wins over its alias ``rating``."""
    fields: dict[str, object] = {}
    for key, value in mapping.items():
        raw = column_name(key)
        name = ALIASES.get(raw, raw)
        if name not in FIELDS or (value in (None, "") and name in fields):
            continue
        if raw in ALIASES and fields.get(name) not in (None, ""):
            continue
        fields[name] = value
    return fields


def read_delimited(text: str, tsv: bool = False) -> Iterator[FactcheckRecord | RowProblem]:
    """Records and skipped rows of a CSV/TSV text whose first non-blank line is the header.

    Raises NoClaimColumn when the header has no ``claim`` column.
    """
    lines = io.StringIO(text, newline="")
    header_line = ""
    line_no = 0
    for raw in lines:
        line_no += 1
        if raw.strip():
            header_line = raw
            break
    delimiter = choose_delimiter(header_line, tsv)
    columns = header_columns(header_line, delimiter)
    old_limit = csv.field_size_limit(_CSV_FIELD_LIMIT)
    try:
        reader = csv.reader(lines, delimiter=delimiter, strict=False)
        start = line_no + 1
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                yield RowProblem(
                    f"line {start}", f"not a readable {'TSV' if delimiter == chr(9) else 'CSV'} row ({error})"
                )
                start = line_no + reader.line_num + 1
                continue
            where = start
            start = line_no + reader.line_num + 1
            if not any(cell.strip() for cell in row):
                continue
            try:
                yield clean_record(_fields_of(dict(zip(columns, row))))
            except RecordProblem as problem:
                yield RowProblem(f"line {where}", str(problem))
    finally:
        csv.field_size_limit(old_limit)


def read_json_lines(text: str) -> Iterator[FactcheckRecord | RowProblem]:
    """Records and skipped lines of a JSON lines text (one object a line; blank lines skipped)."""
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            yield RowProblem(f"line {n}", f"not valid JSON ({error.msg}, column {error.colno})")
            continue
        except RecursionError:
            yield RowProblem(f"line {n}", "JSON nested too deeply to read")
            continue
        yield from _item_record(item, f"line {n}")


def records_from_items(items: list[object]) -> Iterator[FactcheckRecord | RowProblem]:
    """A JSON list of flat records (``{"claim": ..., "verdict": ...}``), numbered from 1."""
    for n, item in enumerate(items, 1):
        yield from _item_record(item, f"item {n}")


def _item_record(item: object, where: str) -> Iterator[FactcheckRecord | RowProblem]:
    if not isinstance(item, dict):
        yield RowProblem(where, "not a JSON object")
        return
    try:
        if is_claim_review(item):
            yield review_record(item)
        else:
            yield clean_record(_fields_of({str(k): v for k, v in item.items()}))
    except RecordProblem as problem:
        yield RowProblem(where, str(problem))
