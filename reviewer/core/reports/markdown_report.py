"""The ``md`` format: CommonMark that also reads well as plain text.

Everything from an article or a person is escaped, so a title like ``[x](javascript:…)`` or
``<script>`` stays literal text. Notes are Markdown by design and keep their formatting, but
raw HTML and links to anything other than http(s)/mailto are neutralised. Pure.
"""

from __future__ import annotations

import re

from ..markdown_render import safe_url
from .common import STATUS_LABELS, confidence_label, format_timestamp, kind_label
from .model import Report, ReportArticle, ReportClaim, VerdictCount

# Characters that start inline constructs anywhere in a line (backslash escapes both CommonMark
# and Python-Markdown honour). "<" becomes an entity instead: it opens raw HTML and autolinks,
# and "&lt;" is the one spelling every Markdown dialect shows as "<".
_INLINE = re.compile(r"([\\`*_\[\]!])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
# Constructs that only count at the start of a line: headings, quotes, lists.
_LINE_START = re.compile(r"^(\s*)(#|>|[-+]|\d+(?=[.)]))")


def md_escape(text: str | None) -> str:
    """Inline text, on one line, with every Markdown special character made literal."""
    if not text:
        return ""
    text = " ".join(text.split())
    text = _ENTITY.sub("&amp;", text).replace("<", "&lt;")
    text = _INLINE.sub(r"\\\1", text)
    return _LINE_START.sub(lambda m: m[1] + (m[2] + "\\" if m[2][0].isdigit() else "\\" + m[2]), text)


_LINK_DEST = re.compile(r"\]\(\s*<?([^)\s>]*)")
# A reference definition may sit inside block quotes and list items ("> [x]: url", "- [x]: url").
_REF_DEF = re.compile(r"^((?:\s*(?:>|[-*+]|\d+[.)]))*\s*)\[([^\]]*)\]:\s*<?(\S*?)>?(\s|$)", re.MULTILINE)


def md_note(note: str) -> str:
    """A reviewer's Markdown note, kept as Markdown but unable to inject HTML or unsafe links."""
    note = note.replace("\r\n", "\n").replace("\r", "\n").strip("\n").rstrip()
    note = _ENTITY.sub("&amp;", note).replace("<", "&lt;")  # no raw HTML, no autolinks

    def link(match: re.Match) -> str:
        return match[0] if safe_url(match[1]) else "\\]\\(" + match[0][2:]

    note = _LINK_DEST.sub(link, note)

    def ref(match: re.Match) -> str:
        return match[0] if safe_url(match[3]) else match[1] + "\\[" + match[0][len(match[1]) + 1 :]

    return _REF_DEF.sub(ref, note)


def _url(url: str | None) -> str:
    safe = safe_url(url)
    if safe and safe.lower().startswith(("http://", "https://")):
        return f"<{safe.replace('<', '%3C').replace('>', '%3E').replace(' ', '%20')}>"
    return md_escape(url)


def _counts(counts: tuple[VerdictCount, ...]) -> list[str]:
    return [f"- {md_escape(c.label)}: {c.count}" for c in counts]


def _quote(text: str) -> list[str]:
    return [f"> {line}" if line else ">" for line in text.split("\n")]


def render_markdown_report(report: Report) -> str:
    out: list[str] = [f"# {md_escape(report.title)}", ""]
    cover = [
        ("Organisation", md_escape(report.organisation) or "—"),
        ("Reviewers", ", ".join(md_escape(r) for r in report.reviewers) or "—"),
        ("Review dates", md_escape(report.period_label)),
        ("Articles", str(len(report.articles))),
        ("Claims", f"{report.total_claims} ({report.reviewed_claims} reviewed)"),
        ("Filters", md_escape("; ".join(report.filters))),
        ("Generated", f"{md_escape(format_timestamp(report.generated_at))} by Reviewer {report.app_version}"),
    ]
    for i, (label, value) in enumerate(cover):
        out.append(f"**{label}:** {value}" + ("\\" if i < len(cover) - 1 else ""))
    out.append("")
    if report.is_empty:
        out += ["**Nothing to report:** no claims match this selection and these filters.", ""]

    out += ["## Summary", "", f"Verdicts across {report.total_claims} claims:", "", *_counts(report.counts), ""]
    if len(report.articles) > 1:
        out += ["Per article:", ""]
        for ra in report.articles:
            found = ", ".join(f"{md_escape(c.label)} {c.count}" for c in ra.counts if c.count) or "no claims"
            out.append(f"- {md_escape(ra.article.title)}: {found}")
        out.append("")

    for n, ra in enumerate(report.articles, 1):
        out += _article(n, ra)
    return "\n".join(out).rstrip("\n") + "\n"


def _article(n: int, ra: ReportArticle) -> list[str]:
    a = ra.article
    out = [f"## {n}. {md_escape(a.title)}", ""]
    meta = [
        ("Source", md_escape(a.source)),
        ("URL", _url(a.url) if a.url else ""),
        ("Author", md_escape(a.author)),
        ("Published", md_escape(a.published)),
        ("Status", STATUS_LABELS.get(a.status, md_escape(a.status))),
    ]
    out += [f"- {label}: {value}" for label, value in meta if value]
    out.append("")
    if not ra.claims:
        return out + ["No claims in this article match the report's filters.", ""]
    for m, rc in enumerate(ra.claims, 1):
        out += _claim(n, m, rc)
    return out


def _claim(n: int, m: int, rc: ReportClaim) -> list[str]:
    c = rc.claim
    review = c.review
    out = [f"### Claim {n}.{m}: {md_escape(rc.verdict_label)}", ""]
    sentence = f"{md_escape(rc.before)}**{md_escape(c.text)}**{md_escape(rc.after)}"
    out += _quote(sentence) + [""]
    facts = [
        ("Verdict", f"**{md_escape(rc.verdict_label)}**"),
        ("Confidence", confidence_label(review.confidence if review else None)),
        ("Speaker", md_escape(c.speaker) or "the article"),
        ("Kind", md_escape(kind_label(c.kind))),
    ]
    if rc.reviewed and review is not None:
        facts.append(("Reviewed by", f"{md_escape(review.reviewer or 'unknown')}, "
                                     f"{md_escape(format_timestamp(review.updated_at))}"))
    out += [f"- {label}: {value}" for label, value in facts if value]
    out.append("")
    if c.note.strip():
        out += ["**Note:**", "", md_note(c.note), ""]
    if rc.evidence:
        out += ["**Evidence:**", ""]
        for e in rc.evidence:
            head = md_escape(e.title) or (_url(e.url) if e.url else "") or "Evidence"
            line = f"- {head}"
            if e.title and e.url:
                line += f": {_url(e.url)}"
            if e.accessed:
                line += f" (accessed {md_escape(e.accessed)})"
            if e.file_name or e.original_name:
                line += f"; attached file {md_escape(e.original_name or e.file_name)}"
            out.append(line)
            if e.quote:
                out += ["", *("  " + q for q in _quote(md_escape(e.quote)))]
        out.append("")
    return out
