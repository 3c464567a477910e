"""Vectors made on one thread and stored on another: how the desk indexes without its workers writing.

`index_pending` embeds and stores in one go, on the caller's connection. The desk's workers must
not write: a commit from a worker's connection looks to the window like a change made by another
program (``PRAGMA data_version``). So a worker calls `pending_vectors` (reads and encodes, ~5 ms a
record), and the UI thread stores the result with `store_vectors` on its own connection (one short
transaction). A record changed or deleted in between gets no vector (``upsert_embeddings`` checks).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from ..store.embeddings import EmbeddingSource
from .encoder import SentenceEncoder, load_encoder

if TYPE_CHECKING:
    from ..store import Store


@dataclass(frozen=True)
class PendingVectors:
    """Vectors for records that had none: ``items[source]`` is (record id, text embedded, vector);
    ``remaining`` is how many more records were waiting beyond ``limit``."""

    model: str
    items: dict[EmbeddingSource, list[tuple[int, str, npt.NDArray[np.float32]]]]
    remaining: int

    def __len__(self) -> int:
        return sum(map(len, self.items.values()))


def pending_vectors(
    store: Store,
    limit: int = 256,
    encoder: SentenceEncoder | None = None,
    sources: Sequence[EmbeddingSource] = ("factcheck", "claim"),
) -> PendingVectors:
    """Encode at most ``limit`` of the records that have no vector under the current model (reviewed
    claims first: they are few and what a reviewer just did). Reads only; any thread, with its Store."""
    encoder = encoder or load_encoder()
    waiting = {source: store.ids_without_embedding(source, encoder.model_id) for source in sources}
    items: dict[EmbeddingSource, list[tuple[int, str, npt.NDArray[np.float32]]]] = {}
    left = limit
    for source in sorted(waiting, key=lambda s: s != "claim"):
        ids = waiting[source][:left]
        if not ids:
            continue
        texts = list(store.embedding_texts(source, ids).items())
        vectors = encoder.encode([text for _, text in texts])
        items[source] = [(rid, text, vectors[i]) for i, (rid, text) in enumerate(texts)]
        left -= len(ids)
    total = sum(map(len, waiting.values()))
    return PendingVectors(encoder.model_id, items, max(0, total - (limit - left)))


def store_vectors(store: Store, pending: PendingVectors) -> int:
    """Store what `pending_vectors` made, on ``store``'s thread; returns how many were stored.
    Raises LibraryError when the library cannot be written."""
    return sum(store.upsert_embeddings(source, pending.model, items) for source, items in pending.items.items())
