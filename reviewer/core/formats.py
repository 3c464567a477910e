"""The report formats: the one list the command line, the Export dialog and the reports share.

Kept apart from ``core.reports`` so that the command line can name them without loading the
report builders.
"""

from __future__ import annotations

# Rendered by the core itself (``reports.render``); "pdf" needs a registered writer (``core.export``).
TEXT_FORMATS = ("md", "html", "csv", "json", "claimreview")
FORMATS = ("md", "html", "pdf", "csv", "json", "claimreview")
EXTENSIONS = {
    "md": ".md",
    "html": ".html",
    "pdf": ".pdf",
    "csv": ".csv",
    "json": ".json",
    "claimreview": ".claimreview.json",
}
FORMAT_NAMES = {
    "md": "Markdown",
    "html": "HTML (self-contained web page)",
    "pdf": "PDF",
    "csv": "CSV spreadsheet",
    "json": "JSON (complete, for other tools)",
    "claimreview": "ClaimReview (schema.org JSON)",
}
