"""Load the shared training data and the debate-disjoint split used by every training script.

Split (mirrors the study in issue 3): train on the debates of 1960-1996, pick thresholds and
calibration on the 2000 debates (validation), report on the 2004 and 2008 debates (test).
The data stays in ../shared/data; nothing is copied into the repository.
"""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def shared_data_dir() -> Path:
    env = os.environ.get("REVIEWER_SHARED_DATA")
    return Path(env) if env else REPO.parent / "shared" / "data"


@dataclass(frozen=True)
class Example:
    text: str
    label: int  # 1 = check-worthy factual (ClaimBuster Verdict == 1)
    verdict: int  # -1, 0, 1 as in ClaimBuster (CLEF lines: 1 or -1)
    file_id: str


def split_of(file_id: str) -> str:
    year = int(file_id[:4])
    if year <= 1996:
        return "train"
    if year == 2000:
        return "val"
    return "test"


def load_claimbuster() -> dict[str, list[Example]]:
    path = shared_data_dir() / "claimbuster-train" / "crowdsourced-1960-2008.csv"
    out: dict[str, list[Example]] = {"train": [], "val": [], "test": []}
    with open(path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            verdict = int(row["Verdict"])
            ex = Example(row["Text"].strip(), int(verdict == 1), verdict, row["File_id"])
            out[split_of(row["File_id"])].append(ex)
    return out


def load_clef() -> list[Example]:
    """CLEF 2019 CheckThat! task 1 training lines (positives = lines fact-checkers checked)."""
    folder = shared_data_dir() / "clef2019-train" / "training"
    out = []
    for path in sorted(folder.glob("*.tsv")):
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                parts = line.rstrip("\n").split("\t")
                if len(parts) < 4:
                    continue
                label = int(parts[3].strip() in ("1", "01"))
                out.append(Example(parts[2].strip(), label, 1 if label else -1, path.name))
    return out


def best_threshold(scores, labels) -> tuple[float, float]:
    """The threshold maximising F1 of the positive class, and that F1."""
    pairs = sorted(zip(scores, labels), key=lambda p: -p[0])
    total_pos = sum(labels)
    tp = 0
    best = (0.0, 1.0)
    for i, (score, label) in enumerate(pairs):
        tp += label
        # only cut between distinct scores
        if i + 1 < len(pairs) and pairs[i + 1][0] == score:
            continue
        f1 = 2 * tp / (i + 1 + total_pos)
        if f1 > best[0]:
            nxt = pairs[i + 1][0] if i + 1 < len(pairs) else score - 1e-6
            best = (f1, (score + nxt) / 2)
    return best[1], best[0]


def f1_at(scores, labels, threshold: float) -> dict[str, float]:
    tp = sum(1 for s, y in zip(scores, labels) if s >= threshold and y)
    fp = sum(1 for s, y in zip(scores, labels) if s >= threshold and not y)
    fn = sum(1 for s, y in zip(scores, labels) if s < threshold and y)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f1}
