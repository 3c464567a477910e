"""Print an article's sentence items, numbered, for labelling: `python training/news_labels/show.py DOC...`."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402


def main(docs: list[str]) -> None:
    for doc in docs:
        text = corpus.text_of(doc)
        print(f"=== {doc}")
        last_end = 0
        for i, (start, end) in enumerate(corpus.items(text)):
            if "\n\n" in text[last_end:start]:
                print()
            print(f"[{i}] {text[start:end]}")
            last_end = end
        print()


if __name__ == "__main__":
    main(sys.argv[1:])
