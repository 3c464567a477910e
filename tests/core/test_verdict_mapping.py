"""A fact-check's rating in words read onto the active verdict scale, and the "Seen before" note line (#17).

Proves that
- a rating that names a verdict of the scale (its key, label or ClaimReview name; case, hyphens,
  punctuation ignored) maps to it, on every preset;
- otherwise the kind of rating decides: false / mostly false / pants on fire -> the scale's
  false-like verdict ("Disputed" on the default scale), true-like, misleading, unverifiable alike;
- a long rating ("False. The photo is from 2015") is read by its opening words, and "Not true" is
  not read as "true";
- a custom scale without such names takes its worst / best rated verdict for false / true;
- nothing that fits (an unknown word, the conclusion-only scale, empty text) gives None;
- the note line names who rated it, the rating and only a safe http(s) link, on one line.
"""

from __future__ import annotations

import pytest

from reviewer.core.domain import Verdict, VerdictScale
from reviewer.core.verdict_mapping import map_verdict, match_source, rating_kind, seen_before_note, with_note_line
from reviewer.core.verdicts import CONCLUSION_SCALE, DEFAULT_SCALE, POLITIFACT_SCALE, SNOPES_SCALE


@pytest.mark.parametrize(
    "rating, scale, key",
    [
        ("Mostly False", POLITIFACT_SCALE, "mostly-false"),
        ("mostly-false", POLITIFACT_SCALE, "mostly-false"),
        ("PANTS ON FIRE!", POLITIFACT_SCALE, "pants-on-fire"),
        ("Labeled Satire", SNOPES_SCALE, "satire"),
        ("satire", SNOPES_SCALE, "satire"),
        ("  Misleading. ", DEFAULT_SCALE, "misleading"),
        ("Supported", DEFAULT_SCALE, "supported"),
    ],
)
def test_a_rating_that_names_a_verdict_of_the_scale_maps_to_it(rating, scale, key):
    assert map_verdict(rating, scale) == key


@pytest.mark.parametrize(
    "rating, scale, key",
    [
        ("False", DEFAULT_SCALE, "disputed"),
        ("Mostly false", DEFAULT_SCALE, "disputed"),
        ("Pants on Fire", DEFAULT_SCALE, "disputed"),
        ("Pants on Fire", SNOPES_SCALE, "false"),
        ("Fake", POLITIFACT_SCALE, "false"),
        ("Incorrect", SNOPES_SCALE, "false"),
        ("Correct", DEFAULT_SCALE, "supported"),
        ("Mostly true", DEFAULT_SCALE, "supported"),
        ("Accurate", POLITIFACT_SCALE, "true"),
        ("Half true", DEFAULT_SCALE, "misleading"),
        ("Missing context", SNOPES_SCALE, "mixture"),
        ("Mixture", POLITIFACT_SCALE, "half-true"),
        ("Unproven", DEFAULT_SCALE, "unverifiable"),
        ("No evidence", SNOPES_SCALE, "unproven"),
        ("Disputed", POLITIFACT_SCALE, "false"),
    ],
)
def test_otherwise_the_kind_of_rating_picks_the_scales_verdict_of_that_kind(rating, scale, key):
    assert map_verdict(rating, scale) == key


def test_a_long_rating_is_read_by_its_opening_words():
    assert map_verdict("False. The photo is from 2015, not from this year's floods.", DEFAULT_SCALE) == "disputed"
    assert map_verdict("Mostly True: the figure is right but dated", POLITIFACT_SCALE) == "mostly-true"
    assert map_verdict("Not true — the law says nothing of the kind", DEFAULT_SCALE) == "disputed"
    assert rating_kind("Not true at all") == "false"
    assert rating_kind("true story, really") == "true"


def test_a_custom_scale_without_such_names_takes_its_worst_or_best_rated_verdict():
    scale = VerdictScale(
        "house",
        "House",
        (
            Verdict("green", "Green light", "#009E73", 3),
            Verdict("amber", "Amber", "#E69F00", 2),
            Verdict("red", "Red flag", "#D55E00", 1),
            Verdict("grey", "Grey zone", "#999999"),
        ),
    )
    assert map_verdict("False", scale) == "red"
    assert map_verdict("Pants on fire", scale) == "red"
    assert map_verdict("True", scale) == "green"
    assert map_verdict("Misleading", scale) is None  # no misleading-like verdict, and no guess
    assert map_verdict("Amber", scale) == "amber"


@pytest.mark.parametrize(
    "rating, scale",
    [
        ("Blue", DEFAULT_SCALE),
        ("", DEFAULT_SCALE),
        ("   ", DEFAULT_SCALE),
        (None, DEFAULT_SCALE),
        ("False", CONCLUSION_SCALE),
        ("Truthiness", DEFAULT_SCALE),
        ("<b>False</b>x", DEFAULT_SCALE),
    ],
)
def test_nothing_that_fits_gives_none(rating, scale):
    assert map_verdict(rating, scale) is None


def test_the_note_line_names_who_rated_it_and_links_only_a_safe_web_address():
    assert seen_before_note("AFP", "Mostly false", "https://factcheck.example/a b") == (
        "Seen before: AFP rated it Mostly false — <https://factcheck.example/a%20b>"
    )
    assert seen_before_note("AFP", "False", "javascript:alert(1)") == "Seen before: AFP rated it False"
    assert seen_before_note("AFP", None, None) == "Seen before: AFP checked it (no rating given)"
    line = seen_before_note("Desk\n\u202eevil", "False\nsecond line", "https://x.example/<script>")
    assert "\n" not in line and "\u202e" not in line and "<script>" not in line
    assert seen_before_note("AFP", "x" * 5000, None).endswith("…")


def test_who_rated_it():
    assert match_source("factcheck", "PolitiFact", "A title") == "PolitiFact"
    assert match_source("factcheck", None, None) == "an imported fact-check"
    assert match_source("review", None, "Budget row") == "our review of article “Budget row”"
    assert match_source("review", None, None) == "our review"


def test_the_line_is_added_as_its_own_paragraph_once():
    line = "Seen before: AFP rated it False"
    assert with_note_line("", line) == line
    assert with_note_line("My notes.\n", line) == f"My notes.\n\n{line}"
    assert with_note_line(f"My notes.\n\n{line}", line) == f"My notes.\n\n{line}"
