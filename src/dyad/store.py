"""The store: every SQL statement dyad runs, over SQLite (WAL, the default) or PostgreSQL."""

from __future__ import annotations

import contextlib
import functools
import re
import sqlite3
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import ClassVar
from urllib.parse import urlsplit, urlunsplit

from .errors import StoreError
from .model import Actor, Article, Mention, Quote, Sentence

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

SCHEMA_VERSION = "5"  # 2: events.sort_date; 3: events.root, events.mutual; 4: indexes for one side;
# 5: events.geo_*, events.cluster_id, event_clusters
# where an event happened (see locations.py), as stored: (column, SQL type)
GEO_COLUMNS = (
    *((c, "{TEXT}") for c in ("geo_name", "geo_resolved", "geo_country", "geo_adm1")),
    *(("geo_lat", "{REAL}"), ("geo_lon", "{REAL}")),
    *((c, "{TEXT}") for c in ("geo_feature", "geo_precision", "geo_from")),
)

# {ID}: a row id made by the database; {REF}: a reference to one; {REAL}: a float; {TEXT}: text compared
# byte by byte, so that both backends sort the same way.
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (
    key {TEXT} PRIMARY KEY,
    value {TEXT} NOT NULL
);
CREATE TABLE IF NOT EXISTS articles (
    id {ID},
    content_hash {TEXT} NOT NULL UNIQUE,
    doc_id {TEXT},
    source {TEXT},
    url {TEXT},
    title {TEXT},
    outlet {TEXT},
    published {TEXT},
    language {TEXT},
    flags {TEXT} NOT NULL DEFAULT '',
    format {TEXT} NOT NULL,
    text {TEXT} NOT NULL,
    knowledge_version {TEXT},
    ingested_at {TEXT} NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_doc_id ON articles(doc_id);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
CREATE TABLE IF NOT EXISTS sentences (
    article_id {REF} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE IF NOT EXISTS actors (
    id {ID},
    key {TEXT} NOT NULL UNIQUE,
    name {TEXT} NOT NULL,
    kind {TEXT} NOT NULL,
    country {TEXT},
    sector {TEXT},
    role {TEXT},
    origin {TEXT} NOT NULL
);
CREATE TABLE IF NOT EXISTS mentions (
    id {ID},
    article_id {REF} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    actor_id {REF} NOT NULL REFERENCES actors(id),
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text {TEXT} NOT NULL,
    sentence INTEGER NOT NULL,
    how {TEXT} NOT NULL,
    locative INTEGER NOT NULL DEFAULT 0,
    country {TEXT},
    sector {TEXT}
);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article_id);
CREATE INDEX IF NOT EXISTS mentions_actor ON mentions(actor_id);
CREATE TABLE IF NOT EXISTS quotes (
    id {ID},
    article_id {REF} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text {TEXT} NOT NULL,
    speaker_actor_id {REF} REFERENCES actors(id),
    sentence INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article_id);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker_actor_id);
CREATE TABLE IF NOT EXISTS events (
    id {ID},
    article_id {REF} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    type {TEXT} NOT NULL,
    mode {TEXT},
    context {TEXT},
    source_actor_id {REF} NOT NULL REFERENCES actors(id),
    target_actor_id {REF} REFERENCES actors(id),
    source_country {TEXT},
    target_country {TEXT},
    when_ {TEXT} NOT NULL DEFAULT 'current',
    negated INTEGER NOT NULL DEFAULT 0,
    hypothetical INTEGER NOT NULL DEFAULT 0,
    root INTEGER NOT NULL DEFAULT 0,  -- the sentence's principal event (GDELT's IsRootEvent)
    mutual INTEGER NOT NULL DEFAULT 0,  -- one side of a joint act, coded in both directions
    event_date {TEXT},
    sort_date {TEXT},  -- the event's date, else its article's: what views order and filter by
    date_precision {TEXT},
    attributed_to {TEXT},
    confidence {REAL},
    trigger {TEXT},
    cameo {TEXT},
    quad_class INTEGER,
    score {REAL},
    sentence INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    {GEO},
    cluster_id {TEXT}  -- the event cluster: reports of one real event (event_clusters.py)
);
CREATE TABLE IF NOT EXISTS event_clusters (
    id {TEXT} PRIMARY KEY,
    mentions INTEGER NOT NULL,  -- GDELT's NumMentions, NumSources (distinct outlets), NumArticles
    sources INTEGER NOT NULL,
    articles INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS candidates (
    id {ID},
    article_id {REF} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    verb {TEXT} NOT NULL,
    source_actor_id {REF} NOT NULL REFERENCES actors(id),
    target_actor_id {REF} NOT NULL REFERENCES actors(id),
    sentence INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS candidates_verb ON candidates(verb);
CREATE INDEX IF NOT EXISTS events_article ON events(article_id);
CREATE INDEX IF NOT EXISTS events_sort ON events(sort_date, id);
CREATE INDEX IF NOT EXISTS events_pair ON events(source_country, target_country, sort_date);
CREATE INDEX IF NOT EXISTS events_type ON events(type, sort_date);
CREATE INDEX IF NOT EXISTS events_source ON events(source_country, sort_date);
CREATE INDEX IF NOT EXISTS events_target ON events(target_country, sort_date);
CREATE INDEX IF NOT EXISTS events_source_actor ON events(source_actor_id);
CREATE INDEX IF NOT EXISTS events_target_actor ON events(target_actor_id);
CREATE INDEX IF NOT EXISTS events_cluster ON events(cluster_id);
"""

# Full-text search over quotations: an FTS5 table kept in step by triggers (SQLite) or an index over
# the words of each quotation (PostgreSQL).
SQLITE_SEARCH = """
CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts USING fts5(text, content='quotes', content_rowid='id');
CREATE TRIGGER IF NOT EXISTS quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER IF NOT EXISTS quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
"""
POSTGRES_SEARCH = """
CREATE INDEX IF NOT EXISTS quotes_words ON quotes USING GIN (to_tsvector('simple', text));
-- the events' order, no date first as in SQLite (an index in PostgreSQL's default order cannot serve it)
CREATE INDEX IF NOT EXISTS events_sort_first ON events(sort_date NULLS FIRST, id);
CREATE INDEX IF NOT EXISTS events_pair_first
    ON events(source_country, target_country, sort_date NULLS FIRST, id);
CREATE INDEX IF NOT EXISTS events_source_first ON events(source_country, sort_date NULLS FIRST, id);
CREATE INDEX IF NOT EXISTS events_target_first ON events(target_country, sort_date NULLS FIRST, id);
CREATE INDEX IF NOT EXISTS events_type_first ON events(type, sort_date NULLS FIRST, id);
"""


class _Sqlite:
    """An SQLite file (or :memory:) in WAL mode."""

    name = "sqlite"
    types: ClassVar[dict[str, str]] = {
        "ID": "INTEGER PRIMARY KEY",
        "REF": "INTEGER",
        "REAL": "REAL",
        "TEXT": "TEXT",
    }
    begin = "BEGIN IMMEDIATE"
    no_limit = " LIMIT -1"
    like = "LIKE"  # case-insensitive for ASCII
    quote_search = "q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)"
    retryable: tuple[type[Exception], ...] = ()

    def __init__(self, path: str):
        self.location = path
        if path != ":memory:" and Path(path).is_dir():
            raise StoreError(f"{path}: is a directory, not a store")
        try:
            self.conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute("PRAGMA busy_timeout=10000")
        except sqlite3.DatabaseError as err:
            raise StoreError(f"{path}: cannot open store ({err})") from None

    def execute(self, sql: str, args=()):
        return self.conn.execute(sql, args)

    def insert_rows(self, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
        marks = ", ".join("?" * len(columns))
        self.conn.executemany(f"INSERT INTO {table}({', '.join(columns)}) VALUES ({marks})", rows)

    def script(self, sql: str) -> None:
        """Several statements, inside the current transaction (which executescript would commit)."""
        statement = ""
        for line in sql.splitlines(keepends=True):
            statement += line
            if sqlite3.complete_statement(statement):
                self.conn.execute(statement)
                statement = ""

    def has_table(self, name: str) -> bool:
        return bool(
            self.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone()
        )

    def columns(self, table: str) -> set[str]:
        return {r[1] for r in self.execute(f"PRAGMA table_info({table})")}

    @staticmethod
    def search_terms(words: str) -> str:
        """FTS5 query: every word must occur, each quoted (so no word is query syntax)."""
        return " ".join('"' + w.replace('"', '""') + '"' for w in _words(words)) or '""'

    @staticmethod
    def week(day: str) -> str:
        """The Monday of the week of a date column, as text."""
        return f"date({day}, '-' || ((strftime('%w', {day}) + 6) % 7) || ' days')"

    def close(self) -> None:
        self.conn.close()


class _Postgres:
    """A PostgreSQL database, from a postgresql:// URL (libpq's, `?options=-csearch_path%3Dname` for a
    schema of one's own)."""

    name = "postgresql"
    types: ClassVar[dict[str, str]] = {
        "ID": "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
        "REF": "BIGINT",
        "REAL": "DOUBLE PRECISION",
        "TEXT": 'TEXT COLLATE "C"',
    }
    begin = "BEGIN"
    no_limit = ""
    like = "ILIKE"
    quote_search = "to_tsvector('simple', q.text) @@ plainto_tsquery('simple', ?)"

    def __init__(self, url: str):
        import psycopg

        self.location = _redact(url)
        self._inserts: dict[tuple, str] = {}
        self.retryable = (psycopg.errors.DeadlockDetected, psycopg.errors.SerializationFailure)
        try:
            self.conn = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as err:
            reason = " ".join(str(err).split())
            raise StoreError(f"{self.location}: cannot connect ({reason})") from None

    def execute(self, sql: str, args=()):
        return self.conn.execute(_postgres_sql(sql), args)

    def insert_rows(self, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
        """Rows as one array per column, unnested by one statement: a single round trip, and the
        same text whatever the number of rows, so the server plans it once."""
        if rows:
            self.conn.execute(self._unnest_sql(table, columns), [list(c) for c in zip(*rows, strict=True)])

    def _unnest_sql(self, table: str, columns: tuple[str, ...]) -> str:
        sql = self._inserts.get((table, columns))
        if sql is None:
            types = dict(
                self.conn.execute(
                    "SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute "
                    "WHERE attrelid = to_regclass(%s) AND attnum > 0",
                    (table,),
                ).fetchall()
            )
            arrays = ", ".join(f"%s::{types[c]}[]" for c in columns)
            sql = f"INSERT INTO {table}({', '.join(columns)}) SELECT * FROM unnest({arrays})"
            self._inserts[(table, columns)] = sql
        return sql

    def script(self, sql: str) -> None:
        self.conn.execute(sql)

    def has_table(self, name: str) -> bool:
        sql = (
            "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?"
        )
        return bool(self.execute(sql, (name,)).fetchone())

    def columns(self, table: str) -> set[str]:
        sql = (
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND table_name = ?"
        )
        return {r[0] for r in self.execute(sql, (table,))}

    @staticmethod
    def search_terms(words: str) -> str:
        return " ".join(_words(words))

    @staticmethod
    def week(day: str) -> str:
        return f"to_char(date_trunc('week', CAST({day} AS date)), 'YYYY-MM-DD')"

    def close(self) -> None:
        self.conn.close()


def is_server_url(location: str | Path) -> bool:
    """Whether a store location names a PostgreSQL server rather than a file."""
    return str(location).startswith(("postgresql://", "postgres://"))


@functools.lru_cache(maxsize=256)
def _postgres_sql(sql: str) -> str:
    """A statement written with SQLite's `?` placeholders in psycopg's `%s` style."""
    out, quoted = [], False
    for ch in sql:
        if ch == "'":
            quoted = not quoted
        out.append("%%" if ch == "%" else "%s" if ch == "?" and not quoted else ch)
    return "".join(out)


def _redact(url: str) -> str:
    """A URL without its password, for messages."""
    parts = urlsplit(url)
    if parts.password:
        host = parts.hostname or ""
        netloc = f"{parts.username}:***@{host}" + (f":{parts.port}" if parts.port else "")
        return urlunsplit(parts._replace(netloc=netloc))
    return url


class Store:
    """A store of articles and all that was found in them; each article is written whole or not
    at all. `location` is a file path (SQLite) or a postgresql:// URL."""

    def __init__(self, location: str | Path):
        location = str(location)
        self.db = _Postgres(location) if is_server_url(location) else _Sqlite(location)
        self.path = self.db.location  # for messages: a URL never shows its password
        self._actors: dict[str, tuple[int, str, str | None]] = {}  # key: id, name, role
        self._batch: _Batch | None = None  # writes committed together (see batch)
        try:
            if self._schema_version() != SCHEMA_VERSION:
                self._create_schema()
        except sqlite3.DatabaseError as err:
            raise StoreError(f"{self.path}: cannot open store ({err})") from None

    @property
    def backend(self) -> str:
        return self.db.name

    def _schema_version(self) -> str | None:
        if not self.db.has_table("meta"):
            return None
        row = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return row[0] if row else None

    def _create_schema(self) -> None:
        with self._transaction():
            if self.backend == "postgresql":  # one process at a time creates the tables
                self.db.execute("SELECT pg_advisory_xact_lock(74610001)")
            self._migrate()
            geo = ",\n    ".join(f"{c} {t}" for c, t in GEO_COLUMNS).format(**self.db.types)
            self.db.script(SCHEMA.format(GEO=geo, **self.db.types))
            self.db.script(SQLITE_SEARCH if self.backend == "sqlite" else POSTGRES_SEARCH)
            self.db.execute(
                "INSERT INTO meta(key, value) VALUES ('schema_version', ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (SCHEMA_VERSION,),
            )

    def _migrate(self) -> None:
        """Bring a store made by an earlier dyad up to this schema."""
        columns = self.db.columns("events")
        if columns and "sort_date" not in columns:
            self.db.execute("ALTER TABLE events ADD COLUMN sort_date TEXT")
            self.db.execute(
                "UPDATE events SET sort_date = COALESCE(event_date, "
                "(SELECT published FROM articles a WHERE a.id = events.article_id))"
            )
        if columns and "root" not in columns:
            self._add_root_and_mutual()
        for column, kind in (*GEO_COLUMNS, ("cluster_id", "{TEXT}")):  # 4: none located or clustered
            if columns and column not in columns:
                self.db.execute(f"ALTER TABLE events ADD COLUMN {column} {kind.format(**self.db.types)}")

    def _add_root_and_mutual(self) -> None:
        """Schema 3's root and mutual columns for events coded before them. Old events were not
        classified, and all of them 0 would hide them from every root-only view, so root is guessed
        as the coder mostly chooses: a sentence's first event (lowest id) is root, and so are the
        others of its act (same trigger: "Turkey and Qatar mediated" is two). A leading adjunct is
        not passed over, and mutual stays 0: `dyad ingest --reprocess` gives the exact values."""
        self.db.execute("ALTER TABLE events ADD COLUMN root INTEGER NOT NULL DEFAULT 0")
        self.db.execute("ALTER TABLE events ADD COLUMN mutual INTEGER NOT NULL DEFAULT 0")
        self.db.execute(
            "UPDATE events SET root = 1 WHERE COALESCE(trigger, '') = (SELECT COALESCE(f.trigger, '') "
            "FROM events f WHERE f.article_id = events.article_id AND f.sentence = events.sentence "
            "ORDER BY f.id LIMIT 1)"
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
                    _iso(article.published),
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
        self.db.insert_rows(
            "sentences",
            ("article_id", "idx", "start_char", "end_char"),
            [(article_id, s.index, s.start, s.end) for s in article.sentences],
        )
        # in key order: concurrent writers then wait for each other's new actors instead of deadlocking
        ids = {key: self._actor_id(article.actors[key]) for key in sorted(article.actors)}
        actors = article.actors
        self.db.insert_rows(
            "mentions",
            (
                *("article_id", "actor_id", "start_char", "end_char", "text", "sentence", "how"),
                "locative",
                "country",
                "sector",
            ),
            [
                (
                    *(article_id, ids[m.actor_key], m.start, m.end, m.text, m.sentence, m.how),
                    *(int(m.locative), actors[m.actor_key].country, actors[m.actor_key].sector),
                )
                for m in article.mentions
            ],
        )
        self.db.insert_rows(
            "quotes",
            ("article_id", "start_char", "end_char", "text", "speaker_actor_id", "sentence"),
            [
                (article_id, q.start, q.end, q.text, ids.get(q.speaker_key or ""), q.sentence)
                for q in article.quotes
            ],
        )
        self.db.insert_rows(
            "events",
            (
                *("article_id", "type", "mode", "context", "source_actor_id", "target_actor_id"),
                *("source_country", "target_country", "when_", "negated", "hypothetical", "root"),
                *("mutual", "event_date", "sort_date", "date_precision", "attributed_to", "confidence"),
                *("trigger", "cameo", "quad_class", "score", "sentence", "start_char", "end_char"),
                *(c for c, _ in GEO_COLUMNS),
            ),
            [
                (
                    *(article_id, e.type, e.mode, e.context, ids[e.source_keys[0]]),
                    *(ids[e.target_keys[0]] if e.target_keys else None, actors[e.source_keys[0]].country),
                    *(actors[e.target_keys[0]].country if e.target_keys else None, e.when),
                    *(int(e.negated), int(e.hypothetical), int(e.root), int(e.mutual), _iso(e.date)),
                    *(_iso(e.date or article.published), e.date_precision, e.attributed_to, e.confidence),
                    *(e.trigger, e.cameo, e.quad_class, e.score, e.sentence, e.start, e.end),
                    *(getattr(e, c) for c, _ in GEO_COLUMNS),
                )
                for e in article.events
            ],
        )
        self.db.insert_rows(
            "candidates",
            ("article_id", "verb", "source_actor_id", "target_actor_id", "sentence"),
            [
                (article_id, c.verb, ids[c.source_key], ids[c.target_key], c.sentence)
                for c in article.candidates
            ],
        )

    def _actor_id(self, actor: Actor) -> int:
        """The row id of an actor, added if new. An actor seen under several names (or roles) keeps
        the first in alphabetical order, so that the store does not depend on the order of arrival."""
        known = self._actors.get(actor.key)
        if known is None:
            row = self.db.execute(
                "INSERT INTO actors(key, name, kind, country, sector, role, origin) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(key) DO NOTHING RETURNING id",
                (actor.key, actor.name, actor.kind, actor.country, actor.sector, actor.role, actor.origin),
            ).fetchone()
            if row is not None:
                self._actors[actor.key] = (row[0], actor.name, actor.role)
                return row[0]
            known = self.db.execute(
                "SELECT id, name, role FROM actors WHERE key = ?", (actor.key,)
            ).fetchone()
        actor_id, name, role = known
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
        self._actors[actor.key] = (actor_id, name, role)
        return actor_id

    def _transaction(self):
        return _Transaction(self)

    def transaction(self):
        """A transaction for writes made outside this module (event_clusters)."""
        return _Transaction(self)

    @contextlib.contextmanager
    def batch(self, size: int = 200, seconds: float = 0.5):
        """Commit the writes made inside together, every `size` articles or `seconds` (SQLite: a
        commit per article is most of an article's writing time). Each article still goes in whole
        or not at all; an interruption loses at most the uncommitted ones, which a rerun stores.
        PostgreSQL keeps a commit per article, so that concurrent writers do not wait."""
        if self.backend != "sqlite" or self._batch is not None:
            yield
            return
        self._batch = batch = _Batch(size, seconds)
        try:
            yield
        finally:
            self._batch = None
            batch.commit(self)

    def _retrying(self, write):
        """Run a write again when the server aborted it for a conflict with another writer."""
        for attempt in range(8):
            try:
                return write()
            except self.db.retryable:
                if attempt == 7:
                    raise
                time.sleep(0.02 * 2**attempt)

    def _page(self, limit: int | None, offset: int) -> str:
        """LIMIT/OFFSET for a query (both validated as integers)."""
        sql = f" LIMIT {int(limit)}" if limit else (self.db.no_limit if offset else "")
        return sql + (f" OFFSET {int(offset)}" if offset else "")

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
        if ref.isascii() and ref.isdigit() and _fits(int(ref)):
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
            "GROUP BY a.id, m.country, m.sector "
            "ORDER BY articles DESC, mentions DESC, a.name, a.id, m.country NULLS FIRST, m.sector NULLS FIRST"
        )
        sql += self._page(limit, offset)
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
            where.append(self.db.quote_search)
            args.append(self.db.search_terms(search))
        if speaker:
            where.append(f"s.name {self.db.like} ? ESCAPE '\\'")
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
        sql += " ORDER BY a.published DESC NULLS LAST, a.id, q.start_char" + self._page(limit, offset)
        return [dict(zip(QUOTE_COLUMNS, r, strict=True)) for r in self.db.execute(sql, args)]

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
        self._sides(where, args, source, target)
        _event_filters(where, args, event_type, since, until, root)
        if negated is not None:
            where.append("e.negated = ?")
            args.append(int(negated))
        if quad_class is not None:
            where.append("e.quad_class = ?")
            args.append(quad_class)
        for word in _words(words or ""):  # each word in the evidence sentence
            where.append(
                f"substr(a.text, e.start_char + 1, e.end_char - e.start_char) {self.db.like} ? ESCAPE '\\'"
            )
            args.append("%" + word.replace("%", "\\%").replace("_", "\\_") + "%")
        if when:
            where.append("e.when_ = ?")
            args.append(when)
        if actor_id is not None:
            where.append("(e.source_actor_id = ? OR e.target_actor_id = ?)")
            args += [actor_id, actor_id]
        if article_id is not None:
            where.append("e.article_id = ?")
            args.append(article_id)
        if cluster_id is not None:
            where.append("e.cluster_id = ?")
            args.append(cluster_id)
        order = "DESC" if newest_first else "ASC"
        nulls = "LAST" if newest_first else "FIRST"  # SQLite's order: no date sorts as the earliest
        order_by = f" ORDER BY e.sort_date {order} NULLS {nulls}, e.id {order}"
        # the page's ids first, from the events table alone (and what the filters name), so only its
        # rows are joined and have their evidence cut from the article's text
        conditions = " AND ".join(where)
        page = "SELECT e.id FROM events e"
        if re.search(r"\bs\.", conditions):
            page += " JOIN actors s ON s.id = e.source_actor_id"
        if re.search(r"\bt\.", conditions):
            page += " LEFT JOIN actors t ON t.id = e.target_actor_id"
        if re.search(r"\ba\.", conditions):
            page += " JOIN articles a ON a.id = e.article_id"
        if where:
            page += " WHERE " + conditions
        if not reports:  # an event once: its cluster's first report of those selected
            page = page.replace(
                "SELECT e.id FROM events e",
                "SELECT e.id, e.sort_date, ROW_NUMBER() OVER (PARTITION BY COALESCE(e.cluster_id, "
                "'event ' || e.id) ORDER BY e.sort_date NULLS FIRST, e.id) AS n FROM events e",
                1,
            )
            page = f"SELECT e.id FROM ({page}) e WHERE e.n = 1"
        page += order_by + self._page(limit, offset)
        sql = (
            "SELECT e.id, e.source_actor_id, e.target_actor_id, a.id, a.doc_id, a.url, a.outlet, "
            "a.published, a.title, e.type, e.mode, e.context, "
            "s.name, e.source_country, s.sector, t.name, e.target_country, t.sector, e.when_, e.negated, "
            "e.hypothetical, e.root, e.mutual, e.event_date, e.date_precision, e.attributed_to, "
            "e.confidence, e.trigger, e.cameo, e.quad_class, e.score, e.sentence, e.start_char, e.end_char, "
            "substr(a.text, e.start_char + 1, e.end_char - e.start_char), "
            + "".join(f"e.{c}, " for c, _ in GEO_COLUMNS)
            + "e.cluster_id, c.mentions, c.sources, c.articles "
            f"FROM ({page}) p JOIN events e ON e.id = p.id JOIN articles a ON a.id = e.article_id "
            "JOIN actors s ON s.id = e.source_actor_id LEFT JOIN actors t ON t.id = e.target_actor_id "
            "LEFT JOIN event_clusters c ON c.id = e.cluster_id" + order_by
        )
        rows = []
        for r in self.db.execute(sql, args):
            row = dict(zip(self.EVENT_COLUMNS, r, strict=True))
            for flag in ("negated", "hypothetical", "root", "mutual"):
                row[flag] = bool(row[flag])
            rows.append(row)
        return rows

    def _sides(self, where: list, args: list, source: str | None, target: str | None) -> None:
        """Conditions on an event's source and target: a country code, or part of an actor's name."""
        for side, value in (("s", source), ("t", target)):
            if value and _COUNTRY_CODE.fullmatch(value):  # PAK: the code, which an index serves
                where.append(f"e.{'source' if side == 's' else 'target'}_country = ?")
                args.append(value)
            elif value:  # Mujahid: part of an actor's name
                where.append(f"{side}.name {self.db.like} ?")
                args.append(f"%{value}%")

    def has_actor_named(self, part: str) -> bool:
        """Whether an actor's name contains these words (as an event filter matches them)."""
        sql = f"SELECT 1 FROM actors WHERE name {self.db.like} ? LIMIT 1"
        return self.db.execute(sql, (f"%{part}%",)).fetchone() is not None

    def actor_names(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT DISTINCT name FROM actors ORDER BY 1")]

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
        self._sides(where, args, source, target)
        _event_filters(where, args, root=root)
        sql = (
            f"SELECT {period} AS period, "
            + ", ".join(_count(reports, f"e.quad_class = {q}") for q in (1, 2, 3, 4))
            + f", {_count(reports)}, AVG(e.score) FROM events e JOIN articles a ON a.id = e.article_id "
            "JOIN actors s ON s.id = e.source_actor_id JOIN actors t ON t.id = e.target_actor_id "
            "WHERE " + " AND ".join(where) + " GROUP BY period ORDER BY period"
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
        for r in self.db.execute(sql, args):
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
            "FROM articles a ORDER BY a.published DESC NULLS LAST, a.id DESC" + self._page(limit, offset)
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

    def top_dyads(self, limit: int = 10, reports: bool = False) -> list[dict]:
        """The most active directed pairs of countries (current events; clusters unless `reports`)."""
        sql = (
            f"SELECT source_country, target_country, {_count(reports, table='')}, AVG(score) FROM events "
            "WHERE target_country IS NOT NULL AND when_ = 'current' AND negated = 0 "
            "AND source_country != target_country "
            "GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2" + self._page(limit, 0)
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
        _event_filters(where, args, event_type, since, until, root)
        sql = (
            f"SELECT e.source_actor_id, e.target_actor_id, {_count(reports)}, AVG(e.score) "
            "FROM events e JOIN articles a ON a.id = e.article_id WHERE "
            + " AND ".join(where)
            + f" GROUP BY 1, 2 HAVING {_count(reports)} >= ? ORDER BY 3 DESC, 1, 2"
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
                f"SELECT id, name, kind, country, sector FROM actors WHERE id IN ({marks}) ORDER BY id", ids
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


class _Transaction:
    """BEGIN ... COMMIT, rolled back on any error; inside a batch, a savepoint of its own."""

    def __init__(self, store: Store):
        self.store = store

    def __enter__(self):
        batch = self.store._batch
        if batch is None:
            self.store.db.execute(self.store.db.begin)
            return
        if not batch.open:
            self.store.db.execute(self.store.db.begin)
            batch.open, batch.since = True, time.monotonic()
        self.store.db.execute("SAVEPOINT one")

    def __exit__(self, exc_type, exc, tb):
        batch = self.store._batch
        if batch is None:
            self.store.db.execute("COMMIT" if exc_type is None else "ROLLBACK")
        elif exc_type is None:
            self.store.db.execute("RELEASE one")
            batch.written += 1
            if batch.written >= batch.size or time.monotonic() - batch.since >= batch.seconds:
                batch.commit(self.store)
        else:
            self.store.db.execute("ROLLBACK TO one")
            self.store.db.execute("RELEASE one")
        if exc_type is not None:
            self.store._actors.clear()  # ids inserted in the rolled-back writes are gone
        return False


@dataclass
class _Batch:
    """Writes committed together (each in a savepoint of its own): see Store.batch."""

    size: int
    seconds: float
    open: bool = False
    written: int = 0
    since: float = 0.0

    def commit(self, store: Store) -> None:
        if self.open:
            store.db.execute("COMMIT")
        self.open, self.written = False, 0


_COUNTRY_CODE = re.compile(r"[A-Z]{3}")


def _event_filters(
    where: list,
    args: list,
    event_type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    root: bool | None = None,
):
    """Add the conditions on an event's type, date (its own, else its article's) and whether it is
    its sentence's root event to a query's."""
    if event_type:
        where.append("e.type = ?")
        args.append(event_type.upper())
    if since:
        where.append("e.sort_date >= ?")
        args.append(since)
    if until:
        where.append("e.sort_date <= ?")
        args.append(until)
    if root is not None:
        where.append("e.root = ?")
        args.append(int(root))


def _count(reports: bool, condition: str | None = None, table: str = "e.") -> str:
    """SQL counting event records (`reports`) or events: an event cluster once, an event not yet
    clustered once; under `condition` only."""
    unit = "1" if reports else f"COALESCE({table}cluster_id, 'event ' || {table}id)"
    if condition is None:
        return "COUNT(*)" if reports else f"COUNT(DISTINCT {unit})"
    distinct = "" if reports else "DISTINCT "
    return f"COUNT({distinct}CASE WHEN {condition} THEN {unit} END)"


def _words(text: str) -> list[str]:
    """The words of a full-text search, control characters (NUL among them) taken as spaces."""
    return "".join(" " if ch < " " or ch == "\x7f" else ch for ch in text).split()


def _fits(n: int) -> bool:
    """Whether an id fits SQLite's 64-bit integers (a longer one names nothing)."""
    return -(2**63) <= n < 2**63


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
