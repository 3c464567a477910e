"""Issue 14, part 4: a poll or survey named as the source of a figure is the speaker (news guidelines,
"speaker"; the news labels' ruling), not the share of respondents that "said" it."""

from __future__ import annotations

from tests.attribution_helpers import speaker_of


def test_a_survey_that_opens_the_sentence_is_the_source_of_its_figure():
    text = "In a Harbour Gazette/KTV survey released on Monday, 64 percent of voters said taxes were too high."
    assert speaker_of(text, "In a") == ("Harbour Gazette/KTV survey", "Harbour Gazette/KTV survey")
    text = "In the latest Harbour Gazette poll, Ortiz had a 12-point lead over Reyes."
    assert speaker_of(text, "In the")[0] == "Harbour Gazette poll"


def test_a_share_of_respondents_is_not_the_speaker_when_a_poll_is_named():
    text = "Some 55 percent of voters said the city was safer, according to a Marston College poll released in May."
    assert speaker_of(text, "Some 55")[0] == "Marston College poll"


def test_later_figures_take_the_poll_named_before():
    text = (
        "Ortiz leads by 9 points, according to a poll of 400 voters released on Friday by Harbour Research. "
        "Two in three said taxes were too high. Thirty percent said the mayor had done well. "
        "Eighty-four percent of women back Ortiz, the poll found."
    )
    assert speaker_of(text, "Ortiz leads")[0] == "Harbour Research"
    assert speaker_of(text, "Two in three") == ("Harbour Research", "Two in three")
    assert speaker_of(text, "Thirty percent")[0] == "Harbour Research"
    assert speaker_of(text, "Eighty-four")[0] == "Harbour Research"


def test_people_who_are_not_a_share_keep_their_words():
    text = "A poll by Harbour Research came out on Monday. Ann Ortiz said the poll was wrong by 10 points."
    assert speaker_of(text, "Ann Ortiz")[0] == "Ann Ortiz"
