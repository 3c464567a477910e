"""Speaker attribution: who makes each claim, resolved across an article, with the mention span."""

from __future__ import annotations

from reviewer.core.extraction import extract_claims

ARTICLE = """Russia says Western sanctions have failed

By Jane Doe and John Smith, Reuters

MOSCOW (Reuters) - Russia's economy grew 3.5% last year despite sanctions, defense ministry spokesman Igor Konashenkov told a briefing on Sept. 5.

"Sanctions have failed. Our economy is stronger than ever," Konashenkov said. He added that exports would rise next year.

"We are winning."

The World Health Organization said the outbreak was caused by poor sanitation. It said 1,200 people had died.

According to Mr. Johnson, prices rose faster than wages because of the war.

"We will not back down," said Prime Minister Boris Johnson. Johnson insists the plan will work.

Critics, however, accused the government of hiding the real figures.

The ministry denied the report. Inflation reached 9.1% in June.

Maria Zakharova, a foreign ministry spokeswoman, argues that the U.S. is to blame. She said talks would resume.

Photo: John Smith/Reuters

Jane Doe contributed to this report.

Did you find a mistake? Let us know."""


def claims_by_start(text):
    claims = extract_claims(text, quality="fast")
    for claim in claims:
        assert text[claim.start:claim.end] == claim.text
        if claim.speaker_start is not None:
            assert claim.speaker_end is not None
    return claims


def speaker_of(text, beginning):
    for claim in claims_by_start(text):
        if claim.text.startswith(beginning):
            mention = text[claim.speaker_start:claim.speaker_end] if claim.speaker_start is not None else None
            return claim.speaker, mention
    raise AssertionError(f"no claim starts with {beginning!r}")


def test_article_speakers_and_mentions():
    expected = {
        "Russia says": ("Russia", "Russia"),
        "Russia's economy grew": ("Igor Konashenkov", "Igor Konashenkov"),
        '"Sanctions have failed.': ("Igor Konashenkov", "Konashenkov"),
        "He added": ("Igor Konashenkov", "He"),
        '"We are winning."': ("Igor Konashenkov", "He"),  # a quotation paragraph carries on
        "The World Health Organization said": ("World Health Organization", "World Health Organization"),
        "It said 1,200": ("World Health Organization", "It"),
        "According to Mr. Johnson": ("Johnson", "Johnson"),
        '"We will not back down,"': ("Boris Johnson", "Boris Johnson"),
        "Johnson insists": ("Boris Johnson", "Johnson"),
        "Critics, however,": ("Critics", "Critics"),
        "Inflation reached 9.1%": (None, None),
        "Maria Zakharova, a foreign ministry spokeswoman": ("Maria Zakharova", "Maria Zakharova"),
        "She said talks": ("Maria Zakharova", "She"),
    }
    for beginning, want in expected.items():
        assert speaker_of(ARTICLE, beginning) == want, beginning


def test_article_boilerplate_is_dropped():
    texts = [c.text for c in claims_by_start(ARTICLE)]
    assert not any(t.startswith(("By Jane", "Photo:", "Jane Doe", "Did you", "Let us")) for t in texts)


def test_said_forms():
    assert speaker_of("Prices will rise, said Janet Yellen.", "Prices")[0] == "Janet Yellen"
    assert speaker_of("Janet Yellen said prices would rise.", "Janet")[0] == "Janet Yellen"
    assert speaker_of("Janet Yellen has repeatedly argued that prices would rise.", "Janet")[0] == "Janet Yellen"
    assert speaker_of("Sen. Elizabeth Warren claimed the bill cost $2 billion.", "Sen.") == (
        "Elizabeth Warren", "Elizabeth Warren")
    assert speaker_of("The company denied the allegations.", "The company")[0] == "company"
    assert speaker_of("U.S. Secretary of State Antony Blinken told reporters the talks failed.", "U.S.")[0] == \
        "Antony Blinken"


def test_pronoun_without_antecedent_is_the_article():
    assert speaker_of("He said the plan would fail.", "He said") == (None, None)
    assert speaker_of("It said profits rose 4%.", "It said") == (None, None)


def test_no_attribution_is_the_article():
    claim = claims_by_start("Unemployment fell to 3.5 percent in May.")[0]
    assert (claim.speaker, claim.speaker_start, claim.speaker_end) == (None, None, None)


def test_surname_resolves_to_full_name_and_it_to_organisation():
    text = ("Pfizer Inc said its vaccine was 95% effective. Chief executive Albert Bourla told investors "
            "output would double. Bourla said supply was limited. It said shipments start in May.")
    assert speaker_of(text, "Bourla said")[0] == "Albert Bourla"
    assert speaker_of(text, "It said shipments")[0] == "Pfizer Inc"


def test_transcript_labels_speak_until_the_next_label():
    text = "LEHRER: Good evening.\n\nMCCAIN: We spent $700 billion.\n\nAnd it failed.\n\nOBAMA: That is wrong."
    speakers = [c.speaker for c in claims_by_start(text)]
    assert speakers == ["LEHRER", "MCCAIN", "MCCAIN", "OBAMA"]


def test_titles_and_generic_subjects_resolve_to_the_titled_name():
    text = ("President Barack Obama said taxes rose 3%. The president said he would continue. "
            "Defense Minister Oleksii Reznikov said 40 tanks arrived. The minister added that more would come. "
            "The Defense Ministry said 5 drones fell. The ministry said more would come. A minister said no.")
    assert speaker_of(text, "The president") == ("Barack Obama", "The president")
    assert speaker_of(text, "The minister added") == ("Oleksii Reznikov", "The minister")
    assert speaker_of(text, "The ministry said") == ("Defense Ministry", "The ministry")
    assert speaker_of(text, "A minister said")[0] == "minister"  # someone else, unnamed


def test_role_and_apposition_forms():
    assert speaker_of("Russian President Vladimir Putin said the war would end.", "Russian")[0] == "Vladimir Putin"
    assert speaker_of("The ministry's spokesman, Igor Konashenkov, said 40 drones were downed.", "The")[0] == \
        "Igor Konashenkov"
    assert speaker_of("Bank of England Governor Andrew Bailey warned inflation would rise.", "Bank")[0] == \
        "Andrew Bailey"
    assert speaker_of('"We will respond," the Kremlin said.', '"We')[0] == "Kremlin"


def _speaker_and_mention(text):
    claim = extract_claims(text)[0]
    mention = text[claim.speaker_start:claim.speaker_end] if claim.speaker_start is not None else None
    return claim.speaker, mention


def test_according_to_figures_published_by_names_the_publisher():
    assert _speaker_and_mention("Prices rose 4% last year, according to figures released by the Office for "
                                "National Statistics.") == ("Office for National Statistics",
                                                            "Office for National Statistics")
    assert _speaker_and_mention("Unemployment fell to 3.5%, according to official data published by Eurostat "
                                "on Monday.") == ("Eurostat", "Eurostat")


def test_possessive_organisation_in_a_trailing_attribution():
    assert _speaker_and_mention("Bills will rise 8.5% from April, the city's water utility said on Wednesday.") == (
        "city's water utility", "the city's water utility")


def test_two_spaces_after_a_leading_word_keep_the_mention_on_the_text():
    # The sentence word was skipped as if one space followed it, shifting the span by one.
    assert speaker_of("But  officials said the bridge was safe.", "But") == ("officials", "officials")
    assert speaker_of("Meanwhile   the ministry said 5 drones fell.", "Meanwhile") == (
        "ministry", "the ministry")
