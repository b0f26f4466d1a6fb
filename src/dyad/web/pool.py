"""Store connections kept open for the request handlers: each request borrows one and gives it back,
so a request costs no connect (on PostgreSQL, no new server session and authentication)."""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from fastapi import FastAPI

from ..api import Dyad
from ..settings import Settings
from .cache import ApiCache, StoreStamp


def serve_readers(app: FastAPI, db: str, settings: Settings) -> None:
    """Give the app its open store connections (app.state.readers) and keep its GET /api answers
    while the store is unchanged; both are closed at shutdown."""
    app.state.readers = Readers(db, settings)
    app.state.stamp = StoreStamp(db)
    app.add_middleware(ApiCache, stamp=app.state.stamp)
    app.router.add_event_handler("shutdown", app.state.readers.close)
    app.router.add_event_handler("shutdown", app.state.stamp.close)


class Readers:
    """Up to `keep` open stores over one location; more are opened when all are lent out (and
    closed when given back beyond `keep`), so a burst is served rather than queued."""

    def __init__(self, db: str, settings: Settings, keep: int = 8):
        self.db, self.settings, self.keep = db, settings, keep
        self._idle: queue.LifoQueue[Dyad] = queue.LifoQueue()
        self._lock = threading.Lock()
        self._closed = False

    @contextmanager
    def borrow(self) -> Iterator[Dyad]:
        """A store for one request; a connection that broke on the way is not reused."""
        try:
            d = self._idle.get_nowait()
        except queue.Empty:
            d = Dyad(self.db, self.settings)
        try:
            yield d
        finally:
            self._give_back(d)

    def _give_back(self, d: Dyad) -> None:
        conn = d.store.db.conn
        broken = getattr(conn, "closed", False) or getattr(conn, "broken", False)
        with self._lock:
            keep = not self._closed and not broken and self._idle.qsize() < self.keep
            if keep:
                self._idle.put(d)
        if not keep:
            d.close()

    def close(self) -> None:
        """Close every idle store; those lent out are closed as they come back."""
        with self._lock:
            self._closed = True
        while True:
            try:
                self._idle.get_nowait().close()
            except queue.Empty:
                return
