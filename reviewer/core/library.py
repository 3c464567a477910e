"""Which library file to use, and the sample library a first start opens on."""

from __future__ import annotations

import os
from pathlib import Path

from .resources import resource_path
from .errors import LibraryError
from .store import Store

ENV_DB = "REVIEWER_DB"
LIBRARY_FILE = "library.sqlite"


def default_library_path() -> Path:
    """``REVIEWER_DB`` if set, else ``library.sqlite`` in the user data folder (platformdirs)."""
    env = os.environ.get(ENV_DB)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path("Reviewer", appauthor=False) / LIBRARY_FILE


def resolve_library_path(option: str | Path | None) -> Path:
    return Path(option).expanduser() if option else default_library_path()


def sample_files() -> list[Path]:
    folder = resource_path("samples")
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.upper().startswith("README")
                  and p.suffix.lower() in {".txt", ".md", ".html", ".htm", ".docx", ".pdf"})


def open_library(path: str | Path | None = None, *, reviewer: str | None = None, samples: bool = False) -> Store:
    """Open the library. With ``samples`` (the app's start), a brand-new one gets the bundled
    sample articles; the command line and File ▸ New Library start empty."""
    path = resolve_library_path(path)
    is_new = not path.exists() or path.stat().st_size == 0
    store = Store.open(path, reviewer=reviewer)
    if is_new and samples:
        seed_samples(store)
    elif not is_new:
        from .backup import daily_backup

        try:
            daily_backup(store)
        except LibraryError:  # a failed backup must not keep a reviewer from working
            pass
    return store


def seed_samples(store: Store) -> None:
    from .ingest import import_paths

    files = sample_files()
    if files:
        import_paths(store, files)
        store.set_meta("samples_seeded", "1")
