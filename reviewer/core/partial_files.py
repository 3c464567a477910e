"""Partial files of jobs that write in place (backups, restores, exports), and cleaning up after killed ones.

A job writes its output under a partial name and renames it when complete, so a killed job
never leaves a half-written backup, library or report under the real name, but it does leave the
partial file (and SQLite's ``-journal`` beside it). Each partial name carries the writer's
process id, so the next run of the same job can tell a leftover from a partial another
process is still writing: a partial is stale when its writer is no longer running, or when it
is older than ``STALE_AFTER_S`` (a process id can be reused; no job runs that long). A partial
named by an older Reviewer, without a process id, is stale once it is ``LEGACY_STALE_AFTER_S``
old. Cleaning never raises: a leftover that cannot be deleted costs space, not work.

Any thread may call these functions.
"""

from __future__ import annotations

import os
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

STALE_AFTER_S = 24 * 3600
LEGACY_STALE_AFTER_S = 3600


def pid_alive(pid: int) -> bool:
    """Whether a process with id ``pid`` is running on this machine (True when unsure)."""
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        return _windows_pid_alive(pid)
    try:
        os.kill(pid, 0)  # signal 0: only checks that the process exists
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: it exists, run by someone else
        return True
    return True


if sys.platform == "win32":  # pragma: no cover - Windows only (and only type-checked there)

    def _windows_pid_alive(pid: int) -> bool:
        # os.kill(pid, 0) would send CTRL_C_EVENT on Windows: ask for the process's exit code instead.
        import ctypes

        # use_last_error: without it ctypes.get_last_error() stays 0 (ctypes.windll does not set it).
        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return ctypes.get_last_error() == 5  # access denied: it exists
        try:
            code = ctypes.c_ulong()
            if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
                return True
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)


# Which names are partials of a job: False for other files, else the writer's pid (None: an older, untagged name).
PartialMatcher = Callable[[str], int | None | bool]


def _age_s(path: Path) -> float:
    return time.time() - path.lstat().st_mtime


def is_stale(path: Path, pid: int | None) -> bool:
    """Whether the partial file ``path`` written by ``pid`` (None: an untagged, older name) is a leftover."""
    try:
        age = _age_s(path)
    except OSError:
        return False
    if pid is None:
        return age > LEGACY_STALE_AFTER_S
    return age > STALE_AFTER_S or not pid_alive(pid)


def clean_stale(folder: Path, match: PartialMatcher) -> list[Path]:
    """Delete the stale partial files in ``folder`` and return them.

    ``match(name)`` says which names are partials of this job: False for other files, else the
    writer's pid, or None for an untagged name from an older Reviewer. Only regular files
    and symlinks are deleted, never folders.
    """
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        found = match(entry.name)
        if found is False:
            continue
        path = Path(entry.path)
        try:
            if entry.is_dir(follow_symlinks=False):
                continue
        except OSError:
            continue
        if is_stale(path, found if isinstance(found, int) and not isinstance(found, bool) else None):
            try:
                path.unlink()
                removed.append(path)
            except OSError:
                pass
    return removed


def pid_matcher(pattern: str) -> PartialMatcher:
    """A ``match`` for ``clean_stale`` from a regular expression with an optional group ``pid``."""
    regex = re.compile(pattern)

    def match(name: str) -> int | None | bool:
        found = regex.fullmatch(name)
        if found is None:
            return False
        pid = found.groupdict().get("pid")
        return int(pid) if pid else None

    return match
