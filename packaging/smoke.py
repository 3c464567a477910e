"""Smoke-test the frozen Reviewer the way a user's machine would run it.

    python packaging/smoke.py [dist/reviewer] [--skip gui,pdf] [--keep]

Copies the one-folder build to a fresh temporary directory (no source tree beside it), then runs it
from another directory with a clean environment (`HOME`, `PATH=/usr/bin:/bin`, nothing else; Qt's
platform is set to offscreen only for the window step):

 1. `--version`
 2. `gui --screenshot` offscreen into a fresh library: a real PNG, non-trivial size; the library was
    seeded with the bundled sample articles; `list` without `--db` creates the library in the user
    data folder under the temporary HOME
 3. `import` of a plain-text and a saved HTML article → `show --json` (claims whose offsets match the
    text) → `verdict <first check-worthy claim> supported` → `export --format pdf` (a file starting %PDF)
    and `--format md`
 4. `score` on stdin (the claim model loads from the bundle)

Standard library only, so any Python 3.8+ can run it. Exits non-zero on the first failure, printing
the command, its exit code and output. `--skip` is for local work while a part is unfinished; CI never
passes it.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 180  # seconds per command: generous for a loaded 2-core CI machine

ARTICLE_TXT = """\
City budget: unemployment falls as housing costs climb

By Zoë Martín, 12 March 2025

The city's unemployment rate fell to 4.2% in 2024, down from 5.1% a year earlier, according to the
regional statistics office.

"We have created 12,000 new jobs since 2021," Mayor Ana Kovač told the council on Tuesday.

Average rents rose by 18 percent over the same period, the housing agency said in its annual report.

Critics say the figures hide a fall in full-time work. The council will debate the budget next month.
"""

ARTICLE_HTML = """\
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Rail line to open two years late, minister says</title>
<meta name="author" content="Priya Natarajan">
<meta property="og:site_name" content="Harbour Daily">
<meta property="article:published_time" content="2025-02-03T09:00:00Z">
<link rel="canonical" href="https://harbour-daily.example/rail-delay">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>
<h1>Rail line to open two years late, minister says</h1>
<p>The new coastal rail line will open in 2029, two years later than planned, Transport Minister
Jonas Berg said on Monday.</p>
<p>The project has cost 3.4 billion euros so far, 40% more than the original estimate, according to
the national audit office.</p>
<p>"Every other country in Europe builds railways faster than we do," said opposition leader Mira Holt.</p>
<p>Construction began in 2019 and employs about 2,500 workers.</p>
</article>
<footer>© Harbour Daily. All rights reserved. Subscribe to our newsletter.</footer>
</body></html>
"""


ARTICLE_MD = """\
# Hospital waiting lists at record high

*By Tomasz Wiśniewski*

Waiting lists for planned surgery reached **7.6 million** in January, the health ministry said.

- The figure is up 12% on last year.
- "We will halve waiting times by 2027," the health minister promised.

| Year | Patients waiting |
|------|------------------|
| 2023 | 6.8 million      |
"""

DOCX_PARAGRAPHS = (
    "School meals scheme reaches 400,000 pupils",
    "The free school meals scheme now reaches 400,000 pupils, the education department said.",
    "Officials said the scheme costs 95 million pounds a year.",
)

PDF_LINES = ("Port traffic report", "Container traffic at the port grew by 9 percent in 2024, the port authority said.")


def make_docx(path: Path) -> None:
    """A minimal valid .docx (what Word writes, less the optional parts), standard library only."""
    import zipfile
    from xml.sax.saxutils import escape

    body = "".join(f"<w:p><w:r><w:t>{escape(t)}</w:t></w:r></w:p>" for t in DOCX_PARAGRAPHS)
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"><Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="'
            'application/xml"/><Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        z.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        )
        z.writestr(
            "word/document.xml",
            '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
            f'wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>',
        )


def make_pdf(path: Path) -> None:
    """A one-page PDF with a real text layer (Helvetica), offsets computed for a valid xref table."""
    text = " ".join(f"({line}) Tj 0 -20 Td" for line in PDF_LINES)
    stream = f"BT /F1 12 Tf 72 720 Td {text} ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))


class SmokeFailure(Exception):
    pass


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin"}
    if sys.platform == "win32":  # Windows cannot start anything without these
        env.update({k: os.environ[k] for k in ("SYSTEMROOT", "TEMP", "TMP") if k in os.environ})
    env.update(extra)
    return env


class Runner:
    def __init__(self, exe: Path, home: Path, cwd: Path):
        self.exe, self.home, self.cwd = exe, home, cwd

    def __call__(
        self, *args: str, stdin: str | None = None, env: dict[str, str] | None = None, expect: int = 0
    ) -> subprocess.CompletedProcess:
        cmd = [str(self.exe), *args]
        started = time.monotonic()
        try:
            proc = subprocess.run(
                cmd,
                input=stdin,
                capture_output=True,
                text=True,
                encoding="utf-8",
                cwd=self.cwd,
                env=env or clean_env(self.home),
                timeout=TIMEOUT,
            )
        except subprocess.TimeoutExpired as exc:
            raise SmokeFailure(f"timed out after {TIMEOUT} s: {' '.join(cmd)}") from exc
        took = time.monotonic() - started
        print(f"  $ reviewer {' '.join(args)}  -> exit {proc.returncode} in {took:.2f} s", flush=True)
        if proc.returncode != expect or "Traceback (most recent call last)" in proc.stderr:
            raise SmokeFailure(
                f"{' '.join(cmd)} exited {proc.returncode} (expected {expect})\n"
                f"--- stdout\n{proc.stdout[-3000:]}\n--- stderr\n{proc.stderr[-3000:]}"
            )
        return proc


def check(condition: bool, message: str) -> None:
    if not condition:
        raise SmokeFailure(message)


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:32]
    check(data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG (starts {data[:8]!r})")
    return struct.unpack(">II", data[16:24])


def step_version(run: Runner) -> None:
    out = run("--version").stdout.strip()
    expected = re.search(r'__version__ = "([^"]+)"', (ROOT / "reviewer" / "__init__.py").read_text()).group(1)
    check(out == f"reviewer {expected}", f"--version printed {out!r}, expected 'reviewer {expected}'")


def step_gui(run: Runner, work: Path, bundle: Path) -> None:
    shot, db = work / "window.png", work / "gui-library.sqlite"
    run("gui", "--screenshot", str(shot), "--db", str(db), env=clean_env(run.home, QT_QPA_PLATFORM="offscreen"))
    check(shot.is_file(), f"gui --screenshot wrote no file at {shot}")
    width, height = png_size(shot)
    size = shot.stat().st_size
    print(f"    screenshot {width}x{height}, {size} bytes")
    check(width >= 640 and height >= 400, f"screenshot is only {width}x{height}")
    check(size >= 10_000, f"screenshot is only {size} bytes: probably an empty window")
    samples = [
        p
        for p in (bundle / "_internal" / "resources" / "samples").glob("*")
        if p.is_file() and not p.name.upper().startswith("README")
    ]
    listed = json.loads(run("list", "--json", "--db", str(db)).stdout)
    print(f"    first start seeded {len(listed)} article(s) from {len(samples)} bundled sample file(s)")
    check(len(listed) >= min(len(samples), 1) if samples else True, "the sample library is empty")


def step_default_library(run: Runner) -> None:
    """No --db and no REVIEWER_DB: a reading command refuses the missing default library and
    creates nothing; the app's first start creates it in the user data folder (platformdirs)."""
    refused = run("list", "--json", expect=2)
    check("no library at" in refused.stderr, f"list without a library said {refused.stderr!r}")
    check(not sorted(run.home.rglob("library.sqlite")), "a reading command created the default library")
    shot = run.home / "default.png"
    run("gui", "--screenshot", str(shot), env=clean_env(run.home, QT_QPA_PLATFORM="offscreen"))
    listed = json.loads(run("list", "--json").stdout)
    found = sorted(run.home.rglob("library.sqlite"))
    check(bool(found), f"no library.sqlite was created under HOME={run.home}")
    check(len(listed) >= 1, "the first start's library has no sample articles")
    print(f"    default library {found[0].relative_to(run.home)} with {len(listed)} sample article(s)")


def step_round_trip(run: Runner, work: Path, skip: set[str]) -> None:
    db = work / "library.sqlite"
    txt, html, md = work / "budget.txt", work / "rail-delay.html", work / "waiting-lists.md"
    docx, pdf_in = work / "school-meals.docx", work / "port-traffic.pdf"
    txt.write_text(ARTICLE_TXT, encoding="utf-8")
    html.write_text(ARTICLE_HTML, encoding="utf-8")
    md.write_text(ARTICLE_MD, encoding="utf-8")
    make_docx(docx)
    make_pdf(pdf_in)

    # One file of every importer: Markdown extensions, trafilatura's data, python-docx and pypdf
    # are all loaded by name at run time, so this is where a missing hidden import shows.
    out = run("import", str(txt), str(html), str(md), str(docx), str(pdf_in), "--db", str(db)).stdout
    rows = [line.split("\t", 1) for line in out.splitlines() if line.strip()]
    check(len(rows) == 5 and all(r[0].isdigit() for r in rows), f"import printed {out!r}")
    article_id = rows[0][0]
    titles = " | ".join(r[1] for r in rows)
    for expected in ("Rail line", "Hospital waiting lists", "Port traffic"):
        check(expected in titles, f"title {expected!r} not among the imported titles: {titles}")
    docx_text = json.loads(run("show", rows[3][0], "--json", "--db", str(db)).stdout)["text"]
    check("400,000 pupils" in docx_text, f"the .docx text was not imported: {docx_text[:200]!r}")

    shown = json.loads(run("show", article_id, "--json", "--db", str(db)).stdout)
    text, claims = shown["text"], shown["claims"]
    check(bool(claims), f"article {article_id} has no claims")
    for c in claims:
        check(text[c["start"] : c["end"]] == c["text"], f"claim {c['id']}: offsets do not match its text")
    checkworthy = [c for c in claims if c.get("checkworthy")]
    check(bool(checkworthy), "no check-worthy claim found in an article full of figures")
    claim = checkworthy[0]
    print(f"    {len(claims)} claims, {len(checkworthy)} check-worthy; first: {claim['text'][:60]!r}")

    html_article = json.loads(run("show", rows[1][0], "--json", "--db", str(db)).stdout)
    check(
        "3.4 billion" in html_article["text"] and "newsletter" not in html_article["text"],
        "HTML import kept boilerplate or lost the article body",
    )
    check(html_article.get("author") == "Priya Natarajan", f"HTML author is {html_article.get('author')!r}")

    saved = json.loads(
        run("verdict", str(claim["id"]), "supported", "--note", "Checked **ONS** table 4.", "--db", str(db)).stdout
    )
    check(saved["verdict"] == "supported", f"verdict printed {saved!r}")
    again = json.loads(run("show", article_id, "--json", "--db", str(db)).stdout)
    check(
        any(c["id"] == claim["id"] and c["verdict"] == "supported" for c in again["claims"]),
        "the verdict is not in the library",
    )

    md = work / "report.md"
    run("export", "--format", "md", "--out", str(md), "--db", str(db))
    check(md.is_file() and "supported" in md.read_text(encoding="utf-8").lower(), "Markdown report lacks the verdict")
    if "pdf" in skip:
        print("    (PDF export skipped)")
        return
    pdf = work / "report.pdf"
    run("export", "--format", "pdf", "--out", str(pdf), "--db", str(db))
    check(pdf.is_file(), f"export --format pdf wrote no file at {pdf}")
    head = pdf.read_bytes()[:5]
    check(head == b"%PDF-", f"{pdf} does not start with %PDF- ({head!r})")
    print(f"    PDF report {pdf.stat().st_size} bytes")


def step_score(run: Runner) -> None:
    out = run("score", stdin="Inflation reached 7.4% in March.\nThank you all for coming.\n").stdout
    lines = out.splitlines()
    check(len(lines) == 2 and all(re.fullmatch(r"[0-9.]+\t[01]", line) for line in lines), f"score printed {out!r}")
    check(float(lines[0].split("\t")[0]) > float(lines[1].split("\t")[0]), f"scores make no sense: {out!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Smoke-test the frozen Reviewer with a clean environment.")
    parser.add_argument("bundle", nargs="?", default=str(ROOT / "dist" / "reviewer"), help="the one-folder build")
    parser.add_argument("--skip", default="", help="comma-separated parts to skip while unfinished: gui, pdf")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = parser.parse_args(argv)
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}

    source = Path(args.bundle).resolve()
    exe_name = "reviewer.exe" if sys.platform == "win32" else "reviewer"
    if not (source / exe_name).is_file():
        print(f"smoke: {source / exe_name} not found; run packaging/build.py first", file=sys.stderr)
        return 2

    tmp = Path(tempfile.mkdtemp(prefix="reviewer-smoke-"))
    started = time.monotonic()
    try:
        bundle = tmp / "app" / "reviewer"
        shutil.copytree(source, bundle, symlinks=True)
        home, work = tmp / "home", tmp / "work"
        home.mkdir()
        work.mkdir()
        run = Runner(bundle / exe_name, home, cwd=work)
        print(f"smoke: {bundle} (copied from {source}), clean environment, cwd {work}")
        steps = [
            ("version", lambda: step_version(run)),
            ("gui", lambda: step_gui(run, work, bundle)),
            ("default library", lambda: step_default_library(run)),
            ("round trip", lambda: step_round_trip(run, work, skip)),
            ("score", lambda: step_score(run)),
        ]
        passed = skipped = 0
        for name, step in steps:
            if name in skip:
                print(f"- {name}: SKIPPED")
                skipped += 1
                continue
            print(f"- {name}")
            step()
            passed += 1
        print(f"smoke: all passed in {time.monotonic() - started:.1f} s")
        # The plain closing line CI reads: the frozen app's checks, after pytest's.
        print(f"smoke: {passed} passed, 0 failed" + (f", {skipped} skipped" if skipped else ""))
        return 0
    except SmokeFailure as failure:
        print(f"smoke: FAILED: {failure}", file=sys.stderr)
        return 1
    finally:
        if args.keep:
            print(f"smoke: kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
