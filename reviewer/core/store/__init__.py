"""The review library: one SQLite file, reached only through this package.

``Store`` is the one object the rest of the app talks to. Its parts live in one module per
responsibility (``base``: connection, transactions, audit; ``articles``; ``claims``;
``reviews``: verdicts, notes, evidence, history; ``scales``; ``team``: colleagues' reviews, final
decisions; ``bundle_export``, ``bundle_merge`` and ``rows``: bundles out and in), but all SQL
stays in here.
Every write is one ``BEGIN IMMEDIATE`` transaction that also appends to the audit log.
Methods return plain domain objects. A Store belongs to the thread that opened it; a worker
thread asks it for ``worker_store()``. The library file is touched only through SQLite (see
``base``).
"""

from __future__ import annotations

from .articles import ArticlesMixin, fts_query
from .base import (
    BUSY_TIMEOUT_MS,
    WRITE_RETRY_SECONDS,
    StoreBase,
    attachments_dir,
    default_reviewer,
    is_library_file,
    library_error,
    utc_now,
)
from .bundle_export import BundleExportMixin
from .bundle_merge import BundleMergeMixin
from .claims import ClaimsMixin
from .embeddings import EmbeddingsMixin
from .factchecks import FactchecksMixin
from .reviews import ReviewsMixin
from .scales import ScalesMixin
from .team import TeamMixin

__all__ = [
    "BUSY_TIMEOUT_MS",
    "WRITE_RETRY_SECONDS",
    "Store",
    "attachments_dir",
    "default_reviewer",
    "fts_query",
    "is_library_file",
    "library_error",
    "utc_now",
]


class Store(
    ArticlesMixin,
    ClaimsMixin,
    ReviewsMixin,
    ScalesMixin,
    FactchecksMixin,
    EmbeddingsMixin,
    TeamMixin,
    BundleExportMixin,
    BundleMergeMixin,
    StoreBase,
):
    """A connection to one library file. Not thread-safe: one Store per thread."""
