"""The sentence encoder: a MiniLM in ONNX int8, run with onnxruntime, mean pooling and L2 norm in numpy.

``resources/model/matching.json`` names the encoder, its tokenizer (the same uncased BERT WordPiece
vocabulary as the check-worthiness model, so the file is shared), the token limit, the model id
stored with every embedding, and the blend (``blend.py``). The encoder is loaded once per process
(`load_encoder`) and is immutable: any thread may call `SentenceEncoder.encode`.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt


from ..errors import ReviewerError
from ..extraction.wordpiece import WordPieceTokenizer
from ..onnx_session import open_session
from ..resources import resource_path

MANIFEST = "matching.json"

Vectors = npt.NDArray[np.float32]


class EncoderMissing(ReviewerError):
    """A file of the matching model is not installed."""


@dataclass(frozen=True)
class BlendSettings:
    """How lexical and semantic similarity make one score (chosen on the train split, see training/matching).

    ``score = cosine + bm25_weight * s / (s + bm25_scale)``, where ``s`` is the FTS5 BM25 score
    (made positive) of the record's best-matching text; ``threshold`` is the score from which a
    match counts as "seen before"."""

    bm25_weight: float = 0.3
    bm25_scale: float = 10.0
    title_weight: float = 0.5
    candidates: int = 100
    threshold: float = 0.6


@dataclass(frozen=True)
class Manifest:
    model_id: str
    onnx: str
    tokenizer: str
    max_tokens: int
    dim: int
    blend: BlendSettings

    @classmethod
    def read(cls, path: Path) -> Manifest:
        try:
            spec = json.loads(path.read_text(encoding="utf-8"))
            blend = BlendSettings(
                **{k: type(getattr(BlendSettings, k))(v) for k, v in dict(spec.get("blend", {})).items()}
            )
            return cls(
                model_id=str(spec["model_id"]),
                onnx=str(spec["onnx"]),
                tokenizer=str(spec["tokenizer"]),
                max_tokens=int(spec.get("max_tokens", 128)),
                dim=int(spec.get("dim", 384)),
                blend=blend,
            )
        except FileNotFoundError as exc:
            raise EncoderMissing(_missing(path)) from exc
        except (ValueError, KeyError, TypeError) as exc:
            raise EncoderMissing(f"The matching model manifest {path} is damaged ({exc}). Reinstall Reviewer.") from exc


class SentenceEncoder:
    """Unit-length float32 sentence vectors. Immutable; onnxruntime sessions run from any thread."""

    def __init__(self, manifest: Manifest, folder: Path):
        onnx_path, tokenizer_path = folder / manifest.onnx, folder / manifest.tokenizer
        for path in (onnx_path, tokenizer_path):
            if not path.is_file():
                raise EncoderMissing(_missing(path))
        # One core per call: a query runs on one thread, and indexing is one job on one worker.
        self._session = open_session(onnx_path)
        self._tokenizer = WordPieceTokenizer.from_file(tokenizer_path, manifest.max_tokens)
        self.manifest = manifest
        self.model_id = manifest.model_id
        self.dim = manifest.dim

    def encode(self, texts: Sequence[str]) -> Vectors:
        """One row per text, L2-normalised. Texts run one at a time and unpadded: int8 activations
        are quantised per call, so a padded batch would make a vector depend on its neighbours."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        run, encode = self._session.run, self._tokenizer.encode
        for i, text in enumerate(texts):
            ids = np.asarray([encode(text)], dtype=np.int64)
            hidden = run(None, {"input_ids": ids, "attention_mask": np.ones_like(ids)})[0][0]
            pooled = hidden.mean(axis=0)
            norm = float(np.linalg.norm(pooled))
            if norm > 0:
                out[i] = pooled / norm
        return out

    def token_ids(self, text: str) -> list[int]:
        return self._tokenizer.encode(text)


_lock = threading.Lock()
_encoders: dict[Path, SentenceEncoder] = {}


def load_encoder(folder: Path | None = None) -> SentenceEncoder:
    """The shipped encoder (or the one described by ``folder/matching.json``), loaded once per process;
    about 0.3 s the first time. Any thread may call; raises EncoderMissing if a file is missing."""
    folder = folder or resource_path("model")
    found = _encoders.get(folder)
    if found is None:
        with _lock:
            found = _encoders.get(folder)
            if found is None:
                found = SentenceEncoder(Manifest.read(folder / MANIFEST), folder)
                _encoders[folder] = found
    return found


def _missing(path: Path) -> str:
    return (
        f"The matching model file {path} is missing. Reinstall Reviewer, or from a source checkout run "
        "training/matching/export_encoder.py and tune_blend.py (see training/README.md) to recreate it."
    )
