"""Reading actors: the actors view (each with its code as used, and its counts), and the names an
event filter may match."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..clauses import fits, page

if TYPE_CHECKING:
    from ..backends import Backend

ACTOR_COLUMNS = (
    *("id", "name", "kind", "country", "sector", "role", "origin", "key"),
    *("mentions", "articles"),
)


class ActorQueries:
    """The actors view, an actor's page and the actor names filters take (a mixin of Store)."""

    db: Backend

    def actor_rows(
        self, limit: int | None = None, offset: int = 0, actor_id: int | None = None
    ) -> list[dict]:
        """Actors with their code as used in mentions, mention and article counts."""
        if actor_id is not None and not fits(actor_id):
            return []
        where = "WHERE a.id = ? " if actor_id is not None else ""
        sql = (
            "SELECT a.id, a.name, a.kind, m.country, m.sector, a.role, a.origin, a.key, "
            "COUNT(*) AS mentions, COUNT(DISTINCT m.article_id) AS articles "
            f"FROM mentions m JOIN actors a ON a.id = m.actor_id {where}"
            "GROUP BY a.id, m.country, m.sector "
            "ORDER BY articles DESC, mentions DESC, a.name, a.id, m.country NULLS FIRST, m.sector NULLS FIRST"
        )
        sql += page(self.db.no_limit, limit, offset)
        args = (actor_id,) if actor_id is not None else ()
        return [dict(zip(ACTOR_COLUMNS, r, strict=True)) for r in self.db.execute(sql, args)]

    def has_actor_named(self, part: str) -> bool:
        """Whether an actor's name contains these words (as an event filter matches them)."""
        sql = f"SELECT 1 FROM actors WHERE name {self.db.like} ? LIMIT 1"
        return self.db.execute(sql, (f"%{part}%",)).fetchone() is not None

    def actor_names(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT DISTINCT name FROM actors ORDER BY 1")]
