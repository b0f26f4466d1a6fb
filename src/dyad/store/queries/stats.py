"""Reading the store's counts: what it holds, by table, language, flag, date and country; and the
verbs between actors that no event pattern knows."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..backends import Backend


class StatsQueries:
    """The stats view and the candidates view (a mixin of Store)."""

    db: Backend

    def stats(self) -> dict:
        one = self.db.execute
        counts = {
            table: one(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in ("articles", "sentences", "actors", "mentions", "quotes", "events", "candidates")
        }
        counts["languages"] = dict(
            one(
                "SELECT COALESCE(language, 'und'), COUNT(*) FROM articles GROUP BY 1 ORDER BY 2 DESC, 1"
            ).fetchall()
        )
        flags: dict[str, int] = {}
        for (value,) in one("SELECT flags FROM articles WHERE flags != ''"):
            for f in value.split(","):
                flags[f] = flags.get(f, 0) + 1
        counts["flags"] = dict(sorted(flags.items()))
        first, last = one("SELECT MIN(published), MAX(published) FROM articles").fetchone()
        counts["published"] = {"first": first, "last": last}
        counts["countries"] = dict(
            one(
                "SELECT country, COUNT(*) FROM mentions GROUP BY country "
                "ORDER BY 2 DESC, 1 NULLS FIRST LIMIT 10"
            ).fetchall()
        )
        return counts

    def candidate_rows(self, limit: int | None = None) -> list[dict]:
        """Verbs between two actors that no pattern knows, most frequent first, with an example."""
        sql = (
            "SELECT c.verb, COUNT(*), COUNT(DISTINCT c.article_id), MIN(s.name || ' -> ' || t.name) "
            "FROM candidates c JOIN actors s ON s.id = c.source_actor_id "
            "JOIN actors t ON t.id = c.target_actor_id GROUP BY c.verb ORDER BY 2 DESC, 1"
        )
        if limit:
            sql += f" LIMIT {int(limit)}"
        cols = ("verb", "count", "articles", "example")
        return [dict(zip(cols, r, strict=True)) for r in self.db.execute(sql)]
