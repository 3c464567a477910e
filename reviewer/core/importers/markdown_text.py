"""Markdown to plain text and blocks: rendered with Python-Markdown, then walked like HTML,
so markup never reaches the text and raw HTML (scripts included) adds no text."""

from __future__ import annotations

import re

import lxml.html
import markdown
from lxml import etree

from .document import DocumentBuilder
from .htmlblocks import tree_to_blocks
from .plaintext import text_to_blocks

# Python-Markdown takes time quadratic in the markup characters of one paragraph (a line of
# 100,000 "[" takes minutes). Text past any of these limits is read as plain text instead:
# complete, with its markup characters shown as typed.
MAX_MARKDOWN_CHARS = 300_000
MAX_PARAGRAPH_CHARS = 20_000
MAX_BRACKETS_PER_PARAGRAPH = 64
MAX_MARKUP_PER_PARAGRAPH = 512
_PARAGRAPH_SPLIT_RE = re.compile(r"\n[ \t]*\n")
_MARKUP_RE = re.compile(r"[*_`<>!(\\]")


def _safe_for_markdown(text: str) -> bool:
    if len(text) > MAX_MARKDOWN_CHARS:
        return False
    for paragraph in _PARAGRAPH_SPLIT_RE.split(text):
        if len(paragraph) > MAX_PARAGRAPH_CHARS or paragraph.count("[") > MAX_BRACKETS_PER_PARAGRAPH:
            return False
        if len(paragraph) > MAX_MARKUP_PER_PARAGRAPH and len(_MARKUP_RE.findall(paragraph)) > MAX_MARKUP_PER_PARAGRAPH:
            return False
    return True


def markdown_to_blocks(text: str) -> tuple[DocumentBuilder, str | None]:
    """Blocks of a Markdown text and its title (a leading level-1 heading, removed from the
    body), or None. Pure; any thread may call."""
    if not _safe_for_markdown(text):
        return text_to_blocks(text), None
    rendered = markdown.markdown(text, extensions=["extra", "sane_lists"], output_format="html")
    if not rendered.strip():
        return DocumentBuilder(), None
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)
    try:
        root = lxml.html.fragment_fromstring(rendered, create_parent="div", parser=parser)
    except (etree.ParserError, ValueError):
        return text_to_blocks(text), None
    builder = tree_to_blocks(root)
    title = None
    blocks = builder.block_texts()
    if blocks and blocks[0][0] == "heading" and blocks[0][2] == 1 and len(blocks) > 1:
        title = blocks[0][1]
        builder.drop_first()
    return builder, title
