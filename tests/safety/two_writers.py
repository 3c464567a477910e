"""Child processes for test_two_instances.

python two_writers.py cli LIBRARY SEED ROUNDS CLAIM_ID...
    Runs the ``reviewer verdict`` command (``reviewer.cli.main``, which opens and closes the
    library each time, like separate invocations) ROUNDS times; prints
    ``saved <claim_id> <verdict>`` after each successful run, ``error <code> <stderr>`` otherwise.
python two_writers.py window LIBRARY SEED ROUNDS DONE_FILE CLAIM_ID...
    Keeps one Store open like a desktop window and sets notes (some inside a slow transaction
    that holds the write lock for a while); prints ``saved <claim_id> <note>``. Then waits for
    DONE_FILE and prints what it reads now: ``seen <claim_id> <verdict> <note>`` per claim.
"""

from __future__ import annotations

import contextlib
import io
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

VERDICTS = ["supported", "disputed", "misleading", "unverifiable"]


def cli(library: str, rng: random.Random, rounds: int, claim_ids: list[int]) -> None:
    from reviewer.cli import main

    for _ in range(rounds):
        claim_id, verdict = rng.choice(claim_ids), rng.choice(VERDICTS)
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["verdict", str(claim_id), verdict, "--reviewer", "cli", "--db", library])
        if code == 0:
            print(f"saved {claim_id} {verdict}", flush=True)
        else:
            print(f"error {code} {err.getvalue().strip()!r}", flush=True)


def window(library: str, rng: random.Random, rounds: int, done: Path, claim_ids: list[int]) -> None:
    from reviewer.core.store import Store

    store = Store.open(library, reviewer="window", create=False)
    try:
        for i in range(rounds):
            claim_id = rng.choice(claim_ids)
            note = f"note-{i}-{rng.randrange(1 << 30)}"
            try:
                if i % 5 == 0:
                    with store.write():  # a slow save: the other process must wait, not fail
                        store.set_review(claim_id, note=note)
                        time.sleep(0.3)
                else:
                    store.set_review(claim_id, note=note + " " + "detail " * rng.choice([1, 500]))
                    note = store.get_review(claim_id).note
            except Exception as exc:  # reported, and the test fails on it
                print(f"error {type(exc).__name__} {exc!r}", flush=True)
                continue
            print(f"saved {claim_id} {note.split(' ')[0]}", flush=True)
        deadline = time.monotonic() + 120
        while not done.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        for claim_id in claim_ids:  # re-read, on the connection that stayed open all along
            review = store.get_review(claim_id)
            print(f"seen {claim_id} {review.verdict or 'none'} {(review.note or '-').split(' ')[0]}", flush=True)
    finally:
        store.close()


def main() -> None:
    mode, library, seed, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    rng = random.Random(seed)
    if mode == "cli":
        cli(library, rng, rounds, [int(x) for x in sys.argv[5:]])
    else:
        window(library, rng, rounds, Path(sys.argv[5]), [int(x) for x in sys.argv[6:]])


if __name__ == "__main__":
    main()
