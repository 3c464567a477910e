"""Near-duplicate articles: is this text nearly the same as one already in the library?

An exact duplicate (same words, same order, white space aside) is refused on import by its content
hash. This finds the near ones: the same article with a word changed, a paragraph added, other
quotes or punctuation, a different footer.

How:

- The text is cut into **shingles**: every run of ``SHINGLE_WORDS`` (5) consecutive words, after
  NFKC and case folding; punctuation, quotes and white space are not words, so they never count.
  Each shingle is a 64-bit hash made from BLAKE2b hashes of its words, so a signature is the same
  in every process and on every machine (Python's ``hash()`` is salted per process).
- Two texts are near-duplicates when the **Jaccard similarity** of their shingle sets (shared
  shingles over all shingles) is at least ``THRESHOLD`` (0.8). One changed word in a 400-word
  article leaves about 0.98; a 60-word paragraph added to it, about 0.87; another article on the
  same story, from another writer, is well under 0.1.
- Comparing a new text with every stored one would read every stored text. Instead each article
  keeps a **MinHash signature** (``PERMUTATIONS`` = 128 minimum hashes, 512 bytes): the share of
  equal positions in two signatures estimates the Jaccard similarity. The signature is cut into
  ``BANDS`` (32) bands of 4 values, each hashed to one **band key** (LSH); the store indexes the
  keys, so finding the candidates is one index look-up per band, whatever the size of the library.
  A pair at 0.8 shares at least one band with probability 1 - (1 - 0.8**4)**32, above 0.999999.
- Candidates whose signatures agree on fewer than ``ESTIMATE_FLOOR`` of the positions are dropped;
  for the few left the Jaccard similarity is computed exactly from both texts.

Pure functions, any thread, no I/O: the store (``store.signatures``) keeps the signatures and band
keys and records which article nearly repeats which.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

SHINGLE_WORDS = 5
PERMUTATIONS = 128
BANDS = 32
ROWS_PER_BAND = PERMUTATIONS // BANDS
THRESHOLD = 0.8
# A pair at THRESHOLD agrees on fewer than 60% of 128 positions with probability about 1e-8.
ESTIMATE_FLOOR = 0.6
# Names how signatures are made; a stored signature of another scheme is made again.
SCHEME = f"minhash-w{SHINGLE_WORDS}-p{PERMUTATIONS}-b{BANDS}-blake2b-v1"

Hashes = npt.NDArray[np.uint64]
Signature = npt.NDArray[np.uint32]

_WORD = re.compile(r"\w+")
_MASK64 = (1 << 64) - 1
# Rows of shingles hashed at once: bounds the (rows, PERMUTATIONS) scratch matrix to 8 MB.
_CHUNK = 8192


@dataclass(frozen=True)
class NearDuplicate:
    """``article_id`` nearly repeats the earlier article ``original_id`` (titled ``original_title``)."""

    article_id: int
    original_id: int
    original_title: str
    similarity: float  # Jaccard similarity of the two texts' shingles, THRESHOLD..1


@dataclass(frozen=True)
class TextSignature:
    """What the store keeps and compares of one text: its shingle hashes and MinHash signature."""

    shingles: Hashes  # sorted, unique
    signature: Signature  # (PERMUTATIONS,)

    @classmethod
    def of(cls, text: str) -> TextSignature:
        """Shingle and sign ``text`` (any thread; about 1 ms per 1,000 words)."""
        hashes = shingle_hashes(text)
        return cls(hashes, minhash(hashes))

    def band_keys(self) -> list[int]:
        return band_keys(self.signature)

    def to_bytes(self) -> bytes:
        return signature_bytes(self.signature)


def words(text: str) -> list[str]:
    """The words of ``text`` as shingles see them: NFKC, case-folded, punctuation and spacing dropped."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def _hash64(data: bytes, person: bytes = b"rvw-word") -> int:
    return int.from_bytes(hashlib.blake2b(data, digest_size=8, person=person).digest(), "little")


def _mix(z: Hashes) -> Hashes:
    """splitmix64's finaliser: spreads every input bit over the whole word (wrapping uint64 arithmetic)."""
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


def shingle_hashes(text: str) -> Hashes:
    """The sorted unique 64-bit hashes of ``text``'s shingles (runs of SHINGLE_WORDS words).

    A text shorter than SHINGLE_WORDS words is one shingle; a text without words has none."""
    ws = words(text)
    if not ws:
        return np.zeros(0, dtype=np.uint64)
    vocabulary: dict[str, int] = {}
    for w in ws:
        if w not in vocabulary:
            vocabulary[w] = _hash64(w.encode("utf-8"))
    ids = np.fromiter((vocabulary[w] for w in ws), dtype=np.uint64, count=len(ws))
    k = min(SHINGLE_WORDS, len(ws))
    n = len(ws) - k + 1
    combined = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(k):
            combined = combined * np.uint64(0x100000001B3) + ids[j : j + n]
        return np.unique(_mix(combined))


def _permutation_constants() -> tuple[Hashes, Hashes]:
    """PERMUTATIONS (odd multiplier, offset) pairs, fixed forever by the scheme (BLAKE2b of their index)."""
    a = [(_hash64(f"a{i}".encode(), b"rvw-perm") | 1) & _MASK64 for i in range(PERMUTATIONS)]
    b = [_hash64(f"b{i}".encode(), b"rvw-perm") for i in range(PERMUTATIONS)]
    return np.array(a, dtype=np.uint64), np.array(b, dtype=np.uint64)


_A, _B = _permutation_constants()
_EMPTY = np.full(PERMUTATIONS, np.iinfo(np.uint32).max, dtype=np.uint32)


def minhash(hashes: Hashes) -> Signature:
    """The MinHash signature of a set of shingle hashes: per permutation, the smallest hash.

    Permutation i maps x to the top 32 bits of ``a_i * x + b_i`` (mod 2**64; multiply-shift
    hashing of already mixed values). An empty set signs as all ones (it matches nothing)."""
    if len(hashes) == 0:
        return _EMPTY.copy()
    out = _EMPTY.copy()
    with np.errstate(over="ignore"):
        for start in range(0, len(hashes), _CHUNK):
            x = hashes[start : start + _CHUNK, None]
            values = ((x * _A[None, :] + _B[None, :]) >> np.uint64(32)).astype(np.uint32)
            np.minimum(out, values.min(axis=0), out=out)
    return out


def band_keys(signature: Signature) -> list[int]:
    """One signed 64-bit key per band (as SQLite stores integers); empty for an empty text."""
    if np.array_equal(signature, _EMPTY):
        return []
    rows = np.ascontiguousarray(signature, dtype="<u4").reshape(BANDS, ROWS_PER_BAND)
    keys = []
    for band, values in enumerate(rows):
        key = _hash64(band.to_bytes(2, "little") + values.tobytes(), b"rvw-band")
        keys.append(key - (1 << 64) if key >= 1 << 63 else key)
    return keys


def signature_bytes(signature: Signature) -> bytes:
    return np.ascontiguousarray(signature, dtype="<u4").tobytes()


def signature_from_bytes(data: bytes) -> Signature | None:
    """A stored signature, or None when the blob is not one (damaged or of another size)."""
    if len(data) != PERMUTATIONS * 4:
        return None
    return np.frombuffer(data, dtype="<u4").astype(np.uint32)


def estimated_similarity(a: Signature, b: Signature) -> float:
    """The share of positions where two signatures agree: an estimate of the Jaccard similarity."""
    return float(np.count_nonzero(a == b)) / PERMUTATIONS


def jaccard(a: Hashes, b: Hashes) -> float:
    """Exact Jaccard similarity of two sorted unique shingle-hash arrays (0 when either is empty)."""
    if len(a) == 0 or len(b) == 0:
        return 0.0
    shared = len(np.intersect1d(a, b, assume_unique=True))
    return shared / (len(a) + len(b) - shared)


def is_near_duplicate(similarity: float) -> bool:
    return similarity >= THRESHOLD
