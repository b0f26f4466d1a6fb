"""Transactions: an article is written whole or not at all; in a batch, many articles share one
commit (each in a savepoint of its own); a write the server aborted for a conflict is run again."""

from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from . import Store
    from .backends import Backend


class Transactions:
    """Transactions, batches and retries (a mixin of Store)."""

    db: Backend
    backend: str
    _batch: _Batch | None
    _actors: dict

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
