"""Train the source tagger's head on frozen token vectors (tagger_data.py) from PolNeAR train.

A one-hidden-layer MLP ((2 WINDOW + 1) x 384 -> HIDDEN -> 5 tags, ReLU, softmax) trained with Adam on the
first wordpiece of every word of the train sentences, each with the WINDOW words before and after it
(--window N, default 2; --no-context: the word's own vector only); the last HELD_OUT share of train articles is held
out to choose the epoch count and `min_score` (the probability a word needs to begin a span),
by exact-span F1 of source spans. Dev is only reported, never used to choose.

    python training/attribution/train_tagger.py            # trains, prints held-out and dev figures
    python training/attribution/train_tagger.py --install  # and writes resources/model/source_tagger.npz
    python training/attribution/train_tagger.py --window 1 --epochs 10 --out /tmp/tagger.npz --install
    python training/attribution/train_tagger.py --rnn 64 --epochs 14 --install   # the shipped head since 2026-12-07

--rnn H trains a different head (RecurrentHead below): each word's vector projected to H, a bidirectional GRU over
the whole sentence, and a linear layer to the tags; it is trained a sentence at a time, the same held-out articles
choosing the epoch and `min_score`. --shapes adds each word's capitals (source_tagger.word_shapes: the
transformer is uncased) beside its vector.

Dev source spans (exact words) P/R/F1 on 2026-12-07: window 1 (10 epochs, the tagger shipped until then)
0.580/0.439/0.500; window 2 (5 epochs) 0.570/0.480/0.521; window 2 with 256 hidden units 0.605/0.458/0.521.
GRU heads (--rnn, 8 epochs): H=64 0.718/0.612/0.661 (145 KB); H=128 0.723/0.631/0.674 (467 KB, but two news
labels fewer in the final pass than H=64, and twice the time). H=64, 14 epochs (epoch 12 chosen): 0.707/0.650/0.677,
shipped; with --shapes, 10 epochs: 0.703/0.656/0.679 (final pass: held-out train 82.4% against 82.1%, PolNeAR dev
75.1% against 76.3%, news dev 41 against 42 of 64; not shipped).
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
SEED = int(_option("--seed", "14"))


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


def report_dev(dev: np.lib.npyio.NpzFile, p: np.ndarray, min_score: float) -> None:
    """Print exact-word P/R/F1 of source and cue spans on dev, from the head's tag probabilities `p`."""
    dev_ids = sentence_ids(dev["meta"])
    for begin, name in ((1, "source"), (3, "cue")):
        gold = spans(dev["y"].astype(np.int64), dev_ids, begin)
        found = spans(decode(p, min_score), dev_ids, begin)
        print(f"dev {name} spans (exact words) P/R/F1: " + "/".join(f"{v:.3f}" for v in f1(gold, found)))


def sentence_bounds(meta: np.ndarray) -> list[tuple[int, int]]:
    """(first row, end row) of each sentence's words, in order."""
    ids = sentence_ids(meta)
    cuts = np.flatnonzero(ids[1:] != ids[:-1]) + 1
    edges = np.concatenate([[0], cuts, [len(ids)]])
    return list(zip(edges[:-1].tolist(), edges[1:].tolist()))


class RecurrentHead(torch.nn.Module):
    """--rnn H: each word's vector projected to H (ReLU), a bidirectional GRU (H each way) over its sentence,
    and a linear layer over [projection, forward, backward] to the tags; source_tagger.RecurrentTagger
    runs the same arithmetic in numpy."""

    def __init__(self, width: int, hidden: int):
        super().__init__()
        self.project = torch.nn.Linear(width, hidden)
        self.gru = torch.nn.GRU(hidden, hidden, batch_first=True, bidirectional=True)
        self.dropout = torch.nn.Dropout(0.1)
        self.out = torch.nn.Linear(3 * hidden, 5)

    def forward(self, x: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        h = self.dropout(torch.relu(self.project(x)))
        packed = torch.nn.utils.rnn.pack_padded_sequence(h, lengths, batch_first=True, enforce_sorted=False)
        both, _ = self.gru(packed)
        both, _ = torch.nn.utils.rnn.pad_packed_sequence(both, batch_first=True, total_length=x.shape[1])
        return self.out(self.dropout(torch.cat([h, both], dim=2)))


def _padded(x: np.ndarray, bounds: list[tuple[int, int]]) -> tuple[torch.Tensor, torch.Tensor]:
    longest = max(e - s for s, e in bounds)
    out = np.zeros((len(bounds), longest, x.shape[1]), dtype=np.float32)
    for i, (s, e) in enumerate(bounds):
        out[i, : e - s] = x[s:e]
    return torch.tensor(out), torch.tensor([e - s for s, e in bounds])


def rnn_probabilities(model: RecurrentHead, x: np.ndarray, bounds: list[tuple[int, int]]) -> np.ndarray:
    model.eval()
    p = np.zeros((len(x), 5), dtype=np.float32)
    with torch.no_grad():
        for i in range(0, len(bounds), 256):
            part = bounds[i:i + 256]
            xb, lengths = _padded(x, part)
            probs = torch.softmax(model(xb, lengths), 2).numpy()
            for k, (s, e) in enumerate(part):
                p[s:e] = probs[k, : e - s]
    return p


SHAPES = "--shapes" in sys.argv  # --rnn only: each word's shape (source_tagger.word_shapes) beside its vector


def with_shapes(data: np.lib.npyio.NpzFile, compartment: str) -> np.ndarray:
    """The words' vectors with their shapes appended, as source_tagger.SourceTagger.spans_of_all builds them."""
    from reviewer.core.extraction.source_tagger import word_shapes

    x, meta = data["x"], data["meta"]
    if not SHAPES:
        return x
    texts = [article.text for article in polnear.articles(compartment)]
    shapes = np.zeros((len(x), 3), dtype=np.float32)
    for s, e in sentence_bounds(meta):
        text = texts[int(meta[s, 0])]
        shapes[s:e] = word_shapes(text, [(int(a), int(b)) for a, b in meta[s:e, 2:4]])
    return np.hstack([x.astype(np.float32), shapes])


def train_rnn(hidden: int) -> None:
    torch.manual_seed(SEED)
    torch.set_num_threads(1)
    train = np.load(WORK / "tagger_train.npz")
    dev = np.load(WORK / "tagger_dev.npz")
    x, y, meta = with_shapes(train, "train"), train["y"].astype(np.int64), train["meta"]
    articles = int(meta[:, 0].max()) + 1
    cut = int(articles * (1 - HELD_OUT))
    bounds = sentence_bounds(meta)
    fit = [b for b in bounds if meta[b[0], 0] < cut]
    held = [b for b in bounds if meta[b[0], 0] >= cut]
    held_rows = np.concatenate([np.arange(s, e) for s, e in held])
    held_gold = spans(y[held_rows], sentence_ids(meta[held_rows]), 1)
    model = RecurrentHead(x.shape[1], hidden)
    optimiser = torch.optim.Adam(model.parameters(), lr=1e-3, weight_decay=1e-5)
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=-1)
    best: tuple[float, int, float, dict] = (-1.0, 0, 0.5, {})
    rng = np.random.default_rng(SEED)
    for epoch in range(EPOCHS):
        model.train()
        order = rng.permutation(len(fit))
        for i in range(0, len(order), 32):
            part = [fit[k] for k in order[i:i + 32]]
            xb, lengths = _padded(x, part)
            yb = torch.full(xb.shape[:2], -1, dtype=torch.long)
            for k, (s, e) in enumerate(part):
                yb[k, : e - s] = torch.tensor(y[s:e])
            optimiser.zero_grad()
            loss = loss_fn(model(xb, lengths).reshape(-1, 5), yb.reshape(-1))
            loss.backward()
            optimiser.step()
        p = rnn_probabilities(model, x, held)[held_rows]
        for min_score in (0.3, 0.4, 0.5, 0.6):
            score = f1(held_gold, spans(decode(p, min_score), sentence_ids(meta[held_rows]), 1))
            if score[2] > best[0]:
                best = (score[2], epoch, min_score, {k: v.detach().clone() for k, v in model.state_dict().items()})
        print(f"epoch {epoch}: held-out source spans P/R/F1 at 0.5 "
              f"{'/'.join(f'{v:.3f}' for v in f1(held_gold, spans(decode(p, 0.5), sentence_ids(meta[held_rows]), 1)))}",
              flush=True)
    score, epoch, min_score, state = best
    model.load_state_dict(state)
    print(f"chosen: epoch {epoch}, min_score {min_score}, held-out F1 {score:.3f}")
    dev_bounds = sentence_bounds(dev["meta"])
    p = rnn_probabilities(model, with_shapes(dev, "dev"), dev_bounds)
    report_dev(dev, p, min_score)
    if "--install" in sys.argv:
        weights = {k: v.detach().numpy() for k, v in model.state_dict().items()}
        out = Path(_option("--out", str(OUT)))
        np.savez_compressed(
            out,
            kind=np.str_("gru"),
            project_w=weights["project.weight"].T.astype(np.float16),
            project_b=weights["project.bias"].astype(np.float32),
            **{f"gru_{name}": weights[f"gru.{name}"].astype(np.float16 if "weight" in name else np.float32)
               for name in ("weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0", "weight_ih_l0_reverse",
                            "weight_hh_l0_reverse", "bias_ih_l0_reverse", "bias_hh_l0_reverse")},
            out_w=weights["out.weight"].T.astype(np.float16),
            out_b=weights["out.bias"].astype(np.float32),
            min_score=np.float32(min_score),
            shapes=np.int8(SHAPES),
        )
        print(f"wrote {out} ({out.stat().st_size:,} bytes)")


def main() -> None:
    if "--rnn" in sys.argv:
        train_rnn(int(_option("--rnn", "64")))
        return
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
    report_dev(dev, p, min_score)
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
