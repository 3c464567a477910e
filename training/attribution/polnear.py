"""Read PolNeAR (../shared/data/polnear): article texts and their hand-annotated attributions.

One annotation file per article: where several annotators labelled the same article, the first
file in name order is used, so that no attribution is counted twice. Spans are character offsets
into the article text; a discontinuous span ("2103 2168;2170 2425") keeps its pieces.
Research use only: nothing here is copied into the project.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("REVIEWER_SHARED_DATA", ROOT.parent / "shared" / "data"))
POLNEAR = SHARED / "polnear" / "data"

Span = tuple[tuple[int, int], ...]

# A Source that is only a pronoun ("he", "they", "I") rather than a name or a description.
PRONOUNS = frozenset("""
i me my we us our you your he him his she her it its they them their who whom which that this these those
one someone somebody anyone everyone itself himself herself themselves myself ourselves yourself
""".split())


@dataclass(frozen=True)
class Relation:
    source: Span | None
    cue: Span | None
    content: Span

    def source_text(self, text: str) -> str:
        return " ".join(text[s:e] for s, e in self.source or ())

    def cue_text(self, text: str) -> str:
        return " ".join(text[s:e] for s, e in self.cue or ())


@dataclass(frozen=True)
class Article:
    name: str
    text: str
    relations: tuple[Relation, ...]


def is_pronoun(mention: str) -> bool:
    words = re.findall(r"[a-z']+", mention.lower())
    return bool(words) and all(w in PRONOUNS for w in words)


def _span(field: str) -> Span:
    return tuple((int(a), int(b)) for a, b in (piece.split() for piece in field.split(";")))


def parse(ann: str) -> list[Relation]:
    spans: dict[str, Span] = {}
    events: list[dict[str, str]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].startswith("T"):
            kind, _, where = parts[1].partition(" ")
            if kind in ("Source", "Cue", "Content"):
                try:
                    spans[parts[0]] = _span(where)
                except ValueError:
                    continue
        elif len(parts) >= 2 and parts[0].startswith("E"):
            roles = dict(role.split(":", 1) for role in parts[1].split() if ":" in role)
            events.append(roles)
    out = []
    for roles in events:
        content = spans.get(roles.get("Content", ""))
        if content is None:
            continue
        out.append(Relation(spans.get(roles.get("Source", "")), spans.get(roles.get("Cue", "")), content))
    return out


def articles(compartment: str) -> list[Article]:
    """Every article of a compartment ("train", "dev") with one annotator's attributions."""
    folder = POLNEAR / compartment
    chosen: dict[str, Path] = {}
    for path in sorted((folder / "attributions").glob("*.ann")):
        name = re.sub(r"_[0-9a-f]{4}$", "", path.stem)
        chosen.setdefault(name, path)
    out = []
    for name, path in sorted(chosen.items()):
        text_path = folder / "text" / f"{name}.txt"
        if not text_path.is_file():
            continue
        out.append(Article(name, text_path.read_text(encoding="utf-8"),
                           tuple(parse(path.read_text(encoding="utf-8")))))
    return out


def available() -> bool:
    return (POLNEAR / "dev" / "text").is_dir()
