"""Python-Markdown's link, image and reference parsing in linear time.

Python-Markdown looks for the end of ``[text](url "title")`` by walking the text from every
``[`` (and from every ``](``) to the end of the paragraph when nothing closes it, so a note of
16,000 ``[`` took 38 s and ``![`` or ``[a](`` more. The processors here give exactly the same
results (a differential test renders random text both ways) but read the answer from one
index of the paragraph's brackets, parentheses and quotes, built with one regex pass.

Python-Markdown rewrites a paragraph after each link it finds (the link becomes a placeholder)
and then only reads on from there; an index is keyed by distance from the end of the text, so
it stays valid for the unchanged tail and is rebuilt only when the tail differs. Pure; one
instance per converter, and converters are one per thread.

Python-Markdown has no type information, so its classes are ``Any`` to mypy: each class here that
extends one says so with ``# type: ignore[misc]`` (subclassing Any), and what its methods return
from Python-Markdown is given its documented type where it is received.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from typing import Generic, Protocol, TypeVar
from xml.etree.ElementTree import Element

from markdown import Markdown, util
from markdown import treeprocessors
from markdown.extensions import Extension
from markdown.extensions.footnotes import FootnoteExtension, FootnoteInlineProcessor
from markdown.inlinepatterns import (
    BACKTICK_RE,
    IMAGE_LINK_RE,
    IMAGE_REFERENCE_RE,
    LINK_RE,
    REFERENCE_RE,
    AutolinkInlineProcessor,
    AutomailInlineProcessor,
    BacktickInlineProcessor,
    EscapeInlineProcessor,
    HtmlInlineProcessor,
    Pattern,
    ImageInlineProcessor,
    ImageReferenceInlineProcessor,
    LinkInlineProcessor,
    ReferenceInlineProcessor,
    ShortImageReferenceInlineProcessor,
    ShortReferenceInlineProcessor,
    SimpleTextInlineProcessor,
    SubstituteTagInlineProcessor,
    dequote,
)

_TOKENS = re.compile(r"""[\[\]()"']""")
# A ")" whose last non-space character before it is a quote: where a quoted title can end.
_TITLE_ENDS = re.compile(r"""(["']) *\)""")


class _Index:
    """Brackets, parentheses and quotes of one text, in positions of that text."""

    def __init__(self, text: str):
        self.text = text
        self.length = len(text)
        self.bracket_close: dict[int, int] = {}
        self.paren_close: dict[int, int] = {}
        self.parens: list[int] = []  # every "(" and ")", in order
        self.depth: list[int] = []  # open "(" minus ")" up to and including parens[k]
        self.quotes: dict[str, list[int]] = {'"': [], "'": []}
        self.any_quote: list[int] = []
        brackets: list[int] = []
        opened: list[int] = []
        depth = 0
        for match in _TOKENS.finditer(text):
            char, pos = match.group(), match.start()
            if char == "[":
                brackets.append(pos)
            elif char == "]":
                if brackets:
                    self.bracket_close[brackets.pop()] = pos
            elif char in "()":
                if char == "(":
                    opened.append(pos)
                    depth += 1
                else:
                    if opened:
                        self.paren_close[opened.pop()] = pos
                    depth -= 1
                self.parens.append(pos)
                self.depth.append(depth)
            else:
                self.quotes[char].append(pos)
                self.any_quote.append(pos)
        # (position of ")", position of the quote before it, the quote)
        self.title_ends = [(m.end() - 1, m.start(), m.group(1)) for m in _TITLE_ENDS.finditer(text)]
        self.title_end_positions = [end for end, _, _ in self.title_ends]

    def depth_before(self, pos: int) -> int:
        k = bisect_left(self.parens, pos)
        return self.depth[k - 1] if k else 0

    def next_in(self, positions: list[int], pos: int) -> int | None:
        """The first of ``positions`` at or after ``pos``."""
        k = bisect_left(positions, pos)
        return positions[k] if k < len(positions) else None


class _OfText(Protocol):
    @property
    def text(self) -> str: ...


_IndexT = TypeVar("_IndexT", bound=_OfText)


class _TailCache(Generic[_IndexT]):
    """One index of the last text seen, reused while the text's tail is unchanged."""

    def __init__(self, build: Callable[[str], _IndexT]) -> None:
        self.build = build
        self.index: _IndexT | None = None
        self.seen: str | None = None  # the last text checked against the index, and from where it holds
        self.seen_from = 0

    def get(self, data: str, pos: int) -> tuple[_IndexT, int]:
        """An index valid for ``data[pos:]`` and the shift from ``data`` positions to its own."""
        index = self.index
        if index is not None:
            shift = len(index.text) - len(data)
            if data is self.seen and pos >= self.seen_from:
                return index, shift
            # Each link found rewrites the text before it: the tail is the same string (one
            # comparison, as cheap as the copy Python-Markdown made); otherwise index anew.
            if index.text.endswith(data[pos:]):
                self.seen, self.seen_from = data, pos
                return index, shift
        index = self.index = self.build(data)
        self.seen, self.seen_from = data, 0
        return index, 0


class _LinearScan(LinkInlineProcessor):  # type: ignore[misc]
    """Replaces ``getText`` and ``getLink`` of Python-Markdown's link processors; same results.

    A mixin placed before one of them (all extend LinkInlineProcessor), so ``super()`` is that processor."""

    _cache: _TailCache[_Index] | None = None

    def _index_for(self, data: str, pos: int) -> tuple[_Index, int]:
        if self._cache is None:
            self._cache = _TailCache(_Index)
        return self._cache.get(data, pos)

    def getText(self, data: str, index: int) -> tuple[str, int, bool]:  # noqa: N802 - Python-Markdown's name
        if index < 1 or data[index - 1] != "[":
            text: tuple[str, int, bool] = super().getText(data, index)
            return text
        found, shift = self._index_for(data, index - 1)
        close = found.bracket_close.get(index - 1 + shift)
        if close is None:
            return "", len(data), False  # callers use the text only when handled
        close -= shift
        return data[index:close], close + 1, True

    def getLink(self, data: str, index: int) -> tuple[str, str | None, int, bool]:  # noqa: N802
        match: re.Match[str] | None = self.RE_LINK.match(data, pos=index)
        if not match or match.group(1):
            link: tuple[str, str | None, int, bool] = super().getLink(data, index)  # no "(" or "(<url>)": no scan
            return link
        found, shift = self._index_for(data, index)
        start = match.end() + shift  # positions below are the index's own
        href, title, end, handled = _find_link_end(found, index + shift, start)
        if not handled:
            return "", None, len(data), False
        if title is not None:
            title = self.RE_TITLE_CLEAN.sub(" ", dequote(self.unescape(title.strip())))
        href = self.unescape(href).strip()
        return href, title, end - shift if end >= 0 else end, True


def _find_link_end(found: _Index, paren: int, start: int) -> tuple[str, str | None, int, bool]:
    """What ``LinkInlineProcessor.getLink`` finds after ``(`` at ``paren`` (text from ``start``),
    without walking the text: (raw href, raw title, index after the link, handled)."""
    text = found.text
    close = found.paren_close.get(paren)
    quote_at = found.next_in(found.any_quote, start)
    if quote_at is None or (close is not None and quote_at > close):
        if close is None:
            return "", None, -1, False
        return text[start:close], None, close + 1, True
    # A quote opens a title: parentheses stop counting; the link ends at the first ")" right
    # after a closing quote (the same quote, or the other one seen twice).
    quote = text[quote_at]
    other = "'" if quote == '"' else '"'
    other_at = found.next_in(found.quotes[other], quote_at + 1)
    k = bisect_right(found.title_end_positions, quote_at)
    while k < len(found.title_ends):
        end, at, char = found.title_ends[k]
        if char == quote and at > quote_at:
            return text[start:quote_at], text[quote_at + 1 : at], end + 1, True
        if char == other and other_at is not None and at > other_at:
            return text[start:other_at], text[other_at + 1 : at], end + 1, True
        k += 1
    # No title closes: the link ends where the parentheses open before the quote are closed,
    # counting every parenthesis after it (Python-Markdown's fallback, quirks included).
    backtrack = 1 + found.depth_before(quote_at) - found.depth_before(start)
    k = bisect_right(found.parens, quote_at) + backtrack - 1
    if backtrack <= 0 or k >= len(found.parens):
        return "", None, -1, False
    last = found.parens[k]
    if text[last] == ")":
        return text[start:last], None, last + 1, True
    return text[start:-2], None, -1, True


class _Link(_LinearScan, LinkInlineProcessor):  # type: ignore[misc]
    pass


class _Image(_LinearScan, ImageInlineProcessor):  # type: ignore[misc]
    pass


class _Reference(_LinearScan, ReferenceInlineProcessor):  # type: ignore[misc]
    pass


class _ImageReference(_LinearScan, ImageReferenceInlineProcessor):  # type: ignore[misc]
    pass


class _ShortReference(_LinearScan, ShortReferenceInlineProcessor):  # type: ignore[misc]
    pass


class _ShortImageReference(_LinearScan, ShortImageReferenceInlineProcessor):  # type: ignore[misc]
    pass


class _RunIndex:
    """The runs of backticks of one text: where each starts, by length, and the longest after each."""

    def __init__(self, text: str):
        self.text = text
        runs = [(m.start(), m.end() - m.start()) for m in re.finditer("`+", text)]
        self.starts = [start for start, _ in runs]
        self.lengths = [length for _, length in runs]
        self.by_length: dict[int, list[int]] = {}
        for start, length in runs:
            self.by_length.setdefault(length, []).append(start)
        # From run k on: the longest length and where the first run of that length ends.
        self.longest = [0] * (len(runs) + 1)
        self.longest_end = [0] * (len(runs) + 1)
        for k in range(len(runs) - 1, -1, -1):
            start, length = runs[k]
            if length >= self.longest[k + 1]:
                self.longest[k], self.longest_end[k] = length, start + length
            else:
                self.longest[k], self.longest_end[k] = self.longest[k + 1], self.longest_end[k + 1]


class _Backtick(BacktickInlineProcessor):  # type: ignore[misc]
    """Code spans found as Python-Markdown finds them, without walking the rest of the text from
    every run of backticks that nothing closes (runs of 1, 2, 3... ticks were O(n^1.5))."""

    _cache: _TailCache[_RunIndex] | None = None

    def find_code_spans(self, start: int, text: str) -> tuple[int, int | None]:
        if self._cache is None:
            self._cache = _TailCache(_RunIndex)
        found, shift = self._cache.get(text, start)
        at = start + shift
        k = bisect_right(found.starts, at) - 1
        if k < 0 or at >= found.starts[k] + found.lengths[k]:
            spans: tuple[int, int | None] = super().find_code_spans(start, text)  # not on a backtick: never called so
            return spans
        run_end = found.starts[k] + found.lengths[k]
        ticks = run_end - at
        same = found.by_length.get(ticks, [])
        j = bisect_left(same, run_end)
        if j < len(same):
            return run_end - shift, same[j] - shift
        longest, end = found.longest[k + 1], found.longest_end[k + 1]
        if 0 < longest < ticks:
            return run_end - (ticks - longest) - shift, end - longest - shift
        return run_end + ticks - shift, None


class _FootnoteRegex:
    """``finditer`` of Python-Markdown's footnote pattern ``\\[\\^([^\\]]*)\\]`` in linear time: the
    regex retried from every ``[^`` to the end of the text when no ``]`` follows."""

    def __init__(self, pattern: str) -> None:
        self.compiled = re.compile(pattern, re.DOTALL | re.UNICODE)

    def finditer(self, data: str, pos: int = 0) -> Iterator[re.Match[str]]:
        close = -1
        while True:
            pos = data.find("[^", pos)
            if pos < 0:
                return
            if close < pos + 2:
                close = data.find("]", pos + 2)  # the label ends at the first "]"
                if close < 0:
                    return
            match = self.compiled.match(data, pos, close + 1)
            if match is None:  # cannot happen: "[^", no "]", then "]"
                pos += 1
                continue
            yield match
            pos = match.end()


class _Footnote(FootnoteInlineProcessor):  # type: ignore[misc]
    def __init__(self, pattern: str, footnotes: FootnoteExtension) -> None:
        super().__init__(pattern, footnotes)
        self._linear = _FootnoteRegex(pattern)

    def getCompiledRegExp(self) -> _FootnoteRegex:  # noqa: N802 - Python-Markdown's name
        return self._linear


# Patterns whose regex never looks behind where it starts and whose ``handleMatch`` reads only
# the match: finding the next match in the original text or in the text rewritten so far gives
# the same match, so all of them can be replaced in one pass.
_BATCHED = (
    AutolinkInlineProcessor,
    AutomailInlineProcessor,
    EscapeInlineProcessor,
    HtmlInlineProcessor,
    SimpleTextInlineProcessor,
    SubstituteTagInlineProcessor,
)


class _BatchingInline(treeprocessors.InlineProcessor):  # type: ignore[misc]
    """Python-Markdown's inline tree processor, except that a batched pattern replaces all its
    matches in one pass. Python-Markdown rebuilds the whole paragraph after each match, so 50,000
    backslash escapes or entities in one paragraph copied it 50,000 times (2 s at 100,000
    characters). Same calls, same order, same stash: only the string is built once."""

    def _InlineProcessor__applyPattern(
        self,
        pattern: Pattern,
        data: str,
        patternIndex: int,  # noqa: N802, N803
        startIndex: int = 0,
    ) -> tuple[str, bool, int]:
        if type(pattern) not in _BATCHED:
            applied: tuple[str, bool, int] = super()._InlineProcessor__applyPattern(
                pattern, data, patternIndex, startIndex
            )
            return applied
        for exclude in pattern.ANCESTOR_EXCLUDES:
            if exclude.lower() in self.ancestors:
                return data, False, 0
        regex = pattern.getCompiledRegExp()
        pieces: list[str] = []
        done = pos = startIndex  # data[:done] is settled (rewritten into pieces or untouched)
        matched = False
        while True:
            found = False
            for match in regex.finditer(data, pos):
                node, start, end = pattern.handleMatch(match, data)
                if start is not None and end is not None:
                    found = True
                    break
            if not found:
                break
            matched = True
            pos = end
            if node is None:
                continue
            if not isinstance(node, str) and not isinstance(node.text, util.AtomicString):
                for child in [node, *node]:  # as Python-Markdown does: the new node's own text too
                    if child.text:
                        self.ancestors.append(child.tag.lower())
                        child.text = self._InlineProcessor__handleInline(child.text, patternIndex + 1)
                        self.ancestors.pop()
                    if child.tail:
                        child.tail = self._InlineProcessor__handleInline(child.tail, patternIndex)
            pieces.append(data[done:start])
            pieces.append(self._InlineProcessor__stashNode(node, pattern.type()))
            done = end
        if not matched:
            return data, False, 0
        if not pieces:
            return data, True, pos
        rewritten = data[:startIndex] + "".join(pieces) + data[done:]
        return rewritten, True, len(rewritten) - (len(data) - pos)

    def _InlineProcessor__processPlaceholders(
        self,
        data: str,
        parent: Element,  # noqa: N802
        isText: bool = True,
    ) -> list[tuple[Element, list[str]]]:  # noqa: N803
        """Python-Markdown's, except that text between placeholders is gathered in a list and
        joined once per element, not appended to ``.text``/``.tail`` piece by piece (quadratic)."""
        result: list[tuple[Element, list[str]]] = []
        pending: list[str] = []

        def flush() -> None:
            if not pending:
                return
            text = pending[0] if len(pending) == 1 else "".join(pending)  # one piece keeps its type
            pending.clear()
            if result:
                result[-1][0].tail = result[-1][0].tail + text if result[-1][0].tail else text
            elif not isText:
                parent.tail = parent.tail + text if parent.tail else text
            else:
                parent.text = parent.text + text if parent.text else text

        prefix = util.INLINE_PLACEHOLDER_PREFIX
        start = 0
        while data:
            index = data.find(prefix, start)
            if index == -1:
                text = data[start:]
                if isinstance(data, util.AtomicString):
                    text = util.AtomicString(text)  # kept atomic, as Python-Markdown keeps it
                if text:
                    pending.append(text)
                break
            id, end = self._InlineProcessor__findPlaceholder(data, index)
            if id in self.stashed_nodes:
                node = self.stashed_nodes.get(id)
                if index > 0 and data[start:index]:
                    pending.append(data[start:index])
                if isinstance(node, str):
                    if node:
                        pending.append(node)
                    start = end
                    continue
                for child in [node, *node]:
                    if child.tail and child.tail.strip():
                        self._InlineProcessor__processElementText(node, child, False)
                    if child.text and child.text.strip():
                        self._InlineProcessor__processElementText(child, child)
                start = end
                flush()
                result.append((node, self.ancestors[:]))
            else:  # not a placeholder of ours
                stop = index + len(prefix)
                if data[start:stop]:
                    pending.append(data[start:stop])
                start = stop
        flush()
        return result


class LinearLinksExtension(Extension):  # type: ignore[misc]
    """Registers the linear processors under Python-Markdown's own names and priorities."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        md.treeprocessors.register(_BatchingInline(md), "inline", 20)
        md.inlinePatterns.register(_Backtick(BACKTICK_RE), "backtick", 190)
        if "footnote" in md.inlinePatterns:
            old = md.inlinePatterns["footnote"]
            md.inlinePatterns.register(_Footnote(old.pattern, old.footnotes), "footnote", 175)
        md.inlinePatterns.register(_Reference(REFERENCE_RE, md), "reference", 170)
        md.inlinePatterns.register(_Link(LINK_RE, md), "link", 160)
        md.inlinePatterns.register(_Image(IMAGE_LINK_RE, md), "image_link", 150)
        md.inlinePatterns.register(_ImageReference(IMAGE_REFERENCE_RE, md), "image_reference", 140)
        md.inlinePatterns.register(_ShortReference(REFERENCE_RE, md), "short_reference", 130)
        md.inlinePatterns.register(_ShortImageReference(IMAGE_REFERENCE_RE, md), "short_image_ref", 125)
