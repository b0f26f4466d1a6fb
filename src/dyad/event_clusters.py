"""Event clusters: the reports of one real event, across articles and outlets, linked as one.

Events are compared only inside a block: same source and target country, same PLOVER type, dates at
most two days apart. Inside it, an event joins the cluster of the most similar earlier report when
their places are compatible and the joint evidence is strong enough (`same_event`): the evidence
texts share enough words, they happened at one place on one day, or one article tells of the same
two actors a few sentences apart. An event without a date is compared with its block in the
articles stored near it (a feed is stored in about the order it is published), and joins only a
report of the same two actors. Negated, hypothetical, historical or future events, and events
without a source country, stay clusters of their own. A cluster's id is a hash of its first
report, and an event once clustered keeps its cluster: reruns and later ingests do not renumber.
"""

from __future__ import annotations

import hashlib
import math
import re
import time
from dataclasses import dataclass, field
from datetime import date, timedelta

from .store import Store

WINDOW_DAYS = 2
MIN_SIMILARITY = 0.25  # overlap coefficient of evidence words (measured on tests/gold/clusters_*)
MAX_KM = 50.0
DAY_PENALTY = 0.1
PLACE_BONUS = 0.2
ARTICLE_BONUS = 0.3  # one article, the same two actors, a few sentences apart
ARTICLE_GAP = 3  # sentences
NEIGHBOURS = 200  # an undated article is compared with the articles of ids this near its own
STEM = 6
PER_CLUSTER = 5
NEAR_COPY = 0.9  # a report this similar joins at once
APART = -1.0  # two places too far apart: never one event (days apart only lower the score)
_WORD = re.compile(r"[a-z][a-z'-]{2,}")
_STOP = frozenset(
    [
        "the",
        "and",
        "for",
        "that",
        "with",
        "was",
        "were",
        "has",
        "had",
        "have",
        "from",
        "this",
        "are",
        "but",
        "not",
        "its",
        "his",
        "her",
        "their",
        "they",
        "who",
        "which",
        "said",
        "says",
        "will",
        "would",
        "been",
        "also",
        "after",
        "before",
        "over",
        "into",
        "about",
        "than",
        "more",
        "most",
        "other",
        "some",
        "such",
        "only",
        "there",
        "then",
        "when",
        "while",
        "where",
        "what",
        "per",
        "one",
        "two",
        "three",
        "on",
        "in",
        "at",
        "of",
        "to",
        "by",
        "an",
        "told",
        "officials",
        "official",
        "according",
        "reported",
        "statement",
        "friday",
        "saturday",
        "sunday",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
    ]
)


@dataclass
class _Report:
    """What comparing an event needs."""

    id: int
    cluster: str | None
    key: str
    words: frozenset[str]
    lat: float | None
    lon: float | None
    country: str | None
    day: date | None
    precise: bool = False  # a city named in the event's own sentence (not the dateline)
    article: int = 0
    sentence: int = 0
    actors: tuple = ()  # the source and target actors' ids


@dataclass
class _Block:
    """The reports a new event is compared with: at most PER_CLUSTER of each cluster (the first
    ones), so that the cost grows with the number of distinct events, not of reports."""

    clusters: dict[str, list[_Report]] = field(default_factory=dict)

    def add(self, report: _Report) -> None:
        members = self.clusters.setdefault(report.cluster or "", [])
        if len(members) < PER_CLUSTER:
            members.append(report)


def words(text: str) -> frozenset[str]:
    """The content words of an evidence span, each cut to its first six letters (a crude stem:
    "agreed", "agree" and "agreement" are one)."""
    return frozenset(w[:STEM] for w in _WORD.findall(text.lower()) if w not in _STOP)


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Overlap coefficient: shared words over the smaller set's size (a short headline and a long
    lead sentence about one event share most of the headline's words)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _km(a: _Report, b: _Report) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))  # type: ignore[arg-type]
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def same_event(a: _Report, b: _Report) -> float:
    """How strongly two reports of one block look like one event: APART when their places disagree,
    else their evidence similarity, less for each day apart, more for one named place in two
    articles, and more for the same two actors a few sentences apart in one article on one day (an
    article tells one act over several sentences, in other words). A report without a date matches
    only a report of the same two actors (not only the same countries)."""
    km = _km(a, b) if a.precise and b.precise else None
    if km is not None and km > MAX_KM:
        return APART
    if not (a.day and b.day) and a.actors != b.actors:
        return 0.0  # without a date, only the same two actors (not only countries) may join
    days = abs((a.day - b.day).days) if a.day and b.day else 0
    score = similarity(a.words, b.words) - DAY_PENALTY * days
    if a.article != b.article:
        if km is not None and km < 5.0:
            score += PLACE_BONUS  # across articles: in one, two acts at one place are told apart
    elif a.actors == b.actors and not days and abs(a.sentence - b.sentence) <= ARTICLE_GAP:
        score += ARTICLE_BONUS
    return score


_SELECT = (
    "SELECT e.id, e.cluster_id, a.content_hash, e.start_char, e.end_char, e.type, e.source_country, "
    "e.target_country, e.sort_date, e.geo_lat, e.geo_lon, e.geo_country, e.geo_from, e.geo_precision, "
    "substr(a.text, e.start_char + 1, e.end_char - e.start_char), e.article_id, e.sentence, "
    "e.source_actor_id, e.target_actor_id "
    "FROM events e JOIN articles a ON a.id = e.article_id "
)
_COUNTED = "e.when_ = 'current' AND e.negated = 0 AND e.hypothetical = 0 AND e.source_country IS NOT NULL"
_ELIGIBLE = _COUNTED + " AND e.sort_date IS NOT NULL"


def _report(row) -> _Report:
    i, cluster, h, start, end, kind, src, tgt, day, lat, lon, country, where, precision, text = row[:15]
    article, sentence, source_actor, target_actor = row[15:19]
    key = f"{h}:{start}:{end}:{kind}:{src}:{tgt}"
    precise = where != "dateline" and precision == "city"
    day = date.fromisoformat(day) if day else None
    ids = (article, sentence, (source_actor, target_actor))
    return _Report(i, cluster, key, words(text or ""), lat, lon, country, day, precise, *ids)


def _cluster_id(key: str) -> str:
    return "ev" + hashlib.sha256(key.encode()).hexdigest()[:14]


def update(store: Store) -> int:
    """Cluster the events that have no cluster yet (new or recoded), day by day, committing every
    half second; returns how many."""
    db = store.db
    days = [r[0] for r in db.execute("SELECT DISTINCT sort_date FROM events WHERE cluster_id IS NULL")]
    done, cache = 0, _Cache()
    days.sort(key=lambda d: (d is None, d or ""))  # undated last: they look for dated reports
    while days:
        with store.transaction():
            if store.backend == "postgresql":  # one clusterer at a time
                db.execute("SELECT pg_advisory_xact_lock(74610002)")
            since = time.monotonic()
            while days and time.monotonic() - since < 0.5:
                done += _cluster_day(store, days.pop(0), cache)
            touched, cache.touched = sorted(cache.touched), set()
            for i in range(0, len(touched), 500):  # once per transaction: a cluster may span days
                recount(store, touched[i : i + 500])
    return done


class _Cache:
    """Reports already read in this run, by event id, for the days still in the window; and the
    clusters that gained reports since the last recount."""

    def __init__(self) -> None:
        self.reports: dict[int, _Report] = {}
        self.touched: set[str] = set()

    def report(self, row) -> _Report:
        known = self.reports.get(row[0])
        if known is None:
            known = self.reports[row[0]] = _report(row)
        return known

    def forget_before(self, day: date) -> None:
        self.reports = {i: r for i, r in self.reports.items() if r.day and r.day >= day}


def _cluster_day(store: Store, day: str | None, cache: _Cache) -> int:
    """Cluster the unclustered events of one day (of no date: `day` None); returns how many."""
    db = store.db
    order = " ORDER BY a.content_hash, e.start_char, e.type, e.target_country NULLS FIRST, e.id"
    on_day, args = ("e.sort_date = ?", (day,)) if day else ("e.sort_date IS NULL", ())
    new = [
        (_report(r), r[5], r[6], r[7])
        for r in db.execute(_SELECT + f"WHERE e.cluster_id IS NULL AND {on_day} AND {_COUNTED}" + order, args)
    ]
    singles = db.execute(
        "SELECT e.id, a.content_hash, e.start_char, e.end_char, e.type, e.source_country, "
        "e.target_country FROM events e JOIN articles a ON a.id = e.article_id "
        f"WHERE e.cluster_id IS NULL AND {on_day} AND NOT ({_COUNTED})" + order,
        args,
    ).fetchall()
    assign = {r[0]: _cluster_id(":".join(map(str, r[1:]))) for r in singles}
    blocks: dict[tuple, _Block] = {}
    if day:
        d = date.fromisoformat(day)
        window = [
            (d - timedelta(days=WINDOW_DAYS)).isoformat(),
            (d + timedelta(days=WINDOW_DAYS)).isoformat(),
        ]
        cache.forget_before(d - timedelta(days=WINDOW_DAYS))
    for report, kind, src, tgt in new:
        # an undated report's block: its pair and type in the articles stored near it, any date
        near = () if day else (report.article,)
        block = blocks.get((kind, src, tgt, *near))
        if block is None:
            block = blocks[(kind, src, tgt, *near)] = _Block()
            if day:
                where, bounds = f"e.sort_date BETWEEN ? AND ? AND {_ELIGIBLE}", window
            else:
                where = f"e.article_id BETWEEN ? AND ? AND {_COUNTED}"
                bounds = [report.article - NEIGHBOURS, report.article + NEIGHBOURS]
            for member in _members(store, cache, kind, src, tgt, where, bounds):
                block.add(member)
        report.cluster = _best_cluster(report, block) or _cluster_id(report.key)
        assign[report.id] = report.cluster
        block.add(report)
    _write(store, assign, cache.touched)
    return len(assign)


def _best_cluster(report: _Report, block: _Block) -> str | None:
    """The cluster whose best-matching report matches this one well enough, among the clusters
    none of whose reports it contradicts (no chain across two places); the most recent cluster
    that matches it nearly word for word at once."""
    candidates = []
    for cluster in reversed(block.clusters):
        scores = [same_event(report, member) for member in block.clusters[cluster]]
        if APART in scores:
            continue
        if max(scores) >= NEAR_COPY:
            return cluster
        if max(scores) >= MIN_SIMILARITY:
            candidates.append((-max(scores), cluster))
    return min(candidates)[1] if candidates else None


def _members(
    store: Store, cache: _Cache, kind: str, src: str, tgt: str | None, where: str, more: list
) -> list[_Report]:
    """The clustered events of a block where `where` holds (a window of dates, or of articles):
    the first PER_CLUSTER of each cluster."""
    target = "e.target_country = ?" if tgt is not None else "e.target_country IS NULL"
    args = [kind, src, *([tgt] if tgt is not None else []), *more]
    ranked = (  # ranked in the events table alone; only the kept rows are joined to their text
        "SELECT e.id, ROW_NUMBER() OVER (PARTITION BY e.cluster_id ORDER BY e.id) AS n FROM events e "
        f"WHERE e.type = ? AND e.source_country = ? AND {target} AND {where} AND e.cluster_id IS NOT NULL"
    )
    sql = _SELECT + f"JOIN ({ranked}) AS w ON w.id = e.id WHERE w.n <= {PER_CLUSTER} ORDER BY e.id"
    return [cache.report(r) for r in store.db.execute(sql, args)]


def _write(store: Store, assign: dict[int, str], touched: set[str]) -> None:
    """Set the events' clusters, and note the clusters touched (recounted by `update`)."""
    if not assign:
        return
    rows = [(cluster, event_id) for event_id, cluster in assign.items()]
    if store.backend == "sqlite":
        store.db.conn.executemany("UPDATE events SET cluster_id = ? WHERE id = ?", rows)
    else:
        with store.db.conn.cursor() as cur:
            cur.executemany("UPDATE events SET cluster_id = %s WHERE id = %s", rows)
    touched.update(assign.values())


def recount(store: Store, clusters: list[str] | None = None) -> None:
    """NumMentions, NumSources (distinct outlets; an article without one is a source of its own) and
    NumArticles of the given clusters, or of all (dropping clusters left without events)."""
    where = "e.cluster_id IS NOT NULL"
    args: list = []
    if clusters is not None:
        where = f"e.cluster_id IN ({','.join('?' * len(clusters))})"
        args = list(clusters)
    else:
        store.db.execute("DELETE FROM event_clusters")
    store.db.execute(
        "INSERT INTO event_clusters(id, mentions, sources, articles) "
        "SELECT e.cluster_id, COUNT(*), COUNT(DISTINCT COALESCE(a.outlet, 'article ' || a.id)), "
        f"COUNT(DISTINCT e.article_id) FROM events e JOIN articles a ON a.id = e.article_id WHERE {where} "
        "GROUP BY e.cluster_id ON CONFLICT(id) DO UPDATE SET mentions = excluded.mentions, "
        "sources = excluded.sources, articles = excluded.articles",
        args,
    )


def rebuild_counts(store: Store) -> None:
    """Recount every cluster (after articles were recoded, which removes and re-adds their events)."""
    with store.transaction():
        recount(store)
