"""The store: every SQL statement dyad runs, over SQLite (WAL, the default) or PostgreSQL.

- schema.py: the tables, their full-text search, and the migrations from earlier versions;
- sqlite.py, postgres.py: each backend's differences; backends.py: which one a location names;
- writes.py: articles saved and recoded; transactions.py: transactions, batches and retries;
- queries/: the reads the views make, by view (articles, actors, quotes, events, network, stats);
- clauses.py: the SQL fragments those share.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..errors import StoreError
from .backends import Backend, is_server_url, open_backend
from .postgres import _postgres_sql, _redact
from .queries.actors import ActorQueries
from .queries.articles import ArticleQueries
from .queries.events import EVENT_COLUMNS, EventQueries
from .queries.network import NetworkQueries
from .queries.quotes import QUOTE_COLUMNS, QuoteQueries
from .queries.stats import StatsQueries
from .schema import GEO_COLUMNS, SCHEMA_VERSION, SchemaMigrations
from .transactions import Transactions
from .writes import Writes

__all__ = [
    "EVENT_COLUMNS",
    "GEO_COLUMNS",
    "QUOTE_COLUMNS",
    "SCHEMA_VERSION",
    "Store",
    "_postgres_sql",
    "_redact",
    "is_server_url",
]


class Store(
    SchemaMigrations,
    Transactions,
    Writes,
    ArticleQueries,
    ActorQueries,
    QuoteQueries,
    EventQueries,
    NetworkQueries,
    StatsQueries,
):
    """A store of articles and all that was found in them; each article is written whole or not
    at all. `location` is a file path (SQLite) or a postgresql:// URL."""

    def __init__(self, location: str | Path):
        self.db: Backend = open_backend(str(location))
        self.path = self.db.location  # for messages: a URL never shows its password
        self._actors: dict[str, tuple[int, str, str | None, str]] = {}  # key: id, name, role, country
        self._batch = None  # writes committed together (see batch)
        try:
            if self._schema_version() != SCHEMA_VERSION:
                self._create_schema()
        except sqlite3.DatabaseError as err:
            raise StoreError(f"{self.path}: cannot open store ({err})") from None

    @property
    def backend(self) -> str:
        return self.db.name

    def close(self) -> None:
        self.db.close()
