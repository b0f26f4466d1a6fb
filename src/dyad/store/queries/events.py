"""Reading events: every report with its actors, article, evidence and cluster, under any of the
filters the events view, the exports and an article's page take."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..clauses import event_filters, like_pattern, page, sides, words
from ..schema import GEO_COLUMNS

if TYPE_CHECKING:
    from ..backends import Backend

EVENT_COLUMNS = (
    "id",
    "source_id",
    "target_id",
    "article",
    "doc_id",
    "url",
    "outlet",
    "published",
    "title",
    "type",
    "mode",
    "context",
    "source",
    "source_country",
    "source_sector",
    "target",
    "target_country",
    "target_sector",
    "when",
    "negated",
    "hypothetical",
    "root",
    "mutual",
    "date",
    "date_precision",
    "attributed_to",
    "confidence",
    "trigger",
    "cameo",
    "quad_class",
    "score",
    "sentence",
    "start",
    "end",
    "evidence",
    *(c for c, _ in GEO_COLUMNS),
    "cluster_id",
    "num_mentions",
    "num_sources",
    "num_articles",
)


class EventQueries:
    """The events view, the exports and an article's events (a mixin of Store)."""

    db: Backend
    EVENT_COLUMNS = EVENT_COLUMNS

    def event_rows(
        self,
        source: str | None = None,
        target: str | None = None,
        event_type: str | None = None,
        since: str | None = None,
        until: str | None = None,
        when: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        actor_id: int | None = None,
        article_id: int | None = None,
        newest_first: bool = False,
        root: bool | None = None,
        cluster_id: str | None = None,
        negated: bool | None = None,
        quad_class: int | None = None,
        words: str | None = None,
        reports: bool = True,
    ) -> list[dict]:
        """Events with their actors, article and evidence; source/target match a country code or
        part of an actor's name; actor_id matches either side; root keeps root (or non-root) events.
        Every report (event record) unless not `reports`: then the first report of each event
        cluster among those the filters select."""
        where, args = [], []
        sides(self.db.like, where, args, source, target)
        event_filters(where, args, event_type, since, until, root)
        _more_filters(self.db.like, where, args, negated, quad_class, words, when)
        _ids(where, args, actor_id, article_id, cluster_id)
        order = "DESC" if newest_first else "ASC"
        nulls = "LAST" if newest_first else "FIRST"  # SQLite's order: no date sorts as the earliest
        order_by = f" ORDER BY e.sort_date {order} NULLS {nulls}, e.id {order}"
        ids = _page_ids(" AND ".join(where), reports) + order_by + page(self.db.no_limit, limit, offset)
        rows = []
        for r in self.db.execute(_select(ids, order_by), args):
            row = dict(zip(EVENT_COLUMNS, r, strict=True))
            for flag in ("negated", "hypothetical", "root", "mutual"):
                row[flag] = bool(row[flag])
            rows.append(row)
        return rows


def _more_filters(
    like: str,
    where: list,
    args: list,
    negated: bool | None,
    quad_class: int | None,
    text: str | None,
    when: str | None,
) -> None:
    """Conditions on negation, QuadClass, the words of the evidence sentence and the event's time."""
    if negated is not None:
        where.append("e.negated = ?")
        args.append(int(negated))
    if quad_class is not None:
        where.append("e.quad_class = ?")
        args.append(quad_class)
    for word in words(text or ""):  # each word in the evidence sentence
        where.append(f"substr(a.text, e.start_char + 1, e.end_char - e.start_char) {like} ? ESCAPE '\\'")
        args.append(like_pattern(word))
    if when:
        where.append("e.when_ = ?")
        args.append(when)


def _ids(
    where: list, args: list, actor_id: int | None, article_id: int | None, cluster_id: str | None
) -> None:
    """Conditions on an actor (either side), an article and a cluster."""
    if actor_id is not None:
        where.append("(e.source_actor_id = ? OR e.target_actor_id = ?)")
        args += [actor_id, actor_id]
    if article_id is not None:
        where.append("e.article_id = ?")
        args.append(article_id)
    if cluster_id is not None:
        where.append("e.cluster_id = ?")
        args.append(cluster_id)


def _page_ids(conditions: str, reports: bool) -> str:
    """The ids of the selected events, from the events table alone (and what the conditions name),
    so that only a page's rows are joined and have their evidence cut from the article's text; each
    cluster's first report only unless `reports`."""
    sql = "SELECT e.id FROM events e"
    if re.search(r"\bs\.", conditions):
        sql += " JOIN actors s ON s.id = e.source_actor_id"
    if re.search(r"\bt\.", conditions):
        sql += " LEFT JOIN actors t ON t.id = e.target_actor_id"
    if re.search(r"\ba\.", conditions):
        sql += " JOIN articles a ON a.id = e.article_id"
    if conditions:
        sql += " WHERE " + conditions
    if not reports:  # an event once: its cluster's first report of those selected
        sql = sql.replace(
            "SELECT e.id FROM events e",
            "SELECT e.id, e.sort_date, ROW_NUMBER() OVER (PARTITION BY COALESCE(e.cluster_id, "
            "'event ' || e.id) ORDER BY e.sort_date NULLS FIRST, e.id) AS n FROM events e",
            1,
        )
        sql = f"SELECT e.id FROM ({sql}) e WHERE e.n = 1"
    return sql


def _select(ids: str, order_by: str) -> str:
    """The events of a page of ids, in EVENT_COLUMNS' order."""
    return (
        "SELECT e.id, e.source_actor_id, e.target_actor_id, a.id, a.doc_id, a.url, a.outlet, "
        "a.published, a.title, e.type, e.mode, e.context, "
        "s.name, e.source_country, s.sector, t.name, e.target_country, t.sector, e.when_, e.negated, "
        "e.hypothetical, e.root, e.mutual, e.event_date, e.date_precision, e.attributed_to, "
        "e.confidence, e.trigger, e.cameo, e.quad_class, e.score, e.sentence, e.start_char, e.end_char, "
        "substr(a.text, e.start_char + 1, e.end_char - e.start_char), "
        + "".join(f"e.{c}, " for c, _ in GEO_COLUMNS)
        + "e.cluster_id, c.mentions, c.sources, c.articles "
        f"FROM ({ids}) p JOIN events e ON e.id = p.id JOIN articles a ON a.id = e.article_id "
        "JOIN actors s ON s.id = e.source_actor_id LEFT JOIN actors t ON t.id = e.target_actor_id "
        "LEFT JOIN event_clusters c ON c.id = e.cluster_id" + order_by
    )
