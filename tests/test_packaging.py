"""Packaging files are well-formed: PyInstaller spec, desktop entry, AppStream metainfo, icons.

Fast and Qt-free. The external validators (`desktop-file-validate` from desktop-file-utils,
`appstreamcli` from appstream) run when installed, as `.ci/run` does.
"""

from __future__ import annotations

import ast
import configparser
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from reviewer import __version__

REPO = Path(__file__).resolve().parents[1]
RESOURCES = REPO / "resources"
ICONS = RESOURCES / "icons"
APP_ID = "io.github.reviewer.Reviewer"
DESKTOP = RESOURCES / f"{APP_ID}.desktop"
METAINFO = RESOURCES / f"{APP_ID}.metainfo.xml"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
MIME_TYPES = {
    "text/plain",
    "text/markdown",
    "text/html",
    "application/pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("name", ["reviewer.spec", "build.py", "smoke.py", "reviewer_main.py", "make_icons.py"])
def test_packaging_scripts_are_valid_python(name):
    ast.parse((REPO / "packaging" / name).read_text(encoding="utf-8"), filename=name)


def test_spec_bundles_resources_and_uses_the_app_id():
    spec = (REPO / "packaging" / "reviewer.spec").read_text(encoding="utf-8")
    assert '"resources"' in spec and 'collect_submodules("reviewer")' in spec
    assert f'APP_ID = "{APP_ID}"' in spec
    for needed in ("markdown.extensions", "trafilatura", "justext", "docx", "lxml.html.clean", "readability"):
        assert needed in spec


def test_desktop_entry():
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Exec"] == "reviewer %F"
    assert entry["Icon"] == APP_ID
    assert "Office" in entry["Categories"].split(";")
    assert set(filter(None, entry["MimeType"].split(";"))) == MIME_TYPES
    assert entry["Terminal"] == "false"


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils not installed")
def test_desktop_entry_validates():
    result = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_metainfo():
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.find("provides/binary").text == "reviewer"
    versions = [r.get("version") for r in root.iter("release")]
    assert versions and versions[0] == __version__, "add a <release> for the current version"


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstream not installed")
def test_metainfo_validates():
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", "--explain", str(METAINFO)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_svg_icon_is_square():
    root = ET.parse(ICONS / "reviewer.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    x, y, w, h = (float(v) for v in root.get("viewBox").split())
    assert w == h


@pytest.mark.parametrize("size", PNG_SIZES)
def test_png_icon_sizes(size):
    assert _png_size((ICONS / f"reviewer-{size}.png").read_bytes()) == (size, size)


def test_ico_holds_sizes_16_to_256():
    data = (ICONS / "reviewer.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = set()
    for i in range(count):
        w, h, _, _, _, _, length, offset = struct.unpack("<BBBBHHII", data[6 + 16 * i : 22 + 16 * i])
        w, h = w or 256, h or 256
        assert _png_size(data[offset : offset + length]) == (w, h)
        sizes.add(w)
    assert {16, 32, 48, 256} <= sizes


def test_icns_is_well_formed():
    data = (ICONS / "reviewer.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    pos, kinds = 8, {}
    while pos < len(data):
        kind, length = data[pos : pos + 4].decode("ascii"), struct.unpack(">I", data[pos + 4 : pos + 8])[0]
        kinds[kind] = _png_size(data[pos + 8 : pos + length])[0]
        pos += length
    assert pos == len(data)
    assert kinds["ic07"] == 128 and kinds["ic09"] == 512 and kinds["ic10"] == 1024


def test_build_script_names_the_archive_by_version():
    import importlib.util

    spec = importlib.util.spec_from_file_location("reviewer_build", REPO / "packaging" / "build.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    assert build.version() == __version__
    assert build.platform_tag().count("-") == 1
