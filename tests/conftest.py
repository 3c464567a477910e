"""Shared fixtures: a fresh migrated library in tmp_path, settings in tmp_path, offscreen Qt."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never touch the person's real library or settings from a test.
os.environ.pop("REVIEWER_DB", None)

import pytest  # noqa: E402

# Every test runs offline: any connection to a non-local address fails the test.
pytest_plugins = ["tests.no_network"]

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("REVIEWER_SHARED_DATA", REPO.parent / "shared" / "data"))


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    return tmp_path / "library.sqlite"


@pytest.fixture
def store(library_path: Path):
    """A fresh, migrated library on disk (no samples)."""
    from reviewer.core.store import Store

    s = Store.open(library_path, reviewer="tester")
    yield s
    s.close()


@pytest.fixture
def settings(tmp_path: Path):
    from reviewer.ui.settings import Settings

    s = Settings(tmp_path / "settings" / "reviewer.ini")
    s.set_pref("reviewer_name", "tester")
    return s


@pytest.fixture
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared data not found at {SHARED_DATA} (set REVIEWER_SHARED_DATA to run this test)")
    return SHARED_DATA


@pytest.fixture
def run_cli(monkeypatch, capsys):
    """Run the CLI in-process: returns (exit code, stdout, stderr)."""
    from reviewer.cli import main

    def run(*args: str, stdin: str | None = None):
        if stdin is not None:
            import io

            monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        code = main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    return run
