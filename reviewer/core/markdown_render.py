"""Markdown → safe HTML, for note previews and reports.

Notes are written by people and may contain raw HTML; whatever they contain, the output
has no script, no event attributes, no ``javascript:`` links and no remote images (an
offline app must not fetch, and a report must not phone home). Pure and thread-safe.
"""

from __future__ import annotations

import html
import re
import threading

import markdown
import nh3

from .domain import MAX_NOTE_CHARS
from .markdown_linear import LinearLinksExtension
from .urls import LINK_SCHEMES, safe_url

# safe_url lives in ``urls``; it stays importable from here.
__all__ = ["MAX_NOTE_CHARS", "render_markdown", "safe_url", "sanitize_html"]


_EXTENSIONS = ["extra", "sane_lists", "nl2br"]

_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "code",
    "dd",
    "del",
    "dl",
    "dt",
    "em",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "s",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
}
_URL_SCHEMES = set(LINK_SCHEMES)
_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "td": {"align"}, "th": {"align"}}


def render_markdown(text: str) -> str:
    """Render a note to sanitised HTML (a fragment, no <html> wrapper). Any thread; linear in the
    length of the note. A note over ``MAX_NOTE_CHARS`` comes back as plain text paragraphs."""
    if not text or not text.strip():
        return ""
    if len(text) > MAX_NOTE_CHARS:
        return render_plain(text)
    # Building a converter with its extensions costs more than converting a short note, and a
    # report renders a thousand notes; converters are not thread-safe, hence one per thread.
    converter = getattr(_local, "converter", None)
    if converter is None:
        converter = _local.converter = markdown.Markdown(
            extensions=[*_EXTENSIONS, LinearLinksExtension()], output_format="html"
        )
    html = converter.reset().convert(_bound_pathological(_neutralise_open_tags(text)))
    return sanitize_html(html.replace(_LITERAL_LT, "&lt;"))


# A "<" with no ">" after it can open no tag, comment or autolink, yet Python's HTML parser
# (which Python-Markdown runs over notes) retries the rest of the text as a tag from each one:
# "x <a" repeated was quadratic. Such a "<" becomes a Unicode noncharacter, put back as "&lt;",
# which is how the "<" would have come out anyway (text, code and attributes all escape it).
_LITERAL_LT = "\ufdd0"


def _neutralise_open_tags(text: str) -> str:
    text = text.replace(_LITERAL_LT, "\ufffd")  # a noncharacter is not text; it cannot pose as "<"
    after = text.rfind(">") + 1
    if "<" in text[after:]:
        text = text[:after] + text[after:].replace("<", _LITERAL_LT)
    return text


# Two bounds that change rendering only for pathological notes, because Python-Markdown's work
# there grows with (markers x paragraph length) and no linear processor can replace it exactly:
# - quotes nested deeper than _MAX_QUOTE_DEPTH on one line: each level re-parses the rest of the
#   block, so the extra ">" are escaped and shown as text (stock Python-Markdown itself stops
#   nesting near Python's recursion limit);
# - more than _MAX_EMPHASIS_MARKERS "*" or "_" in one paragraph: the emphasis processor rebuilds
#   the paragraph once per emphasis found, so the markers past the bound are escaped and shown
#   literally (the escapes themselves are replaced in one pass, see markdown_linear).
_MAX_QUOTE_DEPTH = 20
_DEEP_QUOTE = re.compile(r"^((?:[ ]{0,3}>[ ]?){%d}[ ]{0,3})>" % _MAX_QUOTE_DEPTH, re.MULTILINE)
_MAX_EMPHASIS_MARKERS = 400
_MARKER_OR_ESCAPE = re.compile(r"\\.|[*_]", re.DOTALL)


def _bound_pathological(text: str) -> str:
    if ">" in text:
        text = _DEEP_QUOTE.sub(r"\1\\>", text)
    if text.count("*") + text.count("_") <= _MAX_EMPHASIS_MARKERS:
        return text
    return "".join(_bound_markers(chunk) for chunk in re.split(r"(\n[ \t]*\n)", text))


def _bound_markers(paragraph: str) -> str:
    if paragraph.count("*") + paragraph.count("_") <= _MAX_EMPHASIS_MARKERS:
        return paragraph
    seen = 0

    def escape_past_bound(match: re.Match[str]) -> str:
        nonlocal seen
        marker = match.group()
        if len(marker) == 2:  # a backslash escape: its character is no marker
            return marker
        seen += 1
        return marker if seen <= _MAX_EMPHASIS_MARKERS else "\\" + marker

    return _MARKER_OR_ESCAPE.sub(escape_past_bound, paragraph)


_local = threading.local()
_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")


def render_plain(text: str) -> str:
    """Text as escaped paragraphs, line breaks kept: no Markdown, in linear time."""
    paragraphs = _BLANK_LINES.split(text.strip().replace("\r\n", "\n").replace("\r", "\n"))
    return "\n".join("<p>" + html.escape(p, quote=False).replace("\n", "<br>\n") + "</p>" for p in paragraphs)


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
