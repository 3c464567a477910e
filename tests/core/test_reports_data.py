"""Shared test data for the report tests (no tests here): articles, claims, reviews and evidence via the store."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from reviewer.core.domain import Block, ClaimDraft


@dataclass
class Doc:
    title: str
    text: str
    site: str | None = None
    url: str | None = None
    author: str | None = None
    published: str | None = None
    original_format: str = "txt"
    source_path: str | None = None
    language: str | None = "en"
    blocks: tuple = field(default=())

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode()).hexdigest()


def paragraphs(*paras: str) -> tuple[str, tuple[Block, ...]]:
    text, blocks, pos = "", [], 0
    for i, p in enumerate(paras):
        if i:
            text += "\n\n"
            pos += 2
        blocks.append(Block(pos, pos + len(p), "paragraph"))
        text += p
        pos += len(p)
    return text, tuple(blocks)


def add_article(store, title, paras, claims, **meta):
    """Add an article; ``claims`` are (sentence substring, speaker, kind) tuples."""
    text, blocks = paragraphs(*paras)
    drafts = []
    for needle, speaker, kind in claims:
        start = text.index(needle)
        drafts.append(ClaimDraft(start, start + len(needle), 0.9, True, speaker, None, None, kind))
    return store.add_article(Doc(title=title, text=text, blocks=blocks, **meta), drafts)


def sample_library(store):
    """Two articles, four claims: three reviewed (one with evidence), one unreviewed."""
    a1 = add_article(
        store,
        "Budget row: what the minister said",
        [
            "The minister spoke on Monday. Unemployment fell to 4.2% last year, she said, citing official data.",
            'Critics disagreed. "Rents doubled since 2015," said Ana Ruiz of the tenants\' union.',
        ],
        [
            ("Unemployment fell to 4.2% last year", "Maria Lopez", "statistic"),
            ("Rents doubled since 2015", "Ana Ruiz", "quote"),
        ],
        site="Daily Ledger",
        url="https://ledger.example/budget",
        author="J. Smith",
        published="2024-03-04",
    )
    a2 = add_article(
        store,
        "Harbour plan",
        ["The harbour will create 3,000 jobs by 2030. Officials expect more tourism."],
        [
            ("The harbour will create 3,000 jobs by 2030", None, "prediction"),
            ("Officials expect more tourism", None, "other"),
        ],
        site="Coast News",
        url=None,
        published="2024-04-01",
    )
    c = {cl.text: cl.id for a in (a1, a2) for cl in store.claims_for_article(a.id)}
    store.set_review(
        c["Unemployment fell to 4.2% last year"],
        verdict="supported",
        confidence=85,
        note="Matches the **statistics office** release.\n\nSee [table 3](https://stats.example/t3).",
        who="alice",
    )
    store.set_review(
        c["Rents doubled since 2015"], verdict="misleading", confidence=60, note="Rents rose 80%, not 100%.", who="bob"
    )
    store.set_review(c["The harbour will create 3,000 jobs by 2030"], verdict="unverifiable", who="alice")
    store.add_evidence(
        c["Unemployment fell to 4.2% last year"],
        url="https://stats.example/t3",
        title="Labour force survey, table 3",
        quote="The rate was 4.2% in the fourth quarter.",
        accessed="2024-03-05",
    )
    store.add_evidence(c["Rents doubled since 2015"], url="https://rents.example/index", title="Rent index 2024")
    return a1, a2, c


HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)>"


def hostile_library(store):
    """An article whose every field tries to inject script, links or to break out of JSON-LD."""
    claim_text = (
        "Crime rose 50% </script><script>alert('x')</script> <img src=x onerror=alert(3)> [c](javascript:alert(4))"
    )
    a = add_article(
        store,
        f"Title {HOSTILE} [t](javascript:alert(5))",
        [f"Intro. {claim_text} after."],
        [(claim_text, "<b onmouseover=alert(6)>Evil</b>", "statistic")],
        site="<iframe src=//evil.example>",
        url="javascript:alert(7)",
        author='=HYPERLINK("http://evil")',
        published="2024-01-01",
    )
    claim = store.claims_for_article(a.id)[0]
    store.set_review(
        claim.id,
        verdict="disputed",
        confidence=90,
        note='<script>alert(8)</script> <a href="javascript:alert(9)" onclick="x()">link</a> '
        "[md](javascript:alert(10)) <img src=http://tracker.example/p.gif onerror=alert(11)>",
        who="<svg onload=alert(12)>",
    )
    store.add_evidence(
        claim.id,
        url="javascript:alert(13)",
        title="<script>alert(14)</script>",
        quote="</script><script>alert(15)</script>",
        accessed="2024-01-02",
    )
    store.add_evidence(claim.id, url="https://ok.example/?q='x'&r=%3Cscript%3E", title='Fine " onmouseover="alert(16)')
    return a, claim


# Characters that end a line somewhere (Markdown, HTML, CSV, JavaScript, str.splitlines) or that
# a person cannot see: a single-line value holding one must stay on its line in every format.
LINE_BREAKERS = ("\n", "\r\n", "\r", "\t", "\x00", "\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x02")


def broken_line(sep: str, what: str) -> str:
    """A value that tries to start a heading and a javascript: link on lines of its own."""
    return f"{what}{sep}# Injected {what}{sep}[{what}](javascript:alert(1))"


def line_breaking_library(store, seps=LINE_BREAKERS):
    """One article whose single-line values (title, source, URL, author, speaker, reviewer,
    evidence titles and URLs) hold line breaks and control characters. Evidence URLs with
    characters the store now refuses are written as an older library may hold them."""
    mixed = "".join(seps)
    a = add_article(
        store,
        broken_line(mixed, "Title"),
        ["Intro. Crime rose 50% in 2020. After."],
        [("Crime rose 50% in 2020.", broken_line(mixed, "Speaker"), "statistic")],
        site=broken_line(mixed, "Site"),
        url=broken_line(mixed, "https://a.example/x"),
        author=broken_line(mixed, "Author"),
        published="2024-01-01",
    )
    claim = store.claims_for_article(a.id)[0]
    store.set_review(claim.id, verdict="disputed", note="n", who=broken_line(mixed, "Reviewer"))
    # Pasted over lines: the store joins it up and keeps the spaces (a link writes them %20).
    pasted = store.add_evidence(
        claim.id,
        url="https://ev.example/\r\n# Injected heading\r\n[ev](javascript:alert(2))",
        title=broken_line(mixed, "Evidence"),
    )
    legacy = [store.add_evidence(claim.id, url=f"https://legacy.example/{i}") for i, _ in enumerate(seps)]
    with store.write():
        for evidence, sep in zip(legacy, seps):
            store.conn.execute(
                "UPDATE evidence SET url = ? WHERE id = ?",
                (f"https://legacy.example/{sep}[ev](javascript:alert(3)){sep}", evidence.id),
            )
    return a, claim, [pasted, *legacy]
