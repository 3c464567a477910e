"""Write a review report to a file: the one entry point for the CLI and the Export dialog.

``export_report`` builds the report model from the store, renders the chosen format and puts
the file in place atomically: it writes a temporary file in the destination's folder and
``os.replace``s it, so a failed or cancelled export leaves no partial file and nothing is
ever written anywhere but the chosen path. The temporary file is named
``.<name>.<pid>-<random>.part``; one left by a killed export (its process gone) is deleted by
the next export into the same folder. Formats whose writer needs more than the core (PDF needs
Qt's writer, ``reviewer.pdf_qt``) are registered by the entry point that has it
(``register_writer``); the core itself never imports Qt. Call it on the thread that owns ``store``.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from .display import display_name
from .errors import ReviewerError
from .partial_files import clean_stale, pid_matcher
from .reports import FORMATS, TEXT_FORMATS, Report, ReportOptions, build_report, render
from .store import Store, is_library_file

Progress = Callable[[int, int, str], None]
# A writer of a format the core cannot render itself: (report, cancelled) -> the file's bytes.
Writer = Callable[[Report, Callable[[], bool] | None], bytes]
_WRITERS: dict[str, Writer] = {}


class UnknownVerdictFilter(ReviewerError):
    """A verdict filter names no verdict of any scale (a typo would give an empty report)."""


def register_writer(fmt: str, writer: Writer) -> None:
    """Let ``export_report`` write ``fmt`` (one of ``FORMATS`` outside ``TEXT_FORMATS``) with ``writer``."""
    _WRITERS[fmt] = writer


# ".report.html.1234-k2j4h5g6.part"; without "1234-", the name older versions gave (mkstemp's 8 characters).
_PARTIAL = r"\..+\.(?:(?P<pid>\d+)-[a-z0-9_]+|[a-z0-9_]{8})\.part"


def check_destination(path: Path) -> Path:
    """The absolute destination, or ReviewerError when it cannot be a report file."""
    path = Path(path).expanduser()
    if str(path).strip() in ("", "."):
        raise ReviewerError("Choose a file to write the report to.")
    path = path.absolute()
    shown, folder = display_name(path), path.parent
    if path.is_dir():
        raise ReviewerError(
            f"{shown} is a folder. Choose a file name for the report, e.g. {display_name(path / 'report.html')}."
        )
    if not folder.is_dir():
        raise ReviewerError(f"Cannot write {shown}: the folder {display_name(folder)} does not exist.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ReviewerError(
            f"Cannot write {shown}: the folder {display_name(folder)} is not writable. Choose another folder."
        )
    if path.exists() and not os.access(path, os.W_OK):
        raise ReviewerError(f"Cannot write {shown}: the file is read-only. Choose another name.")
    return path


def check_filters(store: Store, options: ReportOptions) -> None:
    """ReviewerError naming the known values when a verdict or reviewer filter matches nothing
    the library could hold (a typo would otherwise give an empty report)."""
    known_verdicts = {v.key for scale in store.scales() for v in scale.verdicts}
    unknown = [key for key in options.verdicts if key not in known_verdicts]
    if unknown:
        scale = store.active_scale()
        raise UnknownVerdictFilter(
            f"Unknown verdict {unknown[0]!r}; use one of: {', '.join(scale.keys)} (the active scale is {scale.name})."
        )
    names = store.reviewer_names()
    unknown = [name for name in options.reviewers if name not in names]
    if unknown:
        known = f"use one of: {', '.join(names)}" if names else "no one has reviewed a claim in this library yet"
        raise ReviewerError(f"Unknown reviewer {unknown[0]!r}; {known}.")


def export_report(
    store: Store,
    fmt: str,
    path: Path,
    options: ReportOptions,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Path:
    """Write the report in ``fmt`` to ``path`` and return the path written.

    ``progress(done, total, text)`` reports steps; ``cancelled()`` is polled and, when true,
    stops the export with ReviewerError("Export cancelled.") before anything is written.
    Raises ReviewerError for an unknown format or article, a bad filter, or a destination
    that is a folder or cannot be written — and then writes nothing.
    """
    if fmt not in FORMATS:
        raise ReviewerError(f"Unknown format {fmt!r}; use one of {', '.join(FORMATS)}.")
    if fmt not in TEXT_FORMATS and fmt not in _WRITERS:
        raise ReviewerError(f"This installation of Reviewer cannot write {fmt.upper()} reports.")
    path = check_destination(path)
    if is_library_file(path, store.path):
        # Writing the report there would replace the library itself (and its locks, see store.base).
        raise ReviewerError(f"{display_name(path)} is this library's own file; choose another file for the report.")
    check_filters(store, options)

    def step(done: int, total: int, text: str) -> None:
        if progress is not None:
            # Reading the library is the first 60%, rendering the rest.
            progress(int(60 * done / max(total, 1)), 100, text)

    report = build_report(store, options, progress=step, cancelled=cancelled)
    if cancelled is not None and cancelled():
        raise ReviewerError("Export cancelled.")
    if progress is not None:
        progress(65, 100, f"Writing {fmt.upper()}…")
    if fmt not in TEXT_FORMATS:
        data = _WRITERS[fmt](report, cancelled)
    else:
        rendered = render(report, fmt)
        data = rendered if isinstance(rendered, bytes) else rendered.encode("utf-8")
    if cancelled is not None and cancelled():
        raise ReviewerError("Export cancelled.")
    write_atomically(path, data)
    if progress is not None:
        progress(100, 100, "Done")
    return path


def write_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` in one step; on any failure leave no trace.

    First deletes the partial files killed exports left in the folder (see the module docstring).
    """
    clean_stale(path.parent, pid_matcher(_PARTIAL))
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.{os.getpid()}-", suffix=".part")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp makes the file private; a report is an ordinary document (keep an old file's mode).
        os.chmod(tmp_name, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        os.replace(tmp_name, path)
        tmp_name = None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ReviewerError(
            f"Cannot write {display_name(path)}: {reason}. Nothing was written; choose another place."
        ) from exc
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass
