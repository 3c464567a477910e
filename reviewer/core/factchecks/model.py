"""Fact-check records as read from files and as stored, and the rules every record must meet.

``clean_record`` turns the raw fields of one row or ClaimReview into a ``FactcheckRecord`` or says,
in a sentence a person can act on, why it cannot: every importer goes through it, so a CSV row and
a JSON-LD block obey the same limits. ``dedupe_key`` is the identity the library keeps a record
under: its URL when it has one, else its claim text and publisher, both normalised. Pure; any thread.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

from ..display import strip_bidi_controls
from ..errors import ReviewerError
from ..urls import safe_url

# A fact-check's claim is a sentence or a short paragraph; longer text is a page pasted by mistake.
MAX_CLAIM_CHARS = 5_000
MAX_FIELD_CHARS = 1_000  # verdict, publisher, title, speaker, date
MAX_URL_CHARS = 2_048
MAX_COLLECTION_NAME = 100

FIELDS = ("claim", "verdict", "url", "date", "publisher", "title", "speaker")

_SPACES = re.compile(r"\s+")
# Controls that have no place in one line of text (tabs and line breaks become spaces first).
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]")
_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
    }
)


class RecordProblem(ReviewerError):
    """One row or ClaimReview cannot be imported; the message says why."""


@dataclass(frozen=True)
class FactcheckRecord:
    """One fact-check as read from a file, cleaned: ``claim`` is never empty."""

    claim: str
    verdict: str | None = None
    url: str | None = None
    date: str | None = None
    publisher: str | None = None
    title: str | None = None
    speaker: str | None = None


@dataclass(frozen=True)
class Factcheck:
    """One stored fact-check record."""

    id: int
    collection_id: int
    collection: str
    claim: str
    verdict: str | None
    url: str | None
    date: str | None
    publisher: str | None
    title: str | None
    speaker: str | None
    imported: str


@dataclass(frozen=True)
class FactcheckCollection:
    """A named collection of fact-checks and how many records it holds."""

    id: int
    name: str
    created: str
    source: str | None
    count: int


@dataclass(frozen=True)
class RowProblem:
    """A row (CSV, TSV, JSON lines) or item (JSON, JSON-LD) skipped, and why. ``where`` reads
    "line 12" or "ClaimReview 3"."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass
class ParsedFile:
    """What one file holds: its records in file order, the rows skipped, and its format."""

    label: str
    format: str
    records: list[FactcheckRecord] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)


def one_line(value: object, limit: int, name: str) -> str | None:
    """A field as one clean line (whitespace folded, controls and bidi controls removed), or None
    when empty. Numbers are written as text; anything else (a list, an object) is refused."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise RecordProblem(f"{name} is true/false, not text")
    if isinstance(value, (int, float)):
        value = str(value)
    if not isinstance(value, str):
        raise RecordProblem(f"{name} is not text")
    text = _SPACES.sub(" ", strip_bidi_controls(_CONTROLS.sub(" ", value))).strip()
    if not text:
        return None
    if len(text) > limit:
        raise RecordProblem(f"{name} is {len(text):,} characters long, over the {limit:,} limit")
    return text


def clean_record(fields: dict[str, object]) -> FactcheckRecord:
    """The record for one row's fields (keys among ``FIELDS``; others are ignored).

    Raises RecordProblem when the claim is missing or a field is over its limit, or when the url
    is not an http(s) address (a ``javascript:`` link must never reach a report or the desk).
    """
    claim = one_line(fields.get("claim"), MAX_CLAIM_CHARS, "the claim")
    if not claim:
        raise RecordProblem("no claim text")
    url = one_line(fields.get("url"), MAX_URL_CHARS, "the url")
    if url is not None:
        linked = safe_url(url)
        if linked is None or not linked.lower().startswith(("http://", "https://")):
            raise RecordProblem(f"the url {url[:80]!r} is not an http(s) address")
        url = linked
    return FactcheckRecord(
        claim=claim,
        verdict=one_line(fields.get("verdict"), MAX_FIELD_CHARS, "the verdict"),
        url=url,
        date=one_line(fields.get("date"), MAX_FIELD_CHARS, "the date"),
        publisher=one_line(fields.get("publisher"), MAX_FIELD_CHARS, "the publisher"),
        title=one_line(fields.get("title"), MAX_FIELD_CHARS, "the title"),
        speaker=one_line(fields.get("speaker"), MAX_FIELD_CHARS, "the speaker"),
    )


def normalise_text(text: str) -> str:
    """Text compared for sameness: NFKC, case-folded, typographic quotes made straight, whitespace folded."""
    folded = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return " ".join(folded.split())


def normalise_url(url: str) -> str:
    """A URL compared for sameness: scheme and host lower-case, no fragment, no trailing slash,
    http and https alike (publishers move to https; the page is the same)."""
    url = url.strip().split("#", 1)[0]
    scheme, _, rest = url.partition("://")
    host, slash, path = rest.partition("/")
    host = host.lower()
    host = host.removeprefix("www.")
    path = path.rstrip("/")
    return f"{host}{slash if path else ''}{path}" if scheme.lower() in ("http", "https") else url


def dedupe_key(record: FactcheckRecord) -> str:
    """The identity of a record in the library: by url, else by claim text and publisher."""
    if record.url:
        basis = "url\x1f" + normalise_url(record.url)
    else:
        basis = "claim\x1f" + normalise_text(record.publisher or "") + "\x1f" + normalise_text(record.claim)
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()


def clean_collection_name(name: str) -> str:
    """A collection name as stored: one line, at most ``MAX_COLLECTION_NAME`` characters.
    Raises RecordProblem when nothing is left or it is too long."""
    cleaned = one_line(name, MAX_COLLECTION_NAME, "the collection name")
    if not cleaned:
        raise RecordProblem("the collection name is empty")
    return cleaned
