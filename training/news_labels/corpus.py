"""The news articles labelled for check-worthiness, speaker and kind, and their sentence items.

Items are the spans of `reviewer.core.extraction.segment.sentences` over the PolNeAR article text
(``../shared/data/polnear/data/<compartment>/text/<name>.txt``), so labels are stored as offsets
and never copy article text into the project. Run from the repository root.
"""

from __future__ import annotations

import random
from pathlib import Path

from reviewer.core.extraction import segment

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "data"
POLNEAR = SHARED / "polnear" / "data"


SCIENCE = SHARED / "news-claim-analysis" / "data"
SCIENCE_PREFIX = "science-"


def text_of(doc: str) -> str:
    """doc is '<split>/<name>': 'train/nyt_2016-...' (a PolNeAR article of that compartment),
    'train/science-1523' (article 1523 of news-claim-analysis) or 'dev/page-bbc-1' (a saved web page); the
    split of the last two is ours."""
    compartment, name = doc.split("/", 1)
    if name.startswith(SCIENCE_PREFIX):
        return science_texts()[name.removeprefix(SCIENCE_PREFIX)]
    if name.startswith(PAGE_PREFIX):
        return page_text(name.removeprefix(PAGE_PREFIX))
    return (POLNEAR / compartment / "text" / f"{name}.txt").read_text(encoding="utf-8")


PAGES = SHARED / "html-pages" / "test-pages"
PAGE_PREFIX = "page-"
_pages: dict[str, str] = {}


def page_text(name: str) -> str:
    """The article text the app reads from a saved web page (`html-pages/test-pages/<name>/source.html`), as
    importing the page gives it. The labels' hashes catch a change of the extraction library's output."""
    if name not in _pages:
        from reviewer.core.importers import read_document

        _pages[name] = read_document(PAGES / name / "source.html").text
    return _pages[name]


_science: dict[str, str] = {}


def science_texts() -> dict[str, str]:
    """news-claim-analysis dev articles by id. The data keeps each article as word ids; the words
    joined with spaces are the text (the dataset lost paragraph breaks, and so does this text)."""
    if not _science:
        import json

        words = {
            index: word for word, index in json.loads((SCIENCE / "word2idx.json").read_text(encoding="utf-8")).items()
        }
        for record in json.loads((SCIENCE / "dev.json").read_text(encoding="utf-8")):
            _science.setdefault(record["id"], " ".join(words[i] for i in record["inverted_text"]))
    return _science


def items(text: str) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in segment.sentences(text)]


def choose_articles(
    n_train: int = 48, n_dev: int = 16, seed: int = 2026, exclude: frozenset[str] = frozenset()
) -> list[str]:
    """A reproducible sample across publishers, of articles with 12 to 45 sentence items."""
    rng = random.Random(seed)
    chosen: list[str] = []
    for compartment, n in (("train", n_train), ("dev", n_dev)):
        names = sorted(p.stem for p in (POLNEAR / compartment / "text").glob("*.txt"))
        rng.shuffle(names)
        by_publisher: dict[str, list[str]] = {}
        for name in names:
            if f"{compartment}/{name}" in exclude:
                continue
            count = len(items(text_of(f"{compartment}/{name}")))
            if 12 <= count <= 45:
                by_publisher.setdefault(name.split("_", 1)[0], []).append(name)
        publishers = sorted(by_publisher)
        picked = 0
        while picked < n:
            for publisher in publishers:
                if picked < n and by_publisher[publisher]:
                    chosen.append(f"{compartment}/{by_publisher[publisher].pop()}")
                    picked += 1
    return chosen
