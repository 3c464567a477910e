"""Bundle export and import speed (issue 18): 1,000 articles, 20,000 claims, 5,000 reviews.

    python -m pytest tests/benchmarks/bench_bundles.py -m benchmark -s

Builds a library of 1,000 articles (20 claims each, ~2,300 characters), 5,000 reviews with notes
(4,000 own, 1,000 a colleague's) and 500 evidence rows, then prints, median of REVIEWER_BENCH_RUNS
(default 3): the export of every article; the import into an empty library (everything added); the
import of the same bundle into the library it came from (everything matched, nothing written); the
import into another reviewer's library holding the same articles (claims matched by span, every
review a colleague's); a dry run; and the undo of the first import. Target: export and import each
<= 10 s on one core. Wall-clock figures stretch on a shared machine; CPU time is printed beside them.
"""

from __future__ import annotations

import os
import statistics
import time
from pathlib import Path

import pytest

from reviewer.core.bundles.export import export_bundle
from reviewer.core.bundles.merge import merge_bundle
from reviewer.core.domain import ClaimDraft
from reviewer.core.importers.document import ImportedDocument
from reviewer.core.store import Store

pytestmark = pytest.mark.benchmark

RUNS = int(os.environ.get("REVIEWER_BENCH_RUNS", "3"))
ARTICLES, CLAIMS_EACH, OWN, PEER, EVIDENCE = 1_000, 20, 4_000, 1_000, 500
TARGET_S = 10.0


def _document(i: int) -> tuple[ImportedDocument, list[ClaimDraft]]:
    parts = [
        f"In district {i}, the count of item {j} rose by {(i * 31 + j * 7) % 97} percent in {2000 + j}, "
        f"the office said on day {i % 28 + 1}."
        for j in range(CLAIMS_EACH)
    ]
    text = " ".join(parts)
    drafts, at = [], 0
    for part in parts:
        drafts.append(ClaimDraft(at, at + len(part), 0.8))
        at += len(part) + 1
    return ImportedDocument(text, (), f"District {i} figures", "txt"), drafts


def _build(path: Path, reviewer: str, reviews: bool) -> Store:
    store = Store.open(path, reviewer=reviewer)
    store.adopt_reviewer_name(reviewer)
    with store.write():  # one transaction: the build is not what is measured
        for i in range(ARTICLES):
            doc, drafts = _document(i)
            store.add_article(doc, drafts)
        if reviews:
            ids = [r[0] for r in store.conn.execute("SELECT id FROM claims ORDER BY id")]
            keys = store.active_scale().keys
            for n, claim_id in enumerate(ids[:OWN]):
                store.set_review(claim_id, verdict=keys[n % len(keys)], note=f"Checked against table {n}.")
            for n, claim_id in enumerate(ids[OWN : OWN + PEER]):
                store.upsert_peer_review(
                    claim_id,
                    "bob",
                    verdict=keys[n % len(keys)],
                    note=f"Bob's note {n}",
                    updated_at="2024-01-01T00:00:00Z",
                )
            for n, claim_id in enumerate(ids[:EVIDENCE]):
                store.add_evidence(claim_id, url=f"https://stats.example/table/{n}", title=f"Table {n}")
    return store


def _timed(fn):
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return (time.perf_counter() - wall, time.process_time() - cpu), result


def test_bundle_export_and_import(tmp_path):
    source = _build(tmp_path / "source.sqlite", "alice", reviews=True)
    other = _build(tmp_path / "other.sqlite", "carol", reviews=False)
    figures: dict[str, list[tuple[float, float]]] = {}

    def add(name: str, figure: tuple[float, float]) -> None:
        figures.setdefault(name, []).append(figure)

    try:
        for run in range(RUNS):
            bundle = tmp_path / f"all{run}.rvbundle"
            figure, summary = _timed(lambda bundle=bundle: export_bundle(source, bundle))
            add("export (1,000 articles)", figure)
            assert summary.counts["claims"] == ARTICLES * CLAIMS_EACH
            assert summary.counts["reviews"] + summary.counts["peer_reviews"] == OWN + PEER
            with Store.open(tmp_path / f"empty{run}.sqlite", reviewer="alice") as empty:
                empty.adopt_reviewer_name("alice")
                figure, result = _timed(lambda empty=empty, bundle=bundle: merge_bundle(empty, bundle))
                add("import into an empty library (all added)", figure)
                assert result.report.counts["claims"].added == ARTICLES * CLAIMS_EACH
                assert result.report.counts["reviews"].added == OWN
                figure, _ = _timed(lambda empty=empty, change=result.change: empty.revert_change(change))
                add("undo that import", figure)
                assert empty.conn.execute("SELECT count(*) FROM claims").fetchone()[0] == 0
            figure, result = _timed(lambda bundle=bundle: merge_bundle(source, bundle))
            add("import into its own library (all matched)", figure)
            assert result.change.empty
            figure, dry = _timed(lambda bundle=bundle: merge_bundle(other, bundle, dry_run=True))
            add("dry run into another reviewer's library", figure)
            figure, result = _timed(lambda bundle=bundle: merge_bundle(other, bundle))
            add("import into another reviewer's library", figure)
            assert result.report.counts["peer_reviews"].added == OWN + PEER
            assert result.report.lines() == dry.report.lines()
            other.revert_change(result.change)
    finally:
        source.close()
        other.close()

    size = (tmp_path / "all0.rvbundle").stat().st_size
    print(
        f"\n{ARTICLES:,} articles, {ARTICLES * CLAIMS_EACH:,} claims, {OWN + PEER:,} reviews, {EVIDENCE} evidence;"
        f" bundle {size / 1e6:.1f} MB; median of {RUNS}:"
    )
    for name, values in figures.items():
        wall = statistics.median(v[0] for v in values)
        cpu = statistics.median(v[1] for v in values)
        print(f"{name:<46} {wall:6.2f} s wall  {cpu:6.2f} s CPU")
    for name in (
        "export (1,000 articles)",
        "import into an empty library (all added)",
        "import into another reviewer's library",
    ):
        assert statistics.median(v[1] for v in figures[name]) <= TARGET_S, name
