"""Small builders shared by the safety tests: a library with one article and reviews, file hashes."""

from __future__ import annotations

import hashlib
from pathlib import Path
from types import SimpleNamespace

from reviewer.core.store import Store
from reviewer.core.domain import ClaimDraft


def article_doc(n_claims: int = 5, tag: str = "base"):
    """A document with ``n_claims`` sentences and one claim per sentence."""
    sentences = [f"Claim {i} ({tag}) says the rate was {i}.{i % 10}% in {1990 + i}." for i in range(n_claims)]
    text = " ".join(sentences)
    spans, pos = [], 0
    for s in sentences:
        spans.append(
            ClaimDraft(
                start=pos,
                end=pos + len(s),
                score=0.9,
                checkworthy=True,
                speaker=None,
                speaker_start=None,
                speaker_end=None,
                kind="statistic",
            )
        )
        pos += len(s) + 1
    doc = SimpleNamespace(
        title=f"Article {tag}",
        site=None,
        url=None,
        author=None,
        published=None,
        original_format="txt",
        source_path=None,
        text=text,
        blocks=(),
        language="en",
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
    )
    return doc, spans


def make_library(path: Path, n_claims: int = 5, notes: bool = True) -> list[int]:
    """Create a library at ``path`` with one article; returns its claim ids. The Store is closed."""
    doc, spans = article_doc(n_claims)
    with Store.open(path, reviewer="tester") as store:
        article = store.add_article(doc, spans)
        ids = [c.id for c in store.claims_for_article(article.id)]
        if notes:
            for cid in ids:
                store.set_review(cid, verdict="supported", note=f"checked {cid} " + "with care. " * 50)
    return ids


def file_state(path: Path) -> tuple[str, list[str]]:
    """The file's sha256 and the names of everything beside it that shares its name."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    siblings = sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name))
    return digest, siblings


def note_of(path: Path, claim_id: int) -> str:
    with Store.open(path, create=False) as store:
        return store.get_review(claim_id).note
