"""Choose the blend by cross-fitting: each half-train encoder is scored on the train half it never saw.

    nice -n 5 .venv/bin/python training/matching/crossfit_blend.py MODEL_DIR_A MODEL_DIR_B [--install DIR]

MODEL_DIR_A holds an encoder fine-tuned on train half a (finetune_encoder.py --fold a, exported and
given a matching.json), MODEL_DIR_B on half b. Every blend of tune_blend.py's grid is scored on
half b with encoder a and on half a with encoder b; the blend with the best mean MAP@5 is the one an
encoder fine-tuned on all of train should use, since neither half's score saw its own queries. The
threshold is chosen the same way (the pooled top matches of both halves). --install writes the blend
into DIR/matching.json (the all-train encoder's manifest). Dev is never used here.
"""

from __future__ import annotations

import argparse
import itertools
import json
from dataclasses import asdict, replace
from pathlib import Path

import tune_blend
from tune_blend import SCALES, TITLE_WEIGHTS, WEIGHTS, best_threshold, build_library, candidates, evaluate

from reviewer.core.matching.encoder import MANIFEST, load_encoder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model_a", type=Path)
    parser.add_argument("model_b", type=Path)
    parser.add_argument("--install", type=Path, metavar="DIR")
    args = parser.parse_args()
    tune_blend.WORK.mkdir(parents=True, exist_ok=True)
    halves = []
    for model_dir, other in ((args.model_a, "train-b"), (args.model_b, "train-a")):
        store, ids = build_library(model_dir)
        halves.append((candidates(store, model_dir, other), ids))
    base = load_encoder(args.model_a).manifest.blend
    results = []
    for tw, w, k in itertools.product(TITLE_WEIGHTS, WEIGHTS, SCALES):
        blend = replace(base, title_weight=tw, bm25_weight=w, bm25_scale=k)
        scores = [evaluate(cands, ids, blend)[0] for cands, ids in halves]
        results.append((sum(scores) / 2, scores, blend))
    results.sort(key=lambda r: -r[0])
    for mean, scores, blend in results[:8]:
        print(f"cross-fitted {mean:.4f} (b with a: {scores[0]:.4f}, a with b: {scores[1]:.4f})  {blend}")
    chosen = results[0][2]
    tops = [top for cands, ids in halves for top in evaluate(cands, ids, chosen)[1]]
    chosen = replace(chosen, threshold=best_threshold(tops))
    print(json.dumps({"chosen": asdict(chosen), "crossfit_map5": round(results[0][0], 4)}))
    if args.install:
        path = args.install / MANIFEST
        manifest = json.loads(path.read_text(encoding="utf-8"))
        manifest["blend"] = asdict(chosen)
        manifest.setdefault("tuned", {})["blend"] = (
            f"cross-fitted on CheckThat! 2A train (encoders fine-tuned on one half, scored on the other): "
            f"MAP@5 {results[0][0]:.4f}"
        )
        path.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
