"""Issue 14, news guidelines: an unnamed spokesperson speaks for the organisation, and several
parties are joined with "; " (the underlined mention covers them all, as written)."""

from __future__ import annotations

from tests.attribution_helpers import speaker_of


def test_a_spokesperson_for_an_organisation_is_the_organisation():
    assert speaker_of("A spokesperson for the ministry said the talks had failed.", "A spokesperson") == (
        "ministry",
        "the ministry",
    )


def test_the_organisation_s_spokesman_is_the_organisation_named_before():
    text = (
        "The Harbourside Water Company raised its prices on Monday. The company's spokesman said costs rose 5 percent."
    )
    assert speaker_of(text, "The company") == ("Harbourside Water Company", "The company")


def test_a_named_spokesperson_stays_the_person():
    text = "Ministry spokesman Igor Konashenkov said the strikes had hit 40 targets."
    assert speaker_of(text, "Ministry") == ("Igor Konashenkov", "Igor Konashenkov")


def test_two_people_are_two_parties():
    text = "Charles E. Grassley and Patrick J. Leahy said the program needed an overhaul."
    assert speaker_of(text, "Charles") == (
        "Charles E. Grassley; Patrick J. Leahy",
        "Charles E. Grassley and Patrick J. Leahy",
    )


def test_titled_people_are_two_parties_without_their_titles():
    text = "President Obama and Secretary Kerry said the deal was good."
    assert speaker_of(text, "President") == ("Obama; Kerry", "Obama and Secretary Kerry")


def test_names_with_an_and_of_their_own_stay_one_party():
    assert speaker_of("The Securities and Exchange Commission said the fund was a fraud.", "The") == (
        "Securities and Exchange Commission",
        "Securities and Exchange Commission",
    )
    assert speaker_of("Procter and Gamble said sales fell.", "Procter")[0] == "Procter and Gamble"
    assert (
        speaker_of("The Department of Health and Human Services said costs rose.", "The")[0]
        == "Department of Health and Human Services"
    )


def test_a_surname_resolves_to_the_fuller_name_whatever_its_apostrophe_or_particle():
    # Seen on PolNeAR dev (the Chelsea explosion): "De Blasio said" after "Mayor Bill de Blasio" stayed
    # "De Blasio", and "said O'Neill" after "NYPD Commissioner James O’Neill" stayed "O'Neill".
    text = (
        "An explosion injured 29 people, Mayor Bill de Blasio said on Saturday. "
        "De Blasio said that there was no link to New Jersey.\n\n"
        "The blast went off at 8:30 p.m., according to NYPD Commissioner James O\u2019Neill. "
        "\u201cThe exact cause has not been determined,\u201d said O'Neill."
    )
    assert speaker_of(text, "De Blasio said")[0] == "Bill de Blasio"
    assert speaker_of(text, "\u201cThe exact cause")[0] == "James O\u2019Neill"
    # Another person who shares the surname stays who they are.
    text = "Bill Clinton said the economy grew by 4 percent. Hillary Clinton said the deficit fell by half."
    assert speaker_of(text, "Hillary Clinton said")[0] == "Hillary Clinton"


def test_two_surnames_of_people_named_before_are_two_parties():
    # Seen as 'Cruz and Trump' for "Cruz  and Trump have slammed the president …" after both were named in full.
    text = (
        "Ted Halloway and Donald Ortiz spoke in Iowa. Halloway  and Ortiz have slammed the president for "
        "cutting 40 percent of the budget."
    )
    assert speaker_of(text, "Halloway  and")[0] == "Ted Halloway; Donald Ortiz"
    # Two words nobody named are no two parties.
    text = "Tom Reyes spoke. Marks and Spencer have said sales fell 4 percent."
    assert speaker_of(text, "Marks and")[0] != "Marks; Spencer"


def test_his_or_her_spokesperson_speaks_for_the_person():
    # Seen on a saved Telegraph page: "opposition leader Morgan Tsvangirai, who …, returned to Harare on Wednesday
    # evening, his spokesman said." gave 'his spokesman'; news-guidelines.md: an unnamed spokesperson becomes whom
    # they speak for.
    text = (
        "Opposition leader Tom Reyes, who has been receiving treatment abroad, returned to Harbourtown on "
        "Wednesday evening, his spokesman said."
    )
    assert speaker_of(text, "Opposition") == ("Tom Reyes", "his spokesman")
    # The person the sentence is about, not the one named last before it nor a possessive.
    text = (
        "Bob Lindqvist was ousted last week.\n\nFuelling speculation that Lindqvist's plan was rolling, opposition "
        "leader Tom Reyes, who has been abroad, returned to Harbourtown on Wednesday, his spokesman said."
    )
    assert speaker_of(text, "Fuelling") == ("Tom Reyes", "his spokesman")
    text = "Ann Ortiz was absent on Monday. Her spokeswoman said the mayor would back the 4 percent toll rise."
    assert speaker_of(text, "Her spokeswoman") == ("Ann Ortiz", "Her spokeswoman")
