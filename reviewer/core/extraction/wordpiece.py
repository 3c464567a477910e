"""BERT WordPiece tokenization in pure Python, id for id the same as Hugging Face ``tokenizers``.

The final scorer used to tokenize with the Rust ``tokenizers`` package; this module replaces it
to keep the frozen app small. It reads a ``tokenizer.json`` that uses exactly the BERT pipeline
(BertNormalizer, BertPreTokenizer, WordPiece, ``[CLS] $A [SEP]``) and refuses anything else.

Exactness rests on three details of the Rust implementation:

* Its character classes (control/format, punctuation, non-spacing marks) and its NFD come from
  crates frozen at Unicode 9, while Python 3.11 knows Unicode 14. The Unicode 9 sets are tables
  below, found by running ``tokenizers`` 0.23.3 on every code point; ``tests/core/test_wordpiece.py``
  checks every code point again, and will say so if a new Python or ``tokenizers`` disagrees.
* Unassigned code points are *not* removed by ``clean_text`` (the crate's "other" excludes Cn).
* Lowercasing is per character (Σ is always σ) with Rust's newer case table.

A tokenizer is immutable and may be used from several threads at once.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import TypedDict

from ..errors import ReviewerError

# Words that are not whole vocabulary entries are split once and remembered: 65,536 of them
# (a few MB) cover a long run of news text.
WORD_CACHE_SIZE = 1 << 16


class UnsupportedTokenizer(ReviewerError):
    """The tokenizer file asks for something this tokenizer does not implement."""


class WordPieceTokenizer:
    """Turns a sentence into model input ids: ``[CLS]``, WordPiece ids, ``[SEP]``, no padding,
    truncated to ``max_tokens`` ids in all."""

    def __init__(
        self,
        vocab: dict[str, int],
        *,
        cls_id: int,
        sep_id: int,
        max_tokens: int,
        unk_token: str = "[UNK]",
        prefix: str = "##",
        max_word_chars: int = 100,
        special_tokens: dict[str, int] | None = None,
        clean_text: bool = True,
        chinese_chars: bool = True,
        strip_accents: bool = True,
        lowercase: bool = True,
    ):
        if max_tokens < 2:
            raise ValueError(f"max_tokens must leave room for [CLS] and [SEP], got {max_tokens}")
        if unk_token not in vocab:
            raise UnsupportedTokenizer(f"the WordPiece unknown token {unk_token!r} is not in the vocabulary")
        self._cls_id = cls_id
        self._sep_id = sep_id
        self._body_tokens = max_tokens - 2
        # Whole-word lookups skip WordPiece's length check, so leave out entries it would refuse.
        self._whole_words = {word: i for word, i in vocab.items() if len(word) <= max_word_chars}
        self._clean_text = clean_text
        self._chinese_chars = chinese_chars
        self._strip_accents = strip_accents
        self._lowercase = lowercase
        self._special = dict(special_tokens or {})
        # Longest first, so that at one position the longest token wins, as in the Rust matcher.
        names = sorted(self._special, key=len, reverse=True)
        self._special_re = re.compile("|".join(map(re.escape, names))) if names else None
        self._word_ids = lru_cache(WORD_CACHE_SIZE)(_word_splitter(vocab, vocab[unk_token], prefix, max_word_chars))
        self._unk_id = vocab[unk_token]
        self._max_word_chars = max_word_chars

    @classmethod
    def from_file(cls, path: Path, max_tokens: int) -> WordPieceTokenizer:
        """Load a Hugging Face ``tokenizer.json``; raises UnsupportedTokenizer if it is not plain BERT.
        The file's own padding and truncation settings are ignored (see the class docstring)."""
        spec = _json_object(json.loads(Path(path).read_text(encoding="utf-8")), "tokenizer file", path)
        return cls(**_settings(spec, path), max_tokens=max_tokens)

    def encode(self, text: str) -> list[int]:
        """The ids for one sentence. Any thread may call it; the caller owns the returned list."""
        ids: list[int] = []
        limit = self._body_tokens
        for chunk in self._chunks(text):
            if isinstance(chunk, int):
                ids.append(chunk)
            else:
                whole_word = self._whole_words.get
                for word in pre_tokenize(self.normalize(chunk)):
                    found = whole_word(word)  # most words are one vocabulary entry
                    if found is None and len(word) > self._max_word_chars:
                        ids.append(self._unk_id)  # not through the cache: it would keep huge keys alive
                    elif found is None:
                        ids.extend(self._word_ids(word))
                    else:
                        ids.append(found)
                    if len(ids) >= limit:
                        break
            if len(ids) >= limit:
                del ids[limit:]
                break
        return [self._cls_id, *ids, self._sep_id]

    def _chunks(self, text: str) -> Iterator[str | int]:
        """Text between special tokens (as str) and the special tokens themselves (as ids). As in
        ``tokenizers``, special tokens are matched in the raw text, before normalisation."""
        if self._special_re is None or not self._special_re.search(text):
            yield text
            return
        start = 0
        for match in self._special_re.finditer(text):
            if match.start() > start:
                yield text[start : match.start()]
            yield self._special[match.group()]
            start = match.end()
        if start < len(text):
            yield text[start:]

    def normalize(self, text: str) -> str:
        """BertNormalizer with this file's settings: what ``tokenizer.normalizer.normalize_str`` gives."""
        if text.isascii():  # the common case, with a cheaper route through the same steps
            if self._clean_text:
                text = text.translate(_ASCII_CLEAN)
            return text.lower() if self._lowercase else text
        patterns = _patterns_for(text)
        if self._clean_text:
            text = patterns.whitespace.sub(" ", patterns.removed.sub("", text))
        if self._chinese_chars:
            text = patterns.cjk.sub(r" \g<0> ", text)
        if self._strip_accents:
            text = _nfd(text, patterns)
            patterns = _patterns_for(text)  # a few CJK compatibility ideographs decompose above U+FFFF
            text = patterns.marks.sub("", text)
        if self._lowercase:
            # Rust lowercases char by char, so a final capital sigma becomes σ, not ς.
            text = text.replace("\u03a3", "\u03c3")
            if patterns.newer_capitals.search(text):
                text = text.translate(_LOWER_NEWER)
            text = text.lower()
        return text


class _Settings(TypedDict):
    """WordPieceTokenizer's keyword arguments read from a tokenizer.json (all but max_tokens)."""

    vocab: dict[str, int]
    cls_id: int
    sep_id: int
    special_tokens: dict[str, int]
    unk_token: str
    prefix: str
    max_word_chars: int
    clean_text: bool
    chinese_chars: bool
    strip_accents: bool
    lowercase: bool


def _settings(spec: dict[str, object], path: Path) -> _Settings:
    """WordPieceTokenizer's keyword arguments from a parsed tokenizer.json."""

    def part(key: str, expected: str) -> dict[str, object]:
        value = _json_object(spec.get(key) or {}, key, path)
        if value.get("type") != expected:
            raise UnsupportedTokenizer(
                f"{path}: the {key} is {value.get('type')!r}; Reviewer's tokenizer implements only {expected}"
            )
        return value

    normalizer = part("normalizer", "BertNormalizer")
    part("pre_tokenizer", "BertPreTokenizer")
    model = part("model", "WordPiece")
    vocab = model.get("vocab")
    if not isinstance(vocab, dict) or not all(isinstance(w, str) and isinstance(i, int) for w, i in vocab.items()):
        raise UnsupportedTokenizer(f"{path}: the WordPiece vocabulary is not a JSON object of token ids")
    special: dict[str, int] = {}
    added = spec.get("added_tokens") or []
    for entry in added if isinstance(added, list) else [added]:
        token = _json_object(entry, "added token", path)
        content, token_id = token.get("content"), token.get("id")
        if not isinstance(content, str) or not isinstance(token_id, int):
            raise UnsupportedTokenizer(f"{path}: an added token has no text (content) or no id")
        if token.get("normalized") or token.get("single_word") or token.get("lstrip") or token.get("rstrip"):
            raise UnsupportedTokenizer(
                f"{path}: added token {content!r} sets normalized, single_word, lstrip or rstrip, "
                "which Reviewer's tokenizer does not implement"
            )
        special[content] = token_id
    cls_id, sep_id = _cls_and_sep(_json_object(spec.get("post_processor") or {}, "post_processor", path), path)
    max_word_chars = model.get("max_input_chars_per_word", 100)
    if not isinstance(max_word_chars, int):
        raise UnsupportedTokenizer(f"{path}: max_input_chars_per_word is {max_word_chars!r}, not a whole number")
    lowercase = bool(normalizer.get("lowercase", True))
    strip_accents = normalizer.get("strip_accents")
    return {
        "vocab": vocab,
        "cls_id": cls_id,
        "sep_id": sep_id,
        "special_tokens": special,
        "unk_token": _json_text(model, "unk_token", "[UNK]", path),
        "prefix": _json_text(model, "continuing_subword_prefix", "##", path),
        "max_word_chars": max_word_chars,
        "clean_text": bool(normalizer.get("clean_text", True)),
        "chinese_chars": bool(normalizer.get("handle_chinese_chars", True)),
        # As in tokenizers: strip_accents left unset follows lowercase.
        "strip_accents": lowercase if strip_accents is None else bool(strip_accents),
        "lowercase": lowercase,
    }


def _cls_and_sep(processor: dict[str, object], path: Path) -> tuple[int, int]:
    kind = processor.get("type")
    if kind == "BertProcessing":
        cls_id, sep_id = _json_at(processor, "cls", 1), _json_at(processor, "sep", 1)
        if isinstance(cls_id, int) and isinstance(sep_id, int):
            return cls_id, sep_id
    if kind == "TemplateProcessing":
        single = processor.get("single")
        steps = single if isinstance(single, list) else []
        shape = [next(iter(step), None) if isinstance(step, dict) else None for step in steps]
        if shape == ["SpecialToken", "Sequence", "SpecialToken"] and _json_at(steps, 1, "Sequence", "id") == "A":
            first, last = (
                _json_at(processor, "special_tokens", _json_at(steps, i, "SpecialToken", "id"), "ids") for i in (0, 2)
            )
            if (
                isinstance(first, list)
                and isinstance(last, list)
                and len(first) == 1
                and len(last) == 1
                and isinstance(first[0], int)
                and isinstance(last[0], int)
            ):
                return first[0], last[0]
    raise UnsupportedTokenizer(
        f"{path}: the post_processor is not '[CLS] $A [SEP]'; Reviewer's tokenizer implements only that"
    )


# Parsed JSON is read through these, so that a value of an unexpected type is refused clearly.
def _json_object(value: object, what: str, path: Path) -> dict[str, object]:
    if not isinstance(value, dict):
        raise UnsupportedTokenizer(f"{path}: the {what} is not a JSON object")
    return value


def _json_text(part: dict[str, object], key: str, default: str, path: Path) -> str:
    value = part.get(key, default)
    if not isinstance(value, str):
        raise UnsupportedTokenizer(f"{path}: {key} is {value!r}, not a string")
    return value


def _json_at(value: object, *keys: object) -> object:
    """``value[key][key]...`` through JSON objects (str keys) and lists (int indexes); None where a key is missing."""
    for key in keys:
        if isinstance(value, dict) and isinstance(key, str):
            value = value.get(key)
        elif isinstance(value, list) and isinstance(key, int) and not isinstance(key, bool) and 0 <= key < len(value):
            value = value[key]
        else:
            return None
    return value


def _word_splitter(
    vocab: dict[str, int], unk_id: int, prefix: str, max_word_chars: int
) -> Callable[[str], tuple[int, ...]]:
    """Greedy longest-match-first WordPiece for one pre-tokenized word, as a tuple of ids."""
    longest = max(map(len, vocab))

    def split(word: str) -> tuple[int, ...]:
        if len(word) > max_word_chars:
            return (unk_id,)
        ids: list[int] = []
        start, length = 0, len(word)
        while start < length:
            for end in range(min(length, start + longest), start, -1):
                piece = word[start:end] if start == 0 else prefix + word[start:end]
                found = vocab.get(piece)
                if found is not None:
                    break
            else:
                return (unk_id,)  # one part has no piece: the whole word is unknown
            ids.append(found)
            start = end
        return tuple(ids)

    return split


def pre_tokenize(text: str) -> list[str]:
    """BertPreTokenizer: split on whitespace, and every punctuation mark is a word of its own."""
    return _patterns_for(text).words.findall(text)


def _nfd(text: str, patterns: _Patterns) -> str:
    """NFD as of Unicode 9: marks added later are neither decomposed nor reordered (they act as
    starters, so the text between them is normalised on its own)."""
    if patterns.newer_marks.search(text) is None:
        return unicodedata.normalize("NFD", text)
    parts = patterns.newer_marks.split(text)  # odd indexes hold the newer marks
    return "".join(part if i % 2 else unicodedata.normalize("NFD", part) for i, part in enumerate(parts))


class _Patterns:
    """The character classes below as compiled regexes, holding only code points up to `top`.

    Python's regex engine looks up a code point below U+10000 in a table but tries the ranges
    above it one by one, for every character; text without such code points (nearly all text)
    is much faster with classes cut at U+FFFF, and ASCII text with classes cut at U+007F."""

    def __init__(self, top: int):
        def one_of(ranges: str) -> str:
            body = _char_class(ranges, top)
            return f"[{body}]" if body else "(?!)"  # "(?!)" never matches

        punctuation = _char_class(_PUNCTUATION, top)
        not_in_word = punctuation + _char_class(_WHITESPACE, top)
        self.removed = re.compile(one_of("0000 FFFD " + _CONTROL_FORMAT_PRIVATE) + "+")
        self.whitespace = re.compile(one_of(_WHITESPACE))
        self.cjk = re.compile(one_of(_CJK_IDEOGRAPHS))
        self.marks = re.compile(one_of(_NONSPACING_MARKS) + "+")
        self.newer_marks = re.compile(f"({one_of(_MARKS_AFTER_UNICODE_9)})")
        self.newer_capitals = re.compile(one_of(" ".join(capital for capital, _ in _LOWER_NEWER_PAIRS)))
        self.words = re.compile(f"[{punctuation}]|[^{not_in_word}]+")


def _patterns_for(text: str) -> _Patterns:
    if text.isascii():
        return _ASCII_PATTERNS
    return _BMP_PATTERNS if max(text) <= "\uffff" else _ALL_PATTERNS


def _char_class(ranges: str, top: int) -> str:
    """Regex character-class body for space-separated hex code points and ranges ("0300-036F"),
    leaving out code points above `top`. An empty class body matches nothing."""
    parts = []
    for item in ranges.split():
        first, _, last = item.partition("-")
        low, high = int(first, 16), min(int(last or first, 16), top)
        if low <= high:
            parts.append(re.escape(chr(low)) if low == high else f"{re.escape(chr(low))}-{re.escape(chr(high))}")
    return "".join(parts)


# ---- Unicode tables, as seen by tokenizers 0.23.3 (generated; see the module docstring) ----

# Removed by clean_text besides NUL and U+FFFD: Unicode 9 categories Cc, Cf and Co, except tab, LF and CR.
_CONTROL_FORMAT_PRIVATE = (
    "0001-0008 000B-000C 000E-001F 007F-009F 00AD 0600-0605 061C 06DD 070F 180E 200B-200F 202A-202E 2060-2064 "
    "2066-206F E000-F8FF FEFF FFF9-FFFB 110BD 1BCA0-1BCA3 1D173-1D17A E0001 E0020-E007F F0000-FFFFD 100000-10FFFD "
)

# BERT punctuation: ASCII punctuation and Unicode 9 category P*.
_PUNCTUATION = (
    "0021-002F 003A-0040 005B-0060 007B-007E 00A1 00A7 00AB 00B6-00B7 00BB 00BF 037E 0387 055A-055F 0589-058A 05BE "
    "05C0 05C3 05C6 05F3-05F4 0609-060A 060C-060D 061B 061E-061F 066A-066D 06D4 0700-070D 07F7-07F9 0830-083E 085E "
    "0964-0965 0970 0AF0 0DF4 0E4F 0E5A-0E5B 0F04-0F12 0F14 0F3A-0F3D 0F85 0FD0-0FD4 0FD9-0FDA 104A-104F 10FB "
    "1360-1368 1400 166D-166E 169B-169C 16EB-16ED 1735-1736 17D4-17D6 17D8-17DA 1800-180A 1944-1945 1A1E-1A1F "
    "1AA0-1AA6 1AA8-1AAD 1B5A-1B60 1BFC-1BFF 1C3B-1C3F 1C7E-1C7F 1CC0-1CC7 1CD3 2010-2027 2030-2043 2045-2051 "
    "2053-205E 207D-207E 208D-208E 2308-230B 2329-232A 2768-2775 27C5-27C6 27E6-27EF 2983-2998 29D8-29DB 29FC-29FD "
    "2CF9-2CFC 2CFE-2CFF 2D70 2E00-2E2E 2E30-2E42 3001-3003 3008-3011 3014-301F 3030 303D 30A0 30FB A4FE-A4FF "
    "A60D-A60F A673 A67E A6F2-A6F7 A874-A877 A8CE-A8CF A8F8-A8FA A8FC A92E-A92F A95F A9C1-A9CD A9DE-A9DF AA5C-AA5F "
    "AADE-AADF AAF0-AAF1 ABEB FD3E-FD3F FE10-FE19 FE30-FE52 FE54-FE61 FE63 FE68 FE6A-FE6B FF01-FF03 FF05-FF0A "
    "FF0C-FF0F FF1A-FF1B FF1F-FF20 FF3B-FF3D FF3F FF5B FF5D FF5F-FF65 10100-10102 1039F 103D0 1056F 10857 1091F "
    "1093F 10A50-10A58 10A7F 10AF0-10AF6 10B39-10B3F 10B99-10B9C 11047-1104D 110BB-110BC 110BE-110C1 11140-11143 "
    "11174-11175 111C5-111C9 111CD 111DB 111DD-111DF 11238-1123D 112A9 114C6 115C1-115D7 11641-11643 1173C-1173E "
    "12470-12474 16A6E-16A6F 16AF5 16B37-16B3B 16B44 1BC9F 1DA87-1DA8B "
)

# Dropped by strip_accents after NFD: Unicode 9 category Mn.
_NONSPACING_MARKS = (
    "0300-036F 0483-0487 0591-05BD 05BF 05C1-05C2 05C4-05C5 05C7 0610-061A 064B-065F 0670 06D6-06DC 06DF-06E4 "
    "06E7-06E8 06EA-06ED 0711 0730-074A 07A6-07B0 07EB-07F3 0816-0819 081B-0823 0825-0827 0829-082D 0859-085B "
    "08E3-0902 093A 093C 0941-0948 094D 0951-0957 0962-0963 0981 09BC 09C1-09C4 09CD 09E2-09E3 0A01-0A02 0A3C "
    "0A41-0A42 0A47-0A48 0A4B-0A4D 0A51 0A70-0A71 0A75 0A81-0A82 0ABC 0AC1-0AC5 0AC7-0AC8 0ACD 0AE2-0AE3 0B01 0B3C "
    "0B3F 0B41-0B44 0B4D 0B56 0B62-0B63 0B82 0BC0 0BCD 0C00 0C3E-0C40 0C46-0C48 0C4A-0C4D 0C55-0C56 0C62-0C63 0C81 "
    "0CBC 0CBF 0CC6 0CCC-0CCD 0CE2-0CE3 0D01 0D41-0D44 0D4D 0D62-0D63 0DCA 0DD2-0DD4 0DD6 0E31 0E34-0E3A 0E47-0E4E "
    "0EB1 0EB4-0EB9 0EBB-0EBC 0EC8-0ECD 0F18-0F19 0F35 0F37 0F39 0F71-0F7E 0F80-0F84 0F86-0F87 0F8D-0F97 0F99-0FBC "
    "0FC6 102D-1030 1032-1037 1039-103A 103D-103E 1058-1059 105E-1060 1071-1074 1082 1085-1086 108D 109D 135D-135F "
    "1712-1714 1732-1734 1752-1753 1772-1773 17B4-17B5 17B7-17BD 17C6 17C9-17D3 17DD 180B-180D 18A9 1920-1922 "
    "1927-1928 1932 1939-193B 1A17-1A18 1A1B 1A56 1A58-1A5E 1A60 1A62 1A65-1A6C 1A73-1A7C 1A7F 1AB0-1ABD 1B00-1B03 "
    "1B34 1B36-1B3A 1B3C 1B42 1B6B-1B73 1B80-1B81 1BA2-1BA5 1BA8-1BA9 1BAB-1BAD 1BE6 1BE8-1BE9 1BED 1BEF-1BF1 "
    "1C2C-1C33 1C36-1C37 1CD0-1CD2 1CD4-1CE0 1CE2-1CE8 1CED 1CF4 1CF8-1CF9 1DC0-1DF5 1DFC-1DFF 20D0-20DC 20E1 "
    "20E5-20F0 2CEF-2CF1 2D7F 2DE0-2DFF 302A-302D 3099-309A A66F A674-A67D A69E-A69F A6F0-A6F1 A802 A806 A80B "
    "A825-A826 A8C4 A8E0-A8F1 A926-A92D A947-A951 A980-A982 A9B3 A9B6-A9B9 A9BC A9E5 AA29-AA2E AA31-AA32 AA35-AA36 "
    "AA43 AA4C AA7C AAB0 AAB2-AAB4 AAB7-AAB8 AABE-AABF AAC1 AAEC-AAED AAF6 ABE5 ABE8 ABED FB1E FE00-FE0F FE20-FE2F "
    "101FD 102E0 10376-1037A 10A01-10A03 10A05-10A06 10A0C-10A0F 10A38-10A3A 10A3F 10AE5-10AE6 11001 11038-11046 "
    "1107F-11081 110B3-110B6 110B9-110BA 11100-11102 11127-1112B 1112D-11134 11173 11180-11181 111B6-111BE "
    "111CA-111CC 1122F-11231 11234 11236-11237 112DF 112E3-112EA 11300-11301 1133C 11340 11366-1136C 11370-11374 "
    "114B3-114B8 114BA 114BF-114C0 114C2-114C3 115B2-115B5 115BC-115BD 115BF-115C0 115DC-115DD 11633-1163A 1163D "
    "1163F-11640 116AB 116AD 116B0-116B5 116B7 1171D-1171F 11722-11725 11727-1172B 16AF0-16AF4 16B30-16B36 "
    "16F8F-16F92 1BC9D-1BC9E 1D167-1D169 1D17B-1D182 1D185-1D18B 1D1AA-1D1AD 1D242-1D244 1DA00-1DA36 1DA3B-1DA6C "
    "1DA75 1DA84 1DA9B-1DA9F 1DAA1-1DAAF 1E8D0-1E8D6 E0100-E01EF "
)

# Characters with a canonical combining class or decomposition in Python's Unicode but unknown to
# tokenizers' Unicode 9 NFD, which leaves them alone.
_MARKS_AFTER_UNICODE_9 = (
    "07FD 0898-089F 08CA-08D3 09FE 0C3C 0D3B-0D3C 0EBA 1715 1ABF-1ACE 1DF6-1DFA A82C 10D24-10D27 10EAB-10EAC "
    "10F46-10F50 10F82-10F85 11070 1133B 1145E 11839-1183A 11938 1193D-1193E 11943 119E0 11A34 11A47 11A99 11D42 "
    "11D44-11D45 11D97 16FF0-16FF1 1E130-1E136 1E2AE 1E2EC-1E2EF "
)

# Rust's char::is_whitespace (the White_Space property); clean_text makes each a plain space.
_WHITESPACE = "0009-000D 0020 0085 00A0 1680 2000-200A 2028-2029 202F 205F 3000 "

# Capitals Rust lowercases but Python 3.11 (Unicode 14) does not know: capital:small.
_UPPERCASE_AFTER_UNICODE_14 = (
    "1C89:1C8A A7CB:0264 A7CC:A7CD A7CE:A7CF A7D2:A7D3 A7D4:A7D5 A7DA:A7DB A7DC:019B 10D50:10D70 10D51:10D71 "
    "10D52:10D72 10D53:10D73 10D54:10D74 10D55:10D75 10D56:10D76 10D57:10D77 10D58:10D78 10D59:10D79 10D5A:10D7A "
    "10D5B:10D7B 10D5C:10D7C 10D5D:10D7D 10D5E:10D7E 10D5F:10D7F 10D60:10D80 10D61:10D81 10D62:10D82 10D63:10D83 "
    "10D64:10D84 10D65:10D85 16EA0:16EBB 16EA1:16EBC 16EA2:16EBD 16EA3:16EBE 16EA4:16EBF 16EA5:16EC0 16EA6:16EC1 "
    "16EA7:16EC2 16EA8:16EC3 16EA9:16EC4 16EAA:16EC5 16EAB:16EC6 16EAC:16EC7 16EAD:16EC8 16EAE:16EC9 16EAF:16ECA "
    "16EB0:16ECB 16EB1:16ECC 16EB2:16ECD 16EB3:16ECE 16EB4:16ECF 16EB5:16ED0 16EB6:16ED1 16EB7:16ED2 16EB8:16ED3 "
)

# Rust's is_chinese_char, including its gap at 2B820-2B91F.
_CJK_IDEOGRAPHS = "4E00-9FFF 3400-4DBF 20000-2A6DF 2A700-2B73F 2B740-2B81F 2B920-2CEAF F900-FAFF 2F800-2FA1F"

_LOWER_NEWER_PAIRS = [pair.split(":") for pair in _UPPERCASE_AFTER_UNICODE_14.split()]
_LOWER_NEWER = {int(capital, 16): int(small, 16) for capital, small in _LOWER_NEWER_PAIRS}

_ASCII_PATTERNS, _BMP_PATTERNS, _ALL_PATTERNS = _Patterns(0x7F), _Patterns(0xFFFF), _Patterns(0x10FFFF)
# clean_text for ASCII: drop control characters, turn tab, LF and CR into spaces.
_ASCII_CLEAN = {
    code: None
    if _ALL_PATTERNS.removed.match(chr(code))
    else " "
    if _ALL_PATTERNS.whitespace.match(chr(code))
    else chr(code)
    for code in range(128)
}
