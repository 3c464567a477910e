"""What a bundle merge did (or, in a dry run, would do): counts per kind, one line per article, and
every item it skipped or kept back with the reason. Plain values; any thread."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..display import one_line

# The kinds of record a bundle carries, in the order the summary lists them.
KINDS = ("articles", "claims", "reviews", "peer_reviews", "final_decisions", "evidence", "files", "scales", "history")
KIND_LABELS = {
    "articles": "articles",
    "claims": "claims",
    "reviews": "own reviews",
    "peer_reviews": "colleagues' reviews",
    "final_decisions": "final decisions",
    "evidence": "evidence",
    "files": "attached files",
    "scales": "verdict scales",
    "history": "history entries",
}


@dataclass
class Counts:
    """Of one kind: added; updated (the bundle's version was newer); kept (this library's version was
    newer, the bundle's went to the history); unchanged (already here as it is); skipped (with a reason)."""

    added: int = 0
    updated: int = 0
    kept: int = 0
    unchanged: int = 0
    skipped: int = 0

    def line(self, kind: str) -> str:
        return f"{kind}\t{self.added}\t{self.updated}\t{self.kept}\t{self.unchanged}\t{self.skipped}"


@dataclass
class ArticleOutcome:
    """One article of the bundle: new here or matched, and what of it was added or updated."""

    gid: str
    title: str
    new: bool
    claims_added: int = 0
    claims_matched: int = 0
    reviews_added: int = 0
    reviews_updated: int = 0
    evidence_added: int = 0

    def line(self) -> str:
        return (
            f"article\t{'new' if self.new else 'matched'}\t{self.claims_added}\t{self.reviews_added}"
            f"\t{self.reviews_updated}\t{self.evidence_added}\t{one_line(self.title)}"
        )


@dataclass
class MergeReport:
    """The outcome of ``merge_bundle``; ``dry_run``: nothing was written."""

    source: str
    creator: str
    library_id: str
    dry_run: bool = False
    counts: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in KINDS})
    articles: list[ArticleOutcome] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # each skipped item, with why
    kept: list[str] = field(default_factory=list)  # this library's newer version kept; the bundle's is in the history

    def skip(self, kind: str, reason: str) -> None:
        self.counts[kind].skipped += 1
        self.skipped.append(reason)

    @property
    def changed(self) -> bool:
        return any(c.added or c.updated for k, c in self.counts.items())

    def lines(self) -> list[str]:
        """The data lines ``reviewer bundle import`` prints: one per kind."""
        return [self.counts[k].line(k) for k in KINDS]

    def summary(self) -> str:
        """One sentence: what was (or would be) added and updated."""
        parts = []
        for kind in KINDS:
            c = self.counts[kind]
            if c.added or c.updated:
                bits = [f"{c.added:,} added"] if c.added else []
                if c.updated:
                    bits.append(f"{c.updated:,} updated")
                parts.append(f"{KIND_LABELS[kind]} {' and '.join(bits)}")
        verb = "would be" if self.dry_run else "were"
        head = f"Bundle from {self.creator or 'an unnamed reviewer'}"
        if not parts:
            return f"{head}: nothing new; nothing {'would change' if self.dry_run else 'changed'}"
        skipped = sum(c.skipped for c in self.counts.values())
        tail = f"; {skipped:,} item{'' if skipped == 1 else 's'} skipped" if skipped else ""
        return f"{head}: {', '.join(parts)} ({'dry run: nothing ' + verb + ' written' if self.dry_run else 'one step'}){tail}"

    def details(self) -> list[str]:
        """Every skipped item and every version kept back, one line each (for stderr and the desk)."""
        return [f"skipped: {s}" for s in self.skipped] + [f"kept: {k}" for k in self.kept]
