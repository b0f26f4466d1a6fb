"""Answers to GET /api/... kept while the store is unchanged: a repeated request is sent from
memory without touching the store. The store's stamp decides: SQLite's `PRAGMA data_version` on a
connection of its own (it changes when any connection, in any process, commits), PostgreSQL's
current snapshot (it changes when any transaction commits). A request made while the store changes
is not kept, so nothing stale is ever sent."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..store import is_server_url

MAX_ENTRIES = 1024
MAX_BODY = 1 << 20  # a larger answer is not kept


class StoreStamp:
    """A value that changes whenever something is committed to the store (by anyone)."""

    def __init__(self, location: str):
        self.location = location
        self._lock = threading.Lock()
        self._conn = None

    def __call__(self) -> object:
        with self._lock:
            try:
                if self._conn is None:
                    self._conn = self._connect()
                return self._read()
            except Exception:  # a lost connection: no stamp, so nothing is kept or served from memory
                self.close()
                return None

    def _connect(self):
        if is_server_url(self.location):
            import psycopg

            return psycopg.connect(self.location, autocommit=True, connect_timeout=10)
        import sqlite3

        return sqlite3.connect(self.location, isolation_level=None, check_same_thread=False)

    def _read(self) -> object:
        if is_server_url(self.location):
            return self._conn.execute("SELECT pg_current_snapshot()::text").fetchone()[0]
        return self._conn.execute("PRAGMA data_version").fetchone()[0]

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            finally:
                self._conn = None


class ApiCache:
    """ASGI middleware: GET /api/... answers (200s) by path and query, while the stamp holds."""

    def __init__(self, app: ASGIApp, stamp: Callable[[], object]):
        self.app, self.stamp = app, stamp
        self._kept: OrderedDict[tuple[str, bytes], tuple[object, Message, bytes]] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or not scope["path"].startswith("/api/"):
            await self.app(scope, receive, send)
            return
        key = (scope["path"], scope.get("query_string", b""))
        stamp = self.stamp()
        kept = self._kept.get(key) if stamp is not None else None
        if kept is not None and kept[0] == stamp:
            self.hits += 1
            await send(kept[1])
            await send({"type": "http.response.body", "body": kept[2]})
            return
        self.misses += 1
        start: dict = {}
        chunks: list[bytes] = []

        async def keep(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
            await send(message)

        await self.app(scope, receive, keep)
        body = b"".join(chunks)
        if (
            start.get("status") == 200
            and stamp is not None
            and len(body) <= MAX_BODY
            and stamp == self.stamp()
        ):
            with self._lock:
                self._kept[key] = (stamp, start, body)
                self._kept.move_to_end(key)
                while len(self._kept) > MAX_ENTRIES:
                    self._kept.popitem(last=False)
