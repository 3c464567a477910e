"""The ``md`` format: CommonMark that also reads well as plain text.

Everything from an article or a person is escaped, so a title like ``[x](javascript:…)`` or
``<script>`` stays literal text. Notes are Markdown by design and keep their formatting, but
raw HTML and links to anything other than http(s)/mailto are neutralised, and images become
plain links, so whoever renders the file fetches nothing. Which facts are shown
about the report, each article, claim and piece of evidence comes from ``facts``. Pure.
"""

from __future__ import annotations

import functools
import re

from ..domain import Evidence
from ..markdown_render import safe_url
from .common import without_controls
from .facts import (
    STRONG,
    URL,
    Fact,
    agreement_rows,
    article_facts,
    claim_facts,
    cover_facts,
    evidence_facts,
    verdict_tally,
)
from .model import Report, ReportArticle, ReportClaim, VerdictCount

# Characters that start inline constructs anywhere in a line (backslash escapes both CommonMark
# and Python-Markdown honour). "<" becomes an entity instead: it opens raw HTML and autolinks,
# and "&lt;" is the one spelling every Markdown dialect shows as "<". "{" opens attribute lists
# ("{: onclick=…}") in Python-Markdown's "extra", which someone may read the report with.
_INLINE = re.compile(r"([\\`*_\[\]!{}])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
# Constructs that only count at the start of a line: headings, quotes, lists.
_LINE_START = re.compile(r"^(\s*)(#|>|[-+]|\d+(?=[.)]))")


def md_escape(text: str | None) -> str:
    """Inline text, on one line, with every Markdown special character made literal. Any line
    break (CR, LF, NEL, U+2028, U+2029…) becomes a space, so the text cannot start a block."""
    if not text:
        return ""
    text = without_controls(" ".join(text.split()))  # NUL, STX… as U+FFFD, as CommonMark shows NUL
    text = _ENTITY.sub("&amp;", text).replace("<", "&lt;")
    text = _INLINE.sub(r"\\\1", text)
    return _LINE_START.sub(lambda m: m[1] + (m[2] + "\\" if m[2][0].isdigit() else "\\" + m[2]), text)


_LINK_DEST = re.compile(r"\]\(\s*<?([^)\s>]*)")
# A reference definition may sit inside block quotes and list items ("> [x]: url", "- [x]: url").
_REF_DEF = re.compile(r"^((?:\s*(?:>|[-*+]|\d+[.)]))*\s*)\[([^\]]*)\]:\s*<?(\S*?)>?(\s|$)", re.MULTILINE)
# "![" opens an image (inline "![a](u)", reference "![a][r]", "![a][]" or "![a]") unless its "!"
# is escaped, i.e. follows an odd run of backslashes.
_IMAGE = re.compile(r"(?<!\\)((?:\\\\)*)!(?=\[)")


def md_note(note: str) -> str:
    """A reviewer's Markdown note, kept as Markdown but unable to inject HTML or unsafe links."""
    note = note.replace("\r\n", "\n").replace("\r", "\n").strip("\n").rstrip()
    note = _ENTITY.sub("&amp;", note).replace("<", "&lt;")  # no raw HTML, no autolinks
    # An image is fetched by whoever renders the report: escaping its "!" leaves a link to it,
    # the alt text as the link's text.
    note = _IMAGE.sub(r"\1\\!", note)

    def link(match: re.Match[str]) -> str:
        return str(match[0]) if safe_url(match[1]) else "\\]\\(" + match[0][2:]

    note = _LINK_DEST.sub(link, note)

    def ref(match: re.Match[str]) -> str:
        return str(match[0]) if safe_url(match[3]) else match[1] + "\\[" + match[0][len(match[1]) + 1 :]

    return _REF_DEF.sub(ref, note)


# Inside an autolink Python-Markdown still reads code spans, backslash escapes and links first
# ("<https://x/[a](javascript:y)>" holds a javascript: link), so their characters are
# percent-encoded, as browsers do with "<", ">", "`", "{" and "}" in a path anyway.
_AUTOLINK_ENCODE = str.maketrans({c: f"%{ord(c):02X}" for c in '<>[]`\\{}"'})
# An IPv6 host keeps its brackets; one can only be followed by a port, path, query or fragment.
# Only the brackets are spared: the userinfo before them is encoded like the rest of the link.
_IPV6_HOST = re.compile(r"(?i)(https?://[^/?#\[\]]*)(\[[0-9a-f:.]+\])(?=[:/?#]|$)")


def _url(fact: Fact) -> str:
    # Autolinks only for http(s): other schemes are not autolinks in every Markdown dialect.
    # safe_url again where the link is made, whoever built the fact: it refuses any control
    # character and "<" or ">", which could end the autolink and start a block or a tag.
    link = safe_url(fact.href)
    if link and link.lower().startswith(("http://", "https://")):
        host = _IPV6_HOST.match(link)
        if host:
            head = host[1].translate(_AUTOLINK_ENCODE) + host[2]
            return f"<{head}{link[host.end() :].translate(_AUTOLINK_ENCODE)}>"
        return f"<{link.translate(_AUTOLINK_ENCODE)}>"
    return md_escape(fact.value)


def md_value(fact: Fact) -> str:
    """A fact's value as inline Markdown, escaped."""
    if fact.kind == URL:
        return _url(fact)
    if fact.kind == STRONG:
        return f"**{md_escape(fact.value)}**"
    return md_escape(fact.value)


# Labels are a handful of constants, escaped tens of thousands of times in a long report.
_label = functools.lru_cache(maxsize=64)(md_escape)


def _fact_list(facts: list[Fact]) -> list[str]:
    return [f"- {_label(f.label)}: {md_value(f)}" for f in facts]


def _counts(counts: tuple[VerdictCount, ...]) -> list[str]:
    return [f"- {md_escape(c.label)}: {c.count}" for c in counts]


def _quote(text: str) -> list[str]:
    return [f"> {line}" if line else ">" for line in text.split("\n")]


def render_markdown_report(report: Report) -> str:
    out: list[str] = [f"# {md_escape(report.title)}", ""]
    cover = cover_facts(report)
    # A trailing backslash is a hard line break: the cover reads as one block of lines.
    out += [f"**{_label(f.label)}:** {md_value(f)}" + ("\\" if i < len(cover) - 1 else "") for i, f in enumerate(cover)]
    out.append("")
    if report.is_empty:
        out += ["**Nothing to report:** no claims match this selection and these filters.", ""]

    out += [
        "## Summary",
        "",
        f"Verdicts across {report.total_claims} claim{'s' if report.total_claims != 1 else ''}:",
        "",
        *_counts(report.counts),
        "",
    ]
    if len(report.articles) > 1:
        out += ["Per article:", ""]
        out += [f"- {md_escape(ra.article.title)}: {md_escape(verdict_tally(ra.counts))}" for ra in report.articles]
        out.append("")
    out += _agreement(report)

    for n, ra in enumerate(report.articles, 1):
        out += _article(n, ra)
    return "\n".join(out).rstrip("\n") + "\n"


def _agreement(report: Report) -> list[str]:
    """The agreement section: a table of the figures per article (only with colleagues' reviews)."""
    rows = agreement_rows(report)
    if not rows:
        return []
    # Titles and names are escaped (a pipe too: it would end the cell); the figures are our own text.
    cells = [[md_escape(cell).replace("|", "\\|") if i < 2 else cell for i, cell in enumerate(row)] for row in rows]
    out = [
        "## Agreement between reviewers",
        "",
        "Over the claims two or more reviewers gave verdicts to; undefined where every verdict is the "
        "same or nothing is shared.",
        "",
        "| " + " | ".join(cells[0]) + " |",
        "|" + "---|" * len(cells[0]),
    ]
    out += ["| " + " | ".join(row) + " |" for row in cells[1:]]
    return out + [""]


def _article(n: int, ra: ReportArticle) -> list[str]:
    out = [f"## {n}. {md_escape(ra.article.title)}", "", *_fact_list(article_facts(ra)), ""]
    if not ra.claims:
        return out + ["No claims in this article match the report's filters.", ""]
    for m, rc in enumerate(ra.claims, 1):
        out += _claim(n, m, rc)
    return out


def _claim(n: int, m: int, rc: ReportClaim) -> list[str]:
    c = rc.claim
    out = [f"### Claim {n}.{m}: {md_escape(rc.verdict_label)}", ""]
    # md_escape trims its text: keep the space the article had between the claim and the words around it
    before = md_escape(rc.before) + (" " if rc.before[-1:].isspace() and rc.before.strip() else "")
    after = (" " if rc.after[:1].isspace() and rc.after.strip() else "") + md_escape(rc.after)
    sentence = f"{before}**{md_escape(c.text)}**{after}"
    out += _quote(sentence) + [""]
    out += _fact_list(claim_facts(rc)) + [""]
    if c.note.strip():
        out += ["**Note:**", "", md_note(c.note), ""]
    if rc.evidence:
        out += ["**Evidence:**", ""]
        for e in rc.evidence:
            out += _evidence(e)
        out.append("")
    return out


def _evidence(e: Evidence) -> list[str]:
    ev = evidence_facts(e)
    line = f"- {md_value(ev.title)}"
    if ev.url:
        line += f": {md_value(ev.url)}"
    if ev.details:
        line += f" ({'; '.join(f'{_label(f.label)} {md_value(f)}' for f in ev.details)})"
    if not ev.quote:
        return [line]
    return [line, "", *("  " + q for q in _quote(md_escape(ev.quote.value)))]
