"""Reading articles: the list of them, one found by any of its names, one loaded back whole."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ...model import Actor, Article, Mention, Quote, Sentence
from ..clauses import fits, page

if TYPE_CHECKING:
    from ..backends import Backend

ARTICLE_COLUMNS = (
    *("id", "doc_id", "title", "outlet", "url", "published", "language", "flags"),
    *("mentions", "quotes", "events"),
)


class ArticleQueries:
    """The articles view and the article page (a mixin of Store)."""

    db: Backend

    def article_ids(self) -> list[int]:
        return [r[0] for r in self.db.execute("SELECT id FROM articles ORDER BY id")]

    def load_article(self, article_id: int) -> Article | None:
        """An article as stored: text, metadata and what was found in it."""
        row = self.db.execute(
            "SELECT id, doc_id, source, url, title, outlet, published, language, flags, format, "
            "text FROM articles WHERE id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            return None
        article = Article(
            raw=row[10],
            format=row[9],
            source=row[2],
            doc_id=row[1],
            url=row[3],
            title=row[4],
            outlet=row[5],
            published=date.fromisoformat(row[6]) if row[6] else None,
            text=row[10],
            language=row[7],
            flags=[f for f in row[8].split(",") if f],
        )
        article.sentences = [
            Sentence(i, s, e)
            for i, s, e in self.db.execute(
                "SELECT idx, start_char, end_char FROM sentences WHERE article_id = ? ORDER BY idx",
                (article_id,),
            )
        ]
        self._load_mentions(article_id, article)
        self._load_quotes(article_id, article)
        return article

    def _load_mentions(self, article_id: int, article: Article) -> None:
        """An article's mentions, in text order, and the actors they name."""
        rows = self.db.execute(
            "SELECT m.start_char, m.end_char, m.text, m.sentence, m.how, m.locative, m.country, "
            "m.sector, a.key, a.name, a.kind, a.role, a.origin FROM mentions m "
            "JOIN actors a ON a.id = m.actor_id WHERE m.article_id = ? ORDER BY m.start_char",
            (article_id,),
        )
        for start, end, text, sentence, how, locative, country, sector, key, *actor in rows:
            name, kind, role, origin = actor
            article.mentions.append(Mention(start, end, text, key, sentence, how, bool(locative)))
            article.actors.setdefault(key, Actor(key, name, kind, country, sector, role, origin))

    def _load_quotes(self, article_id: int, article: Article) -> None:
        """An article's quotations, in text order, and the actors who spoke them."""
        for start, end, text, sentence, key, name, kind, country, sector, role, origin in self.db.execute(
            "SELECT q.start_char, q.end_char, q.text, q.sentence, a.key, a.name, a.kind, a.country, "
            "a.sector, a.role, a.origin FROM quotes q LEFT JOIN actors a ON a.id = q.speaker_actor_id "
            "WHERE q.article_id = ? ORDER BY q.start_char",
            (article_id,),
        ):
            article.quotes.append(Quote(start, end, text, key, sentence))
            if key is not None:
                article.actors.setdefault(key, Actor(key, name, kind, country, sector, role, origin))

    def find_article(self, ref: str) -> int | None:
        """An article id from its number, its input id or name, or a prefix of its hash."""
        if ref.isascii() and ref.isdigit() and fits(int(ref)):
            row = self.db.execute("SELECT id FROM articles WHERE id = ?", (int(ref),)).fetchone()
            if row:
                return row[0]
        row = self.db.execute(
            "SELECT id FROM articles WHERE doc_id = ? OR source = ? ORDER BY id LIMIT 1",
            (ref, ref),
        ).fetchone()
        if row:
            return row[0]
        if len(ref) >= 6:
            row = self.db.execute(
                "SELECT id FROM articles WHERE content_hash LIKE ? ORDER BY id LIMIT 1",
                (ref.lower() + "%",),
            ).fetchone()
            if row:
                return row[0]
        return None

    def article_rows(self, limit: int | None = 50, offset: int = 0) -> list[dict]:
        """Articles, newest first, with their counts of mentions, quotes and events."""
        sql = (
            "SELECT a.id, a.doc_id, a.title, a.outlet, a.url, a.published, a.language, a.flags, "
            "(SELECT COUNT(*) FROM mentions m WHERE m.article_id = a.id), "
            "(SELECT COUNT(*) FROM quotes q WHERE q.article_id = a.id), "
            "(SELECT COUNT(*) FROM events e WHERE e.article_id = a.id) "
            "FROM articles a ORDER BY a.published DESC NULLS LAST, a.id DESC"
            + page(self.db.no_limit, limit, offset)
        )
        return [dict(zip(ARTICLE_COLUMNS, r, strict=True)) for r in self.db.execute(sql)]
