"""Telling text from binary and finding a text file's encoding.

Order: byte-order marks, BOM-less UTF-16 by its pattern of zero bytes, strict UTF-8,
then charset-normalizer limited to the encodings people actually save articles in.
A guess that leaves control characters or a mess of symbols is refused rather than
shown as mojibake.
"""

from __future__ import annotations

import codecs
from collections import Counter

from charset_normalizer import from_bytes

# Signatures of files that are commonly renamed or mistaken for text.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (perhaps a Word or OpenDocument file)"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (.doc)"),
    (b"RIFF", "a media file"),
    (b"ID3", "an MP3 file"),
    (b"OggS", "an Ogg media file"),
    (b"SQLite format 3\x00", "a SQLite database"),
)

# Legacy encodings worth trying, most common first. Anything else is not guessed.
CANDIDATE_ENCODINGS = (
    "cp1252",
    "cp1251",
    "cp1250",
    "latin_1",
    "iso8859_15",
    "koi8_r",
    "koi8_u",
    "cp1253",
    "cp1254",
    "cp1255",
    "cp1256",
    "cp1257",
    "iso8859_2",
    "iso8859_5",
    "iso8859_7",
    "mac_roman",
    "shift_jis",
    "cp932",
    "euc_jp",
    "gb18030",
    "big5",
    "euc_kr",
    "cp949",
)


class NotText(Exception):
    """The bytes are not text in any encoding we accept. ``problem`` says why."""

    def __init__(self, problem: str):
        super().__init__(problem)
        self.problem = problem


def binary_kind(data: bytes) -> str | None:
    """Name the kind of a known binary file from its first bytes, or None."""
    head = data[:16]
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            if magic == b"MZ" and b"\x00" not in data[:512]:
                continue  # "MZ" also begins ordinary text
            return kind
    return None


def _bom(data: bytes) -> str | None:
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith(codecs.BOM_UTF32_LE) or data.startswith(codecs.BOM_UTF32_BE):
        return "utf-32"
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return "utf-16"
    return None


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM. Text in one alphabet has few distinct "high" bytes (0x00 for
    ASCII, 0x04 for Cyrillic...) in every other position, while the other positions vary;
    the ASCII spaces and digits give zero bytes. Only claimed when decoding then succeeds."""
    sample = data[:65536]
    if len(sample) < 16 or b"\x00" not in sample:
        return None
    sample = sample[: len(sample) // 2 * 2]
    even, odd = sample[0::2], sample[1::2]
    for high, low, name in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        top_two = sum(count for _, count in Counter(high).most_common(2))
        if top_two >= 0.9 * len(high) and len(set(low)) >= min(8, len(low) // 2) and 0 in Counter(high):
            return name
    return None


def _looks_like_text(text: str) -> bool:
    """After decoding: few control characters and replacement characters."""
    if not text:
        return True
    sample = text[:200_000]
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\x0c") or ch == "\ufffd")
    return bad <= max(2, len(sample) // 1000)


def _legacy_encoding(data: bytes) -> str:
    """The most common of the candidate encodings that read the bytes as cleanly as the best one.

    charset-normalizer cannot tell encodings apart that decode a text identically (a
    French text in cp1250 and cp1252, say); preferring the common one then gives the
    right letters for the bytes where they differ.
    """
    matches = list(from_bytes(data[:500_000], cp_isolation=list(CANDIDATE_ENCODINGS)))
    if not matches or min(m.chaos for m in matches) > 0.3:
        raise NotText("its bytes are not text in any common encoding (not UTF-8, UTF-16, Windows-1251/1252 or Latin-1)")
    best = min(m.chaos for m in matches)
    names: set[str] = set()
    for match in matches:
        if match.chaos <= best + 0.02:
            names.update(match.could_be_from_charset or [match.encoding])
    rank = {name: i for i, name in enumerate(CANDIDATE_ENCODINGS)}
    encoding = min(names, key=lambda name: rank.get(name, len(rank)))
    return codecs.lookup(encoding).name


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode a text file's bytes; return (text, encoding name). Raises NotText.

    Any thread may call; pure function.
    """
    encoding = _bom(data)
    if encoding:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as error:
            raise NotText(
                f"it starts with a {encoding} byte-order mark but is not valid {encoding} "
                f"(bad bytes at offset {error.start})"
            ) from None
        if not _looks_like_text(text):
            raise NotText("it does not contain text (binary data or control characters)")
        return text.lstrip("\ufeff"), encoding.replace("-sig", "")

    kind = binary_kind(data)
    if kind:
        raise NotText(f"it is {kind}, not a text file")

    encoding = _bomless_utf16(data)
    if encoding:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            pass
        else:
            if _looks_like_text(text):
                return text, encoding

    if b"\x00" in data[:65536] and data.count(b"\x00") > len(data) // 1000:
        raise NotText("it contains binary data (zero bytes), not text")

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if not _looks_like_text(text):
            raise NotText("it does not contain text (binary data or control characters)")
        return text, "utf-8"

    encoding = _legacy_encoding(data)
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        raise NotText(f"it looks like {encoding} text but does not decode cleanly") from None
    if not _looks_like_text(text):
        raise NotText("it does not contain text (binary data or control characters)")
    return text, encoding
