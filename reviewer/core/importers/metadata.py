"""What a reader of one format found about an article besides its body, before it is cleaned."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FoundMetadata:
    """Metadata as a format's reader found it (any field None when the file does not say).

    Raw: the importer makes names one line (``display.one_line_meta``) and guesses the language,
    taking ``declared_language`` (what the page or document declares) as a hint. Immutable.
    """

    title: str | None = None
    author: str | None = None
    site: str | None = None
    url: str | None = None
    published: str | None = None
    declared_language: str | None = None
