"""Tune the BM25 + cosine blend of "seen before" matching on the CheckThat! 2A train split; report dev.

Run with the app's venv (it uses the app's own engine, encoder and store):
    nice -n 5 .venv/bin/python training/matching/tune_blend.py [--model-dir DIR] [--install]

Builds (once per model id) a library in training/work/matching/ holding the 14,231 vclaims as one
fact-check collection with their embeddings, then for every query keeps the cosine and BM25
candidates and tries each blend of the grid with the engine's own scoring (``engine._blend``).
The blend with the best train MAP@5 is reported with its dev MAP@5; --install writes it to the
manifest of --model-dir (default resources/model) with the threshold chosen on train: the score
that best separates a query's relevant top match from its irrelevant ones (max F1). With
--grid none the manifest's blend is kept and measured (for an encoder fine-tuned on train).
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from dataclasses import asdict, replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import data  # noqa: E402
from reviewer.core.factchecks.model import FactcheckRecord  # noqa: E402
from reviewer.core.matching import engine  # noqa: E402
from reviewer.core.matching.encoder import MANIFEST, BlendSettings, load_encoder  # noqa: E402
from reviewer.core.matching.lexical import clean_query, match_expression  # noqa: E402
from reviewer.core.store import Store  # noqa: E402

WORK = ROOT / "training" / "work" / "matching"
TITLE_WEIGHTS = (0.0, 0.25, 0.5, 1.0)
WEIGHTS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.7, 1.0, 1.5)
SCALES = (2.0, 5.0, 10.0, 20.0, 40.0, 1e9)  # 1e9: BM25 linear (s / k), effectively max-free


def build_library(model_dir: Path) -> tuple[Store, dict[int, set[str]]]:
    encoder = load_encoder(model_dir)
    path = WORK / f"lib_{encoder.model_id}.sqlite"
    fresh = not path.exists()
    store = Store.open(path)
    if fresh:
        records = [FactcheckRecord(claim=data.claim_key(v["vclaim"]), title=v.get("title") or None,
                                   date=v.get("date") or None, publisher="Snopes") for v in data.vclaims()]
        store.import_factchecks("snopes", records)
        start = time.perf_counter()
        engine.index_pending(store, encoder)
        print(f"indexed in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    by_text: dict[str, set[str]] = {}
    for v in data.vclaims():
        by_text.setdefault(data.claim_key(v["vclaim"]), set()).add(v["vclaim_id"])
    ids = {rid: by_text.get(data.claim_key(text), set())
           for rid, text in store.conn.execute("SELECT id, claim FROM factchecks")}
    return store, ids


def candidates(store: Store, model_dir: Path, split: str, pool: int = 100) -> list[dict]:
    """``split``: "train", "dev", or "train-a" / "train-b" (one half of train, ``data.fold``)."""
    encoder = load_encoder(model_dir)
    matrix = store.embedding_matrix("factcheck", encoder.model_id, encoder.dim)
    name, _, half = split.partition("-")
    tweets = data.queries()
    rels = {q: rel for q, rel in data.qrels(name).items() if not half or data.fold(q) == half}
    out = []
    for qid, relevant in rels.items():
        query = clean_query(data.clean_tweet(tweets[qid]))
        cos = matrix.vectors @ encoder.encode([query])[0]
        top = np.argpartition(-cos, pool)[:pool]
        expr = match_expression(query)
        bm25 = {tw: dict(store.bm25_factchecks(expr, pool, tw)) for tw in TITLE_WEIGHTS}
        cos_of = {int(matrix.ids[r]): float(cos[r]) for r in top}
        row_of = {int(i): r for r, i in enumerate(matrix.ids.tolist())}
        for lists in bm25.values():
            for rid in lists:
                if rid not in cos_of:
                    cos_of[rid] = float(cos[row_of[rid]])
        out.append({"relevant": relevant, "cos": cos_of, "cos_top": [int(matrix.ids[r]) for r in top],
                    "bm25": bm25})
    return out


def evaluate(cands: list[dict], ids: dict[int, set[str]], blend: BlendSettings) -> tuple[float, list[tuple[float, bool]]]:
    aps, tops = [], []
    for c in cands:
        lexical = c["bm25"][blend.title_weight]
        pool = set(c["cos_top"]) | set(lexical)
        scored = sorted(((engine._blend(c["cos"][rid], lexical.get(rid, 0.0), blend), rid) for rid in pool),
                        key=lambda sr: (-sr[0], sr[1]))
        aps.append(data.average_precision([ids[rid] for _, rid in scored[:5]], c["relevant"]))
        tops.append((scored[0][0], bool(ids[scored[0][1]] & c["relevant"])))
    return float(np.mean(aps)), tops


def bm25_only(cands: list[dict], ids: dict[int, set[str]], blend: BlendSettings) -> float:
    aps = []
    for c in cands:
        ranked = sorted(c["bm25"][blend.title_weight].items(), key=lambda kv: (-kv[1], kv[0]))[:5]
        aps.append(data.average_precision([ids[rid] for rid, _ in ranked], c["relevant"]))
    return float(np.mean(aps))


def best_threshold(tops: list[tuple[float, bool]]) -> float:
    best, chosen = -1.0, 0.5
    positives = sum(ok for _, ok in tops)
    for t in sorted({round(s, 3) for s, _ in tops}):
        tp = sum(ok for s, ok in tops if s >= t)
        fp = sum(not ok for s, ok in tops if s >= t)
        f1 = 2 * tp / (2 * tp + fp + (positives - tp)) if tp else 0.0
        if f1 > best:
            best, chosen = f1, t
    return chosen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model-dir", type=Path, default=ROOT / "resources" / "model")
    parser.add_argument("--install", action="store_true")
    parser.add_argument("--grid", choices=("full", "none"), default="full",
                        help="none: keep the manifest's blend (an encoder fine-tuned on train makes a blend tuned "
                             "on train trust cosine too much) and only print it beside --weights")
    parser.add_argument("--weights", type=float, nargs="*", default=[], help="BM25 weights to print with --grid none")
    parser.add_argument("--queries", choices=("train", "train-a", "train-b"), default="train",
                        help="the tweets the blend is tuned on: cross-fitting tunes it on the half of train the "
                             "encoder was not fine-tuned on (finetune_encoder.py --fold a|b)")
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    store, ids = build_library(args.model_dir)
    train, dev = candidates(store, args.model_dir, args.queries), candidates(store, args.model_dir, "dev")
    base = load_encoder(args.model_dir).manifest.blend
    grid = itertools.product(TITLE_WEIGHTS, WEIGHTS, SCALES) if args.grid == "full" else \
        [(base.title_weight, w, base.bm25_scale) for w in sorted({base.bm25_weight, *args.weights})]
    results = []
    for tw, w, k in grid:
        blend = replace(base, title_weight=tw, bm25_weight=w, bm25_scale=k)
        results.append((evaluate(train, ids, blend)[0], blend))
    results.sort(key=lambda r: -r[0])
    for score, blend in results[:8]:
        print(f"train {score:.4f} dev {evaluate(dev, ids, blend)[0]:.4f}  {blend}")
    cosine_only = replace(base, bm25_weight=0.0)
    print(f"cosine only: train {evaluate(train, ids, cosine_only)[0]:.4f} dev {evaluate(dev, ids, cosine_only)[0]:.4f}")
    print(f"bm25 only:   train {bm25_only(train, ids, base):.4f} dev {bm25_only(dev, ids, base):.4f}")
    chosen = results[0][1] if args.grid == "full" else base
    train_map, tops = evaluate(train, ids, chosen)
    if args.grid == "full":
        chosen = replace(chosen, threshold=best_threshold(tops))
    dev_map = evaluate(dev, ids, chosen)[0]
    print(json.dumps({"chosen": asdict(chosen), "train_map5": train_map, "dev_map5": dev_map}))
    if args.install:
        path = args.model_dir / MANIFEST
        manifest = json.loads(path.read_text(encoding="utf-8"))
        manifest["blend"] = asdict(chosen)
        manifest["tuned"] = {"train_map5": round(train_map, 4), "dev_map5": round(dev_map, 4)}
        path.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
