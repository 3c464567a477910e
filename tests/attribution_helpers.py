"""What the speaker tests ask of an extracted article: who said the sentence, and which words say so."""

from __future__ import annotations

from reviewer.core.extraction import extract_claims


def speaker_of(text: str, beginning: str) -> tuple[str | None, str | None]:
    """(speaker, mention) of the claim that starts with ``beginning`` (fast pass): the resolved party,
    and the words of the text the reader underlines (None when the article speaks for itself)."""
    for claim in extract_claims(text, quality="fast"):
        if claim.text.startswith(beginning):
            if claim.speaker_start is None:
                return claim.speaker, None
            return claim.speaker, text[claim.speaker_start : claim.speaker_end]
    raise AssertionError(f"no claim starts with {beginning!r}")


def tagged_speaker(sentence: str, spans: list[tuple[int, int, float, bool]]) -> str | None:
    """The speaker the final pass settles on when the rules found none and the source tagger gave ``spans``
    ((start, end, score, is_cue) in sentence offsets); a span is resolved as written, without the article's
    memory of names."""
    from reviewer.core.extraction.source_tagger import TaggedSpan
    from reviewer.core.extraction.speaker_patterns import Attribution
    from reviewer.core.extraction.speaker_tagging import with_tagger

    def resolve(text: str, start: int, end: int, offset: int) -> Attribution:
        return Attribution(text[start:end], offset + start, offset + end)

    hints = [TaggedSpan(*span) for span in spans]
    found = with_tagger(None, sentence, 0, hints, "combined", resolve, lambda *_: None)
    return found.speaker if found is not None else None
