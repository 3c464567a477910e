"""One way to open an ONNX model for the app: one core per call, and run once before it is handed out.

Why the run: onnxruntime's Python binding finishes setting itself up on a session's first ``run``,
and takes the GIL there through a thread state it remembered. When a Qt worker opened the session in
one job and another job on the same pooled thread ran it first, that thread state was gone and the
process crashed (seen in the desk: seen-before matching on a library whose vectors were already
stored died in ``take_gil`` under ``pthread_once``). A run right after opening does that set-up in
the call that opens the session.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

# [CLS] [SEP]: the shortest input both shipped models (BERT WordPiece ids) accept.
_WARM_UP_IDS = np.asarray([[101, 102]], dtype=np.int64)


def open_session(path: Path) -> Any:
    """An onnxruntime InferenceSession on ``path`` (CPU, one intra- and one inter-op thread, all graph
    optimisations), already run once. The model takes ``input_ids`` and ``attention_mask``."""
    import onnxruntime

    options = onnxruntime.SessionOptions()
    # One core per call: the app runs extraction and matching on background threads, batch imports
    # one article per worker, so intra-op threads would only compete with each other.
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
    session = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    session.run(None, {"input_ids": _WARM_UP_IDS, "attention_mask": np.ones_like(_WARM_UP_IDS)})
    return session
