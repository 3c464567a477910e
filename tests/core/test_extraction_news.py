"""News mode (issue 13): prose is re-scored by the news head, transcripts and single sentences keep
their debate scores, and the command line flags what the app flags."""

from __future__ import annotations

import json

import numpy as np
import pytest

from reviewer.core.extraction import DEFAULT_THRESHOLD, extract_claims, news, score_sentences
from reviewer.core.extraction.models import final_scorer, news_head
from reviewer.core.importers import read_document

ARTICLE = """Senate Passes Budget After Long Night

WASHINGTON — The Senate passed the $1.1 trillion spending bill by a vote of 65 to 33 early on Friday, sending it to the president.

"This is a great day for the American people," said Senator Jane Roe, who led the negotiations.

Unemployment fell to 4.9 percent in January, the lowest rate since 2008, the Labor Department said.

Critics worry the bill might not be enough. What happens next is anyone's guess.
"""

TRANSCRIPT = "\n\n".join(
    [
        "LEHRER: Good evening and welcome to the debate.",
        "OBAMA: Thank you, Jim. Unemployment fell to 4.9 percent in January, the lowest rate since 2008.",
        "ROMNEY: We lost 800,000 jobs a month when the president took office.",
        "LEHRER: Let us turn to the deficit.",
        "OBAMA: The deficit has been cut in half since 2009.",
    ]
)


def test_a_transcript_is_told_from_prose():
    assert news.is_transcript(TRANSCRIPT)
    assert not news.is_transcript(ARTICLE)
    # A note or an update line, or one quoted exchange, does not make an article a transcript.
    assert not news.is_transcript("UPDATE: the vote was delayed.\n\n" + ARTICLE)
    assert not news.is_transcript(ARTICLE + "\n\nTRUMP: We will win.\n\nCLINTON: No.")
    assert not news.is_transcript("")


@pytest.mark.parametrize("quality", ["fast", "final"])
def test_a_transcript_keeps_its_debate_scores(quality):
    claims = extract_claims(TRANSCRIPT, quality=quality)
    assert claims
    debate = score_sentences([c.text for c in claims], quality=quality)
    assert [c.score for c in claims] == pytest.approx(debate)


@pytest.mark.parametrize("quality", ["fast", "final"])
def test_prose_is_rescored_by_the_news_head(quality):
    claims = extract_claims(ARTICLE, quality=quality)
    by_text = {c.text: c for c in claims}
    debate = dict(zip((c.text for c in claims), score_sentences([c.text for c in claims], quality=quality)))
    # The news head changes the scores (it is applied) ...
    assert any(abs(c.score - debate[c.text]) > 1e-6 for c in claims)
    # ... flags the figures and the event, not the headline, the quoted cheer or the hedged worry.
    headline = by_text["Senate Passes Budget After Long Night"]
    vote = next(c for c in claims if "65 to 33" in c.text)
    rate = next(c for c in claims if "4.9 percent" in c.text)
    cheer = next(c for c in claims if "great day" in c.text)
    worry = next(c for c in claims if "might not be enough" in c.text)
    assert vote.checkworthy and rate.checkworthy
    assert not headline.checkworthy and not cheer.checkworthy and not worry.checkworthy
    for c in claims:
        assert c.checkworthy == (c.score >= DEFAULT_THRESHOLD)
        assert 0.0 <= c.score <= 1.0


def test_single_sentences_keep_their_debate_behaviour():
    # `reviewer score` has no document: a headline-like sentence scores as the debate model says.
    sentence = "Unemployment fell to 4.9 percent in January, the lowest rate since 2008."
    assert score_sentences([sentence]) == pytest.approx(final_scorer().scores([sentence]).tolist())


def test_the_final_head_reads_the_transformers_pooled_vectors():
    head = news_head("final")
    assert head.pooled_dim > 0
    scores, fast, pooled = final_scorer().scores_and_pooled(["One sentence.", "Another one, with 3 figures."])
    assert pooled is not None and pooled.shape == (2, head.pooled_dim)
    # Running the transformer on every sentence gives the same final scores as the cascade where it runs.
    assert scores[1] == pytest.approx(final_scorer().scores(["Another one, with 3 figures."])[0], abs=1e-6)
    contexts = [news.SentenceContext("One sentence.", "other", False)]
    with pytest.raises(ValueError):
        head.rescore(contexts, scores[:1], fast[:1])  # the final head cannot score without pooled vectors
    assert news_head("fast").pooled_dim == 0


def test_a_head_with_other_features_is_refused():
    manifest = {
        "features": ["base"],
        "mean": [0.0],
        "scale": [1.0],
        "weights": [1.0],
        "intercept": 0.0,
        "threshold": 0.0,
        "slope": 1.0,
    }
    with pytest.raises(ValueError):
        news.NewsHead(manifest, news_head("fast").subjectivity)


def test_reviewer_claims_flags_what_the_app_flags(tmp_path, run_cli):
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    code, out, _ = run_cli("claims", str(path), "--json")
    assert code == 0
    cli = [(c["text"], c["checkworthy"], round(c["score"], 4)) for c in map(json.loads, out.splitlines())]
    app = [(c.text, c.checkworthy, round(c.score, 4)) for c in extract_claims(read_document(path).text)]
    assert cli == app
    code, out, _ = run_cli("claims", str(path))
    assert "65 to 33" in out and "Senate Passes Budget" not in out


def test_feature_rows_are_stable_in_shape():
    contexts = [
        news.SentenceContext("“We will win,” he said.", "quotation", True),
        news.SentenceContext("Figures", "other", False),
    ]
    rows = news.feature_rows(contexts, np.array([0.6, 0.2]), np.array([0.5, 0.1]), news_head("fast").subjectivity)
    assert rows.shape == (2, len(news.FEATURES))
    named = dict(zip(news.FEATURES, rows[0]))
    assert named["quote_open"] == 1.0 and named["attributed"] == 1.0 and named["modal"] == 1.0
    assert dict(zip(news.FEATURES, rows[1]))["heading"] == 1.0


def test_a_sentence_alone_in_its_block_is_told_apart():
    text = "Budget Passes.\n\nThe Senate voted 65 to 33. It goes to the House.\n\nCaption line"
    spans = [(0, 14), (16, 42), (43, 63), (65, 77)]
    assert news.alone_in_block(text, spans) == [True, False, False, True]
    assert news.alone_in_block("", []) == []


@pytest.mark.parametrize("quality", ["fast", "final"])
def test_a_title_case_headline_with_a_full_stop_is_never_check_worthy(quality):
    # Saved news often opens with a headline ending in a full stop, which the importer keeps as body text.
    headline = "Senate Passes $1.1 Trillion Budget By 65 Votes To 33 After Long Night."
    text = headline + "\n\n" + ARTICLE.split("\n\n", 1)[1]
    claims = extract_claims(text, quality=quality)
    first = claims[0]
    assert first.text == headline
    assert not first.checkworthy and first.score <= news.NEVER_CHECKWORTHY and first.kind == "other"
    # the same words inside a paragraph are a sentence like any other
    inside = "WASHINGTON — " + headline + " It goes to the House next week."
    (claim, _) = extract_claims(inside, quality=quality)
    assert claim.score > news.NEVER_CHECKWORTHY or claim.kind != "other"


def test_what_reads_as_a_heading():
    assert news.reads_as_heading("Visa Program Up for Renewal Amid Allegations of Fraud.")
    assert news.reads_as_heading("Politifact: Donald Trump Is Right, ‘Thousands of Shootings’ in Chicago this Year.")
    assert news.reads_as_heading("NEW YORK ENDS TAMPON TAX")
    assert not news.reads_as_heading("Those listed by Walsh included Sean Hannity, Ann Coulter, Bill O’Reilly.")
    assert not news.reads_as_heading("Unemployment fell to 4.9 percent in May, the Labor Department said.")
    assert not news.reads_as_heading("Budget Passes.")  # too short to tell


@pytest.mark.parametrize("quality", ["fast", "final"])
def test_a_poll_s_methodology_is_never_check_worthy(quality):
    # news-guidelines.md: study-methodology detail (sample size, demographics) is not check-worthy; the final pass
    # flagged "The new poll has a margin of error of three percentage points." at 0.70.
    text = (
        "Ortiz leads Reyes 46 percent to 39 percent in a new Harbour Gazette poll. "
        "The poll of 1,000 likely voters was conducted by telephone. "
        "The new poll has a margin of error of three percentage points. "
        "Reyes leads among men, 51 percent to 40 percent, within the margin of sampling error."
    )
    claims = {c.text.split()[1]: c for c in extract_claims(text, quality=quality)}
    assert claims["poll"].score <= news.NEVER_CHECKWORTHY and claims["new"].score <= news.NEVER_CHECKWORTHY
    assert claims["leads"].score > news.NEVER_CHECKWORTHY  # a result within the margin is a claim
    assert news.is_methodology("Of those, 996 were identified as likely voters.")
    assert not news.is_methodology("Unemployment fell to 4.9 percent, plus or minus 0.2 points.")


@pytest.mark.parametrize("quality", ["fast", "final"])
def test_where_a_study_was_published_is_never_check_worthy(quality):
    # Seen in the desk (a HealthDay story): "The findings were recently published in the journal JAMA Dermatology."
    # flagged at 0.64; the science news labels never count where a study appeared.
    text = (
        "Patients with skin side effects had a 22% lower risk of death, the study found. "
        "The findings were recently published in the journal JAMA Dermatology. "
        "A study published in Nature found that the drug cut deaths by 30 percent."
    )
    claims = {c.text.split()[1]: c for c in extract_claims(text, quality=quality)}
    assert claims["findings"].score <= news.NEVER_CHECKWORTHY
    assert claims["with"].score > news.NEVER_CHECKWORTHY
    assert claims["study"].score > news.NEVER_CHECKWORTHY  # what a published study found is a claim
    assert news.is_publication_note("Their research is published in the Journals of Gerontology: Social Sciences.")
    assert not news.is_publication_note("The results were published in Science, which found that 40 percent fell.")


@pytest.mark.parametrize("quality", ["fast", "final"])
def test_a_table_cell_a_legend_or_a_reference_entry_is_never_check_worthy(quality):
    # Seen on saved pages: a table's "13.4 MB (-81%)" cells flagged at 0.89, a map legend's "More than 5%", and a
    # Wikipedia reference list's "Retrieved 17 February 2008." and "33 (4): 617–630. doi:…" flagged as claims.
    text = (
        "The optimised images are far smaller than the originals.\n\n"
        "13.4 MB (-81%)\n\n17.2 MB (-9%)\n\n"
        "More than 5%\n\n"
        "Unemployment fell to 4.2% in May\n\n"
        "Retrieved 17 February 2008.\n\n"
        "33 (4): 617–630. doi:10.1016/j.respol.2004.01.006.\n\n"
        "About 23,000 die."
    )
    claims = {c.text: c for c in extract_claims(text, quality=quality)}
    for cell in ("13.4 MB (-81%)", "17.2 MB (-9%)", "More than 5%", "Retrieved 17 February 2008."):
        assert claims[cell].score <= news.NEVER_CHECKWORTHY, cell
    assert claims["33 (4): 617–630. doi:10.1016/j.respol.2004.01.006."].score <= news.NEVER_CHECKWORTHY
    assert claims["About 23,000 die."].score > news.NEVER_CHECKWORTHY
    assert not news.states_nothing("Unemployment fell to 4.2% in May")  # a statement without a stop


def test_what_states_nothing():
    assert news.states_nothing("4,933,210[5] (120th)")
    assert news.states_nothing("PMC 2409139.")
    assert not news.states_nothing("Trump 45%, Clinton 41%")
    assert not news.states_nothing("It failed.")
    assert not news.states_nothing("So, $210,000 per year.")
