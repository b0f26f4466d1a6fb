"""The store: every SQL statement dyad runs, over SQLite (WAL) by default."""

from __future__ import annotations

import re
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

from .errors import StoreError
from .model import Actor, Article, Mention, Quote, Sentence

SCHEMA_VERSION = "2"  # 2: events.sort_date

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    doc_id TEXT,
    source TEXT,
    url TEXT,
    title TEXT,
    outlet TEXT,
    published TEXT,
    language TEXT,
    flags TEXT NOT NULL DEFAULT '',
    format TEXT NOT NULL,
    text TEXT NOT NULL,
    knowledge_version TEXT,
    ingested_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_doc_id ON articles(doc_id);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
CREATE TABLE IF NOT EXISTS sentences (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE IF NOT EXISTS actors (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    country TEXT,
    sector TEXT,
    role TEXT,
    origin TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS mentions (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    actor_id INTEGER NOT NULL REFERENCES actors(id),
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text TEXT NOT NULL,
    sentence INTEGER NOT NULL,
    how TEXT NOT NULL,
    locative INTEGER NOT NULL DEFAULT 0,
    country TEXT,
    sector TEXT
);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article_id);
CREATE INDEX IF NOT EXISTS mentions_actor ON mentions(actor_id);
CREATE TABLE IF NOT EXISTS quotes (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text TEXT NOT NULL,
    speaker_actor_id INTEGER REFERENCES actors(id),
    sentence INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article_id);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker_actor_id);
CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts USING fts5(text, content='quotes', content_rowid='id');
CREATE TRIGGER IF NOT EXISTS quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER IF NOT EXISTS quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    mode TEXT,
    context TEXT,
    source_actor_id INTEGER NOT NULL REFERENCES actors(id),
    target_actor_id INTEGER REFERENCES actors(id),
    source_country TEXT,
    target_country TEXT,
    when_ TEXT NOT NULL DEFAULT 'current',
    negated INTEGER NOT NULL DEFAULT 0,
    hypothetical INTEGER NOT NULL DEFAULT 0,
    event_date TEXT,
    sort_date TEXT,  -- the event's date, else its article's: what views order and filter by
    date_precision TEXT,
    attributed_to TEXT,
    confidence REAL,
    trigger TEXT,
    cameo TEXT,
    quad_class INTEGER,
    score REAL,
    sentence INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS candidates (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    verb TEXT NOT NULL,
    source_actor_id INTEGER NOT NULL REFERENCES actors(id),
    target_actor_id INTEGER NOT NULL REFERENCES actors(id),
    sentence INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS candidates_verb ON candidates(verb);
CREATE INDEX IF NOT EXISTS events_article ON events(article_id);
CREATE INDEX IF NOT EXISTS events_sort ON events(sort_date, id);
CREATE INDEX IF NOT EXISTS events_pair ON events(source_country, target_country, sort_date);
CREATE INDEX IF NOT EXISTS events_type ON events(type, sort_date);
CREATE INDEX IF NOT EXISTS events_source_actor ON events(source_actor_id);
CREATE INDEX IF NOT EXISTS events_target_actor ON events(target_actor_id);
"""


class Store:
    """An SQLite store; each article is written in one transaction."""

    def __init__(self, path: str | Path):
        self.path = str(path)
        if self.path != ":memory:" and Path(self.path).is_dir():
            raise StoreError(f"{self.path}: is a directory, not a store")
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.execute("PRAGMA busy_timeout=10000")
            if self._schema_version() != SCHEMA_VERSION:
                self._migrate()
                self.db.executescript(SCHEMA)
                self.db.execute(
                    "INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)", (SCHEMA_VERSION,)
                )
        except sqlite3.DatabaseError as err:
            raise StoreError(f"{self.path}: cannot open store ({err})") from None
        self._actor_ids: dict[str, int] = {}

    def _schema_version(self) -> str | None:
        try:
            row = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except sqlite3.OperationalError:  # a new store: no meta table yet
            return None
        return row[0] if row else None

    def _migrate(self) -> None:
        """Bring a store made by an earlier dyad up to this schema."""
        columns = {r[1] for r in self.db.execute("PRAGMA table_info(events)")}
        if columns and "sort_date" not in columns:
            self.db.execute("ALTER TABLE events ADD COLUMN sort_date TEXT")
            self.db.execute(
                "UPDATE events SET sort_date = COALESCE(event_date, "
                "(SELECT published FROM articles a WHERE a.id = events.article_id))"
            )

    def close(self) -> None:
        self.db.close()

    # --- writing
    def find_by_hash(self, content_hash: str) -> int | None:
        """The id of the article with this content hash, if stored."""
        row = self.db.execute("SELECT id FROM articles WHERE content_hash = ?", (content_hash,)).fetchone()
        return row[0] if row else None

    def save(self, article: Article, knowledge_version: str) -> int | None:
        """Store a new article with all it was found to contain; None if already stored."""
        h = article.content_hash
        with self._transaction():
            cur = self.db.execute(
                "INSERT INTO articles(content_hash, doc_id, source, url, title, outlet, "
                "published, language, flags, format, text, knowledge_version, ingested_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(content_hash) DO NOTHING",
                (
                    h,
                    article.doc_id,
                    article.source,
                    article.url,
                    article.title,
                    article.outlet,
                    _iso(article.published),
                    article.language,
                    ",".join(article.flags),
                    article.format,
                    article.text,
                    knowledge_version,
                    datetime.now(UTC).isoformat(timespec="seconds"),
                ),
            )
            if cur.rowcount == 0:
                return None
            article_id = cur.lastrowid
            self._write_coding(article_id, article)
        return article_id

    def recode(self, article_id: int, article: Article, knowledge_version: str) -> None:
        """Replace what an article was found to contain (after the knowledge changed)."""
        with self._transaction():
            for table in ("sentences", "mentions", "quotes", "events", "candidates"):
                self.db.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
            self.db.execute(
                "UPDATE articles SET knowledge_version = ?, language = ?, flags = ? WHERE id = ?",
                (knowledge_version, article.language, ",".join(article.flags), article_id),
            )
            self._write_coding(article_id, article)

    def _write_coding(self, article_id: int, article: Article) -> None:
        self.db.executemany(
            "INSERT INTO sentences(article_id, idx, start_char, end_char) VALUES (?, ?, ?, ?)",
            [(article_id, s.index, s.start, s.end) for s in article.sentences],
        )
        ids = {key: self._actor_id(actor) for key, actor in article.actors.items()}
        self.db.executemany(
            "INSERT INTO mentions(article_id, actor_id, start_char, end_char, text, sentence, how,"
            " locative, country, sector) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    article_id,
                    ids[m.actor_key],
                    m.start,
                    m.end,
                    m.text,
                    m.sentence,
                    m.how,
                    int(m.locative),
                    article.actors[m.actor_key].country,
                    article.actors[m.actor_key].sector,
                )
                for m in article.mentions
            ],
        )
        self.db.executemany(
            "INSERT INTO quotes(article_id, start_char, end_char, text, speaker_actor_id, "
            "sentence) VALUES (?, ?, ?, ?, ?, ?)",
            [
                (article_id, q.start, q.end, q.text, ids.get(q.speaker_key or ""), q.sentence)
                for q in article.quotes
            ],
        )

        self.db.executemany(
            "INSERT INTO events(article_id, type, mode, context, source_actor_id, target_actor_id, "
            "source_country, target_country, when_, negated, hypothetical, event_date, sort_date, "
            "date_precision, "
            "attributed_to, confidence, trigger, cameo, quad_class, score, sentence, start_char, end_char) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    article_id,
                    e.type,
                    e.mode,
                    e.context,
                    ids[e.source_keys[0]],
                    ids[e.target_keys[0]] if e.target_keys else None,
                    article.actors[e.source_keys[0]].country,
                    article.actors[e.target_keys[0]].country if e.target_keys else None,
                    e.when,
                    int(e.negated),
                    int(e.hypothetical),
                    _iso(e.date),
                    _iso(e.date or article.published),
                    e.date_precision,
                    e.attributed_to,
                    e.confidence,
                    e.trigger,
                    e.cameo,
                    e.quad_class,
                    e.score,
                    e.sentence,
                    e.start,
                    e.end,
                )
                for e in article.events
            ],
        )
        self.db.executemany(
            "INSERT INTO candidates(article_id, verb, source_actor_id, target_actor_id, sentence) "
            "VALUES (?, ?, ?, ?, ?)",
            [
                (article_id, c.verb, ids[c.source_key], ids[c.target_key], c.sentence)
                for c in article.candidates
            ],
        )

    def _actor_id(self, actor: Actor) -> int:
        cached = self._actor_ids.get(actor.key)
        if cached is not None:
            return cached
        self.db.execute(
            "INSERT INTO actors(key, name, kind, country, sector, role, origin) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET "
            "role = COALESCE(actors.role, excluded.role)",
            (
                actor.key,
                actor.name,
                actor.kind,
                actor.country,
                actor.sector,
                actor.role,
                actor.origin,
            ),
        )
        (actor_id,) = self.db.execute("SELECT id FROM actors WHERE key = ?", (actor.key,)).fetchone()
        self._actor_ids[actor.key] = actor_id
        return actor_id

    def _transaction(self):
        return _Transaction(self)

    # --- reading
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
        for (
            start,
            end,
            text,
            sentence,
            how,
            locative,
            country,
            sector,
            key,
            name,
            kind,
            role,
            origin,
        ) in self.db.execute(
            "SELECT m.start_char, m.end_char, m.text, m.sentence, m.how, m.locative, m.country, "
            "m.sector, a.key, a.name, a.kind, a.role, a.origin FROM mentions m "
            "JOIN actors a ON a.id = m.actor_id WHERE m.article_id = ? ORDER BY m.start_char",
            (article_id,),
        ):
            article.mentions.append(Mention(start, end, text, key, sentence, how, bool(locative)))
            article.actors.setdefault(key, Actor(key, name, kind, country, sector, role, origin))
        for start, end, text, sentence, key, name, kind, country, sector, role, origin in self.db.execute(
            "SELECT q.start_char, q.end_char, q.text, q.sentence, a.key, a.name, a.kind, a.country, "
            "a.sector, a.role, a.origin FROM quotes q LEFT JOIN actors a ON a.id = q.speaker_actor_id "
            "WHERE q.article_id = ? ORDER BY q.start_char",
            (article_id,),
        ):
            article.quotes.append(Quote(start, end, text, key, sentence))
            if key is not None:
                article.actors.setdefault(key, Actor(key, name, kind, country, sector, role, origin))
        return article

    def find_article(self, ref: str) -> int | None:
        """An article id from its number, its input id or name, or a prefix of its hash."""
        if ref.isdigit() and _fits(int(ref)):
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

    def actor_rows(
        self, limit: int | None = None, offset: int = 0, actor_id: int | None = None
    ) -> list[dict]:
        """Actors with their code as used in mentions, mention and article counts."""
        if actor_id is not None and not _fits(actor_id):
            return []
        where = "WHERE a.id = ? " if actor_id is not None else ""
        sql = (
            "SELECT a.id, a.name, a.kind, m.country, m.sector, a.role, a.origin, a.key, "
            "COUNT(*) AS mentions, COUNT(DISTINCT m.article_id) AS articles "
            f"FROM mentions m JOIN actors a ON a.id = m.actor_id {where}"
            "GROUP BY a.id, m.country, m.sector ORDER BY articles DESC, mentions DESC, a.name"
        )
        sql += _page(limit, offset)
        cols = (
            "id",
            "name",
            "kind",
            "country",
            "sector",
            "role",
            "origin",
            "key",
            "mentions",
            "articles",
        )
        args = (actor_id,) if actor_id is not None else ()
        return [dict(zip(cols, r, strict=True)) for r in self.db.execute(sql, args)]

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
            terms = " ".join('"' + w.replace('"', '""') + '"' for w in search.split())
            where.append("q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)")
            args.append(terms)
        if speaker:
            where.append("s.name LIKE ? ESCAPE '\\'")
            args.append("%" + speaker.replace("%", "\\%").replace("_", "\\_") + "%")
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
        sql += " ORDER BY a.published DESC, a.id, q.start_char" + _page(limit, offset)
        cols = (
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
        return [dict(zip(cols, r, strict=True)) for r in self.db.execute(sql, args)]

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
    )

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
    ) -> list[dict]:
        """Events with their actors, article and evidence; source/target match a country code or
        part of an actor's name; actor_id matches either side."""
        where, args = [], []
        for side, value in (("s", source), ("t", target)):
            if value and _COUNTRY_CODE.fullmatch(value):  # PAK: the code, which an index serves
                where.append(f"e.{'source' if side == 's' else 'target'}_country = ?")
                args.append(value)
            elif value:  # Mujahid: part of an actor's name
                where.append(f"{side}.name LIKE ?")
                args.append(f"%{value}%")

        if event_type:
            where.append("e.type = ?")
            args.append(event_type.upper())
        if since:
            where.append("e.sort_date >= ?")
            args.append(since)
        if until:
            where.append("e.sort_date <= ?")
            args.append(until)
        if when:
            where.append("e.when_ = ?")
            args.append(when)
        if actor_id is not None:
            where.append("(e.source_actor_id = ? OR e.target_actor_id = ?)")
            args += [actor_id, actor_id]
        if article_id is not None:
            where.append("e.article_id = ?")
            args.append(article_id)
        sql = (
            "SELECT e.id, e.source_actor_id, e.target_actor_id, a.id, a.doc_id, a.url, a.outlet, "
            "a.published, a.title, e.type, e.mode, e.context, "
            "s.name, e.source_country, s.sector, t.name, e.target_country, t.sector, e.when_, e.negated, "
            "e.hypothetical, e.event_date, e.date_precision, e.attributed_to, e.confidence, e.trigger, "
            "e.cameo, e.quad_class, e.score, e.sentence, e.start_char, e.end_char, "
            "substr(a.text, e.start_char + 1, e.end_char - e.start_char) "
            "FROM events e JOIN articles a ON a.id = e.article_id "
            "JOIN actors s ON s.id = e.source_actor_id LEFT JOIN actors t ON t.id = e.target_actor_id"
        )
        if where:
            sql += " WHERE " + " AND ".join(where)
        order = "DESC" if newest_first else "ASC"
        sql += f" ORDER BY e.sort_date {order}, e.id {order}" + _page(limit, offset)
        rows = []
        for r in self.db.execute(sql, args):
            row = dict(zip(self.EVENT_COLUMNS, r, strict=True))
            row["negated"], row["hypothetical"] = bool(row["negated"]), bool(row["hypothetical"])
            rows.append(row)
        return rows

    def dyad_series(self, source: str, target: str, by: str = "day") -> list[dict]:
        """A directed pair's events per day or week: counts by QuadClass and the mean score."""
        period = "e.sort_date"
        if by == "week":  # the Monday of the week
            period = f"date({period}, '-' || ((strftime('%w', {period}) + 6) % 7) || ' days')"
        sql = (
            f"SELECT {period} AS period, "
            "SUM(e.quad_class = 1), SUM(e.quad_class = 2), SUM(e.quad_class = 3), SUM(e.quad_class = 4), "
            "COUNT(*), AVG(e.score) FROM events e JOIN articles a ON a.id = e.article_id "
            "JOIN actors s ON s.id = e.source_actor_id JOIN actors t ON t.id = e.target_actor_id "
            "WHERE (e.source_country = ? OR s.name = ?) AND (e.target_country = ? OR t.name = ?) "
            "AND e.when_ = 'current' AND e.negated = 0 AND period IS NOT NULL GROUP BY period ORDER BY period"
        )
        cols = (
            "period",
            "verbal_cooperation",
            "material_cooperation",
            "verbal_conflict",
            "material_conflict",
            "events",
            "mean_score",
        )
        out = []
        for r in self.db.execute(sql, (source.upper(), source, target.upper(), target)):
            row = dict(zip(cols, r, strict=True))
            row["mean_score"] = round(row["mean_score"], 2)
            out.append(row)
        return out

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

    def article_rows(self, limit: int | None = 50, offset: int = 0) -> list[dict]:
        """Articles, newest first, with their counts of mentions, quotes and events."""
        sql = (
            "SELECT a.id, a.doc_id, a.title, a.outlet, a.url, a.published, a.language, a.flags, "
            "(SELECT COUNT(*) FROM mentions m WHERE m.article_id = a.id), "
            "(SELECT COUNT(*) FROM quotes q WHERE q.article_id = a.id), "
            "(SELECT COUNT(*) FROM events e WHERE e.article_id = a.id) "
            "FROM articles a ORDER BY a.published DESC, a.id DESC" + _page(limit, offset)
        )
        cols = (
            "id",
            "doc_id",
            "title",
            "outlet",
            "url",
            "published",
            "language",
            "flags",
            "mentions",
            "quotes",
            "events",
        )
        return [dict(zip(cols, r, strict=True)) for r in self.db.execute(sql)]

    def top_dyads(self, limit: int = 10) -> list[dict]:
        """The most active directed pairs of countries (current events)."""
        sql = (
            "SELECT source_country, target_country, COUNT(*), AVG(score) FROM events "
            "WHERE target_country IS NOT NULL AND when_ = 'current' AND source_country != target_country "
            "GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2" + _page(limit, 0)
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
    ) -> dict:
        """Actors as nodes and events as directed edges (count, mean score)."""
        where, args = ["e.target_actor_id IS NOT NULL", "e.negated = 0"], []
        if since:
            where.append("e.sort_date >= ?")
            args.append(since)
        if until:
            where.append("e.sort_date <= ?")
            args.append(until)
        if event_type:
            where.append("e.type = ?")
            args.append(event_type.upper())
        sql = (
            "SELECT e.source_actor_id, e.target_actor_id, COUNT(*), AVG(e.score) "
            "FROM events e JOIN articles a ON a.id = e.article_id WHERE "
            + " AND ".join(where)
            + " GROUP BY 1, 2 HAVING COUNT(*) >= ? ORDER BY 3 DESC"
        )
        edges = [
            {"source": s, "target": t, "events": n, "mean_score": round(m, 2)}
            for s, t, n, m in self.db.execute(sql, [*args, min_events])
        ]
        ids = sorted({e["source"] for e in edges} | {e["target"] for e in edges})
        nodes = []
        if ids:
            marks = ",".join("?" * len(ids))
            for i, name, kind, country, sector in self.db.execute(
                f"SELECT id, name, kind, country, sector FROM actors WHERE id IN ({marks})", ids
            ):
                degree = sum(e["events"] for e in edges if i in (e["source"], e["target"]))
                nodes.append(
                    {
                        "id": i,
                        "name": name,
                        "kind": kind,
                        "country": country,
                        "sector": sector,
                        "events": degree,
                    }
                )
        return {"nodes": nodes, "edges": edges}

    def stats(self) -> dict:
        one = self.db.execute
        counts = {
            table: one(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in ("articles", "sentences", "actors", "mentions", "quotes", "events", "candidates")
        }
        counts["languages"] = dict(
            one(
                "SELECT COALESCE(language, 'und'), COUNT(*) FROM articles GROUP BY 1 ORDER BY 2 DESC"
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
            one("SELECT country, COUNT(*) FROM mentions GROUP BY country ORDER BY 2 DESC LIMIT 10").fetchall()
        )
        return counts


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on any error."""

    def __init__(self, store: Store):
        self.store = store

    def __enter__(self):
        self.store.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            self.store.db.execute("COMMIT")
        else:
            self.store.db.execute("ROLLBACK")
            self.store._actor_ids.clear()  # ids inserted in the rolled-back transaction are gone
        return False


_COUNTRY_CODE = re.compile(r"[A-Z]{3}")


def _fits(n: int) -> bool:
    """Whether an id fits SQLite's 64-bit integers (a longer one names nothing)."""
    return -(2**63) <= n < 2**63


def _page(limit: int | None, offset: int) -> str:
    """LIMIT/OFFSET for a query (both validated as integers)."""
    sql = f" LIMIT {int(limit)}" if limit else (" LIMIT -1" if offset else "")
    return sql + (f" OFFSET {int(offset)}" if offset else "")


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
