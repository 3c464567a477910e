"""Fact-check import speed (issue 17): the 14,231 CheckThat! 2A Snopes vclaims as a CSV, without embeddings.

    python -m pytest tests/benchmarks/bench_factchecks.py -m benchmark -s

Writes the CSV with ``training/matching/vclaims_csv.py`` from ``../shared/data/claim-matching/vclaims.tar.gz``,
then prints, median of REVIEWER_BENCH_RUNS (default 3) fresh libraries: reading the file (decode, parse,
clean), storing it (one transaction, FTS5 index), and the whole ``reviewer factchecks import`` command from
process start to exit; then removing the collection. Target: a few seconds at most. Wall-clock figures
stretch on a shared machine; CPU time is printed beside them.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reviewer.core.factchecks.files import read_factcheck_file
from reviewer.core.store import Store

pytestmark = pytest.mark.benchmark

REPO = Path(__file__).resolve().parents[2]
RUNS = int(os.environ.get("REVIEWER_BENCH_RUNS", "3"))


@pytest.fixture(scope="module")
def vclaims_csv(tmp_path_factory) -> Path:
    archive = REPO.parent / "shared" / "data" / "claim-matching" / "vclaims.tar.gz"
    if not archive.exists():
        pytest.skip(f"{archive} not found")
    out = tmp_path_factory.mktemp("factchecks") / "vclaims.csv"
    subprocess.run(
        [sys.executable, str(REPO / "training" / "matching" / "vclaims_csv.py"), str(out), "--archive", str(archive)],
        check=True,
    )
    return out


def _timed(fn) -> tuple[float, float, object]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def test_import_vclaims(vclaims_csv, tmp_path):
    read_s, store_s, cli_s, remove_s = [], [], [], []
    for run in range(RUNS):
        wall, cpu, parsed = _timed(lambda: read_factcheck_file(vclaims_csv))
        read_s.append((wall, cpu))
        with Store.open(tmp_path / f"lib{run}.sqlite") as store:
            records = parsed.records
            wall, cpu, result = _timed(
                lambda records=records: store.import_factchecks("vclaims", records, "vclaims.csv")
            )
            store_s.append((wall, cpu))
            assert result.imported + result.duplicates == 14_231
            wall, cpu, removed = _timed(lambda: store.remove_factcheck_collection("vclaims"))
            remove_s.append((wall, cpu))
            assert removed == result.imported
        begun = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "reviewer.cli",
                "factchecks",
                "import",
                str(vclaims_csv),
                "--db",
                str(tmp_path / f"cli{run}.sqlite"),
            ],
            check=True,
            capture_output=True,
        )
        cli_s.append((time.perf_counter() - begun, -1.0))

    def show(name: str, figures: list[tuple[float, float]]) -> None:
        wall = statistics.median(f[0] for f in figures)
        cpu = statistics.median(f[1] for f in figures)
        print(f"{name:<44} {wall:6.2f} s wall" + ("" if cpu < 0 else f"  {cpu:6.2f} s CPU"))

    print(f"\n14,231 vclaims ({result.imported:,} records, {result.duplicates} duplicates), median of {RUNS}:")
    show("read the CSV (decode, parse, clean)", read_s)
    show("store (one transaction, FTS5)", store_s)
    show("reviewer factchecks import (whole process)", cli_s)
    show("remove the collection", remove_s)
