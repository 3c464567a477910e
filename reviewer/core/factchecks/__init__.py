"""Fact-check collections: other fact-checkers' verdicts (and one's own) read from files.

- ``model``: the record as read and as stored, its limits, and its identity (``dedupe_key``);
- ``claimreview``: schema.org ClaimReview in JSON, JSON-LD, DataFeeds and web pages;
- ``tabular``: CSV/TSV with a header, JSON lines;
- ``files``: recognising a file, reading it, importing files into a library's collections.

The store keeps the records (``store.factchecks``). This package imports nothing heavy at import
time: ``files`` (which reads files) is imported by whoever imports.
"""

from .model import (
    FIELDS,
    MAX_CLAIM_CHARS,
    MAX_COLLECTION_NAME,
    Factcheck,
    FactcheckCollection,
    FactcheckRecord,
    ParsedFile,
    RecordProblem,
    RowProblem,
    dedupe_key,
)

__all__ = [
    "FIELDS",
    "MAX_CLAIM_CHARS",
    "MAX_COLLECTION_NAME",
    "Factcheck",
    "FactcheckCollection",
    "FactcheckRecord",
    "ParsedFile",
    "RecordProblem",
    "RowProblem",
    "dedupe_key",
]
