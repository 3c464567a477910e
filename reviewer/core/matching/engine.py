"""Matching a text against the library's fact-check records and reviewed claims: blend, cache, index."""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import numpy as np
import numpy.typing as npt

from ..errors import LibraryError, ReviewerError
from ..store.embeddings import CandidateDetails, EmbeddingMatrix, EmbeddingSource
from .encoder import BlendSettings, SentenceEncoder, load_encoder
from .lexical import clean_query, match_expression

if TYPE_CHECKING:
    from ..store import Store

MatchSource = Literal["factcheck", "review"]
# Embeddings are computed and stored this many records per transaction, so indexing a large
# collection never holds the library's write lock for long.
INDEX_CHUNK = 256


class EmptyQuery(ReviewerError):
    """The text to match has no words."""


@dataclass(frozen=True)
class Match:
    """One record similar to the query. ``source`` is 'factcheck' (an imported fact-check record,
    ``id`` = its record id) or 'review' (a claim of this library with a verdict, ``id`` = claim id).
    ``score`` is in [0, 1] (about: a blend of cosine and BM25), comparable with the manifest's
    ``threshold``. For a review, ``date`` is when its verdict was last set and ``url`` the article's."""

    source: MatchSource
    id: int
    text: str
    score: float
    verdict: str | None
    url: str | None
    publisher: str | None
    date: str | None
    title: str | None = None
    article_id: int | None = None

    def as_json(self) -> dict[str, object]:
        """The ``reviewer similar --json`` shape (a fixed contract)."""
        return {
            "source": self.source,
            "id": self.id,
            "text": self.text,
            "score": round(self.score, 4),
            "verdict": self.verdict,
            "url": self.url,
            "publisher": self.publisher,
            "date": self.date,
        }


@dataclass(frozen=True)
class _Cached:
    signature: tuple[int, int]
    factchecks: EmbeddingMatrix
    claims: EmbeddingMatrix


class Matcher:
    """Finds matches in one library. Keeps that library's vectors in memory and reloads them when
    they change (checked at every query, well under a millisecond); safe to share between threads,
    each passing its own Store (a worker thread uses ``store.worker_store()``)."""

    def __init__(self, encoder: SentenceEncoder, blend: BlendSettings | None = None):
        self.encoder = encoder
        self.blend = blend or encoder.manifest.blend
        self._lock = threading.Lock()
        self._cached: _Cached | None = None
        self._indexed: tuple[int, ...] | None = None  # the library's state when nothing was left to embed

    def similar(
        self, store: Store, text: str, top: int = 5, *, exclude_claims: Collection[int] = (), index: bool = True
    ) -> list[Match]:
        """The ``top`` best matches for ``text``, best first. Raises EmptyQuery for a text without
        words. Embeds records that have no vector yet (see `index_pending`) before it looks, unless
        ``index`` is False: then it never writes (the desk's workers only read; records without a
        vector are found by BM25 alone until the UI thread stores theirs, see ``pending.py``)."""
        query = clean_query(text)
        if not any(ch.isalnum() for ch in query):
            raise EmptyQuery("Nothing to match: the query has no words.")
        if top < 1:
            return []
        if index:
            self._index_pending(store)
        cached = self._vectors(store)
        vector = self.encoder.encode([query])[0]
        expression = match_expression(query)
        blend = self.blend
        scores: dict[tuple[EmbeddingSource, int], float] = {}
        reviewed = store.reviewed_claim_ids() if len(cached.claims.ids) else set()
        lookups: list[tuple[EmbeddingSource, EmbeddingMatrix, list[tuple[int, float]]]] = [
            ("factcheck", cached.factchecks, store.bm25_factchecks(expression, blend.candidates, blend.title_weight)),
            ("claim", cached.claims, store.bm25_reviewed_claims(expression, blend.candidates)),
        ]
        for source, matrix, lexical in lookups:
            cosines = matrix.vectors @ vector if len(matrix.ids) else np.zeros(0, dtype=np.float32)
            if source == "claim" and len(matrix.ids):
                allowed = np.fromiter(
                    (i in reviewed and i not in exclude_claims for i in matrix.ids.tolist()),
                    dtype=bool,
                    count=len(matrix.ids),
                )
                cosines = np.where(allowed, cosines, -np.inf)
            by_cosine = _top_indexes(cosines, blend.candidates)
            bm25 = dict(lexical)
            if source == "claim":
                bm25 = {i: s for i, s in bm25.items() if i not in exclude_claims}
            row_of = {int(i): r for r, i in enumerate(matrix.ids.tolist())} if bm25 else {}
            for r in by_cosine:
                record_id = int(matrix.ids[r])
                scores[(source, record_id)] = _blend(float(cosines[r]), bm25.get(record_id, 0.0), blend)
            for record_id, s in bm25.items():
                if (source, record_id) not in scores:
                    row = row_of.get(record_id)
                    cosine = float(cosines[row]) if row is not None else 0.0
                    scores[(source, record_id)] = _blend(cosine, s, blend)
        return self._details(store, sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])), top)

    def _details(self, store: Store, ranked: list[tuple[tuple[EmbeddingSource, int], float]], top: int) -> list[Match]:
        matches: list[Match] = []
        # A few more than asked: a record deleted since the vectors were loaded is skipped.
        head = ranked[: top + 8]
        details: dict[tuple[EmbeddingSource, int], CandidateDetails] = {}
        for source in ("factcheck", "claim"):
            ids = [rid for (src, rid), _ in head if src == source]
            if ids:
                for rid, found in store.candidate_details(source, ids).items():
                    details[(source, rid)] = found
        for key, score in head:
            d = details.get(key)
            if d is None or not np.isfinite(score):
                continue
            matches.append(
                Match(
                    "factcheck" if d.source == "factcheck" else "review",
                    d.record_id,
                    d.text,
                    score,
                    d.verdict,
                    d.url,
                    d.publisher,
                    d.date,
                    d.title,
                    d.article_id,
                )
            )
            if len(matches) == top:
                break
        return matches

    def _index_pending(self, store: Store) -> None:
        signature = store.matching_signature()
        if signature == self._indexed:
            return
        try:
            index_pending(store, self.encoder)
        except LibraryError:
            return  # read-only or busy library: records without a vector are found by BM25 alone
        self._indexed = store.matching_signature()

    def _vectors(self, store: Store) -> _Cached:
        signature = store.embeddings_signature()
        cached = self._cached
        if cached is not None and cached.signature == signature:
            return cached
        with self._lock:
            cached = self._cached
            if cached is None or cached.signature != signature:
                model, dim = self.encoder.model_id, self.encoder.dim
                cached = _Cached(
                    signature,
                    store.embedding_matrix("factcheck", model, dim),
                    store.embedding_matrix("claim", model, dim),
                )
                self._cached = cached
            return cached


def _blend(cosine: float, bm25: float, blend: BlendSettings) -> float:
    lexical = bm25 / (bm25 + blend.bm25_scale) if bm25 > 0 else 0.0
    return (cosine + blend.bm25_weight * lexical) / (1.0 + blend.bm25_weight)


def _top_indexes(values: npt.NDArray[np.float32], k: int) -> npt.NDArray[np.intp]:
    if len(values) <= k:
        return np.arange(len(values))
    return np.argpartition(-values, k - 1)[:k]


def index_pending(
    store: Store,
    encoder: SentenceEncoder | None = None,
    progress: Callable[[int, int], None] | None = None,
    sources: Sequence[EmbeddingSource] = ("factcheck", "claim"),
) -> int:
    """Embed and store every fact-check record and reviewed claim that has no vector under the
    current model (new records, or all of them after the model changed); returns how many were stored.

    Runs on the caller's thread with the caller's Store (a job uses a worker store): about 5 ms a
    record on one core, stored ``INDEX_CHUNK`` records per transaction, ``progress(done, total)`` after
    each. Raises LibraryError when the library cannot be written (what was stored before stays)."""
    encoder = encoder or load_encoder()
    stored = 0
    todo = {source: store.ids_without_embedding(source, encoder.model_id) for source in sources}
    total = sum(map(len, todo.values()))
    done = 0
    for source, ids in todo.items():
        for start in range(0, len(ids), INDEX_CHUNK):
            texts = store.embedding_texts(source, ids[start : start + INDEX_CHUNK])
            items = list(texts.items())
            vectors = encoder.encode([text for _, text in items])
            stored += store.upsert_embeddings(
                source, encoder.model_id, [(rid, text, vectors[i]) for i, (rid, text) in enumerate(items)]
            )
            done += len(ids[start : start + INDEX_CHUNK])
            if progress is not None:
                progress(done, total)
    return stored


_lock = threading.Lock()
_matchers: dict[tuple[str, str], Matcher] = {}


def matcher_for(store: Store) -> Matcher:
    """The process's Matcher for ``store``'s library file (one per library, so its vectors stay
    loaded between queries). Any thread may call."""
    encoder = load_encoder()
    if store.path is None:
        return Matcher(encoder)  # an in-memory library (tests) has no file to share vectors across
    key = (str(store.path.resolve()), encoder.model_id)
    with _lock:
        found = _matchers.get(key)
        if found is None:
            found = _matchers[key] = Matcher(encoder)
        return found


def similar(
    store: Store, text: str, top: int = 5, *, exclude_claims: Collection[int] = (), index: bool = True
) -> list[Match]:
    """The ``top`` fact-check records and reviewed claims most similar to ``text``, best first
    (see the package docstring). Any thread, with a Store of that thread. ``index=False``: read only."""
    return matcher_for(store).similar(store, text, top, exclude_claims=exclude_claims, index=index)
