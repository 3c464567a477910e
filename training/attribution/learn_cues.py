"""Learn the attribution cue lexicon from PolNeAR train (never dev or test).

For every word n-gram (1 to 3 words, lower case) that lies inside an annotated Cue at least
MIN_CUE times, counts how often it occurs in the training texts at all and how often as (part of)
a cue, and on which side of the cue the Source stands. Keeps the n-grams whose cue rate reaches
MIN_RATE. Writes resources/model/attribution_cues.json:

    {"version": 1, "source": "...", "cues": {"said": [cue_count, total_count, source_after_count], ...},
     "never_source": ["was", "is", ...]}

"never_source" lists the lower-case words that are frequent in the texts (MIN_TOTAL_WORD) but
almost never (MAX_SOURCE_RATE) inside an annotated Source: a source phrase never holds them.

No article text is stored: only short cue phrases and counts.

    python training/attribution/learn_cues.py            # prints the head of the lexicon
    python training/attribution/learn_cues.py --install  # writes the JSON
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import polnear  # noqa: E402

OUT = polnear.ROOT / "resources" / "model" / "attribution_cues.json"
MIN_CUE = 4
MIN_RATE = 0.2
MIN_TOTAL_WORD = 25
MAX_SOURCE_RATE = 0.004
# The run-time tokeniser (reviewer/core/extraction/cues.py) must split text the same way.
TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*|[0-9]+|[^\sA-Za-z0-9]")


def learn(articles: list[polnear.Article]) -> dict[str, list[int]]:
    in_cue: Counter[str] = Counter()
    after: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for article in articles:
        tokens = [(m.start(), m.end(), m.group(0).lower().replace("’", "'")) for m in TOKEN.finditer(article.text)]
        owner = [-1] * len(tokens)  # which relation's cue holds the token
        side = [False] * len(tokens)  # the source of that relation stands after its cue
        starts = [t[0] for t in tokens]
        import bisect

        for n, relation in enumerate(article.relations):
            if not relation.cue:
                continue
            source_after = bool(relation.source) and relation.source[0][0] > relation.cue[0][0]  # type: ignore[index]
            for s, e in relation.cue:
                i = bisect.bisect_left(starts, s)
                while i < len(tokens) and tokens[i][1] <= e:
                    owner[i], side[i] = n, source_after
                    i += 1
        for i in range(len(tokens)):
            for size in (1, 2, 3):
                if i + size > len(tokens):
                    break
                gram = " ".join(t[2] for t in tokens[i:i + size])
                total[gram] += 1
                if owner[i] >= 0 and all(owner[j] == owner[i] for j in range(i, i + size)):
                    in_cue[gram] += 1
                    after[gram] += side[i]
    out = {}
    for gram, count in in_cue.items():
        if count >= MIN_CUE and count / total[gram] >= MIN_RATE:
            out[gram] = [count, total[gram], after[gram]]
    return out


def stem(word: str) -> str:
    """A crude stem shared by a verb's forms (said/says/say differ; recommends/recommended do not).
    Kept in step with reviewer/core/extraction/cues.py."""
    for suffix in ("ing", "ed", "es", "s", "d"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[:-len(suffix)]
    return word


def stems(lexicon: dict[str, list[int]], articles: list[polnear.Article]) -> dict[str, list[int]]:
    """Cue counts of one-word cues pooled by stem, so that an unseen form of a seen verb
    ("recommends" when only "recommended" was annotated) is still a cue."""
    pooled: dict[str, list[int]] = {}
    for gram, (cue, _total, after) in lexicon.items():
        if " " in gram or not gram.isalpha():
            continue
        entry = pooled.setdefault(stem(gram), [0, 0, 0])
        entry[0] += cue
        entry[2] += after
    totals: Counter[str] = Counter()
    for article in articles:
        for m in TOKEN.finditer(article.text):
            key = stem(m.group(0).lower())
            if key in pooled:
                totals[key] += 1
    return {key: [cue, totals[key], after] for key, (cue, _, after) in pooled.items()
            if totals[key] and cue / totals[key] >= MIN_RATE}


def never_sources(articles: list[polnear.Article]) -> list[str]:
    """Lower-case words frequent in the texts but (almost) never inside an annotated Source: verbs,
    auxiliaries and the like, at which a source phrase ends ("Flint debate was" is no source)."""
    import bisect

    inside: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for article in articles:
        spans = sorted(s for r in article.relations if r.source for s in r.source)
        starts = [s for s, _ in spans]
        for m in TOKEN.finditer(article.text):
            word = m.group(0)
            if not word.isalpha() or not word.islower():
                continue
            total[word] += 1
            i = bisect.bisect_right(starts, m.start()) - 1
            if i >= 0 and spans[i][0] <= m.start() and m.end() <= spans[i][1]:
                inside[word] += 1
    return sorted(w for w, n in total.items() if n >= MIN_TOTAL_WORD and inside[w] / n < MAX_SOURCE_RATE)


def main() -> None:
    articles = polnear.articles("train")
    lexicon = learn(articles)
    never = never_sources(articles)
    pooled = stems(lexicon, articles)
    print(f"{len(never)} words never in a source, e.g. {never[:40]}")
    ranked = sorted(lexicon.items(), key=lambda kv: -kv[1][0])
    print(f"{len(lexicon)} cue n-grams")
    for gram, (cue, total, after) in ranked[:80]:
        print(f"  {gram!r}: {cue}/{total} = {cue / total:.2f}, source after {after / cue:.2f}")
    if "--install" in sys.argv:
        data = {"version": 1, "min_cue": MIN_CUE, "min_rate": MIN_RATE,
                "source": "PolNeAR v1.0.0 train (Newell, Margolin, Ruths 2018): cue n-grams, counts only",
                "cues": dict(sorted(lexicon.items())), "never_source": never,
                "stems": dict(sorted(pooled.items()))}
        OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
