"""Where bundled resources live: the source tree, or PyInstaller's bundle when frozen."""

import sys
from pathlib import Path


def resources_dir() -> Path:
    """The ``resources/`` folder (icons, samples, model files, styles). Any thread may call."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
