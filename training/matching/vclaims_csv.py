"""Write the CheckThat! 2A verified claims (Snopes) as a fact-check CSV that `reviewer factchecks import` reads.

    python training/matching/vclaims_csv.py OUT.csv [--archive ../shared/data/claim-matching/vclaims.tar.gz]

One row per vclaim JSON file in the archive, in the archive's order: claim = vclaim, title, date,
publisher = "Snopes", id_hint = vclaim_id. The importer ignores columns it does not know (id_hint), so
a benchmark maps vclaim_id to a stored record by claim text. The vclaims have no URL, so the importer
dedupes them by claim text and publisher, compared normalised (``reviewer.core.factchecks.model.
normalise_text``: case, typographic quotes and spacing ignored): 34 of the 14,231 repeat an earlier
vclaim's text (so compared) and import as duplicates (14,197 records). Map a record to every vclaim_id whose
normalised text it holds, not by import order.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tarfile
from pathlib import Path

DEFAULT_ARCHIVE = Path(__file__).resolve().parents[3] / "shared" / "data" / "claim-matching" / "vclaims.tar.gz"
HEADER = ["claim", "title", "date", "publisher", "id_hint"]


def read_vclaims(archive: Path) -> list[dict[str, str]]:
    """The vclaims in the archive, in its order (one dict per JSON file)."""
    rows: list[dict[str, str]] = []
    with tarfile.open(archive, "r:gz") as tar:
        for member in tar:
            if not member.isfile() or not member.name.endswith(".json"):
                continue
            handle = tar.extractfile(member)
            if handle is None:
                continue
            rows.append(json.loads(handle.read().decode("utf-8")))
    return rows


def write_csv(vclaims: list[dict[str, str]], out: Path) -> int:
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        for v in vclaims:
            writer.writerow([" ".join(v["vclaim"].split()), v.get("title") or "", v.get("date") or "",
                             "Snopes", v["vclaim_id"]])
    return len(vclaims)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--archive", type=Path, default=DEFAULT_ARCHIVE)
    args = parser.parse_args(argv)
    count = write_csv(read_vclaims(args.archive), args.out)
    print(f"{count} fact-checks written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
