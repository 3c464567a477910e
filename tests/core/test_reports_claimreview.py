"""ClaimReview: the review's author, the claim's author typed Person or Organization, and one url per
review built from the ClaimReview base URL (issue #16)."""

from __future__ import annotations

import json
import re

import pytest
from test_reports_data import add_article, sample_library

from reviewer.core.entity_kind import speaker_kind
from reviewer.core.errors import ReviewerError
from reviewer.core.reports import ReportOptions, build_report, render
from reviewer.core.reports.model import clean_url_base


def _reviews(store, **options):
    return json.loads(render(build_report(store, ReportOptions(**options)), "claimreview"))


# ---------------------------------------------------------------- the review's author
def test_without_an_organisation_each_review_is_by_its_reviewer(store):
    sample_library(store)
    assert store.get_meta("organisation") in (None, "")
    reviews = _reviews(store)
    assert [r["author"] for r in reviews] == [
        {"@type": "Person", "name": "alice"},
        {"@type": "Person", "name": "bob"},
        {"@type": "Person", "name": "alice"},
    ]


def test_with_an_organisation_the_organisation_is_the_author(store):
    sample_library(store)
    reviews = _reviews(store, organisation="Fact Desk")
    assert {json.dumps(r["author"]) for r in reviews} == {json.dumps({"@type": "Organization", "name": "Fact Desk"})}
    store.set_meta("organisation", "Library Desk")  # the library's own, when the export names none
    assert _reviews(store)[0]["author"] == {"@type": "Organization", "name": "Library Desk"}


# ---------------------------------------------------------------- the claim's author
@pytest.mark.parametrize(
    "name, kind",
    [
        ("Russia", "Organization"),
        ("Moscow", "Organization"),
        ("the WHO", "Organization"),
        ("the Ministry of Health", "Organization"),
        ("Dr Ana Ruiz", "Person"),
        ("Barack Obama", "Person"),
        ("officials", "Organization"),
        ("Russian officials", "Organization"),
        ("the Kremlin", "Organization"),
        ("Office for National Statistics", "Organization"),
        ("Labour Party", "Organization"),
        ("Pfizer Inc.", "Organization"),
        ("the United States", "Organization"),
        ("U.S.", "Organization"),
        ("Washington", "Organization"),
        ("George Washington", "Person"),
        ("the minister", "Person"),
        ("a spokesman", "Person"),
        ("Secretary of State Antony Blinken", "Person"),
        ("Bank of England governor Andrew Bailey", "Person"),
        ("LEHRER", "Person"),
        ("Harris", "Person"),
        ("Минобороны", "Organization"),
        ("Россия", "Organization"),
        ("пресс-служба Кремля", "Organization"),
        ("Дмитрий Песков", "Person"),
        ("Ростислав Иванов", "Person"),
        ("", "Person"),
        (None, "Person"),
    ],
)
def test_speaker_kind(name, kind):
    assert speaker_kind(name) == kind


def test_the_claims_author_is_an_organization_when_the_speaker_is_one(store):
    speakers = ["Russia", "Moscow", "the WHO", "the Ministry of Health", "Dr Ana Ruiz", "Barack Obama"]
    sentences = [f"Claim number {i} says prices rose {i}% last year." for i in range(len(speakers))]
    a = add_article(store, "Who said it", sentences, [(s, who, "statistic") for s, who in zip(sentences, speakers)])
    for claim in store.claims_for_article(a.id):
        store.set_review(claim.id, verdict="supported", who="alice")
    authors = [r["itemReviewed"]["author"] for r in _reviews(store)]
    assert authors == [
        {"@type": kind, "name": name}
        for name, kind in zip(
            speakers, ["Organization", "Organization", "Organization", "Organization", "Person", "Person"]
        )
    ]


# ---------------------------------------------------------------- url
def test_each_review_gets_its_own_url_under_the_base(store):
    _, _, claims = sample_library(store)
    reviews = _reviews(store, url_base="https://factdesk.example/checks/")
    urls = [r["url"] for r in reviews]
    reviewed = [
        claims["Unemployment fell to 4.2% last year"],
        claims["Rents doubled since 2015"],
        claims["The harbour will create 3,000 jobs by 2030"],
    ]
    assert urls == [f"https://factdesk.example/checks/claims/{cid}" for cid in reviewed]
    assert len(set(urls)) == len(urls)
    # Stable: editing the review does not move its page.
    store.set_review(reviewed[0], note="Reworded conclusion.")
    assert _reviews(store, url_base="https://factdesk.example/checks")[0]["url"] == urls[0]


def test_the_html_reports_jsonld_carries_the_same_url(store):
    sample_library(store)
    html = render(build_report(store, ReportOptions(url_base="https://factdesk.example")), "html")
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert [json.loads(b)["url"] for b in blocks] == [
        r["url"] for r in _reviews(store, url_base="https://factdesk.example")
    ]


def test_without_a_base_there_is_no_url(store):
    sample_library(store)
    assert all("url" not in r for r in _reviews(store))


@pytest.mark.parametrize(
    "base",
    [
        "ftp://factdesk.example",
        "javascript:alert(1)",
        "factdesk.example/checks",
        "mailto:desk@factdesk.example",
        "https://factdesk.example/?page=1",
        "https://factdesk.example/#top",
        "https://",
        "https://fact desk\u202e.example",
    ],
)
def test_only_an_http_base_url_is_accepted(store, base):
    sample_library(store)
    with pytest.raises(ReviewerError, match="base URL"):
        build_report(store, ReportOptions(url_base=base))


def test_base_url_is_cleaned():
    assert clean_url_base("  https://factdesk.example/checks/ ") == "https://factdesk.example/checks"
    assert clean_url_base("HTTP://factdesk.example") == "HTTP://factdesk.example"
    assert clean_url_base("") is None and clean_url_base("   ") is None and clean_url_base(None) is None
