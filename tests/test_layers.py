"""The layers, one direction: core <- ui <- app; core <- cli; one entry dispatches.

* ``reviewer/core`` imports no Qt and nothing of ``ui``, ``cli``, ``app``, ``entry`` or ``pdf_qt``;
* ``reviewer/ui`` does not import the command line (``cli``, ``cli_*``, ``entry``);
* the command line does not import ``ui`` or ``app``; ``app`` does not import the command line;
* Qt is imported only by ``ui``, ``app`` and ``pdf_qt`` (the PDF writer the core is handed);
* undo commands only call the store: no transactions, no ``asdict`` snapshots.

Checked twice: by parsing every import statement of every module (also those inside
functions), and by running commands in a fresh interpreter and reading ``sys.modules``.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "reviewer"
QT = {"PySide6", "shiboken6", "PyQt5", "PyQt6"}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports (absolute names; relative imports resolved)."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{a.name}" for a in node.names)  # "from . import cli"
    return found


MODULES = {_module_name(p): _imports(p) for p in sorted(PACKAGE.rglob("*.py"))}
# The command line: cli.py and its command modules (cli_factchecks.py, …).
CLI = tuple(m for m in MODULES if m == "reviewer.cli" or m.startswith("reviewer.cli_"))


def _within(module: str, *prefixes: str) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def _offenders(sources: tuple[str, ...], forbidden: tuple[str, ...]) -> dict[str, list[str]]:
    bad = {}
    for module, imports in MODULES.items():
        if _within(module, *sources):
            hits = sorted(i for i in imports if _within(i, *forbidden))
            if hits:
                bad[module] = hits
    return bad


def test_the_parser_sees_every_kind_of_import():
    # The checks below are only as good as _imports: it must see relative, nested and "from . import" forms.
    assert "reviewer.core.store" in MODULES["reviewer.core.ingest"]
    assert "reviewer.app" in MODULES["reviewer.entry"]  # imported inside main()
    assert "reviewer.core.domain" in MODULES["reviewer.core.store.claims"]  # "from ..domain import"


def test_core_imports_no_qt_and_nothing_above_it():
    assert (
        _offenders(("reviewer.core",), ("reviewer.ui", *CLI, "reviewer.app", "reviewer.entry", "reviewer.pdf_qt", *QT))
        == {}
    )


def test_ui_does_not_import_the_command_line():
    assert _offenders(("reviewer.ui",), (*CLI, "reviewer.entry")) == {}


def test_command_line_and_app_do_not_import_each_other():
    assert _offenders(CLI, ("reviewer.ui", "reviewer.app")) == {}
    assert _offenders(("reviewer.app",), CLI) == {}
    assert _offenders(("reviewer.pdf_qt",), ("reviewer.ui", "reviewer.app", *CLI)) == {}


def test_only_ui_app_and_the_pdf_writer_import_qt():
    allowed = ("reviewer.ui", "reviewer.app", "reviewer.pdf_qt")
    users = {m for m, imports in MODULES.items() if any(_within(i, *QT) for i in imports)}
    assert {m for m in users if not _within(m, *allowed)} == set()


def test_undo_commands_only_call_the_store():
    for path in PACKAGE.glob("ui/*commands*.py"):
        source = path.read_text(encoding="utf-8")
        assert ".write()" not in source and "asdict" not in source and ".conn" not in source, path.name


def _loaded_after(args: list[str], env_db: Path) -> tuple[int, list[str]]:
    code = (
        "import json, sys\n"
        "from reviewer.entry import main\n"
        f"code = main({args!r})\n"
        "mods = sorted(m for m in sys.modules if m.startswith(('reviewer', 'PySide6')))\n"
        "print(json.dumps([code, mods]), file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen", "REVIEWER_DB": str(env_db)},
        timeout=300,
    )
    code_, modules = json.loads(result.stderr.strip().splitlines()[-1])
    return code_, modules


@pytest.fixture
def library(tmp_path):
    sys.path.insert(0, str(ROOT))
    from tests.safety.helpers import make_library

    path = tmp_path / "library.sqlite"
    make_library(path, n_claims=3)
    return path


def test_exporting_a_pdf_loads_no_ui_and_listing_loads_no_qt(library, tmp_path):
    code, modules = _loaded_after(
        ["export", "--format", "pdf", "--out", str(tmp_path / "r.pdf"), "--db", str(library)], library
    )
    assert code == 0 and (tmp_path / "r.pdf").stat().st_size > 0
    assert "reviewer.pdf_qt" in modules
    assert [m for m in modules if _within(m, "reviewer.ui", "reviewer.app")] == []
    code, modules = _loaded_after(["list", "--db", str(library)], library)
    assert code == 0
    assert [m for m in modules if _within(m, "reviewer.ui", "reviewer.app", "reviewer.pdf_qt", *QT)] == []


def test_importing_all_of_core_loads_no_qt():
    names = sorted(m for m in MODULES if _within(m, "reviewer.core"))
    code = (
        f"import importlib, sys\nfor n in {names!r}: importlib.import_module(n)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'PySide6', 'shiboken6'} "
        "or m.startswith(('reviewer.ui', 'reviewer.cli', 'reviewer.app'))))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
