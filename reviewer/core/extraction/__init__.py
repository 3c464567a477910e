"""Claim extraction: check-worthy sentences with speaker, kind and exact spans. No Qt.

`extract_claims` segments an article, drops boilerplate, attributes speakers, classifies kinds
and scores every remaining sentence. `quality="fast"` uses the linear model (the first pass the
app shows at once); `quality="final"` uses the shipped final model (see models.py). Both are
pure and may be called from any thread; results are new objects the caller owns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import numpy as np

from . import boilerplate, kinds, latin_folding, news, segment, source_tagger, speaker_credits, speakers
from ..language import function_word_share, guess_language
from .models import ModelMissing, fast_model, final_scorer, news_head
from .source_tagger import TaggedSpan

__all__ = ["KINDS", "DEFAULT_THRESHOLD", "ExtractedClaim", "ModelMissing", "extract_claims", "score_sentences"]

KINDS = ("statistic", "quotation", "causal", "comparison", "prediction", "other")

# Both models are calibrated so that the threshold tuned on validation debates lands here.
DEFAULT_THRESHOLD: float = 0.5

_QUALITIES = ("fast", "final")
# The guesses of core.language under which the English attribution rules read an article: English, no
# sure guess (short texts, lists of names), and Russian, whose sentences in Cyrillic have rules of their own.
_ENGLISH_RULES_APPLY = frozenset({None, "en", "ru", "uk"})
# "WASHINGTON (Reuters) - ", "KYIV, Ukraine (AP) — ": a dateline is not part of the claim.
_DATELINE = re.compile(r"[A-Z][A-Z'’.\-]+(?:[ ,]+[A-Z][A-Za-z'’.\-]+){0,4}\s*(?:\([^)\n]{1,30}\))?\s*[-–—]+\s+")
# A columnist's name in capitals run into the first words of the column, which a teaser also capitalises:
# "JOE HILDEBRAND HOW is it that …", "SUSIE O’BRIEN THE good thing about Ikea …".
_CAPS_BYLINE = re.compile(
    r"[A-Z][A-Z’'.-]+(?: [A-Z][A-Z’'.-]+){1,2} (?=(?:THE|A|AN|IT|IT[’']S|HOW|WHY|WHAT|WHEN|WHERE|IF|AS|IN|ON|AT|FOR|"
    r"THIS|THAT|THERE|THEY|WE|I|HE|SHE|ONE|SOME|MANY|NO|NOT|YOU|OUR|MY|SO|BUT|AND|LAST|EVERY|FEW) [a-z])"
)
# "МОСКВА, 5 сен — РИА Новости. ", "САНКТ-ПЕТЕРБУРГ, 12 марта. /ТАСС/. ": a city in capitals, a date,
# then the agency after a dash (and a full stop) or between slashes. The segmenter splits these
# into sentences of their own ("12 марта." then "/ТАСС/."), so it is matched over the whole block.
_DATELINE_RU = re.compile(
    r"[А-ЯЁ][А-ЯЁ\-]+(?:\s[А-ЯЁ][А-ЯЁ\-]+){0,2}[,.]\s*"
    r"\d{1,2}\s+(?:янв|фев|мар|апр|ма[йя]|июн|июл|авг|сен|окт|ноя|дек)[а-яё]*\.?(?:\s+\d{4}(?:\s*г\.)?)?"
    r"(?:\s*[-–—]+\s*[A-ZА-ЯЁ][\w\-]*(?:\.(?:RU|COM|РФ))?(?:\s+[A-ZА-ЯЁ][\w\-]*){0,2}"
    r"(?:,\s*[А-ЯЁ][а-яё\-]+(?:\s+[А-ЯЁ][а-яё\-]+){0,2})?(?:\.|\s+[-–—]+)"
    r"|\.?\s*/[^/\n]{2,40}/\.?)"
    r"(?:\s+|$)"
)


@dataclass(frozen=True)
class ExtractedClaim:
    start: int  # code-point offsets into the text passed in: text[start:end] == self.text
    end: int
    text: str
    score: float  # in [0, 1]
    checkworthy: bool  # score >= threshold
    speaker: str | None  # None = the article itself
    speaker_start: int | None  # span of the speaker's mention in the text (for underlining)
    speaker_end: int | None
    kind: str  # one of KINDS


def extract_claims(text: str, threshold: float | None = None, *, quality: str = "final") -> list[ExtractedClaim]:
    """Every claim-candidate sentence (check-worthy or not; boilerplate excluded), in text order.

    quality="fast": the quick first pass (linear model); quality="final": final scores.
    Pure and thread-safe; the first call loads the models. Raises ModelMissing (a ReviewerError)
    if the shipped model files are absent.
    """
    _check_quality(quality)
    if threshold is None:
        threshold = DEFAULT_THRESHOLD
    segments = _segments(text)
    if not segments:
        return []
    sentences = [text[s.start : s.end] for s in segments]
    transcript = news.is_transcript(text)
    encoded = None
    hints: list[list[TaggedSpan]] | None = None
    if quality == "final" and not transcript:
        # Prose runs the transformer on every sentence; the source tagger reads the same run.
        tokens: list[np.ndarray] = []
        encoded = final_scorer().scores_and_pooled(sentences, tokens)
        hints = _tagger_hints(sentences, tokens)
    candidates = _attribute(text, segments, hints)
    claim_kinds = [
        kinds.classify(sentence, attributed=attribution.speaker is not None)
        for sentence, (_, _, attribution) in zip(sentences, candidates)
    ]
    if transcript:
        scores = _scores(sentences, quality)  # the debate scores a transcript's model was trained for
    else:
        alone = news.alone_in_block(text, [(start, end) for start, end, _ in candidates])
        contexts = [
            news.SentenceContext(sentence, kind, attribution.speaker is not None, lone)
            for sentence, kind, (_, _, attribution), lone in zip(sentences, claim_kinds, candidates, alone)
        ]
        scores = news_scores(contexts, quality, encoded)
        for i, (sentence, lone) in enumerate(zip(sentences, alone)):
            if lone and news.reads_as_heading(sentence):
                scores[i] = min(scores[i], news.NEVER_CHECKWORTHY)  # a headline: never a claim
                claim_kinds[i] = "other"
            elif news.is_methodology(sentence) or news.is_publication_note(sentence):
                # how a poll was taken or where a study appeared, not what either found
                scores[i] = min(scores[i], news.NEVER_CHECKWORTHY)
            elif news.states_nothing(sentence):
                scores[i] = min(scores[i], news.NEVER_CHECKWORTHY)  # a table cell, a legend, a reference
    out = []
    for (start, end, attribution), sentence, score, kind in zip(candidates, sentences, scores, claim_kinds):
        score = float(score)
        out.append(
            ExtractedClaim(
                start=start,
                end=end,
                text=sentence,
                score=score,
                checkworthy=score >= threshold,
                speaker=attribution.speaker,
                speaker_start=attribution.start,
                speaker_end=attribution.end,
                kind=kind,
            )
        )
    return out


def score_sentences(sentences: list[str], *, quality: str = "final") -> list[float]:
    """Scores in [0, 1] for standalone sentences (used by `reviewer score`). Any thread."""
    _check_quality(quality)
    if not sentences:
        return []
    return [float(s) for s in _scores(list(sentences), quality)]


def news_scores(
    contexts: list[news.SentenceContext],
    quality: str,
    encoded: tuple[np.ndarray, np.ndarray, np.ndarray | None] | None = None,
) -> np.ndarray:
    """Scores of prose sentences: the debate scores re-weighed by the news head (news.py).
    `encoded`: what FinalScorer.scores_and_pooled already gave for these sentences, if it ran."""
    sentences = [context.text for context in contexts]
    if quality == "fast":
        fast = fast_model().scores(sentences)
        return news_head("fast").rescore(contexts, fast, fast)
    final, fast, pooled = encoded or final_scorer().scores_and_pooled(sentences)
    return news_head("final").rescore(contexts, final, fast, pooled)


def _check_quality(quality: str) -> None:
    if quality not in _QUALITIES:
        raise ValueError(f"quality must be one of {_QUALITIES}, not {quality!r}")


def _scores(sentences: list[str], quality: str) -> np.ndarray:
    if quality == "fast":
        return fast_model().scores(sentences)
    return final_scorer().scores(sentences)


@dataclass(frozen=True)
class _Segment:
    start: int
    end: int
    first_in_block: bool
    labels: tuple[tuple[int, int], ...]  # transcript labels met since the previous segment, in order


def _candidates(text: str) -> list[tuple[int, int, speakers.Attribution]]:
    """(start, end, attribution) of every non-boilerplate sentence, in order (rules only)."""
    return _attribute(text, _segments(text), None)


def _tagger_hints(sentences: list[str], tokens: list[np.ndarray]) -> list[list[TaggedSpan]] | None:
    """The source tagger's spans for each sentence (empty where it sees none), or None without it."""
    tagger = source_tagger.source_tagger()
    tokenizer = final_scorer().tokenizer
    if tagger is None or tokenizer is None or len(tokens) != len(sentences):
        return None
    return tagger.spans_of_all(tokenizer, sentences, tokens)


def _attribute(
    text: str, segments: list[_Segment], hints: list[list[TaggedSpan]] | None
) -> list[tuple[int, int, speakers.Attribution]]:
    # The rules read accented Latin letters as plain ones ("Raúl" as "Raul"), offsets unchanged; the speakers they
    # find get the article's spelling back.
    folded = latin_folding.fold(text)
    unfold = latin_folding.Unfolder(text) if folded is not text else None
    attributor = speakers.Attributor(folded, english=_reads_as_english(text))
    out = []
    for i, segment_ in enumerate(segments):
        for label in segment_.labels:
            attributor.set_label(*label)
        # The attributor closes open «quotations» at the first sentence it sees of each block.
        attribution = attributor.attribute(
            segment_.start, segment_.end, segment_.first_in_block, hints[i] if hints is not None else ()
        )
        if unfold is not None and attribution.speaker:
            attribution = replace(attribution, speaker=unfold(attribution.speaker))
        out.append((segment_.start, segment_.end, attribution))
    return out


def _reads_as_english(text: str) -> bool:
    """Whether the English attribution rules may read the text: English, no sure guess, or Russian (see
    _ENGLISH_RULES_APPLY). A short English text can pass for Czech ("a", "by"): a guess of another language
    counts only with few English function words, under 5% of the words where English prose has a third."""
    return function_word_share(text, "en") >= 0.05 or guess_language(text) in _ENGLISH_RULES_APPLY


def _is_credit_line(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] only credits the quotation before it ("- Bernie Sanders."): no claim of its own."""
    last = start - 1
    while last >= 0 and text[last].isspace():
        last -= 1
    return last >= 0 and text[last] in '”"' and speaker_credits.CREDIT_ONLY.match(text, start, end) is not None


def _segments(text: str) -> list[_Segment]:
    """The non-boilerplate sentences of a text, in order, with the transcript labels before each."""
    if not text or text.isspace():
        return []
    out = []
    labels: list[tuple[int, int]] = []
    last_block = -1
    blocks = segment.blocks(text)
    skip_block = False
    dateline_end = -1  # a Russian dateline may span the first sentences of a block
    first_in_block = True
    for sentence in segment.sentences(text):
        start, end = sentence.start, sentence.end
        new_block = sentence.block != last_block
        last_block = sentence.block
        if new_block:
            first_in_block = True
            block = blocks[sentence.block]
            # A short block that is boilerplate as a whole ("Did you find a mistake? Let us know.",
            # a caption ending in a photo credit) is dropped with all its sentences.
            skip_block = block.end - block.start < 400 and boilerplate.is_boilerplate(text[block.start : block.end])
        if skip_block:
            continue
        if new_block:
            label = speakers.transcript_label(text, start, end)
            if label:
                labels.append(label)
                start = segment.skip_space(text, label[1] + 1, end)
            byline = _CAPS_BYLINE.match(text, start, end)
            if byline:
                start = byline.end()  # "TOM ELLIOTT IT’S nice to think …": a columnist's name run into the teaser
            dateline_end = -1
            dateline = _DATELINE.match(text, start, end)
            if dateline and dateline.end() < end:
                start = dateline.end()
            elif not dateline:
                dateline = _DATELINE_RU.match(text, start, block.end)
                dateline_end = dateline.end() if dateline else -1
        start = max(start, dateline_end)
        if start >= end or boilerplate.is_boilerplate(text[start:end]) or _is_credit_line(text, start, end):
            continue
        out.append(_Segment(start, end, first_in_block, tuple(labels)))
        labels = []
        first_in_block = False
    return out
