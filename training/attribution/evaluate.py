"""Score Reviewer's speakers against PolNeAR attributions (and the news labels when they exist).

The rule (also written in tests/benchmarks/bench_attribution.py):
- each attribution with a Source is looked up in `extract_claims(text)`: the claim that overlaps
  its Content most is "the claim holding the content" (no overlapping claim = a miss);
- that claim "gets" the source when the claim's speaker, or the mention it underlines
  (text[speaker_start:speaker_end]), matches the source mention: both are normalised (lower case,
  curly quotes straightened, possessive 's, punctuation and honorifics dropped, words split on spaces) and
  one's words are a contiguous run of the other's words ("Trump" in "Donald Trump", "Donald Trump"
  in "Republican nominee Donald Trump"); the shorter side must hold a word that is not a function
  word ("the", "a", "of", ...), so "the" never matches anything;
- name-or-description sources: the mention is not only pronouns (see polnear.is_pronoun);
- pronoun sources resolved: the gold pronoun stands for the nearest preceding name-or-description
  source in the same article; the claim's speaker (not the underlined "he") must match that.

    python training/attribution/evaluate.py [train|dev] [--misses N] [--final [MODE]]

prints figures (and misses). The fast pass uses the rules alone; --final scores the final pass, where
the source tagger's spans are combined with the rules (MODE: combined, the default, or tagger).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import polnear  # noqa: E402

from reviewer.core.extraction import ExtractedClaim, extract_claims  # noqa: E402

FUNCTION_WORDS = frozenset("the a an of in on for to and or at by with from s mr mrs ms dr".split())


# Honorifics are no part of a name (news-guidelines.md: "the fullest name, without honorifics"): "Mr. Putin"
# is matched by "Vladimir V. Putin". Until 2026-12-07 they were kept, and such pairs counted as misses.
HONORIFICS = frozenset("mr mrs ms dr".split())


def words(text: str) -> list[str]:
    text = text.lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"'s\b", "", text)
    return [w for w in re.findall(r"[a-z0-9]+", text) if w not in HONORIFICS]


def _contains(big: Sequence[str], small: Sequence[str]) -> bool:
    if not small or not any(w not in FUNCTION_WORDS for w in small):
        return False
    n = len(small)
    return any(list(big[i : i + n]) == list(small) for i in range(len(big) - n + 1))


def matches(found: str | None, gold: str) -> bool:
    """The normalised-containment rule above, for one found string against one gold mention."""
    if not found:
        return False
    a, b = words(found), words(gold)
    return _contains(a, b) or _contains(b, a)


def holding_claim(claims: Sequence[ExtractedClaim], spans: Iterable[tuple[int, int]]) -> ExtractedClaim | None:
    best, best_overlap = None, 0
    spans = list(spans)
    for claim in claims:
        overlap = sum(max(0, min(claim.end, e) - max(claim.start, s)) for s, e in spans)
        if overlap > best_overlap:
            best, best_overlap = claim, overlap
    return best


def mention_of(text: str, claim: ExtractedClaim) -> str | None:
    if claim.speaker_start is None or claim.speaker_end is None:
        return None
    return text[claim.speaker_start : claim.speaker_end]


# The reporting constructions news-guidelines.md lists for a speaker (said, told, stated, added, announced, warned,
# claimed, argued, accused, criticised, "called it", urged, pleaded, recommended, reported, found, estimated, cited,
# wrote, tweeted, ruled, "according to X", "per X", "X reports", "in a statement"), in any inflection, and the
# colon or missing cue of a quotation. PolNeAR also annotates actions and attitudes ("endorsed", "wants", "in",
# "supporting"), which the guidelines leave to the article's own voice; the two are reported apart.
REPORTING_CUE = re.compile(
    r"\b(?:s(?:ay|ays|aid|aying)|t(?:ell|ells|old|elling)|stat(?:e|es|ed|ing|ement)|add(?:s|ed|ing)?|"
    r"announc\w*|warn\w*|claim\w*|argu\w*|accus\w*|criticiz\w*|criticis\w*|call(?:s|ed|ing)?|urg\w*|plead\w*|"
    r"recommend\w*|report\w*|f(?:ind|inds|ound|inding)|estimat\w*|cit(?:e|es|ed|ing)|wr(?:ite|ites|ote|iting)|"
    r"tweet\w*|rul(?:e|es|ed|ing)|according|per)\b",
    re.IGNORECASE,
)


def reporting_cue(cue: str) -> bool:
    return not cue.strip() or cue.strip() == ":" or REPORTING_CUE.search(cue) is not None


@dataclass
class Score:
    named: int = 0
    named_right: int = 0
    named_none: int = 0  # the claim got no speaker at all
    reporting: int = 0  # named sources whose cue is one of news-guidelines.md's reporting constructions
    reporting_right: int = 0
    pronoun: int = 0
    pronoun_right: int = 0
    claims: int = 0
    claims_with_speaker: int = 0
    spurious: int = 0  # a speaker on a claim that overlaps no attributed content
    misses: list[tuple[str, str, str | None, str | None, str]] = field(default_factory=list)

    def lines(self) -> list[str]:
        both = self.named + self.pronoun
        return [
            f"name-or-description sources: {self.named_right}/{self.named} = {self.named_right / max(1, self.named):.1%}"
            f" (no speaker at all: {self.named_none / max(1, self.named):.1%})",
            f"  of those, cue a reporting construction of news-guidelines.md: {self.reporting_right}/{self.reporting} = "
            f"{self.reporting_right / max(1, self.reporting):.1%}; other cues (actions, attitudes): "
            f"{self.named_right - self.reporting_right}/{self.named - self.reporting} = "
            f"{(self.named_right - self.reporting_right) / max(1, self.named - self.reporting):.1%}",
            f"pronoun sources resolved to their name: {self.pronoun_right}/{self.pronoun} = "
            f"{self.pronoun_right / max(1, self.pronoun):.1%}",
            f"all sources (pronouns resolved): {self.named_right + self.pronoun_right}/{both} = "
            f"{(self.named_right + self.pronoun_right) / max(1, both):.1%}",
            f"claims with a speaker: {self.claims_with_speaker}/{self.claims}; of those, on no annotated content: "
            f"{self.spurious / max(1, self.claims_with_speaker):.1%}",
        ]


def score_article(
    article: polnear.Article, score: Score, claims: Sequence[ExtractedClaim] | None = None, quality: str = "fast"
) -> None:
    text = article.text
    if claims is None:
        claims = extract_claims(text, quality=quality)
    relations = sorted((r for r in article.relations if r.source), key=lambda r: r.source[0][0])  # type: ignore[index]
    last_name: str | None = None
    covered = [False] * len(claims)
    index = {id(c): i for i, c in enumerate(claims)}
    for relation in article.relations:
        claim = holding_claim(claims, relation.content)
        if claim is not None:
            covered[index[id(claim)]] = True
    for relation in relations:
        mention = relation.source_text(text)
        claim = holding_claim(claims, relation.content)
        speaker = claim.speaker if claim else None
        underlined = mention_of(text, claim) if claim else None
        if polnear.is_pronoun(mention):
            if last_name is None:
                continue
            score.pronoun += 1
            if matches(speaker, last_name):
                score.pronoun_right += 1
            continue
        last_name = mention
        score.named += 1
        reporting = reporting_cue(relation.cue_text(text))
        score.reporting += reporting
        if matches(speaker, mention) or matches(underlined, mention):
            score.named_right += 1
            score.reporting_right += reporting
        else:
            if speaker is None:
                score.named_none += 1
            sentence = claim.text if claim else "(no claim)"
            score.misses.append((article.name, mention, speaker, underlined, sentence))
    score.claims += len(claims)
    for claim, hit in zip(claims, covered):
        if claim.speaker:
            score.claims_with_speaker += 1
            if not hit:
                score.spurious += 1


def score_polnear(compartment: str, quality: str = "fast") -> Score:
    score = Score()
    for article in polnear.articles(compartment):
        score_article(article, score, quality=quality)
    return score


def score_news_labels(
    split: str, quality: str = "fast", claims_of=None, only=None
) -> tuple[int, int, list[tuple[str, str, str | None]]] | None:
    """(right, total, misses) for check-worthy label sentences with a speaker, or None without labels.
    `claims_of(doc, text)` gives a document's claims (default: extract_claims at `quality`); `only(doc)`, when
    given, keeps the documents it is true for (the science articles are "<split>/science-<id>")."""
    folder = polnear.ROOT / "training" / "news_labels"
    if not (folder / "labels.jsonl").is_file():
        return None
    sys.path.insert(0, str(folder))
    import labels  # type: ignore[import-not-found]

    by_doc: dict[str, list] = {}
    for label in labels.load(split):
        if label.checkworthy and label.speaker and (only is None or only(label.doc)):
            by_doc.setdefault(label.doc, []).append(label)
    right = total = 0
    misses = []
    import corpus  # type: ignore[import-not-found]

    for doc, items in by_doc.items():
        text = corpus.text_of(doc)
        claims = claims_of(doc, text) if claims_of else extract_claims(text, quality=quality)
        for label in items:
            total += 1
            claim = holding_claim(claims, [(label.start, label.end)])
            speaker = claim.speaker if claim else None
            if any(matches(speaker, part) for part in label.speaker.split("; ")):
                right += 1
            else:
                misses.append((label.text[:120], label.speaker, speaker))
    return right, total, misses


def main() -> None:
    compartment = sys.argv[1] if len(sys.argv) > 1 else "train"
    show = int(sys.argv[sys.argv.index("--misses") + 1]) if "--misses" in sys.argv else 0
    quality = "fast"
    if "--final" in sys.argv:
        from reviewer.core.extraction import speakers

        quality = "final"
        after = sys.argv[sys.argv.index("--final") + 1 :]
        speakers.Attributor.tagger_mode = after[0] if after and not after[0].startswith("-") else "combined"
    score = score_polnear(compartment, quality)
    print(f"PolNeAR {compartment} ({quality} pass):")
    for line in score.lines():
        print("  " + line)
    import random

    random.Random(1).shuffle(score.misses)
    for name, mention, speaker, underlined, sentence in score.misses[:show]:
        print(f"- gold {mention!r} got {speaker!r} [{underlined!r}] :: {sentence[:220]!r}")
    news = score_news_labels(compartment, quality)
    if news is not None:
        right, total, misses = news
        print(f"news labels {compartment}: {right}/{total} = {right / max(1, total):.1%}")
        for sentence, gold, got in misses[:show]:
            print(f"- gold {gold!r} got {got!r} :: {sentence!r}")


if __name__ == "__main__":
    main()
