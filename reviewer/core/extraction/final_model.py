"""The final scorer: a fine-tuned MiniLM in ONNX int8, run with onnxruntime and our own WordPiece
tokenizer (`wordpiece.py`, the same ids as Hugging Face tokenizers without its 8 MB library).

The shipped manifest ``resources/model/final.json`` says what "final" means: either the linear
model alone (``{"kind": "linear"}``) or the transformer, optionally blended with the linear
model's logit, and the calibration that puts the tuned threshold at DEFAULT_THRESHOLD. Loaded
objects are immutable; onnxruntime sessions may be run from several threads at once.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

from ..onnx_session import open_session
from .wordpiece import WordPieceTokenizer

# Inputs this long (a book, a 1 MB dump, ~40,000 words and up) are scored on two threads; an
# article never is, so the app's one-core-per-article budget holds.
PARALLEL_FROM = 2000
# Width of the model's mean-pooled sentence vector (its "pooled" output, MiniLM-L6's hidden size).
POOLED_DIM = 384


class TransformerModel:
    def __init__(self, onnx_path: Path, tokenizer_path: Path, max_tokens: int):
        self._session = open_session(onnx_path)
        # No padding, although the shipped tokenizer.json pads to 128: padding changes the scores.
        self._tokenizer = WordPieceTokenizer.from_file(tokenizer_path, max_tokens)

    def logits(self, sentences: list[str]) -> np.ndarray:
        """One logit per sentence. Sentences run one at a time: int8 activations are quantised per
        call, so batching would make a sentence's score depend on its neighbours."""
        return self.logits_and_pooled(sentences, pooled=False)[0]

    def logits_and_pooled(
        self, sentences: list[str], *, pooled: bool = True, tokens: list[np.ndarray] | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Logits and, with `pooled`, the mean-pooled sentence vectors the logit is read from
        (one row of POOLED_DIM per sentence; the news head learns from them). When a list is passed
        as `tokens`, the same run appends to it each sentence's token vectors (the last encoder
        layer, [CLS] and [SEP] rows included: an array of (wordpieces + 2, POOLED_DIM), which the
        caller owns; the source tagger reads them). Without it nothing more is copied."""
        if not sentences:
            return np.empty(0, dtype=np.float64), np.empty((0, POOLED_DIM), dtype=np.float32)
        if len(sentences) >= PARALLEL_FROM and (os.cpu_count() or 1) > 1:
            half = len(sentences) // 2
            lists: list[list[np.ndarray] | None] = [[], []] if tokens is not None else [None, None]
            with ThreadPoolExecutor(2) as pool:  # onnxruntime releases the GIL while it runs
                parts = list(
                    pool.map(
                        lambda part, out: self._run(part, pooled, out), [sentences[:half], sentences[half:]], lists
                    )
                )
            if tokens is not None:
                for found in lists:
                    tokens.extend(found or ())
            return np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts])
        return self._run(sentences, pooled, tokens)

    def _run(
        self, sentences: list[str], pooled: bool, tokens: list[np.ndarray] | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        out = np.empty(len(sentences), dtype=np.float64)
        vectors = np.zeros((len(sentences) if pooled else 0, POOLED_DIM), dtype=np.float32)
        run, encode = self._session.run, self._tokenizer.encode
        outputs = ["logit", "pooled"] if pooled else ["logit"]
        if tokens is not None:
            outputs.append("tokens")
        for i, sentence in enumerate(sentences):
            ids = np.asarray([encode(sentence)], dtype=np.int64)
            result = run(outputs, {"input_ids": ids, "attention_mask": np.ones_like(ids)})
            out[i] = result[0][0]
            if pooled:
                vectors[i] = result[1][0]
            if tokens is not None:
                tokens.append(result[-1][0])
        return out, vectors

    @property
    def tokenizer(self) -> WordPieceTokenizer:
        """The tokenizer the model runs with (immutable; any thread)."""
        return self._tokenizer
