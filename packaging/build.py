"""Build the standalone Reviewer with PyInstaller, archive it, and report sizes.

    python packaging/build.py             # dist/reviewer/ (one folder) + dist/reviewer-<version>-<platform>.tar.gz
    python packaging/build.py --onefile   # dist/onefile/reviewer (one file) + its archive

Run it with the project's venv Python (the one that has Reviewer and PyInstaller installed).
Exit code is non-zero when PyInstaller fails or a size budget is exceeded (with --check-size).
"""

from __future__ import annotations

import argparse
import platform
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "reviewer.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"

FOLDER_BUDGET_MB = 225  # 200 + the seen-before encoder (issue 17)
ARCHIVE_BUDGET_MB = 105  # 90 + the encoder, which gzip shrinks only to 18 MB


def version() -> str:
    namespace: dict = {}
    exec((ROOT / "reviewer" / "__init__.py").read_text(encoding="utf-8"), namespace)
    return namespace["__version__"]


def platform_tag() -> str:
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform.rstrip("0123456789"))
    machine = platform.machine().lower().replace("amd64", "x86_64").replace("arm64", "aarch64")
    return f"{system}-{machine}"


def tree_size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


def dist_dir(onefile: bool) -> Path:
    # The one-file executable is named like the one-folder directory, so it gets a folder of its own.
    return DIST / "onefile" if onefile else DIST


def run_pyinstaller(onefile: bool, clean: bool, full_icu: bool = False) -> None:
    cmd = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist_dir(onefile)),
        "--workpath",
        str(WORK / ("onefile" if onefile else "onedir")),
    ]
    if clean:
        cmd.append("--clean")
    cmd.append(str(SPEC))
    spec_args = (["--onefile"] if onefile else []) + (["--full-icu"] if full_icu else [])
    if spec_args:
        cmd += ["--", *spec_args]
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, cwd=ROOT)


def archive(target: Path, name: str) -> Path:
    """`.tar.gz` (or `.zip` on Windows) whose single top folder is `reviewer/`."""
    if sys.platform == "win32":
        out = DIST / f"{name}.zip"
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
            for p in sorted(target.rglob("*")) if target.is_dir() else [target]:
                zf.write(p, Path(target.name) / p.relative_to(target) if target.is_dir() else p.name)
        return out
    out = DIST / f"{name}.tar.gz"
    with tarfile.open(out, "w:gz", compresslevel=9) as tf:
        tf.add(target, arcname=target.name)
    return out


def largest(folder: Path, count: int = 12) -> list[tuple[int, str]]:
    files = [
        (p.stat().st_size, str(p.relative_to(folder))) for p in folder.rglob("*") if p.is_file() and not p.is_symlink()
    ]
    return sorted(files, reverse=True)[:count]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--onefile", action="store_true", help="build one self-extracting executable")
    parser.add_argument("--clean", action="store_true", help="empty PyInstaller's cache first")
    parser.add_argument("--no-archive", action="store_true", help="skip the .tar.gz")
    parser.add_argument(
        "--full-icu", action="store_true", help="bundle all of ICU's data instead of the part Qt uses (Linux; +22 MB)"
    )
    parser.add_argument(
        "--check-size",
        action="store_true",
        help=f"fail if the folder exceeds {FOLDER_BUDGET_MB} MB or the archive {ARCHIVE_BUDGET_MB} MB",
    )
    parser.add_argument("--max-folder-mb", type=float, metavar="MB", help="fail above this folder size instead")
    parser.add_argument("--max-archive-mb", type=float, metavar="MB", help="fail above this archive size instead")
    args = parser.parse_args(argv)
    if args.max_folder_mb or args.max_archive_mb:
        args.check_size = True
    folder_budget = args.max_folder_mb or FOLDER_BUDGET_MB
    archive_budget = args.max_archive_mb or ARCHIVE_BUDGET_MB

    if not (ROOT / "resources" / "model" / "fast_linear.npz").is_file():
        print(
            "build: resources/model/fast_linear.npz is missing; the app cannot score claims without it", file=sys.stderr
        )
        return 2

    started = time.monotonic()
    run_pyinstaller(args.onefile, args.clean, args.full_icu)
    built = time.monotonic()
    exe_name = "reviewer.exe" if sys.platform == "win32" else "reviewer"
    target = dist_dir(True) / exe_name if args.onefile else DIST / "reviewer"
    executable = target if args.onefile else target / exe_name
    if not executable.is_file():
        print(f"build: {executable} was not produced", file=sys.stderr)
        return 1

    name = f"reviewer-{version()}-{platform_tag()}" + ("-onefile" if args.onefile else "")
    archive_path = None
    if not args.no_archive:
        archive_path = archive(target, name)
    finished = time.monotonic()

    folder_size = tree_size(target)
    print(f"\nbuilt {executable}")
    print(
        f"  {'one-file executable' if args.onefile else 'one-folder app'}: {mb(folder_size)}"
        f" ({folder_size / 2**20:.1f} MiB; budget {folder_budget:g} MB)"
    )
    if archive_path:
        print(f"  archive {archive_path.name}: {mb(archive_path.stat().st_size)} (budget {archive_budget:g} MB)")
    print(f"  time: PyInstaller {built - started:.0f} s, archive {finished - built:.0f} s")
    if target.is_dir():
        print("  largest files:")
        for size, rel in largest(target):
            print(f"    {mb(size):>9}  {rel}")

    if args.check_size:
        over = []
        if not args.onefile and folder_size > folder_budget * 1e6:
            over.append(f"folder {mb(folder_size)} > {folder_budget:g} MB")
        if archive_path and archive_path.stat().st_size > archive_budget * 1e6:
            over.append(f"archive {mb(archive_path.stat().st_size)} > {archive_budget:g} MB")
        if over:
            print("build: over budget: " + "; ".join(over), file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
