"""A learned source tagger for English news: which words of a sentence name who says it.

The final pass already runs the check-worthiness transformer on every prose sentence; its last
encoder layer gives one 384-wide vector per wordpiece (the ONNX output "tokens"). A small head on
those frozen vectors (numpy weights in ``resources/model/source_tagger.npz``, made by
training/attribution/train_tagger.py on PolNeAR train) tags each word as outside, the beginning or
inside of the Source of the attribution whose content the sentence holds, or of its Cue. The shipped
head is a small bidirectional GRU over the sentence's words (RecurrentHead); the window MLP it replaced
(WindowHead) still loads. Tags are read at the first wordpiece of each word, and a span runs over whole words, so the
spans it returns are exact character offsets of the sentence ("Senate Majority Leader Mitch
McConnell", "two people familiar with the talks", "he").

speakers.Attributor combines them with its rules (see its `hints`). Pure functions and an
immutable tagger: any thread may call them.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np

from ..resources import resource_path

LABELS = ("O", "B-S", "I-S", "B-C", "I-C")
_O, _BS, _IS, _BC, _IC = range(len(LABELS))
HEAD_FILE = "source_tagger.npz"


class Encoder(Protocol):
    def encode(self, text: str) -> list[int]: ...

    def __hash__(self) -> int: ...  # a key of the word cache


@dataclass(frozen=True)
class TaggedSpan:
    start: int  # offsets into the sentence
    end: int
    score: float  # mean probability of its words' tags
    cue: bool  # a cue span ("said", "according to"), else a source span


def _is_punctuation(ch: str) -> bool:
    """BERT's punctuation: every ASCII non-alphanumeric printable character and Unicode P*."""
    code = ord(ch)
    if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
        return True
    return code > 127 and unicodedata.category(ch).startswith("P")


# pre_tokens for ASCII text (nearly every sentence) in one regex: the same classes as _is_punctuation and str.isspace.
_ASCII_PRE_TOKEN = re.compile(r"[!-/:-@\[-`{-~]|[^\s!-/:-@\[-`{-~]+")


def pre_tokens(text: str) -> list[tuple[int, int]]:
    """Character spans of BERT's pre-tokens: runs between spaces, every punctuation mark alone."""
    if text.isascii():
        return [match.span() for match in _ASCII_PRE_TOKEN.finditer(text)]
    out: list[tuple[int, int]] = []
    start = -1
    for i, ch in enumerate(text):
        if ch.isspace() or _is_punctuation(ch):
            if start >= 0:
                out.append((start, i))
                start = -1
            if not ch.isspace():
                out.append((i, i + 1))
        elif start < 0:
            start = i
    if start >= 0:
        out.append((start, len(text)))
    return out


def piece_words(tokenizer: Encoder, sentence: str) -> list[tuple[int, int, bool]] | None:
    """For each wordpiece the transformer saw (without [CLS] and [SEP]): the character span of the
    word it belongs to and whether it is that word's first piece. None when encoding word by word
    does not give the sentence's own ids (a rare character class this splitter reads differently)."""
    ids = tokenizer.encode(sentence)[1:-1]
    out: list[tuple[int, int, bool]] = []
    got: list[int] = []
    for start, end in pre_tokens(sentence):
        word = sentence[start:end]
        pieces = _word_pieces(tokenizer, word) if len(word) <= _CACHED_WORD else tokenizer.encode(word)[1:-1]
        got.extend(pieces)
        out.extend((start, end, k == 0) for k in range(len(pieces)))
        if len(got) >= len(ids):
            break
    if got[: len(ids)] != ids:
        return None
    return out[: len(ids)]


# Words repeat ("the", "said"): each is split into pieces once per tokenizer, not once per sentence.
_CACHED_WORD = 100  # characters; longer words are split each time rather than kept as cache keys


@lru_cache(maxsize=1 << 15)
def _word_pieces(tokenizer: Encoder, word: str) -> tuple[int, ...]:
    return tuple(tokenizer.encode(word)[1:-1])


def _softmax(logits: np.ndarray) -> np.ndarray:
    logits = logits - logits.max(axis=-1, keepdims=True)
    p = np.exp(logits)
    return np.asarray(p / p.sum(axis=-1, keepdims=True))


def _sentence_of_rows(rows: int, sentence_starts: np.ndarray | None) -> np.ndarray:
    starts = np.zeros(rows, dtype=np.int64)
    starts[0 if sentence_starts is None else sentence_starts] = 1
    return np.cumsum(starts) - 1


SHAPES = 3  # word_shapes columns


def word_shapes(text: str, words: Sequence[tuple[int, int]]) -> np.ndarray:
    """What the uncased transformer cannot see of each word (its span in ``text``): a capital first letter, all
    capitals ("FBI"), and whether it opens the sentence; (len(words), SHAPES) floats."""
    out = np.zeros((len(words), SHAPES), dtype=np.float32)
    for i, (start, end) in enumerate(words):
        word = text[start:end]
        out[i, 0] = word[:1].isupper()
        out[i, 1] = len(word) > 1 and word.isupper()
    if len(words):
        out[0, 2] = 1.0
    return out


class WindowHead:
    """relu(x W1 + b1) W2 + b2 over each word's vector stacked with the `context` words before and after it."""

    def __init__(self, w1: np.ndarray, b1: np.ndarray, w2: np.ndarray, b2: np.ndarray, context: int = 0):
        if (
            w1.shape[1] != b1.shape[0]
            or w2.shape != (b1.shape[0], len(LABELS))
            or b2.shape != (len(LABELS),)
            or context < 0
            or w1.shape[0] % (2 * context + 1)
        ):
            raise ValueError("source tagger: weight shapes do not fit together")
        # Stacked as [word, 1 before, 1 after, 2 before, 2 after, ...], as training/attribution/train_tagger.py does.
        self.context = int(context)
        self.shapes = False  # reads the token vectors only
        self.width = int(w1.shape[0]) // (2 * self.context + 1)  # of one token vector
        self._w1, self._b1, self._w2, self._b2 = w1, b1, w2, b2

    def logits(self, vectors: np.ndarray, sentence_starts: np.ndarray | None) -> np.ndarray:
        if self.context:
            sentence = _sentence_of_rows(len(vectors), sentence_starts)
            parts = [vectors]
            for d in range(1, self.context + 1):
                before = np.zeros_like(vectors)
                before[d:] = vectors[:-d]
                before[d:][sentence[d:] != sentence[:-d]] = 0.0
                after = np.zeros_like(vectors)
                after[:-d] = vectors[d:]
                after[:-d][sentence[:-d] != sentence[d:]] = 0.0
                parts += [before, after]
            vectors = np.hstack(parts)
        hidden = np.maximum(vectors @ self._w1 + self._b1, 0.0)
        return np.asarray(hidden @ self._w2 + self._b2)


_GruWeights = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]  # input, hidden (both transposed), biases


class RecurrentHead:
    """Each word's vector projected (ReLU), read by a bidirectional GRU over its sentence, and a linear layer
    over [projection, forward state, backward state]: torch.nn.GRU's arithmetic (gates r, z, n), as
    training/attribution/train_tagger.py --rnn trains it. It sees the whole sentence, not a window."""

    def __init__(self, weights: dict[str, np.ndarray]):
        self._project_w, self._project_b = weights["project_w"], weights["project_b"]
        hidden = self._project_w.shape[1]
        self._directions: list[_GruWeights] = []
        for suffix in ("", "_reverse"):
            w_ih, w_hh = weights[f"gru_weight_ih_l0{suffix}"], weights[f"gru_weight_hh_l0{suffix}"]
            b_ih, b_hh = weights[f"gru_bias_ih_l0{suffix}"], weights[f"gru_bias_hh_l0{suffix}"]
            if {w_ih.shape, w_hh.shape} != {(3 * hidden, hidden)} or {b_ih.shape, b_hh.shape} != {(3 * hidden,)}:
                raise ValueError("source tagger: weight shapes do not fit together")
            self._directions.append((w_ih.T.copy(), w_hh.T.copy(), b_ih, b_hh))
        self._out_w, self._out_b = weights["out_w"], weights["out_b"]
        if self._out_w.shape != (3 * hidden, len(LABELS)) or self._project_b.shape != (hidden,):
            raise ValueError("source tagger: weight shapes do not fit together")
        self.hidden = hidden
        # With word shapes the projection reads them after the token vector (train_tagger.py --rnn H --shapes).
        self.shapes = bool(weights.get("shapes", np.zeros(1)).item())
        self.width = int(self._project_w.shape[0]) - (SHAPES if self.shapes else 0)

    def logits(self, vectors: np.ndarray, sentence_starts: np.ndarray | None) -> np.ndarray:
        projected = np.maximum(vectors @ self._project_w + self._project_b, 0.0)
        sentence = _sentence_of_rows(len(vectors), sentence_starts)
        begins = np.flatnonzero(np.r_[True, sentence[1:] != sentence[:-1]])
        lengths = np.diff(np.r_[begins, len(vectors)])
        # Sentences side by side, padded at their ends: step t reads word t of every sentence still running.
        position = np.arange(len(vectors)) - begins[sentence]
        forward = self._run(projected, sentence, position, lengths, self._directions[0])
        backward = self._run(projected, sentence, lengths[sentence] - 1 - position, lengths, self._directions[1])
        return np.asarray(np.hstack([projected, forward, backward]) @ self._out_w + self._out_b)

    def _run(
        self, x: np.ndarray, sentence: np.ndarray, step: np.ndarray, lengths: np.ndarray, weights: _GruWeights
    ) -> np.ndarray:
        w_ih, w_hh, b_ih, b_hh = weights
        h = self.hidden
        # Longest sentence first, so the sentences still running at step t are the first `running[t]` rows.
        order = np.argsort(-lengths, kind="stable")
        rank = np.empty_like(order)
        rank[order] = np.arange(len(order))
        running = (lengths[order][None, :] > np.arange(int(lengths.max()))[:, None]).sum(axis=1)
        grid = np.zeros((int(lengths.max()), len(lengths), 3 * h), dtype=np.float32)
        grid[step, rank[sentence]] = x @ w_ih + b_ih  # the input's part of every gate, for all words at once
        states = np.zeros((grid.shape[0], len(lengths), h), dtype=np.float32)
        state: np.ndarray = np.zeros((len(lengths), h), dtype=np.float32)
        for t, active in enumerate(running.tolist()):
            state = state[:active]
            gates = state @ w_hh + b_hh
            now = grid[t, :active]
            rz = 1.0 / (1.0 + np.exp(-(now[:, : 2 * h] + gates[:, : 2 * h])))
            n = np.tanh(now[:, 2 * h :] + rz[:, :h] * gates[:, 2 * h :])
            z = rz[:, h:]
            state = (1.0 - z) * n + z * state
            states[t, :active] = state
        return np.asarray(states[step, rank[sentence]])


class SourceTagger:
    """A head over the transformer's token vectors, softmax over LABELS per word, and the decoder of its spans."""

    def __init__(self, head: WindowHead | RecurrentHead, min_score: float):
        self.head = head
        self.min_score = min_score

    @property
    def width(self) -> int:
        """Of one token vector the head reads."""
        return self.head.width

    @classmethod
    def load(cls, path: Path) -> SourceTagger:
        with np.load(path) as data:
            if "kind" in data.files and str(data["kind"]) == "gru":
                weights = {name: data[name].astype(np.float32) for name in data.files if name not in ("kind",)}
                return cls(RecurrentHead(weights), float(data["min_score"]))
            context = int(data["context"]) if "context" in data.files else 0
            head = WindowHead(
                data["w1"].astype(np.float32),
                data["b1"].astype(np.float32),
                data["w2"].astype(np.float32),
                data["b2"].astype(np.float32),
                context,
            )
            return cls(head, float(data["min_score"]))

    def probabilities(self, vectors: np.ndarray, sentence_starts: np.ndarray | None = None) -> np.ndarray:
        """(W, len(LABELS)) tag probabilities for the (W, width) vectors of words in order: one
        sentence's, or several sentences' stacked, with `sentence_starts` the row where each begins
        (a word's neighbours are read within its sentence only)."""
        if not len(vectors):
            return np.zeros((0, len(LABELS)), dtype=np.float32)
        return _softmax(self.head.logits(vectors, sentence_starts))

    def spans(self, tokenizer: Encoder, sentence: str, vectors: np.ndarray) -> list[TaggedSpan]:
        """Source and cue spans of one sentence from its token vectors ([CLS] ... [SEP] rows), in
        text order. Empty when the wordpieces cannot be put back on the text."""
        return self.spans_of_all(tokenizer, [sentence], [vectors])[0]

    def spans_of_all(
        self, tokenizer: Encoder, sentences: Sequence[str], vectors: Sequence[np.ndarray]
    ) -> list[list[TaggedSpan]]:
        """`spans` for many sentences, with one matrix product for all their words (many small
        products cost far more, in BLAS threads waking and spinning, than one large one)."""
        words_of: list[list[tuple[int, int]]] = []
        rows: list[np.ndarray] = []
        for sentence, v in zip(sentences, vectors):
            words = piece_words(tokenizer, sentence) if len(v) >= 3 and v.shape[1] == self.width else None
            if words is None or len(words) != len(v) - 2:
                words_of.append([])
                continue
            firsts = [i for i, (_, _, first) in enumerate(words) if first]
            words_of.append([(words[i][0], words[i][1]) for i in firsts])
            rows.append(v[1:-1][firsts])
            if self.head.shapes:
                rows[-1] = np.hstack([rows[-1], word_shapes(sentence, words_of[-1])])
        if not rows:
            return [[] for _ in sentences]
        sizes = np.asarray([len(r) for r in rows])
        p = self.probabilities(np.vstack(rows), np.concatenate([[0], np.cumsum(sizes)[:-1]]))
        out: list[list[TaggedSpan]] = []
        at = 0
        for sentence, spans in zip(sentences, words_of):
            out.append(self._decode(sentence, spans, p[at : at + len(spans)]) if spans else [])
            at += len(spans)
        return out

    def _decode(self, sentence: str, words: list[tuple[int, int]], p: np.ndarray) -> list[TaggedSpan]:
        out: list[TaggedSpan] = []
        tags = p.argmax(axis=1)
        for cue, begin, inside in ((False, _BS, _IS), (True, _BC, _IC)):
            run: list[tuple[int, int, float]] = []
            starts = (p[:, begin] >= self.min_score) & (p[:, begin] >= p[:, inside])
            for k in range(len(words) + 1):
                start_here = k < len(words) and bool(starts[k])
                if k < len(words) and run and tags[k] == inside and not start_here:
                    run.append((words[k][0], words[k][1], float(p[k, inside])))
                    continue
                if run:
                    start, end = _whole_numbers(sentence, run[0][0], run[-1][1])
                    out.append(TaggedSpan(start, end, sum(r[2] for r in run) / len(run), cue))
                    run = []
                if start_here:
                    run = [(words[k][0], words[k][1], float(p[k, begin]))]
        return _merged(sentence, sorted(out, key=lambda span: span.start))


_GLUE = ".,:/"


def _whole_numbers(sentence: str, start: int, end: int) -> tuple[int, int]:
    """A span's ends moved off the marks inside a token: BERT's words cut "$4.8" and "U.S." at every mark, and a
    span that stopped after "4." gave the speaker "Yahoo’s $4." (the same at its start)."""
    n = len(sentence)
    while 2 <= end < n and sentence[end].isalnum() and sentence[end - 1] in _GLUE and sentence[end - 2].isalnum():
        end += 1
        while end < n and sentence[end].isalnum():
            end += 1
    while start >= 2 and sentence[start].isalnum() and sentence[start - 1] in _GLUE and sentence[start - 2].isalnum():
        start -= 1
        while start > 0 and sentence[start - 1].isalnum():
            start -= 1
    return start, end


def _merged(sentence: str, spans: list[TaggedSpan]) -> list[TaggedSpan]:
    """Spans of one kind with only spaces between them made one ("The" + "New York Post")."""
    out: list[TaggedSpan] = []
    for span in spans:
        previous = next((o for o in reversed(out) if o.cue == span.cue), None)
        if previous is not None and previous.end <= span.start and not sentence[previous.end : span.start].strip():
            out.remove(previous)
            span = TaggedSpan(previous.start, span.end, max(previous.score, span.score), span.cue)
        out.append(span)
    return sorted(out, key=lambda o: o.start)


_lock = threading.Lock()
_loaded: dict[str, SourceTagger | None] = {}


def source_tagger() -> SourceTagger | None:
    """The shipped tagger, loaded once; None when its file is not installed (the rules work alone)."""
    if HEAD_FILE not in _loaded:
        with _lock:
            if HEAD_FILE not in _loaded:
                path = resource_path("model", HEAD_FILE)
                try:
                    _loaded[HEAD_FILE] = SourceTagger.load(path) if path.is_file() else None
                except (OSError, ValueError, KeyError):
                    _loaded[HEAD_FILE] = None
    return _loaded[HEAD_FILE]
