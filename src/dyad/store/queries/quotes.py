"""Reading quotations: the quotes view, with full-text search in each backend's own way."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..clauses import like_pattern, page

if TYPE_CHECKING:
    from ..backends import Backend

# the fields of a quote row, as quote_rows gives them
QUOTE_COLUMNS = (
    "id",
    "text",
    "speaker_id",
    "speaker",
    "country",
    "sector",
    "article",
    "doc_id",
    "title",
    "outlet",
    "published",
    "start",
    "end",
)


class QuoteQueries:
    """The quotes view (a mixin of Store)."""

    db: Backend

    def quote_rows(
        self,
        speaker: str | None = None,
        search: str | None = None,
        since: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        speaker_id: int | None = None,
        article_id: int | None = None,
    ) -> list[dict]:
        """Quotations with speaker and article; `search` is full-text (all words must occur)."""
        where, args = [], []
        sql = (
            "SELECT q.id, q.text, s.id, s.name, s.country, s.sector, a.id, a.doc_id, a.title, a.outlet, "
            "a.published, q.start_char, q.end_char FROM quotes q JOIN articles a ON a.id = q.article_id "
            "LEFT JOIN actors s ON s.id = q.speaker_actor_id"
        )
        if search:
            where.append(self.db.quote_search)
            args.append(self.db.search_terms(search))
        if speaker:
            where.append(f"s.name {self.db.like} ? ESCAPE '\\'")
            args.append(like_pattern(speaker))
        if since:
            where.append("a.published >= ?")
            args.append(since)
        if speaker_id is not None:
            where.append("q.speaker_actor_id = ?")
            args.append(speaker_id)
        if article_id is not None:
            where.append("q.article_id = ?")
            args.append(article_id)
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY a.published DESC NULLS LAST, a.id, q.start_char"
        sql += page(self.db.no_limit, limit, offset)
        return [dict(zip(QUOTE_COLUMNS, r, strict=True)) for r in self.db.execute(sql, args)]
