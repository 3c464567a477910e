"""Speakers given by layout rather than by a verb: a credit line after a quotation, and a headline's
"Name: words" source.

- '“He represents our greatest shame.” ― Sonya Herridge' and '"…top 1 percent."' followed by a block
  '- Bernie Sanders.': a reader-voices roundup, a pull quote, a fact-check's quoted claim. The name after
  the dash spoke the whole quotation, whatever the quotation itself names ("Trump said Hispanics…").
- 'Pence: Gennifer Flowers Won’t Be at Debate' as an article's first line: the party before the colon.

Pure functions over the article text; spans are article offsets, as in Attribution.
"""

from __future__ import annotations

import re

_SPACE = r"[ \t\u00a0]"
_TRAILING = r"[ \t\u00a0.]*"  # spaces and a full stop after a credit
_NAME_WORD = r"[A-ZÀ-Þ][\w.'’\-]*"
_NAME = rf"{_NAME_WORD}(?:{_SPACE}+{_NAME_WORD}){{0,4}}"
# After a quotation closes: a dash, a name, maybe ", tweeting after Clinton's speech", and the line's end.
# The credit may stand on the quotation's line or open the next block.
_CREDIT = re.compile(rf"{_SPACE}*(?:\n\s*)?[―—–-]{_SPACE}*({_NAME})(?:,[^\n]{{0,120}})?{_TRAILING}(?=\n|$)")
_CLOSERS = {"“": "”", "”": "”", '"': '"', "''": "''", "``": "''"}
_OPENING = re.compile(r"\s*(“|\"|''|``|”(?=\w))")  # '”Mr. Trump …”': a closing mark typed as the opening one
_INITIAL_END = re.compile(r"(?:\b[A-Z]|Jr|Sr)\.$")
_BLOCK_END = re.compile(r"\n[ \t\r\f\v]*\n")
# How far a quotation is followed to its closing mark: a few paragraphs' worth, so that a long paragraph of
# quotations costs each one a bounded search, not the rest of the paragraph.
_QUOTATION_REACH = 5000
# A credit after a closing quotation on the same line: no sentence ends before it, and one ends after it.
SAME_LINE_CREDIT = re.compile(rf"{_SPACE}*[―—–]{_SPACE}*{_NAME}(?:,[^\n]{{0,120}})?{_TRAILING}(?=\n|$)")
CREDIT_LINE_END = re.compile(rf"[”\"]{_SPACE}*[―—–]{_SPACE}*{_NAME}(?:,[^\n]{{0,120}})?{_TRAILING}$")
# A credit standing alone, which is no claim of its own: "- Bernie Sanders.", "― Jacklyn Ashley".
CREDIT_ONLY = re.compile(rf"\s*[―—–-]{_SPACE}*{_NAME}(?:,[^\n]{{0,120}})?{_TRAILING}$")

# A headline's source: one to five capitalised words, maybe what they spoke on or to, and a colon, then the
# headline's words: "Pence: Gennifer Flowers Won’t Be at Debate", "Clinton to Planned Parenthood: Trump will…".
_HEADLINE_WORD = r"(?!(?:On|To|At|In|For|About|With|Of)\b)[A-Z][\w.'’\-]*"
# ... with a lower-case word for who around the name: "Clinton camp: Trump's Islamophobia threatens security".
_PARTY_NOUN = (
    r"(?:camp|campaign|aides?|officials?|sources?|allies|advis[eo]rs?|spokes(?:man|woman|person)|lawyers?|"
    r"supporters|critics|experts|analysts|poll|survey|study)"
)
_HEADLINE_SOURCE = re.compile(
    rf"\s*({_HEADLINE_WORD}(?:{_SPACE}+{_HEADLINE_WORD}){{0,4}}(?:{_SPACE}+{_PARTY_NOUN})?)"
    rf"(?:{_SPACE}+(?:on|to|On|To){_SPACE}+[^:\n]{{1,80}})?:{_SPACE}+[\"“‘'A-Z0-9]"
)
# Headline labels that name a genre, a section or a shout, not a party ("The Latest:", "BOOM:", "Revealed:").
NOT_SOURCES = frozenset(
    """
update updated breaking exclusive watch video photos photo live analysis opinion commentary editorial
review interview report explainer factbox correction note read related listen podcast byline boom busted
wow look revealed bombshell leaked confirmed just in fix is in paid notice contributing reporting editing
pledged superdelegates delegates total source sources credit credits learn gallery map chart graphic figure table
proof part chapter section step tip coordinates
""".split()
)


def _not_a_source(name: str) -> bool:
    words = name.lower().replace("’", "'").split()
    return (
        words[0] in NOT_SOURCES
        or words[-1] in NOT_SOURCES | {"email", "newsletter", "digest", "roundup"}
        or words[0] in ("the", "a", "an")  # "The Latest:", "A Curious Plan to Fight Climate Change:": a title
        or any(w.endswith("'s") for w in words)  # "Monday’s Morning Email"
    )


def credit_after_quotation(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the name credited with the quotation that opens text[start:end], or None.

    The quotation must close within its paragraph (after ``end`` when it runs over several sentences)
    and the credit must follow its closing mark directly."""
    opening = _OPENING.match(text, start, end)
    if not opening:
        return None
    reach = min(len(text), opening.end() + _QUOTATION_REACH)
    block_end = _BLOCK_END.search(text, opening.end(), reach)
    limit = block_end.start() if block_end else reach
    closer = _CLOSERS[opening.group(1)]
    close = text.find(closer, opening.end(), limit)
    # '“I'm sick,” he said' has no credit after its closing mark; '“…shame.” ― Sonya Herridge' has.
    credit = _CREDIT.match(text, close + len(closer)) if close >= 0 else None
    if not credit:
        return None
    name_start, name_end = credit.span(1)
    if text[name_end - 1] == "." and not _INITIAL_END.search(text, name_start, name_end):
        name_end -= 1  # "- Bernie Sanders.": the full stop ends the line, not the name
    return name_start, name_end


_TALLY = re.compile(r"[\d,.%]+\s*")


def headline_source(sentence: str) -> tuple[int, int] | None:
    """The span (sentence offsets) of "Pence" in a headline 'Pence: Gennifer Flowers Won’t Be at Debate'. Not a
    tally ("Hillary Clinton: 1,769.")."""
    match = _HEADLINE_SOURCE.match(sentence)
    if not match or _not_a_source(match.group(1)) or _TALLY.fullmatch(sentence, match.end() - 1):
        return None
    return match.span(1)
