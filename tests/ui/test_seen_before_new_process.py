"""Seen-before matching in a fresh desk process, on a library whose vectors are already stored.

Seen in the desk: opening such a library crashed the process (SIGSEGV in onnxruntime's first run,
on a Qt pool thread other than the job that had opened the encoder). ``core.onnx_session`` runs
every session once as it opens it. This needs a process of its own: in the test process the
encoder has long been opened and run. The screenshot waits for the open article's matching, so
the matching runs before the window closes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from reviewer.core.matching import index_pending, similar
from reviewer.core.store import Store
from tests.ui.conftest import SAMPLE_BLOCKS, build_article

REPO = Path(__file__).resolve().parents[2]


def test_a_library_with_stored_vectors_opens_and_matches(tmp_path):
    db = tmp_path / "lib.sqlite"
    feed = tmp_path / "feed.json"
    with Store.open(db, reviewer="tester") as store:
        build_article(store, "Hospital beds", SAMPLE_BLOCKS)
        claims = [c for a in store.list_articles() for c in store.claims_for_article(a.id)]
        feed.write_text(
            json.dumps({"@type": "ClaimReview", "claimReviewed": claims[0].text, "url": "https://fc.example/1"}),
            encoding="utf-8",
        )
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "HOME": str(tmp_path),
    }

    def reviewer(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "reviewer", *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=300
        )

    imported = reviewer("factchecks", "import", str(feed), "--db", str(db))
    assert imported.returncode == 0, imported.stderr
    with Store.open(db, reviewer="tester") as store:
        index_pending(store)  # the vectors are stored before the desk opens
        assert similar(store, claims[0].text, top=1)[0].url == "https://fc.example/1"

    shot = reviewer("gui", "--db", str(db), "--screenshot", str(tmp_path / "shot.png"))
    assert shot.returncode == 0, (shot.returncode, shot.stderr[-2000:])
    assert (tmp_path / "shot.png").stat().st_size > 0
