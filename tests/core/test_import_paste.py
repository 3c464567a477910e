"""Pasted text or HTML becomes a new article; HTML is preferred when it has text."""

import pytest

from reviewer.core.errors import ImportFailed
from reviewer.core.importers import read_pasted


def test_plain_paste():
    doc = read_pasted("  Minister resigns\r\n\r\nThe minister resigned on Friday, the office said.  \n")
    assert doc.original_format == "paste" and doc.source_path is None
    assert doc.text == "Minister resigns\n\nThe minister resigned on Friday, the office said."
    assert doc.title == "Minister resigns"


def test_html_fragment_preferred_and_structured():
    html = (
        "<h2>Minister resigns</h2><p>The minister <b>resigned</b> on Friday.</p>"
        "<blockquote>It was time, she said.</blockquote><script>evil()</script>"
        "<ul><li>one</li><li>two</li></ul>"
    )
    doc = read_pasted("plain version", html)
    assert doc.text == "Minister resigns\n\nThe minister resigned on Friday.\n\nIt was time, she said.\n\none\n\ntwo"
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph", "quote", "list_item", "list_item"]
    assert "evil" not in doc.text


def test_empty_html_falls_back_to_text():
    doc = read_pasted("The text that matters.", "<span></span><!-- nothing -->")
    assert doc.text == "The text that matters."


def test_whole_page_paste_uses_article_extraction():
    body = "".join(
        f"<p>Paragraph {i} of the article says something about the budget and the council vote.</p>" for i in range(8)
    )
    html = (
        f"<html><head><title>Budget vote</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<article>{body}</article></body></html>"
    )
    doc = read_pasted("", html)
    assert "Paragraph 7 of the article" in doc.text and "Home" not in doc.text
    assert doc.title == "Budget vote"


@pytest.mark.parametrize(("text", "html"), [("", None), ("   \n ", ""), ("", "<p> </p>"), ("\x00\x01", None)])
def test_nothing_to_paste(text, html):
    with pytest.raises(ImportFailed) as caught:
        read_pasted(text, html)
    assert "pasted text" in str(caught.value)
