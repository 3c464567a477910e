"""Crash safety: a process killed with SIGKILL at random moments loses nothing it reported saved.

Proves, with real child processes (``crash_writer.py``) killed by SIGKILL at random moments
(60 rounds of review writes, 20 of imports, one library reused throughout):

- after every kill the library passes ``PRAGMA integrity_check`` and the FTS5 indexes pass
  their own integrity check;
- every verdict and note the child printed as saved (it prints only after ``set_review``
  returned, i.e. after COMMIT) is in the library: the claim's current review is the last one
  reported, or the single change that was in flight when the process died (committed but not
  yet printed), whose audit entry starts from the last reported state;
- the audit log agrees with the reviews table (every review's state is the ``after`` of its
  latest audit entry), so history is never ahead of or behind the data;
- an import killed midway leaves no half-written article: each article is present with all
  of its claims or absent, and every article the child reported as imported is there.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reviewer.core.store import Store

from .helpers import make_library

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")

WRITER = Path(__file__).with_name("crash_writer.py")
REVIEW_ROUNDS = 60
IMPORT_ROUNDS = 20


def _note_hash(note: str) -> str:
    return hashlib.sha256(note.encode("utf-8")).hexdigest()[:16]


def _make_library(path: Path, claims: int = 40) -> list[int]:
    return make_library(path, n_claims=claims, notes=False)


def _run_and_kill(args: list[str], rng: random.Random) -> list[str]:
    """Start the writer, kill it with SIGKILL at a random moment, return the complete lines it printed."""
    # Unbuffered: readline() below must not pull "saved" lines into a buffer that communicate()
    # never sees (it reads the raw pipe), or reported saves would go missing from the check.
    proc = subprocess.Popen(
        [sys.executable, str(WRITER), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        bufsize=0,
    )
    try:
        if rng.random() < 0.15:
            time.sleep(rng.uniform(0.0, 0.4))  # sometimes while it is still opening the library
        else:
            ready = proc.stdout.readline()
            assert ready == b"ready\n", (ready, proc.stderr.read().decode(errors="replace"))
            time.sleep(rng.uniform(0.0, 0.25))
    finally:
        proc.send_signal(signal.SIGKILL)
        out, err = proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL, err.decode(errors="replace")  # it was still writing
    text = out.decode("utf-8")
    lines = text.split("\n")
    return [line for line in lines[:-1] if line and line != "ready"]  # the last piece may be cut short


def _check_integrity(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path))
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    for table in ("articles_fts", "claims_fts", "reviews_fts"):
        conn.execute(f"INSERT INTO {table}({table}) VALUES('integrity-check')")
    return conn


def _review_states(conn: sqlite3.Connection) -> dict[int, tuple[str, str]]:
    return {
        cid: (verdict or "none", _note_hash(note))
        for cid, verdict, note in conn.execute("SELECT claim_id, verdict, note FROM reviews")
    }


def _latest_audit(conn: sqlite3.Connection, claim_id: int) -> tuple[dict, dict] | None:
    row = conn.execute(
        "SELECT before, after FROM audit WHERE action = 'review' AND claim_id = ? ORDER BY id DESC LIMIT 1", (claim_id,)
    ).fetchone()
    return None if row is None else (json.loads(row[0]), json.loads(row[1]))


def _state(review: dict) -> tuple[str, str]:
    return (review.get("verdict") or "none", _note_hash(review.get("note") or ""))


def test_killed_review_writer_loses_nothing_it_reported(tmp_path):
    library = tmp_path / "library.sqlite"
    claim_ids = _make_library(library)
    rng = random.Random(int(os.environ.get("REVIEWER_CRASH_SEED", "7")))
    reported: dict[int, tuple[str, str]] = {}
    total_saved = 0
    started = time.monotonic()
    for round_no in range(REVIEW_ROUNDS):
        lines = _run_and_kill(["reviews", str(library), str(rng.randrange(1 << 30)), *map(str, claim_ids)], rng)
        for line in lines:
            tag, claim_id, verdict, digest = line.split(" ")
            assert tag == "saved"
            reported[int(claim_id)] = (verdict, digest)
            total_saved += 1
        conn = _check_integrity(library)
        try:
            current = _review_states(conn)
            in_flight = [cid for cid, state in reported.items() if current.get(cid) != state]
            # Only the change in flight at the kill can be ahead of what was reported.
            assert len(in_flight) <= 1, (round_no, in_flight)
            for cid in in_flight:
                before, after = _latest_audit(conn, cid)
                assert _state(before) == reported[cid], f"round {round_no}: claim {cid} lost a saved change"
                assert _state(after) == current[cid]
                reported[cid] = current[cid]
            for cid, state in current.items():  # the audit log agrees with the data
                assert _state(_latest_audit(conn, cid)[1]) == state
        finally:
            conn.close()
    elapsed = time.monotonic() - started
    print(f"{REVIEW_ROUNDS} kills, {total_saved} reported saves checked in {elapsed:.1f} s")
    assert total_saved >= REVIEW_ROUNDS, "the writer should have saved something in most rounds"
    with Store.open(library) as store:  # and the app opens it normally afterwards
        assert store.integrity_ok()


def test_killed_import_leaves_no_half_written_article(tmp_path):
    library = tmp_path / "library.sqlite"
    _make_library(library, claims=3)
    rng = random.Random(int(os.environ.get("REVIEWER_CRASH_SEED", "11")))
    reported: dict[int, int] = {}
    for _ in range(IMPORT_ROUNDS):
        for line in _run_and_kill(["import", str(library), str(rng.randrange(1 << 30))], rng):
            tag, article_id, n = line.split(" ")
            assert tag == "imported"
            reported[int(article_id)] = int(n)
        conn = _check_integrity(library)
        try:
            rows = conn.execute(
                "SELECT a.id, a.title, (SELECT count(*) FROM claims c WHERE c.article_id = a.id)"
                " FROM articles a WHERE a.title LIKE 'crash-%'"
            ).fetchall()
            stored = {article_id: count for article_id, _, count in rows}
            for article_id, title, count in rows:
                assert count == int(title.split("-")[1]), f"article {article_id} is half-written"
                audit = conn.execute(
                    "SELECT count(*) FROM audit WHERE action = 'import' AND article_id = ?", (article_id,)
                ).fetchone()[0]
                assert audit == 1
            for article_id, n in reported.items():
                assert stored.get(article_id) == n, f"reported article {article_id} is missing"
            orphans = conn.execute("SELECT count(*) FROM claims WHERE article_id NOT IN (SELECT id FROM articles)")
            assert orphans.fetchone()[0] == 0
        finally:
            conn.close()
    assert reported, "no import completed in any round: the test did not exercise anything"
