"""Child process for test_crash_safety: writes to a library until it is killed.

    python crash_writer.py reviews LIBRARY SEED CLAIM_ID...
    python crash_writer.py import LIBRARY SEED

``reviews`` sets random verdicts and notes through ``Store.set_review`` and, only after the call
returned (the transaction is committed), prints ``saved <claim_id> <verdict> <note-sha256>``.
``import`` stores articles with many claims through ``Store.add_article`` and, after it
returned, prints ``imported <article_id> <claims>``. Both print ``ready`` once the library is
open. Every line is flushed at once so that the parent sees exactly what was reported.
"""

from __future__ import annotations

import hashlib
import random
import sys
import uuid
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from reviewer.core.store import Store  # noqa: E402
from reviewer.core.domain import ClaimDraft  # noqa: E402

VERDICTS = ["supported", "disputed", "misleading", "unverifiable", None]


def note_hash(note: str) -> str:
    return hashlib.sha256(note.encode("utf-8")).hexdigest()[:16]


def reviews(store: Store, rng: random.Random, claim_ids: list[int]) -> None:
    while True:
        claim_id = rng.choice(claim_ids)
        verdict = rng.choice(VERDICTS)
        # Notes of very different sizes, so some writes span many pages.
        note = f"note {uuid.uuid4().hex} " + "é checked against the source. " * rng.choice([0, 1, 20, 400])
        store.set_review(claim_id, verdict=verdict, note=note, who="crash-writer")
        print(f"saved {claim_id} {verdict or 'none'} {note_hash(note)}", flush=True)


def imports(store: Store, rng: random.Random) -> None:
    while True:
        n = rng.randint(20, 300)
        sentences = [f"Sentence {i} of {uuid.uuid4().hex} says the figure was {rng.randint(1, 999)}." for i in range(n)]
        text = " ".join(sentences)
        claims, pos = [], 0
        for s in sentences:
            claims.append(
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
            title=f"crash-{n}-{uuid.uuid4().hex[:8]}",
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
        article = store.add_article(doc, claims)
        print(f"imported {article.id} {n}", flush=True)


def main() -> None:
    mode, library, seed = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
    rng = random.Random(seed)
    store = Store.open(library, reviewer="crash-writer", create=False)
    print("ready", flush=True)
    if mode == "reviews":
        reviews(store, rng, [int(x) for x in sys.argv[4:]])
    else:
        imports(store, rng)


if __name__ == "__main__":
    main()
