"""Near-duplicate articles (issue 17, part D): the check an import makes against a library of 10,000 articles.

    python -m pytest tests/benchmarks/bench_near_duplicates.py -m benchmark -s

Builds a library of REVIEWER_BENCH_ARTICLES (default 10,000) synthetic articles of 400-800 words (words drawn
from a Zipf-like vocabulary of 20,000, so articles share common words and phrases as news does), stored
straight into ``articles``, then prints:

- signing the old library on first use (``Store.sign_pending_articles``): total and per article;
- signing one new 600-word text (``TextSignature.of``, outside the write lock);
- the check itself (``_record_signature``: store the signature and band keys, look the band keys up, estimate
  and check the candidates), for a new article that matches nothing and for one that nearly repeats a stored
  article, median of 200, each in a transaction that is rolled back; at 1,000 and at 10,000 articles, to show
  the look-up does not grow with the library;
- a whole ``add_article`` (insert, sign, check, audit, commit with fsync);
- what the signatures and band keys take on disk.

Wall-clock figures stretch on a shared machine; CPU time is printed beside them.
"""

from __future__ import annotations

import os
import random
import statistics
import time

import pytest

from reviewer.core.importers.document import ImportedDocument
from reviewer.core.near_duplicates import TextSignature
from reviewer.core.store import Store

pytestmark = pytest.mark.benchmark

ARTICLES = int(os.environ.get("REVIEWER_BENCH_ARTICLES", "10000"))
CHECKS = 200


def _vocabulary(rng: random.Random) -> tuple[list[str], list[float]]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = ["".join(rng.choice(letters) for _ in range(rng.randint(2, 10))) for _ in range(20_000)]
    return words, [1.0 / (rank + 1) for rank in range(len(words))]


def _article(rng: random.Random, vocab: tuple[list[str], list[float]], n: int) -> str:
    words = rng.choices(vocab[0], weights=vocab[1], k=n)
    return "\n\n".join(" ".join(words[i : i + 60]) + "." for i in range(0, n, 60))


def _fill(store: Store, texts: list[str], first: int) -> None:
    with store.write():
        store.conn.executemany(
            "INSERT INTO articles (title, imported_at, original_format, text, content_hash)"
            " VALUES (?, '2024-01-01T00:00:00Z', 'txt', ?, ?)",
            [(f"Article {i}", text, f"bench-{i}") for i, text in enumerate(texts, first)],
        )


def _timed(fn) -> tuple[float, float, object]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def _check_ms(store: Store, new_id: int, signatures: list[TextSignature]) -> tuple[float, float]:
    """Median wall and CPU ms of the check of each signature as article ``new_id``, rolled back."""
    walls, cpus = [], []
    for signature in signatures:
        store.conn.execute("BEGIN IMMEDIATE")
        store.conn.execute(
            "INSERT INTO articles (id, title, imported_at, original_format, text, content_hash)"
            " VALUES (?, 'new', '2024-01-02T00:00:00Z', 'txt', '', 'bench-new')",
            (new_id,),
        )
        wall, cpu, _ = _timed(lambda s=signature: store._record_signature(new_id, s))
        store.conn.execute("ROLLBACK")
        walls.append(wall * 1000)
        cpus.append(cpu * 1000)
    return statistics.median(walls), statistics.median(cpus)


def test_near_duplicate_check_against_a_large_library(tmp_path):
    rng = random.Random(17)
    vocab = _vocabulary(rng)
    texts = [_article(rng, vocab, rng.randint(400, 800)) for _ in range(ARTICLES)]
    fresh = [TextSignature.of(_article(rng, vocab, 600)) for _ in range(CHECKS)]

    def near_copies(count: int) -> list[TextSignature]:
        copies = []
        for i in rng.sample(range(count), CHECKS):
            words = texts[i].split(" ")
            words[len(words) // 2] = "changed"
            copies.append(TextSignature.of(" ".join(words)))
        return copies

    with Store.open(tmp_path / "bench.sqlite") as store:
        print()
        for size in sorted({min(1000, ARTICLES), ARTICLES}):
            have = store.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            _fill(store, texts[have:size], have)
            wall, cpu, signed = _timed(store.sign_pending_articles)
            store._all_signed = False
            print(
                f"signing {signed:,} articles of an old library: {wall:.1f} s ({wall / max(signed, 1) * 1000:.2f} ms"
                f" an article; CPU {cpu:.1f} s)"
            )
            new_id = size + 1
            miss = _check_ms(store, new_id, fresh)
            hit = _check_ms(store, new_id, near_copies(size))
            print(
                f"check at {size:,} articles: no match {miss[0]:.2f} ms (CPU {miss[1]:.2f}),"
                f" a near-duplicate {hit[0]:.2f} ms (CPU {hit[1]:.2f}), median of {CHECKS}"
            )

        text = _article(rng, vocab, 600)
        walls = [_timed(lambda: TextSignature.of(text))[0] * 1000 for _ in range(CHECKS)]
        print(f"signing a new 600-word text: {statistics.median(walls):.2f} ms (median of {CHECKS})")

        adds = []
        for i in range(20):
            doc = ImportedDocument(text=_article(rng, vocab, 600), blocks=(), title=f"New {i}", original_format="txt")
            adds.append(_timed(lambda d=doc: store.add_article(d))[0] * 1000)
        print(
            f"add_article (insert, sign, check, audit, commit with fsync): {statistics.median(adds):.1f} ms"
            " (median of 20)"
        )
        try:
            sizes = dict(
                store.conn.execute(
                    "SELECT name, sum(pgsize) FROM dbstat WHERE name IN ('article_signatures',"
                    " 'article_signature_bands', 'article_signature_bands_by_article') GROUP BY name"
                ).fetchall()
            )
            total = sum(sizes.values())
            print(
                f"on disk for {ARTICLES:,} articles: {total / 1e6:.1f} MB "
                f"({', '.join(f'{k} {v / 1e6:.1f} MB' for k, v in sorted(sizes.items()))})"
            )
        except Exception as exc:  # SQLite built without dbstat
            print(f"on-disk size not measured ({exc})")
        assert store.near_duplicates_for(store.article_ids()) == {}
