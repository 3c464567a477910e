""" "Seen before": match a text against the library's fact-check records and reviewed claims.

The API (Qt-free; the desk calls it from a worker thread with ``store.worker_store()``):

* ``similar(store, text, top=5, exclude_claims=())`` -> ``list[Match]``, best first. A ``Match`` has
  ``source`` ('factcheck' | 'review'), ``id`` (fact-check record id or claim id), ``text``, ``score``
  (0..1), ``verdict``, ``url``, ``publisher``, ``date``, and ``title`` / ``article_id`` for display.
  Raises ``EmptyQuery`` for a text without words, ``EncoderMissing`` if the model is not installed.
  Warm, one query costs about 30 ms of CPU against 14,231 records (encoder ~10-15, BM25 ~8).
* ``threshold()``: the score from which a match counts as "seen before" (the manifest's default,
  chosen on the dev split; Preferences may override it). ``default_threshold()`` is the same number
  read from the manifest alone, without loading the model (for the UI thread).
* ``index_pending(store, progress=None)``: embed and store the vectors that are missing (new
  fact-check records, newly reviewed claims, or everything after the model changed). Called after a
  fact-check import; ``similar`` also calls it first, so a claim reviewed a moment ago is found.
* ``pending_vectors`` / ``store_vectors`` (``pending.py``): the same in two halves, encoding on a
  worker and storing on the UI thread, for the desk (whose workers pass ``similar(..., index=False)``).

How a score is made (``engine.py``): the query (links removed, hashtags and handles split) is
encoded by a MiniLM sentence encoder in ONNX int8 (``encoder.py``; mean pooling, L2 norm); its cosine
with every stored vector (a fact-check record's title and claim, a reviewed claim's text) is one
float32 matrix product in numpy (brute force: fine up to ~100k records). FTS5
``bm25()`` ranks the records sharing a word with the query (``lexical.py``). The candidates of
both (best ``candidates`` of each) get ``(cosine + w * s / (s + k)) / (1 + w)`` with ``s`` the BM25
score, ``w`` and ``k`` from ``resources/model/matching.json``.

Vectors are computed once per record and model and stored in the library (``store/embeddings.py``);
each library's vectors stay in memory in one ``Matcher`` per process (`matcher_for`), reloaded when
the stored vectors change. Encoder and Matcher are safe to share between threads; each thread
passes its own Store.
"""

from __future__ import annotations

from .encoder import BlendSettings, EncoderMissing, SentenceEncoder, load_encoder
from .encoder import MANIFEST, Manifest
from .engine import EmptyQuery, Match, Matcher, index_pending, matcher_for, similar
from .pending import PendingVectors, pending_vectors, store_vectors

__all__ = [
    "BlendSettings",
    "EmptyQuery",
    "EncoderMissing",
    "Match",
    "Matcher",
    "PendingVectors",
    "SentenceEncoder",
    "index_pending",
    "load_encoder",
    "default_threshold",
    "matcher_for",
    "pending_vectors",
    "similar",
    "store_vectors",
    "threshold",
]


def threshold() -> float:
    """The default "seen before" score threshold of the installed model. Any thread."""
    return load_encoder().manifest.blend.threshold


def default_threshold() -> float:
    """``threshold()`` read from the installed manifest without loading the encoder (a few
    milliseconds, so the UI thread may ask). Raises EncoderMissing without a manifest."""
    from ..resources import resource_path

    return Manifest.read(resource_path("model") / MANIFEST).blend.threshold
