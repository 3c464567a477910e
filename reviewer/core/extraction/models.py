"""Lazy, cached, thread-safe loading of the shipped models from ``resources/model``.

The first call to `scorer` loads the files (a few hundred milliseconds for the transformer);
later calls from any thread get the same immutable objects.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from ..errors import ReviewerError
from ..resources import resource_path
from .fast_model import FastModel, calibrate
from .news import NewsHead
from .wordpiece import WordPieceTokenizer

_lock = threading.Lock()
_cache: dict[str, Any] = {}
T = TypeVar("T")


class ModelMissing(ReviewerError):
    """A model file the claim extractor needs is not installed."""


def _model_file(name: str) -> Path:
    path = resource_path("model", name)
    if not path.is_file():
        raise ModelMissing(
            f"The claim-scoring model file {path} is missing. Reinstall Reviewer, or from a source checkout "
            f"run the training scripts in training/ (see training/README.md) to recreate it."
        )
    return path


def _load(key: str, factory: Callable[[], T]) -> T:
    value: T | None = _cache.get(key)
    if value is None:
        with _lock:
            value = _cache.get(key)
            if value is None:
                value = factory()
                _cache[key] = value
    return value


def fast_model() -> FastModel:
    return _load("fast", lambda: FastModel.load(_model_file("fast_linear.npz")))


class FinalScorer:
    """Calibrated final scores: transformer logit, optionally blended with the linear logit.

    A cascade saves most of the transformer's time: sentences whose fast score is below the
    manifest's ``fast_cutoff`` skip the transformer. The cutoff is chosen on validation
    (training/cascade.py) so that no sentence it skips comes near the threshold. Their fast score
    is mapped onto the transformer's scale (a line fitted on the skipped validation sentences,
    in log-odds), so that sorting by score and low thresholds treat both kinds alike.
    """

    def __init__(self, manifest: dict[str, Any]):
        self.kind = manifest["kind"]
        self._slope = float(manifest.get("slope", 1.0))
        self._offset = float(manifest.get("offset", 0.0))
        self._linear_weight = float(manifest.get("linear_weight", 0.0))
        self._fast_cutoff = float(manifest.get("fast_cutoff", 0.0))
        self._skipped_slope = float(manifest.get("skipped_slope", 1.0))
        self._skipped_offset = float(manifest.get("skipped_offset", 0.0))
        self._transformer = None
        if self.kind == "transformer":
            from .final_model import TransformerModel

            self._transformer = TransformerModel(
                _model_file(manifest["onnx"]), _model_file(manifest["tokenizer"]), int(manifest.get("max_tokens", 128))
            )

    @property
    def tokenizer(self) -> WordPieceTokenizer | None:
        """The transformer's tokenizer, or None when "final" is the linear model."""
        return None if self._transformer is None else self._transformer.tokenizer

    def scores(self, sentences: list[str]) -> np.ndarray:
        fast = fast_model()
        if self._transformer is None:
            return fast.scores(sentences)
        fast_logits = fast.logits(sentences)
        fast_scores = fast.calibrated(fast_logits)
        refine = np.flatnonzero(fast_scores >= self._fast_cutoff)
        scores = skipped_scores(fast_scores, self._skipped_slope, self._skipped_offset)
        if len(refine):
            logits = self._transformer.logits([sentences[i] for i in refine])
            if self._linear_weight:
                logits = logits + self._linear_weight * fast_logits[refine]
            scores[refine] = calibrate(logits, self._slope, self._offset)
        return scores

    def scores_and_pooled(
        self, sentences: list[str], tokens: list[np.ndarray] | None = None
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
        """(final scores, fast scores, pooled vectors or None) with the transformer run on every
        sentence: the news head reads the pooled vectors, so prose skips the cascade. A list passed
        as `tokens` receives each sentence's token vectors from the same run (the source tagger's
        input; see TransformerModel.logits_and_pooled); it stays empty without the transformer."""
        fast = fast_model()
        fast_logits = fast.logits(sentences)
        fast_scores = fast.calibrated(fast_logits)
        if self._transformer is None:
            return fast_scores, fast_scores, None
        logits, pooled = self._transformer.logits_and_pooled(sentences, tokens=tokens)
        if self._linear_weight:
            logits = logits + self._linear_weight * fast_logits
        return calibrate(logits, self._slope, self._offset), fast_scores, pooled


def skipped_scores(fast_scores: np.ndarray, slope: float, offset: float) -> np.ndarray:
    """Fast scores mapped to the transformer's scale: sigmoid(slope * log-odds + offset)."""
    p = np.clip(fast_scores, 1e-12, 1 - 1e-12)
    return calibrate(np.log(p / (1 - p)), slope, offset)


def news_head(quality: str) -> NewsHead:
    """The news head for "fast" or "final" scores (see news.py)."""

    def build() -> dict[str, NewsHead]:
        manifest = json.loads(_model_file("news_head.json").read_text(encoding="utf-8"))
        subjectivity = FastModel.load(_model_file(manifest["subjectivity"]))
        return {quality: NewsHead(manifest[quality], subjectivity) for quality in ("fast", "final")}

    return _load("news", build)[quality]


def final_scorer() -> FinalScorer:
    def build() -> FinalScorer:
        manifest = json.loads(_model_file("final.json").read_text(encoding="utf-8"))
        return FinalScorer(manifest)

    return _load("final", build)
