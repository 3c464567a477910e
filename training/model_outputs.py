"""Expose intermediate tensors of the shipped check-worthiness model as extra ONNX outputs.

    python training/model_outputs.py   # adds "pooled" and "tokens" to resources/model/minilm_checkworthy_int8.onnx

The shipped graph ends: the last encoder layer's LayerNorm (float [1, T, 384]) -> mean pooling
('/Div_output_0', float [1, 384]) -> int8 linear head -> 'logit'. The news head
(reviewer/core/extraction/news.py) reads the pooled vector, exposed as the output "pooled"; the source
tagger (reviewer/core/extraction/source_tagger.py) reads the token vectors, exposed as "tokens". Both go
through Identity nodes. Weights and the logit are unchanged (checked here).
Idempotent: an output already present is left alone.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import onnx
import onnxruntime
from onnx import TensorProto, helper

MODEL = Path(__file__).resolve().parents[1] / "resources" / "model" / "minilm_checkworthy_int8.onnx"
OUTPUTS = {
    "pooled": ("/Div_output_0", [1, 384]),
    "tokens": ("/encoder/encoder/layer.5/output/LayerNorm/LayerNormalization_output_0", [1, "T", 384]),
}


def main(path: Path = MODEL) -> None:
    model = onnx.load(str(path))
    before = onnxruntime.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    present = {o.name for o in model.graph.output}
    for name, (tensor, shape) in OUTPUTS.items():
        if name in present:
            continue
        model.graph.node.append(helper.make_node("Identity", [tensor], [name], name=f"{name}_identity"))
        model.graph.output.append(helper.make_tensor_value_info(name, TensorProto.FLOAT, shape))
    onnx.checker.check_model(model)
    tmp = path.with_suffix(".tmp.onnx")
    onnx.save(model, str(tmp))
    after = onnxruntime.InferenceSession(str(tmp), providers=["CPUExecutionProvider"])
    ids = np.asarray([[101, 2023, 2003, 1037, 3231, 102]], dtype=np.int64)
    feed = {"input_ids": ids, "attention_mask": np.ones_like(ids)}
    if not np.array_equal(before.run(["logit"], feed)[0], after.run(["logit"], feed)[0]):
        tmp.unlink()
        sys.exit("the logit changed; model left as it was")
    tmp.replace(path)
    print(f"{path.name}: outputs {[o.name for o in after.get_outputs()]}")


if __name__ == "__main__":
    main()
