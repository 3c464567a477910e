"""Issue 14: one test per speaker miss seen in real news (each failed before the attribution was
rebuilt on PolNeAR). `speaker` is the resolved full party; the mention is what the reader underlines:
the words in the sentence itself ("It", "The governor"), never a name copied from elsewhere."""

from __future__ import annotations

from tests.attribution_helpers import speaker_of


def test_according_to_an_acronym():
    assert speaker_of("Cases rose 20% last week, according to WHO.", "Cases") == ("WHO", "WHO")


def test_per_a_party():
    # news-guidelines.md lists "per X" among the reporting constructions; the cue lexicon (from PolNeAR) has no "per"
    assert (
        speaker_of("Tolls rose 4 percent, per the Harbour Trade Commission.", "Tolls")[0] == "Harbour Trade Commission"
    )
    assert speaker_of("Per Reuters, tolls rose 4 percent.", "Per Reuters")[0] == "Reuters"
    assert speaker_of("Tolls rose 4 percent (per the commission).", "Tolls")[0] == "commission"
    # a rate is no attribution
    assert speaker_of("Tolls rose to $4 per car in May.", "Tolls") == (None, None)


def test_claims_after_a_name_is_a_verb():
    # "claims" and "estimates" are mostly nouns in PolNeAR, so "The Harbour Trade Commission claims tolls rose" had
    # no speaker; after a name and before a clause they are verbs
    assert speaker_of("Ann Ortiz claims tolls rose 4 percent.", "Ann")[0] == "Ann Ortiz"
    text = "The Harbour Trade Commission estimates tolls rose 4 percent."
    assert speaker_of(text, "The")[0] == "Harbour Trade Commission"
    assert speaker_of("Ortiz claims of fraud were rejected in May.", "Ortiz")[0] is None


def test_an_organisation_reiterated():
    text = "The EU reiterated on Monday that the tariffs broke trade rules."
    assert speaker_of(text, "The EU") == ("EU", "The EU")


def test_the_doctors_pleaded():
    assert speaker_of("In Wuhan, the doctors pleaded for more masks.", "In Wuhan") == ("doctors", "the doctors")


def test_the_authors_are_the_named_authors():
    text = (
        "A study led by Jane Roe of Oxford University followed 2,000 patients for a year. "
        "The authors said the drug cut deaths by 30%."
    )
    assert speaker_of(text, "The authors") == ("Jane Roe", "The authors")


def test_a_new_study_speaks_through_its_lead_author_named_later():
    # From news-claim-analysis (science news): the claimer of "…, a new study shows." is the lead researcher the
    # article names further on; the reader still underlines "a new study", where the sentence says who.
    text = (
        "Hormone therapy can double a man's risk of depression, a new study shows. "
        "The researchers found that the risk rose with every year of treatment. "
        '"These drugs are effective, but patients should know the risks," said lead researcher Dr. Kevin Nead, '
        "an assistant professor of epidemiology."
    )
    assert speaker_of(text, "Hormone therapy") == ("Kevin Nead", "a new study")
    assert speaker_of(text, "The researchers") == ("Kevin Nead", "The researchers")
    # Named after the name, in any case, with degrees between: "X, MD, the study's lead author".
    for credit in (
        "Johanna Theruvath, MD, the study’s lead author",
        "Dayi Lai, Corresponding Author, PhD",
        "David O'Malley, senior study author",
    ):
        text = f"A new study found the drug cut deaths by 30 percent. The work was led by {credit}."
        name = credit.split(",")[0]
        assert speaker_of(text, "A new study") == (name, "A new study")
    # A study named with its authors keeps them; an article with no lead author keeps "a new study".
    text = "A new study found the drug cut deaths by 30 percent. The study's lead author, Jane Roe, called it a breakthrough."
    assert speaker_of(text, "A new study") == ("Jane Roe", "A new study")
    text = "Researchers at Oxford University found the drug cut deaths. Lead author Jane Roe said it was safe."
    assert speaker_of(text, "Researchers")[0] == "Oxford University"
    text = "A new study found the drug cut deaths by 30 percent. Jane Roe, a doctor, welcomed it."
    assert speaker_of(text, "A new study") == ("new study", "A new study")


def test_a_heading_run_into_the_source_or_a_clause_run_on_from_it_is_no_part_of_it():
    # From news-claim-analysis pages that lost their line breaks: "Conclusion The scientists have shown" gave the
    # speaker "Conclusion The scientists"; a tagged "new research that finds" kept its clause.
    text = "Conclusion The scientists have shown that the mutations spread faster in winter."
    assert speaker_of(text, "Conclusion") == ("scientists", "The scientists")
    text = "Implications The authors found that the rate doubled."
    assert speaker_of(text, "Implications")[0] == "authors"
    # "Implications This illustration of intricate trends indicates …": a heading and a bare "This" name nobody
    text = "Implications This illustration of intricate trends in the port indicates a dynamic mix of risks."
    assert speaker_of(text, "Implications")[0] is None
    # A heading word that is the source's own first word stays: "Results Inc. said" names a company.
    text = "Results Inc. said profits rose 4 percent."
    assert speaker_of(text, "Results")[0] == "Results Inc."


def test_a_heading_alone_our_study_and_a_journal_are_no_researchers():
    # From the science labels: "Results The authors observed …" gave the speaker "Results"; "Our study shows …" (a
    # quotation that lost its marks) gave "Our"; "a study published in the Journals of Gerontology" made the journal
    # the researchers of "the researchers found".
    assert speaker_of("Results The authors observed that T cells fell 20 percent.", "Results")[0] != "Results"
    assert speaker_of("Our study shows that diverse habitats matter.", "Our study")[0] is None
    assert speaker_of("My father said the farm lost 40 percent of its crop.", "My father")[0] == "My father"
    text = (
        "A study published in the Journals of Gerontology looked at 3,000 adults. "
        "The researchers found that 40 percent had unmet needs. The study found that costs rose 4 percent."
    )
    assert speaker_of(text, "The researchers")[0] == "researchers"
    assert speaker_of(text, "The study")[0] == "Journals of Gerontology"


def test_a_description_keeps_a_long_name_whole():
    # Seen in the desk (a HealthDay story): "A previous New Mexico State University study found" gave "Mexico State
    # University": a description before the noun was cut at three words.
    text = "A previous New Mexico State University study found that stress fueled unhealthy eating."
    assert speaker_of(text, "A previous")[0] == "New Mexico State University"
    text = "New Mexico State University researchers found that rents rose 4 percent."
    assert speaker_of(text, "New Mexico")[0] == "New Mexico State University researchers"


def test_recommends_is_a_cue_though_only_recommended_was_seen_in_training():
    text = "The American Academy of Pediatrics recommends that children sleep 9 hours."
    assert speaker_of(text, "The American") == ("American Academy of Pediatrics", "American Academy of Pediatrics")


def test_said_in_a_statement_emailed_to_an_outlet():
    text = (
        'Acme Corp said its profits fell. "We regret the error," the company said in a statement emailed to Reuters. '
        "In a statement emailed to AFP, Acme Corp said 300 jobs would go."
    )
    assert speaker_of(text, '"We regret') == ("Acme Corp", "the company")
    assert speaker_of(text, "In a statement") == ("Acme Corp", "Acme Corp")


def test_a_rights_group_then_it_said():
    text = (
        "The London-based rights group Amnesty International issued a damning report which said 13,000 "
        "people had been hanged. It said most of them were civilians."
    )
    assert speaker_of(text, "The London-based") == ("Amnesty International", "Amnesty International")
    assert speaker_of(text, "It said") == ("Amnesty International", "It")


def test_a_quotation_continued_after_he_said_in_double_apostrophes():
    # Some papers (the New York Times) write quotation marks as two apostrophes.
    text = (
        "Jane Roe, the mayor, spoke on Monday. ''We will build 500 homes,'' she said. "
        "''They will be ready by 2026.''\n\n''And they will be cheap.''"
    )
    assert speaker_of(text, "''They will") == ("Jane Roe", "she")
    assert speaker_of(text, "''And they") == ("Jane Roe", "she")


def test_the_agency_resolves_to_the_agency_named_before():
    text = (
        "The Federal Emergency Management Bureau said 3,000 homes were destroyed. "
        "The agency said aid would arrive on Monday."
    )
    assert speaker_of(text, "The agency") == ("Federal Emergency Management Bureau", "The agency")


def test_the_governor_resolves_to_the_governor_named_before():
    text = "Gov. Andrew Cuomo said 500 people died. The governor said the state had 20,000 beds."
    assert speaker_of(text, "The governor") == ("Andrew Cuomo", "The governor")


def test_an_acronym_resolves_to_the_organisation_named_in_full():
    text = (
        "The Chinese Center for Disease Control and Prevention said 72,000 cases were reported. "
        "The Chinese CDC said 81% of them were mild."
    )
    assert speaker_of(text, "The Chinese CDC") == ("Chinese Center for Disease Control and Prevention", "Chinese CDC")


DEBATE = """LEHRER: Governor Romney, two minutes.

ROMNEY: I've said that 23 million people are out of work. I'd add that the president and I agree on that. Romney and I, the president says, want the same thing. Fourth, Dodd-Frank said banks must hold more capital.

OBAMA: The CBO says my plan cuts the deficit by $4 trillion. As Jim Lehrer said, we have two minutes.

And that's the plan."""


def test_in_a_transcript_the_line_speaker_makes_the_claim():
    expected = {
        "I've said": "ROMNEY",
        "I'd add": "ROMNEY",
        "Romney and I": "ROMNEY",
        "Fourth, Dodd-Frank": "ROMNEY",
        "The CBO says": "OBAMA",
        "As Jim Lehrer said": "OBAMA",  # never the moderator on a candidate's line
        "And that's the plan": "OBAMA",
    }
    for beginning, want in expected.items():
        assert speaker_of(DEBATE, beginning)[0] == want, beginning


def test_i_ve_is_never_a_speaker_outside_transcripts():
    assert speaker_of("I've said that 23 million people are out of work.", "I've") == (None, None)
