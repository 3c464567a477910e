"""Review reports: one model (``build_report``), many formats (``render``).

Qt-free. ``build_report(store, options)`` reads the library (on the store's thread) and
returns an immutable ``Report``; ``render(report, fmt)`` turns it into a format's text — or
bytes for ``csv`` (UTF-8 with BOM). PDF is not here: it needs Qt's PDF writer and lives in
``reviewer.pdf_qt``, registered with ``core.export`` by the entry points that write PDF.
"""

from __future__ import annotations

from .model import (
    DEFAULT_TITLE,
    PAGE_SIZES,
    Report,
    ReportArticle,
    ReportClaim,
    ReportOptions,
    VerdictCount,
    build_report,
)

from ..formats import EXTENSIONS, FORMAT_NAMES, FORMATS, TEXT_FORMATS

__all__ = [
    "DEFAULT_TITLE",
    "EXTENSIONS",
    "FORMATS",
    "FORMAT_NAMES",
    "PAGE_SIZES",
    "TEXT_FORMATS",
    "Report",
    "ReportArticle",
    "ReportClaim",
    "ReportOptions",
    "VerdictCount",
    "build_report",
    "render",
]


def render(report: Report, fmt: str) -> str | bytes:
    """The report in ``fmt`` (md, html, csv, json, claimreview). Pure; any thread."""
    if fmt == "md":
        from .markdown_report import render_markdown_report

        return render_markdown_report(report)
    if fmt == "html":
        from .html_report import render_html

        return render_html(report)
    if fmt == "csv":
        from .csv_report import render_csv

        return render_csv(report)
    if fmt == "json":
        from .json_report import render_json

        return render_json(report)
    if fmt == "claimreview":
        from .claimreview import render_claimreview

        return render_claimreview(report)
    from ..errors import ReviewerError

    raise ReviewerError(f"Unknown report format {fmt!r}; use one of {', '.join(TEXT_FORMATS)} (or pdf to export).")


__all__ = [
    "DEFAULT_TITLE",
    "EXTENSIONS",
    "FORMATS",
    "FORMAT_NAMES",
    "PAGE_SIZES",
    "Report",
    "ReportArticle",
    "ReportClaim",
    "ReportOptions",
    "TEXT_FORMATS",
    "VerdictCount",
    "build_report",
    "render",
]
