"""Reading events counted: a directed pair's timeline, the most active pairs of countries, and the
network of actors. Each event cluster counts once unless `reports`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..clauses import count, event_filters, page, sides

if TYPE_CHECKING:
    from ..backends import Backend

SERIES_COLUMNS = (
    "period",
    "verbal_cooperation",
    "material_cooperation",
    "verbal_conflict",
    "material_conflict",
    "events",
    "mean_score",
)


class NetworkQueries:
    """The dyad view, the overview's top dyads and the network view (a mixin of Store)."""

    db: Backend

    def dyad_series(
        self, source: str, target: str, by: str = "day", root: bool | None = None, reports: bool = False
    ) -> list[dict]:
        """A directed pair's counted events (current, not negated) per day, week or month: counts by
        QuadClass and the mean score; each event cluster counts once unless `reports`."""
        period = "e.sort_date"
        if by == "week":  # the Monday of the week
            period = self.db.week(period)
        elif by == "month":  # its first day
            period = f"substr({period}, 1, 7) || '-01'"
        where = ["e.when_ = 'current'", "e.negated = 0", "e.sort_date IS NOT NULL"]
        args: list = []
        sides(self.db.like, where, args, source, target)
        event_filters(where, args, root=root)
        sql = (
            f"SELECT {period} AS period, "
            + ", ".join(count(reports, f"e.quad_class = {q}") for q in (1, 2, 3, 4))
            + f", {count(reports)}, AVG(e.score) FROM events e JOIN articles a ON a.id = e.article_id "
            "JOIN actors s ON s.id = e.source_actor_id JOIN actors t ON t.id = e.target_actor_id "
            "WHERE " + " AND ".join(where) + " GROUP BY period ORDER BY period"
        )
        out = []
        for r in self.db.execute(sql, args):
            row = dict(zip(SERIES_COLUMNS, r, strict=True))
            row["mean_score"] = round(row["mean_score"], 2)
            out.append(row)
        return out

    def top_dyads(self, limit: int = 10, reports: bool = False) -> list[dict]:
        """The most active directed pairs of countries (current events; clusters unless `reports`)."""
        sql = (
            f"SELECT source_country, target_country, {count(reports, table='')}, AVG(score) FROM events "
            "WHERE target_country IS NOT NULL AND when_ = 'current' AND negated = 0 "
            "AND source_country != target_country "
            "GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2" + page(self.db.no_limit, limit, 0)
        )
        return [
            {"source": s, "target": t, "events": n, "mean_score": round(m, 2)}
            for s, t, n, m in self.db.execute(sql)
        ]

    def network(
        self,
        since: str | None = None,
        until: str | None = None,
        event_type: str | None = None,
        min_events: int = 1,
        root: bool | None = None,
        reports: bool = False,
    ) -> dict:
        """Actors as nodes and events as directed edges (count, mean score); each event cluster
        counts once unless `reports`."""
        where, args = ["e.target_actor_id IS NOT NULL", "e.negated = 0", "e.when_ = 'current'"], []
        event_filters(where, args, event_type, since, until, root)
        sql = (
            f"SELECT e.source_actor_id, e.target_actor_id, {count(reports)}, AVG(e.score) "
            "FROM events e JOIN articles a ON a.id = e.article_id WHERE "
            + " AND ".join(where)
            + f" GROUP BY 1, 2 HAVING {count(reports)} >= ? ORDER BY 3 DESC, 1, 2"
        )
        edges = [
            {"source": s, "target": t, "events": n, "mean_score": round(m, 2)}
            for s, t, n, m in self.db.execute(sql, [*args, min_events])
        ]
        return {"nodes": self._nodes(edges), "edges": edges}

    def _nodes(self, edges: list[dict]) -> list[dict]:
        """The actors at either end of the edges, each with its count of events."""
        ids = sorted({e["source"] for e in edges} | {e["target"] for e in edges})
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        nodes = []
        for i, name, kind, country, sector in self.db.execute(
            f"SELECT id, name, kind, country, sector FROM actors WHERE id IN ({marks}) ORDER BY id", ids
        ):
            degree = sum(e["events"] for e in edges if i in (e["source"], e["target"]))
            nodes.append(
                {"id": i, "name": name, "kind": kind, "country": country, "sector": sector, "events": degree}
            )
        return nodes
