"""SQLite's side of the store: a file (or :memory:) in WAL mode, its column types, its full-text
search (FTS5) and its SQL where it differs from PostgreSQL's."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import ClassVar

from ..errors import StoreError
from .clauses import words


class Sqlite:
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
    def search_terms(text: str) -> str:
        """FTS5 query: every word must occur, each quoted (so no word is query syntax)."""
        return " ".join('"' + w.replace('"', '""') + '"' for w in words(text)) or '""'

    @staticmethod
    def week(day: str) -> str:
        """The Monday of the week of a date column, as text."""
        return f"date({day}, '-' || ((strftime('%w', {day}) + 6) % 7) || ' days')"

    def close(self) -> None:
        self.conn.close()
