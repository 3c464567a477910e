"""schema.org ClaimReview objects for reviewed claims.

Used for the ``claimreview`` format (a JSON array) and for the JSON-LD blocks embedded in HTML
reports. One object per reviewed claim; unreviewed claims have no ClaimReview. Pure.

- ``author`` (who wrote the review): the organisation when one is set, else the reviewer of
  that claim as a Person.
- ``itemReviewed.author`` (who made the claim): the speaker, typed Person or Organization by
  ``entity_kind.speaker_kind``; without a speaker, the article's source (an Organization) or
  its author.
- ``url`` (the page of the review): ``<url base>/claims/<claim id>`` when the report has a
  ClaimReview base URL (``ReportOptions.url_base``), else none — the reviewed article's own
  address is the claim's ``appearance``, never the review's page. Google's Fact Check Tools and
  its ClaimReview markup require ``url``.
"""

from __future__ import annotations

import json
from typing import Any

from ..entity_kind import speaker_kind
from ..markdown_render import safe_url
from .common import escape_json_text, first_line, json_text
from .model import Report, ReportArticle, ReportClaim, clean_url_base


def review_url(report: Report, rc: ReportClaim) -> str | None:
    """The address of one claim's review: ``<url base>/claims/<claim id>``, or None without a base."""
    base = clean_url_base(report.options.url_base)
    return f"{base}/claims/{rc.claim.id}" if base else None


def claim_review(report: Report, article: ReportArticle, rc: ReportClaim) -> dict[str, Any]:
    """The ClaimReview for one reviewed claim. Fields whose value is unknown are left out."""
    a = article.article
    rating: dict[str, Any] = {"@type": "Rating"}
    verdict, scale = rc.verdict, rc.scale
    if scale is not None and scale.conclusion_only:
        # No rating: the written conclusion is the verdict.
        conclusion = rc.decision.note if rc.decision is not None and rc.decision.note.strip() else rc.claim.note
        rating["alternateName"] = first_line(conclusion) or rc.verdict_label
    else:
        if verdict is not None and verdict.rating_value is not None and scale is not None:
            rating["ratingValue"] = verdict.rating_value
            if scale.best_rating is not None:
                rating["bestRating"] = scale.best_rating
            if scale.worst_rating is not None:
                rating["worstRating"] = scale.worst_rating
        rating["alternateName"] = (verdict.alternate_name or verdict.label) if verdict else rc.verdict_label

    item: dict[str, Any] = {"@type": "Claim"}
    if rc.claim.speaker:
        item["author"] = {"@type": speaker_kind(rc.claim.speaker), "name": rc.claim.speaker}
    elif a.source:
        item["author"] = {"@type": "Organization", "name": a.source}
    elif a.author:
        item["author"] = {"@type": "Person", "name": a.author}
    appearance: dict[str, Any] = {"@type": "CreativeWork"}
    url = safe_url(a.url)
    if url:
        appearance["url"] = url
    if a.title:
        appearance["headline"] = a.title
    if a.published:
        appearance["datePublished"] = a.published
    item["appearance"] = appearance
    if a.published:
        item["datePublished"] = a.published

    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": rc.claim.text,
        "reviewRating": rating,
        "itemReviewed": item,
    }
    reviewer = rc.claim.review.reviewer if rc.claim.review else None
    if report.organisation:
        data["author"] = {"@type": "Organization", "name": report.organisation}
    elif reviewer:
        data["author"] = {"@type": "Person", "name": reviewer}
    if rc.review_date:
        data["datePublished"] = rc.review_date
    link = review_url(report, rc)
    if link:
        data["url"] = link
    return data


def claim_reviews(report: Report) -> list[dict[str, Any]]:
    return [claim_review(report, a, c) for a in report.articles for c in a.claims if c.reviewed]


def render_claimreview(report: Report) -> str:
    return json_text(claim_reviews(report))


def json_for_script(data: Any) -> str:
    """JSON on one line, safe to put inside <script type="application/ld+json">: no '<', '>' or
    '&' appear literally (``escape_json_text``), so '</script>' or '<!--' in user text cannot end
    the block. The ``claimreview`` format is escaped the same way, since publishers embed it."""
    return escape_json_text(json.dumps(data, ensure_ascii=False))  # no indent: keeps the fast C encoder
