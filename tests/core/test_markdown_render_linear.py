"""Hostile notes render in linear time, and exactly as Python-Markdown renders them.

Issue #12 item 2: 16,000 "[" took 38 s (quadratic); "![" and "[a](" were worse. Growth is
compared in one test (a note of the maximum size against one 25 times smaller, CPU time via
tests/growth.py), never wall-clock limits; absolute figures are in tests/benchmarks/bench_notes.py.
"""

from __future__ import annotations

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.core.markdown_render import MAX_NOTE_CHARS, render_markdown, sanitize_html
from tests.growth import assert_linear


def _staircase(n: int) -> str:
    """Runs of 1, 2, 3... backticks: none closes the one before (was O(n^1.5))."""
    out, k = [], 1
    while sum(map(len, out)) < n:
        out.append("`" * k + " ")
        k += 1
    return "".join(out)[:n]


def _repeat(unit: str):
    return lambda n: (unit * (n // len(unit) + 1))[:n]


HOSTILE = {
    "open brackets": _repeat("["),
    "open images": _repeat("!["),
    "unclosed links": _repeat("[a]("),
    "unclosed references": _repeat("[a]["),
    "unclosed titles": _repeat('[a]("'),
    "unclosed footnotes": _repeat("[^"),
    "nested brackets": lambda n: "[" * (n // 2) + "]" * (n // 2),
    "backtick staircase": _staircase,
    "unclosed tags": _repeat("<a "),
    "unclosed tags in text": _repeat("x <a"),
    "escaped backslashes": _repeat("\\\\"),
    "escaped punctuation": _repeat("\\*"),
    "numeric entities": _repeat("&#1"),
    "nested quotes": _repeat("> "),
    "emphasis words": _repeat("*a* "),
}

SMALL, LARGE = MAX_NOTE_CHARS // 25, MAX_NOTE_CHARS


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_notes_render_in_linear_time(name):
    build = HOSTILE[name]
    small, large = build(SMALL), build(LARGE)
    assert len(large) == LARGE and len(small) == SMALL
    assert_linear(render_markdown, small, large, what=f"rendering {name}")


def test_a_note_over_the_limit_renders_as_plain_text_in_linear_time():
    tail = "\n\n**not bold** <script>x</script>"
    hostile = "[a](" * (1_000_000 // 4)
    assert len(hostile) > MAX_NOTE_CHARS
    # Both notes over the limit, so both take the plain-text path (a 40 KB note would be rendered as
    # Markdown, and the comparison would be between two different kinds of work).
    small = "[a](" * (MAX_NOTE_CHARS // 4 + 1) + tail
    assert len(small) > MAX_NOTE_CHARS
    html = assert_linear(render_markdown, small, hostile + tail, what="rendering a note over the limit")
    assert html.startswith("<p>[a](")
    assert "<strong>" not in html and "<script" not in html and "&lt;script&gt;" in html
    assert html.count("[a](") == len(hostile) // 4  # nothing cut


def test_real_links_images_emphasis_and_code_render_as_before():
    html = render_markdown(
        '**Bold** and *em* [ONS](https://ons.gov.uk/a_(b) "Office") ![chart](chart.png) `x < [y]`\n\n'
        "[ref][r] and [r]\n\n[r]: https://example.org/r\n\nText[^1]\n\n[^1]: A footnote. "
        '"[a](b)" <http://c.example/>'
    )
    assert "<strong>Bold</strong>" in html and "<em>em</em>" in html
    assert '<a href="https://ons.gov.uk/a_(b)" title="Office"' in html
    assert "<img" not in html and "chart" not in html.split("<code>")[0].split("ons.gov.uk")[0]
    assert "<code>x &lt; [y]</code>" in html
    assert html.count('href="https://example.org/r"') == 2
    assert "footnote" in html and 'href="b"' in html and 'href="http://c.example/"' in html


_STOCK = markdown.Markdown(extensions=["extra", "sane_lists", "nl2br"], output_format="html")
_PIECES = st.sampled_from(
    list("[]()\"' a!\n\\`<>*_^:")
    + ["](", "![", "[a]", "[^1]", "[^1]: x\n", "[a]: http://x\n", "``", "```", "http://e.x/", "\n\n", "  ", "<a "]
)


@settings(max_examples=3000, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=40).map("".join))
def test_the_linear_renderer_gives_exactly_python_markdowns_html(text):
    expected = sanitize_html(_STOCK.reset().convert(text)) if text.strip() else ""
    assert render_markdown(text) == expected
