"""Which library file to use, and the sample library a first start opens on."""

from __future__ import annotations

import os
from pathlib import Path

from .display import display_name
from .errors import LibraryError
from .resources import resource_path
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
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file()
        and not p.name.upper().startswith("README")
        and p.suffix.lower() in {".txt", ".md", ".html", ".htm", ".docx", ".pdf"}
    )


def library_missing(path: Path) -> bool:
    """Whether there is no library at ``path`` yet: no file, or an empty one. ``stat`` only."""
    try:
        return path.stat().st_size == 0 and not path.is_dir()
    except FileNotFoundError:
        return True
    except OSError:  # unreadable folder and the like: let opening it say what is wrong
        return False


def no_library_error(path: Path) -> LibraryError:
    return LibraryError(f"no library at {display_name(path)}; `reviewer import` or the app creates one")


def open_library(
    path: str | Path | None = None, *, reviewer: str | None = None, samples: bool = False, create: bool = True
) -> Store:
    """Open the library. With ``samples`` (the app's start), a brand-new one gets the bundled
    sample articles; the command line and File ▸ New Library start empty.

    Without ``create`` (commands that read or change existing records) a library that does not
    exist is refused with LibraryError before any file or folder is made: a mistyped path must
    not leave an empty library behind. Any thread; the caller owns and closes the Store.
    """
    path = resolve_library_path(path)
    is_new = library_missing(path)
    if is_new and not create:
        raise no_library_error(path)
    store = Store.open(path, reviewer=reviewer, create=create)
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
