"""Ingest on a dask.distributed cluster: workers code batches of articles and write them to
PostgreSQL, or to Parquet partitions that are then loaded into a store."""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .. import pipeline
from ..errors import DyadError, InputError
from ..ingest import sources
from ..model import Article
from ..processing import code_documents, knowledge_for, prepared
from ..settings import Settings
from ..store import Store, is_server_url, partitions

BATCH_DOCS = 64
BATCH_BYTES = 4 * 1024 * 1024


@dataclass
class BatchResult:
    """What a worker did with one batch."""

    stored: int = 0
    duplicates: int = 0
    not_english: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (input name, reason)
    partition: str | None = None


@contextmanager
def connect(address: str, workers: int = 2) -> Iterator:
    """A client of the cluster at `address` (tcp://host:8786), or of a new local one ("local")
    with `workers` processes; closed (with the local cluster) on leaving."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise DyadError("--cluster needs dask.distributed: pip install 'dyad[cluster]'") from None
    try:
        if address == "local":
            cluster = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
            client = Client(cluster)
        else:
            cluster, client = None, Client(address, timeout=10)
    except (OSError, TimeoutError, ValueError) as err:
        raise DyadError(f"{address}: cannot reach the cluster ({' '.join(str(err).split())})") from None
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def batches(items: Iterable) -> Iterable[tuple[list[sources.RawDoc], int] | InputError]:
    """Raw documents in batches (with the input bytes they cover); bad inputs pass through."""
    batch: list[sources.RawDoc] = []
    size = nbytes = 0
    for item in items:
        if isinstance(item, sources.Progress):
            nbytes += item.nbytes
        elif isinstance(item, InputError):
            yield item
        else:
            batch.append(item)
            size += len(item.data)
            if len(batch) >= BATCH_DOCS or size >= BATCH_BYTES:
                yield batch, nbytes
                batch, size, nbytes = [], 0, 0
    if batch or nbytes:
        yield batch, nbytes


def batch_name(batch: list[sources.RawDoc]) -> str:
    """A partition's file name, from the batch's inputs: a rerun finds the partitions it wrote."""
    h = hashlib.sha256()
    for raw in batch:
        data = raw.data.encode("utf-8") if isinstance(raw.data, str) else raw.data
        h.update(raw.name.encode("utf-8") + b"\0" + hashlib.sha256(data).digest())
    return h.hexdigest()[:32] + partitions.SUFFIX


_local = threading.local()


@lru_cache(maxsize=4)
def _context(settings: Settings) -> pipeline.Context:
    return pipeline.Context(settings, knowledge_for(settings))


def _store(url: str) -> Store:
    """This worker thread's connection to the store (one per thread, kept between batches)."""
    stores = _local.__dict__.setdefault("stores", {})
    if url not in stores:
        stores[url] = Store(url)
    return stores[url]


def code_batch(batch: list[sources.RawDoc], settings: Settings, target: str) -> BatchResult:
    """A worker's task: code a batch and write it to the PostgreSQL store or a partition file in
    the directory `target`."""
    ctx = _context(settings)
    result = BatchResult()
    if is_server_url(target):
        store = _store(target)
        new: list[Article] = []
        for raw in batch:
            try:
                article = prepared(raw, settings, ctx)
            except InputError as err:
                result.failed.append((err.name, err.reason))
                continue
            if store.find_by_hash(article.content_hash) is not None:
                result.duplicates += 1
            else:
                new.append(article)
        for article in pipeline.code_many(new, ctx):
            if store.save(article, ctx.knowledge.version) is None:
                result.duplicates += 1  # stored meanwhile by another worker, or twice in the batch
            else:
                result.stored += 1
                result.not_english += not article.is_english
        return result
    coded = []
    for done in code_documents((batch, settings)):
        if isinstance(done, InputError):
            result.failed.append((done.name, done.reason))
        else:
            coded.append(done)
    path = Path(target) / batch_name(batch)
    partitions.write(path, coded, ctx.knowledge.version)
    result.partition = str(path)
    return result


def run(
    client,
    items: Iterable,
    settings: Settings,
    target: str,
    on_result: Callable[[BatchResult, int], None],
    on_error: Callable[[InputError], None],
) -> None:
    """Submit the inputs' batches to the cluster, a few per worker at a time (memory stays flat),
    and hand each result back as it completes. Batches already written as partitions are skipped."""
    from distributed import as_completed

    limit = 2 * max(1, len(client.scheduler_info().get("workers", {})))
    running = as_completed()
    sizes = {}

    def finish_one() -> None:
        future = next(running)
        on_result(future.result(), sizes.pop(future.key))

    for item in batches(items):
        if isinstance(item, InputError):
            on_error(item)
            continue
        batch, nbytes = item
        if not batch:  # only bad inputs since the last batch
            on_result(BatchResult(), nbytes)
            continue
        written = None if is_server_url(target) else Path(target) / batch_name(batch)
        if written is not None and written.exists():
            on_result(BatchResult(partition=str(written)), nbytes)
            continue
        future = client.submit(code_batch, batch, settings, target, pure=False)
        sizes[future.key] = nbytes
        running.add(future)
        while running.count() >= limit:
            finish_one()
    while running.count():
        finish_one()
