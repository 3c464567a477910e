"""Child process for test_shared_library: holds a library open as the app does, on command.

    python shared_owner.py LIBRARY CLAIM_ID

Reads commands from stdin, one a line, and answers each with one flushed line:

- ``second``: open and close a second Store on the same file, as the app's import and export jobs do;
- ``verdict V``: set the claim's verdict through the long-lived Store; answers after the commit;
- ``import``: import a text file through ``ImportFlow``'s worker path (another connection, then closed);
- ``quit``: close the Store and exit.

Prints ``ready`` once the library is open. The parent kills it with SIGKILL to simulate a crash.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from reviewer.core.store import Store  # noqa: E402


def main() -> None:
    library, claim_id = Path(sys.argv[1]), int(sys.argv[2])
    store = Store.open(library, reviewer="owner")
    print("ready", flush=True)
    for line in sys.stdin:
        command, _, arg = line.strip().partition(" ")
        if command == "second":
            Store.open(library, reviewer="owner", create=False).close()
        elif command == "verdict":
            store.set_review(claim_id, verdict=arg)
        elif command == "worker":
            with store.worker_store() as worker:
                worker.set_meta("touched-by-worker", "1")
        elif command == "quit":
            store.close()
            print("bye", flush=True)
            return
        print(f"done {command}", flush=True)


if __name__ == "__main__":
    main()
