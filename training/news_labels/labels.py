"""Check, build and load the news labels.

Labellers write ``raw/<batch>.jsonl``, one line per sentence item:
``{"doc": "train/<name>", "i": 3, "cw": true, "kind": "statistic", "speaker": "Bernie Sanders"}``
where the speaker is copied exactly from the article ("" for the article's own voice; several
parties joined with "; "). `build` turns them into ``labels.jsonl``: offsets and labels only, no
article text (a speaker is stored as the span of its first occurrence in the article; a sentence
carries a short hash of its text so that `load` can prove the offsets still point at it).

    python training/news_labels/labels.py check raw/*.jsonl   # every item labelled, speakers found
    python training/news_labels/labels.py build              # raw/*.jsonl -> labels.jsonl
    python training/news_labels/labels.py stats
"""

from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402

HERE = Path(__file__).resolve().parent
KINDS = ("statistic", "prediction", "causal", "comparison", "quotation", "other")
LABELS = HERE / "labels.jsonl"


@dataclass(frozen=True)
class Label:
    doc: str
    split: str  # "train" or "dev": by article (PolNeAR's own compartment)
    start: int
    end: int
    text: str
    checkworthy: bool
    kind: str
    speaker: str  # "" = the article's own voice; parties joined with "; "
    speaker_spans: tuple[tuple[int, int], ...]


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def _find_speaker(text: str, speaker: str) -> list[tuple[int, int]] | None:
    spans = []
    for part in speaker.split("; ") if speaker else []:
        at = text.find(part)
        if at < 0:
            return None
        spans.append((at, at + len(part)))
    return spans


def _read_raw(paths: list[Path]) -> tuple[dict[tuple[str, int], dict], list[str]]:
    rows: dict[tuple[str, int], dict] = {}
    problems = []
    for path in paths:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                key = (row["doc"], int(row["i"]))
            except (ValueError, KeyError, TypeError) as exc:
                problems.append(f"{path.name}:{n}: not a label line ({exc})")
                continue
            if key in rows:
                problems.append(f"{path.name}:{n}: {key} labelled twice")
            rows[key] = row
    return rows, problems


def check(paths: list[Path], *, require_all_docs: bool = False) -> list[str]:
    rows, problems = _read_raw(paths)
    docs = sorted({doc for doc, _ in rows})
    if require_all_docs:
        docs = corpus_docs()
    for doc in docs:
        text = corpus.text_of(doc)
        count = len(corpus.items(text))
        for i in range(count):
            row = rows.get((doc, i))
            if row is None:
                problems.append(f"{doc} [{i}]: not labelled")
                continue
            if not isinstance(row.get("cw"), bool):
                problems.append(f"{doc} [{i}]: cw must be true or false")
            if row.get("kind") not in KINDS:
                problems.append(f"{doc} [{i}]: kind {row.get('kind')!r} is not one of {KINDS}")
            speaker = row.get("speaker")
            if not isinstance(speaker, str) or _find_speaker(text, speaker) is None:
                problems.append(f"{doc} [{i}]: speaker {speaker!r} is not written exactly as in the article")
        extra = [i for d, i in rows if d == doc and i >= count]
        if extra:
            problems.append(f"{doc}: items {extra} do not exist")
    return problems


def corpus_docs() -> list[str]:
    return [line for line in (HERE / "articles.txt").read_text(encoding="utf-8").splitlines() if line]


def build() -> int:
    raw = sorted((HERE / "raw").glob("batch*.jsonl"))
    problems = check(raw, require_all_docs=True)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    rows, _ = _read_raw(raw)
    out = []
    for doc in corpus_docs():
        text = corpus.text_of(doc)
        for i, (start, end) in enumerate(corpus.items(text)):
            row = rows[(doc, i)]
            spans = _find_speaker(text, row["speaker"]) or []
            out.append(json.dumps({
                "doc": doc, "start": start, "end": end, "sha1": _digest(text[start:end]),
                "checkworthy": row["cw"], "kind": row["kind"], "speaker": [list(s) for s in spans]}))
    LABELS.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"{len(out)} labels from {len(corpus_docs())} articles -> {LABELS.relative_to(corpus.ROOT)}")
    return 0


def load(split: str | None = None) -> list[Label]:
    """The labels with their text rebuilt from ../shared/data; raises ValueError if a span moved."""
    texts: dict[str, str] = {}
    out = []
    for line in LABELS.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        doc = row["doc"]
        row_split = doc.split("/", 1)[0]
        if split is not None and row_split != split:
            continue
        text = texts.get(doc)
        if text is None:
            text = texts[doc] = corpus.text_of(doc)
        sentence = text[row["start"]:row["end"]]
        if _digest(sentence) != row["sha1"]:
            raise ValueError(f"{doc} {row['start']}-{row['end']}: the article text changed; labels no longer match")
        spans = tuple((s, e) for s, e in row["speaker"])
        out.append(Label(doc, row_split, row["start"], row["end"], sentence, row["checkworthy"], row["kind"],
                         "; ".join(text[s:e] for s, e in spans), spans))
    return out


def stats() -> None:
    labels = load()
    for split in ("train", "dev"):
        part = [x for x in labels if x.split == split]
        cw = sum(x.checkworthy for x in part)
        print(f"{split}: {len(part)} sentences from {len({x.doc for x in part})} articles, "
              f"{cw} check-worthy ({cw / len(part):.0%}), {sum(bool(x.speaker) for x in part)} with a speaker")
        for kind in KINDS:
            print(f"  {kind:<11} {sum(x.kind == kind for x in part)}")


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "check"
    if command == "check":
        found = check([Path(p) for p in sys.argv[2:]] or sorted((HERE / "raw").glob("batch*.jsonl")))
        print("\n".join(found) or "ok")
        sys.exit(1 if found else 0)
    if command == "build":
        sys.exit(build())
    if command == "stats":
        stats()
