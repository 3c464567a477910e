"""Attribution cues in English sentences, from a lexicon learned on PolNeAR train.

`resources/model/attribution_cues.json` holds word n-grams ("said", "according to", "said in a
statement", "tweeted", "called for", ...) with how often each was an annotated cue in the training
articles, how often it occurred at all, and how often its source stood after it ("according to X",
"..., said X"). It is made by training/attribution/learn_cues.py. `find_cues` returns the cues of a
sentence whose learned cue rate reaches MIN_RATE, longest match first, outside quotation marks
when any is. Pure; the lexicon is loaded once and shared read-only by every thread.
"""

from __future__ import annotations

import json
from functools import lru_cache
import re
import threading
from dataclasses import dataclass

from ..resources import resource_path

# Kept in step with training/attribution/learn_cues.py.
TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*|[0-9]+|[^\sA-Za-z0-9]")
MIN_RATE = 0.45
MIN_COUNT = 4
# ... and a word before "that" with no determiner before it, a verb whatever its noun uses ("reports that"), only
# this much (on PolNeAR train, first pass: 8952 -> 9011 of 14017 sources at 0.3, 8967 at 0.45).
VERB_THAT_RATE = 0.3
STEM_RATE = 0.35  # an unseen form of a learnt cue verb ("recommends") needs less: its stem was a cue
# Verbs that report what evidence says. Their learnt rate is low ("found" 0.41: "the body was found", "found
# himself"), but after a study, a report, a poll or researchers they are cues: "A 2014 study … found that".
_EVIDENCE_VERBS = frozenset(
    "found finds find show shows showed shown showing estimated estimates estimate identified measured documented "
    "predicted predicts projected projects calculated tallied counted concluded concludes suggests suggested "
    "reports demonstrates demonstrated confirms reveals".split()  # "…, a major new clinical trial reports."
)
_EVIDENCE_NOUNS = frozenset(
    "study studies report reports survey surveys poll polls analysis analyses review audit investigation "
    "investigators inquiry probe research researchers scientists authors paper data records census trial trials "
    "experiment experiments findings".split()
)
# Words mostly nouns in news ("his claims", "the estimates"), verbs after a name: "Ann Ortiz claims tolls rose".
_NOUN_OR_VERB = frozenset("claims estimates".split())
_AFTER_NOUN = frozenset("of were are have had and or from for about by to in on that which who is was".split())
PER_RATE = 0.9  # "per X" after a comma: PolNeAR has too few to learn it, news-guidelines.md lists it
_AFTER_VERB_REPORTS = frozenset(". , ; that a an the its their some no".split())
_EVIDENCE_REACH = 16  # tokens back from the verb to its evidence noun: "A study that appeared in the BMJ found"
# Words that are only ever part of a longer cue, never a cue alone, whatever their counts say.
_NOT_ALONE = frozenset(":\"“”'’‘,.;-—–()".split()) | frozenset(
    "has have had is was are were be been being also not did do does to in a an the that for about of on with "
    "at by as it its his her their he she they we i you recently repeatedly would will could may might can "
    "who which this there more".split()
)
_MAX_WORDS = 3
_DETERMINERS = frozenset("the a an this that these those its his her their our my your".split())
# '' is how some papers (the New York Times) write a double quotation mark.
_QUOTE_MARK = re.compile("[\u201c\u201d\"]|''")
_OPENERS = ("\u201c", '"', "''")
_CLOSERS = ("\u201d", '"', "''")

_lock = threading.Lock()
_lexicon: dict[tuple[str, ...], tuple[float, float]] | None = None
_longest: dict[str, int] = {}  # a first word -> the longest n-gram of the lexicon it opens
_never: frozenset[str] = frozenset()
_stems: dict[str, tuple[float, float]] = {}


# Words after which a bare stem is a verb: "to rail against", "Rubio and Cruz would echo", "they rail".
_BEFORE_BARE_VERB = frozenset(
    "to would will could should may might can must do does did not never also they we i you".split()
)


def stem(word: str) -> str:
    """Kept in step with training/attribution/learn_cues.py."""
    for suffix in ("ing", "ed", "es", "s", "d"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


@dataclass(frozen=True)
class Cue:
    start: int  # offsets into the sentence
    end: int
    words: str  # lower case, as in the lexicon
    rate: float  # share of training occurrences that were cues
    after: float  # share of training cues whose source stood after them
    quoted: bool  # inside quotation marks


def never_source() -> frozenset[str]:
    """Lower-case words that (almost) never stand inside a source phrase ("was", "put", "because")."""
    _load()
    return _never


def _load() -> dict[tuple[str, ...], tuple[float, float]]:
    global _lexicon, _never, _stems
    if _lexicon is None:
        with _lock:
            if _lexicon is None:
                path = resource_path("model", "attribution_cues.json")
                table: dict[tuple[str, ...], tuple[float, float]] = {}
                try:
                    data = json.loads(path.read_text(encoding="utf-8"))
                    cues = data["cues"]
                    _never = frozenset(str(w) for w in data.get("never_source", []))
                    for key, counts in dict(data.get("stems", {})).items():
                        cue, total, after = (int(x) for x in counts)
                        if cue >= MIN_COUNT and total:
                            _stems[str(key)] = (cue / total, after / cue)
                except (OSError, ValueError, KeyError, TypeError, AttributeError):
                    cues = {}  # without the lexicon no English cue is found: the article speaks
                for gram, counts in cues.items():
                    cue, total, after = (int(x) for x in counts)
                    words = tuple(gram.split(" "))
                    if cue < MIN_COUNT or not total or (len(words) == 1 and words[0] in _NOT_ALONE):
                        continue
                    if words[0] in _NOT_ALONE and words[-1] in _NOT_ALONE:
                        continue
                    table[words] = (cue / total, after / cue)
                for words in table:
                    _longest[words[0]] = max(_longest.get(words[0], 0), len(words))
                _lexicon = table
    return _lexicon


def _quoted_ranges(sentence: str) -> list[tuple[int, int]]:
    """Spans between paired quotation marks (curly pairs, or straight marks taken two by two)."""
    out = []
    open_at = -1
    for m in _QUOTE_MARK.finditer(sentence):
        mark = m.group(0)
        if open_at < 0 and mark in _OPENERS:
            open_at = m.start()
        elif open_at >= 0 and mark in _CLOSERS:
            out.append((open_at, m.end()))
            open_at = -1
    if open_at >= 0:
        out.append((open_at, len(sentence)))
    return out


def _evidence_before(tokens: list[tuple[int, int, str]], i: int) -> bool:
    """Whether a study, report, poll or researchers stand a few words before token i, in the same clause."""
    for j in range(i - 1, max(-1, i - 1 - _EVIDENCE_REACH), -1):
        word = tokens[j][2]
        if word in _EVIDENCE_NOUNS:
            return True
        if word in (",", ";", ":", "."):
            return False
    return False


def _compound_tail(sentence: str, start: int) -> bool:
    """Whether the word at ``start`` closes a hyphenated compound ("self-described", "so-called")."""
    return start >= 2 and sentence[start - 1] == "-" and sentence[start - 2].isalpha()


# A lower-case word that reads as an adjective ("social", "political", "economic", "serious", "negative").
_ADJECTIVE_END = re.compile(r"[a-z]{2,}(?:al|ic|ous|ive|ful)$")


@lru_cache(maxsize=1 << 16)
def _word_entry(word: str, verb_context: bool, min_rate: float) -> tuple[float, float] | None:
    """The lexicon's (rate, after) for one word alone; cached, since news repeats its words (the lexicon is loaded
    once and never changes)."""
    entry = _load().get((word,))
    if entry is None and word.isalpha() and word not in _NOT_ALONE and (stem(word) != word or verb_context):
        # "recommends" when "recommended" was learnt; a bare stem no training text showed is as often a noun ("the
        # bus and rail operator" for "railed against") unless "to", a modal or a pronoun makes it a verb ("to rail
        # against", "would echo")
        family = _stems.get(stem(word))
        if family is not None and family[0] >= STEM_RATE:
            entry = (max(family[0], min_rate), family[1])
    return entry


_NAMING_WORDS = frozenset(("named", "called", "dubbed"))
_SOMEONE = frozenset(("someone", "somebody"))
_INDEFINITE_NOUNS = frozenset(
    "man woman person boy girl guy child kid student teacher friend user company firm group startup band town "
    "village place dog cat".split()
)


def _introduces_someone(lowered: list[str], i: int) -> bool:
    """Whether "named" or "called" at ``i`` introduces a name: after "someone" or "a man", "an organisation"."""
    if i == 0:
        return False
    before = lowered[i - 1]
    return before in _SOMEONE or (before in _INDEFINITE_NOUNS and i >= 2 and lowered[i - 2] in ("a", "an", "one"))


def find_cues(sentence: str, min_rate: float = MIN_RATE) -> list[Cue]:
    """The cues of one sentence in text order (see module docstring)."""
    table = _load()
    tokens = [(m.start(), m.end(), m.group(0).lower().replace("’", "'")) for m in TOKEN.finditer(sentence)]
    lowered = [t[2] for t in tokens]
    quoted = _quoted_ranges(sentence) if _QUOTE_MARK.search(sentence) else []
    out = []
    i = 0
    while i < len(tokens):
        hit = None
        # Only n-grams the lexicon has can match: a word that opens none is looked up alone (for its stem).
        longest = min(_MAX_WORDS, len(tokens) - i, max(1, _longest.get(lowered[i], 0)))
        for size in range(longest, 0, -1):
            if size == 1:
                entry = _word_entry(lowered[i], i > 0 and lowered[i - 1] in _BEFORE_BARE_VERB, min_rate)
            else:
                entry = table.get(tuple(lowered[i : i + size]))
            if entry is not None and entry[0] >= min_rate:
                hit = (size, entry)
                break
        if (
            hit is None
            and i + 1 < len(tokens)
            and lowered[i + 1] == "that"
            and tokens[i][2].isalpha()
            and tokens[i][2] not in _NOT_ALONE
            and (i == 0 or lowered[i - 1] not in _DETERMINERS)
        ):
            # "The Post reports that …", "Reyes claims that …": a verb before its "that", though the word is mostly a
            # noun ("news reports", "his claims") and so below the lexicon's rate alone
            family = _stems.get(stem(tokens[i][2]))
            if family is not None and family[0] >= VERB_THAT_RATE:
                hit = (1, (max(family[0], min_rate), family[1]))
        if (
            hit is None
            and tokens[i][2] in _EVIDENCE_VERBS
            and _evidence_before(tokens, i)
            and not (tokens[i][2] == "reports" and i + 1 < len(tokens) and lowered[i + 1] not in _AFTER_VERB_REPORTS)
        ):  # "…, a new clinical trial reports." is a verb; "the trial reports were late" a noun
            entry = table.get((tokens[i][2],))
            hit = (1, (min_rate, entry[1] if entry else 0.0))
        if (
            hit is None
            and lowered[i] in _NOUN_OR_VERB
            and i > 0
            and tokens[i - 1][2].isalpha()
            and sentence[tokens[i - 1][0]].isupper()
            and i + 1 < len(tokens)
            and tokens[i + 1][2].isalpha()
            and sentence[tokens[i + 1][0]].islower()
            and lowered[i + 1] not in _AFTER_NOUN
        ):
            hit = (1, (min_rate, 0.0))  # "Ann Ortiz claims tolls rose": after a name and before a clause, a verb
        if (
            hit is None
            and lowered[i] == "per"
            and (i == 0 or lowered[i - 1] in (",", "(", "—", "–", "-"))
            and i + 1 < len(tokens)
            and (lowered[i + 1] == "the" or tokens[i + 1][2][:1] != sentence[tokens[i + 1][0]][:1])
        ):
            hit = (1, (PER_RATE, 1.0))  # "…, per the Harbour Trade Commission." (news-guidelines.md); not "per cent"
        if hit is not None and hit[0] == 1 and lowered[i].startswith("declin") and lowered[i + 1 : i + 2] != ["to"]:
            hit = None  # "declined to comment" is the cue; "sales declined", "smell is declining" are no statement
        if hit is None:
            i += 1
            continue
        size, (rate, after) = hit
        if (
            i > 0
            and tokens[i][2].isalpha()
            and (tokens[i - 1][2] in _DETERMINERS or (tokens[i - 1][2].endswith("'s") and tokens[i][2].endswith("ed")))
        ):
            # "the expected de-classification", "an alleged plot", "the alliance's recommended 2 percent":
            # a modifier, not a cue
            i += size
            continue
        if (
            size == 1
            and i > 0
            and tokens[i][2].endswith(("ing", "s"))
            and _ADJECTIVE_END.search(tokens[i - 1][2])
            and tokens[i - 1][2] not in _EVIDENCE_NOUNS  # "a new clinical trial reports": a noun, then its verb
            and sentence[tokens[i - 1][0] : tokens[i - 1][0] + 1].islower()
        ):
            i += 1  # "social distancing", "political reporting": a noun its adjective qualifies, not a cue
            continue
        if size == 1 and tokens[i][2] in _NAMING_WORDS and _introduces_someone(lowered, i):
            i += 1  # "Someone named Man Haron Monis", "a man called Ortiz": who he is, not what anyone said
            continue
        if _compound_tail(sentence, tokens[i][0]):
            i += size  # "self-described democratic socialist", "so-called experts": part of a modifier
            continue
        start, end = tokens[i][0], tokens[i + size - 1][1]
        inside = any(a < start and end <= b for a, b in quoted)
        out.append(Cue(start, end, " ".join(t[2] for t in tokens[i : i + size]), rate, after, inside))
        i += size
    if any(not c.quoted for c in out):
        out = [c for c in out if not c.quoted]
    return out
