"""Article signatures: which article nearly repeats which (``core.near_duplicates``).

Each article has one row in ``article_signatures`` (its MinHash signature, the scheme that made it
and, when its text nearly repeats an earlier article's, that article) and one band key per LSH band
in ``article_signature_bands``. Both are derived data, written without an audit entry: a new
article is signed in the transaction that stores it (``ArticlesMixin.add_article``); the articles
of a library made before signatures existed are signed on first use, in batches
(``sign_pending_articles``, which ``core.ingest`` runs before an import). Deleting an article drops
its signature and band keys, and clears the flag of the articles that nearly repeated it (schema).

The rule: when two articles' texts are near-duplicates, the later one (higher id: imported later)
is flagged as a near-duplicate of the earlier one, the most similar if there are several.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from .base import StoreBase, _chunks

if TYPE_CHECKING:
    from ..near_duplicates import NearDuplicate, TextSignature

# core.near_duplicates (numpy) is imported where it is used: a search opens the store and must start fast.

# Articles signed per transaction when an old library is signed: short enough that a window or a
# command waiting to write is not kept waiting long, long enough that the fsyncs do not dominate.
SIGN_BATCH = 100


class SignaturesMixin(StoreBase):
    """Signatures of article texts, and the near-duplicate flags found with them."""

    _all_signed: bool = False

    # ------------------------------------------------------------------ reading
    def near_duplicate_of(self, article_id: int) -> NearDuplicate | None:
        """The earlier article ``article_id`` nearly repeats, if any."""
        return self.near_duplicates_for([article_id]).get(article_id)

    def near_duplicates_for(self, article_ids: Sequence[int]) -> dict[int, NearDuplicate]:
        """The flagged ones among ``article_ids``: article id -> what it nearly repeats."""
        from ..near_duplicates import NearDuplicate

        found: dict[int, NearDuplicate] = {}
        for chunk in _chunks(list(article_ids), 500):
            for row in self._query(
                "SELECT s.article_id, s.near_duplicate_of, s.similarity, a.title FROM article_signatures s"
                " JOIN articles a ON a.id = s.near_duplicate_of"
                f" WHERE s.article_id IN ({','.join('?' * len(chunk))})",
                chunk,
            ):
                found[row["article_id"]] = NearDuplicate(
                    row["article_id"], row["near_duplicate_of"], row["title"], float(row["similarity"] or 0.0)
                )
        return found

    def unsigned_article_ids(self) -> list[int]:
        """Articles without a signature of the current scheme, oldest first."""
        from ..near_duplicates import SCHEME

        rows = self.conn.execute(
            "SELECT a.id FROM articles a LEFT JOIN article_signatures s ON s.article_id = a.id"
            " WHERE s.article_id IS NULL OR s.scheme IS NOT ? ORDER BY a.id",
            (SCHEME,),
        )
        return [int(r[0]) for r in rows]

    # ------------------------------------------------------------------ signing
    def sign_pending_articles(
        self, *, cancelled: Callable[[], bool] | None = None, progress: Callable[[int, int], None] | None = None
    ) -> int:
        """Sign every article that has no signature yet (a library made before signatures existed),
        oldest first, ``SIGN_BATCH`` articles per transaction; returns how many were signed.

        Cheap once done: this Store remembers that every article is signed (each new one is signed
        as it is stored). ``cancelled`` is asked between batches; ``progress(done, total)`` after each.
        Runs on the thread that owns this Store (a job's ``worker_store`` in the app)."""
        if self._all_signed:
            return 0
        from ..near_duplicates import TextSignature

        pending = self.unsigned_article_ids()
        done = 0
        for batch in _chunks(pending, SIGN_BATCH):
            if cancelled is not None and cancelled():
                return done
            texts = dict(
                self.conn.execute(
                    f"SELECT id, text FROM articles WHERE id IN ({','.join('?' * len(batch))})", batch
                ).fetchall()
            )
            # Signed outside the transaction: other connections may write meanwhile.
            signed = [(i, TextSignature.of(texts[i])) for i in batch if i in texts]
            with self.write():
                for article_id, signature in signed:
                    if self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone():
                        self._record_signature(article_id, signature)
            done += len(batch)
            if progress is not None:
                progress(done, len(pending))
        self._all_signed = True
        return done

    def _record_signature(self, article_id: int, signature: TextSignature) -> NearDuplicate | None:
        """Inside a write: store the signature and band keys of an article that exists, flag it as a
        near-duplicate of the most similar earlier article (and flag later unflagged articles as
        near-duplicates of it); returns its own flag."""
        from ..near_duplicates import (
            ESTIMATE_FLOOR,
            SCHEME,
            NearDuplicate,
            estimated_similarity,
            is_near_duplicate,
            jaccard,
            shingle_hashes,
            signature_from_bytes,
        )

        self.conn.execute("DELETE FROM article_signatures WHERE article_id = ?", (article_id,))
        self.conn.execute(
            "INSERT INTO article_signatures (article_id, scheme, signature) VALUES (?, ?, ?)",
            (article_id, SCHEME, signature.to_bytes()),
        )
        keys = signature.band_keys()
        self.conn.executemany(
            "INSERT OR IGNORE INTO article_signature_bands (band_key, article_id) VALUES (?, ?)",
            [(k, article_id) for k in keys],
        )
        if not keys:
            return None
        matches: list[tuple[float, int]] = []  # (similarity, other article id)
        candidates = self.conn.execute(
            "SELECT article_id, signature FROM article_signatures WHERE scheme = ? AND article_id != ? AND article_id IN"
            f" (SELECT article_id FROM article_signature_bands WHERE band_key IN ({','.join('?' * len(keys))}))",
            (SCHEME, article_id, *keys),
        ).fetchall()
        for other_id, blob in candidates:
            other = signature_from_bytes(blob)
            if other is None or estimated_similarity(signature.signature, other) < ESTIMATE_FLOOR:
                continue
            text = self.conn.execute("SELECT text FROM articles WHERE id = ?", (other_id,)).fetchone()
            similarity = jaccard(signature.shingles, shingle_hashes(text[0])) if text else 0.0
            if is_near_duplicate(similarity):
                matches.append((similarity, int(other_id)))
        earlier = [m for m in matches if m[1] < article_id]
        for similarity, later_id in (m for m in matches if m[1] > article_id):
            self.conn.execute(
                "UPDATE article_signatures SET near_duplicate_of = ?, similarity = ?"
                " WHERE article_id = ? AND near_duplicate_of IS NULL",
                (article_id, similarity, later_id),
            )
        if not earlier:
            return None
        similarity, original_id = max(earlier, key=lambda m: (m[0], -m[1]))
        self.conn.execute(
            "UPDATE article_signatures SET near_duplicate_of = ?, similarity = ? WHERE article_id = ?",
            (original_id, similarity, article_id),
        )
        title = self.conn.execute("SELECT title FROM articles WHERE id = ?", (original_id,)).fetchone()[0]
        return NearDuplicate(article_id, original_id, title, similarity)
