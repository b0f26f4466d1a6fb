"""Which backend a store location names: a postgresql:// URL, else an SQLite file."""

from __future__ import annotations

from pathlib import Path

from .postgres import Postgres
from .sqlite import Sqlite

Backend = Sqlite | Postgres


def is_server_url(location: str | Path) -> bool:
    """Whether a store location names a PostgreSQL server rather than a file."""
    return str(location).startswith(("postgresql://", "postgres://"))


def open_backend(location: str) -> Backend:
    """A connection to the store at `location`."""
    return Postgres(location) if is_server_url(location) else Sqlite(location)
