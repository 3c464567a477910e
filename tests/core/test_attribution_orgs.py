"""Issue 14: "the company said" resolves to the organisation the article introduced with a description
("the oil giant Exxon Mobil", "Alphabet, the parent company of Google,", "Wells Fargo CEO John Stumpf"), though
its name has no organisation word in it. Each test is the construction, written by hand."""

from __future__ import annotations

from reviewer.core.extraction.speaker_orgs import described_orgs
from tests.attribution_helpers import speaker_of


def test_an_organisation_introduced_by_a_description_is_what_the_company_means():
    # Seen on PolNeAR train as 'company' for Exxon Mobil and Alphabet, which looked like a person's name.
    text = (
        "The gains were held back by weak results from Harlow Petrol and news from the Bank of Japan.\n\n"
        "The index was held back by a drop in the oil giant Harlow Petrol. The company reported its smallest "
        "quarterly profit in 17 years.\n\n"
        "Quillon, the parent company of Lumo, jumped 3.3 percent. The company reported earnings of $8.42 a share.\n\n"
        "The online retail giant reported a profit of $1.78 per share."
    )
    assert speaker_of(text, "The company reported its")[0] == "Harlow Petrol"
    assert speaker_of(text, "The company reported earnings")[0] == "Quillon"
    # "the online retail giant" is not "the oil giant": nobody named it, the description stays.
    assert speaker_of(text, "The online retail giant")[0] == "online retail giant"


def test_what_tells_an_organisation():
    assert described_orgs("A drop in the oil giant Harlow Petrol.") == [("Harlow Petrol", "oil giant")]
    assert described_orgs("Quillon, the parent company of Lumo, rose.") == [("Quillon", "parent company")]
    assert described_orgs("Sen. Ann Reyes grilled Harlow Fargo CEO John Stumpf.") == [("Harlow Fargo", "")]
    # A person before a role is no organisation; a president is no company's.
    assert described_orgs("Ortiz spokesman Tom Reyes said.", lambda name: name == "Ortiz") == []
    assert described_orgs("The African-American president spoke.") == []


def test_an_opening_phrase_of_time_is_no_organisation():
    # Found reading the change: "On Tuesday, the company said …" made 'Tuesday' an organisation, and the next
    # "The company said" went to it.
    assert described_orgs("On Tuesday, the company said profits rose.") == []
    assert described_orgs("In March, the group released a report.") == []
    text = "Acme Corp makes tools. On Tuesday, the company said profits rose 4 percent. The company said costs fell."
    assert speaker_of(text, "The company said")[0] == "Acme Corp"


def test_an_unnamed_spokesman_is_no_article_and_the_spokesman_speaks_for_the_same_party():
    # PolNeAR train: 'The spokesman refused to answer questions … but said there was no telephone call' got no
    # speaker: "The" of "The spokesman" was read as the organisation of "an ICE spokeswoman".
    assert speaker_of("A spokesman said there was no call.", "A spokesman") == ("spokesman", "A spokesman")
    assert speaker_of("The spokeswoman said there was no call.", "The") == ("spokeswoman", "The spokeswoman")
    assert speaker_of("A Pentagon spokesman said there was no call.", "A")[0] == "Pentagon"
    # After "Ortiz's spokesman said", "the spokesman" is the same one (news-guidelines.md: an unnamed
    # spokesperson becomes the party he speaks for).
    text = (
        "Mayor Ann Ortiz criticised the port tax on Monday. Ortiz's spokesman said the mayor stood by her comments.\n\n"
        "The spokesman refused to answer questions on the budget but said there was no meeting planned with Reyes."
    )
    assert speaker_of(text, "The spokesman refused") == ("Ann Ortiz", "The spokesman")
    # after the cue too: "…, said a spokesman for the Port Authority." gave "spokesman"; "…, said a senior
    # administration official" lost its "official"; "according to a statement from the White House" gave "statement"
    text = "Tolls rose 4 percent, said a spokesman for the Harbour Port Authority."
    assert speaker_of(text, "Tolls")[0] == "Harbour Port Authority"
    text = "Tolls rose 4 percent, said a senior administration official who spoke on condition of anonymity."
    assert speaker_of(text, "Tolls")[0] == "senior administration official"
    text = "Tolls rose 4 percent, according to a statement from the Harbour Trade Commission."
    assert speaker_of(text, "Tolls")[0] == "Harbour Trade Commission"


def test_a_newspaper_is_no_person_described():
    # PolNeAR train: 'The Times newspaper also reported last month Cameron had ordered …' gave David Cameron,
    # taken for "the New York billionaire" (a description of the person spoken of).
    text = "Ann Ortiz said she was pleased. The Harbour Times newspaper also reported last month Ortiz had resigned."
    assert speaker_of(text, "The Harbour")[0] == "Harbour Times newspaper"


def test_a_one_word_name_that_its_refers_to_is_what_it_stands_for():
    # Seen on a saved Salon page: "Uber has presented itself as …", then "It has now promised the state of New York
    # that it will cap its surge prices" gave 'Society' (from "Society, on the other hand, may choose …"); PolNeAR
    # train: "Twitter has now made clear that it was stepping up its fight", then "It also said …".
    from reviewer.core.extraction import extract_claims

    text = (
        "The Harbour Society met on Monday. Tollcab has presented itself as a modern alternative to taxis.\n\n"
        "It has now promised the city that it will cap its surge prices at 4 percent."
    )
    claims = extract_claims(text, quality="final")
    promised = next(c for c in claims if c.text.startswith("It has now"))
    assert promised.speaker == "Tollcab"
    # A place the article calls "its" stands for no "they".
    text = (
        "Officials in Harbourtown spoke on Monday. Harbourtown and its suburbs grew 4 percent.\n\n"
        "They said that tolls will rise."
    )
    assert speaker_of(text, "They said")[0] != "Harbourtown"


def test_a_common_noun_opening_a_sentence_is_no_body():
    # Seen on a saved Salon page: "Society, on the other hand, may choose to believe …" made "Society" the speaker
    # and the body every later "It" stood for, where the article meant Uber.
    from reviewer.core.extraction import extract_claims

    text = (
        "Tollcab has presented itself as a modern taxi service.\n\n"
        "Society, on the other hand, may choose to believe that fares should be capped. Our society is changing.\n\n"
        "It has now promised the city that it will cap its surge prices at 4 percent."
    )
    speakers = {c.text[:12]: c.speaker for c in extract_claims(text, quality="final")}
    assert speakers["Society, on "] is None
    assert speakers["It has now p"] == "Tollcab"
    # A body's own name stays one, also when the article writes the word in lower case elsewhere.
    text = "Parliament voted on Monday. Parliament said tolls rose 4 percent. The parliament building is old."
    assert speaker_of(text, "Parliament said")[0] == "Parliament"


def test_the_club_is_the_club_named_before():
    # Seen on a saved Independent page: "The club said it was now looking to raise $400m" gave "club", two
    # sentences after "Manchester United's absence from the Champions League" (and, on that page of 50 stories,
    # after a hotel company that is no club).
    text = (
        "Beechmont Hotels Corporation said room prices would rise. "
        "Manchester United's absence from the Champions League hurt more than the fans' pride last year. "
        "The club said it was now looking to raise $400m from a share issue."
    )
    assert speaker_of(text, "The club") == ("Manchester United", "The club")
    text = "Beechmont Hotels Corporation said room prices would rise. The club said it was looking to raise $400m."
    assert speaker_of(text, "The club") == ("club", "The club")
    # A city is no club, though "Manchester City" is one.
    text = (
        "Flooding closed roads in Kansas City on Tuesday, officials said. "
        "The club said it was now looking to raise $400m from a share issue."
    )
    assert speaker_of(text, "The club") == ("club", "The club")
    text = "Manchester City's absence from the Champions League hurt last year. The club said it would raise $400m."
    assert speaker_of(text, "The club") == ("Manchester City", "The club")


def test_an_acronym_of_a_thing_is_no_company():
    # Seen on a saved Engadget review: "especially with HDR, which highlighted bright elements" made HDR an
    # organisation, and "It's exactly what the company promised" then gave HDR.
    text = (
        "The game looked great, especially with HDR, which highlighted bright elements like lightning. "
        "It is exactly what the company promised: the fastest console ever made."
    )
    assert speaker_of(text, "It is exactly")[0] != "HDR"
    from reviewer.core.extraction.speaker_patterns import is_org

    assert not is_org("HDR") and not is_org("GPU") and is_org("CDC") and is_org("NATO")
    text = "The CDC, which tracks outbreaks, said cases rose. The agency said it would act."
    assert speaker_of(text, "The agency")[0] == "CDC"


def test_a_service_or_platform_named_with_its_description_is_the_company():
    # Seen on a saved Salon page: after "the increasingly unpopular taxi service Uber", "As Mashable reports, the
    # company announced that it would charge a minimum of $100" gave "company".
    text = (
        "Horror stories about the increasingly unpopular taxi service Uber are common. "
        "As Mashable reports, the company announced a minimum fare of $100."
    )
    assert speaker_of(text, "As Mashable") == ("Uber", "the company")
    text = "The streaming platform Netflix raised prices. The company said costs had grown."
    assert speaker_of(text, "The company")[0] == "Netflix"


def test_a_title_word_that_opens_a_body_s_name_stays_in_it():
    # Health news: "The National Institutes of Health said" gave "Institutes of Health" ("national" is a title word, as
    # in "National Security Adviser"); before an organisation's word it is part of the name.
    text = "The National Institutes of Health said that tolls rose 4 percent."
    assert speaker_of(text, "The National") == ("National Institutes of Health", "National Institutes of Health")
    text = "The National Centers for Port Safety said that tolls rose 4 percent."
    assert speaker_of(text, "The National")[0] == "National Centers for Port Safety"
    # ... and so does one before a word that only ends a body's name: "the Federal Reserve" gave "Reserve", "General
    # Motors" "Motors", "the National Academies of Sciences" "Academies of Sciences"
    for body in ("Federal Reserve", "General Motors", "General Electric", "National Academies of Sciences"):
        assert speaker_of(f"The {body} said that tolls rose 4 percent.", "The")[0] == body
    # a title before a person still goes
    assert speaker_of("State Department spokesman Tom Reyes said tolls rose.", "State")[0] == "Tom Reyes"
    assert speaker_of("General Tom Reyes said tolls rose.", "General")[0] == "Tom Reyes"
