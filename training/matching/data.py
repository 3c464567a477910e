"""CheckThat! 2A (English) for "seen before" matching: queries, relevance judgements, vclaims, MAP@5.

Shared by tune_blend.py, finetune_encoder.py and tests/benchmarks/bench_matching.py. A query is
cleaned as the issue says: links and the trailing date removed ("— Name (@handle) Month D, YYYY" keeps
"— Name (@handle)": who posted a tweet is often what its fact-check is about).
"""

from __future__ import annotations

import csv
import json
import re
import tarfile
from pathlib import Path

DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "claim-matching"
QUERIES = DATA / "CT2022-Task2A-EN-Train-Dev_Queries.tsv"
QRELS = {"train": DATA / "CT2022-Task2A-EN-Train_QRELs.tsv", "dev": DATA / "CT2022-Task2A-EN-Dev_QRELs.tsv"}
ARCHIVE = DATA / "vclaims.tar.gz"

_DATE = re.compile(r"(?<=\(@\w)(\w*\))\s+[A-Z][a-z]+ \d{1,2}, \d{4}\s*$")
_URL = re.compile(r"(?:https?://|pic\.twitter\.com/)\S*")


def clean_tweet(text: str) -> str:
    """A tweet without its links and the date of its trailing '— Name (@handle) Month D, YYYY'."""
    text = _DATE.sub(r"\1", text)
    return " ".join(_URL.sub(" ", text).split())


def queries() -> dict[str, str]:
    """Raw tweet text by tweet id (a few rows are CSV-quoted)."""
    with QUERIES.open(encoding="utf-8", newline="") as fh:
        return {row[0]: row[1] for row in csv.reader(fh, delimiter="\t") if len(row) >= 2}


def qrels(split: str) -> dict[str, set[str]]:
    """Relevant vclaim ids by tweet id."""
    found: dict[str, set[str]] = {}
    for line in QRELS[split].read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 4 and parts[3].strip() == "1":
            found.setdefault(parts[0], set()).add(parts[2])
    return found


def vclaims() -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    with tarfile.open(ARCHIVE, "r:gz") as tar:
        for member in tar:
            if member.isfile() and member.name.endswith(".json"):
                handle = tar.extractfile(member)
                if handle is not None:
                    rows.append(json.loads(handle.read().decode("utf-8")))
    return rows


def claim_key(text: str) -> str:
    """How a stored record's claim is matched back to its vclaim(s): whitespace runs are one space."""
    return " ".join(text.split())


def average_precision(ranked: list[set[str]], relevant: set[str], k: int = 5) -> float:
    """AP@k; ``ranked[i]`` is the set of vclaim ids the i-th result stands for (a record whose text
    several vclaims share stands for all of them). Each relevant vclaim is credited once."""
    hits, total, seen = 0, 0.0, set()
    for i, ids in enumerate(ranked[:k]):
        new = (ids & relevant) - seen
        if new:
            seen |= new
            hits += 1
            total += hits / (i + 1)
    return total / min(len(relevant), k) if relevant else 0.0


def fold(tweet_id: str) -> str:
    """'a' or 'b': a fixed half of the train tweets, to fine-tune on one half and tune the blend on
    the other (a blend tuned on the tweets the encoder was trained on would trust cosine too much)."""
    return "a" if int(tweet_id.rsplit("-", 1)[1]) % 2 == 0 else "b"
