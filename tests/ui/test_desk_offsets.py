"""Article offsets <-> reader positions: astral characters count 2 in Qt, block gaps are dropped."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.core.domain import Block
from reviewer.ui.offsets import OffsetMap, is_rtl, shown_blocks


def test_plain_blocks_map_around_dropped_blank_lines():
    text = "Title\n\nFirst para.\n\nSecond."
    blocks = shown_blocks(text, [Block(0, 5, "heading", 1), Block(7, 18), Block(20, 27)])
    m = OffsetMap(text, blocks)
    # doc: "Title" ¶ "First para." ¶ "Second."
    assert m.to_doc(0) == 0
    assert m.to_doc(7) == 6  # 'F' after "Title" + 1 separator
    assert m.to_doc(20) == 6 + 11 + 1
    assert m.to_text(6) == 7
    assert m.to_text(18) == 20
    assert m.doc_length == 5 + 1 + 11 + 1 + 7


def test_astral_characters_count_two_positions():
    text = "a🎉b\n\n😀 x"
    blocks = shown_blocks(text)
    m = OffsetMap(text, blocks)
    assert [(b.start, b.end) for b in blocks] == [(0, 3), (5, 8)]
    assert m.to_doc(1) == 1  # the emoji starts at 1
    assert m.to_doc(2) == 3  # 'b' comes after a surrogate pair
    assert m.to_doc(5) == 5  # second block: "a🎉b" is 4 units + 1 separator
    assert m.to_doc(7) == 5 + 3  # 'x' after "😀 "
    for offset in (0, 1, 2, 3, 5, 6, 7, 8):
        assert m.to_text(m.to_doc(offset)) == offset


def test_qt_document_agrees(qapp):
    """The map matches a real QTextDocument built the way the reader builds it."""
    from PySide6.QtGui import QTextCursor, QTextDocument

    text = "Heading 𝔸\n\nشهد 😀 العالم\nline two\n\n- item"
    blocks = shown_blocks(text, [Block(0, 9, "heading", 1), Block(11, 32), Block(34, 40, "list_item")])
    m = OffsetMap(text, blocks)
    doc = QTextDocument()
    cursor = QTextCursor(doc)
    for i in range(len(blocks)):
        if i:
            cursor.insertBlock()
        cursor.insertText(m.block_text(i))
    assert doc.characterCount() - 1 == m.doc_length
    probe = QTextCursor(doc)
    for b in blocks:
        for offset in range(b.start, b.end):
            ch = text[offset]
            pos = m.to_doc(offset)
            probe.setPosition(pos)
            probe.setPosition(pos + (2 if ord(ch) > 0xFFFF else 1), QTextCursor.MoveMode.KeepAnchor)
            assert probe.selectedText() == ("\u2028" if ch == "\n" else ch)


def test_gap_offsets_clamp_to_block_end():
    text = "One.\n\n\n\nTwo."
    m = OffsetMap(text, shown_blocks(text))
    assert m.to_doc(5) == m.to_doc(4) == 4
    assert m.to_text(4) == 4  # the separator maps to the end of its block


def test_uncovered_text_is_never_hidden():
    text = "Covered.\n\nNot in a block.\n\nCovered too."
    blocks = shown_blocks(text, [Block(0, 8), Block(27, 39)])
    assert [text[b.start : b.end] for b in blocks] == ["Covered.", "Not in a block.", "Covered too."]


def test_rtl_detection():
    assert is_rtl("anything", "ar")
    assert is_rtl("anything", "he-IL")
    assert is_rtl("هذا نص عربي طويل مع بعض English words")
    assert not is_rtl("An English text with a word שלום in it")
    assert not is_rtl("Plain English.", None)


texts = st.text(alphabet=st.sampled_from(list("ab \n.") + ["😀", "é", "𝔸", "ش"]), max_size=60)


@settings(max_examples=150, deadline=None)
@given(texts)
def test_round_trip_inside_blocks(text):
    blocks = shown_blocks(text)
    m = OffsetMap(text, blocks)
    previous = -1
    for b in blocks:
        for offset in range(b.start, b.end + 1):
            pos = m.to_doc(offset)
            assert pos >= previous
            previous = pos
            assert m.to_text(pos) == offset
        previous += 1  # the separator
    assert all(isinstance(b, Block) for b in blocks)


def test_a_long_paragraph_is_shown_in_pieces_cut_after_sentences():
    sentences = [f"Sentence {i} says the figure rose by {i} percent." for i in range(400)]
    text = "Title\n\n" + " ".join(sentences)
    blocks = shown_blocks(text, max_chars=1000)
    assert text[blocks[0].start : blocks[0].end] == "Title" and not blocks[0].continued
    pieces = blocks[1:]
    assert len(pieces) > 1
    assert all(b.end - b.start <= 1000 for b in pieces)
    assert not pieces[0].continued and all(b.continued for b in pieces[1:])
    for before, after in zip(pieces, pieces[1:]):
        assert text[before.end - 1] == "."  # cut after a sentence
        assert text[before.end : after.start] == " "  # only the space between them is dropped
    # Nothing of the paragraph is lost, and offsets map exactly.
    assert " ".join(text[b.start : b.end] for b in pieces) == " ".join(sentences)
    m = OffsetMap(text, blocks)
    for b in pieces:
        for offset in range(b.start, b.end + 1):
            assert m.to_text(m.to_doc(offset)) == offset


def test_text_without_spaces_is_cut_at_the_limit():
    text = "x" * 2500
    blocks = shown_blocks(text, max_chars=1000)
    assert [(b.start, b.end, b.continued) for b in blocks] == [(0, 1000, False), (1000, 2000, True), (2000, 2500, True)]
    m = OffsetMap(text, blocks)
    assert m.to_doc(1000) == 1001  # the first character of the second piece, after one separator
    assert m.to_text(1001) == 1000
    assert m.span_to_doc(990, 1000) == (990, 1000)  # a span ending at the cut ends before the separator


def test_pieces_agree_with_a_qt_document(qapp):
    from PySide6.QtGui import QTextCursor, QTextDocument

    text = "😀 Emoji first. " * 40 + "Then a 𝔸 word. " * 40
    blocks = shown_blocks(text, max_chars=100)
    assert len(blocks) > 5
    m = OffsetMap(text, blocks)
    doc = QTextDocument()
    cursor = QTextCursor(doc)
    for i in range(len(blocks)):
        if i:
            cursor.insertBlock()
        cursor.insertText(m.block_text(i))
    probe = QTextCursor(doc)
    for b in blocks:
        probe.setPosition(m.to_doc(b.start))
        probe.setPosition(m.to_doc(b.end), QTextCursor.MoveMode.KeepAnchor)
        assert probe.selectedText() == text[b.start : b.end]


@settings(max_examples=150, deadline=None)
@given(texts, st.integers(min_value=2, max_value=12))
def test_round_trip_with_pieces(text, max_chars):
    blocks = shown_blocks(text, max_chars=max_chars)
    m = OffsetMap(text, blocks)
    assert all(0 < b.end - b.start <= max_chars for b in blocks)
    assert all(not text[b.start].isspace() and not text[b.end - 1].isspace() for b in blocks)
    # Only white space is ever left out.
    covered = set()
    for b in blocks:
        covered.update(range(b.start, b.end))
    assert all(text[i].isspace() for i in range(len(text)) if i not in covered)
    previous = -1
    for b in blocks:
        for offset in range(b.start, b.end + 1):
            # A span's end stays in its block even where the next piece starts at the same offset.
            pos = m.to_doc(offset) if offset < b.end else m.span_to_doc(b.start, offset)[1]
            assert pos >= previous
            previous = pos
            assert m.to_text(pos) == offset
        previous += 1
