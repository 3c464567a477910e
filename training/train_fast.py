"""Train the fast first-pass model: logistic regression over reviewer's own sentence features.

Run in the training venv (needs scikit-learn; the app does not):
    python training/train_fast.py            # writes training/work/fast/ and reports F1
    python training/train_fast.py --install  # also writes resources/model/fast_linear.npz

Split: train 1960-1996 debates, C and threshold on 2000, test 2004-2008 (see data.py).
The run-time scorer (reviewer/core/extraction/fast_model.py) computes
    logit = intercept + sum(weights[features present]) / sqrt(number of features present)
which is exactly the model trained here on L2-normalised binary feature vectors.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
from data import best_threshold, f1_at, load_claimbuster, load_clef  # noqa: E402

from reviewer.core.extraction.features import sentence_features  # noqa: E402

DEFAULT_THRESHOLD = 0.5  # calibrated scores put each model's tuned threshold here


def matrix(texts, vocab):
    rows, cols, vals = [], [], []
    for r, text in enumerate(texts):
        ids = sorted({vocab[f] for f in sentence_features(text) if f in vocab})
        for c in ids:
            rows.append(r)
            cols.append(c)
            vals.append(1.0 / np.sqrt(len(ids)))
    return csr_matrix((vals, (rows, cols)), shape=(len(texts), len(vocab)))


def platt_slope(logits, labels, threshold):
    """Slope of a one-feature logistic fit, centred on the tuned threshold."""
    lr = LogisticRegression(C=1e4)
    lr.fit(np.asarray(logits).reshape(-1, 1) - threshold, labels)
    return float(lr.coef_[0][0])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clef", action="store_true")
    ap.add_argument("--min-df", type=int, default=2)
    ap.add_argument("--install", action="store_true")
    ap.add_argument("--out", default=str(HERE / "work" / "fast"))
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    data = load_claimbuster()
    train = list(data["train"])
    if args.clef:  # positives only, see train_transformer.py
        train += [e for e in load_clef() if e.label]
    counts: dict[str, int] = {}
    for ex in train:
        for f in set(sentence_features(ex.text)):
            counts[f] = counts.get(f, 0) + 1
    names = sorted(f for f, c in counts.items() if c >= args.min_df)
    vocab = {f: i for i, f in enumerate(names)}
    x_train = matrix([e.text for e in train], vocab)
    y_train = np.array([e.label for e in train])
    x_val = matrix([e.text for e in data["val"]], vocab)
    y_val = [e.label for e in data["val"]]
    x_test = matrix([e.text for e in data["test"]], vocab)
    y_test = [e.label for e in data["test"]]

    best = None
    for c in (0.5, 1, 2, 4, 8, 16):
        for weight in (None, "balanced"):
            model = LogisticRegression(C=c, max_iter=3000, class_weight=weight)
            model.fit(x_train, y_train)
            val = model.decision_function(x_val)
            thr, f1 = best_threshold(val.tolist(), y_val)
            print(f"C={c} class_weight={weight} val F1 {f1:.4f}")
            if best is None or f1 > best[0]:
                best = (f1, c, weight, model, thr, val)
    f1, c, weight, model, thr, val = best
    test = model.decision_function(x_test)
    slope = platt_slope(val, y_val, thr)
    report = {"C": c, "class_weight": weight, "features": len(names), "threshold_logit": thr,
              "val_f1": f1, "test": f1_at(test.tolist(), y_test, thr), "slope": slope, "clef": args.clef}
    print(json.dumps(report, indent=2))
    np.save(out / "val_logits.npy", val)
    np.save(out / "test_logits.npy", test)
    (out / "report.json").write_text(json.dumps(report, indent=2))
    # Prune zero-ish weights to keep the file small.
    weights = model.coef_[0]
    keep = np.abs(weights) > 1e-4
    path = out / "fast_linear.npz"
    np.savez_compressed(
        path, vocabulary=np.array([n for n, k in zip(names, keep) if k]), weights=weights[keep].astype(np.float32),
        intercept=np.float64(model.intercept_[0]), slope=np.float64(slope), offset=np.float64(-slope * thr))
    if args.install:
        target = HERE.parent / "resources" / "model" / "fast_linear.npz"
        target.write_bytes(path.read_bytes())
        print("installed", target)


if __name__ == "__main__":
    main()
