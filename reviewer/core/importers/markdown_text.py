"""Markdown to plain text and blocks: rendered with Python-Markdown, then walked like HTML,
so markup never reaches the text and raw HTML (scripts included) adds no text."""

from __future__ import annotations

import lxml.html
import markdown
from lxml import etree

from .document import DocumentBuilder
from .htmlblocks import tree_to_blocks
from .plaintext import text_to_blocks

# Python-Markdown has slow paths on adversarial input; past this size the file is read
# as plain text (still complete, just without Markdown structure).
MAX_MARKDOWN_CHARS = 1_000_000


def markdown_to_blocks(text: str) -> tuple[DocumentBuilder, str | None]:
    """Blocks of a Markdown text and its title (a leading level-1 heading, removed from the
    body), or None. Pure; any thread may call."""
    if len(text) > MAX_MARKDOWN_CHARS:
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
