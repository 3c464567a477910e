"""Check-worthiness for news prose: the debate-trained scores re-weighed with what the article says.

The shipped scorers learnt from debate transcripts, where most sentences a candidate speaks are
claims. In news the same scores flag four sentences in five. A news article says more than its
sentences do one by one: a headline or a heading is never a claim, an opinion quoted from
someone is not a checkable fact, a pledge is not an event, and subjective wording (a subjectivity
model trained on NewsSD-ENG) marks an opinion. `NewsHead` is a logistic regression over the
debate score and those signals, trained on hand-labelled news (training/train_news.py), with
its threshold calibrated to the package's DEFAULT_THRESHOLD like the other models.

`is_transcript` decides which scores a document gets: a transcript ("SPEAKER: text" lines) keeps
the debate scores, prose gets the news head. `reviewer score` (single sentences, no document)
keeps the debate scores. Pure functions and immutable objects: any thread.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..headings import reads_as_heading as reads_as_heading
from . import segment, speakers
from .fast_model import FastModel

# The order of the columns in a feature row; the shipped head names them, and loading checks it.
FEATURES = (
    "base",
    "fast",
    "subjective",
    "heading",
    "alone",
    "position",
    "short",
    "words",
    "quote_open",
    "quote_any",
    "attributed",
    "kind_statistic",
    "kind_prediction",
    "kind_causal",
    "kind_comparison",
    "kind_quotation",
    "digit",
    "modal",
    "first_person",
    "question",
)

# A document is a transcript when at least this share of its blocks (and four) open with a speaker label.
# Debate transcripts have 22% or more (a turn often runs over several paragraphs); news articles
# have at most one, unless they are interviews printed as transcripts.
_TRANSCRIPT_SHARE = 0.15
_TRANSCRIPT_MIN_LABELS = 4
_OPEN_QUOTES = "\"“‘«„'"
_ENDS = ".!?\"”’»)'…"
_MODAL = re.compile(r"\b(?:will|would|could|may|might|should|can|must|going\s+to|plans?\s+to|wants?\s+to)\b", re.I)
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|we|we're|we’re|our|us|my|me)\b")
_WORD = re.compile(r"\w+")
_LOGIT_LIMIT = 8.0


def is_transcript(text: str) -> bool:
    """True when the text reads as a transcript: many blocks open with "SPEAKER:" labels."""
    blocks = segment.blocks(text)
    if not blocks:
        return False
    labelled = sum(1 for block in blocks if speakers.transcript_label(text, block.start, block.end))
    return labelled >= _TRANSCRIPT_MIN_LABELS and labelled >= _TRANSCRIPT_SHARE * len(blocks)


@dataclass(frozen=True)
class SentenceContext:
    """What the head needs of one candidate sentence besides its text."""

    text: str
    kind: str
    attributed: bool
    alone: bool = False  # the only sentence of its block (a headline, subheading, caption or one-line paragraph)


def alone_in_block(text: str, spans: Sequence[tuple[int, int]]) -> list[bool]:
    """For each (start, end) span, in text order: is it the only span inside its block?"""
    blocks = segment.blocks(text)
    owner: list[int] = []
    b = 0
    for start, _ in spans:
        while b + 1 < len(blocks) and blocks[b].end <= start:
            b += 1
        owner.append(b)
    counts: dict[int, int] = {}
    for block in owner:
        counts[block] = counts.get(block, 0) + 1
    return [counts[block] == 1 for block in owner]


# What news-guidelines.md never counts as check-worthy, though it reads like a claim, scores at most this: a
# headline or section heading set in title case ("Visa Program Up for Renewal Amid Allegations of Fraud.") and a
# poll's methodology ("The new poll has a margin of error of three percentage points.").
NEVER_CHECKWORTHY = 0.3
# A poll's sample and margin of error, in a sentence that gives no other figure (a result "within the margin of
# sampling error" is a claim).
_METHODOLOGY = re.compile(
    r"\bmargin\s+of\s+(?:sampling\s+)?error\b|\bsampling\s+error\b|\bplus\s+or\s+minus\b|"
    r"\b(?:poll|survey)(?:ed)?\s+of\s+(?:more\s+than\s+|about\s+|nearly\s+)?\d[\d,]*\s+(?:likely\s+|registered\s+)?"
    r"(?:voters|adults|people|respondents|Americans)\b|"
    r"\b\d[\d,]*\s+(?:likely\s+|registered\s+)?(?:voters|adults|respondents)\s+(?:were\s+)?"
    r"(?:surveyed|polled|interviewed|questioned|contacted|identified\s+as\s+likely\s+voters)\b|"
    r"\b\d[\d,]*\s+were\s+(?:identified\s+as\s+)?(?:likely|registered)\s+voters\b|"
    r"\bconducted\s+(?:online|by\s+(?:tele)?phone)\b",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"\d[\d,.]*")


def is_methodology(text: str) -> bool:
    """Whether a sentence only describes how a poll was taken (its sample, its margin of error)."""
    return _METHODOLOGY.search(text) is not None and len(_NUMBER.findall(text)) <= 1


# Where a study appeared, and nothing it found: "The findings were recently published in the journal JAMA
# Dermatology." (news-guidelines.md: never check-worthy, as the science news labels have it; "…, which found that
# …" is a finding and stays).
_PUBLICATION_NOTE = re.compile(
    r"^\W*(?:(?:the|their|these|this|her|his|its|a|an)\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:study|studies|findings|results|research|paper|report|analysis|review|trial|work|article)\s+"
    r"(?:was|were|is|are|has\s+been|have\s+been|will\s+be)\s+(?:\w+\s+){0,2}?"
    r"(?:published|posted|presented|reported|detailed|described)\s+(?:online\s+)?(?:in|at|on|by)\s+"
    r"(?!.*\b(?:that|which|showing|shows|found|finds)\b)[^;]{0,160}$",
    re.IGNORECASE,
)


def is_publication_note(text: str) -> bool:
    """Whether a sentence only says where a study was published."""
    return _PUBLICATION_NOTE.search(text.strip()) is not None


# A fragment that states nothing, whatever figures it holds: a table's cell ("13.4 MB (-81%)", "4,933,210[5]
# (120th)"), a map legend ("More than 5%") — no sentence punctuation and no word of three letters or more but
# these ...
_FIGURE_WORDS = frozenset("more less than over under about nearly almost per cent percent and or".split())
_LONG_WORD = re.compile(r"(?<![\w/])[^\W\d_]{3,}(?![\w/])")
_SENTENCE_END = re.compile(r"[.!?…:;\"”]\s*$")
# ... or an entry of a reference list: "Retrieved 17 February 2008.", "PMC 2409139.", "No. 28058.",
# "33 (4): 617–630. doi:10.1016/j.respol.2004.01.006.", "2016. p. 125."
_REFERENCE_ENTRY = re.compile(
    r"(?:Retrieved|Archived(?:\s+from\s+the\s+original)?|Accessed)(?:\s+on)?\s+[\w ,\-]{4,24}\.?|"
    r"(?:PMC|PMID|ISBN|ISSN|OCLC|No\.|Vol\.)\s*[\d\-X]+\.?|"
    r"(?:\d{1,4}\s*\([\w\s]{1,8}\)\s*:\s*)?\d+[–-]\d+\.(?:\s+doi:\S+)?|"
    r"\d{4}\.\s+pp?\.\s+\d+(?:[–-]\d+)?\.|"
    r".{0,40}\bdoi:\s*10\.\S+"
)


def states_nothing(text: str) -> bool:
    """Whether a segment is no statement at all (a table cell, a legend, a reference-list entry), so never a claim
    however its figures score."""
    text = text.strip()
    if _REFERENCE_ENTRY.fullmatch(text):
        return True
    if _SENTENCE_END.search(text):
        return False
    return all(word.lower() in _FIGURE_WORDS for word in _LONG_WORD.findall(text))


def logit(scores: np.ndarray) -> np.ndarray:
    p = np.clip(np.asarray(scores, dtype=np.float64), 1e-6, 1 - 1e-6)
    return np.clip(np.log(p / (1 - p)), -_LOGIT_LIMIT, _LOGIT_LIMIT)


def feature_rows(
    sentences: Sequence[SentenceContext], base_scores: np.ndarray, fast_scores: np.ndarray, subjectivity: FastModel
) -> np.ndarray:
    """One row per sentence, columns in FEATURES order. Shared by training and run time."""
    n = len(sentences)
    rows = np.zeros((n, len(FEATURES)), dtype=np.float64)
    if n == 0:
        return rows
    texts = [s.text for s in sentences]
    rows[:, 0] = logit(base_scores)
    rows[:, 1] = logit(fast_scores)
    rows[:, 2] = np.clip(subjectivity.logits(texts), -_LOGIT_LIMIT, _LOGIT_LIMIT)
    kinds = ("statistic", "prediction", "causal", "comparison", "quotation")
    for i, sentence in enumerate(sentences):
        text = sentence.text.strip()
        words = len(_WORD.findall(text))
        row = rows[i]
        # No "first sentence" feature: the app imports a file's title apart from its text, so the
        # first sentence it scores is the lede, not the headline.
        row[3] = 0.0 if text and text[-1] in _ENDS else 1.0
        row[4] = 1.0 if sentence.alone and words <= 20 else 0.0
        row[5] = i / (n - 1) if n > 1 else 0.0
        row[6] = 1.0 if words < 8 else 0.0
        row[7] = math.log1p(words)
        row[8] = 1.0 if text[:1] in _OPEN_QUOTES else 0.0
        row[9] = 1.0 if any(q in text for q in '"“”«»') else 0.0
        row[10] = 1.0 if sentence.attributed else 0.0
        for j, kind in enumerate(kinds):
            row[11 + j] = 1.0 if sentence.kind == kind else 0.0
        row[16] = 1.0 if any(c.isdigit() for c in text) else 0.0
        row[17] = 1.0 if _MODAL.search(text) else 0.0
        row[18] = 1.0 if _FIRST_PERSON.search(text) else 0.0
        row[19] = 1.0 if text.endswith("?") or text.endswith("?”") or text.endswith('?"') else 0.0
    return rows


class NewsHead:
    """Standardised features, a linear layer, a calibration that puts the tuned threshold at 0.5.

    The "final" head first reads the transformer's pooled sentence vector through a linear model of
    its own (``pooled``: weights over the standardised vector, trained on the news labels) and adds
    that logit as one more column after FEATURES; the "fast" head reads FEATURES only. Two stages,
    so that strong regularisation of the 384 vector weights does not also silence the few
    document signals (headings, quotations, hedges).
    """

    def __init__(self, manifest: dict[str, Any], subjectivity: FastModel):
        names = tuple(str(name) for name in manifest["features"])
        if names != FEATURES:
            raise ValueError(f"news head features {names} do not match this version's {FEATURES}")
        pooled = manifest.get("pooled")
        self.pooled_dim = len(pooled["weights"]) if pooled else 0
        if pooled:
            self._pooled_mean = np.asarray(pooled["mean"], dtype=np.float64)
            self._pooled_scale = np.asarray(pooled["scale"], dtype=np.float64)
            self._pooled_weights = np.asarray(pooled["weights"], dtype=np.float64)
            self._pooled_intercept = float(pooled["intercept"])
        self._mean = np.asarray(manifest["mean"], dtype=np.float64)
        self._scale = np.asarray(manifest["scale"], dtype=np.float64)
        self._weights = np.asarray(manifest["weights"], dtype=np.float64)
        width = len(FEATURES) + (1 if pooled else 0)
        if not len(self._mean) == len(self._scale) == len(self._weights) == width:
            raise ValueError("news head: mean, scale and weights must have one value per column")
        self._intercept = float(manifest["intercept"])
        self._threshold = float(manifest["threshold"])
        self._slope = float(manifest["slope"])
        self.subjectivity = subjectivity

    def pooled_logit(self, pooled: np.ndarray) -> np.ndarray:
        """The first stage: one logit per row of pooled vectors."""
        z = ((pooled.astype(np.float64) - self._pooled_mean) / self._pooled_scale) @ self._pooled_weights
        return np.asarray(z + self._pooled_intercept)

    def columns(
        self,
        sentences: Sequence[SentenceContext],
        base_scores: np.ndarray,
        fast_scores: np.ndarray,
        pooled: np.ndarray | None = None,
    ) -> np.ndarray:
        rows = feature_rows(sentences, base_scores, fast_scores, self.subjectivity)
        if not self.pooled_dim:
            return rows
        if pooled is None or pooled.shape != (len(sentences), self.pooled_dim):
            raise ValueError(f"this news head needs pooled vectors of width {self.pooled_dim}")
        return np.hstack([rows, self.pooled_logit(pooled)[:, None]])

    def decision(self, columns: np.ndarray) -> np.ndarray:
        return np.asarray(((columns - self._mean) / self._scale) @ self._weights + self._intercept)

    def rescore(
        self,
        sentences: Sequence[SentenceContext],
        base_scores: np.ndarray,
        fast_scores: np.ndarray,
        pooled: np.ndarray | None = None,
    ) -> np.ndarray:
        """Calibrated scores in [0, 1]: sigmoid(slope * (decision - threshold))."""
        columns = self.columns(sentences, base_scores, fast_scores, pooled)
        z = self._slope * (self.decision(columns) - self._threshold)
        return np.asarray(1.0 / (1.0 + np.exp(-z)))
