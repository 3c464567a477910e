"""Articles of the library: import, list, filter, status, full-text search and counts."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ..changes import ARTICLES, Change, SetStatus
from ..domain import STATUSES, Article, ArticleSummary, Block, ClaimDraft, SearchHit, check_span
from ..errors import DuplicateArticle, NotFound, ReviewerError
from ..display import document_name, strip_bidi_controls
from .base import utc_now
from .signatures import SignaturesMixin
from ..search_terms import Term, fts_expression, has_literal, literal_spans, marked_snippet, parse_query

if TYPE_CHECKING:  # importing the importers would load their parsers: a search must start fast
    from ..importers.document import ImportedDocument


class ArticlesMixin(SignaturesMixin):
    """Articles of the library: import, list, filter, status, full-text search and counts."""

    def add_article(
        self, doc: ImportedDocument, claims: Iterable[ClaimDraft] = (), *, extraction: str | None = None
    ) -> Article:
        """Store an imported document (``importers.ImportedDocument``) and its extracted claims.

        Raises DuplicateArticle when the same text is already in the library. A text that nearly
        repeats an article already signed is flagged in the same transaction (``near_duplicate_of``).
        """
        content_hash = doc.content_hash
        claims = list(claims)
        from ..near_duplicates import TextSignature  # numpy: loaded by imports, not by `reviewer search`

        signature = TextSignature.of(doc.text)  # before the write lock: ~1 ms per 1,000 words
        with self.write():
            existing = self.conn.execute(
                "SELECT id, title FROM articles WHERE content_hash = ?", (content_hash,)
            ).fetchone()
            if existing:
                raise DuplicateArticle(document_name(doc.source_path, doc.title), existing[0], existing[1])
            now = utc_now()
            blocks = [[b.start, b.end, b.kind, b.level] for b in getattr(doc, "blocks", ())]
            # Metadata is one line shown everywhere: a right-to-left override would make
            # "Headline \u202egnp.exe" read "Headline exe.png" in every list and report.
            title, site, author = (
                None if v is None else strip_bidi_controls(v) for v in (doc.title, doc.site, doc.author)
            )
            cursor = self.conn.execute(
                "INSERT INTO articles (title, source, url, author, published, imported_at, original_format,"
                " source_path, text, blocks, content_hash, language, status, extraction)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'todo', ?)",
                (
                    title,
                    site,
                    doc.url,
                    author,
                    doc.published,
                    now,
                    doc.original_format,
                    doc.source_path,
                    doc.text,
                    json.dumps(blocks),
                    content_hash,
                    doc.language,
                    extraction,
                ),
            )
            article_id = int(cursor.lastrowid or 0)
            self._insert_claims(article_id, doc.text, claims, now)
            self._record_signature(article_id, signature)
            self._audit(
                "import",
                "article",
                article_id,
                article_id=article_id,
                after={"title": title, "source_path": doc.source_path, "claims": len(claims)},
            )
        return self.get_article(article_id)

    def _insert_claims(
        self, article_id: int, text: str, claims: Sequence[ClaimDraft], now: str, origin: str = "auto"
    ) -> list[int]:
        """Inside a write: store new claims of an article; returns their ids in order."""
        ids = []
        for c in claims:
            check_span(text, c.start, c.end)
            cursor = self.conn.execute(
                'INSERT INTO claims (article_id, start, "end", text, score, checkworthy, speaker, speaker_start,'
                " speaker_end, kind, origin, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    article_id,
                    c.start,
                    c.end,
                    text[c.start : c.end],
                    float(c.score),
                    int(bool(c.checkworthy)),
                    c.speaker,
                    c.speaker_start,
                    c.speaker_end,
                    c.kind or "other",
                    origin,
                    now,
                ),
            )
            ids.append(int(cursor.lastrowid or 0))
        return ids

    def find_duplicate(self, content_hash: str) -> int | None:
        row = self.conn.execute("SELECT id FROM articles WHERE content_hash = ?", (content_hash,)).fetchone()
        return row[0] if row else None

    def get_article(self, article_id: int) -> Article:
        row = self.conn.execute(
            "SELECT id, title, text, blocks, source, url, author, published, imported_at, original_format,"
            " source_path, content_hash, language, status FROM articles WHERE id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            raise NotFound(f"There is no article {article_id} in this library.")
        blocks = tuple(Block(*b) for b in json.loads(row[3] or "[]"))
        return Article(
            id=row[0],
            title=row[1],
            text=row[2],
            blocks=blocks,
            source=row[4],
            url=row[5],
            author=row[6],
            published=row[7],
            imported_at=row[8],
            original_format=row[9],
            source_path=row[10],
            content_hash=row[11],
            language=row[12],
            status=row[13],
        )

    def article_extraction(self, article_id: int) -> str | None:
        row = self.conn.execute("SELECT extraction FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    # domain.counts_for_review in SQL (a test holds the two together). Its two parameters are the
    # threshold, -1 for "the flag set at extraction".
    _COUNTS_SQL = (
        "NOT c.dismissed AND (c.origin = 'manual' OR CASE WHEN ? < 0 THEN c.checkworthy ELSE c.score >= ? END)"
    )
    _SUMMARY_SQL = f"""
        SELECT a.id, a.title, a.source, a.published, a.imported_at, a.status, a.language,
          (SELECT count(*) FROM claims c WHERE c.article_id = a.id AND {_COUNTS_SQL}) AS claims_total,
          (SELECT count(*) FROM claims c JOIN reviews r ON r.claim_id = c.id
             WHERE c.article_id = a.id AND {_COUNTS_SQL} AND r.verdict IS NOT NULL) AS claims_reviewed
        FROM articles a
    """

    def list_articles(
        self,
        *,
        status: str | None = None,
        query: str | None = None,
        ids: Sequence[int] | None = None,
        offset: int = 0,
        limit: int | None = None,
        threshold: float | None = None,
    ) -> list[ArticleSummary]:
        """Library rows, newest import first; ``query`` is a full-text search.

        Progress counts the claims to review at the reviewer's check-worthiness ``threshold``
        (None: the flag set at extraction), as ``domain.counts_for_review`` does.
        """
        if parse_query(query or ""):
            # The matching ids are found once per filter (``_filtered_ids``); a page is then only
            # the summaries of its ids, whatever the cost of the search.
            found = self._filtered_ids(status, query)
            if ids is not None:
                wanted = set(ids)
                found = [i for i in found if i in wanted]
            found = found[offset:] if limit is None else found[offset : offset + limit]
            params: list[object] = [json.dumps(found)]
            where = " WHERE a.id IN (SELECT value FROM json_each(?))"
        else:
            where, params = self._article_filter(status, None, ids)
            if limit is not None:
                where += " ORDER BY a.id DESC LIMIT ? OFFSET ?"
                params += [limit, offset]
        if " ORDER BY " not in where:
            where += " ORDER BY a.id DESC"
        t = -1.0 if threshold is None else float(threshold)
        return [_summary(row) for row in self._query(self._SUMMARY_SQL + where, [t, t, t, t, *params])]

    def count_articles(self, *, status: str | None = None, query: str | None = None) -> int:
        if parse_query(query or ""):
            return len(self._filtered_ids(status, query))
        where, params = self._article_filter(status, None, None)
        return int(self.conn.execute("SELECT count(*) FROM articles a" + where, params).fetchone()[0])

    def article_ids(self, *, status: str | None = None, query: str | None = None) -> list[int]:
        return list(self._filtered_ids(status, query))

    def _filtered_ids(self, status: str | None, query: str | None) -> list[int]:
        """Ids of the articles matching the filter, newest first. The library pane asks for a page
        and the count of one filter in a row: with a figure like "5%" each would check the text of
        nearly every article, so the last answer is kept until this library changes (a write here
        counts in ``total_changes``, one elsewhere in ``data_version``)."""
        key = (status, query or "", self.conn.total_changes, self.data_version())
        cached: tuple[object, list[int]] | None = getattr(self, "_filter_cache", None)
        if cached is not None and cached[0] == key:
            return cached[1]
        where, params = self._article_filter(status, query, None)
        found = [r[0] for r in self.conn.execute("SELECT a.id FROM articles a" + where + " ORDER BY a.id DESC", params)]
        self._filter_cache = (key, found)
        return found

    def _article_filter(
        self, status: str | None, query: str | None, ids: Sequence[int] | None
    ) -> tuple[str, list[object]]:
        clauses: list[str] = []
        params: list[object] = []
        if status:
            clauses.append("a.status = ?")
            params.append(status)
        if ids is not None:
            clauses.append(f"a.id IN ({','.join('?' * len(ids))})")
            params.extend(ids)
        terms = parse_query(query or "")
        if terms:
            fts = fts_expression(terms)
            self._register_literal_check()
            article_lit, article_params = _literal_sql(terms, "a.title", "a.text")
            claim_lit, claim_params = _literal_sql(terms, "c.text", "c.speaker")
            note_lit, note_params = _literal_sql(terms, "r.note")
            clauses.append(
                "a.id IN (SELECT a.id FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
                f" WHERE articles_fts MATCH ?{article_lit}"
                " UNION SELECT c.article_id FROM claims c JOIN claims_fts f ON f.rowid = c.id"
                f" WHERE claims_fts MATCH ?{claim_lit}"
                " UNION SELECT c.article_id FROM claims c JOIN reviews_fts f ON f.rowid = c.id"
                f" JOIN reviews r ON r.claim_id = c.id WHERE reviews_fts MATCH ?{note_lit})"
            )
            params += [fts, *article_params, fts, *claim_params, fts, *note_params]
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params

    def set_status_change(self, article_id: int, status: str, who: str | None = None) -> Change:
        """``set_status`` as an undoable change."""
        with self.write():
            before = self.get_article(article_id).status
            self.set_status(article_id, status, who)
        undo = (SetStatus(article_id, before),) if before != status else ()
        return Change(frozenset({ARTICLES}), article_id, (), undo)

    def set_status(self, article_id: int, status: str, who: str | None = None) -> None:
        if status not in STATUSES:
            raise ReviewerError(f"Unknown status {status!r}; use one of {', '.join(STATUSES)}.")
        with self.write():
            before = self.get_article(article_id).status
            if before == status:
                return
            self.conn.execute(
                "UPDATE articles SET status = ?, updated_at = ? WHERE id = ?", (status, utc_now(), article_id)
            )
            self._audit(
                "status",
                "article",
                article_id,
                article_id=article_id,
                before={"status": before},
                after={"status": status},
                who=who,
            )

    def delete_article(self, article_id: int, who: str | None = None) -> None:
        with self.write():
            article = self.get_article(article_id)
            self.conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
            self._audit(
                "article_delete",
                "article",
                article_id,
                article_id=article_id,
                before={"title": article.title, "content_hash": article.content_hash},
                who=who,
            )

    # ------------------------------------------------------------------ search
    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Full-text search over titles, article text, claims and notes; best matches first.

        Figures and abbreviations ("5%", "U.S.") match as typed and quoted phrases as phrases
        (``core.search_terms``). The index does the finding and the ordering (bm25, LIMIT);
        Python only checks the literal terms of rows the index found and marks the hits' snippets.
        """
        terms = parse_query(query)
        if not terms:
            return []
        fts = fts_expression(terms)
        literal = any(t.literal for t in terms)
        if literal:
            self._register_literal_check()
        hits: list[tuple[float, SearchHit]] = []
        article_lit, article_params = _literal_sql(terms, "a.title", "a.text")
        for row in self.conn.execute(
            "SELECT a.id, a.title, snippet(articles_fts, 1, '[', ']', '…', 12), rank,"
            " highlight(articles_fts, 0, char(2), char(3))"
            + (", a.text" if literal else "")
            + " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
            f" WHERE articles_fts MATCH ? AND rank MATCH 'bm25(5.0, 1.0)'{article_lit} ORDER BY rank LIMIT ?",
            (fts, *article_params, limit),
        ):
            if literal:
                in_title = bool(literal_spans(row[1] or "", terms))
                snippet = marked_snippet(row[5], terms) or marked_snippet(row[1] or "", terms)
                hits.append((row[3], SearchHit(row[0], row[1], snippet, None, "title" if in_title else "article")))
                continue
            where = "title" if "\x02" in row[4] else "article"
            hits.append((row[3], SearchHit(row[0], row[1], row[2], None, where)))
        claim_lit, claim_params = _literal_sql(terms, "c.text", "c.speaker")
        for row in self.conn.execute(
            "SELECT c.article_id, a.title, snippet(claims_fts, 0, '[', ']', '…', 16), rank, c.id, c.text"
            " FROM claims_fts JOIN claims c ON c.id = claims_fts.rowid JOIN articles a ON a.id = c.article_id"
            f" WHERE claims_fts MATCH ? AND c.checkworthy{claim_lit} ORDER BY rank LIMIT ?",
            (fts, *claim_params, limit),
        ):
            snippet = (marked_snippet(row[5], terms, words=16) or row[2]) if literal else row[2]
            hits.append((row[3], SearchHit(row[0], row[1], snippet, row[4], "claim")))
        note_lit, note_params = _literal_sql(terms, "r.note")
        for row in self.conn.execute(
            "SELECT c.article_id, a.title, snippet(reviews_fts, 0, '[', ']', '…', 16), rank, c.id, r.note"
            " FROM reviews_fts JOIN reviews r ON r.claim_id = reviews_fts.rowid JOIN claims c ON c.id = r.claim_id"
            " JOIN articles a ON a.id = c.article_id"
            f" WHERE reviews_fts MATCH ?{note_lit} ORDER BY rank LIMIT ?",
            (fts, *note_params, limit),
        ):
            snippet = (marked_snippet(row[5], terms, words=16) or row[2]) if literal else row[2]
            hits.append((row[3] - 1.0, SearchHit(row[0], row[1], snippet, row[4], "note")))
        hits.sort(key=lambda h: h[0])
        return [h for _, h in hits[:limit]]

    def _register_literal_check(self) -> None:
        # On this connection only, before a query that calls it; cheap to repeat.
        self.conn.create_function("reviewer_literal", -1, has_literal, deterministic=True)


def _literal_sql(terms: list[Term], *columns: str) -> tuple[str, list[str]]:
    """SQL requiring each figure or abbreviation of ``terms`` in one of ``columns`` of the row, as typed."""
    # No cheap SQL prefilter (instr) first: measured on the benchmark library, "5%" is in 91% of
    # the articles that hold the token "5", and the extra pass over each text cost ~30%.
    patterns = [t.literal for t in terms if t.literal]
    sql = "".join(f" AND reviewer_literal(?, {', '.join(columns)})" for _ in patterns)
    return sql, patterns


def fts_query(query: str) -> str:
    """What a person typed as an FTS5 MATCH expression (every term must match; see ``core.search_terms``).
    Figures and abbreviations also need ``reviewer_literal`` checks: use ``search`` or ``list_articles``."""
    return fts_expression(parse_query(query))


def _summary(row: sqlite3.Row) -> ArticleSummary:
    return ArticleSummary(
        row["id"],
        row["title"],
        row["source"],
        row["published"],
        row["imported_at"],
        row["status"],
        row["language"],
        row["claims_total"],
        row["claims_reviewed"],
    )
