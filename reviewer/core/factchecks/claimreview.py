"""schema.org ClaimReview in JSON, JSON-LD and web pages, read into fact-check records.

Shapes read: one ClaimReview object, a list of them, an ``@graph``, a DataFeed whose
``dataFeedElement`` items hold ClaimReviews (directly or as a DataFeedItem's ``item``), the JSON-LD
blocks (``<script type="application/ld+json">``) of a saved web page, and Reviewer's own
``claimreview`` export. ClaimReviews are found wherever they sit in the document, in document order.

Fields: claim = ``claimReviewed``; verdict = the rating's ``alternateName`` (else its ``name``,
else ``ratingValue``/``bestRating``); url = ``url``; date = ``datePublished``; publisher = the
``author`` when it is an Organization, else ``publisher``, else the author; title = ``name`` or
``headline``; speaker = ``itemReviewed.author``. Pure; any thread.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .model import FactcheckRecord, RecordProblem, RowProblem, clean_record

JSONValue = object  # what json.loads returns: dict, list, str, int, float, bool or None

_SCRIPT_OPEN = re.compile(r"<script\b", re.IGNORECASE)
_SCRIPT_CLOSE = re.compile(r"</script", re.IGNORECASE)
_LD_JSON = re.compile(r"""type\s*=\s*["']?\s*application/ld\+json""", re.IGNORECASE)


def type_names(node: dict[str, object]) -> set[str]:
    """The local names of a node's ``@type`` ("schema:ClaimReview", "https://schema.org/ClaimReview"
    and "ClaimReview" are all "ClaimReview")."""
    raw = node.get("@type")
    names = raw if isinstance(raw, list) else [raw]
    return {n.rsplit("/", 1)[-1].rsplit(":", 1)[-1] for n in names if isinstance(n, str)}


def is_claim_review(node: object) -> bool:
    return isinstance(node, dict) and "ClaimReview" in type_names(node)


def find_claim_reviews(document: JSONValue) -> list[dict[str, object]]:
    """Every ClaimReview object in a JSON document, in document order (a ClaimReview's own
    content is not searched for more). Iterative: a deep document cannot exhaust the stack."""
    found: list[dict[str, object]] = []
    stack: list[JSONValue] = [document]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if is_claim_review(node):
                found.append(node)
                continue
            stack.extend(reversed(list(node.values())))
        elif isinstance(node, list):
            stack.extend(reversed(node))
    return found


def _text(value: object) -> object:
    """A JSON-LD value as plain text where it has one: ``{"@value": ...}`` and one-item lists unwrapped."""
    for _ in range(4):
        if isinstance(value, list):
            value = value[0] if value else None
        elif isinstance(value, dict) and "@value" in value:
            value = value["@value"]
        else:
            break
    return value


def _name(value: object) -> object:
    """The name of an author, publisher or rating: a string as is, an object's ``name``."""
    value = _text(value)
    if isinstance(value, dict):
        return _text(value.get("name"))
    return value


def _verdict(rating: object) -> object:
    rating = _text(rating)
    if not isinstance(rating, dict):
        return rating if isinstance(rating, str) else None
    for key in ("alternateName", "name"):
        label = _text(rating.get(key))
        if isinstance(label, str) and label.strip():
            return label
    value, best = _text(rating.get("ratingValue")), _text(rating.get("bestRating"))
    if value is None or isinstance(value, (dict, list)):
        return None
    return f"{value}/{best}" if isinstance(best, (int, float, str)) and best != "" else value


def _publisher(review: dict[str, object]) -> object:
    author = _text(review.get("author"))
    if isinstance(author, dict) and "Organization" in type_names(author):
        return _name(author)
    return _name(review.get("publisher")) or _name(author)


def review_fields(review: dict[str, object]) -> dict[str, object]:
    """The record fields of one ClaimReview object."""
    item = _text(review.get("itemReviewed"))
    claim = _text(review.get("claimReviewed"))
    speaker: object = None
    if isinstance(item, dict):
        speaker = _name(item.get("author"))
        if not claim:
            claim = _text(item.get("name")) or _text(item.get("text"))
    return {
        "claim": claim,
        "verdict": _verdict(review.get("reviewRating")),
        "url": _text(review.get("url")),
        "date": _text(review.get("datePublished")) or _text(review.get("dateCreated")),
        "publisher": _publisher(review),
        "title": _text(review.get("name")) or _text(review.get("headline")),
        "speaker": speaker,
    }


def review_record(review: dict[str, object]) -> FactcheckRecord:
    """The record of one ClaimReview; RecordProblem when it cannot be one (no claimReviewed...)."""
    fields = review_fields(review)
    if not fields["claim"]:
        raise RecordProblem("no claim text (claimReviewed)")
    return clean_record(fields)


def records_from_reviews(reviews: list[dict[str, object]], where: str = "") -> Iterator[FactcheckRecord | RowProblem]:
    for n, review in enumerate(reviews, 1):
        try:
            yield review_record(review)
        except RecordProblem as problem:
            yield RowProblem(f"ClaimReview {n}{where}", str(problem))


def ld_json_blocks(html: str) -> Iterator[tuple[int, str]]:
    """(line number, text) of each ``<script type="application/ld+json">`` block of a page, in
    order. Linear in the page: each search starts where the last one ended."""
    pos, line, line_pos = 0, 1, 0
    while True:
        opened = _SCRIPT_OPEN.search(html, pos)
        if opened is None:
            return
        tag_end = html.find(">", opened.end())
        closed = _SCRIPT_CLOSE.search(html, tag_end + 1) if tag_end >= 0 else None
        if closed is None:
            return  # an unclosed tag or script runs to the end of the page: nothing after it is markup
        pos = closed.end()
        if _LD_JSON.search(html, opened.end(), tag_end):
            line += html.count("\n", line_pos, opened.start())
            line_pos = opened.start()
            yield line, html[tag_end + 1 : closed.start()]
