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


def test_a_pollster_named_with_a_day_word_or_a_capital_poll_keeps_its_whole_name():
    # Seen as 'A USA Today/Suffolk University poll … found' and 'a new USA TODAY/Suffolk University Poll finds'.
    text = (
        "A USA Today/Harbour College poll released this week found 66 percent of women dislike the plan. "
        "Among men, 57 percent said the plan was too costly."
    )
    assert speaker_of(text, "A USA")[0] == "USA Today/Harbour College poll"
    assert speaker_of(text, "Among men")[0] == "USA Today/Harbour College poll"
    text = "In a new HARBOUR NEWS/Marston College Poll, 64 percent of voters said taxes were too high."
    assert speaker_of(text, "In a")[0] == "HARBOUR NEWS/Marston College Poll"


def test_a_headline_in_capitals_names_no_poll():
    text = "Ortiz’s Poll Numbers Jump After The Debate\n\nOrtiz now leads Reyes 46 percent to 39 percent, according to a new poll."
    assert speaker_of(text, "Ortiz now")[0] != "Ortiz’s Poll"


def test_a_poll_s_figures_run_on_for_a_few_sentences_without_a_cue():
    # Seen as 'Forty six percent were certain they would support Sanders' and '… slipping back to 39 percent
    # in Monday's poll' after the poll's first figures.
    text = (
        "Ortiz leads Reyes by 9 points among Latino voters, according to a poll released on Friday by Harbour "
        "Research. Forty six percent were certain they would support Ortiz. Among men, 57 percent see Reyes "
        "unfavourably. Reyes rose from 40 percent in May to 42 percent before slipping back to 39 percent in "
        "Friday’s poll. The mayor visited the port on Monday. Reyes won 44 percent of the vote in 2012. "
        "The council met on Tuesday. The port handled 12 percent more cargo. Sixty percent of the cargo was grain."
    )
    assert speaker_of(text, "Forty six") == ("Harbour Research", "Forty six percent")
    assert speaker_of(text, "Among men") == ("Harbour Research", "57 percent")
    assert speaker_of(text, "Reyes rose") == ("Harbour Research", "in Friday’s poll")
    assert speaker_of(text, "The mayor")[0] is None  # no figure
    # three sentences on, with no poll in between, the article speaks again
    assert speaker_of(text, "The port")[0] is None
    assert speaker_of(text, "Sixty percent")[0] is None


def test_a_quotation_that_opens_with_a_share_of_voters_keeps_its_speaker():
    # Seen in the desk: '“The impact of Monday’s debate is still small,” wrote Cameron Easley for Morning Consult.
    # “Just 9 percent of voters said the debate changed their minds …”' gave the tracking poll named before.
    text = (
        "The Harbour Gazette tracking poll showed Ortiz ahead by 3 points. "
        "\u201cThe impact of the debate is still small,\u201d wrote Cameron Easley for Morning Consult. "
        "\u201cJust 9 percent of voters said the debate changed their minds.\u201d"
    )
    assert speaker_of(text, "\u201cJust 9")[0] == "Cameron Easley"


def test_a_figure_in_this_poll_and_a_poll_named_whole():
    text = (
        "The USC Dornsife/Harbour Times Daybreak tracking poll, which tracks support daily, showed Ortiz ahead by "
        "3 points. In this poll, Reyes rose 1 percentage point since the debate."
    )
    assert speaker_of(text, "The USC")[0] == "USC Dornsife/Harbour Times Daybreak tracking poll"
    assert speaker_of(text, "In this poll") == ("USC Dornsife/Harbour Times Daybreak tracking poll", "In this poll")
    # 'The latest Reuters/Ipsos opinion poll … shows': the poll's name without "latest" (seen in the desk)
    text = "The latest Harbour/Ipsos opinion poll released Friday shows Ortiz leads Reyes by 43 percent to 38 percent."
    assert speaker_of(text, "The latest") == ("Harbour/Ipsos opinion poll", "Harbour/Ipsos opinion poll")


def test_another_share_of_respondents_is_the_poll_too():
    # Seen in the desk: 'Another 19 percent said they would not pick either candidate.' kept "Another 19 percent".
    text = (
        "The latest Harbour Gazette poll released Friday shows Ortiz leads Reyes by 43 percent to 38 percent. "
        "Another 19 percent said they would not pick either candidate."
    )
    assert speaker_of(text, "Another") == ("Harbour Gazette poll", "Another 19 percent")
