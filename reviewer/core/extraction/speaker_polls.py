"""Polls and surveys as the source of a figure (news guidelines, "speaker"; the news labels' ruling:
polls named as the source of a figure are the speaker).

"In a New York Times/CBS News survey released last Thursday, 79 percent of Democrats said …",
"Some 55 percent of voters said …, according to a Quinnipiac poll", "Thirty percent said …" after
"a poll by Latino Decisions", "…, the poll found": the share of respondents is not a party; the poll
named in the sentence is, else the poll the article named last. `PollMemory` belongs to one
speakers.Attributor (one article, one thread). Spans are article offsets, as in Attribution.
"""

from __future__ import annotations

import re

from .speaker_patterns import Attribution

_NAME = r"[A-Z][\w.&'’/\-]*"
_FIRST = r"(?!(?:The|A|An|In|But|And|According|On|At|For|By|Its|Their|This|That|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Yesterday)\b(?![/&\-]))[A-Z][\w.&'’/\-]*"
_LOWER = r"(?!(?:in|the|of|a|an|to|for|and|by|on|at|with|from|that|this|its|their)\b)[a-z\-]+"
# "New York Times/CBS News survey", "Quinnipiac University poll", "CNN/ORC poll", "a poll by Latino Decisions".
_NAMED_POLL = re.compile(
    rf"(?<![\w'’])((?:{_FIRST}\s+)*{_FIRST}(?:\s+{_LOWER}){{0,3}}?\s+(?:[Pp]oll|[Ss]urvey))\b(?!\s+(?:by|of|from|for)\s+[A-Z])"
    rf"|\b(?:poll|survey)s?\b[^.;,:\"“”()]{{0,80}}?\s(?:by|from)\s+"
    rf"(?:the\s+)?((?:{_NAME}\s+(?:(?:of|for|and|the)\s+)*)*{_NAME})"
)
# A description of the respondents, not a party: "79 percent of Democrats", "Two in three", "respondents".
_RESPONDENTS = re.compile(
    r"(?:(?:another|some|about|almost|nearly|roughly|only|just|more\s+than|less\s+than|fewer\s+than|over|under|but|and)\s+)*"
    r"(?:\d[\d.,]*\s*(?:%|percent|per\s+cent)|(?:[a-z]+[\s\-])?[a-z]+\s+(?:percent|per\s+cent)|"
    r"(?:one|two|three|four|five|six|seven|eight|nine|\d+)[\s\-]+(?:in|out\s+of)[\s\-]+"
    r"(?:two|three|four|five|six|seven|eight|nine|ten|\d+)|half|a\s+third|a\s+quarter|a\s+majority|"
    r"respondents|those\s+(?:surveyed|polled|asked|questioned))\b",
    re.IGNORECASE,
)
_SHARE_OF = re.compile(r"(?:percent|%|half|third|quarter|majority|most|many)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
# "the poll", "the new survey", "polls": the poll itself, named elsewhere.
_POLL_WORDS = re.compile(
    r"(?:the|this|that|a|its|their)?\s*(?:(?:new|latest|recent|same|national|nationwide|statewide|)\s*)*"
    r"(?:poll|survey|polls|surveys)$",
    re.IGNORECASE,
)
_POLL_FOUND = re.compile(
    r"\b((?:the|this|that|its|their)\s+(?:[a-z\-]+\s+)?(?:poll|survey))\s+(?:also\s+)?(?:found|finds|showed|shows|suggests|"
    r"suggested|indicates|indicated)\b",
    re.IGNORECASE,
)
# "In a Des Moines Register poll last month, Mr. Cruz had a 10 percentage-point lead": the poll's figure.
_POLL_OPENER = re.compile(
    r"\W*(?:But\s+|And\s+)?(?:In|According\s+to)\s+(?:a|an|the|this|its)\s+[^,]{0,120}?\b(?:poll|survey)\b"
)


_POLL_WORD = re.compile(r"\b(?:[Pp]oll|[Ss]urvey)s?\b")
# How far from the word "poll" its name is looked for: a search over the whole sentence retried every
# word of a long capitalised run (quadratic on hostile text); a pollster's name is far shorter.
_POLL_REACH = 200


def _named_poll(sentence: str) -> tuple[re.Match[str], int] | None:
    """The first named poll (_NAMED_POLL) near a "poll" or "survey" of the sentence, and the offset in
    the sentence of the window it was found in."""
    for word in _POLL_WORD.finditer(sentence):
        if word.group()[0].isupper() and _title_case(sentence):
            continue  # "Clinton’s Poll Numbers Jump": a headline's capitals, not a poll's name
        start = max(0, word.start() - _POLL_REACH)
        if start and not sentence[start - 1].isspace():  # begin at a word, not inside one
            space = sentence.find(" ", start, word.start())
            start = word.start() if space < 0 else space + 1
        found = _NAMED_POLL.search(sentence[start : word.end() + _POLL_REACH])
        if found:
            return found, start
    return None


def _title_case(sentence: str) -> bool:
    """Whether most words of the sentence are capitalised, as in a headline."""
    words = sentence.split()
    return sum(1 for w in words if w[:1].isupper()) * 2 > len(words)


# A sentence that opens with a share of respondents and has no cue of its own ("Forty six percent were certain
# they would support Sanders", "Among men, 57 percent see Trump negatively"), or gives a figure "in the poll".
_SHARE_OPENS = re.compile(r"\W*(?:(?:And|But|Still|Meanwhile|Among\s[^,\-–—]{1,40}?(?:,|\s[-–—])),?\s+)?(?=\S)")
_FIGURE = re.compile(r"(?:\d\s*|\b[A-Za-z]+[\s\-])(?:%|percent\b|per\s+cent\b|percentage\s+points?\b)")
_IN_THE_POLL = re.compile(
    r"\b(?:[Ii]n|[Bb]y)\s+(?:the|this|that|[A-Z][a-z]+day['’]s)\s+(?:new\s+|latest\s+)?(?:poll|survey)\b"
)
_QUOTES = re.compile(r"[\"“”]|''")  # a quotation has a speaker of its own, found after the poll's turn
# How many sentences after a poll spoke or was named its figures may run on without a cue.
_RUN_ON = 3


class PollMemory:
    """The polls an article names, and the speaker of the figures they give."""

    def __init__(self) -> None:
        self._last: str | None = None
        self._since = _RUN_ON + 1  # sentences since the last poll was named or spoke

    def attribute(self, sentence: str, offset: int, found: Attribution | None) -> Attribution | None:
        """``found`` (the rules' speaker of the sentence at article offset ``offset``), or the poll
        when ``found`` is a share of respondents or the word "poll", or none was found in a
        sentence that opens with a poll. Remembers the poll the sentence names."""
        mentions_poll = "poll" in sentence or "survey" in sentence or "Poll" in sentence or "Survey" in sentence
        named = _named_poll(sentence) if mentions_poll else None  # the cheap test first: most have none
        group = (1 if named[0].group(1) else 2) if named else 0
        poll = named[0].group(group) if named else None
        span = (offset + named[1] + named[0].start(group), offset + named[1] + named[0].end(group)) if named else None
        if poll and span and poll.endswith(".") and "." not in poll.split()[-1][:-1]:
            poll, span = poll[:-1], (span[0], span[1] - 1)  # "by Harbour Research." ends the sentence
        last, self._last = self._last, poll or self._last
        self._since = 0 if poll else self._since + 1
        out = self._attribute(sentence, offset, found, poll, span, last, mentions_poll)
        if out is not None and out.speaker is not None and out.speaker == (poll or last):
            self._since = 0
        return out

    def _attribute(
        self,
        sentence: str,
        offset: int,
        found: Attribution | None,
        poll: str | None,
        span: tuple[int, int] | None,
        last: str | None,
        mentions_poll: bool,
    ) -> Attribution | None:
        if found is None or found.speaker is None:
            if poll and span and _POLL_OPENER.match(sentence):
                return Attribution(poll, span[0], span[1])
            verb = _POLL_FOUND.search(sentence) if mentions_poll else None  # "…, the poll found."
            if verb and (poll or last):
                return Attribution(poll or last, offset + verb.start(1), offset + verb.end(1))
            if (
                last
                and not poll
                and self._since <= _RUN_ON
                and _FIGURE.search(sentence)
                and not _QUOTES.search(sentence)
            ):
                opens = _SHARE_OPENS.match(sentence)
                share = _RESPONDENTS.match(sentence, opens.end()) if opens else None
                if share:  # "Forty six percent were certain …" after the poll's figures
                    return Attribution(last, offset + share.start(), offset + share.end())
                in_poll = _IN_THE_POLL.search(sentence) if mentions_poll else None
                if in_poll:  # "…, before slipping back to 39 percent in Monday's poll"
                    return Attribution(last, offset + in_poll.start(), offset + in_poll.end())
            return found
        if found.start is None or found.end is None:
            return found
        mention = sentence[found.start - offset : found.end - offset]
        at = found.start - offset
        if _RESPONDENTS.match(sentence, at) or _SHARE_OF.search(sentence, max(0, at - 40), at):
            if poll and span:
                return Attribution(poll, span[0], span[1], found.quoted)
            if last:
                return Attribution(last, found.start, found.end, found.quoted)
            return found
        if _POLL_WORDS.match(mention.strip()):
            if poll and span and not (span[0] <= found.start < span[1]):
                return Attribution(poll, span[0], span[1], found.quoted)
            if last and mention.strip().lower().split()[-1] in ("poll", "survey") and not poll:
                return Attribution(last, found.start, found.end, found.quoted)
        if poll and span and found.end == span[1] and found.start != span[0]:
            # "Times Daybreak tracking poll" (cut inside the name), "latest Reuters/Ipsos opinion poll" (a word before
            # it): the poll's whole name and no more
            between = sentence[min(found.start, span[0]) - offset : max(found.start, span[0]) - offset]
            words = [w for w in between.split() if w.lower() not in ("the", "a", "an")]
            if found.start > span[0] or (words and all(w.islower() for w in words)):
                return Attribution(poll, span[0], span[1], found.quoted)
        return found
