"""The pure-Python WordPiece tokenizer gives the same ids as Hugging Face tokenizers (the test-only
reference) on the shared debate data, on hand-written hard cases, on every code point and on random
text; and the final model's logits do not change."""

from __future__ import annotations

import ast
import csv
import json
import sys
from functools import cache
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.core.extraction import final_model
from reviewer.core.extraction.final_model import TransformerModel
from reviewer.core.extraction.wordpiece import UnsupportedTokenizer, WordPieceTokenizer, pre_tokenize

REPO = Path(__file__).resolve().parents[2]
MODEL_DIR = REPO / "resources" / "model"
TOKENIZER_JSON = MODEL_DIR / "minilm_tokenizer.json"
MAX_TOKENS = json.loads((MODEL_DIR / "final.json").read_text(encoding="utf-8")).get("max_tokens", 128)
UNLIMITED = 1 << 20


@cache
def ours(max_tokens: int) -> WordPieceTokenizer:
    return WordPieceTokenizer.from_file(TOKENIZER_JSON, max_tokens)


@pytest.fixture(scope="module")
def reference():
    """reference(max_tokens): the tokenizers Tokenizer configured as final_model used to."""
    tokenizers = pytest.importorskip(
        "tokenizers",
        exc_type=ImportError,
        reason="the reference tokenizer cannot be imported (pip install -e '.[test]' brings it)",
    )

    @cache
    def make(max_tokens: int):
        tokenizer = tokenizers.Tokenizer.from_file(str(TOKENIZER_JSON))
        tokenizer.no_padding()
        tokenizer.enable_truncation(max_tokens)
        return tokenizer

    return make


def _shared_sentences(root: Path) -> list[str]:
    """Every sentence of the ClaimBuster and CLEF 2019 training data, and every transcript line."""
    claimbuster = root / "claimbuster-train" / "crowdsourced-1960-2008.csv"
    clef = sorted((root / "clef2019-train" / "training").glob("*.tsv"))
    transcripts = sorted((root / "claimbuster-train" / "transcripts").glob("*.txt"))
    if not claimbuster.is_file() or not clef or not transcripts:
        pytest.skip(f"the ClaimBuster/CLEF files are not all in {root}")
    with open(claimbuster, newline="", encoding="utf-8") as handle:
        sentences = [row["Text"] for row in csv.DictReader(handle)]
    for path in clef:  # line number, speaker, sentence, label
        rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
        sentences += [row[2] for row in rows if len(row) >= 3]
    for path in transcripts:
        sentences += [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return sentences


def test_same_ids_on_every_sentence_of_the_shared_data(shared_data, reference):
    sentences = _shared_sentences(shared_data)
    expected = [encoding.ids for encoding in reference(MAX_TOKENS).encode_batch(sentences)]
    tokenizer = ours(MAX_TOKENS)
    different = [text for text, ids in zip(sentences, expected, strict=True) if tokenizer.encode(text) != ids]
    assert len(sentences) > 30_000 and any(len(ids) == MAX_TOKENS for ids in expected)  # truncation is covered
    assert different == []


HARD_CASES = {
    "accents": "Café naïve résumé Ångström façade Dvořák Øresund Łódź São Paulo",
    "decomposed accents": "Cafe\u0301 nai\u0308ve A\u030angstro\u0308m",
    "stacked combining marks": "e\u0301\u0316\u0334 q\u0303\u0323 \u0301alone Z\u0351\u0300\u0301\u0316 a\u20dd \u0344",
    "marks newer than unicode 9": "a\u1ac0b c\u0301\u1dfa\u0316 x\U00011938y \u0898\u0301",
    "cjk": "日本語のテキスト、中文句子。한국어 문장 漢字かな交じり",
    "cjk edges": "\u4e00\u9fff\u3400\uf900\ufa6c\ufad0\U00020000\U0002a6df\U0002b820\U0002b91f\U0002b920\U0002f800",
    "cyrillic": "Москва — столица России. ЁЖИК и ёжик, Ўзбекистон, Їжак",
    "greek final sigma": "ΟΔΥΣΣΕΥΣ ΣΟΦΟΣ Σ. ὈΔΥΣΣΕΎΣ ΆΣΤΥ",
    "turkish dotted i": "İSTANBUL İzmir ıiIİ DİYARBAKIR i\u0307",
    "emoji": "Great 👍🏽 news 🎉🇺🇸 👨\u200d👩\u200d👧 ❤️ 🥰 🫠 \u2603",
    "control characters": "a\x01b\x07c\x1bd\x7fe\x85f\x0bg\x0ch\x1ci\x1fj\x9fk",
    "nul and replacement character": "a\x00b \ufffd c\ufffdd \x00",
    "zero-width and format characters": "zero\u200bwidth\u200cnon\u200djoiner\u2060word\ufeffbom soft\u00adhyphen\u180e\u202e",
    "whitespace kinds": "tab\tnew\nline\r\nnbsp\u00a0thin\u2009ideo\u3000graphic\u2028sep\u1680ogham\u205fmath",
    "punctuation": "«quoted» „German“ ‘single’ — dash … ¿Qué? ¡Hola! 「括弧」 §¶ ※ \u2e43 \u166d \U000111c9",
    "symbols and numbers": "$1,234.56 + 3½% ≈ 10⁶ €5 £3 ¥ 1st 2nd 3rd ™ © ° ±",
    "special tokens in the text": "a[MASK]b [CLS]x [[SEP]] [cls] [UNK]? [PAD][PAD] [CL\u200bS]",
    "capitals newer than python's unicode": "\ua7cb\u1c89\U00010d50 \U00016ea0x",
    "private use and unassigned": "\ue000 \U000f0000 \u0378 \U000e0001 \U0010ffff \U0001fbff",
    "word of 100 chars": "b" * 100,
    "word of 101 chars": "a" * 101,
    "long splittable word": "antidisestablishmentarianism" * 5,
    "long url": "https://example.com/" + "path/segment-" * 12 + "?q=" + "x" * 120,
    "unsplittable word": "qzx\u0b95 \u2603snow",
    "empty": "",
    "whitespace only": " \t\n\u3000\u00a0 ",
    "removed characters only": "\x00\x01\ufffd\u200b",
    "long sentence": " ".join(["The unemployment rate rose to 10 percent, and 3 million jobs were lost."] * 20),
    "many special tokens": "[SEP]" * 300,
    "split word at the truncation point": "word " * (MAX_TOKENS - 3) + "unaffable",
}


@pytest.mark.parametrize("max_tokens", [MAX_TOKENS, 5, 2])
@pytest.mark.parametrize("text", HARD_CASES.values(), ids=HARD_CASES.keys())
def test_same_ids_on_hard_cases(reference, text, max_tokens):
    assert ours(max_tokens).encode(text) == reference(max_tokens).encode(text).ids


def test_truncation_keeps_cls_and_sep_within_max_tokens():
    ids = ours(MAX_TOKENS).encode(HARD_CASES["long sentence"])
    assert len(ids) == MAX_TOKENS and ids[0] == 101 and ids[-1] == 102
    assert ours(2).encode("anything at all") == [101, 102]
    with pytest.raises(ValueError):
        WordPieceTokenizer.from_file(TOKENIZER_JSON, 1)


def test_same_normalization_words_and_ids_for_every_code_point(reference):
    # The character tables in wordpiece.py are Unicode 9 as tokenizers sees it; this checks them all.
    tokenizer, ref = ours(UNLIMITED), reference(UNLIMITED)
    ref_words = ref.pre_tokenizer.pre_tokenize_str
    checks = [  # what is compared, how each code point is written, ours, the reference's
        ("normalisation", "{}", tokenizer.normalize, ref.normalizer.normalize_str),
        ("pre-tokenisation", "a{}a", pre_tokenize, lambda text: [w for w, _ in ref_words(text)]),
        ("ids", "{}", tokenizer.encode, lambda text: ref.encode(text).ids),
    ]
    everything = [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]
    for start in range(0, len(everything), 8192):
        chunk = everything[start : start + 8192]
        for what, form, mine, theirs in checks:
            if mine(" ".join(map(form.format, chunk))) != theirs(" ".join(map(form.format, chunk))):
                different = [f"U+{ord(c):04X}" for c in chunk if mine(form.format(c)) != theirs(form.format(c))]
                pytest.fail(f"{what} differs from tokenizers for {different}")


_TRICKY_CHARS = (
    "İıΣσςÉé\u0301\u0316\u0334\u0345\u1ac0\u1dfa\U00011938\U0001d165\ua7cb\ufa6c"
    "\u200b\u00ad\x00\ufffd\u3000\u2028\x85\x1c\t\n 日本한Ё👍🏽\u2e43\u166d\U000111c9#.,-'"
)
_FRAGMENTS = st.one_of(
    st.text(max_size=12),  # any code point but surrogates, assigned or not
    st.text(st.characters(categories=["Mn", "Mc", "Me", "P", "Z", "Cc", "Cf", "Co", "Cn"]), max_size=6),
    st.text(st.sampled_from(_TRICKY_CHARS), max_size=8),
    st.sampled_from(["[CLS]", "[SEP]", "[MASK]", "[UNK]", "[PAD]", "[cls]", "[CLS", "##", "##ing"]),
    st.sampled_from(["the", "unaffable", "running", "Jobs", "percent", "1,000", " ", "."]),
)


@settings(max_examples=400, deadline=None)
@given(text=st.lists(_FRAGMENTS, max_size=12).map("".join), max_tokens=st.sampled_from([MAX_TOKENS, 6, 2]))
def test_same_ids_on_random_text(reference, text, max_tokens):
    assert ours(max_tokens).encode(text) == reference(max_tokens).encode(text).ids
    # Ids hide differences inside words that become [UNK] anyway; the normalised text does not.
    assert ours(max_tokens).normalize(text) == reference(max_tokens).normalizer.normalize_str(text)


SCORED = [
    *HARD_CASES.values(),
    "The unemployment rate rose to 10 percent and 3 million jobs were lost in the last two years.",
    "Thank you very much, it's good to be here tonight.",
    "Crime fell 20% in 2019.",
    "We've cut taxes for 95% of working families — that’s a fact.",
    "I think so.",
]


def _transformer():
    manifest = json.loads((MODEL_DIR / "final.json").read_text(encoding="utf-8"))
    if manifest["kind"] != "transformer":
        pytest.skip("the shipped final model is the linear one; there is no transformer to score with")
    return MODEL_DIR / manifest["onnx"], TransformerModel(MODEL_DIR / manifest["onnx"], TOKENIZER_JSON, MAX_TOKENS)


def test_final_logits_are_unchanged(reference):
    import onnxruntime

    onnx_path, model = _transformer()
    options = onnxruntime.SessionOptions()  # as final_model sets it up
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
    session = onnxruntime.InferenceSession(str(onnx_path), options, providers=["CPUExecutionProvider"])
    expected = []
    for encoding in reference(MAX_TOKENS).encode_batch(SCORED):
        ids = np.asarray([encoding.ids], dtype=np.int64)
        expected.append(session.run(None, {"input_ids": ids, "attention_mask": np.ones_like(ids)})[0][0])
    assert len(SCORED) >= 30
    np.testing.assert_array_equal(model.logits(SCORED), np.asarray(expected, dtype=np.float64))


def test_two_thread_path_gives_the_same_logits(monkeypatch):
    _, model = _transformer()
    one_thread = model.logits(SCORED)
    monkeypatch.setattr(final_model, "PARALLEL_FROM", 4)
    monkeypatch.setattr(final_model.os, "cpu_count", lambda: 2)
    np.testing.assert_array_equal(model.logits(SCORED), one_thread)


def test_the_app_runs_without_tokenizers(monkeypatch):
    monkeypatch.setitem(sys.modules, "tokenizers", None)  # any import of it now fails
    _, model = _transformer()
    assert model.logits(["Crime fell 20% in 2019."]).shape == (1,)
    offenders = []
    for path in (REPO / "reviewer").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            if any(name.split(".")[0] == "tokenizers" for name in names):
                offenders.append(str(path.relative_to(REPO)))
    assert offenders == []


@pytest.mark.parametrize(
    "change, complaint",
    [
        ({"normalizer": {"type": "NFKC"}}, "normalizer is 'NFKC'"),
        ({"pre_tokenizer": {"type": "Whitespace"}}, "pre_tokenizer is 'Whitespace'"),
        ({"model": {"type": "BPE", "vocab": {}, "merges": []}}, "model is 'BPE'"),
        ({"post_processor": {"type": "RobertaProcessing"}}, "post_processor"),
        ({"post_processor": None}, "post_processor"),
        ({"added_tokens": [{"id": 0, "content": "[PAD]", "lstrip": True}]}, "added token '\\[PAD\\]'"),
        # Values of the wrong JSON type are refused with a message, not a KeyError or TypeError.
        ({"model": {"type": "WordPiece", "vocab": ["[UNK]"]}}, "vocabulary is not a JSON object of token ids"),
        ({"model": {"type": "WordPiece", "vocab": {"[UNK]": "100"}}}, "vocabulary is not a JSON object of token ids"),
        ({"post_processor": {"type": "BertProcessing", "cls": "[CLS]", "sep": ["[SEP]", 102]}}, "post_processor"),
        (
            {
                "post_processor": {
                    "type": "TemplateProcessing",
                    "single": [{"SpecialToken": {"id": "[CLS]"}}, "A", {"SpecialToken": {"id": "[SEP]"}}],
                }
            },
            "post_processor",
        ),
        ({"added_tokens": [{"id": 0}]}, "added token has no text"),
        ({"normalizer": "BertNormalizer"}, "normalizer is not a JSON object"),
    ],
)
def test_other_tokenizer_files_are_refused_clearly(tmp_path, change, complaint):
    spec = json.loads(TOKENIZER_JSON.read_text(encoding="utf-8"))
    path = tmp_path / "tokenizer.json"
    path.write_text(json.dumps({**spec, **change}), encoding="utf-8")
    with pytest.raises(UnsupportedTokenizer, match=complaint):
        WordPieceTokenizer.from_file(path, MAX_TOKENS)


def test_overlong_words_are_unknown_and_not_kept_in_the_word_cache():
    tokenizer = WordPieceTokenizer.from_file(TOKENIZER_JSON, 128)
    unk = tokenizer.encode("[UNK]")[1]
    for n in range(50):
        assert tokenizer.encode("x" * (101 + n))[1:-1] == [unk]
    assert tokenizer._word_ids.cache_info().currsize == 0
