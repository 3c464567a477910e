"""Markdown import: structure kept as blocks, markup removed, leading # Title becomes the title."""

from reviewer.core.importers import read_document

SOURCE = """# Water prices rise again

The **city council** said on Monday that prices would rise by *4.5%* from [April](https://example.org).

## What changes

> "Nobody likes paying more," said Councillor Dana Reyes. "But the pipes are older than I am."

- Households pay 12 more a year
- Businesses pay 40 more
    - small firms get a rebate

1. First step
2. Second step

```
code  stays   as is
  indented
```

<script>alert("x")</script>
Final paragraph with `inline code`.
"""


def test_markdown_structure(tmp_path):
    path = tmp_path / "water.md"
    path.write_text(SOURCE, encoding="utf-8")
    doc = read_document(path)
    assert doc.title == "Water prices rise again"
    assert doc.original_format == "md"
    kinds = [(b.kind, b.level) for b in doc.blocks]
    assert kinds == [
        ("paragraph", 0),
        ("heading", 2),
        ("quote", 0),
        ("list_item", 1),
        ("list_item", 1),
        ("list_item", 2),
        ("list_item", 1),
        ("list_item", 1),
        ("preformatted", 0),
        ("paragraph", 0),
    ]
    texts = [doc.text[b.start : b.end] for b in doc.blocks]
    assert texts[0] == "The city council said on Monday that prices would rise by 4.5% from April."
    assert texts[2].startswith('"Nobody likes paying more," said Councillor Dana Reyes.')
    assert texts[8] == "code  stays   as is\n  indented"
    assert "alert" not in doc.text and "<" not in doc.text and "**" not in doc.text
    assert texts[-1] == "Final paragraph with inline code."
    assert "\n\n".join(texts) == doc.text


def test_markdown_without_heading_uses_first_line(tmp_path):
    path = tmp_path / "notes.markdown"
    path.write_text("Just a *paragraph* of text.\n\nAnd another.\n", encoding="utf-8")
    doc = read_document(path)
    assert doc.title == "Just a paragraph of text."
    assert doc.text == "Just a paragraph of text.\n\nAnd another."


def test_markdown_only_a_heading_keeps_it_as_text(tmp_path):
    path = tmp_path / "short.md"
    path.write_text("# Lonely heading\n", encoding="utf-8")
    doc = read_document(path)
    assert doc.text == "Lonely heading" and doc.title == "Lonely heading"
