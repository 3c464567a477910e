"""JSON shapes of what the command line prints (`list`, `show`, `claims`, `verdict`, `search`,
`agreement`, `decide`) and the JSON report: one home for each shape, a fixed contract."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .domain import Article, ArticleSummary, Claim, Evidence, Review, SearchHit

if TYPE_CHECKING:
    from .agreement import Agreement
    from .team import FinalDecision
    from .near_duplicates import NearDuplicate  # (numpy: not loaded by `reviewer search`)
    from .extraction import ExtractedClaim


def claim_json(claim: Claim, evidence: list[Evidence] | None = None) -> dict[str, Any]:
    review = claim.review
    data = {
        "id": claim.id,
        "start": claim.start,
        "end": claim.end,
        "text": claim.text,
        "score": round(claim.score, 4),
        "checkworthy": claim.checkworthy,
        "speaker": claim.speaker,
        "speaker_start": claim.speaker_start,
        "speaker_end": claim.speaker_end,
        "kind": claim.kind,
        "origin": claim.origin,
        "dismissed": claim.dismissed,
        "verdict": review.verdict if review else None,
        "confidence": review.confidence if review else None,
        "note": review.note if review else "",
        "reviewer": review.reviewer if review else None,
        "reviewed_at": review.updated_at if review else None,
    }
    if evidence is not None:
        data["evidence"] = [evidence_json(e) for e in evidence]
    return data


def evidence_json(e: Evidence) -> dict[str, Any]:
    return {
        "id": e.id,
        "url": e.url,
        "title": e.title,
        "quote": e.quote,
        "accessed": e.accessed,
        "file": e.file_name,
        "original_name": e.original_name,
        "added_at": e.added_at,
    }


def article_json(article: Article, claims: list[Claim], evidence: dict[int, list[Evidence]]) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "author": article.author,
        "published": article.published,
        "imported_at": article.imported_at,
        "original_format": article.original_format,
        "source_path": article.source_path,
        "language": article.language,
        "status": article.status,
        "content_hash": article.content_hash,
        "text": article.text,
        "blocks": [{"start": b.start, "end": b.end, "kind": b.kind, "level": b.level} for b in article.blocks],
        "claims": [claim_json(c, evidence.get(c.id, [])) for c in claims],
    }


def show_json(
    article: Article, claims: list[Claim], evidence: dict[int, list[Evidence]], near_duplicate: NearDuplicate | None
) -> dict[str, Any]:
    """What `reviewer show --json` prints: ``article_json`` and the earlier article this one nearly
    repeats (``{"id", "title", "similarity"}``, or null)."""
    data = article_json(article, claims, evidence)
    data["near_duplicate_of"] = near_duplicate_json(near_duplicate)
    return data


def near_duplicate_json(nd: NearDuplicate | None) -> dict[str, Any] | None:
    if nd is None:
        return None
    return {"id": nd.original_id, "title": nd.original_title, "similarity": round(nd.similarity, 4)}


def summary_json(r: ArticleSummary) -> dict[str, Any]:
    """One article of `reviewer list --json`."""
    return {
        "id": r.id,
        "title": r.title,
        "source": r.source,
        "published": r.published,
        "imported_at": r.imported_at,
        "status": r.status,
        "language": r.language,
        "claims": r.claims_total,
        "reviewed": r.claims_reviewed,
    }


def verdict_json(claim: Claim, review: Review) -> dict[str, Any]:
    """What `reviewer verdict` prints: the claim and its review as committed."""
    return {
        "claim_id": claim.id,
        "article_id": claim.article_id,
        "text": claim.text,
        "verdict": review.verdict,
        "confidence": review.confidence,
        "note": review.note,
        "reviewer": review.reviewer,
        "updated_at": review.updated_at,
    }


def hit_json(h: SearchHit) -> dict[str, Any]:
    """One hit of `reviewer search --json`."""
    return {
        "article_id": h.article_id,
        "title": h.title,
        "claim_id": h.claim_id,
        "where": h.where,
        "snippet": h.snippet,
    }


def extracted_json(claim: ExtractedClaim) -> dict[str, Any]:
    """A claim from extraction (not stored), with the same field names as ``claim_json``."""
    stored_shape = Claim(
        id=0,
        article_id=0,
        start=claim.start,
        end=claim.end,
        text=claim.text,
        score=claim.score,
        checkworthy=claim.checkworthy,
        speaker=claim.speaker,
        speaker_start=claim.speaker_start,
        speaker_end=claim.speaker_end,
        kind=claim.kind,
    )
    data = claim_json(stored_shape)
    data["id"] = None
    return data


def agreement_json(figures: Agreement | None) -> dict[str, Any] | None:
    """Agreement figures: what `reviewer agreement --json` prints and the JSON report carries."""
    if figures is None:
        return None
    return {
        "reviewers": list(figures.reviewers),
        "claims": figures.claims,
        "percentage": figures.percentage,
        "kappa": figures.kappa,
        "alpha": figures.alpha,
        "kappa_undefined": figures.kappa_undefined,
        "alpha_undefined": figures.alpha_undefined,
    }


def decision_json(decision: FinalDecision | None) -> dict[str, Any] | None:
    """A final decision as the JSON report carries it (null: none)."""
    if decision is None:
        return None
    return {
        "verdict": decision.verdict,
        "note": decision.note,
        "decided_by": decision.decided_by,
        "decided_at": decision.decided_at,
    }
