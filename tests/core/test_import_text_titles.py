"""Plain-text titles: a heading in capitals over several lines (debate transcripts, wire copy) is one title."""

import pytest

from reviewer.core.importers import read_document

TRANSCRIPT = """PRESIDENT BARACK OBAMA AND FORMER GOV. MITT ROMNEY,
R-MASS., PARTICIPATE IN A CANDIDATES DEBATE,
LYNN UNIVERSITY, BOCA RATON, FLORIDA

SPEAKERS:
PRESIDENT BARACK OBAMA
FORMER GOV. MITT ROMNEY, R-MASS.

BOB SCHIEFFER, MODERATOR: Good evening from the campus of Lynn University here in Boca Raton, Florida. This is the fourth and last debate of the 2012 campaign, brought to you by the Commission on Presidential Debates.

ROMNEY: Thank you, Bob. And thank you for agreeing to moderate this debate this evening. Thank you to Lynn University for welcoming us here. We have 23 million people out of work or who have stopped looking for work.

OBAMA: Well, my first job as commander in chief, Bob, is to keep the American people safe. And that's what we've done over the last four years.
"""

TITLE = (
    "PRESIDENT BARACK OBAMA AND FORMER GOV. MITT ROMNEY, R-MASS., PARTICIPATE IN A CANDIDATES DEBATE, "
    "LYNN UNIVERSITY, BOCA RATON, FLORIDA"
)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_multi_line_capitals_opening_is_the_whole_title(tmp_path, newline):
    path = tmp_path / "debate.txt"
    path.write_bytes(TRANSCRIPT.replace("\n", newline).encode("utf-8"))
    doc = read_document(path)
    assert doc.title == TITLE
    # The heading is the title now, not body text; the rest of the transcript is all there.
    assert not doc.text.startswith("PRESIDENT BARACK OBAMA AND")
    assert doc.text.startswith("SPEAKERS:")
    assert "ROMNEY: Thank you, Bob." in doc.text and "OBAMA: Well, my first job" in doc.text


def test_a_long_capitals_opening_is_cut_at_a_line_not_mid_word(tmp_path):
    lines = [f"SESSION {n} OF THE REGIONAL COUNCIL BUDGET HEARING ON ROADS, BRIDGES AND TRANSPORT," for n in range(6)]
    path = tmp_path / "hearing.txt"
    path.write_text(
        "\n".join(lines) + "\n\nCHAIR: The council spent 40 million euros on roads last year.\n", encoding="utf-8"
    )
    doc = read_document(path)
    assert doc.title == " ".join(lines[:2]).rstrip(",")
    assert len(doc.title) <= 200
    # Lines that did not fit the title stay in the body.
    assert lines[2] in doc.text and "CHAIR: The council spent" in doc.text


def test_a_single_line_title_loses_a_trailing_comma(tmp_path):
    path = tmp_path / "debate.txt"
    path.write_text(
        "PRESIDENT BARACK OBAMA AND FORMER GOV. MITT ROMNEY,\n\nSCHIEFFER: Good evening from Boca Raton.\n"
        "\nROMNEY: We have 23 million people out of work.\n",
        encoding="utf-8",
    )
    assert read_document(path).title == "PRESIDENT BARACK OBAMA AND FORMER GOV. MITT ROMNEY"


def test_an_ordinary_opening_paragraph_is_not_a_title(tmp_path):
    text = (
        "The ministry said on Tuesday that exports rose by 3.5% last year,\n"
        "and that imports fell by 2% over the same period.\n\n"
        "Officials expect the figures to be revised in May.\n"
    )
    path = tmp_path / "exports.txt"
    path.write_text(text, encoding="utf-8")
    doc = read_document(path)
    assert doc.text.startswith("The ministry said on Tuesday that exports rose by 3.5% last year,")
    assert doc.title == "The ministry said on Tuesday that exports rose by 3.5% last year"
