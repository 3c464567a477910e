"""Import quality and speed, printed (opt-in: ``pytest tests/benchmarks/bench_html_import.py -m benchmark -s``).

Quality: on the real-site pages of the shared Readability test pages, the mean word-level
F1 of ``read_document(source.html).text`` against the text of ``expected.html`` (bag of
lower-cased ``\\w+`` words), and how often title and author agree with
``expected-metadata.json`` where it gives them. Beside it, the same F1 for plain
``trafilatura.extract(html)`` with default options (the library the importer calls), the
pages where either is clearly behind the other, and the mean recall of both (how much of
the article each keeps). The importer must do at least as well as the library alone.

Which pages count: a page is a real-site page when its ``source.html`` is at least
10,000 bytes. The feature tests of that suite (``001``-style numbers, ``rtl-*``,
``replace-brs``, ``hidden-nodes``...) are hand-written snippets of 0.2-4 KB; every saved
site page is over 10 KB. The list that counts is printed.

Speed: 1,000 plain-text files of ~800 words each through ``read_document``.
"""

from __future__ import annotations

import json
import os
import random
import re
import statistics
import time
from collections import Counter
from pathlib import Path

import lxml.html
import pytest
import trafilatura

from reviewer.core.importers import read_document

REAL_SITE_MIN_BYTES = 10_000
_WORD_RE = re.compile(r"\w+")


def shared_data() -> Path:
    env = os.environ.get("REVIEWER_SHARED_DATA")
    return Path(env) if env else Path(__file__).resolve().parents[2].parent / "shared" / "data"


def real_site_pages() -> list[Path]:
    root = shared_data() / "html-pages" / "test-pages"
    if not root.is_dir():
        pytest.skip(f"shared test pages not found at {root} (set REVIEWER_SHARED_DATA)")
    return [
        d
        for d in sorted(root.iterdir())
        if (d / "source.html").is_file()
        and (d / "expected.html").is_file()
        and (d / "source.html").stat().st_size >= REAL_SITE_MIN_BYTES
    ]


def word_scores(got: str, expected: str) -> tuple[float, float]:
    """(F1, recall) of the bag of words of ``got`` against ``expected``."""
    a, b = Counter(_WORD_RE.findall(got.lower())), Counter(_WORD_RE.findall(expected.lower()))
    overlap = sum((a & b).values())
    if not overlap:
        return 0.0, 0.0
    precision, recall = overlap / sum(a.values()), overlap / sum(b.values())
    return 2 * precision * recall / (precision + recall), recall


def word_f1(got: str, expected: str) -> float:
    return word_scores(got, expected)[0]


def expected_text(page: Path) -> str:
    html = (page / "expected.html").read_text(encoding="utf-8")
    return lxml.html.fromstring(html).text_content() if html.strip() else ""


def _norm(text: str) -> str:
    text = re.sub(r"[\u2010-\u2015\u2212|·:]", "-", text.casefold())
    text = re.sub(r"[\u2018\u2019\u201c\u201d\"']", "", text)
    return " ".join(text.split())


def title_matches(got: str, expected: str) -> bool:
    got, expected = _norm(got), _norm(expected)
    return got == expected or (len(got) >= 10 and got in expected) or (len(expected) >= 10 and expected in got)


def author_matches(got: str | None, expected: str) -> bool:
    if not got:
        return False
    strip_by = lambda s: re.sub(r"^\s*by\s+", "", _norm(s))  # noqa: E731
    got_words, expected_words = set(_WORD_RE.findall(strip_by(got))), set(_WORD_RE.findall(strip_by(expected)))
    return bool(got_words) and (got_words <= expected_words or expected_words <= got_words)


@pytest.mark.benchmark
def test_html_import_quality():
    pages = real_site_pages()
    scores: dict[str, float] = {}
    library: dict[str, float] = {}
    recalls: dict[str, tuple[float, float]] = {}
    titles: list[bool] = []
    authors: list[bool] = []
    misses: list[str] = []
    elapsed = 0.0
    for page in pages:
        started = time.perf_counter()
        doc = read_document(page / "source.html")
        elapsed += time.perf_counter() - started
        expected = expected_text(page)
        scores[page.name], ours_recall = word_scores(doc.text, expected)
        plain = trafilatura.extract((page / "source.html").read_bytes()) or ""
        library[page.name], library_recall = word_scores(plain, expected)
        recalls[page.name] = (ours_recall, library_recall)
        meta_path = page / "expected-metadata.json"
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.is_file() else {}
        if meta.get("title"):
            titles.append(title_matches(doc.title, meta["title"]))
            if not titles[-1]:
                misses.append(f"  title  {page.name}: {doc.title!r} vs {meta['title']!r}")
        if meta.get("byline"):
            authors.append(author_matches(doc.author, meta["byline"]))
            if not authors[-1]:
                misses.append(f"  author {page.name}: {doc.author!r} vs {meta['byline']!r}")
    mean_f1 = statistics.fmean(scores.values())
    library_f1 = statistics.fmean(library.values())
    print(f"\nreal-site pages (source.html >= {REAL_SITE_MIN_BYTES:,} bytes): {len(pages)}")
    print("  " + " ".join(sorted(scores)))
    print("lowest F1: " + ", ".join(f"{n} {s:.3f}" for n, s in sorted(scores.items(), key=lambda i: i[1])[:8]))
    print(f"mean word-level F1: {mean_f1:.4f}   median: {statistics.median(scores.values()):.4f}")
    print(
        f"plain trafilatura.extract (default options): mean F1 {library_f1:.4f}   "
        f"median {statistics.median(library.values()):.4f}"
    )
    print(
        f"mean recall: ours {statistics.fmean(r[0] for r in recalls.values()):.4f}   "
        f"library {statistics.fmean(r[1] for r in recalls.values()):.4f}"
    )
    print("page                            ours   library")
    for name in sorted(scores, key=lambda n: scores[n] - library[n]):
        if abs(scores[name] - library[name]) >= 0.01:
            print(f"  {name:30s} {scores[name]:.3f}  {library[name]:.3f}")
    print(f"title match: {sum(titles)}/{len(titles)} = {sum(titles) / max(1, len(titles)):.1%}")
    print(f"author match: {sum(authors)}/{len(authors)} = {sum(authors) / max(1, len(authors)):.1%}")
    print("\n".join(misses))
    print(f"time: {elapsed:.1f} s for {len(pages)} pages ({elapsed / len(pages) * 1000:.0f} ms a page)")
    assert mean_f1 >= 0.95
    assert mean_f1 >= library_f1


_VOCABULARY = (
    "the ministry said figures rose percent last year according to officials report budget "
    "minister council inflation growth data survey city residents water prices election vote "
    "cases hospital school teachers police court ruling claims evidence analysis spokesperson"
).split()


def _article(rng: random.Random, words: int = 800) -> str:
    paragraphs, count = [], 0
    while count < words:
        sentences = []
        for _ in range(rng.randint(3, 6)):
            n = rng.randint(8, 24)
            sentence = " ".join(rng.choice(_VOCABULARY) for _ in range(n))
            sentences.append(sentence.capitalize() + f" {rng.randint(1, 99)}%.")
            count += n + 1
        paragraphs.append(" ".join(sentences))
    return "Headline number one\n\n" + "\n\n".join(paragraphs) + "\n"


@pytest.mark.benchmark
def test_plain_text_read_speed(tmp_path):
    rng = random.Random(7)
    files = []
    for i in range(1000):
        path = tmp_path / f"article-{i:04d}.txt"
        path.write_text(_article(rng), encoding="utf-8")
        files.append(path)
    started = time.perf_counter()
    docs = [read_document(path) for path in files]
    elapsed = time.perf_counter() - started
    words = sum(len(doc.text.split()) for doc in docs)
    print(
        f"\nread_document on 1,000 plain-text articles ({words / 1000:.0f} words each): {elapsed:.2f} s "
        f"({elapsed:.2f} ms an article)"
    )
    assert elapsed < 10
