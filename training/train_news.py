"""Train the news head (reviewer/core/extraction/news.py) and the subjectivity model it uses.

Run in the training venv from the repository root:
    python training/train_news.py            # report only
    python training/train_news.py --install  # write resources/model/news_head.json, subjectivity_linear.npz

Data, all from ../shared/data:
- subjectivity: NewsSD-ENG train (C chosen on its val split), a logistic regression over the fast
  model's own sentence features, shipped in the fast model's format;
- the head: the project's news labels (training/news_labels, PolNeAR articles) — train split only.
  Regularisation and threshold are chosen by 5-fold cross-validation over train *articles*; dev is
  used once, to report. Two heads: "final" (on the final debate scores) and "fast" (the first pass).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE / "news_labels"))
import labels as news_labels  # noqa: E402
from data import shared_data_dir  # noqa: E402
from train_fast import matrix  # noqa: E402

from reviewer.core.extraction import _attribute, _candidates, _segments, _tagger_hints, kinds  # noqa: E402
from reviewer.core.extraction.fast_model import FastModel  # noqa: E402
from reviewer.core.extraction.features import sentence_features  # noqa: E402
from reviewer.core.extraction.models import FinalScorer, fast_model, final_scorer  # noqa: E402
from reviewer.core.extraction.news import FEATURES, SentenceContext, alone_in_block, feature_rows  # noqa: E402

MODEL_DIR = REPO / "resources" / "model"
# Cross-fitting, when the shipped transformer was fine-tuned on the news train labels themselves
# (news_finetune.py): its scores on those articles are in-sample, so a head trained on them would
# trust it too much. NEWS_FOLD_MANIFESTS="a=final_fold_a.json,b=final_fold_b.json" names manifests in
# resources/model of models fine-tuned on one half of the train articles each (--news-fold): a train
# article is scored by the model that did not see it; dev by the shipped model.
FOLD_MANIFESTS = dict(part.split("=", 1) for part in os.environ.get("NEWS_FOLD_MANIFESTS", "").split(",") if part)
_fold_scorers: dict[str, FinalScorer] = {}


def scorer_for(doc: str) -> FinalScorer:
    if not FOLD_MANIFESTS or not doc.startswith("train/"):
        return final_scorer()
    other = "b" if news_labels.fold(doc) == "a" else "a"
    if other not in _fold_scorers:
        manifest = json.loads((MODEL_DIR / FOLD_MANIFESTS[other]).read_text(encoding="utf-8"))
        _fold_scorers[other] = FinalScorer(manifest)
    return _fold_scorers[other]


def load_newssd(name: str) -> tuple[list[str], np.ndarray]:
    path = shared_data_dir() / "newssd-eng" / "data" / "english" / f"{name}.csv"
    texts, ys = [], []
    with open(path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            texts.append(" ".join(row["Sentence"].split()))
            ys.append(1 if row["Label"].strip() == "SUBJ" else 0)
    return texts, np.asarray(ys)


def train_subjectivity(install: bool) -> FastModel:
    train_x, train_y = load_newssd("train")
    val_x, val_y = load_newssd("val")
    counts: dict[str, int] = {}
    for text in train_x:
        for f in set(sentence_features(text)):
            counts[f] = counts.get(f, 0) + 1
    vocab_list = sorted(f for f, c in counts.items() if c >= 2)
    vocab = {f: i for i, f in enumerate(vocab_list)}
    xt, xv = matrix(train_x, vocab), matrix(val_x, vocab)
    best = None
    for c in (0.1, 0.3, 1.0, 3.0, 10.0):
        lr = LogisticRegression(C=c, max_iter=2000, class_weight="balanced").fit(xt, train_y)
        acc = float((lr.predict(xv) == val_y).mean())
        if best is None or acc > best[0]:
            best = (acc, c, lr)
    acc, c, lr = best
    print(f"subjectivity: NewsSD val accuracy {acc:.3f} (C={c}, {len(vocab_list)} features)")
    weights = lr.coef_[0]
    intercept = float(lr.intercept_[0])
    if install:
        np.savez_compressed(MODEL_DIR / "subjectivity_linear.npz", vocabulary=np.asarray(vocab_list),
                            weights=weights.astype(np.float32), intercept=intercept, slope=1.0, offset=0.0)
    return FastModel(vocab_list, weights, intercept, 1.0, 0.0)


def document_rows(doc_labels: list, text: str, subjectivity: FastModel) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """Feature rows (per head) for the document's candidates, and the label of each candidate.
    Each head sees what its pass produces at run time (extract_claims): the final pass attributes
    speakers with the source tagger's hints from the same transformer run, the fast pass by rules."""
    segments = _segments(text)
    sentences = [text[s.start:s.end] for s in segments]
    tokens: list[np.ndarray] = []
    final, fast, pooled = scorer_for(doc_labels[0].doc).scores_and_pooled(sentences, tokens)
    fast_only = fast_model().scores(sentences)

    def contexts_of(candidates):
        alone = alone_in_block(text, [(s, e) for s, e, _ in candidates])
        return [SentenceContext(sentence, kinds.classify(sentence, attributed=a.speaker is not None),
                                a.speaker is not None, lone)
                for sentence, (_, _, a), lone in zip(sentences, candidates, alone)]

    candidates = _attribute(text, segments, _tagger_hints(sentences, tokens))
    rules_only = _attribute(text, segments, None)
    rows = {"final": feature_rows(contexts_of(candidates), final, fast, subjectivity),
            "pooled": pooled.astype(np.float64),
            "fast": feature_rows(contexts_of(rules_only), fast_only, fast_only, subjectivity)}
    y = np.zeros(len(candidates))
    for label in doc_labels:
        best, best_overlap = None, 0
        for i, (s, e, _) in enumerate(candidates):
            overlap = min(e, label.end) - max(s, label.start)
            if overlap > best_overlap:
                best, best_overlap = i, overlap
        if best is not None and label.checkworthy:
            y[best] = 1.0
    return rows, y


def missed_positives(doc_labels: list, text: str) -> int:
    candidates = _candidates(text)
    missed = 0
    for label in doc_labels:
        if label.checkworthy and not any(min(e, label.end) > max(s, label.start) for s, e, _ in candidates):
            missed += 1
    return missed


def prf(y: np.ndarray, pred: np.ndarray, extra_fn: int = 0) -> tuple[float, float, float]:
    tp = float((pred & (y == 1)).sum())
    fp = float((pred & (y == 0)).sum())
    fn = float((~pred & (y == 1)).sum()) + extra_fn
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def fit(x: np.ndarray, y: np.ndarray, c: float) -> tuple[np.ndarray, np.ndarray, LogisticRegression]:
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    lr = LogisticRegression(C=c, max_iter=5000).fit((x - mean) / scale, y)
    return mean, scale, lr


def decision(model, x: np.ndarray) -> np.ndarray:
    mean, scale, lr = model
    return ((x - mean) / scale) @ lr.coef_[0] + lr.intercept_[0]


def best_threshold(scores: np.ndarray, y: np.ndarray, min_precision: float = 0.0) -> float:
    best_t, best_f = 0.0, -1.0
    for t in np.unique(np.round(scores, 3)):
        p, r, f = prf(y, scores >= t)
        if p >= min_precision and f > best_f:
            best_t, best_f = float(t), f
    return best_t


def pooled_stage(data: dict, train_docs: list[str], dev_docs: list[str], folds: list[list[str]]):
    """First stage of the final head: a logistic regression over the standardised pooled vector.
    Returns its logit per document (out-of-fold for train documents, from the model fitted on all of
    train for dev) and the fitted model for the manifest; C chosen by cross-validated log-loss."""
    def stack(names):
        return np.vstack([data[d][0]["pooled"] for d in names]), np.concatenate([data[d][1] for d in names])

    best = None
    for c in (0.0003, 0.001, 0.003, 0.01):
        loss = 0.0
        for k in range(len(folds)):
            xf, yf = stack([d for j, f in enumerate(folds) if j != k for d in f])
            xh, yh = stack(folds[k])
            z = np.clip(decision(fit(xf, yf, c), xh), -30, 30)
            loss += float(np.sum(np.logaddexp(0, z) - yh * z))
        if best is None or loss < best[0]:
            best = (loss, c)
    c = best[1]
    column: dict[str, np.ndarray] = {}
    for k in range(len(folds)):
        model = fit(*stack([d for j, f in enumerate(folds) if j != k for d in f]), c)
        for d in folds[k]:
            column[d] = decision(model, data[d][0]["pooled"])
    mean, scale, lr = model_all = fit(*stack(train_docs), c)
    for d in dev_docs:
        column[d] = decision(model_all, data[d][0]["pooled"])
    print(f"pooled stage: C={c}")
    return column, {"mean": mean.tolist(), "scale": scale.tolist(), "weights": lr.coef_[0].tolist(),
                    "intercept": float(lr.intercept_[0]), "C": c}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--install", action="store_true")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--min-precision", type=float, default=0.0,
                    help="final head: the threshold of the best cross-validated F1 at this precision or more "
                         "(the fast head, a preview, keeps the best F1)")
    ap.add_argument("--train-articles", type=int, default=0,
                    help="train on the first N train articles only (a learning curve; 0 = all)")
    args = ap.parse_args()
    subjectivity = train_subjectivity(args.install)
    all_labels = news_labels.load()
    docs: dict[str, list] = {}
    for label in all_labels:
        docs.setdefault(label.doc, []).append(label)
    data = {}
    for doc, doc_labels in docs.items():
        text = news_labels.corpus.text_of(doc)
        data[doc] = (*document_rows(doc_labels, text, subjectivity), missed_positives(doc_labels, text))
    train_docs = sorted(d for d in docs if d.startswith("train/"))
    if args.train_articles:
        train_docs = sorted(np.random.default_rng(3).permutation(train_docs)[:args.train_articles].tolist())
    dev_docs = sorted(d for d in docs if d.startswith("dev/"))
    manifest: dict[str, dict] = {}
    rng = np.random.default_rng(7)
    order = list(train_docs)
    rng.shuffle(order)
    folds = [order[i::args.folds] for i in range(args.folds)]
    pooled_column, pooled_manifest = pooled_stage(data, train_docs, dev_docs, folds)
    for head in ("final", "fast"):
        def stack(names):
            x = np.vstack([data[d][0][head] for d in names])
            if head == "final":  # the pooled stage's logit: out-of-fold on train, fitted on all of train for dev
                x = np.hstack([x, np.concatenate([pooled_column[d] for d in names])[:, None]])
            return x, np.concatenate([data[d][1] for d in names]), sum(data[d][2] for d in names)
        x_train, y_train, _ = stack(train_docs)
        x_dev, y_dev, missed_dev = stack(dev_docs)
        base = x_dev[:, 0] >= 0
        print(f"[{head}] debate threshold on dev: P/R/F1 = {prf(y_dev, base, missed_dev)}")
        best = None
        for c in (0.01, 0.03, 0.1, 0.3, 1.0):
            cv_scores, cv_y = [], []
            for k in range(args.folds):
                fit_docs = [d for j, f in enumerate(folds) if j != k for d in f]
                xf, yf, _ = stack(fit_docs)
                xh, yh, _ = stack(folds[k])
                cv_scores.append(decision(fit(xf, yf, c), xh))
                cv_y.append(yh)
            s, yy = np.concatenate(cv_scores), np.concatenate(cv_y)
            t = best_threshold(s, yy, args.min_precision if head == "final" else 0.0)
            f = prf(yy, s >= t)[2]
            if best is None or f > best[0]:
                best = (f, c, t, s, yy)
        cv_f, c, threshold, s, yy = best
        model = fit(x_train, y_train, c)
        # Platt slope on the cross-validated decisions, centred on the chosen threshold.
        slope = float(LogisticRegression(C=1e4).fit((s - threshold).reshape(-1, 1), yy).coef_[0][0])
        dev_pred = decision(model, x_dev) >= threshold
        p, r, f = prf(y_dev, dev_pred, missed_dev)
        print(f"[{head}] C={c} cv F1 {cv_f:.3f} threshold {threshold:.3f} slope {slope:.2f}; "
              f"dev P {p:.3f} R {r:.3f} F1 {f:.3f} (dev positives missed as boilerplate: {missed_dev})")
        for name, w in zip(FEATURES, model[2].coef_[0][:len(FEATURES)]):
            print(f"    {name:<16} {w:+.3f}")
        manifest[head] = {"features": list(FEATURES), "pooled": pooled_manifest if head == "final" else None, "mean": model[0].tolist(), "scale": model[1].tolist(),
                          "weights": model[2].coef_[0].tolist(), "intercept": float(model[2].intercept_[0]),
                          "threshold": threshold, "slope": slope, "C": c, "cv_f1": cv_f,
                          "dev": {"precision": p, "recall": r, "f1": f}}
    if args.install:
        manifest_path = MODEL_DIR / "news_head.json"
        manifest_path.write_text(json.dumps({"subjectivity": "subjectivity_linear.npz", **manifest}) + "\n",
                                 encoding="utf-8")
        print(f"wrote {manifest_path.relative_to(REPO)}")


if __name__ == "__main__":
    main()
