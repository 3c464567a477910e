"""Small formatting helpers shared by the report writers. Pure functions."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from typing import Any

from ..markdown_render import render_markdown, safe_url
from .model import ReportArticle, ReportClaim
from ..domain import Evidence


# Control characters other than tab, LF and CR: HTML forbids them in text, NUL ends strings in
# some readers, and STX/ETX are Python-Markdown's own placeholders.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _control(match: re.Match[str]) -> str:
    return " " if match[0].isspace() else "\ufffd"


def without_controls(text: str) -> str:
    """``text`` with every control character but tab, LF and CR replaced: a space for the ones
    that are whitespace (VT, FF, NEL…), U+FFFD for the rest (NUL, DEL…)."""
    return _CONTROL.sub(_control, text)


def format_timestamp(value: str | None) -> str:
    """'2024-05-01T14:03:09Z' -> '2024-05-01 14:03 UTC'; anything else unchanged."""
    if not value:
        return ""
    match = re.fullmatch(r"(\d{4}-\d\d-\d\d)T(\d\d:\d\d)(?::\d\d(?:\.\d+)?)?(Z|[+-]00:?00)?", value)
    if match:
        return f"{match[1]} {match[2]}" + (" UTC" if match[3] else "")
    return value


def confidence_label(confidence: int | None) -> str:
    return "" if confidence is None else f"{confidence}%"


def claim_url(article: ReportArticle | None, claim: ReportClaim) -> str | None:
    """The article's URL with the claim's fragment, when the article has a safe http(s) URL."""
    url = safe_url(article.article.url) if article is not None else None
    if not url or not url.lower().startswith(("http://", "https://")):
        return None
    return url.split("#", 1)[0] + "#" + claim.fragment


def evidence_line(e: Evidence) -> str:
    """One plain-text line describing a piece of evidence (for CSV and plain text)."""
    parts = [
        p
        for p in (
            e.title,
            e.url,
            f"“{e.quote}”" if e.quote else None,
            f"accessed {e.accessed}" if e.accessed else None,
            f"file {e.original_name or e.file_name}" if (e.file_name or e.original_name) else None,
        )
        if p
    ]
    return " — ".join(" ".join(p.split()) for p in parts)


def text_on(background: str) -> str:
    """Black or white, whichever reads better on ``background`` ('#rrggbb')."""
    try:
        r, g, b = (int(background[i : i + 2], 16) / 255 for i in (1, 3, 5))
    except (ValueError, IndexError):
        return "#000000"

    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    luminance = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
    # Contrast against black (L+0.05)/0.05 vs against white 1.05/(L+0.05): pick the larger.
    return "#000000" if (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) else "#ffffff"


_COLOR = re.compile(r"#[0-9a-fA-F]{6}")


def safe_color(color: str | None, fallback: str = "#999999") -> str:
    """A verdict colour fit to put in a style attribute (scales are user-editable)."""
    return color if color and _COLOR.fullmatch(color) else fallback


def first_line(markdown_text: str) -> str:
    """The first non-empty line of a Markdown note, without its block markers and emphasis."""
    for line in (markdown_text or "").splitlines():
        line = re.sub(r"^\s{0,3}(?:#{1,6}\s+|>\s*|[-*+]\s+|\d+[.)]\s+)", "", line).strip()
        line = re.sub(r"[*_`]+", "", line).strip()
        if line:
            return line
    return ""


_NOTE_HEADING = re.compile(r"<(/?)h[1-6]>")


def render_note(text: str) -> str:
    """A note as safe HTML for a report. Headings a reviewer wrote become small headings
    (h6) so they can never pose as the report's own structure (PDF bookmarks, outline), and
    its links are links only where ``safe_url`` says so, as everywhere else in a report."""
    return rewrite_links(_NOTE_HEADING.sub(r"<\1h6>", render_markdown(text)), safe_url)


# Text is escaped everywhere in report HTML ("<" only opens our own or nh3's tags), so an "<a"
# is a link tag; its attributes are matched whole, quoted values included, so a ">" or an
# "href=" inside another attribute's value is never taken for the tag's end or its address.
_A_TAG = re.compile(r"""<a(\s(?:[^>"']|"[^"]*"|'[^']*')*)?>""", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""\s+([^\s=>"'/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>"']*))?""")


def rewrite_links(report_html: str, link: Callable[[str], str | None]) -> str:
    """``report_html`` (HTML we made, or nh3's) with each ``<a href>`` address replaced by
    ``link(address)``, or the href dropped (the text stays) when that is None."""

    def tag(match: re.Match[str]) -> str:
        attributes = []
        for name, value in _ATTRIBUTE.findall(match[1] or ""):
            if name.lower() == "href":
                address = link(html.unescape(value[1:-1] if value and value[0] in "\"'" else value))
                if address is None:
                    continue
                value = f'"{html.escape(address, quote=True)}"'
            attributes.append(f" {name}={value}" if value else f" {name}")
        return "<a" + "".join(attributes) + ">"

    return _A_TAG.sub(tag, report_html)


# JSON allows these raw in strings, but JavaScript before ES2019 ends a line at U+2028 and
# U+2029, line-based tools at NEL, and HTML counts DEL and C1 controls as parse errors. "<", ">"
# and "&" because publishers paste ClaimReview JSON into <script type="application/ld+json">,
# where "</script>" or "<!--" in a claim would end the block.
_JSON_RAW = re.compile("[<>&\x7f-\x9f\u2028\u2029]")


def escape_json_text(text: str) -> str:
    """JSON text (from ``json.dumps``) with "<", ">", "&", DEL, C1 controls, U+2028 and U+2029
    written as ``\\uXXXX`` escapes (``\\u003c``…): safe to embed in an HTML script element.
    Outside strings JSON has none of these characters, so the data read back is the same."""
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m[0]):04x}", text)


def json_text(data: Any) -> str:
    """Indented JSON, UTF-8 friendly, with the characters ``escape_json_text`` names escaped.
    Every JSON the reports write passes here or ``escape_json_text``."""
    return escape_json_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
