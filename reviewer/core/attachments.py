"""Evidence files copied into a library's attachment folder under safe names."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

from .errors import ReviewerError

MAX_ATTACHMENT_BYTES = 200 * 1024 * 1024
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
# Device names Windows reserves in any case and with any extension ("con.txt" is the console).
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)), *(f"LPT{i}" for i in range(10))}


def safe_name(original: str) -> str:
    """A file name that cannot leave the folder or confuse a file system."""
    stem, dot, suffix = Path(original).name.rpartition(".")
    if not dot:
        stem, suffix = suffix, ""
    stem = _UNSAFE.sub("-", stem).strip(".-")[:80] or "file"
    head, dot, rest = stem.partition(".")
    if head.upper() in _RESERVED:
        stem = f"{head}_{dot}{rest}"
    suffix = _UNSAFE.sub("", suffix)[:10]
    return f"{stem}.{suffix}" if suffix else stem


def copy_into_library(source: Path, folder: Path) -> tuple[str, str]:
    """Copy ``source`` into ``folder``; returns (stored name, original name).

    The stored name starts with a content digest, so two different files never collide and
    the same file attached twice is stored once.
    """
    if not source.is_file():
        raise ReviewerError(f"{source}: no such file to attach. Check the path and try again.")
    size = source.stat().st_size
    if size > MAX_ATTACHMENT_BYTES:
        raise ReviewerError(f"{source}: {size // (1024 * 1024)} MB is over the 200 MB limit for attachments.")
    digest = hashlib.sha256()
    with open(source, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    stored = f"{digest.hexdigest()[:16]}-{safe_name(source.name)}"
    target = folder / stored
    if target.resolve().parent != folder.resolve() if folder.exists() else False:
        raise ReviewerError(f"{source}: refusing to write outside the library folder.")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if not target.exists():
            partial = target.with_name(target.name + ".part")
            partial.unlink(missing_ok=True)  # never write through a link left in the folder
            shutil.copyfile(source, partial)
            partial.replace(target)
    except OSError as exc:
        raise ReviewerError(f"Cannot copy {source} into the library: {exc.strerror}.") from exc
    return stored, source.name
