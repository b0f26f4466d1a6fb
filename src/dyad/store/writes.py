"""Writing articles: an article with all that was found in it, saved once or recoded in place, and
the actors it names (one row per actor, whatever the article)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from ..model import Actor, Article
from .clauses import iso
from .schema import GEO_COLUMNS

if TYPE_CHECKING:
    from .backends import Backend

MENTION_COLUMNS = (
    *("article_id", "actor_id", "start_char", "end_char", "text", "sentence", "how"),
    *("locative", "country", "sector"),
)
QUOTE_WRITE_COLUMNS = ("article_id", "start_char", "end_char", "text", "speaker_actor_id", "sentence")
EVENT_WRITE_COLUMNS = (
    *("article_id", "type", "mode", "context", "source_actor_id", "target_actor_id"),
    *("source_country", "target_country", "when_", "negated", "hypothetical", "root"),
    *("mutual", "event_date", "sort_date", "date_precision", "attributed_to", "confidence"),
    *("trigger", "cameo", "quad_class", "score", "sentence", "start_char", "end_char"),
    *(c for c, _ in GEO_COLUMNS),
)


class Writes:
    """Saving and recoding articles (a mixin of Store; see transactions.py for how they commit)."""

    db: Backend
    _actors: dict[str, tuple[int, str, str | None]]

    def find_by_hash(self, content_hash: str) -> int | None:
        """The id of the article with this content hash, if stored."""
        row = self.db.execute("SELECT id FROM articles WHERE content_hash = ?", (content_hash,)).fetchone()
        return row[0] if row else None

    def save(self, article: Article, knowledge_version: str) -> int | None:
        """Store a new article with all it was found to contain; None if already stored."""
        return self._retrying(lambda: self._save(article, knowledge_version))

    def _save(self, article: Article, knowledge_version: str) -> int | None:
        h = article.content_hash
        with self._transaction():
            cur = self.db.execute(
                "INSERT INTO articles(content_hash, doc_id, source, url, title, outlet, "
                "published, language, flags, format, text, knowledge_version, ingested_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(content_hash) DO NOTHING RETURNING id",
                (
                    h,
                    article.doc_id,
                    article.source,
                    article.url,
                    article.title,
                    article.outlet,
                    iso(article.published),
                    article.language,
                    ",".join(article.flags),
                    article.format,
                    article.text,
                    knowledge_version,
                    datetime.now(UTC).isoformat(timespec="seconds"),
                ),
            )
            row = cur.fetchone()
            if row is None:  # stored already, perhaps by another process
                return None
            article_id = row[0]
            self._write_coding(article_id, article)
        return article_id

    def recode(self, article_id: int, article: Article, knowledge_version: str) -> None:
        """Replace what an article was found to contain (after the knowledge changed)."""
        self._retrying(lambda: self._recode(article_id, article, knowledge_version))

    def _recode(self, article_id: int, article: Article, knowledge_version: str) -> None:
        with self._transaction():
            for table in ("sentences", "mentions", "quotes", "events", "candidates"):
                self.db.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
            self.db.execute(
                "UPDATE articles SET knowledge_version = ?, language = ?, flags = ? WHERE id = ?",
                (knowledge_version, article.language, ",".join(article.flags), article_id),
            )
            self._write_coding(article_id, article)

    def _write_coding(self, article_id: int, article: Article) -> None:
        """An article's sentences, mentions, quotes, events and candidates."""
        self.db.insert_rows(
            "sentences",
            ("article_id", "idx", "start_char", "end_char"),
            [(article_id, s.index, s.start, s.end) for s in article.sentences],
        )
        # in key order: concurrent writers then wait for each other's new actors instead of deadlocking
        ids = {key: self._actor_id(article.actors[key]) for key in sorted(article.actors)}
        self.db.insert_rows("mentions", MENTION_COLUMNS, _mention_rows(article_id, article, ids))
        self.db.insert_rows(
            "quotes",
            QUOTE_WRITE_COLUMNS,
            [
                (article_id, q.start, q.end, q.text, ids.get(q.speaker_key or ""), q.sentence)
                for q in article.quotes
            ],
        )
        self.db.insert_rows("events", EVENT_WRITE_COLUMNS, _event_rows(article_id, article, ids))
        self.db.insert_rows(
            "candidates",
            ("article_id", "verb", "source_actor_id", "target_actor_id", "sentence"),
            [
                (article_id, c.verb, ids[c.source_key], ids[c.target_key], c.sentence)
                for c in article.candidates
            ],
        )

    def _actor_id(self, actor: Actor) -> int:
        """The row id of an actor, added if new. An actor seen under several names, roles or
        countries (a learned name placed by one article and not by another) keeps the first in
        alphabetical order, a country before none, so that the store does not depend on the order
        of arrival."""
        known = self._actors.get(actor.key)
        if known is None:
            row = self.db.execute(
                "INSERT INTO actors(key, name, kind, country, sector, role, origin) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(key) DO NOTHING RETURNING id",
                (actor.key, actor.name, actor.kind, actor.country, actor.sector, actor.role, actor.origin),
            ).fetchone()
            if row is not None:
                self._actors[actor.key] = (row[0], actor.name, actor.role, actor.country)
                return row[0]
            known = self.db.execute(
                "SELECT id, name, role, country FROM actors WHERE key = ?", (actor.key,)
            ).fetchone()
        actor_id, name, role, country = known
        if actor.name < name:
            self.db.execute(
                "UPDATE actors SET name = ? WHERE id = ? AND name > ?", (actor.name, actor_id, actor.name)
            )
            name = actor.name
        if actor.role is not None and (role is None or actor.role < role):
            self.db.execute(
                "UPDATE actors SET role = ? WHERE id = ? AND (role IS NULL OR role > ?)",
                (actor.role, actor_id, actor.role),
            )
            role = actor.role
        if actor.country and (not country or actor.country < country):
            self.db.execute(
                "UPDATE actors SET country = ? WHERE id = ? "
                "AND (country = '' OR country IS NULL OR country > ?)",
                (actor.country, actor_id, actor.country),
            )
            country = actor.country
        self._actors[actor.key] = (actor_id, name, role, country)
        return actor_id


def _mention_rows(article_id: int, article: Article, ids: dict[str, int]) -> list[tuple]:
    """The mentions table's rows for an article, each with its actor's code as it was then."""
    actors = article.actors
    return [
        (
            *(article_id, ids[m.actor_key], m.start, m.end, m.text, m.sentence, m.how),
            *(int(m.locative), actors[m.actor_key].country, actors[m.actor_key].sector),
        )
        for m in article.mentions
    ]


def _event_rows(article_id: int, article: Article, ids: dict[str, int]) -> list[tuple]:
    """The events table's rows for an article, in EVENT_WRITE_COLUMNS' order."""
    actors = article.actors
    return [
        (
            *(article_id, e.type, e.mode, e.context, ids[e.source_keys[0]]),
            *(ids[e.target_keys[0]] if e.target_keys else None, actors[e.source_keys[0]].country),
            *(actors[e.target_keys[0]].country if e.target_keys else None, e.when),
            *(int(e.negated), int(e.hypothetical), int(e.root), int(e.mutual), iso(e.date)),
            *(iso(e.date or article.published), e.date_precision, e.attributed_to, e.confidence),
            *(e.trigger, e.cameo, e.quad_class, e.score, e.sentence, e.start, e.end),
            *(getattr(e, c) for c, _ in GEO_COLUMNS),
        )
        for e in article.events
    ]
