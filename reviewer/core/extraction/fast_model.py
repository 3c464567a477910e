"""The fast first-pass scorer: a logistic regression over `features.sentence_features`.

Weights ship as ``resources/model/fast_linear.npz`` (vocabulary, weights, calibration) and are
scored with numpy only. Load with `FastModel.load`; the loaded object is immutable and safe to
share between threads.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

from .features import sentence_features


class FastModel:
    def __init__(self, vocabulary: list[str], weights: np.ndarray, intercept: float, slope: float, offset: float):
        self._index = {name: i for i, name in enumerate(vocabulary)}
        self._weights = weights.astype(np.float64)
        self._intercept = intercept
        self._slope = slope
        self._offset = offset

    @classmethod
    def load(cls, path: Path) -> "FastModel":
        with np.load(path, allow_pickle=False) as data:
            return cls(
                data["vocabulary"].tolist(),
                data["weights"],
                float(data["intercept"]),
                float(data["slope"]),
                float(data["offset"]),
            )

    def logits(self, sentences: list[str]) -> np.ndarray:
        """Raw decision values (uncalibrated), one per sentence."""
        index = self._index
        weights = self._weights
        out = np.empty(len(sentences), dtype=np.float64)
        for row, sentence in enumerate(sentences):
            ids = {index[f] for f in sentence_features(sentence) if f in index}
            if ids:
                out[row] = weights[list(ids)].sum() / math.sqrt(len(ids))
            else:
                out[row] = 0.0
        return out + self._intercept

    def scores(self, sentences: list[str]) -> np.ndarray:
        """Calibrated scores in [0, 1]; the tuned threshold maps to the package's DEFAULT_THRESHOLD."""
        return self.calibrated(self.logits(sentences))

    def calibrated(self, logits: np.ndarray) -> np.ndarray:
        return calibrate(logits, self._slope, self._offset)


def calibrate(logits: np.ndarray, slope: float, offset: float) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(slope * np.asarray(logits, dtype=np.float64) + offset)))
