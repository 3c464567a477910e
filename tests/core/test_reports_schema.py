"""The JSON report matches its published JSON Schema: a tiny validator of the subset the schema uses, and
jsonschema itself (in the test extra, so a missing install fails here rather than skipping)."""

from __future__ import annotations

import json

import jsonschema
import pytest

from reviewer.core.reports.json_report import SCHEMA_PATH

_TYPES = {
    "object": dict,
    "array": list,
    "string": str,
    "integer": int,
    "number": (int, float),
    "boolean": bool,
    "null": type(None),
}


def validate(instance, schema=None, root=None, path="$"):
    """Check ``instance`` against the subset of JSON Schema the report schema uses."""
    if schema is None:
        schema = root = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/$defs/")
        return validate(instance, root["$defs"][name], root, path)
    types = schema.get("type")
    if types is not None:
        types = [types] if isinstance(types, str) else types
        ok = any(
            isinstance(instance, _TYPES[t]) and not (t in ("integer", "number") and isinstance(instance, bool))
            for t in types
        )
        assert ok, f"{path}: {instance!r} is not {types}"
    if "const" in schema:
        assert instance == schema["const"], f"{path}: {instance!r} != {schema['const']!r}"
    if "enum" in schema:
        assert instance in schema["enum"], f"{path}: {instance!r} not in {schema['enum']}"
    if isinstance(instance, dict):
        for key in schema.get("required", []):
            assert key in instance, f"{path}: missing {key!r}"
        props = schema.get("properties", {})
        for key, value in instance.items():
            if key in props:
                validate(value, props[key], root, f"{path}.{key}")
            elif schema.get("additionalProperties") is False:
                raise AssertionError(f"{path}: unexpected {key!r}")
    if isinstance(instance, list) and "items" in schema:
        for i, item in enumerate(instance):
            validate(item, schema["items"], root, f"{path}[{i}]")
    if isinstance(instance, (int, float)) and not isinstance(instance, bool):
        if "minimum" in schema:
            assert instance >= schema["minimum"], path
        if "maximum" in schema:
            assert instance <= schema["maximum"], path


def test_schema_file_is_valid_json_with_its_id():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert schema["properties"]["schema"]["const"] == "reviewer-report"
    assert schema["properties"]["version"]["const"] == 1


def test_validator_rejects_wrong_shapes():
    with pytest.raises(AssertionError):
        validate({"schema": "reviewer-report", "version": 2})
    with pytest.raises(AssertionError):
        validate({"schema": "other"})


def test_against_jsonschema(store):
    from test_reports_data import sample_library

    from reviewer.core.reports import ReportOptions, build_report, render

    sample_library(store)
    data = json.loads(render(build_report(store, ReportOptions(include_unreviewed=True)), "json"))
    jsonschema.validate(data, json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))
