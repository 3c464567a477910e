"""Report export speed: 1,000 reviewed claims across 100 articles.

Run: pytest tests/benchmarks/bench_reports.py -m benchmark -s
Targets: md, html, csv and json <= 1 s each; pdf <= 5 s (building the model from the library
included, as `reviewer export` does).
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field

import pytest

from reviewer.core.domain import Block, ClaimDraft

ARTICLES, CLAIMS_PER_ARTICLE = 100, 10
TARGETS = {"md": 1.0, "html": 1.0, "csv": 1.0, "json": 1.0, "claimreview": 1.0, "pdf": 5.0}


@dataclass
class _Doc:
    title: str
    text: str
    blocks: tuple
    site: str = "Benchmark Times"
    url: str = "https://bench.example/a"
    author: str = "A. Writer"
    published: str = "2024-05-01"
    original_format: str = "txt"
    source_path: str | None = None
    language: str = "en"
    extra: dict = field(default_factory=dict)

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode()).hexdigest()


def _fill(store) -> None:
    verdicts = store.active_scale().keys
    for a in range(ARTICLES):
        sentences = [
            f"In {2000 + i} the figure for region {a} rose to {i * 3 + a}% according to the office."
            for i in range(CLAIMS_PER_ARTICLE)
        ]
        paras = [
            " ".join(sentences[i : i + 2]) + " Officials declined to comment further on the matter."
            for i in range(0, CLAIMS_PER_ARTICLE, 2)
        ]
        text = "\n\n".join(paras)
        blocks, pos = [], 0
        for p in paras:
            blocks.append(Block(pos, pos + len(p)))
            pos += len(p) + 2
        drafts = []
        for s in sentences:
            start = text.index(s)
            drafts.append(ClaimDraft(start, start + len(s) - 1, 0.9, True, f"Speaker {a % 7}", kind="statistic"))
        article = store.add_article(
            _Doc(f"Article {a}: regional figures", text, tuple(blocks), url=f"https://bench.example/{a}"), drafts
        )
        for i, claim in enumerate(store.claims_for_article(article.id)):
            store.set_review(
                claim.id,
                verdict=verdicts[(a + i) % len(verdicts)],
                confidence=50 + i,
                note=f"Checked against the **office** release, table {i}.\n\n- point one\n- point two",
                who=f"reviewer{i % 3}",
            )
            if i % 2 == 0:
                store.add_evidence(
                    claim.id,
                    url=f"https://stats.example/{a}/{i}",
                    title=f"Release {a}.{i}",
                    quote="The figure was as reported.",
                    accessed="2024-05-02",
                )


@pytest.mark.benchmark
def test_report_export_speed(store, tmp_path):
    from reviewer.core.reports import ReportOptions
    from reviewer.core.export import export_report
    from reviewer.pdf_qt import register

    register()
    from reviewer.pdf_qt import ensure_gui_app

    ensure_gui_app()  # app start-up is not part of an export
    t = time.perf_counter()
    _fill(store)
    print(
        f"\nlibrary: {ARTICLES} articles, {ARTICLES * CLAIMS_PER_ARTICLE} reviewed claims "
        f"(filled in {time.perf_counter() - t:.1f} s)"
    )
    results = {}
    for fmt, target in TARGETS.items():
        out = tmp_path / f"report.{fmt}"
        t = time.perf_counter()
        export_report(store, fmt, out, ReportOptions())
        elapsed = time.perf_counter() - t
        results[fmt] = elapsed
        print(f"{fmt:12s} {elapsed:6.2f} s  (target <= {target:.0f} s)  {out.stat().st_size / 1024:8.0f} KiB")
    for fmt, elapsed in results.items():
        assert elapsed <= TARGETS[fmt], f"{fmt} took {elapsed:.2f} s"
