"""Seen-before matching (issue 17): accuracy on CheckThat! 2A dev and speed, through `reviewer similar`.

    python -m pytest tests/benchmarks/bench_matching.py -m benchmark -s

1. Writes the 14,231 Snopes vclaims as a CSV (training/matching/vclaims_csv.py) and imports it into a
   fresh library with `reviewer factchecks import`; the first `reviewer similar` then computes and
   stores the embeddings (the import itself does not). Prints both times, wall and CPU (target: 120 s
   on one core for both together; onnxruntime runs on one thread).
2. Runs the 199 dev tweets, links and the date of the trailing "— Name (@handle) Month D, YYYY" removed
   (as the issue says; who posted stays), through
   `reviewer similar --stdin --json --top 5` and prints MAP@5 (target >= 0.95). A result stands for
   every vclaim whose text it holds (31 vclaims repeat another's text and import as one record).
3. Prints the warm latency of one query in process (`core.matching.similar`, the app's call), median
   over the dev tweets (target <= 50 ms).
Needs ../shared/data/claim-matching (skipped without it). Assertions are on CPU time and MAP@5.
"""

from __future__ import annotations

import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import REPO, SHARED_DATA

pytestmark = pytest.mark.benchmark

sys.path.insert(0, str(REPO / "training" / "matching"))
data = pytest.importorskip("data", reason="training/matching/data.py")
if not (SHARED_DATA / "claim-matching" / "vclaims.tar.gz").is_file():
    pytest.skip("no claim-matching data", allow_module_level=True)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _cli(*args: str, stdin: str | None = None) -> tuple[str, float, float]:
    wall, cpu = time.perf_counter(), _children_cpu()
    done = subprocess.run(
        [sys.executable, "-m", "reviewer.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout, time.perf_counter() - wall, _children_cpu() - cpu


@pytest.fixture(scope="module")
def library(tmp_path_factory) -> Path:
    import vclaims_csv

    folder = tmp_path_factory.mktemp("matching")
    csv_file = folder / "snopes.csv"
    vclaims_csv.write_csv(vclaims_csv.read_vclaims(SHARED_DATA / "claim-matching" / "vclaims.tar.gz"), csv_file)
    db = str(folder / "lib.sqlite")
    print()
    _, wall, cpu = _cli("factchecks", "import", str(csv_file), "--collection", "snopes", "--db", db)
    print(f"factchecks import, 14,231 rows: {wall:.1f} s wall, {cpu:.1f} s CPU")
    _, wall2, cpu2 = _cli("similar", "warm-up: embeds every record first", "--db", db)
    print(f"first similar (embeds them): {wall2:.1f} s wall, {cpu2:.1f} s CPU")
    print(f"import with embeddings: {wall + wall2:.1f} s wall, {cpu + cpu2:.1f} s CPU (target 120 s)")
    _import_cpu.append(cpu + cpu2)
    return Path(db)


_import_cpu: list[float] = []


def test_import_with_embeddings_cpu(library):
    # Its own test, so that a slow machine still gets the accuracy figures below.
    assert _import_cpu[0] <= 120


def _dev() -> list[tuple[str, set[str]]]:
    tweets = data.queries()
    return [(data.clean_tweet(tweets[q]), rel) for q, rel in data.qrels("dev").items()]


def test_dev_map_at_5_through_the_command(library):
    vclaim_ids: dict[str, set[str]] = {}
    for v in data.vclaims():
        vclaim_ids.setdefault(data.claim_key(v["vclaim"]), set()).add(v["vclaim_id"])
    dev = _dev()
    out, wall, cpu = _cli(
        "similar", "--stdin", "--json", "--top", "5", "--db", str(library), stdin="".join(q + "\n" for q, _ in dev)
    )
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == len(dev)
    aps = []
    for row, (query, relevant) in zip(rows, dev):
        assert row["query"] == query
        ranked = [vclaim_ids.get(data.claim_key(m["text"]), set()) for m in row["matches"]]
        aps.append(data.average_precision(ranked, relevant))
    score = statistics.mean(aps)
    hits = sum(ap == 1.0 for ap in aps)
    print(
        f"dev MAP@5 over {len(dev)} tweets: {score:.4f} ({hits} with the fact-check first); "
        f"command {wall:.1f} s wall, {cpu:.1f} s CPU (target >= 0.95)"
    )
    assert score >= 0.95


def test_warm_query_latency_in_process(library):
    from reviewer.core.matching import similar
    from reviewer.core.store import Store

    queries = [q for q, _ in _dev()]
    with Store.open(library) as store:
        similar(store, queries[0])  # loads the encoder and the vectors
        wall, cpu = [], []
        for query in queries:
            w, c = time.perf_counter(), time.process_time()
            similar(store, query, 5)
            wall.append(time.perf_counter() - w)
            cpu.append(time.process_time() - c)
    wall.sort()
    print(
        f"warm query in process: median {statistics.median(wall) * 1000:.1f} ms wall "
        f"({statistics.median(cpu) * 1000:.1f} ms CPU), 95th percentile {wall[int(len(wall) * 0.95)] * 1000:.1f} ms"
        " (target 50 ms)"
    )
    assert statistics.median(cpu) <= 0.05
