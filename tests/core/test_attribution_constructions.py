"""Issue 14, part 4: constructions behind the speakers missed on the news-label train split. Each
test is the construction, written by hand, not the article's sentence."""

from __future__ import annotations

from reviewer.core.extraction.speaker_patterns import Attribution, without_subordinator
from tests.attribution_helpers import speaker_of, tagged_speaker


def test_a_participle_cue_reports_the_main_clause_subject():
    # Seen as 'Trump reversed himself yet' and 'Netanyahu rallied supporters by'.
    text = "Last week, Mayor Ann Ortiz changed course again, telling reporters that the budget was balanced."
    assert speaker_of(text, "Last week") == ("Ann Ortiz", "Ann Ortiz")
    text = "On the eve of the vote in May, Ortiz rallied her base by warning that taxes would rise 40 percent."
    assert speaker_of(text, "On the eve")[0] == "Ortiz"
    text = (
        "Governor Ann Ortiz spoke on Monday. This year, she rose to the defense of Tom Reyes, the head of the "
        "port authority, APA, saying he deserved a raise."
    )
    assert speaker_of(text, "This year") == ("Ann Ortiz", "she")


def test_a_phrase_ending_in_a_first_person_pronoun_is_the_quoted_speaker():
    # Seen as 'obviously I’m' on a quotation that carries on the previous speaker's words.
    text = (
        "Ann Ortiz said on Monday that she was pleased with the turnout.\n\n"
        "\u201cWith 40,000 new voters behind us, obviously I\u2019m saying the right thing.\u201d"
    )
    assert speaker_of(text, "\u201cWith")[0] == "Ann Ortiz"


def test_an_inverted_pronoun_followed_by_its_verb_is_not_the_source():
    # Seen as 'Waterfront Park' (the "she" of "said she was" resolved to a place taken for a person).
    text = (
        "Tom Reyes opened the session. Ann Ortiz, during a town hall meeting in Columbus, Ohio, said she was "
        "going to cut taxes by 10 percent."
    )
    assert speaker_of(text, "Ann Ortiz") == ("Ann Ortiz", "Ann Ortiz")


def test_a_quotation_takes_the_speaker_of_the_tag_left_as_a_sentence_of_its_own():
    # Seen as 'Hugh Hewitt' on Trump's words: '“… OK?” Trump said.' split after the question mark.
    text = (
        "Radio host Tom Reyes asked Ann Ortiz about the budget.\n\n"
        "\u201cBut you cut 40 percent of the money, no?\u201d Reyes said.\n\n"
        "\u201cI don\u2019t care. The money was wasted on 12 projects, OK?\u201d Ortiz said."
    )
    assert speaker_of(text, "\u201cI don") == ("Ann Ortiz", "Ortiz")


def test_a_shorter_form_of_a_name_resolves_to_the_fullest_the_article_gives():
    # Seen as 'Hillary Clinton' where the article gives 'Hillary Rodham Clinton' (and 'Vladimir V. Putin').
    text = (
        "Ann B. Ortiz, the governor, spoke on Monday. Ann Ortiz said the budget grew 4 percent. "
        "She said taxes fell by 2 percent."
    )
    assert speaker_of(text, "Ann Ortiz said") == ("Ann B. Ortiz", "Ann Ortiz")
    assert speaker_of(text, "She said")[0] == "Ann B. Ortiz"


def test_a_spokeswoman_named_by_her_organisation_is_the_organisation():
    # Seen as 'ICE spokeswoman': the organisation, by the name the article introduced with its acronym.
    text = (
        "Coastal Flood Patrol (CFP) crews worked through the night. "
        "Of the 121 homes flooded, 77 have power again, according to a CFP spokeswoman."
    )
    assert speaker_of(text, "Of the 121") == ("Coastal Flood Patrol", "CFP")


def test_a_statement_from_an_office_is_the_office():
    text = "A statement from Ortiz\u2019s office indicated that 40 staff were laid off."
    assert speaker_of(text, "A statement")[0] == "Ortiz\u2019s office"


def test_a_cue_word_after_a_determiner_is_a_modifier_not_a_cue():
    # Seen as 'ahead' ("The PR effort comes ahead of the expected de-classification of …").
    text = "The PR effort comes ahead of the expected release of a 28-page report."
    assert speaker_of(text, "The PR")[0] is None


def test_a_headline_tag_is_not_a_transcript_label():
    # Seen as 'EXCLUSIVE' on every later sentence of an article headed "EXCLUSIVE: In memo to Congress, …".
    text = "EXCLUSIVE: In memo to Congress, Saudis push back.\n\nThe memo runs to 40 pages and was sent to 12 offices."
    assert speaker_of(text, "The memo")[0] is None


def test_role_words_between_an_organisation_and_a_person_lead_to_the_person():
    # Seen as 'Marquette' for "said Marquette pollster Charles Franklin".
    text = "\u201cTaxes rose 4 percent,\u201d said Harbour College pollster Ann Ortiz."
    assert speaker_of(text, "\u201cTaxes")[0] == "Ann Ortiz"
    text = "Taxes rose 4 percent, according to the Ortiz Center for Public Research at Harbour College in Maine."
    assert speaker_of(text, "Taxes")[0] == "Ortiz Center for Public Research"


def test_a_described_person_is_the_person_the_article_speaks_of():
    # Seen as 'New York billionaire', 'GOP speechwriter', 'billionaire business mogul'.
    text = (
        "Ann Ortiz said the port would add 400 jobs. "
        "The Maine shipping mogul said the state owed her company $2 million."
    )
    assert speaker_of(text, "The Maine") == ("Ann Ortiz", "The Maine shipping mogul")
    text = "Tom Reyes said taxes rose 4 percent. The GOP speechwriter said the plan cost $9 billion."
    assert speaker_of(text, "The GOP")[0] == "Tom Reyes"
    # Not a report, a paper or an office holder resolved by title.
    text = "Tom Reyes said taxes rose 4 percent. The white paper said the plan cost $9 billion."
    assert speaker_of(text, "The white")[0] != "Tom Reyes"


def test_a_sentence_opening_with_asked_belongs_to_whoever_answers():
    # Seen as 'Donald Trump' (named inside the question) for "Asked whether …, Ban demurred."
    text = (
        "Asked whether he feared that Tom Reyes, the nominee, who has called the 4 percent tax a hoax, "
        "could win, Ortiz demurred."
    )
    assert speaker_of(text, "Asked") == ("Ortiz", "Ortiz")


def test_an_appositive_name_with_a_party_label_after_a_description_is_the_speaker():
    # Issue 14, part 5. Seen as no speaker for "Another Connecticut former lawmaker, Sen. Joe Lieberman
    # (I-Conn.), also stated …": the name between the commas, its party label left out.
    text = "Another Maine former lawmaker, Sen. Ann Ortiz (D-Maine), also stated that taxes rose 4 percent."
    assert speaker_of(text, "Another") == ("Ann Ortiz", "Ann Ortiz")


def test_a_trailing_attribution_covers_the_whole_sentence():
    # Issue 14, part 5. Seen as 'Russians now' for "Russians now say …, a study by … Dmitriyev concluded."
    text = "Voters now say taxes rose 4 percent, a study by economist Ann Ortiz concluded."
    assert speaker_of(text, "Voters") == ("Ann Ortiz", "Ann Ortiz")
    text = "The port authority said it would hire 400 workers, the Harbour Times reported on Monday."
    assert speaker_of(text, "The port")[0] == "Harbour Times"
    # Not a clause that goes on after a comma, nor a cue inside a relative clause.
    text = "Tom Reyes says taxes rose 4 percent, which economists dispute."
    assert speaker_of(text, "Tom Reyes")[0] == "Tom Reyes"
    text = "The company reported a profit of $1.78 a share, well above the $1.11 that analysts expected."
    assert speaker_of(text, "The company")[0] == "company"


def test_a_place_after_a_preposition_is_not_the_subject():
    # Issue 14, part 5. Seen as 'San Diego' ("Two class action lawsuits being considered in San Diego have
    # accused …") and 'Washington' ("The Holocaust Memorial Museum in Washington issued a report …").
    text = "Two lawsuits filed in Port Harbour have accused the college of fraud."
    assert speaker_of(text, "Two lawsuits")[0] == "Two lawsuits filed in Port Harbour"
    text = "The Maritime Museum in Port Harbour issued a report charging 40 men."
    assert speaker_of(text, "The Maritime")[0] == "Maritime Museum in Port Harbour"


def test_the_agent_of_a_passive_cue_is_the_speaker():
    # Issue 14, part 5. Seen on train as 'Marco Rubio' for "Rubio was asked by Fox Business moderator Gerard
    # Baker whether …", and as the subject for "Trump has been criticized by some of his rivals for …".
    text = "The plan was criticized by Ann Lindqvist as a waste of 40 million dollars."
    assert speaker_of(text, "The plan") == ("Ann Lindqvist", "Ann Lindqvist")
    text = "The ban was first reported by the Harbour Times on Monday."
    assert speaker_of(text, "The ban") == ("Harbour Times", "Harbour Times")
    # An active cue keeps its subject.
    text = "Tom Reyes said the plan was backed by 40 senators."
    assert speaker_of(text, "Tom Reyes")[0] == "Tom Reyes"


def test_a_reduced_relative_clause_is_not_the_source():
    # Seen as 'queries seeking' and 'secretary of state' on two articles nobody labelled.
    text = "The fight is over the removal of voters who did not answer letters seeking to confirm their address."
    assert speaker_of(text, "The fight")[0] is None
    text = "Several lawyers handling appeals seeking records about the mayor as head of the port have cited the vote."
    assert speaker_of(text, "Several lawyers") == ("Several lawyers", "Several lawyers")


def test_a_span_inside_the_quotation_is_not_its_speaker():
    # Seen as "it's very smart for the president" on a quotation that carries on Rangel's words.
    text = (
        '"The turnout will matter," said Representative Ann Ortiz. '
        '"I think it\'s very wise for the governor to say the port is on the ballot."'
    )
    assert speaker_of(text, '"I think')[0] == "Ann Ortiz"


def test_the_home_state_after_a_name_is_not_part_of_it():
    # Seen as 'Charles B. Rangel of New York'.
    text = '"The port will matter," said Representative Ann B. Ortiz of New Jersey.'
    assert speaker_of(text, '"The port') == ("Ann B. Ortiz", "Ann B. Ortiz")


def test_a_participle_phrase_after_the_source_is_not_part_of_it():
    # Seen in the desk as 'New York Times/CBS News poll released last week' on a NYT article.
    text = (
        "The senator leads by 8 points among young voters, according to a Boston Globe/Suffolk University "
        "poll released last week."
    )
    assert speaker_of(text, "The senator") == (
        "Boston Globe/Suffolk University poll",
        "a Boston Globe/Suffolk University poll",
    )
    text = "The plant will close in May, according to a memo obtained by The Washington Post."
    assert speaker_of(text, "The plant")[0] == "memo"


def test_a_source_span_that_runs_past_the_name_gives_the_name():
    # Seen on news dev as 'Stumpf tried on Tuesday' and 'Last week Stumpf in a televised interview'.
    text = (
        "John Stumpf runs the bank. Stumpf tried on Tuesday to make the case that this was a few bad apples, "
        "explaining the firings amounted to 1 percent of staff. Last week Stumpf in a televised interview "
        "appeared to blame low-level workers for the fraud. His aides said the bank lost 2 percent."
    )
    assert speaker_of(text, "Stumpf tried") == ("John Stumpf", "Stumpf")
    assert speaker_of(text, "Last week") == ("John Stumpf", "Stumpf")
    assert speaker_of(text, "His aides") == ("His aides", "His aides")  # a possessor is not the source


def test_a_quotation_left_open_carries_its_speaker_through_the_paragraph():
    # Seen on PolNeAR train: '81-year-old Parker Eaton … said that given the crop of candidates: "There’s only
    # one: Trump. | The reason why, in my opinion: He spends his own money. | …' gave the later sentences nobody.
    for mark in ("\u201c", '"'):
        text = (
            f"Tom Reyes, a farmer, said that given the field: {mark}There\u2019s only one: Ortiz. The reason why, "
            "in my opinion: He spends his own money. He has raised 4 percent more than anyone."
        )
        assert speaker_of(text, "The reason why")[0] == "Tom Reyes"
        assert speaker_of(text, "He has raised")[0] == "Tom Reyes"
    # A closed quotation ends it; a quoted transcript has speakers of its own.
    text = 'Tom Reyes said: "Taxes rose." Wages fell 2 percent in May.'
    assert speaker_of(text, "Wages fell")[0] is None


def test_a_quotation_in_a_text_without_paragraph_breaks_reaches_a_few_sentences():
    # news-claim-analysis keeps its articles without paragraph breaks (as a PDF's text may come): in HealthDay's
    # '"When an obese person loses weight, they … insulin resistance. "For those …' the closing mark was lost with a
    # break, and "Krista Varady" spoke the seven sentences after it in the article's own voice.
    filler = " ".join(f"The port handled {n},000 containers in week {n} of the year." for n in range(40))
    quoted = '"We will cut tolls," Ann Ortiz said. "The port is ready and has grown. The tolls were high. '
    later = " ".join(f"Ships waited {n} days at the harbour for the cranes to be repaired." for n in range(2, 9))
    text = filler + " " + quoted + later + " The docks were new. " + filler  # one paragraph of 6,000 characters
    assert speaker_of(text, "The tolls were high")[0] == "Ann Ortiz"
    assert speaker_of(text, "The docks were new")[0] is None
    # in a paragraph of ordinary length the quotation left open goes on to the paragraph's end
    text = quoted + later + " The docks were new.\n\n" + filler
    assert speaker_of(text, "The docks were new")[0] == "Ann Ortiz"


def test_a_curly_mark_typed_the_wrong_way_round_is_read_by_its_shape():
    # A figure legend in a science story, '( “-“ = unstructured, “H” = alpha-helix, “E” = beta-sheet)', left a
    # quotation open: the sentence's speaker ("JPRED4") went to the forty sentences after it.
    text = (
        "Ann Ortiz said the peptides were analysed to predict the structure ( \u201c-\u201c = unstructured, "
        "\u201cH\u201d = helix). The sites were verified by structure. A site is highlighted."
    )
    assert speaker_of(text, "A site is")[0] is None


def test_a_cue_that_says_nothing_was_said_reports_no_statement():
    # Seen as 'Trump has not yet' for "Trump has not yet responded to Calderon’s remarks, …" (news-guidelines.md:
    # the speaker is the party whose statement the sentence reports; here nobody's is).
    text = (
        "Tom Reyes spoke on Monday. Reyes has not yet responded to the report that rents rose 40 percent. "
        "Ann Ortiz never said that taxes rose 4 percent."
    )
    assert speaker_of(text, "Reyes has not")[0] is None
    assert speaker_of(text, "Ann Ortiz never")[0] is None


def test_it_is_the_organisation_that_opens_its_sentence_and_a_preposition_names_nobody():
    # Seen in the desk on a Washington Post article: "World leaders denounce … | The United Nations Security
    # Council on Friday … as a deterrence to what it called …" gave 'World leaders'; "Following a swiftly
    # called, late-afternoon meeting, the Security Council issued a statement calling …" gave 'Following'.
    text = (
        "World leaders denounce the test.\n\nThe Ruritania Security Council on Friday pledged 4 new sanctions "
        "against what it called a clear threat.\n\nFollowing a swiftly called, late-afternoon meeting, the council "
        "issued a statement calling the test a violation of 5 resolutions."
    )
    assert speaker_of(text, "The Ruritania")[0] == "Ruritania Security Council"
    assert speaker_of(text, "Following")[0] != "Following"


def test_a_word_that_is_no_cue_alone_is_no_cue_through_its_stem():
    # Seen in the desk: "Six women also work as close advisers …" had the speaker 'Six women' and "The pay gap
    # between men and women also is less …" 'between men and women': "also" is no cue alone, but the stem
    # table (for "recommends" after "recommended") let it in.
    text = (
        "Six women also work as close advisers to the attorney general. The pay gap between men and women "
        "also is 4 percent less in the federal government."
    )
    assert speaker_of(text, "Six women")[0] is None
    assert speaker_of(text, "The pay gap")[0] is None
    # "decline" is a cue only as "declined to comment": "people's sense of smell is declining" gave the speaker "smell"
    text = "A new survey adds to evidence that the port's sense of purpose is declining, little by little."
    assert speaker_of(text, "A new survey")[0] in (None, "new survey")
    assert speaker_of("Tolls declined 5 percent in May, Ann Ortiz said.", "Tolls")[0] == "Ann Ortiz"
    # "doubts" is mostly a verb in PolNeAR; after "have raised wide-ranging" it is a noun, and the phrase before it
    # a clause: SciDev.Net's "Activists and civil society groups have raised wide-ranging doubts" gave the speaker
    # "groups have raised wide-ranging"
    text = "Activists and port groups have raised wide-ranging doubts about a pledge to cut tolls by 2030."
    assert speaker_of(text, "Activists") == ("Activists and port groups", "Activists and port groups")


def test_an_adverb_or_a_date_before_the_source_is_no_part_of_it():
    # Seen in the desk: 'Even China' ("Even China, Pyongyang's only ally, said …") and 'In 2013' ("In 2013,
    # research conducted by the Center for Media and Public Affairs found …").
    text = "Even Ruritania, Pyongyang's only ally, said it was resolutely opposed to the 5th test."
    assert speaker_of(text, "Even")[0] == "Ruritania"
    text = "In 2013, research conducted by the Center for Media Studies found 32 percent of claims false."
    assert speaker_of(text, "In 2013")[0] != "In 2013"


def test_junk_the_desk_showed_as_speakers_is_gone():
    # Seen in the desk on unlabelled PolNeAR dev articles: "[alliance's]", "[000 in 1972]", "[DuVernay both]".
    text = "Only five countries in NATO spend more than the alliance's recommended 2 percent of their output."
    assert speaker_of(text, "Only five")[0] is None  # a participle after a possessive modifies, it is no cue
    text = (
        "America’s prison population stood at 200,000 in 1972 and has since exploded to 2.3 million inmates, "
        "according to the Ruritania Institute."
    )
    assert speaker_of(text, "America’s")[0] in (None, "Ruritania Institute")
    # The tagger's span 'DuVernay both' ("DuVernay both documents …"): a floating word after a subject is cut.
    from reviewer.core.extraction.speaker_patterns import Attribution, without_clause_tail

    text = "With her film, DuVernay both documents the boom."
    start = text.index("DuVernay")
    cut = without_clause_tail(Attribution("DuVernay both", start, start + len("DuVernay both")), text)
    assert (cut.speaker, text[cut.start : cut.end]) == ("DuVernay", "DuVernay")


def test_a_home_town_aside_and_a_line_break_seen_in_the_desk():
    # "Johnnie Wilson, of Springfield, Va., said he had fought …" gave 'Springfield'.
    text = "Tom Reyes spoke. Johnnie Wilson, of Springfield, Va., said he had fought in Vietnam for 4 years."
    assert speaker_of(text, "Johnnie") == ("Johnnie Wilson", "Johnnie Wilson")
    # A quotation left open does not run past the end of its line: the next line is the article's again.
    text = "Gwen Moore said: \u201cThe man is a liar.\nTrump has record low support from black voters, with 1 percent."
    assert speaker_of(text, "Trump has")[0] is None


def test_verb_phrases_number_words_and_cut_prepositions_are_no_party():
    # Seen in the desk: 'voted against the rosy-', 'million experts' ("the minimum $20 million experts say"),
    # 'Many leaders of'.
    from reviewer.core.extraction.speaker_patterns import Attribution, _no_content_word, without_clause_tail
    from reviewer.core.extraction.speaker_patterns import without_number_word

    assert _no_content_word("voted against the rosy-")
    assert _no_content_word("re-")  # "re-tweeting" cut at its hyphen
    assert _no_content_word("stripping out")
    assert not _no_content_word("retired generals")
    text = "That is a fraction of the minimum $20 million experts say it costs to run."
    at = text.index("million")
    cut = without_number_word(Attribution("million experts", at, at + len("million experts")), text)
    assert (cut.speaker, text[cut.start : cut.end]) == ("experts", "experts")
    text = "Many leaders of ethnic communities share these fears."
    cut = without_clause_tail(Attribution("Many leaders of", 0, len("Many leaders of")), text)
    assert (cut.speaker, text[cut.start : cut.end]) == ("Many leaders", "Many leaders")


def test_asides_infinitives_and_the_said_thing_s_subject_are_no_source():
    # Seen on PolNeAR train as 'requested anonymity', 'the president', 'Jason Kander' and 'of Ms'.
    text = (
        "A city hall official, who requested anonymity to discuss a private meeting, said the mayor also "
        "has spoken with the union since then."
    )
    assert speaker_of(text, "A city hall") == ("city hall official", "A city hall official")
    text = "A city hall official, who asked not to be named, said the budget was short."
    assert speaker_of(text, "A city hall") == ("city hall official", "A city hall official")
    text = "The union, representing 4,000 workers, said taxes would rise."
    assert speaker_of(text, "The union") == ("union", "The union")
    text = (
        "Rep. Ann Ortiz (D-Ohio), facing a tough challenge from state Treasurer Tom Reyes, noted that the "
        "plant closed in 2014."
    )
    assert speaker_of(text, "Rep. Ann Ortiz")[0] == "Ann Ortiz"
    text = "Another reader, Tom Reyes, wrote of Mr. Ortiz: \u201cHe has never paid the tax he owes.\u201d"
    assert speaker_of(text, "Another reader")[0] == "Tom Reyes"
    # An inverted speaker stays one: "…, said Senator Ann Ortiz on Monday."
    text = "\u201cThe plant will reopen in May,\u201d said Senator Ann Ortiz on Monday."
    assert speaker_of(text, "\u201cThe plant")[0] == "Ann Ortiz"


def test_an_organisation_s_spokesman_after_a_capitalised_article_is_the_organisation():
    text = "A Pentagon spokesman said 4,000 troops would leave in May."
    assert speaker_of(text, "A Pentagon") == ("Pentagon", "Pentagon")


def test_contractions_and_modals_are_no_part_of_the_subject():
    # Seen on the news-label train split as "He's" and 'These people can’t'.
    text = "Mayor Tom Reyes spoke on Monday. He\u2019s always denied it."
    assert speaker_of(text, "He") == ("Tom Reyes", "He")
    text = "Mayor Tom Reyes spoke on Monday. These people can\u2019t say that because the unions pay them."
    assert speaker_of(text, "These") == ("These people", "These people")
    text = "Mayor Tom Reyes spoke on Monday. Most economists won't say that tariffs lower prices."
    assert speaker_of(text, "Most") == ("Most economists", "Most economists")


def test_an_aside_between_dashes_is_skipped_to_the_subject():
    # Seen on PolNeAR train as 'a knock-on-wood-gesture'.
    text = "Reyes \u2014 after a long pause \u2014 told reporters the plant would close."
    assert speaker_of(text, "Reyes")[0] == "Reyes"


def test_a_relative_clause_that_carries_the_claim_is_spoken_by_the_noun_it_hangs_on():
    # Seen as 'they turned to the Chicago Police Department which reported "2,521 shooting incidents"'.
    text = "The mayor met the Harbour Trade Commission, which said exports fell 12 percent in May."
    assert speaker_of(text, "The mayor") == ("Harbour Trade Commission", "Harbour Trade Commission")
    text = "The bill was backed by Senator Maria Lopez, who said it would save $3 billion a year."
    assert speaker_of(text, "The bill") == ("Maria Lopez", "Maria Lopez")
    text = "Reporters then turned to the Port Harbour Police Department which reported 2,521 shootings."
    assert speaker_of(text, "Reporters")[0] == "Port Harbour Police Department"


def test_a_relative_clause_describing_someone_does_not_speak_for_the_sentence():
    # Seen as 'Braynard, a South Carolina native who writes fiction …, has cast his lot' and a quotation's
    # 'hand-wringers who will say'.
    text = "The award went to Reyes, a Port Harbour native who writes fiction on the side."
    assert speaker_of(text, "The award") == (None, None)
    text = "Ann Ortiz spoke on Monday. \u201cWe will win. All the critics who will say it failed are wrong.\u201d"
    assert speaker_of(text, "\u201cWe will win") == (None, None)  # not "All the critics"
    # "that" after a verb opens what was said, not a relative clause
    text = "Mayor Tom Reyes noted that reported crimes fell 12 percent last year."
    assert speaker_of(text, "Mayor")[0] == "Tom Reyes"


def test_the_final_pass_resolves_a_relative_pronoun_to_its_noun():
    from reviewer.core.extraction import extract_claims

    text = "The mayor met the Harbour Trade Commission, which said exports fell 12 percent in May."
    (claim,) = extract_claims(text, quality="final")
    assert claim.speaker == "Harbour Trade Commission"
    assert text[claim.speaker_start : claim.speaker_end] == "Harbour Trade Commission"


def test_a_former_title_of_several_words_names_its_holder():
    # Seen as 'Former Vice President Al Gore' remembered as "President Al", and 'the former vice president’s
    # spokeswoman told POLITICO' in an article that only ever says "Al Gore".
    text = (
        "Former Vice President Al Gore will skip the convention. Bill Clinton spoke on Monday. "
        "The former vice president said the plan would work."
    )
    assert speaker_of(text, "The former") == ("Al Gore", "The former vice president")
    text = (
        "Al Gore will skip the convention this week. Citing \u201cobligations in Tennessee,\u201d the former vice "
        "president\u2019s spokeswoman told POLITICO that Gore plans to stay home."
    )
    assert speaker_of(text, "Citing")[0] == "Al Gore"
    # "a former president" is someone else
    assert (
        speaker_of("Barack Obama spoke on Monday. A former president said it would work.", "A former")[0]
        != "Barack Obama"
    )


def test_a_name_closing_the_sentence_after_a_comma_and_a_cue_is_its_speaker():
    # Seen as 'However debates … are not likely to alter the campaign, noted NBC’s Dante Chinni.' in the desk,
    # which gave "not likely to alter the campaign".
    text = (
        "Voters are split. However debates are not likely to alter the race, noted Harbour Radio\u2019s Dante Chinni."
    )
    assert speaker_of(text, "However") == ("Dante Chinni", "Dante Chinni")
    # a name after "told" is the listener: the source stands before
    text = "\u201cWe build bridges,\u201d the Vatican spokesman, Federico Lombardi, told Vatican Radio."
    assert speaker_of(text, "\u201cWe build")[0] == "Federico Lombardi"


def test_an_outlet_around_a_person_is_not_part_of_the_name():
    assert speaker_of("Debates rarely matter, said CNN\u2019s Jake Tapper.", "Debates") == (
        "Jake Tapper",
        "Jake Tapper",
    )
    assert speaker_of("Debates rarely matter, said Jake Tapper of CNN.", "Debates") == ("Jake Tapper", "Jake Tapper")
    text = "\u201cThe impact is still small,\u201d wrote Cameron Easley for Morning Consult."
    assert speaker_of(text, "\u201cThe impact") == ("Cameron Easley", "Cameron Easley")
    # organisations keep their names
    assert speaker_of("Bank of America said fees would rise.", "Bank")[0] == "Bank of America"
    assert "Bank of New York" in (speaker_of("Rates will rise, said the Reserve Bank of New York.", "Rates")[0] or "")


def test_people_listed_after_a_description_are_the_speakers():
    # Seen as 'Other prominent Republicans, like Richard Armitage, Henry Paulson and Brent Scowcroft ― …' and
    # 'two Republican members of Congress from Florida, Ileana Ros-Lehtinen and Carlos Curbelo, have said'.
    text = "Other prominent Republicans, like Tom Reyes, Ann Ortiz and Maria Lopez, said they would vote for Clinton."
    assert speaker_of(text, "Other") == ("Tom Reyes; Ann Ortiz; Maria Lopez", "Tom Reyes, Ann Ortiz and Maria Lopez")
    text = "Two members of Congress from Florida, Tom Reyes and Ann Ortiz, have said they will not vote for Trump."
    assert speaker_of(text, "Two members") == ("Tom Reyes; Ann Ortiz", "Tom Reyes and Ann Ortiz")
    # one person after a description stays one person
    text = "The ministry spokesman, Igor Konashenkov, said the strikes hit 40 targets."
    assert speaker_of(text, "The ministry") == ("Igor Konashenkov", "Igor Konashenkov")


def test_a_document_named_by_its_author_speaks_for_it_later():
    # Seen as 'According to an FBI summary of its investigation, …' then '…, according to the summary.'
    text = (
        "According to a Harbour Police summary of its investigation, Ortiz sent an email weeks before the deletions. "
        "The employee did not delete the files immediately, according to the summary."
    )
    assert speaker_of(text, "According")[0] == "Harbour Police"
    assert speaker_of(text, "The employee") == ("Harbour Police", "the summary")


def test_a_survey_by_the_organization_is_the_organisation_named_before():
    # Seen as 'A survey by the organization in March found Mrs. Clinton with a lead of 48 percent to 41 percent'.
    text = (
        "The Harbour Policy Institute has polled the state since 1990. "
        "A survey by the organization in March found Ortiz with a lead of 48 percent to 41 percent."
    )
    assert speaker_of(text, "A survey") == ("Harbour Policy Institute", "the organization")


def test_a_second_verb_of_the_subject_is_spoken_by_it():
    # Seen as 'In his speech, Obama positioned Clinton as the most qualified person … and said', which gave
    # 'run for president'.
    text = "In his speech, Tom Reyes positioned Ann Ortiz as the most qualified person to run the port and said she would win."
    assert speaker_of(text, "In his")[0] == "Tom Reyes"
    # the verb of a clause inside: its own subject
    text = "The crowd cheered when Tom Reyes spotted a sign in the crowd and asked for it to be fetched."
    assert speaker_of(text, "The crowd")[0] != "crowd"


def test_words_describing_an_organisation_are_not_its_name():
    # Seen in the desk: 'according to the nonpartisan Congressional Budget Office', 'the conservative-leaning Tax
    # Foundation'.
    text = (
        "The top 1 percent paid 25.4 percent of all federal taxes, according to the nonpartisan Harbour Budget Office."
    )
    assert speaker_of(text, "The top") == ("Harbour Budget Office", "Harbour Budget Office")
    text = "Taxes rose 4 percent, according to the conservative-leaning Tax Foundation."
    assert speaker_of(text, "Taxes") == ("Tax Foundation", "Tax Foundation")
    # words that are not a description stay ("federal prosecutors in April")
    text = "More recently, federal prosecutors in April charged two developers with fraud."
    assert speaker_of(text, "More recently")[0] != "April"


def test_as_reported_by_an_outlet_and_a_study_with_a_long_author():
    # Seen as 'As reported by Western Journalism, last year Seattle became …' and 'A study by Vanderbilt University
    # and the Pennsylvania State University Graduate School of Education found that …' (no speaker for either).
    text = "As reported by the Harbour Gazette, last year the port became the first to ban diesel trucks."
    assert speaker_of(text, "As reported") == ("Harbour Gazette", "Harbour Gazette")
    text = "As first reported by Port Radio, the mayor resigned on Monday."
    assert speaker_of(text, "As first")[0] == "Port Radio"
    text = (
        "A study by Marston University and the Harbour College Graduate School of Public Education found that "
        "tuition costs rose 40 percent."
    )
    assert "Harbour College" in (speaker_of(text, "A study")[0] or "")  # its authors, not nobody


def test_a_lone_quantifier_is_no_speaker():
    # Seen in the desk as 'Many' for 'Many observers were surprised when Trump, after railing against …'.
    text = "Many observers were surprised when Reyes, after railing against the port tax, produced a conventional plan."
    assert speaker_of(text, "Many")[0] != "Many"


def test_former_before_a_titled_name_after_the_cue():
    # 'said former Sen. Tom Reyes' gave "former Sen" (the abbreviation's full stop cut the phrase).
    assert speaker_of("Taxes rose, said former Sen. Tom Reyes.", "Taxes") == ("Tom Reyes", "Tom Reyes")
    assert speaker_of("Taxes rose, according to former Gov. Ann Ortiz.", "Taxes") == ("Ann Ortiz", "Ann Ortiz")


def test_a_relative_clause_speaks_after_a_sentence_whose_cue_found_its_speaker():
    # The relative clauses set aside by one sentence were read again for the next (seen on PolNeAR train:
    # 'It was negotiated … with help from Labor Secretary Thomas Perez, who said he expects …' got no speaker).
    text = (
        "The tentative deal, announced Friday, would last four years and must be approved by union members. "
        "It was negotiated over the past 13 days with help from Labor Secretary Thomas Perez, who said he expects "
        "the agreement to be finalized over the weekend."
    )
    assert speaker_of(text, "It was") == ("Thomas Perez", "Thomas Perez")


def test_a_hyphenated_modifier_is_no_cue():
    # Seen on PolNeAR train: 'Sanders, a senator from the state of Vermont and self-described democratic socialist,
    # said …' gave 'senator from the state of Vermont and self-' ("described" read as the cue).
    text = "Ortiz, a member of the port board and self-described budget hawk, said tolls would rise 20 percent."
    assert speaker_of(text, "Ortiz") == ("Ortiz", "Ortiz")
    text = "The so-called reformers on the board cut the harbour budget by 20 percent last year."
    assert speaker_of(text, "The so-called")[0] is None


def test_an_adverb_or_a_time_clause_before_the_cue_keeps_the_subject_before_it():
    # 'Polk County GOP Chairman Will Rogers, for example, said Trump’s visit …' gave "Trump’s"; 'Powell’s office,
    # when contacted by Reuters, said the former top diplomat …' gave the said thing's subject.
    text = (
        "Mayor Ann Ortiz toured the port on Monday. Port chairman Tom Reyes, for example, said Ortiz’s visit would "
        "earn the party 40 minutes of airtime."
    )
    assert speaker_of(text, "Port chairman")[0] == "Tom Reyes"
    text = "Reyes’s office, when contacted by the Gazette, said the former top mayor couldn’t recall the 2014 dinner."
    assert speaker_of(text, "Reyes’s office")[0] == "Reyes’s office"


def test_the_object_of_a_relative_or_participle_clause_is_not_the_subject():
    # 'Current and former officials who spoke with The Huffington Post said …', 'Another intelligence source speaking
    # to Fox News said …' gave the outlet; 'Hawkins and others who want to ban abortion said' gave "abortion".
    text = "Current and former officials who spoke with the Harbour Gazette said the port had lost 40 percent of its staff."
    assert speaker_of(text, "Current") == ("Current and former officials", "Current and former officials")
    text = "Another port source speaking to Harbour Radio said the agents had found 400 forged permits."
    assert speaker_of(text, "Another")[0] == "Another port source"
    text = "Ortiz and others who want to ban diesel trucks said the ruling would double the cost of the plan."
    assert speaker_of(text, "Ortiz and")[0] == "Ortiz and others"
    # "who" asked about, not describing: the name after it speaks
    text = "The debate grew so heated over who backed the bill that Harbour Gov. Tom Reyes said taxes would double."
    assert speaker_of(text, "The debate")[0] == "Tom Reyes"
    # the relative clause's own cue: still the one described
    text = "Tom Reyes is the one who first said tolls would rise 20 percent."
    assert speaker_of(text, "Tom Reyes")[0] == "Tom Reyes"


def test_a_name_described_at_length_before_its_verb_is_the_subject():
    # 'Gary Emineth, a former state party chairman, became a delegate and said …' gave 'became a delegate';
    # 'Sandra Inman, a Cruz supporter from Jackson, Miss., attending the … Convention, said' gave the convention.
    text = "Tom Reyes, a former port chairman, became a delegate and said he would back Ortiz in 2020."
    assert speaker_of(text, "Tom Reyes")[0] == "Tom Reyes"
    text = (
        "Ann Ortiz, a Reyes supporter from Jackson, Miss., attending the Harbour Tea Party Coalition Convention, "
        "said 40 percent of delegates would walk out."
    )
    assert speaker_of(text, "Ann Ortiz") == ("Ann Ortiz", "Ann Ortiz")
    text = "A pastor, Tom Reyes of Liberty Baptist Church in Marion, said he had made 150 phone calls to other pastors."
    assert speaker_of(text, "A pastor")[0] == "Tom Reyes"


def test_a_participle_aside_before_the_verb_is_not_the_source():
    # 'Salceda, citing data from the U.S. State Department, said that about 4 million people …' gave 'data from the U'.
    text = "Ortiz, citing data from the Harbour Statistics Office, said that 4 million people live near the port."
    assert speaker_of(text, "Ortiz") == ("Ortiz", "Ortiz")


def test_a_relative_clause_between_commas_is_not_the_source():
    # 'Kessel, whose organization is helping push for bills in the House and Senate, said' gave 'organization', and
    # with that cue set aside the words after "said" were read as an inverted subject.
    text = "Ortiz, whose organization is pushing for the bill, said the port lost 400 jobs last year."
    assert speaker_of(text, "Ortiz") == ("Ortiz", "Ortiz")


def test_a_participle_passive_names_its_agent_without_the_by():
    # 'The nationwide campaign, first reported by The Washington Post, is …' gave 'by The Washington Post'.
    text = "The port campaign, first reported by the Harbour Gazette, is a key part of the city's plan for 2020."
    assert speaker_of(text, "The port") == ("Harbour Gazette", "Harbour Gazette")


def test_a_speaker_never_opens_with_a_conjunction_or_by():
    # The tagger's 'And former Louisiana Rep. David Duke' and 'by Christopher Heath' kept their first word.
    text = "And former Rep. Tom Reyes reports that tolls rose."
    found = without_subordinator(Attribution("And former Rep. Tom Reyes", 0, 25), text)
    assert (found.speaker, text[found.start : found.end]) == ("former Rep. Tom Reyes", "former Rep. Tom Reyes")
    text = "The fact was first reported by Ann Ortiz."
    found = without_subordinator(Attribution("by Ann Ortiz", 28, 40), text)
    assert (found.speaker, text[found.start : found.end]) == ("Ann Ortiz", "Ann Ortiz")


def test_a_word_mostly_a_noun_is_a_cue_as_a_verb_before_that():
    # "reports" is mostly a noun in PolNeAR ("news reports"), so 'The Post reports that …' and 'X reports that …'
    # had no cue in the first pass; news-guidelines.md lists "X reports".
    assert speaker_of("The Harbour Gazette reports that tolls rose 40 percent.", "The Harbour") == (
        "Harbour Gazette",
        "Harbour Gazette",
    )
    assert speaker_of("Tom Reyes reports that tolls rose 40 percent.", "Tom Reyes")[0] == "Tom Reyes"
    # a noun after a determiner stays a noun
    assert speaker_of("The reports that tolls rose 40 percent were wrong.", "The reports")[0] is None


def test_an_agency_named_by_its_work_is_no_person_for_a_pronoun():
    # "Immigration and Customs Enforcement" left "Customs Enforcement" in the memory of people, and a later "He"
    # spoke for it.
    text = (
        "Of the 121 people detained, 77 have been deported, according to Harbour Customs Enforcement. "
        "He announced a program to defer 400 deportations."
    )
    assert speaker_of(text, "He announced")[0] != "Harbour Customs Enforcement"


def test_a_lawsuit_speaks_for_who_filed_it():
    # 'Patricia Smith and Charles Woods, the parents of two Americans killed … in Benghazi, Libya, have filed a wrongful
    # death lawsuit …' then 'The lawsuit contends that …' gave 'lawsuit' (and the first sentence 'Benghazi').
    text = (
        "Tom Reyes and Ann Ortiz, the owners of two boats sunk in the harbour at Marston, Maine, have filed a "
        "wrongful death lawsuit against the port.\n\n"
        "The lawsuit contends that 40 safety rules were broken.\n\n"
        "The suit also alleges fraud by the port authority."
    )
    assert speaker_of(text, "Tom Reyes")[0] == "Tom Reyes; Ann Ortiz"
    assert speaker_of(text, "The lawsuit")[0] == "Tom Reyes and Ann Ortiz"
    assert speaker_of(text, "The suit")[0] == "Tom Reyes and Ann Ortiz"
    text = "Harbour Freight sued the city in May. The complaint says the port owes it $4 million."
    assert speaker_of(text, "The complaint")[0] == "Harbour Freight"


def test_accented_names_are_whole_and_keep_their_spelling():
    # 'said Raúl Grijalva' gave "Ra", 'according to Recep Tayyip Erdoğan' "Recep Tayyip Erdo", 'Éric Zemmour told'
    # "Zemmour": the rules spelt names with ASCII letters only.
    assert speaker_of("Taxes rose 4 percent, said Raúl Grijalva.", "Taxes") == ("Raúl Grijalva", "Raúl Grijalva")
    text = "Taxes rose 4 percent, according to Recep Tayyip Erdoğan."
    assert speaker_of(text, "Taxes") == ("Recep Tayyip Erdoğan", "Recep Tayyip Erdoğan")
    text = "Éric Zemmour told reporters that taxes rose 4 percent. Zemmour said the port lost 400 jobs."
    assert speaker_of(text, "Éric") == ("Éric Zemmour", "Éric Zemmour")
    assert speaker_of(text, "Zemmour said") == ("Éric Zemmour", "Zemmour")
    # Cyrillic is not Latin: the Russian rules read it as written
    assert speaker_of("«Налоги выросли на 4%», — заявил Пётр Иванов.", "«Налоги")[0] == "Пётр Иванов"


def test_folding_keeps_every_offset():
    from reviewer.core.extraction.latin_folding import Unfolder, fold

    text = "Raúl Grijalva, Erdoğan, Ngātiwai × 2, Straße, Øresund, Пётр"
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded == "Raul Grijalva, Erdogan, Ngatiwai × 2, Straße, Øresund, Пётр"
    assert fold("plain ASCII") == "plain ASCII"
    assert Unfolder(text)("Raul Grijalva and Erdogan") == "Raúl Grijalva and Erdoğan"


def test_a_phrase_opening_with_a_pronoun_contraction_is_no_source():
    # Seen in the desk (Seattle Times): '… keeps an eye on how it’s handled and presented in the grocery stores'
    # gave the speaker 'it’s handled' ("presented" read as a cue).
    text = "Tom Reyes, 43 years a fisherman, keeps an eye on how it’s handled and presented in the fish markets."
    assert speaker_of(text, "Tom Reyes")[0] != "it’s handled"
    text = "Tom Reyes keeps an eye on how it's handled and presented in the fish markets."
    assert speaker_of(text, "Tom Reyes")[0] != "it's handled"


def test_a_news_outlet_cited_is_not_the_company_it_reports_on():
    # Seen in the desk (Salon): after '… as Reuters reported, …', 'the company announced that it would charge $100'
    # was Reuters'.
    text = (
        "Harbour Freight Company raised its prices on Monday. The move ignited fears, as Reuters reported, of a new "
        "wave of price rises. The company announced that it would charge $100 for each container."
    )
    assert speaker_of(text, "The company")[0] == "Harbour Freight Company"
    text = (
        "Ride-sharing fares rose on Monday. The move ignited fears, as Reuters reported, of a new wave of price rises. "
        "The company announced that it would charge $100 to take passengers from the area."
    )
    assert speaker_of(text, "The company")[0] != "Reuters"


def test_a_passive_of_telling_and_a_name_given_report_no_speaker():
    # Seen in the desk (WebMD): 'Parents have been told for years to avoid …' gave 'Parents have been', and 'A new
    # skin patch called Viaskin allowed …' gave 'new skin patch'.
    text = "Parents have been told for years to avoid giving peanuts to babies under 40 weeks old."
    assert speaker_of(text, "Parents")[0] is None
    text = "A new skin patch called Viaskin allowed 40 percent of people with peanut allergies to eat peanuts."
    assert speaker_of(text, "A new")[0] is None
    # an agent, or a subject that does the calling, is still the source
    assert speaker_of("Reyes was told by the mayor that taxes would rise 4 percent.", "Reyes")[0] == "mayor"
    text = (
        "The Harbour Security Council on Friday made a strong condemnation of the latest test and pledged to impose "
        'further sanctions as a deterrence to what it called "a clear threat to international peace."'
    )
    assert speaker_of(text, "The Harbour")[0] == "Harbour Security Council"


def test_a_thing_called_by_its_name_is_no_call_and_according_to_still_speaks():
    # From news-claim-analysis: "Skin side effects caused by cancer drugs called immune checkpoint inhibitors may be a
    # telltale sign …, according to a new study." gave "cancer drugs" (fast) and no speaker (final).
    text = (
        "Skin side effects caused by cancer drugs called immune checkpoint inhibitors may be a sign that the drugs "
        "are working, according to a new study."
    )
    assert speaker_of(text, "Skin side")[0] == "new study"
    # People who call something, and a call with its object, still speak.
    assert speaker_of("Critics called reforms a sham.", "Critics")[0] is not None
    assert speaker_of("Democrats called the plan a disaster.", "Democrats")[0] == "Democrats"
    assert speaker_of("Doctors called for more masks.", "Doctors")[0] is not None


def test_a_public_body_is_not_the_company_or_the_bank():
    # Seen in the desk (New York Times): 'The central bank is expected to push rates up again' got 'Congress', the
    # last organisation named.
    text = "The Harbour Budget Committee met on Monday. The central bank said rates would rise 4 percent."
    assert speaker_of(text, "The central")[0] == "central bank"
    text = (
        "The Harbour Freight Company raised prices. The Harbour Budget Committee met on Monday. "
        "The company said it would charge $100 for each container."
    )
    assert speaker_of(text, "The company")[0] == "Harbour Freight Company"
    # "the agency" may be a public body
    text = "The Harbour Port Agency met on Monday. The agency said tolls would rise 4 percent."
    assert speaker_of(text, "The agency")[0] == "Harbour Port Agency"


def test_a_generic_source_is_the_noun_phrase_not_the_clause_before_it():
    # Seen in the desk (Engadget): 'It's exactly what the company promised: the fastest console ever made.' gave
    # "It's exactly what the company" ("It's" read as a possessive name like "Trump's").
    text = "It's exactly what the company promised: a port 40 percent faster than any other."
    speaker, mention = speaker_of(text, "It's")
    assert speaker == "company" and mention == "the company"
    text = "Reyes's aides said the port lost 400 jobs."
    assert speaker_of(text, "Reyes's")[0] is not None


def test_a_time_between_the_subject_and_its_verb_is_not_the_source():
    # Seen on PolNeAR train as 'earlier Tuesday', 'earlier in the day' and 'mayor yesterday'.
    text = "The Harbour campaign had, earlier Tuesday, sent a fundraising email that included a picture of Tom Reyes."
    assert speaker_of(text, "The Harbour")[0] == "Harbour campaign"
    text = "Chairman Tom Reyes (D-Ore.) earlier in the day said the port lost 400 jobs."
    assert speaker_of(text, "Chairman")[0] == "Tom Reyes"
    text = "The mayor yesterday said the port lost 400 jobs."
    assert speaker_of(text, "The mayor") == ("mayor", "The mayor")
    text = "The senator, earlier this year, said the port lost 400 jobs."
    assert speaker_of(text, "The senator")[0] == "senator"
    # A day without "on" stays in the phrase: "the delegates selected Sunday" are the delegates of that day.
    text = "Only one of the 25 delegates selected Sunday has said he might back Reyes."
    assert speaker_of(text, "Only one")[0].endswith("selected Sunday")


def test_an_action_an_amount_or_an_aside_is_no_source():
    # Seen on PolNeAR train as 'be heard', 'about the rapid spread of information', 'little', 'hitting Trump'.
    text = "“Should the port close?” a reporter can be heard asking Reyes after an event in Salem."
    assert speaker_of(text, "“Should") == ("reporter", "a reporter")
    text = 'Hemsley, the co-author of "Going Viral," about the spread of rumours, said the port lost 400 jobs.'
    assert speaker_of(text, "Hemsley")[0] != "about the spread of rumours"
    text = "In court in Salem, the defendant, in a green jumpsuit, said little, offering only short answers."
    assert speaker_of(text, "In court")[0] != "little"
    text = "Ortiz began by crediting Reyes for his instincts and urging him to keep following them."
    assert speaker_of(text, "Ortiz")[0] != "crediting Reyes for his instincts"
    # An -ing word that describes the source is part of it, and a preposition may open a participle's subject.
    text = "The leading Republican candidates for governor lashed out at Reyes in a debate on Thursday."
    assert "Republican candidates for governor" in speaker_of(text, "The leading")[0]
    text = "Despite polls showing her well behind, Ortiz campaigned in the state."
    assert speaker_of(text, "Despite")[0] == "polls"


def test_a_source_phrase_ends_before_its_auxiliaries():
    # Seen on PolNeAR train as 'senator has often' and 'conservative publication has been'.
    text = "The senator has often cited the port's 400 lost jobs in defending his record."
    assert speaker_of(text, "The senator") == ("senator", "The senator")
    text = "The conservative publication has been outspoken against the port plan, arguing it would cost 400 jobs."
    assert speaker_of(text, "The conservative")[0] == "conservative publication"


def test_known_as_and_adding_to_report_nobody():
    # Seen in the desk (New York Times, utilities under the streets): 'graphite-rich cast iron' and 'many
    # researchers link to climate change' were given as speakers.
    text = "New pipes will be made of a more durable cast iron known as ductile iron, 40 percent stronger."
    assert speaker_of(text, "New pipes")[0] is None
    text = "The temperature swings that many researchers link to climate change are adding to the 400 repairs."
    assert speaker_of(text, "The temperature")[0] is None
    # Still cues: "added" with what was said, and "known as" with who knows it so.
    text = "The port lost 400 jobs last year, Ortiz added to reporters in Salem."
    assert speaker_of(text, "The port")[0] == "Ortiz"
    text = "“The port lost 400 jobs,” Ortiz added."
    assert speaker_of(text, "“The port")[0] == "Ortiz"


def test_an_impersonal_it_and_a_passive_without_agent_name_nobody():
    # Seen in the desk (Herald Sun): 'It seems we're being swamped …' took the previous sentence's speaker;
    # 'whenever an authorisation is issued' gave 'whenever an authorisation'.
    text = "The Government proposed the bill on Monday. It seems the port will lose 400 jobs."
    assert speaker_of(text, "It seems")[0] is None
    text = "It was said that the port lost 400 jobs."
    assert speaker_of(text, "It was")[0] is None
    text = "And whenever a permit is issued for the port, the mayor is told within 40 days."
    assert speaker_of(text, "And whenever")[0] is None
    text = "Harvest rights over the port have only been officially recognised since 1998."
    assert speaker_of(text, "Harvest")[0] is None
    # A company's "It said" is the company; a passive with its agent, even after a time, is the agent; "is
    # convinced" is the subject's own view.
    text = "Acme Corp cut 400 jobs. It said the port would close."
    assert speaker_of(text, "It said")[0] == "Acme Corp"
    text = "The port's closure was criticised Friday by Ann Ortiz, who said 400 jobs were lost."
    assert speaker_of(text, "The port's")[0] == "Ann Ortiz"
    text = "Mr. Reyes is convinced the port will add 400 jobs."
    assert speaker_of(text, "Mr. Reyes")[0] == "Reyes"


def test_a_description_after_the_cue_between_commas_speaks():
    # Seen in the desk (Medical News Today): '…, say the researchers, and …' gave the object before the cue.
    text = "The findings provide insights into 40 cases of stroke, say the researchers, and they bring hope."
    assert speaker_of(text, "The findings") == ("researchers", "the researchers")
    # Seen in the desk (New York Times): 'The combination, say economists, marks …' gave 'combination'.
    text = "The combination, say economists, marks a journey into 40 years of debt."
    assert speaker_of(text, "The combination")[0] == "economists"
    # Not a thing after the cue: "…, say the findings, …" names no party.
    text = "The port lost jobs in 40 towns, show the figures, and the mayor is worried."
    assert speaker_of(text, "The port")[0] != "figures"


def test_a_thing_called_by_a_name_is_no_speaker():
    # Seen in the desk (Medical News Today): 'the researchers used the technique called "mental chronometry"'.
    text = 'The researchers used the technique called "mental chronometry" in 40 percent of the trials.'
    assert speaker_of(text, "The researchers")[0] != "researchers used the technique"
    text = 'The mayor called "the port plan" a disaster that cost 400 jobs.'
    assert speaker_of(text, "The mayor")[0] == "mayor"


def test_a_tagged_source_that_stops_at_a_possessive_names_its_owner():
    # Seen in the desk (Medical News Today): 'In Dr. Shadlen's words, "…"' gave "Shadlen'".
    sentence = 'In Dr. Shadlen\'s words, "Could 40 percent of decisions be made this way?"'
    start = sentence.index("Shadlen")
    for end in (start + len("Shadlen'"), start + len("Shadlen's")):
        assert tagged_speaker(sentence, [(start, end, 0.9, False)]) == "Shadlen"


def test_lets_is_the_writer_not_a_speaker():
    # Seen in the desk (New York Times): "First, let’s say what the Yahoo sale is not" gave "let’s".
    text = "First, let’s say what the port plan is not: a sale of 40 percent of the port."
    assert speaker_of(text, "First")[0] is None


def test_an_expectation_in_the_passive_is_the_articles_own():
    # Seen in the desk (New York Times): 'The central bank is expected to push rates up' gave "central bank".
    text = "The central bank is expected to push rates up by 40 basis points on Wednesday."
    assert speaker_of(text, "The central")[0] is None
    # Whoever was asked answers.
    text = "Ortiz was asked to name a single port that lost 400 jobs, and she named Salem."
    assert speaker_of(text, "Ortiz")[0] == "Ortiz"


def test_the_company_is_the_business_named_last_not_the_last_called_company():
    # Seen in the desk (Seattle Times): "The company also said" after "Dana F. Besecker Company" was named, then
    # "A Whole Foods spokeswoman declined to comment", gave Besecker Company; "the company claims" after the
    # "Fishing Vessel Owners Association" was quoted gave the association (the tagger found "the company" there).
    text = (
        "Harbour Fresh touted a price cut on halibut. “I was shocked,” said Tyler Besecker, president of "
        "Dana F. Besecker Company, a seafood supplier. A Harbour Fresh spokeswoman declined to comment on pricing. "
        "The company also said it was lowering 400 prices across the store. “They were first,” said Bob Alverson, "
        "head of the Fishing Vessel Owners Association. At the same time, the company said its prices have "
        "saved customers 40 million dollars."
    )
    assert speaker_of(text, "The company also")[0] == "Harbour Fresh"
    assert speaker_of(text, "At the same time")[0] == "Harbour Fresh"


def test_a_tagged_outlet_role_and_name_is_the_person():
    # Seen in the desk (BBC): the tagger's span "the BBC's North America editor Jon Sopel" gave "BBC's North
    # America".
    sentence = "He vowed to keep trying, but the BBC's North America editor Jon Sopel said 40 percent agreed."
    start, end = sentence.index("the BBC"), sentence.index(" said")
    assert tagged_speaker(sentence, [(start, end, 0.95, False)]) == "Jon Sopel"


def test_a_word_inside_a_source_noun_is_not_one():
    # can_speak read the source nouns as one string, so any piece of one ("man" of "spokesman") passed.
    from reviewer.core.extraction.speaker_patterns import can_speak

    assert can_speak("spokesman") and can_speak("economists") and can_speak("agency")
    assert not can_speak("man") and not can_speak("pokes") and not can_speak("technique")


def test_a_degree_a_quality_or_the_reader_is_no_source():
    # Seen in a scan of the saved pages: 'silent' ("Deficit hawks have gone silent, even proposing …"), 'very
    # accurate', 'well your beginner-level', 'your friends', 'disastrous'.
    text = "Deficit hawks have gone silent, even proposing changes that would add 400 billion dollars."
    assert speaker_of(text, "Deficit hawks")[0] != "silent"
    text = "I’m sure your friends told you the port lost 400 jobs."
    assert speaker_of(text, "I’m sure")[0] != "your friends"
    # The writer's family and experts are sources.
    text = '"We lost 400 jobs," my father often said.'
    assert speaker_of(text, '"We lost')[0] == "my father"


def test_a_title_before_a_lone_surname_names_a_person_for_he():
    # Seen on PolNeAR train: with "President Obama" the only naming, "He" resolved to no one or to someone else.
    text = "On the eve of President Obama's final State of the Union, 40 members of Congress protested. He said 400 jobs were lost."
    assert speaker_of(text, "He said")[0] == "Obama"


def test_a_source_span_opening_a_two_apostrophe_quotation_drops_them():
    # Seen on the news labels' dev split: the tagger's span "''27 companies" (a quotation written ''…'') was shown
    # as the speaker "'27 companies".
    from reviewer.core.extraction.speakers import Attributor

    sentence = "This finding stands out: ''27 companies reported 16,389 subsidiaries.''"
    start = sentence.index("''27")
    found = Attributor(sentence)._resolve(sentence, start, sentence.index(" reported"), 0)
    assert found is not None and found.speaker == "27 companies"
    assert sentence[found.start : found.end] == "27 companies"


def test_a_country_that_speaks_is_no_person_for_she():
    # Seen in the desk (Telegraph): after "South Africa said …", a "she" the article named by a first name alone
    # got "South Africa".
    text = "South Africa said the port had lost 400 jobs. She said 40 more would go."
    assert speaker_of(text, "South Africa")[0] == "South Africa"
    assert speaker_of(text, "She said")[0] != "South Africa"


def test_the_one_who_told_an_outlet_is_the_source_not_the_outlet():
    # Seen in the desk (Telegraph): "… after their homes were attacked by troops, the source, who said he had spoken
    # to people inside, told Reuters." gave "troops", then "Reuters".
    text = (
        "The ministers fled to the port after 40 homes were attacked by troops, the source, who said he had "
        "spoken to people inside, told Reuters."
    )
    assert speaker_of(text, "The ministers") == ("source", "the source")


def test_a_tagged_source_stops_before_as_a_role():
    # Seen in the desk (Telegraph): "still seen by many Africans as a liberation hero" gave the whole span.
    sentence = "Mr Reyes, still seen by many voters as a liberation hero, lost 40 percent of the vote."
    start, end = sentence.index("many voters"), sentence.index(", lost")
    assert tagged_speaker(sentence, [(start, end, 0.9, False)]) == "many voters"


def test_a_letter_or_an_amount_is_no_speaker():
    # Seen in a scan of the saved pages: 'C' ("which is called when a C assertion fails") and 'much time' ("the
    # public spends too much time discussing").
    from reviewer.core.extraction.speaker_patterns import _no_content_word

    assert _no_content_word("C") and _no_content_word("much time")
    assert not _no_content_word("much of the party") and not _no_content_word("Ann Ortiz")


def test_a_purpose_clause_before_a_relative_cue_is_no_speaker():
    # Seen as 'solve this quandary' for "To solve this quandary, they turned to the police, which reported …".
    text = (
        "To solve this quandary, the researchers turned to the Harbour Police Department, which reported 2,521 "
        "shooting incidents in the city."
    )
    assert speaker_of(text, "To solve") == ("Harbour Police Department", "Harbour Police Department")
    text = "To be sure, the mayor, a Democrat, said the budget was balanced."
    assert speaker_of(text, "To be sure")[0] == "mayor"


def test_a_said_clause_with_a_verb_is_no_inverted_source():
    # Seen as 'budget was balanced' and "Podesta Group's CEO" (not the apposed name) on PolNeAR train.
    assert speaker_of("The mayor, a Democrat, said the budget was balanced.", "The mayor") == ("mayor", "The mayor")
    text = "The group's chief executive, Ann Ortiz, said the two firms had coordinated on the decision."
    assert speaker_of(text, "The group")[0] == "Ann Ortiz"
    assert speaker_of("Tom Reyes, a Democrat, said the budget was balanced.", "Tom")[0] == "Tom Reyes"


def test_a_bare_stem_of_a_cue_verb_is_a_cue_only_where_a_verb_stands():
    # Seen as 'the bus' for "FirstGroup, the bus and rail operator, is paying …" ("rail" for "railed against"), and
    # as 'GOP Candidates Resoundingly' for a headline's "Resoundingly Reject".
    assert speaker_of(
        "FirstGroup, the bus and rail operator, is paying the price for losing a franchise.", "First"
    ) == (None, None)
    assert speaker_of("Reyes and Ortiz would echo the claim that taxes rose.", "Reyes")[0] == "Reyes and Ortiz"


def test_a_title_of_a_place_is_the_office_or_the_person_holding_it():
    # Seen as 'of London' for "The Lord Mayor of London says" and 'of Staff Katie Walsh' on PolNeAR train.
    text = "The Lord Mayor of London says the City does not employ enough disabled people."
    assert speaker_of(text, "The Lord") == ("Lord Mayor of London", "Lord Mayor of London")
    text = "Gov. Ann Ortiz said the port would reopen. The Governor of Maine said the border was open."
    assert speaker_of(text, "The Governor") == ("Ann Ortiz", "Governor of Maine")
    text = "That, RNC Chief of Staff Katie Walsh explained, is by design."
    assert speaker_of(text, "That")[0] == "Katie Walsh"


def test_an_initial_or_a_surname_that_is_also_a_title_stays_in_the_name():
    # Seen as 'of Maine' (King taken for a title) and 'Martin' for "Jill A. Martin" ("A." taken for "a").
    assert speaker_of("Sen. Angus King of Maine said taxes rose.", "Sen.")[0] == "Angus King"
    assert speaker_of("Representative Peter T. King of New York said taxes rose.", "Rep")[0] == "Peter T. King"
    text = "However, Jill A. Martin, a lawyer for the company, said in a statement that it was false."
    assert speaker_of(text, "However")[0] == "Jill A. Martin"
    assert speaker_of("Virginia Gov. Terry McAuliffe said the order stands.", "Virginia")[0] == "Terry McAuliffe"


def test_a_phrase_a_preposition_opens_is_no_speaker():
    # Seen as 'in a tender' (a noun "offer" taken for a cue) and 'into question' on PolNeAR train.
    text = "Sales are done in one of two ways: in a merger, or in a tender offer that gives shareholders a choice."
    assert speaker_of(text, "Sales") == (None, None)
    text = "The about-face worries the Gulf capitals, and puts previous accords into question."
    assert speaker_of(text, "The about-face") == (None, None)


def test_a_source_inside_a_quotation_that_opened_before_is_quoted_speech():
    # Seen as 'These people' and 'Trump' ("Mr. Trump, tell me what you're going to do?") for sentences that carry
    # on a long quotation (one the segmenter leaves in sentences): issue 14, "a quotation continued … keeps its
    # speaker".
    text = (
        "“Prices are a scandal,” Ann Ortiz said on Monday.\n\n"
        '"I am disappointed in the committee. The room was stacked with donors. I was met with applause. '
        "The place went crazy. I said, what are they doing? Some of them are friends of mine. "
        "These people can't say that because the drug companies give them a fortune. "
        'Mr. Reyes, tell me what you are going to do?"\n\n'
        "Critics say the figure is wrong."
    )
    assert speaker_of(text, "These people")[0] == "Ann Ortiz"
    assert speaker_of(text, "Mr. Reyes")[0] == "Ann Ortiz"
    assert speaker_of(text, "Critics")[0] == "Critics"


def test_an_outlet_that_saw_the_documents_is_not_their_source():
    # Seen as 'Reuters' for "Zimbabwean intelligence reports seen by Reuters suggest …" (the Telegraph page) and on
    # PolNeAR train ("A Feb. 1 letter … obtained by The Associated Press warns").
    text = "Intelligence reports seen by Reuters suggest that the general has been planning a takeover."
    assert speaker_of(text, "Intelligence")[0] == "Intelligence reports"
    assert speaker_of("Emails obtained by the Harbour Times show that the plan failed.", "Emails")[0] == "Emails"
    assert speaker_of("A study published by Harvard found that taxes rose.", "A study")[0] == "Harvard"


def test_a_name_in_quotation_marks_does_not_stop_a_trailing_attribution():
    # Seen as 'compound in Harare' on the Telegraph page: the scare quotes of '"Blue House"' made the sentence read
    # as a quotation, so the trailing ", a source said." did not go first.
    text = (
        'The president and his wife are under house arrest at his "Blue House" compound in Harare and are '
        "insisting he finishes his term, a source said."
    )
    assert speaker_of(text, "The president") == ("source", "a source")


def test_a_list_inside_a_relative_clause_is_not_an_apposition():
    # Seen as 'Iran' for "Westmacott, who will retire soon after also serving in Iran, Turkey and France, praised …"
    # and 'Miami' for "Marco Rubio, whose hometown, Miami, is …" on PolNeAR train.
    text = "Tom Reyes, who will retire after serving in Iran, Turkey and France, praised the deal on Saturday."
    assert speaker_of(text, "Tom") == ("Tom Reyes", "Tom Reyes")
    text = "Ann Ortiz, who helped found EDGE, a justice group based in Portland, said she did not condone violence."
    assert speaker_of(text, "Ann")[0] == "Ann Ortiz"


def test_people_listed_before_a_dash_aside_all_speak():
    # A news-label train miss: "Other prominent Republicans, like Richard Armitage, Henry Paulson and Brent
    # Scowcroft ― three former … officials ― have also said" gave the description, not the people.
    text = (
        "Other prominent Democrats, like Ann Ortiz, Tom Reyes and Maria Lopez ― three former state officials ― have "
        "also said they support the bill."
    )
    assert speaker_of(text, "Other")[0] == "Ann Ortiz; Tom Reyes; Maria Lopez"
    text = "During a town hall, Democrats Ann Ortiz, Tom Reyes, and Maria Lopez offered voters different plans."
    assert speaker_of(text, "During")[0] == "Ann Ortiz; Tom Reyes; Maria Lopez"


def test_they_after_people_listed_as_examples_of_a_subject_are_those_people():
    # A news-label dev miss: "Critics of the EB-5 program, like Senators Charles E. Grassley, Republican of Iowa,
    # and Patrick J. Leahy, Democrat of Vermont, see … They sent a letter …" gave the commission named before.
    text = (
        "A complaint filed by the Harbour Trade Commission says the developers looted the fund.\n\n"
        "Critics of the program, like Senators Ann Ortiz, Republican of Maine, and Tom B. Reyes, Democrat of Ohio, "
        "see the renewal as a chance to fix it. They sent a letter on Thursday opposing the renewal."
    )
    assert speaker_of(text, "They sent")[0] == "Ann Ortiz; Tom B. Reyes"
    text = (
        "A complaint filed by the Harbour Trade Commission says the developers looted the fund.\n\n"
        "Some of the victims, such as Ann Ortiz and Tom Reyes, have become familiar names. They said the fund was "
        "looted."
    )
    assert speaker_of(text, "They said")[0] == "Harbour Trade Commission"


def test_a_year_after_a_source_phrase_is_not_part_of_it():
    # A news-label dev miss: "A group of doctors in 2015 sent a letter to …" (and PolNeAR train's "an executive at
    # the Clinton Foundation in 2009 sought …"): when, not who.
    text = "A group of doctors in 2015 sent a letter to the hospital, calling for his dismissal."
    assert speaker_of(text, "A group") == ("group of doctors", "A group of doctors")
    text = "An executive at the foundation in 2009 said the donor would give more."
    assert speaker_of(text, "An executive")[0] == "executive at the foundation"


def test_the_study_is_the_report_an_article_named_the_authors_of():
    # Seen on the CNN page: "a new report released on Monday by Stanford University's Center on Poverty and
    # Inequality …" and then "The study determined …" gave 'study'.
    text = (
        "A new report released on Monday by the Harbour Institute calls that into question. "
        "The study found that the ratio of employed men fell."
    )
    assert speaker_of(text, "The study") == ("Harbour Institute", "The study")
    text = (
        "A study by the Harbour Institute found that rents rose. A report from the Port Council disagreed. "
        "The study also found that wages fell."
    )
    assert speaker_of(text, "The study also")[0] == "Harbour Institute"


def test_a_people_s_name_before_a_plural_noun_is_part_of_the_subject():
    # Seen as 'Libyan' for "In January, Libyan militants loyal to the Islamic State beheaded 21 Christians … and
    # posted a video" (the Washington Post page) and 'Syrian' for "Syrian hackers … hijacked …, tweeting out".
    text = "In January, Libyan militants loyal to the group beheaded 21 captives and posted a video of the killings."
    assert speaker_of(text, "In January")[0] == "Libyan militants"


def test_first_reported_in_the_active_voice_is_the_reporters_report():
    # PolNeAR train: 'The Tennessean first reported Gore's decision earlier Sunday.' gave "Gore's": the learnt cue
    # "first reported" mostly stands in "was first reported by X", so its source was looked for after it.
    text = "The Harbour Gazette first reported Ortiz's decision on Sunday, citing two port officials."
    assert speaker_of(text, "The Harbour") == ("Harbour Gazette", "Harbour Gazette")
    text = "Port Radio first reported the 40 million dollar deal."
    assert speaker_of(text, "Port Radio")[0] == "Port Radio"
    # The passive keeps its agent.
    text = "Ortiz's decision was first reported by Port Radio on Sunday."
    assert speaker_of(text, "Ortiz")[0] == "Port Radio"


def test_the_main_clause_speaks_over_an_opening_subordinate_clause():
    # PolNeAR train: 'While not everything Trump says is true, Jamieson said Trump is "telling his supporters …"'
    # gave Trump. news-guidelines.md: the main clause's speech act names the speaker.
    text = 'While not everything Reyes says is true, Ann Ortiz said he is "telling voters what they want to hear."'
    assert speaker_of(text, "While")[0] == "Ann Ortiz"
    text = "After Reyes testified, the port authority said 40 jobs would go."
    assert speaker_of(text, "After")[0] == "port authority"
    # Without a cue in the main clause, the subordinate clause's statement is still the one reported.
    text = "Although Reyes said the tolls would fall, they rose 40 percent."
    assert speaker_of(text, "Although")[0] == "Reyes"


def test_an_opening_participle_cue_has_the_main_clauses_subject():
    # PolNeAR train: 'Having announced that he would not send me to prison, Judge Berman proceeded …' gave 'Having';
    # 'Citing last week's Paris attack as a wake-up call …, Will urged …' gave the attack.
    text = "Having announced that the port would close, Mayor Ann Ortiz proceeded to cut the budget by 40 percent."
    assert speaker_of(text, "Having")[0] == "Ann Ortiz"
    text = "Citing the flood of 2019 as a warning for the city, Reyes urged the council to raise the sea wall."
    assert speaker_of(text, "Citing")[0] == "Reyes"
    # Not an "According to" opener, nor a possessive after the comma, nor a participle that reports nothing.
    text = "According to the Harbour Gazette, Reyes resigned on Monday."
    assert speaker_of(text, "According")[0] == "Harbour Gazette"
    assert speaker_of("Following the report, Reyes resigned.", "Following")[0] is None


def test_the_campaign_is_not_an_organisation_with_campaign_in_its_name():
    # PolNeAR train: 'Huckabee's campaign said …' and 'The Carson campaign declined …' became the Campaign Legal
    # Center, named earlier: "the campaign" is a campaign, the centre's head noun is "Center".
    text = "The Campaign Legal Center filed a complaint on Monday. Reyes's campaign said he had accepted no new fees."
    assert speaker_of(text, "Reyes")[0] == "Reyes's campaign"
    text = "The Commission on Port Safety said it would meet. The commission said tolls would rise."
    assert speaker_of(text, "The commission")[0] == "Commission on Port Safety"


def test_a_counted_description_is_not_cut_at_its_capitals():
    # News labels train: 'Three-in-five GOP insiders across the four states … said' gave 'Three-in-five GOP';
    # PolNeAR train: 'One California delegate said', 'Six Gannett newspapers in New Jersey … said'.
    text = "Three-in-five GOP insiders across the four states said that Reyes would win."
    assert speaker_of(text, "Three")[0] == "Three-in-five GOP insiders across the four states"
    assert speaker_of("One Harbour delegate said he gave away his passes.", "One")[0] == "One Harbour delegate"


def test_a_bare_phrase_after_a_modal_or_to_is_a_verb_not_a_source():
    # Seen on saved pages: 'contain' for "the output will contain calls to JS runtime", 'record or capture' for "I
    # wasn't allowed to record or capture footage"; PolNeAR train: 'confront voters', 'disrupt'.
    text = "The port will contain calls for new tolls by 2020."
    assert speaker_of(text, "The port")[0] != "contain"
    text = "I was not allowed to record or capture footage of the meeting, the mayor said."
    assert speaker_of(text, "I was")[0] != "record or capture"
    text = "As the candidates head to the port, they will confront voters who say tolls rose 40 percent."
    assert speaker_of(text, "As the")[0] != "confront voters"
    # "according to" keeps its source.
    text = "Tolls rose 40 percent, according to port officials."
    assert speaker_of(text, "Tolls")[0] == "port officials"


def test_a_quoted_title_with_a_colon_is_no_transcript_label():
    # Seen on a saved Yahoo page: '“RIGS: Mechanized Combat League” ($50)' made "RIGS" the speaker of the rest of
    # the review.
    from reviewer.core.extraction.speaker_patterns import transcript_label

    title = "“HARBOUR: Tolls of the Port” ($50)"
    assert transcript_label(title, 0, len(title)) is None
    text = (
        "The port reopened on Monday.\n\n“HARBOUR: Tolls of the Port” ($50)\n\n"
        "Giant ships and tolls? That is the gist of this game, which pits two ports against each other.\n\n"
        "It can, however, be slow."
    )
    assert speaker_of(text, "Giant ships")[0] is None
    assert speaker_of(text, "It can")[0] is None
    # A quoted transcript line keeps its label.
    line = "“ORTIZ: Yes we can cut tolls.”"
    assert transcript_label(line, 0, len(line)) == (1, 6)


def test_a_second_verb_after_and_has_a_described_subject():
    # PolNeAR train: 'The 6th Circuit Court of Appeals on Tuesday overturned a lower court ruling and sided with the
    # state of Ohio …' gave 'court ruling'; 'The senator paused and recalled …' gave 'senator paused'.
    text = "The court overturned a lower court ruling and sided with the port authority on tolls."
    assert speaker_of(text, "The court")[0] == "court"
    text = "The 6th Circuit Court of Appeals on Tuesday overturned a lower court ruling and sided with the port."
    assert speaker_of(text, "The 6th")[0] == "6th Circuit Court of Appeals"


def test_an_unresolved_pronoun_phrase_names_nobody():
    # PolNeAR train: "That's the hope for the beleaguered establishment wing of the Republican Party." gave "That's".
    assert speaker_of("That's the hope for the port's beleaguered board.", "That")[0] is None


def test_a_participle_closing_the_sentence_qualifies_its_noun():
    # PolNeAR train: 'Rubio co-sponsored a bill this year that would triple the annual cap on the number of H-1B
    # visas issued.' gave 'cap on the number of H-1B visas'.
    text = "Reyes backed a bill this year that would triple the annual cap on the number of port permits issued."
    assert speaker_of(text, "Reyes")[0] != "cap on the number of port permits"
    # A cue that closes the sentence after its source still reports it.
    assert speaker_of("“Yes, ask a bear,” Ortiz responded.", "“Yes")[0] == "Ortiz"


def test_a_quotation_closed_by_a_mark_of_the_other_kind_is_closed():
    # PolNeAR train: 'He said that when Trump’s properties did well, the developer was a “good corporate citizen,"
    # who was involved …. And the mayor said …' underlined the previous sentence's "He": the straight mark closing
    # the curly one was read as a quotation still open, so the next sentence carried on its speaker.
    text = (
        "Mayor Tom Reyes spoke on Monday.\n\n"
        'He said that when the port did well, the operator was a “good corporate citizen," who gave back. '
        "And the harbour master said it would be hard to measure how much the port cost the city."
    )
    assert speaker_of(text, "And the harbour")[1] == "the harbour master"  # its own words, not the "He" before
    # A straight opening mark closed by a curly one also closes.
    text = (
        'Republicans seethed after the disclosure that lawyers had sorted the "work-related” emails. '
        "The work messages were slated to be made public."
    )
    assert speaker_of(text, "The work")[0] is None


def test_a_straight_mark_shaped_as_a_closing_one_opens_no_quotation():
    # A science story whose text had lost a quotation's opening mark ('… of peanut allergy." Anthony S. Fauci, …
    # Director of the National Institute …') gave "Anthony S" to the twenty sentences after it: the lone closing
    # mark was read as an opening one, and every later sentence of the paragraph as the quotation's words.
    text = (
        "Ann Ortiz, director of the port authority, said the port would grow. It is our hope that these findings "
        'will inform the plan." Tom Reyes, director of the harbour, said the port was small. The tolls were mixed '
        "with fees. The ships were assigned at random."
    )
    assert speaker_of(text, "The tolls")[0] is None
    assert speaker_of(text, "The ships")[0] is None
    # a height in feet and inches is no quotation either
    text = "Mayor Tom Reyes said on Monday that he is 6'3\" tall. The port lost $40,000 this year."
    assert speaker_of(text, "The port lost")[0] is None
    # while a quotation that opens goes on over the paragraph with its speaker
    text = 'Mayor Tom Reyes said on Monday: "I am tall. The port lost $40,000 this year.'
    assert speaker_of(text, "The port lost")[0] == "Tom Reyes"


def test_the_name_an_apposition_describes_speaks_not_the_body_it_names():
    # Seen on a saved Seattle Times page: 'Alverson, a commissioner on the Seattle-based International Pacific Halibut
    # Commission, which has managed catch limits … since 1924, described it as a stable but declining resource.' gave
    # the commission; PolNeAR train: 'Hogan Gidley, a former executive director of the South Carolina Republican
    # Party, whose roots are in the evangelical community, said …' gave the party.
    text = (
        "Reyes, a commissioner on the Harbour Port Safety Commission, which has set toll limits since 1924, "
        "described the port as a stable but declining business."
    )
    assert speaker_of(text, "Reyes")[0] == "Reyes"
    text = "In Harbourland, the cities of Portsea and Tollby said they would light their landmarks on Monday."
    assert speaker_of(text, "In Harbourland")[0] != "Harbourland"


def test_a_noun_its_adjective_qualifies_is_no_cue():
    # Seen on a saved Spiceworks page: 'social' for "The emergence of trends, such as social distancing, work-from-home,
    # and virtual meetings have increased the demand …" ("distancing" read as a cue, as in "distanced himself").
    text = (
        "The emergence of trends, such as social distancing and virtual meetings, has increased the demand for tolls."
    )
    assert speaker_of(text, "The emergence")[0] is None
    # A verb after an adverb stays a cue.
    assert speaker_of("Ann Ortiz later testifies that tolls rose.", "Ann Ortiz")[0] == "Ann Ortiz"


def test_a_name_apposed_to_a_description_speaks_before_a_cue_with_an_object():
    # Seen on a saved Washington Post page: 'The leader of Ennahda, Rachid Ghannouchi, condemned Wednesday’s attack'
    # gave "Wednesday’s" (read as an inverted "…, condemned X"); PolNeAR: 'The French interior minister, Bernard
    # Cazeneuve, said early Friday that 80 people were killed' gave the description, not the minister's name.
    text = "The leader of the Harbour Party, Tom Reyes, condemned the toll rise as a tax on the poor."
    assert speaker_of(text, "The leader") == ("Tom Reyes", "Tom Reyes")
    text = "The port's harbour master, Ann Ortiz, said early Friday that 80 ships were turned away."
    assert speaker_of(text, "The port's") == ("Ann Ortiz", "Ann Ortiz")
    # An inverted cue after a quotation still takes the name after it.
    text = "“Tolls rose by half,” said the harbour master, Ann Ortiz."
    assert speaker_of(text, "“Tolls")[0] == "Ann Ortiz"


def test_a_lower_case_title_after_an_inverted_cue_gives_the_name():
    # Seen on a saved BuzzFeed page: 'said chief inspector Jennifer Mattinson from the West Mercia police.' made the
    # whole phrase the speaker; British style writes titles in lower case before the name.
    text = "“Tolls will rise,” said chief inspector Ann Ortiz from the Harbour police."
    assert speaker_of(text, "“Tolls") == ("Ann Ortiz", "Ann Ortiz")
    text = "“Tolls will rise,” said council leader Tom Reyes of the Harbour Party."
    assert speaker_of(text, "“Tolls") == ("Tom Reyes", "Tom Reyes")
    # A time between the cue and a name is no title: the name is what the statement is about.
    assert speaker_of("Tolls rose, said last week Tom Reyes would resign.", "Tolls")[0] != "Tom Reyes"


def test_a_source_phrase_stops_before_its_own_action():
    # Seen on a saved New York Times page: 'Republicans pilloried the Obama administration' for "Republicans
    # pilloried the Obama administration for proposing a large stimulus … and complained about the deficit";
    # PolNeAR: "The St. Paul City Council on Wednesday approved a resolution condemning …".
    text = "Republicans pilloried the port authority for proposing a large toll rise and complained about the deficit."
    assert speaker_of(text, "Republicans") == ("Republicans", "Republicans")
    # A verb in a relative clause is no action of the source's own: the officials still speak.
    text = "Officials who opposed the toll rise say it cost 40 jobs."
    assert speaker_of(text, "Officials")[0] == "Officials"


def test_a_party_and_state_after_a_name_keep_the_name_as_subject():
    # PolNeAR train: 'Rep. Chris Collins, R-NY, says meeting participants outlined a scenario' gave the participants
    # (", R-NY, says" read as an inverted "…, says X").
    text = "Rep. Tom Reyes, R-NY, says meeting participants outlined a plan to raise tolls 4 percent."
    assert speaker_of(text, "Rep. Tom Reyes") == ("Tom Reyes", "Tom Reyes")


def test_a_hearsay_adverb_names_no_source():
    # PolNeAR train: "The Club for Growth is reportedly spending $1.5 million …", "The FBI is reportedly making
    # arrangements …" gave the subject, which is what is reported on; a saved Salon page: "as Uber’s reportedly are"
    # gave "Uber’s". Whoever reports it goes unnamed.
    assert speaker_of("The Harbour Trust is reportedly spending $1.5 million on toll ads.", "The Harbour")[0] is None
    assert speaker_of("Tom Reyes allegedly took 40 bribes in 2015.", "Tom Reyes")[0] is None
    # A cue after the adverb still reports its subject.
    assert speaker_of("Tom Reyes reportedly said tolls rose 4 percent.", "Tom Reyes")[0] == "Tom Reyes"


def test_a_tagged_span_naming_a_party_s_words_gives_the_party():
    # Seen on a saved Salon page: the tagger's 'Uber’s tweet during' for "Uber’s tweet during the Sydney crisis made
    # it sound as if …"; PolNeAR: "Hoff’s letter makes a libertarian-style case", "Clinton's op-ed supporting …".
    sentence = "Tollcab’s tweet during the storm made it sound as if fares had risen 4 percent."
    assert tagged_speaker(sentence, [(0, 26, 0.9, False)]) == "Tollcab"
    sentence = "Ann Ortiz's letter makes the case that tolls rose 4 percent."
    assert tagged_speaker(sentence, [(0, 18, 0.9, False)]) == "Ann Ortiz"
    # A party's campaign is the campaign.
    sentence = "Ann Ortiz's campaign says tolls rose 4 percent."
    assert tagged_speaker(sentence, [(0, 20, 0.9, False)]) == "Ann Ortiz's campaign"


def test_an_inverted_cue_closing_the_sentence_speaks_for_all_of_it():
    # Seen on a saved WebMD page: "It refers to bacteria that can't be treated using two or more, says Brian K. Coombes,
    # PhD, of McMaster University in Ontario." gave the White House (the "It" of "refers to").
    text = (
        "The port authority released a plan on Monday. It refers to tolls that cannot be paid by card, says Ann "
        "Ortiz, PhD, of Harbour University in Portsea."
    )
    assert speaker_of(text, "It refers") == ("Ann Ortiz", "Ann Ortiz")
    # A chained "according to" outlet stays second to who spoke (news-guidelines.md).
    text = "On Monday, Tom Reyes said he was happy to see the toll cut, according to The Harbour Times."
    assert speaker_of(text, "On Monday")[0] == "Tom Reyes"


def test_someone_named_is_who_he_is_and_no_company():
    # Seen on a saved Salon page: "Someone named Man Haron Monis, who …, seized hostages" gave "Someone" ("named"
    # read as a cue), and three sentences on "As Mashable reports, the company announced …" gave Man Haron Monis,
    # taken for a company because no first name opens his name. "who" tells a person.
    from reviewer.core.extraction.cues import find_cues

    text = (
        "Uber had an interesting response to the panic: It raised prices.\n\n"
        "Someone named Man Haron Monis, who had been investigated for murder, seized hostages in a café.\n\n"
        "As Mashable reports, the company announced that it would charge a minimum of $100 to leave the area."
    )
    assert speaker_of(text, "Someone")[0] is None
    assert speaker_of(text, "As Mashable")[0] == "company"
    assert not find_cues("A man called Ortiz was arrested.")
    assert [cue.words for cue in find_cues("The board named Ortiz its chairman.", 0.3)] == ["named"]


def test_an_impersonal_passive_and_a_measure_name_nobody():
    # Seen on saved pages: "IT was said that Malcolm Fraser moved to the Left …" (Herald Sun) gave the Inspector-General
    # of Intelligence and Security, an "it" of the article before; "The stunt was supported by 34mm-wide carbon
    # wires." (Independent) gave "34mm-wide".
    text = (
        "The Inspector-General of Intelligence and Security reviewed the agency. "
        "It was said that the minister had moved to the Left. It is widely believed that he never changed."
    )
    assert speaker_of(text, "It was said") == (None, None)
    assert speaker_of(text, "It is widely") == (None, None)
    text = "A stuntman crossed the river by highwire. The stunt was supported by 34mm-wide carbon wires."
    assert speaker_of(text, "The stunt") == (None, None)
    text = "The Government Accountability Office reviewed the agency. It said that the minister had moved to the Left."
    assert speaker_of(text, "It said")[0] == "Government Accountability Office"
