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

from .wordpiece import WordPieceTokenizer

# Inputs this long (a book, a 1 MB dump, ~40,000 words and up) are scored on two threads; an
# article never is, so the app's one-core-per-article budget holds.
PARALLEL_FROM = 2000


class TransformerModel:
    def __init__(self, onnx_path: Path, tokenizer_path: Path, max_tokens: int):
        import onnxruntime

        options = onnxruntime.SessionOptions()
        # One core per call: the app runs extraction on a background thread, batch imports run
        # one article per worker, so intra-op threads would only compete with each other.
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
        self._session = onnxruntime.InferenceSession(str(onnx_path), options, providers=["CPUExecutionProvider"])
        # No padding, although the shipped tokenizer.json pads to 128: padding changes the scores.
        self._tokenizer = WordPieceTokenizer.from_file(tokenizer_path, max_tokens)

    def logits(self, sentences: list[str]) -> np.ndarray:
        """One logit per sentence. Sentences run one at a time: int8 activations are quantised per
        call, so batching would make a sentence's score depend on its neighbours."""
        if not sentences:
            return np.empty(0, dtype=np.float64)
        if len(sentences) >= PARALLEL_FROM and (os.cpu_count() or 1) > 1:
            half = len(sentences) // 2
            with ThreadPoolExecutor(2) as pool:  # onnxruntime releases the GIL while it runs
                parts = list(pool.map(self._run, [sentences[:half], sentences[half:]]))
            return np.concatenate(parts)
        return self._run(sentences)

    def _run(self, sentences: list[str]) -> np.ndarray:
        out = np.empty(len(sentences), dtype=np.float64)
        run, encode = self._session.run, self._tokenizer.encode
        for i, sentence in enumerate(sentences):
            ids = np.asarray([encode(sentence)], dtype=np.int64)
            out[i] = run(None, {"input_ids": ids, "attention_mask": np.ones_like(ids)})[0][0]
        return out
