"""URLs that people paste as evidence, and which of them the app and its reports may link to.

Two rules, kept together: ``clean_url`` is what the store keeps (a URL on one line, with nothing
hidden in it), ``safe_url`` is what may become a link (http(s) or mailto, spaces and quotes
percent-encoded, and nothing inside that could end the link in Markdown or HTML or hide in it). Pure; any thread.
"""

from __future__ import annotations

import re
import unicodedata

from .errors import ReviewerError

LINK_SCHEMES = frozenset({"http", "https", "mailto"})

# Browsers remove ASCII tab, CR and LF anywhere in a URL (WHATWG URL standard, basic URL parser),
# so an address pasted broken over lines means the same address joined up.
_TAB_OR_NEWLINE = re.compile("[\t\r\n]")
# Never valid unencoded in a URL (RFC 3986), and each can end or reshape a link in Markdown or HTML:
# "<" and ">" an autolink or tag, backslash and "`" an escape or a code span (and a browser reads a
# backslash as "/" in a web address). '"' could end an attribute too, but is written %22, as browsers
# send it, so links such as "?q={"a":1}" keep working.
_ASCII_ODD = re.compile("[\x00-\x1f\x7f<>\\\\`]")
_NEVER_IN_URL = frozenset("<>\\`")
_ENCODE = str.maketrans({" ": "%20", '"': "%22"})
_HIDDEN = ("Cc", "Cf", "Zl", "Zp")  # controls, format characters, line and paragraph separators


def _odd_character(text: str) -> int | None:
    """Where the first character that has no place inside a link is: whitespace other than the
    ASCII space (tab, line and paragraph separators, no-break spaces), a control character
    (NUL, NEL…), an invisible format character (U+200B, U+202E…), or "<", ">", backslash or
    backtick, which no URL holds unencoded. None when there is none."""
    if text.isascii():  # the common case, and fast: a report checks thousands of URLs
        match = _ASCII_ODD.search(text)
        return match.start() if match else None
    for i, ch in enumerate(text):
        if (ch.isspace() and ch != " ") or ch in _NEVER_IN_URL or unicodedata.category(ch) in _HIDDEN:
            return i
    return None


def clean_url(url: str | None) -> str | None:
    """``url`` as the store keeps it: ends stripped and tabs and line breaks inside removed, as a
    browser does; None when nothing is left. A space inside is kept as typed (``safe_url``
    links it as %20). Raises ReviewerError for any other control, invisible or line-separating
    character inside: the person cannot see it, and no browser would read the address the way
    it looks."""
    if url is None:
        return None
    url = _TAB_OR_NEWLINE.sub("", url.strip())
    for i, ch in enumerate(url):
        if unicodedata.category(ch) in _HIDDEN:
            raise ReviewerError(
                f"The URL has an invisible or control character (U+{ord(ch):04X}) at character {i + 1}: "
                "type the address again, or copy it from the browser's address bar."
            )
    return url or None


def safe_url(url: str | None) -> str | None:
    """The URL to link to, if ``url`` may become a link: an http(s) or mailto URL, ends stripped
    and spaces and double quotes inside written %20 and %22 (as a browser sends them), with no
    other whitespace, no control or invisible character and no "<", ">", backslash or backtick
    inside. Else None (never javascript:, data:, file:, nor a URL that could break out of a
    Markdown autolink or an HTML attribute, or hide part of itself)."""
    if not url:
        return None
    candidate = url.strip()
    if _odd_character(candidate) is not None:
        return None
    scheme = candidate.split(":", 1)[0].lower() if ":" in candidate else ""
    return candidate.translate(_ENCODE) if scheme in LINK_SCHEMES else None


# What an encoded link keeps as typed: printable ASCII that may stand in a URL (RFC 3986
# unreserved and reserved characters, and "%") but "(" and ")", which delimit a PDF string.
# Everything else is percent-encoded as UTF-8.
_KEEP_IN_LINK = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'*+,;=%")
_ESCAPE = re.compile("%(?![0-9A-Fa-f]{2})")


def encoded_link(url: str | None) -> str | None:
    """``safe_url(url)`` in printable ASCII, for a document that stores links as strings of its
    own (a PDF's ``/URI (…)``): parentheses, backslash, quotes and every character outside
    printable ASCII percent-encoded (UTF-8), and a "%" that starts no escape written %25, so
    nothing in the link can end the string it is written in. None when ``safe_url`` refuses
    ``url``. The link leads where ``safe_url``'s does. Pure; any thread."""
    link = safe_url(url)
    if link is None:
        return None
    link = _ESCAPE.sub("%25", link)
    if all(ch in _KEEP_IN_LINK for ch in link):
        return link
    return "".join(
        ch if ch in _KEEP_IN_LINK else "".join(f"%{b:02X}" for b in ch.encode("utf-8", "surrogatepass")) for ch in link
    )
