"""Reviewer: an offline desktop app for fact-checkers."""

import os

# One core per job: extraction, matching and imports run on worker threads of their own, so a BLAS library
# that spreads each small matrix product over every core only spins threads against them (the source tagger's
# products cost 120 ms of a second core per 5,000 words for nothing). Set before anything imports numpy; a
# value the user set wins.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

__version__ = "0.1.0"
APP_NAME = "Reviewer"
