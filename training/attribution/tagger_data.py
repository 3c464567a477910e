"""Token vectors and tags of PolNeAR sentences, for training the source tagger (train_tagger.py).

Sentences are the claim candidates the app makes (reviewer.core.extraction._candidates), so the
tagger learns on exactly what it sees at run time. Each is encoded with the project's WordPiece
tokenizer and run through the shipped check-worthiness ONNX model; its "tokens" output (the last
encoder LayerNorm) gives one vector per wordpiece. Only each word's first wordpiece is kept (the
tagger reads tags there). A word is tagged B-S/I-S when it lies in the Source, B-C/I-C in the Cue,
of an attribution whose Content this sentence holds (overlaps most, as in evaluate.py).

    python training/attribution/tagger_data.py train [--limit N]   # writes training/work/tagger_train.npz
    python training/attribution/tagger_data.py dev

The output holds vectors (float16), tags, and per word its article, sentence and character span;
no article text. It stays in training/work/ (not shipped, not committed).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import polnear  # noqa: E402

sys.path.insert(0, str(polnear.ROOT))
from reviewer.core.extraction import _candidates  # noqa: E402
from reviewer.core.extraction.source_tagger import LABELS, piece_words  # noqa: E402
from reviewer.core.extraction.wordpiece import WordPieceTokenizer  # noqa: E402

MODEL = polnear.ROOT / "resources" / "model"
WORK = polnear.ROOT / "training" / "work"


def session():  # type: ignore[no-untyped-def]
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    manifest = json.loads((MODEL / "final.json").read_text(encoding="utf-8"))
    tokenizer = WordPieceTokenizer.from_file(MODEL / manifest["tokenizer"], int(manifest.get("max_tokens", 128)))
    return onnxruntime.InferenceSession(str(MODEL / manifest["onnx"]), options,
                                        providers=["CPUExecutionProvider"]), tokenizer


def held_by(sentences: list[tuple[int, int]], relation: polnear.Relation) -> int:
    best, best_overlap = -1, 0
    for i, (start, end) in enumerate(sentences):
        overlap = sum(max(0, min(end, e) - max(start, s)) for s, e in relation.content)
        if overlap > best_overlap:
            best, best_overlap = i, overlap
    return best


def tags_for(words: list[tuple[int, int]], offset: int, spans: list[tuple[int, int]], begin: int) -> list[int]:
    """B/I tags (begin, begin + 1) for the words inside any of the spans (article offsets), else 0."""
    out = [0] * len(words)
    previous_span = -1
    for i, (s, e) in enumerate(words):
        hit = next((k for k, (a, b) in enumerate(spans) if s + offset < b and a < e + offset), -1)
        if hit >= 0:
            out[i] = begin + 1 if hit == previous_span else begin
        previous_span = hit
    return out


def main() -> None:
    compartment = sys.argv[1] if len(sys.argv) > 1 else "train"
    limit = int(sys.argv[sys.argv.index("--limit") + 1]) if "--limit" in sys.argv else 0
    run, tokenizer = session()
    vectors: list[np.ndarray] = []
    tags: list[int] = []
    meta: list[tuple[int, int, int, int]] = []  # article, sentence, word start, word end (article offsets)
    names: list[str] = []
    unaligned = 0
    articles = polnear.articles(compartment)
    if limit:
        articles = articles[:limit]
    for a, article in enumerate(articles):
        names.append(article.name)
        text = article.text
        candidates = _candidates(text)
        spans = [(start, end) for start, end, _ in candidates]
        sources: dict[int, list[tuple[int, int]]] = {}
        cues: dict[int, list[tuple[int, int]]] = {}
        for relation in article.relations:
            i = held_by(spans, relation)
            if i >= 0 and relation.source:
                sources.setdefault(i, []).extend(relation.source)
                cues.setdefault(i, []).extend(relation.cue or ())
        for i, (start, end) in enumerate(spans):
            sentence = text[start:end]
            words = piece_words(tokenizer, sentence)
            if words is None:
                unaligned += 1
                continue
            ids = np.asarray([tokenizer.encode(sentence)], dtype=np.int64)
            out = run.run(["tokens"], {"input_ids": ids, "attention_mask": np.ones_like(ids)})[0][0]
            firsts = [k for k, (_, _, first) in enumerate(words) if first]
            first_words = [(words[k][0], words[k][1]) for k in firsts]
            source_tags = tags_for(first_words, start, sources.get(i, []), 1)
            cue_tags = tags_for(first_words, start, cues.get(i, []), 3)
            for j, k in enumerate(firsts):
                vectors.append(out[k + 1].astype(np.float16))
                tags.append(source_tags[j] or cue_tags[j])
                meta.append((a, i, start + first_words[j][0], start + first_words[j][1]))
        if a % 50 == 0:
            print(f"{a}/{len(articles)} articles, {len(tags):,} words", flush=True)
    WORK.mkdir(exist_ok=True)
    path = WORK / f"tagger_{compartment}.npz"
    np.savez(path, x=np.stack(vectors), y=np.asarray(tags, dtype=np.int8), meta=np.asarray(meta, dtype=np.int32),
             names=np.asarray(names))
    counts = np.bincount(np.asarray(tags), minlength=len(LABELS))
    print(f"{path}: {len(tags):,} words, tags {dict(zip(LABELS, counts.tolist()))}, unaligned sentences {unaligned}")


if __name__ == "__main__":
    main()
