"""Merge a bundle into a library: ``merge_bundle`` (the CLI's ``bundle import`` and File ▸ Import Bundle…).

The file is opened read-only and checked first (``format.BundleReader``: not a bundle, a newer
format, truncated, changed since it was written → one BundleError, nothing changed). Then the
attached files it carries are checked (each stored name starts with its content's digest) and
copied into the library's attachment folder, and the records are merged in one transaction by the
store (``Store.merge_bundle_records``, whose docstring has the rules). The returned ``Change`` is
one step for ``Store.revert_change``. A dry run reads and reports exactly the same and writes
nothing, files included. Call it on the thread that owns ``store`` (a job: a ``worker_store()``).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..attachments import MAX_ATTACHMENT_BYTES, safe_name
from ..changes import Change
from ..display import display_name
from ..store import Store, attachments_dir, is_library_file
from .export import STORED_NAME
from .format import BundleError, BundleReader
from .report import MergeReport

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class MergeResult:
    """The report of a merge, and the change to hand to ``Store.revert_change`` to undo it (empty: none)."""

    report: MergeReport
    change: Change


def merge_bundle(
    store: Store,
    path: str | Path,
    dry_run: bool = False,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> MergeResult:
    """Merge the bundle at ``path`` into ``store`` (``dry_run``: only say what would change).

    Raises BundleError (a ReviewerError) for a file that is not a bundle it can read, and
    ReviewerError when the library refuses the merge; then nothing was changed.
    """
    path = Path(path).expanduser()
    if is_library_file(path, store.path):
        raise BundleError(f"{display_name(path)} is this library itself, not a bundle. Nothing was imported.")
    with BundleReader.open(path) as reader:
        folder = attachments_dir(store.path) if store.path is not None else None
        valid, refused = _check_files(reader)
        present = {name for name in valid if folder is not None and (folder / name).is_file()}
        carried = valid if folder is not None else set()

        def attached(name: str) -> bool:
            return name in carried or (folder is not None and (folder / name).is_file())

        written: list[Path] = []
        if not dry_run and folder is not None:
            written = _copy_files(reader, folder, sorted(valid - present))
        try:
            report, change = store.merge_bundle_records(
                reader, dry_run=dry_run, attached=attached, progress=progress, cancelled=cancelled
            )
        except BaseException:
            for file in written:
                if not store._file_in_use(file.name):
                    file.unlink(missing_ok=True)
            raise
    files = report.counts["files"]
    files.added += len(valid - present) if folder is not None else 0
    files.unchanged += len(present)
    for name, reason in refused:
        report.skip("files", f"file {name!r}: {reason}")
    if folder is None and valid:
        for name in sorted(valid):
            report.skip("files", f"file {name!r}: an in-memory library has no attachment folder")
    return MergeResult(report, change)


def _check_files(reader: BundleReader) -> tuple[set[str], list[tuple[str, str]]]:
    """The attached files whose name is a stored name matching their content, and the others with why."""
    valid: set[str] = set()
    refused: list[tuple[str, str]] = []
    for name in reader.file_names():
        if not STORED_NAME.fullmatch(name) or safe_name(name[17:]) != name[17:]:
            refused.append((name, "not a name Reviewer gives attached files"))
            continue
        data = reader.file_data(name)
        if data is None or len(data) > MAX_ATTACHMENT_BYTES:
            refused.append((name, "no content, or over the 200 MB limit for attachments"))
        elif hashlib.sha256(data).hexdigest()[:16] != name[:16]:
            refused.append((name, "its content does not match its name"))
        else:
            valid.add(name)
    return valid, refused


def _copy_files(reader: BundleReader, folder: Path, names: list[str]) -> list[Path]:
    """Write the bundle's files that the folder lacks (partial name, then rename); returns those written."""
    from ..errors import ReviewerError

    written: list[Path] = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name in names:
            data = reader.file_data(name)
            if data is None:
                continue
            target = folder / name
            partial = target.with_name(target.name + ".part")
            partial.unlink(missing_ok=True)  # never write through a link left in the folder
            with open(partial, "xb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            partial.replace(target)
            written.append(target)
    except OSError as exc:
        for file in written:
            file.unlink(missing_ok=True)
        raise ReviewerError(
            f"Cannot copy the bundle's attached files into the library: {exc.strerror or exc}. Nothing was imported."
        ) from exc
    return written
