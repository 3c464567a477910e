"""The app's jobs each run on one core: importing reviewer keeps numpy's BLAS to one thread unless told otherwise."""

from __future__ import annotations

import json
import os
import subprocess
import sys

_PROBE = (
    "import json, os, reviewer, numpy; "
    "print(json.dumps({k: os.environ.get(k) for k in ('OPENBLAS_NUM_THREADS', 'OMP_NUM_THREADS', 'MKL_NUM_THREADS')}))"
)


def _blas_settings(**env: str) -> dict[str, str | None]:
    clean = {
        k: v for k, v in os.environ.items() if k not in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
    }
    out = subprocess.run(
        [sys.executable, "-c", _PROBE], env={**clean, **env}, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)


def test_importing_reviewer_keeps_blas_to_one_thread():
    assert _blas_settings() == {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def test_a_thread_count_the_user_set_wins():
    assert _blas_settings(OPENBLAS_NUM_THREADS="4")["OPENBLAS_NUM_THREADS"] == "4"
