"""The store's schema, one text for both backends (each fills in its own types), its full-text search,
and the migrations that bring a store made by an earlier dyad up to it."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .backends import Backend

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


class SchemaMigrations:
    """Creating the schema, and migrating an older one, when a store is opened (a mixin of Store)."""

    db: Backend
    backend: str

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
