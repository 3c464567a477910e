"""Issue 14: speakers given by layout, not by a verb. A credit after a quotation ("― Name" on its line, or
"- Name." as the next paragraph), a headline's "Name:" and a transcript quoted paragraph by paragraph.
Seen on PolNeAR (a readers' roundup, a fact-check of debate lines, a Sunday-show transcript, headlines);
each test is the construction, written by hand."""

from __future__ import annotations

from reviewer.core.extraction import extract_claims
from reviewer.core.extraction.segment import sentences
from reviewer.core.extraction.speaker_credits import credit_after_quotation, headline_source

from tests.attribution_helpers import speaker_of, tagged_speaker

ROUNDUP = (
    "Voters in Ohio share their view of the debate.\n\n"
    "\u201cThe plan would cost the state 40,000 jobs. He has never run a budget. He represents our worst "
    "fears.\u201d \u2015 Maria Alvarez\n"
    "\u201cDuring the debate Trump said taxes would fall. He is wrong about our towns.\u201d\u2015 Tom Reyes\u00a0\n"
    "\u201cI am so tired of this race. How did we get this low?\u201d\u00a0\u2015 Ann Ortiz\u00a0\n"
)


def test_a_dash_credit_speaks_the_whole_quotation_before_it():
    assert speaker_of(ROUNDUP, "\u201cThe plan") == ("Maria Alvarez", "Maria Alvarez")
    # the quotation names Trump and says "said"; the credit still speaks it
    assert speaker_of(ROUNDUP, "\u201cDuring the debate") == ("Tom Reyes", "Tom Reyes")
    assert speaker_of(ROUNDUP, "\u201cI am so tired") == ("Ann Ortiz", "Ann Ortiz")


def test_a_credit_ends_its_sentence_at_the_line_break_and_stays_with_its_quotation():
    texts = [ROUNDUP[s.start : s.end] for s in sentences(ROUNDUP)]
    assert texts[1].startswith("\u201cThe plan") and texts[1].endswith("\u2015 Maria Alvarez")
    assert texts[2].startswith("\u201cDuring the debate") and texts[2].endswith("\u2015 Tom Reyes")
    assert texts[3].startswith("\u201cI am so tired") and texts[3].endswith("\u2015 Ann Ortiz")


def test_a_credit_paragraph_after_a_quotation_paragraph_speaks_it_and_is_no_claim():
    text = (
        "Here is what the candidates said, and what the record shows.\n\n"
        '"Almost all new income and wealth is going to the top 1 percent."\n\n'
        "- Bernie Sanders.\n\n"
        "The senator is relying on an outdated statistic. Sanders exaggerates when he says the share grew.\n\n"
        '"I went to Wall Street before the crash. I was the one saying you will wreck the economy."\n\n'
        "-Hillary Clinton, speaking in New Hampshire.\n\n"
        "Clinton tends to overstate the visit."
    )
    assert speaker_of(text, '"Almost all') == ("Bernie Sanders", "Bernie Sanders")
    assert speaker_of(text, '"I went to Wall Street') == ("Hillary Clinton", "Hillary Clinton")
    # the credited name is remembered: the "he" of the next paragraph is Sanders
    assert speaker_of(text, "Sanders exaggerates")[0] == "Bernie Sanders"
    assert not any(c.text.lstrip("-").startswith(("Bernie", "Hillary")) for c in extract_claims(text))


def test_what_is_no_credit_is_left_alone():
    # a quotation that closes inside its sentence, an aside after a dash, a list after a quotation
    text = "\u201cI am sick of it,\u201d Ortiz said. \u2014 Reyes disagreed with the mayor on every count."
    assert credit_after_quotation(text, 0, 20) is None
    text = "\u201cWe will win.\u201d \u2014 But the polls say otherwise, and the count begins on Monday.\n"
    assert credit_after_quotation(text, 0, 10) is None
    text = '"Taxes will rise 10 percent."\n\nThe mayor - Ann Ortiz - disagreed.'
    assert credit_after_quotation(text, 0, 10) is None


def test_a_headline_source_before_its_colon():
    assert headline_source("Pence: Gennifer Flowers Won\u2019t Be at Debate") == (0, 5)
    assert headline_source("Clinton to Planned Parenthood: Trump will reverse Roe v. Wade.") == (0, 7)
    sentence = "Gillibrand on Hillary Releasing Her Speech Transcripts: \u2018I Think She Will.\u2019"
    assert headline_source(sentence) == (0, 10)
    for label in (
        "The Latest: Trump urges supporters to monitor polling places.",
        "Revealed: What the Videos Actually Contain.",
        "Monday\u2019s Morning Email: The DNC Email Hack.",
        "Delegate Update: The latest count in the Democratic race.",
        "A Curious Plan to Fight Climate Change: Buy Mines, Sell Coal.",
    ):
        assert headline_source(label) is None, label


def test_only_the_article_headline_takes_a_colon_source():
    text = "Ortiz: The Budget Is Balanced and Taxes Will Fall.\n\nTom Reyes: a profile of the port chief, page 4."
    assert speaker_of(text, "Ortiz:") == ("Ortiz", "Ortiz")
    assert speaker_of(text, "Tom Reyes:") == (None, None)


def test_a_transcript_quoted_paragraph_by_paragraph_keeps_its_labels():
    text = (
        "Partial transcript as follows:\n\n"
        '"WALLACE: Let us start with the debate story. Why would the governor do that?\n\n'
        '"PENCE: Well, look, the mayor apparently thinks this is a game show. But taxes rose 40 percent.'
    )
    claims = extract_claims(text)
    assert [(c.text, c.speaker) for c in claims[1:]] == [
        ("Let us start with the debate story.", "WALLACE"),
        ("Why would the governor do that?", "WALLACE"),
        ("Well, look, the mayor apparently thinks this is a game show.", "PENCE"),
        ("But taxes rose 40 percent.", "PENCE"),
    ]


def test_headline_shouts_are_no_transcript_speakers():
    text = "BOOM: Mayor Fires a Missile at the Council.\n\nThe council voted 5-4 to raise taxes on Monday."
    assert speaker_of(text, "BOOM: Mayor Fires") == (None, None)


def test_a_study_or_report_finds_and_shows():
    # "found" is a cue in only 41% of PolNeAR's uses ("the body was found"); after a study it is one
    text = "A 2019 study that appeared in the Journal of Urban Health found that rents rose 40 percent."
    assert speaker_of(text, "A 2019 study")[0] is not None
    assert "Journal of Urban Health" in (speaker_of(text, "A 2019 study")[0] or "")
    assert speaker_of("The mayor found the keys in the car on Monday.", "The mayor") == (None, None)
    # "The report said" names who; "in a statement emailed to Reuters" says how
    assert speaker_of("The report said that 27 companies paid no tax.", "The report")[1] == "The report"
    # HealthDay: "Some kids might … get over their peanut allergy …, a major new clinical trial reports." gave nobody:
    # "reports" is mostly a noun, and "trial" read as an adjective before it ("political reporting")
    text = "Some kids might outgrow their allergy, a major new clinical trial reports."
    assert speaker_of(text, "Some kids") == ("major new clinical trial", "a major new clinical trial")
    assert speaker_of("The trial reports were filed late on Monday.", "The trial") == (None, None)


def test_the_report_the_study_and_the_researchers_resolve_to_their_authors():
    text = (
        "An exhaustive study released on Tuesday shows how companies avoid taxes.\n\n"
        "The authors of the report, which include the Harbour Policy Institute and Citizens for Fair Rates, "
        "combed through the filings.\n\n"
        "If all the companies paid taxes, the researchers tallied, the state would receive $7 billion.\n\n"
        "The report said that 27 companies reported 16,389 subsidiaries."
    )
    authors = "Harbour Policy Institute and Citizens for Fair Rates"
    assert speaker_of(text, "If all the companies") == (authors, "the researchers")
    assert speaker_of(text, "The report said") == (authors, "The report")
    text = (
        "The Tax Foundation released a report on Monday about the cost of the plan.\n\n"
        "The report said that the plan would cost 40,000 jobs."
    )
    assert speaker_of(text, "The report said") == ("Tax Foundation", "The report")
    text = "Researchers at Harbour University said on Monday the river was clean. The researchers found 12 species."
    assert speaker_of(text, "The researchers found") == ("Harbour University", "The researchers")


def test_a_quotation_in_two_apostrophes_runs_over_its_sentences_with_its_speaker():
    # Wire and archive text writes ''…'' for double quotation marks.
    text = (
        "Still, golf clubs are ''just scratching out a profit,'' Mr. Hedge said from his office. ''Golf is a "
        "thin industry. I hardly ever advise investing in a course. There are huge fixed costs.''\n\n"
        "A developer disagreed with him on Monday."
    )
    texts = [text[s.start : s.end] for s in sentences(text)]
    assert (
        "''Golf is a thin industry. I hardly ever advise investing in a course. There are huge fixed costs.''" in texts
    )
    assert speaker_of(text, "''Golf is")[0] == "Hedge"
    assert speaker_of(text, "A developer") == (None, None)


def test_the_company_or_the_bank_is_the_company_named_before():
    # "the oil company", "the bank": a description with its modifiers names the company the article named,
    # also one the memory of people kept (no first name opens "Harbour Fargo" or "Exxon Mobil")
    text = (
        "Harbour Fargo fired 5,300 employees for opening fake accounts, regulators said on Thursday.\n\n"
        "The bank said that it had fired the employees from 2011 to 2016."
    )
    assert speaker_of(text, "The bank said") == ("Harbour Fargo", "The bank")
    text = "Exxon Mobil reported a loss on Friday. The oil company said prices fell 40 percent."
    assert speaker_of(text, "The oil company") == ("Exxon Mobil", "The oil company")
    # a person is no company: "John Smith" opens with a first name
    text = "John Smith reported a loss on Friday. The oil company said prices fell 40 percent."
    assert speaker_of(text, "The oil company")[0] == "oil company"


def test_a_closing_mark_typed_where_a_quotation_opens_still_opens_it():
    text = (
        "Readers share their view.\n\n"
        "\u201dThe plan would cost 40,000 jobs. He has never run a budget. He represents our worst "
        "fears.\u201d \u2015 Maria Alvarez\n"
        "\u201cHe is wrong about our towns.\u201d \u2015 Tom Reyes\n"
    )
    texts = [text[s.start : s.end] for s in sentences(text)]
    assert texts[1].startswith("\u201dThe plan") and texts[1].endswith("Maria Alvarez")
    assert speaker_of(text, "\u201dThe plan") == ("Maria Alvarez", "Maria Alvarez")


def test_a_tagged_name_stops_where_the_tagger_s_cue_begins():
    # A title-case headline: "31 Latinos" is the source and "Share Their" the cue; the words after the span
    # are capitalised, but no name runs on past the cue ('31 Latinos Share Their Most Honest Thoughts On …').
    sentence = "31 Latinos Share Their Most Honest Thoughts On Donald Trump."
    assert tagged_speaker(sentence, [(0, 10, 0.96, False), (11, 22, 0.69, True)]) == "31 Latinos"
    # without a cue after it, a span stopping inside a name still runs on to the name's end
    sentence = "Massachusetts Sen. Elizabeth Warren grilled the bank's chief on Tuesday."
    spans = [(0, len("Massachusetts Sen. Elizabeth"), 0.9, False)]
    assert tagged_speaker(sentence, spans) == "Massachusetts Sen. Elizabeth Warren"


def test_a_description_apposed_to_a_name_is_the_name():
    text = (
        "Senator Maria Lopez, a Democrat from Ohio, in the name of curbing climate change, has proposed a tax "
        "on carbon that would raise $2 trillion."
    )
    assert speaker_of(text, "Senator Maria Lopez")[0] == "Maria Lopez"
    # a place before the comma is where, not who
    text = "At a town hall meeting in New Hampshire, a young woman told Mrs. Ortiz that taxes rose 40 percent."
    assert speaker_of(text, "At a town hall")[0] != "New Hampshire"


def test_a_short_outlet_name_is_the_fullest_name_the_article_gave():
    text = (
        "Mayor Ortiz spoke to The Harbour City Times on Friday about her tax plan.\n\n"
        "The Times on Saturday wrote that the plan would raise taxes on 40 percent of families.\n\n"
        "According to the Post, the plan costs $2 trillion."
    )
    assert speaker_of(text, "The Times on Saturday") == ("Harbour City Times", "Times")
    assert speaker_of(text, "According to the Post")[0] == "Post"  # no fuller Post was named


def test_a_clause_a_colon_ends_before_a_quotation_is_spoken_by_its_subject():
    text = (
        "The mayor spoke first.\n\n"
        "Democratic Sen. Maria McCaskey (D-Ohio) scolded him: \u201cThe scientific community is almost "
        "monolithic against you on the 40 percent figure.\u201d"
    )
    assert speaker_of(text, "Democratic Sen.") == ("Maria McCaskey", "Maria McCaskey")
    # no person opens the clause: no speaker from the colon
    text = "The result: \u201cA 40 percent rise in rents.\u201d"
    assert speaker_of(text, "The result")[0] is None


def test_names_with_an_inner_capital_open_a_sentence_as_its_subject():
    from reviewer.core.extraction.speaker_people import opening_name

    for sentence, name in (
        ("Sen. Claire McCaskill said on Monday", ["Claire", "McCaskill"]),
        ("Gov. Ron DeSantis signed the bill", ["Ron", "DeSantis"]),
        ("Martin O'Malley told reporters", ["Martin", "O'Malley"]),
    ):
        found = opening_name(sentence, frozenset({"sen.", "gov."}))
        assert found is not None and found[1] == name, sentence


def test_people_named_with_an_inner_capital_are_remembered_for_he_and_she():
    text = (
        "Senate leaders met on Monday in Washington.\n\n"
        "Later, Gov. Ron DeSantis and Maria Lopez toured the port, where Mr. DeSantis spoke of trade.\n\n"
        "He said that exports would rise 40 percent next year."
    )
    assert speaker_of(text, "He said")[0] == "Ron DeSantis"


def test_a_document_a_party_filed_or_sent_speaks_for_the_party():
    from reviewer.core.extraction.speaker_studies import party_after_document

    text = "According to a 52-count civil complaint filed by the federal Harbour Trade Commission, the men lied."
    start = text.index("52-count")
    span = party_after_document(text, start, text.index(" by the"))
    assert span is not None and text[span[0] : span[1]] == "Harbour Trade Commission"
    assert party_after_document(text, 0, len("According")) is None  # not a document
    text = "Later, a letter from the Harbour Trade Commission said the men used $50 million for themselves."
    assert speaker_of(text, "Later, a letter")[0] == "Harbour Trade Commission"


def test_figures_an_agency_released_speak_for_the_agency():
    # news-claim-analysis: "More than 1 in 5 adults is inactive in all but four states, according to new state maps of
    # adult physical inactivity prevalence released by the Centers for Disease Control and Prevention (CDC)" gave "new
    # state maps" (or nobody), and "according to independent analyses done by NASA and …" the analyses.
    text = (
        "More than 1 in 5 adults is inactive in all but four states, according to new state maps of adult physical "
        "inactivity prevalence released by the Harbour Disease Control Agency (HDCA)."
    )
    assert speaker_of(text, "More than")[0] == "Harbour Disease Control Agency"
    text = "The port warmed 2 degrees in 2021, according to independent analyses done by the Harbour Trust."
    assert speaker_of(text, "The port")[0] == "Harbour Trust"
    text = "Unemployment fell to 4 percent, according to figures compiled by the Harbour Labour Department."
    assert speaker_of(text, "Unemployment")[0] == "Harbour Labour Department"
    # what the figures are of is no party: "maps of adult physical inactivity" names nobody who put them out
    text = "More than 1 in 5 adults is inactive, according to new state maps of adult physical inactivity."
    assert speaker_of(text, "More than")[0] == "new state maps of adult physical inactivity"


def test_a_source_after_according_to_runs_over_the_points_of_abbreviations():
    # PolNeAR train: "… according to data from the U.S. Department of Education." read "data from the U" (the phrase
    # ended at the first point); "said lead researcher Dr. Hussein Tawbi" read "lead researcher Dr".
    text = "About 42 million borrowers owe $1.3 trillion, according to data from the U.S. Department of Education."
    assert speaker_of(text, "About 42")[0] == "U.S. Department of Education"
    text = '"The drug cut deaths by half," said lead researcher Dr. Ann Ortiz, of the port clinic.'
    assert speaker_of(text, '"The drug') == ("Ann Ortiz", "Ann Ortiz")  # the name, without role or title


def test_they_after_parties_just_quoted_is_those_parties():
    text = (
        "The Harbour Trade Commission reviewed the program in May.\n\n"
        "Sens. Maria Lopez and Tom Reyes said the program had no safeguards.\n\n"
        "They said that 40 percent of the money was lost."
    )
    assert speaker_of(text, "They said")[0] == "Maria Lopez; Tom Reyes"
    text = (
        "The Harbour Trade Commission reviewed the program in May.\n\n"
        "Ann Ortiz said the program had no safeguards.\n\n"
        "They said that 40 percent of the money was lost."
    )
    assert speaker_of(text, "They said")[0] == "Harbour Trade Commission"  # one person is no "they"


def test_they_after_researchers_opened_a_sentence_are_those_researchers():
    # Science news: "Researchers from UC San Francisco … studied 22 patients. They found that 10 of 13 participants had
    # anomalies" gave nobody: the researchers had done, not said, and only speakers and bodies were "they".
    text = (
        "Researchers from the Harbour Institute and Port University studied 22 patients. "
        "They found that 10 of 13 participants had anomalies."
    )
    assert speaker_of(text, "They found") == ("Researchers from the Harbour Institute and Port University", "They")
    text = "The geneticists studied 22 patients. They also found that tolls rose 4 percent."
    assert speaker_of(text, "They also")[0] == "geneticists"


def test_a_colon_in_a_first_paragraph_is_a_dateline_not_a_headline_source():
    text = "Harbourside: Mayor Ann Ortiz said on Monday that taxes would fall 40 percent. The council disagreed."
    assert speaker_of(text, "Harbourside:")[0] == "Ann Ortiz"


def test_plural_titles_are_no_part_of_a_name():
    text = "Taxes rose 40 percent, said Sens. Maria Lopez and Tom Reyes."
    assert speaker_of(text, "Taxes rose")[0] == "Maria Lopez; Tom Reyes"  # was 'Sens'


def test_a_headline_source_with_a_party_noun_a_short_paragraph_of_its_own_and_no_tally():
    # PolNeAR train: 'Clinton camp: Trump’s Islamaphobia threatens national security.' gave 'Trump’s Islamaphobia';
    # 'Sanders: Win in a walk.' (a short paragraph of its own naming someone the article named) gave nobody; but
    # 'Hillary Clinton: 1,769.' is a tally and 'Contributing: Nicole Gaudiano.' a credit.
    assert headline_source("Ortiz camp: Reyes\u2019s tolls threaten the port.") == (0, 10)
    text = "Ann Ortiz and Tom Reyes face off on Tuesday.\n\nOrtiz: Win in a walk.\n\nReyes: Finish second."
    assert speaker_of(text, "Ortiz:") == ("Ann Ortiz", "Ortiz")
    assert headline_source("Ann Ortiz: 1,769.") is None
    assert headline_source("Contributing: Tom Reyes.") is None
    text = "The port voted on Monday.\n\nAnn Ortiz: 1,769.\n\nContributing: Tom Reyes."
    assert speaker_of(text, "Ann Ortiz")[0] is None
    assert speaker_of(text, "Contributing")[0] is None


def test_a_label_paragraph_with_a_colon_is_no_source():
    # Seen on saved pages after short paragraphs could name a source: 'Gallery: Xbox One X | 14 Photos', 'Part One:
    # The Wars in Heaven', 'Proof: By definition of the Hermitian matrix', 'Learn More: …'.
    text = (
        "The console launched on Monday.\n\nGallery: Harbour One X | 14 Photos\n\nPart One: The Wars in Heaven\n\n"
        "Learn More: Video Marketing Basics\n\nProof: By definition of the matrix."
    )
    for opening in ("Gallery", "Part One", "Learn More", "Proof"):
        assert speaker_of(text, opening)[0] is None, opening


def test_a_report_by_a_described_author_speaks_for_the_name_not_the_description():
    # SciDev.Net: "… according to the report by UK-based policy institute Chatham House." gave "UK-based", here and
    # for "the report says" later; "a report from the Harbour Trade Commission on Monday." kept the day and the point.
    text = (
        "Conflict will grow by 2030, according to the report by UK-based policy institute Harbour House. "
        "The ten pathways all relate to Asia, the report says."
    )
    assert speaker_of(text, "Conflict")[0] == "Harbour House"
    assert speaker_of(text, "The ten")[0] == "Harbour House"
    text = "Taxes rose 4 percent, according to a study by the nonprofit Urban Port Institute."
    assert speaker_of(text, "Taxes") == ("Urban Port Institute", "Urban Port Institute")
    text = (
        "Taxes rose 4 percent, according to a report from the Harbour Trade Commission on Monday. "
        "The report also said wages fell 2 percent."
    )
    assert speaker_of(text, "Taxes") == ("Harbour Trade Commission", "Harbour Trade Commission")
    assert speaker_of(text, "The report")[0] == "Harbour Trade Commission"
    # a point that ends an abbreviation stays
    assert speaker_of("Taxes rose 4 percent, according to a report from Acme Corp.", "Taxes")[0] == "Acme Corp."
