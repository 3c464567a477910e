"""The core never imports Qt: it must run headless, in workers and in the CLI."""

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parents[1] / "reviewer" / "core"


def test_core_does_not_import_qt():
    offenders = []
    for path in CORE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n.split(".")[0] in {"PySide6", "shiboken6", "PyQt5", "PyQt6"} for n in names):
                offenders.append(str(path.relative_to(CORE)))
    assert offenders == []
