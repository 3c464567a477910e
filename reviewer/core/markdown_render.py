"""Markdown → safe HTML, for note previews and reports.

Notes are written by people and may contain raw HTML; whatever they contain, the output
has no script, no event attributes, no ``javascript:`` links and no remote images (an
offline app must not fetch, and a report must not phone home). Pure and thread-safe.
"""

from __future__ import annotations

import threading

import markdown
import nh3

from .urls import LINK_SCHEMES, safe_url

# safe_url lives in ``urls``; it stays importable from here.
__all__ = ["render_markdown", "safe_url", "sanitize_html"]

_EXTENSIONS = ["extra", "sane_lists", "nl2br"]

_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "dl", "dt", "em", "h1", "h2", "h3", "h4",
    "h5", "h6", "hr", "i", "ins", "kbd", "li", "mark", "ol", "p", "pre", "s", "strong", "sub", "sup",
    "table", "tbody", "td", "th", "thead", "tr", "ul",
}
_URL_SCHEMES = set(LINK_SCHEMES)
_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "td": {"align"}, "th": {"align"}}


def render_markdown(text: str) -> str:
    """Render a note to sanitised HTML (a fragment, no <html> wrapper)."""
    if not text or not text.strip():
        return ""
    # Building a converter with its extensions costs more than converting a short note, and a
    # report renders a thousand notes; converters are not thread-safe, hence one per thread.
    converter = getattr(_local, "converter", None)
    if converter is None:
        converter = _local.converter = markdown.Markdown(extensions=_EXTENSIONS, output_format="html")
    return sanitize_html(converter.reset().convert(text))


_local = threading.local()


def sanitize_html(html: str) -> str:
    """Keep only harmless formatting; links get rel=noopener and only http(s)/mailto."""
    return nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes=_URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
