"""Train the source tagger's head on frozen token vectors (tagger_data.py) from PolNeAR train.

A one-hidden-layer MLP ((2 WINDOW + 1) x 384 -> HIDDEN -> 5 tags, ReLU, softmax) trained with Adam on the
first wordpiece of every word of the train sentences, each with the WINDOW words before and after it
(--window N, default 2; --no-context: the word's own vector only); the last HELD_OUT share of train articles is held
out to choose the epoch count and `min_score` (the probability a word needs to begin a span),
by exact-span F1 of source spans. Dev is only reported, never used to choose.

    python training/attribution/train_tagger.py            # trains, prints held-out and dev figures
    python training/attribution/train_tagger.py --install  # and writes resources/model/source_tagger.npz
    python training/attribution/train_tagger.py --window 1 --epochs 10 --out /tmp/tagger.npz --install

Dev source spans (exact words) P/R/F1 on 2026-12-07: window 1 (10 epochs, the tagger shipped until then)
0.580/0.439/0.500; window 2 (5 epochs) 0.570/0.480/0.521; window 2 with 256 hidden units 0.605/0.458/0.521.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
import polnear  # noqa: E402

WORK = polnear.ROOT / "training" / "work"
OUT = polnear.ROOT / "resources" / "model" / "source_tagger.npz"


def _option(name: str, default: str) -> str:
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


HIDDEN = int(_option("--hidden", "128"))
HELD_OUT = 0.1
EPOCHS = int(_option("--epochs", "5"))
WINDOW = 0 if "--no-context" in sys.argv else int(_option("--window", "2"))  # neighbour words each side
CONTEXT = WINDOW > 0
SEED = 14


def spans(tags: np.ndarray, sentence_ids: np.ndarray, begin: int) -> set[tuple[int, int, int]]:
    """(sentence, first word, last word) of every B(I*) run of tag `begin` in word order."""
    out = set()
    start = -1
    for i in range(len(tags) + 1):
        t = tags[i] if i < len(tags) else 0
        new_sentence = i < len(tags) and i > 0 and sentence_ids[i] != sentence_ids[i - 1]
        if start >= 0 and (t != begin + 1 or new_sentence):
            out.add((int(sentence_ids[start]), start, i - 1))
            start = -1
        if i < len(tags) and t == begin:
            start = i
    return out


def decode(p: np.ndarray, min_score: float) -> np.ndarray:
    """Tags from probabilities as the run-time decoder reads them (source_tagger.SourceTagger.spans)."""
    tags = np.zeros(len(p), dtype=np.int64)
    best = p.argmax(1)
    for begin in (1, 3):
        starts = (p[:, begin] >= min_score) & (p[:, begin] >= p[:, begin + 1])
        tags[starts] = begin
        inside = (best == begin + 1) & ~starts & (tags == 0)
        tags[inside] = begin + 1
    return tags


def f1(gold: set, found: set) -> tuple[float, float, float]:
    right = len(gold & found)
    precision = right / max(1, len(found))
    recall = right / max(1, len(gold))
    return precision, recall, 2 * precision * recall / max(1e-9, precision + recall)


def sentence_ids(meta: np.ndarray) -> np.ndarray:
    return meta[:, 0].astype(np.int64) * 100000 + meta[:, 1]


def with_context(x: np.ndarray, meta: np.ndarray) -> np.ndarray:
    """Each word's vector with the WINDOW words' before and after it in its sentence (zeros past the ends),
    stacked [word, 1 before, 1 after, 2 before, 2 after, ...] as source_tagger.SourceTagger builds them."""
    ids = sentence_ids(meta)
    parts = [x.astype(np.float32)]
    for d in range(1, WINDOW + 1):
        before = np.zeros_like(parts[0])
        same = ids[d:] == ids[:-d]
        before[d:][same] = x[:-d][same]
        after = np.zeros_like(parts[0])
        after[:-d][same] = x[d:][same]
        parts += [before, after]
    return np.hstack(parts)


def main() -> None:
    torch.manual_seed(SEED)
    torch.set_num_threads(1)
    train = np.load(WORK / "tagger_train.npz")
    dev = np.load(WORK / "tagger_dev.npz")
    y, meta = train["y"].astype(np.int64), train["meta"]
    x = with_context(train["x"], meta) if CONTEXT else train["x"]
    articles = int(meta[:, 0].max()) + 1
    cut = int(articles * (1 - HELD_OUT))
    fit, held = meta[:, 0] < cut, meta[:, 0] >= cut
    xt = torch.tensor(x[fit], dtype=torch.float32)
    yt = torch.tensor(y[fit])
    xh = torch.tensor(x[held], dtype=torch.float32)
    model = torch.nn.Sequential(torch.nn.Linear(x.shape[1], HIDDEN), torch.nn.ReLU(), torch.nn.Dropout(0.1),
                                torch.nn.Linear(HIDDEN, 5))
    optimiser = torch.optim.Adam(model.parameters(), lr=1e-3, weight_decay=1e-5)
    loss_fn = torch.nn.CrossEntropyLoss()
    held_gold = spans(y[held], sentence_ids(meta[held]), 1)
    best: tuple[float, int, float, dict] = (-1.0, 0, 0.5, {})
    for epoch in range(EPOCHS):
        model.train()
        order = torch.randperm(len(xt))
        for i in range(0, len(order), 1024):
            batch = order[i:i + 1024]
            optimiser.zero_grad()
            loss = loss_fn(model(xt[batch]), yt[batch])
            loss.backward()
            optimiser.step()
        model.eval()
        with torch.no_grad():
            p = torch.softmax(model(xh), 1).numpy()
        for min_score in (0.3, 0.4, 0.5, 0.6):
            found = spans(decode(p, min_score), sentence_ids(meta[held]), 1)
            score = f1(held_gold, found)
            if score[2] > best[0]:
                state = {k: v.detach().clone() for k, v in model.state_dict().items()}
                best = (score[2], epoch, min_score, state)
        print(f"epoch {epoch}: held-out source spans P/R/F1 at 0.5 "
              f"{'/'.join(f'{v:.3f}' for v in f1(held_gold, spans(decode(p, 0.5), sentence_ids(meta[held]), 1)))}",
              flush=True)
    score, epoch, min_score, state = best
    model.load_state_dict(state)
    model.eval()
    print(f"chosen: epoch {epoch}, min_score {min_score}, held-out F1 {score:.3f}")
    with torch.no_grad():
        dev_x = with_context(dev["x"], dev["meta"]) if CONTEXT else dev["x"]
        p = torch.softmax(model(torch.tensor(dev_x, dtype=torch.float32)), 1).numpy()
    dev_ids = sentence_ids(dev["meta"])
    for begin, name in ((1, "source"), (3, "cue")):
        gold = spans(dev["y"].astype(np.int64), dev_ids, begin)
        found = spans(decode(p, min_score), dev_ids, begin)
        print(f"dev {name} spans (exact words) P/R/F1: " + "/".join(f"{v:.3f}" for v in f1(gold, found)))
    if "--install" in sys.argv:
        # Weights in half precision: the file is half the size (the frozen app's budget is tight) and the
        # tagger loads them as float32; its figures were measured with this file.
        w1 = model[0].weight.detach().numpy().T.astype(np.float16)
        b1 = model[0].bias.detach().numpy().astype(np.float32)
        w2 = model[3].weight.detach().numpy().T.astype(np.float16)
        b2 = model[3].bias.detach().numpy().astype(np.float32)
        out = Path(_option("--out", str(OUT)))
        np.savez_compressed(out, w1=w1, b1=b1, w2=w2, b2=b2, min_score=np.float32(min_score),
                            context=np.int8(WINDOW))
        print(f"wrote {out} ({out.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
