"""`reviewer search` loads only what a search needs (issue 16): its start-up is most of its time."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from reviewer.core.store import Store

HEAVY = (
    "numpy",
    "onnxruntime",
    "trafilatura",
    "markdown",
    "markdown_it",
    "PySide6",
    "lxml",
    "pypdf",
    "reviewer.core.extraction",
    "reviewer.core.importers",
    "reviewer.core.reports",
)

CHILD = """
import io, json, sys, contextlib
from reviewer.cli import main
out = io.StringIO()
with contextlib.redirect_stdout(out):
    code = main(["search", "5%", "--db", sys.argv[1]])
heavy = sorted({m for m in sys.modules for h in json.loads(sys.argv[2]) if m == h or m.startswith(h + ".")})
print(json.dumps({"code": code, "out": out.getvalue(), "heavy": heavy}))
"""


def test_search_command_imports_nothing_heavy(tmp_path: Path):
    import json

    db = tmp_path / "lib.sqlite"
    with Store.open(db) as store:
        store.conn.execute(
            "INSERT INTO articles (title, imported_at, original_format, text, blocks, content_hash,"
            " status) VALUES ('Jobs', '2026-01-01', 'txt', 'Unemployment fell to 5% in May.', '[]',"
            " 'x', 'todo')"
        )
        store.conn.commit()
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(db), json.dumps(HEAVY)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["code"] == 0
    assert "[5%]" in report["out"]
    assert report["heavy"] == []
