"""Check, store, build and load the news labels (check-worthy, kind, speaker per sentence item).

How the labels were made (see README.md here): two annotators labelled every item independently
(rounds "first" and "second"), an adjudicator decided the items where they differed in any field
("adjudicated"), and the first annotator's procedure re-labelled a random sample of 100 items
blind ("relabel"). The final label is the adjudicated one where the two disagreed, else the
agreed one. The extra train articles of `articles_more.txt` were labelled once, by the first
annotator's procedure (round "more"): train data only, never used to measure.

Annotators write raw lines, one per sentence item, with the speaker copied from the article:
``{"doc": "train/<name>", "i": 3, "cw": true, "kind": "statistic", "speaker": "Bernie Sanders"}``
("" for the article's own voice; several parties joined with "; "). The repository keeps no
article text: `store` turns each round into ``annotations/<round>.jsonl`` with the speaker as
spans of its first occurrence in the article, and every item carries a short hash of its text so
that loading proves the offsets still point at it.

    python training/news_labels/labels.py check FILE...      # raw lines: every item labelled, speakers found
    python training/news_labels/labels.py store ROUND FILE... # raw lines -> annotations/ROUND.jsonl
    python training/news_labels/labels.py build              # annotations -> labels.jsonl
    python training/news_labels/labels.py validate           # rebuild everything from ../shared/data
    python training/news_labels/labels.py stats
    python training/news_labels/labels.py agreement         # between annotators, and blind re-label
    python training/news_labels/labels.py sample             # the 100 items of the blind re-label
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402

HERE = Path(__file__).resolve().parent
KINDS = ("statistic", "prediction", "causal", "comparison", "quotation", "other")
LABELS = HERE / "labels.jsonl"
ANNOTATIONS = HERE / "annotations"
ROUNDS = (
    "first", "second", "adjudicated", "relabel", "more",
    "science", "science_second", "science_adjudicated", "pages", "pages_second", "pages_adjudicated",
)
# Rounds of articles labelled after the first 64: (round, articles file, second round, adjudicated round). Their
# train articles were labelled once; their dev articles twice and independently, the differences adjudicated.
LATER_ROUNDS = (
    ("more", "articles_more.txt", None, None),
    ("science", "articles_science.txt", "science_second", "science_adjudicated"),
    ("pages", "articles_pages.txt", "pages_second", "pages_adjudicated"),
)

Key = tuple[str, int]


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


def _listed(name: str) -> list[str]:
    return [line for line in (HERE / name).read_text(encoding="utf-8").splitlines() if line]


def corpus_docs() -> list[str]:
    """The doubly annotated articles (train and dev)."""
    return _listed("articles.txt")


def read_raw(paths: list[Path]) -> tuple[dict[Key, dict], list[str]]:
    rows: dict[Key, dict] = {}
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


def check(paths: list[Path], *, complete: bool = True) -> list[str]:
    """Problems with raw label lines; `complete`: every item of each article named must be labelled."""
    rows, problems = read_raw(paths)
    for doc in sorted({doc for doc, _ in rows}):
        text = corpus.text_of(doc)
        count = len(corpus.items(text))
        for i in range(count):
            row = rows.get((doc, i))
            if row is None:
                if complete:
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


def store(round_name: str, paths: list[Path]) -> int:
    """Raw lines of one annotation round -> annotations/<round>.jsonl (offsets, no article text)."""
    problems = check(paths, complete=round_name in ("first", "second", "more", "science", "science_second", "pages", "pages_second"))
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    rows, _ = read_raw(paths)
    out = []
    for doc, i in sorted(rows):
        row = rows[(doc, i)]
        text = corpus.text_of(doc)
        start, end = corpus.items(text)[i]
        spans = _find_speaker(text, row["speaker"]) or []
        out.append(json.dumps({"doc": doc, "i": i, "start": start, "end": end, "sha1": _digest(text[start:end]),
                               "cw": row["cw"],
                               "kind": row["kind"], "speaker": [list(s) for s in spans]}))
    ANNOTATIONS.mkdir(exist_ok=True)
    (ANNOTATIONS / f"{round_name}.jsonl").write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"{len(out)} items -> annotations/{round_name}.jsonl")
    return 0


def annotations(round_name: str) -> dict[Key, dict]:
    """One round's labels, with the speaker rebuilt as a string; raises ValueError if a span moved."""
    out: dict[Key, dict] = {}
    path = ANNOTATIONS / f"{round_name}.jsonl"
    texts: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        doc = row["doc"]
        text = texts.get(doc) or texts.setdefault(doc, corpus.text_of(doc))
        # The item's offsets as labelled: a later change to the app's sentence split leaves the labels valid
        start, end = row["start"], row["end"]
        if _digest(text[start:end]) != row["sha1"]:
            raise ValueError(f"{doc} [{row['i']}]: the article text changed; the label no longer matches")
        out[(doc, row["i"])] = {"start": start, "end": end, "cw": row["cw"], "kind": row["kind"],
                                "speaker": "; ".join(text[s:e] for s, e in row["speaker"]),
                                "speaker_spans": row["speaker"]}
    return out


def build() -> int:
    first, second = annotations("first"), annotations("second")
    adjudicated = annotations("adjudicated")
    out = []
    for doc in corpus_docs():
        text = corpus.text_of(doc)
        for key in _items_of(first, doc):
            a, b = first[key], second[key]
            if (a["cw"], a["kind"], _norm(a["speaker"])) == (b["cw"], b["kind"], _norm(b["speaker"])):
                row = a
            elif key in adjudicated:
                row = adjudicated[key]
            else:
                print(f"{doc} [{key[1]}]: the annotators disagree and there is no adjudicated label", file=sys.stderr)
                return 1
            out.append(_final_line(doc, text, row))
    for round_name, listed, second_round, adjudicated_round in LATER_ROUNDS:
        labelled = annotations(round_name)
        second = annotations(second_round) if second_round else {}
        decided = annotations(adjudicated_round) if adjudicated_round else {}
        for doc in _listed(listed):
            text = corpus.text_of(doc)
            keys = _items_of(labelled, doc)
            if not keys:
                print(f"{doc}: not labelled in round {round_name!r}", file=sys.stderr)
                return 1
            for key in keys:
                row = labelled[key]
                if key in second:  # a dev article labelled twice: the agreed label, else the adjudicated one
                    a, b = row, second[key]
                    if (a["cw"], a["kind"], _norm(a["speaker"])) != (b["cw"], b["kind"], _norm(b["speaker"])):
                        if key not in decided:
                            print(f"{doc} [{key[1]}]: the annotators disagree and there is no adjudicated label",
                                  file=sys.stderr)
                            return 1
                        row = decided[key]
                out.append(_final_line(doc, text, row))
    LABELS.write_text("\n".join(out) + "\n", encoding="utf-8")
    articles = len(corpus_docs()) + sum(len(_listed(listed)) for _, listed, _, _ in LATER_ROUNDS)
    print(f"{len(out)} labels from {articles} articles -> {LABELS.relative_to(corpus.ROOT)}")
    return 0


def _items_of(rows: dict[Key, dict], doc: str) -> list[Key]:
    """A document's labelled items in order (the sentence split of the day they were labelled)."""
    return sorted(key for key in rows if key[0] == doc)


def _final_line(doc: str, text: str, row: dict) -> str:
    start, end = row["start"], row["end"]
    return json.dumps({"doc": doc, "start": start, "end": end, "sha1": _digest(text[start:end]),
                       "checkworthy": row["cw"], "kind": row["kind"], "speaker": row["speaker_spans"]})


def fold(doc: str) -> str:
    """'a' or 'b': a fixed half of the articles (by a hash of the name), for cross-fitting."""
    return "a" if hashlib.sha1(doc.encode("utf-8")).digest()[0] % 2 == 0 else "b"


def load(split: str | None = None) -> list[Label]:
    """The final labels with their text rebuilt from ../shared/data; raises ValueError if a span moved."""
    texts: dict[str, str] = {}
    out = []
    for line in LABELS.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        doc = row["doc"]
        row_split = doc.split("/", 1)[0]
        if split is not None and row_split != split:
            continue
        text = texts.get(doc) or texts.setdefault(doc, corpus.text_of(doc))
        sentence = text[row["start"]:row["end"]]
        if _digest(sentence) != row["sha1"]:
            raise ValueError(f"{doc} {row['start']}-{row['end']}: the article text changed; labels no longer match")
        spans = tuple((s, e) for s, e in row["speaker"])
        out.append(Label(doc, row_split, row["start"], row["end"], sentence, row["checkworthy"], row["kind"],
                         "; ".join(text[s:e] for s, e in spans), spans))
    return out


def validate() -> None:
    """Rebuild every round and the final labels from ../shared/data; print what was checked."""
    for round_name in ROUNDS:
        print(f"annotations/{round_name}.jsonl: {len(annotations(round_name))} items, all spans in place")
    labels = load()
    docs = corpus_docs() + [doc for _, listed, _, _ in LATER_ROUNDS for doc in _listed(listed)]
    rounds = ("first",) + tuple(round_name for round_name, _, _, _ in LATER_ROUNDS)
    expected = len({key for round_name in rounds for key in annotations(round_name)})
    if len(labels) != expected:
        raise ValueError(f"labels.jsonl has {len(labels)} items; the articles have {expected}")
    print(f"labels.jsonl: {len(labels)} items from {len(docs)} articles, all spans in place")


def stats() -> None:
    labels = load()
    for split in ("train", "dev"):
        part = [x for x in labels if x.split == split]
        if not part:
            continue
        cw = sum(x.checkworthy for x in part)
        print(f"{split}: {len(part)} sentences from {len({x.doc for x in part})} articles, "
              f"{cw} check-worthy ({cw / len(part):.0%}), {sum(bool(x.speaker) for x in part)} with a speaker")
        for kind in KINDS:
            print(f"  {kind:<11} {sum(x.kind == kind for x in part)}")


def sample(n: int = 100, seed: int = 100) -> list[Key]:
    """The blind re-labelling sample: n items drawn at random (fixed seed) from all articles."""
    labelled = annotations("first")
    keys = [key for doc in corpus_docs() for key in _items_of(labelled, doc)]
    return sorted(random.Random(seed).sample(keys, n))


def _norm(speaker: str) -> str:
    return " ".join(speaker.lower().replace("’", "'").split())


def _agreement(first: dict[Key, dict], second: dict[Key, dict], keys: list[Key]) -> str:
    n = len(keys)
    agree = sum(first[k]["cw"] == second[k]["cw"] for k in keys) / n
    p1 = sum(first[k]["cw"] for k in keys) / n
    p2 = sum(second[k]["cw"] for k in keys) / n
    chance = p1 * p2 + (1 - p1) * (1 - p2)
    kappa = (agree - chance) / (1 - chance) if chance < 1 else 1.0
    kind = sum(first[k]["kind"] == second[k]["kind"] for k in keys) / n
    speaker = sum(_norm(first[k]["speaker"]) == _norm(second[k]["speaker"]) for k in keys) / n
    return (f"{n} items: check-worthy agreement {agree:.1%} (Cohen's kappa {kappa:.2f}; {p1:.0%} vs {p2:.0%} "
            f"positive), kind {kind:.1%}, speaker {speaker:.1%}")


def agreement() -> None:
    first, second, relabel = annotations("first"), annotations("second"), annotations("relabel")
    print("two independent annotators, all items:", _agreement(first, second, sorted(first)))
    print("blind re-label by the first annotator's procedure:", _agreement(first, relabel, sample()))
    for round_name, _, second_round, _ in LATER_ROUNDS:
        if second_round:
            first_pass, second_pass = annotations(round_name), annotations(second_round)
            print(f"two independent annotators, {round_name} dev items:",
                  _agreement(first_pass, second_pass, sorted(second_pass)))


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "validate"
    if command == "check":
        found = check([Path(p) for p in sys.argv[2:]])
        print("\n".join(found) or "ok")
        sys.exit(1 if found else 0)
    elif command == "store":
        sys.exit(store(sys.argv[2], [Path(p) for p in sys.argv[3:]]))
    elif command == "build":
        sys.exit(build())
    elif command == "validate":
        validate()
    elif command == "stats":
        stats()
    elif command == "sample":
        for doc, i in sample():
            print(f"{doc}\t{i}")
    elif command == "agreement":
        agreement()
    else:
        sys.exit(f"unknown command {command!r}; see the module docstring")
