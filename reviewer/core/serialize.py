"""JSON shapes of articles and claims, shared by the CLI (`show`, `claims`) and the JSON report."""

from __future__ import annotations

from typing import Any

from .domain import Article, Claim, Evidence


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


def extracted_json(claim: Any) -> dict[str, Any]:
    """A claim from extraction (not stored), with the same field names as ``claim_json``."""
    stored_shape = Claim(id=0, article_id=0, start=claim.start, end=claim.end, text=claim.text,
                         score=claim.score, checkworthy=claim.checkworthy, speaker=claim.speaker,
                         speaker_start=claim.speaker_start, speaker_end=claim.speaker_end, kind=claim.kind)
    data = claim_json(stored_shape)
    data["id"] = None
    return data
