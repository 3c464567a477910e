"""Choose the cascade cutoff of the installed final model, and re-measure it as the app runs it.

    python training/cascade.py [--install]

The app scores every sentence with the fast linear model and runs the transformer only where the
fast score reaches ``fast_cutoff`` (resources/model/final.json); the other sentences get their
fast score mapped onto the transformer's scale by a line in log-odds (``skipped_slope``,
``skipped_offset``) fitted on the validation sentences the cutoff skips. The cutoff is the largest on a grid for which every validation (2000) sentence it
skips has a final score below MARGIN, i.e. well under the default threshold of 0.5, so skipping
changes no decision a reviewer would see at that threshold. Test (2004-2008) figures are reported,
never used to choose.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
from data import load_claimbuster  # noqa: E402

from reviewer.core.extraction.models import FinalScorer, fast_model, skipped_scores  # noqa: E402

GRID = (0.0, 0.02, 0.05, 0.08, 0.1, 0.12, 0.15, 0.2, 0.25, 0.3)
MARGIN = 0.25  # half the default threshold
MANIFEST = HERE.parent / "resources" / "model" / "final.json"


def f1(pred: np.ndarray, labels: np.ndarray) -> dict:
    tp = int((pred & (labels == 1)).sum())
    precision = tp / max(int(pred.sum()), 1)
    recall = tp / max(int(labels.sum()), 1)
    return {"precision": precision, "recall": recall, "f1": 2 * tp / max(int(pred.sum() + labels.sum()), 1)}


def log_odds(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-12, 1 - 1e-12)
    return np.log(p / (1 - p))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--install", action="store_true", help="write fast_cutoff and the new figures to final.json")
    args = ap.parse_args()
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    full = FinalScorer({**manifest, "fast_cutoff": 0.0})
    fast = fast_model()
    data = load_claimbuster()
    scored = {}
    for split in ("val", "test"):
        texts = [e.text for e in data[split]]
        started = time.perf_counter()
        final = full.scores(texts)
        rate = len(texts) / (time.perf_counter() - started)
        scored[split] = (fast.scores(texts), final, np.array([e.label for e in data[split]]))
        print(f"{split}: {len(texts)} sentences, transformer on all: {rate:.0f} sentences/s, "
              f"F1 {f1(final >= 0.5, scored[split][2])['f1']:.4f}")

    chosen = 0.0
    for cutoff in GRID:
        row = {"cutoff": cutoff}
        for split, (fast_scores, final, labels) in scored.items():
            skipped = fast_scores < cutoff
            cascade = np.where(skipped, fast_scores, final)
            row[split] = {"skipped": round(float(skipped.mean()), 3),
                          "max_skipped_final": round(float(final[skipped].max()) if skipped.any() else 0.0, 3),
                          "f1": round(f1(cascade >= 0.5, labels)["f1"], 4)}
        print(row)
        if row["val"]["max_skipped_final"] < MARGIN:
            chosen = cutoff
    fast_val, final_val, labels_val = scored["val"]
    skipped = fast_val < chosen
    slope, offset = 1.0, 0.0
    if skipped.sum() > 1:
        slope, offset = (float(v) for v in np.polyfit(log_odds(fast_val[skipped]), log_odds(final_val[skipped]), 1))

    def cascade(split: str) -> np.ndarray:
        fast_scores, final, _ = scored[split]
        return np.where(fast_scores < chosen, skipped_scores(fast_scores, slope, offset), final)

    val_f1 = f1(cascade("val") >= 0.5, labels_val)["f1"]
    test = f1(cascade("test") >= 0.5, scored["test"][2])
    print(f"chosen fast_cutoff {chosen}, skipped sentences mapped by slope {slope:.3f} offset {offset:.3f}: "
          f"val F1 {val_f1:.4f}, test {test}")
    for threshold in (0.02, 0.05, 0.1, 0.2, 0.3):
        differ = {split: int(((cascade(split) >= threshold) != (scored[split][1] >= threshold)).sum()) for split in scored}
        print(f"  at threshold {threshold}: flags differing from the transformer on every sentence: {differ}")
    if args.install:
        manifest.update({"fast_cutoff": chosen, "skipped_slope": slope, "skipped_offset": offset,
                         "val_f1": val_f1, "test": test})
        MANIFEST.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        print("updated", MANIFEST)


if __name__ == "__main__":
    main()
