"""Segmentation and boilerplate: exact spans, abbreviations, quotes, paragraphs, headlines."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.core.extraction import extract_claims
from reviewer.core.extraction.boilerplate import is_boilerplate
from reviewer.core.extraction.segment import sentences

from tests.core.extraction_helpers import assert_claims_are_exact_spans, claim_texts, texts


def test_abbreviations_do_not_end_sentences():
    text = (
        "Mr. Smith met Dr. Jones at No. 10 Downing St. on Sept. 5. "
        "The U.S. economy grew. Growth in the U.S. The report said so."
    )
    assert texts(text) == [
        "Mr. Smith met Dr. Jones at No. 10 Downing St. on Sept. 5.",
        "The U.S. economy grew.",
        "Growth in the U.S.",
        "The report said so.",
    ]


def test_initials_and_decimals():
    text = "John F. Kennedy won 49.7 percent of the vote. Inflation was 3.5% in Jan. 2020. It fell."
    assert texts(text) == [
        "John F. Kennedy won 49.7 percent of the vote.",
        "Inflation was 3.5% in Jan. 2020.",
        "It fell.",
    ]


def test_question_exclamation_and_ellipsis():
    text = 'Did it work? "Why?" she asked. Yes! Prices rose... and then fell... Then they rose again.'
    assert texts(text) == [
        "Did it work?",
        '"Why?" she asked.',
        "Yes!",
        "Prices rose... and then fell...",
        "Then they rose again.",
    ]


def test_question_before_a_dash_attribution_stays_one_sentence():
    assert texts('"Why? — she asked. Nobody knew.') == ['"Why? — she asked.', "Nobody knew."]
    assert texts("Who pays? – the minister asked. Nobody knew.") == ["Who pays? – the minister asked.", "Nobody knew."]
    assert texts("Who pays? — Nobody knew.") == ["Who pays?", "— Nobody knew."]


def test_quotation_spanning_sentences_is_one_span():
    text = '"We will win. We always do," he said. The crowd cheered.'
    assert texts(text) == ['"We will win. We always do," he said.', "The crowd cheered."]
    curly = "“Sanctions failed. Our economy grew,” Konashenkov said. Others disagreed."
    assert texts(curly)[0] == "“Sanctions failed. Our economy grew,” Konashenkov said."


def test_unclosed_quotation_does_not_swallow_the_paragraph():
    # News style: a quotation running into the next paragraph leaves its closing mark off.
    text = '"This is the first sentence. This is the second.\n\n"And the quote goes on," she said.'
    got = texts(text)
    assert got[0] == '"This is the first sentence.'
    assert got[-1] == '"And the quote goes on," she said.'


def test_claims_never_cross_paragraphs():
    text = "The first paragraph ends without a stop\n\nThe second starts here. It has two sentences."
    spans = sentences(text)
    assert [text[s.start : s.end] for s in spans] == [
        "The first paragraph ends without a stop",
        "The second starts here.",
        "It has two sentences.",
    ]
    assert [s.block for s in spans] == [0, 1, 1]


def test_heading_lines_inside_a_block():
    text = "Economy shrinks again\nBy Jane Doe\nThe economy shrank 2% in the third quarter."
    assert texts(text) == ["Economy shrinks again", "By Jane Doe", "The economy shrank 2% in the third quarter."]


def test_hard_wrapped_lines_stay_together():
    text = (
        "The text was hard wrapped at seventy-two columns as old plain text files\n"
        "are, and the sentence continues here. Next one."
    )
    assert len(texts(text)) == 2


def test_english_line_opening_with_a_dash_carries_the_sentence_on():
    # Only Russian text reads a line opening with a dash as dialogue or a list item.
    text = (
        "The finance minister told parliament on Tuesday\n— in a speech that lasted two hours —\n"
        "that unemployment had fallen to 4 percent."
    )
    assert texts(text) == [text]


def test_headline_is_a_candidate_and_dateline_is_stripped():
    text = (
        "Unemployment falls to 3.5 percent\n\n"
        "WASHINGTON (Reuters) - The unemployment rate fell to 3.5 percent in September."
    )
    assert claim_texts(text) == [
        "Unemployment falls to 3.5 percent",
        "The unemployment rate fell to 3.5 percent in September.",
    ]


def test_boilerplate_lines():
    for line in [
        "By Jane Doe",
        "By Jane Doe and John Smith, Reuters",
        "BY JANE DOE | Staff Writer",
        "Photo: John Smith/Reuters",
        "Image copyright Getty Images",
        "Protesters gather in Kyiv on Monday. (AP Photo/Efrem Lukatsky)",
        "Jane Doe contributed to this report.",
        "Additional reporting by Tom Balmforth",
        "Reporting by Tom Balmforth; Editing by Alex Richardson",
        "Did you find a mistake? Let us know.",
        "Sign up for our free newsletter",
        "Share this article",
        "Follow us on Twitter",
        "Read more: Why prices rise",
        "Updated 3:45 PM ET, Tue March 3, 2020",
        "Advertisement",
        "(APPLAUSE)",
        "© 2024 Example News. All rights reserved.",
        "Editor's note: this story was updated on Monday.",
        "Protesters march through central Kyiv on Sunday. REUTERS/Gleb Garanich",
        "Editor\u2019s note: the candidate regularly incites violence and has pledged to ban all Muslims.",
        # bylines with a role and a date, as the bundled samples and many sites write them
        "By Owen Trelawney, transport correspondent — 2 October 2024",
        "By Priya Ramanathan, City Hall reporter · 14 March 2024",
        "By Anna Lee, staff writer",
        "By Anna Lee | March 3, 2021, 10:45 am EST",
        "By Tom Hale, health reporter for the Ledger",
        "By April Smith",
        "By Irving Stone, The New York Times",
        "By Roland Poland and Holland Amsterdam",
    ]:
        assert is_boilerplate(line), line
    for line in [
        "By contrast, the president said nothing.",
        "By 2030, emissions will fall by half.",
        "The ministry said photo evidence was faked.",
        "Unemployment fell to 3.5 percent in May.",
        "Crime doubled",
        "Inflation rose.",
        "By Tuesday, the council will have cut 14 routes.",
        "By March, the desk editors had quit.",
        "By Monday, 40 percent of the staff had left.",
        # a pollster, not a photo credit ("REUTERS/Gleb Garanich")
        "The latest Reuters/Ipsos poll shows Clinton leads Trump by 43 percent to 38 percent.",
        "By 2030, the city editor said, fares will double.",
        # title-case headlines that open with "By"
        "By Any Measure, Obama Created More Jobs Than Bush",
        "By Cutting Taxes, Trump Helped The Rich",
        "By Law, Every Child Must Attend School",
        "By Comparison, Poland and Finland Spend Less",
        "By April, Prices Had Doubled",
    ]:
        assert not is_boilerplate(line), line


def test_boilerplate_blocks_are_never_returned():
    text = (
        "Prices soar\n\nBy Jane Doe\n\nPrices rose 9% in May, the statistics office said.\n\n"
        "Did you find a mistake? Let us know.\n\nJane Doe contributed to this report.\n\n"
        "Sign up for our newsletter to get the news in your inbox."
    )
    assert claim_texts(text) == ["Prices soar", "Prices rose 9% in May, the statistics office said."]


def test_empty_and_blank_text():
    assert extract_claims("") == []
    assert extract_claims("   \n\n  \n") == []
    assert extract_claims("", quality="fast") == []


def test_transcript_labels_are_not_part_of_the_claim():
    text = "LEHRER: Good evening from Oxford.\n\nMCCAIN: We spent $700 billion on the war."
    claims = extract_claims(text, quality="fast")
    assert [c.text for c in claims] == ["Good evening from Oxford.", "We spent $700 billion on the war."]
    assert [c.speaker for c in claims] == ["LEHRER", "MCCAIN"]


_alphabet = st.sampled_from(
    list("ab .,!?\"“”'\n\n  Mr.U.S.1234%$")
    + ["Mr. ", "U.S. ", "\n\n", '," he said. ', "Dr. ", "3.5", "é", "😀", "\r\n"]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_alphabet, max_size=60).map("".join))
def test_offsets_always_match_text(text):
    assert_claims_are_exact_spans(text)


def test_byline_pattern_is_linear_on_names_ending_in_and():
    # "Poland" could read as "Pol" + "and": each such word used to double the matching time.
    from tests.growth import assert_linear

    def byline(times: int) -> str:
        names = ["Poland", "Holland", "Finland", "Iceland", "Rand", "Grand"] * times
        return "By " + " ".join(names) + " reported that taxes rose."

    line = byline(40)
    found = assert_linear(lambda text: (is_boilerplate(text), claim_texts(text)), byline(2), line, size_ratio=20)
    assert found == (False, [line])


def test_byline_roles_do_not_swallow_sentences_with_figures():
    for line in ["By Friday, 40 percent of staff", "By Tuesday, 500 staff."]:
        assert not is_boilerplate(line), line


def test_plural_titles_do_not_end_sentences():
    text = "Sens. Maria Lopez and Tom Reyes wrote to Reps. Ann Ortiz and Sam Hill on Monday. They asked for $5 million."
    assert [text[s.start : s.end] for s in sentences(text)] == [
        "Sens. Maria Lopez and Tom Reyes wrote to Reps. Ann Ortiz and Sam Hill on Monday.",
        "They asked for $5 million.",
    ]


def test_an_inline_numbered_list_stays_one_sentence():
    # Seen on the CNN page: "… as follows: 1. Finland 2. Norway … 10. United States" gave ten "sentences" such as
    # "Germany 6." and "Italy 9.", two of them flagged as claims.
    from reviewer.core.extraction import segment

    text = (
        "The overall rankings of the countries were as follows: 1. Finland 2. Norway 3. Australia 4. Canada "
        "5. Germany 6. France 7. United Kingdom 8. Italy 9. Spain 10. United States\n\n"
        "The team finished 6. The coach was fired. He scored 2. Then he left."
    )
    got = [text[s.start : s.end] for s in segment.sentences(text)]
    assert got[0].endswith("10. United States")
    assert got[1:] == ["The team finished 6.", "The coach was fired.", "He scored 2.", "Then he left."]


def test_where_the_reporters_reported_from_is_no_claim():
    # Seen on saved pages: "Stella Kim reported from Seoul, and Jennifer Jett from Hong Kong." (NBC) gave Stella Kim as
    # a speaker; "Since joining The Post, he has covered economics, China, foreign policy and energy." (a reporter's
    # biography) was a claim candidate.
    for line in (
        "Stella Kim reported from Seoul, and Jennifer Jett from Hong Kong.",
        "Jennifer Jett reported from Hong Kong.",
        "Since joining The Post, he has covered economics, China, foreign policy and energy.",
    ):
        assert is_boilerplate(line), line
    for line in (
        "Stella Kim reported from Seoul that prices rose 20 percent.",
        "Reuters reported from Kyiv that three people died.",
        "Insurance has covered the costs since 2012.",
    ):
        assert not is_boilerplate(line), line


def test_sentences_run_together_without_a_space_are_split():
    # news-claim-analysis texts (and pages whose paragraphs were joined) run sentences together: "…, according to
    # a new study.Immune checkpoint inhibitors …" was one candidate, so the study's claim and the next sentence
    # shared one score and one speaker.
    text = (
        "Skin rashes may be a sign that the drugs work, according to a new study.Immune checkpoint inhibitors "
        "boost the immune response. Your sense of smell may be worse than your ancestors'.A new study tested it. "
        '"Fiber is really good medicine."For decades, that message has been preached.'
    )
    assert texts(text) == [
        "Skin rashes may be a sign that the drugs work, according to a new study.",
        "Immune checkpoint inhibitors boost the immune response.",
        "Your sense of smell may be worse than your ancestors'.",
        "A new study tested it.",
        '"Fiber is really good medicine."',
        "For decades, that message has been preached.",
    ]
    # A straight quotation mark after the stop opens the next sentence when the quotations before it are closed.
    assert texts('About half developed side effects."Skin toxicities occur early," said Semenov.') == [
        "About half developed side effects.",
        '"Skin toxicities occur early," said Semenov.',
    ]
    assert texts("Many experience side effects from the drugs.To learn more, researchers assessed data.") == [
        "Many experience side effects from the drugs.",
        "To learn more, researchers assessed data.",
    ]
    # Not a sentence end: initials, abbreviations, a domain name, a decimal, a lower-case word after the dot.
    for text in (
        "The U.S.Army said so.",
        "Visit nytimes.com for more.",
        "It grew 3.5% in 2020.",
        "He used node.js and found it fast.",
        "Contact Dr.Jones at the clinic.",
    ):
        assert len(texts(text)) == 1, text
