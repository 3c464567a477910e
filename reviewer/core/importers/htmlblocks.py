"""Walk an HTML (or trafilatura XML) tree into text blocks.

Iterative, so a page nested a hundred thousand levels deep cannot exhaust the stack;
scripts, styles, forms, media and hidden elements contribute no text. Any thread may
call these functions; they do not keep the tree.

Elements are lxml's ``etree._Element`` (lxml has no type information here, so mypy takes them as Any).
"""

from __future__ import annotations

import re

from lxml import etree

from .document import DocumentBuilder

_BR = "\ue000"  # private-use marker for <br>, removed from input text first
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "header",
        "footer",
        "aside",
        "nav",
        "figure",
        "figcaption",
        "blockquote",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "pre",
        "table",
        "tr",
        "thead",
        "tbody",
        "tfoot",
        "caption",
        "form",
        "fieldset",
        "address",
        "center",
        "details",
        "summary",
        "hr",
        "body",
        "html",
        "menu",
        "dir",
        "listing",
        "plaintext",
        "xmp",
        "hgroup",
        *_HEADINGS,
    }
)
_SKIP_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "title",
        "meta",
        "link",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "svg",
        "button",
        "select",
        "option",
        "textarea",
        "input",
        "canvas",
        "audio",
        "video",
        "source",
        "track",
        "img",
        "picture",
        "map",
        "area",
        "base",
        "param",
        "dialog",
        "graphic",
    }
)
_CELL_TAGS = frozenset({"td", "th", "cell"})
# trafilatura's XML vocabulary mapped onto HTML.
_TRAFILATURA_TAGS = {
    "quote": "blockquote",
    "list": "ul",
    "item": "li",
    "lb": "br",
    "row": "tr",
    "hi": "span",
    "ref": "a",
    "code": "pre",
}
# trafilatura writes inline code (`fetch()` in a sentence) and code blocks alike as <code>.
_TRAFILATURA_INLINE_PARENTS = frozenset({"p", "item", "head", "cell", "hi", "ref", "quote"})
_HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def _tag_of(element: etree._Element, vocabulary: dict[str, str]) -> str | None:
    tag = element.tag
    if not isinstance(tag, str):
        return None  # comment, processing instruction, entity
    tag = tag.rsplit("}", 1)[-1].lower()
    if vocabulary and tag == "head":
        rend = element.get("rend", "").lower()
        return rend if rend in _HEADINGS else "h2"
    if vocabulary and tag == "code":
        parent = element.getparent()
        parent_tag = parent.tag.rsplit("}", 1)[-1].lower() if parent is not None and isinstance(parent.tag, str) else ""
        if parent_tag in _TRAFILATURA_INLINE_PARENTS and "\n" not in (element.text or "").strip():
            return "span"
    return vocabulary.get(tag, tag)


def _hidden(element: etree._Element) -> bool:
    attrib = element.attrib
    if "hidden" in attrib or attrib.get("aria-hidden", "").lower() == "true":
        return True
    style = attrib.get("style")
    return bool(style and _HIDDEN_STYLE_RE.search(style[:2000]))


def _clean(text: str | None) -> str:
    return text.replace(_BR, "") if text else ""


class _Walker:
    def __init__(self, builder: DocumentBuilder):
        self.builder = builder
        self.buffer: list[str] = []
        # Each entry: (kind, level) of the enclosing block element.
        self.context: list[tuple[str, int]] = [("paragraph", 0)]
        self.list_depth = 0

    def flush(self) -> None:
        if not self.buffer:
            return
        raw = "".join(self.buffer)
        self.buffer = []
        kind, level = self.context[-1]
        if kind == "preformatted":
            self.builder.add(kind, raw.replace(_BR, "\n"), level)
            return
        # Two or more <br> in a row separate paragraphs; a single one is a line wrap.
        for piece in re.split(rf"(?:{_BR}\s*){{2,}}", raw):
            self.builder.add(kind, piece.replace(_BR, " "), level)

    def start(self, element: etree._Element, tag: str) -> None:
        if tag == "br":
            self.buffer.append(_BR)
        elif tag in _CELL_TAGS:
            if self.buffer and "".join(self.buffer).strip():
                self.buffer.append(" | ")
        elif tag in _BLOCK_TAGS:
            self.flush()
            kind, level = self.context[-1]
            if tag in _HEADINGS:
                kind, level = "heading", _HEADINGS[tag]
            elif tag == "blockquote":
                kind, level = "quote", 0
            elif tag in ("ul", "ol", "dl", "menu", "dir"):
                self.list_depth += 1
            elif tag in ("li", "dd", "dt"):
                kind, level = "list_item", max(1, self.list_depth)
            elif tag in ("pre", "listing", "xmp", "plaintext"):
                kind, level = "preformatted", 0
            elif kind == "heading" or (kind == "list_item" and tag in ("p", "div")):
                pass  # a <p> inside a heading or list item keeps the outer kind
            elif kind not in ("quote", "preformatted", "list_item"):
                kind, level = "paragraph", 0
            self.context.append((kind, level))
        if element.text:
            self.buffer.append(_clean(element.text))

    def end_block(self, tag: str) -> None:
        self.flush()
        self.context.pop()
        if tag in ("ul", "ol", "dl", "menu", "dir"):
            self.list_depth -= 1


def tree_to_blocks(
    root: etree._Element, builder: DocumentBuilder | None = None, *, trafilatura_xml: bool = False
) -> DocumentBuilder:
    """Fill (or make) a builder from an lxml element tree (HTML, or trafilatura's XML)."""
    vocabulary = _TRAFILATURA_TAGS if trafilatura_xml else {}
    builder = builder or DocumentBuilder()
    walker = _Walker(builder)
    iterator = etree.iterwalk(root, events=("start", "end"))
    skipped = None  # after skip_subtree() the very next event is that element's "end"
    for event, element in iterator:
        tag = _tag_of(element, vocabulary)
        if event == "start":
            if tag is None:
                continue
            if tag in _SKIP_TAGS or _hidden(element):
                iterator.skip_subtree()
                skipped = element
                continue
            walker.start(element, tag)
            continue
        if element is skipped or tag is None:
            skipped = None
        elif tag in _BLOCK_TAGS:
            walker.end_block(tag)
        if element.tail and element is not root:
            walker.buffer.append(_clean(element.tail))
    walker.flush()
    return builder
