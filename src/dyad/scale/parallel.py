"""Ingest in several processes: articles coded in a pool of worker processes and written here (or,
to PostgreSQL, by the workers), or coded on a dask.distributed cluster."""

from __future__ import annotations

import itertools
import multiprocessing
import os
import shutil
from pathlib import Path

from ..errors import InputError, StoreError
from ..ingest import sources
from ..processing import code_documents
from ..storing import IngestReport, Storing
from . import cluster
from .cluster import code_batch


class Parallel(Storing):
    """Dyad's ingest in worker processes or on a cluster (a mixin of `api.Dyad`)."""

    def _ingest_parallel(
        self, items, report: IngestReport, reprocess: bool, progress, on_error, workers: int
    ) -> None:
        batch: list[sources.RawDoc] = []
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            for item in itertools.chain(items, [None]):
                if isinstance(item, sources.Progress):
                    if progress:
                        progress(item.nbytes)
                    continue
                if isinstance(item, InputError):
                    self._fail(report, item, on_error)
                    continue
                if item is not None:
                    batch.append(item)
                if batch and (item is None or len(batch) >= 32 * workers):
                    if self.store.backend == "postgresql" and not reprocess:
                        self._write_in_workers(pool, batch, report, on_error)
                        batch = []
                        continue
                    chunks = [(batch[i : i + 8], self.settings) for i in range(0, len(batch), 8)]
                    for result in itertools.chain.from_iterable(pool.map(code_documents, chunks)):
                        if isinstance(result, InputError):
                            self._fail(report, result, on_error)
                        else:
                            self._save_coded(result, report, reprocess)
                    batch = []

    def _write_in_workers(self, pool, batch: list[sources.RawDoc], report: IngestReport, on_error) -> None:
        """PostgreSQL takes several writers: each worker process writes what it codes."""
        chunks = [(batch[i : i + 8], self.settings, self.location) for i in range(0, len(batch), 8)]
        for result in pool.starmap(code_batch, chunks):
            self._count(report, result, on_error)

    def _ingest_on_cluster(self, items, report, progress, on_error, address, workers, parts) -> None:
        """Code on a dask.distributed cluster. Workers write to this store if it is PostgreSQL;
        otherwise to Parquet partitions, loaded here as they come (from a directory beside the store,
        removed at the end), or, with `parts`, left in that directory for `load`."""
        if parts is None and self.store.backend == "postgresql":
            target = None
        else:
            target = Path(parts) if parts else Path(self.location + ".parts")
            try:
                target.mkdir(parents=True, exist_ok=True)
            except OSError as err:
                raise StoreError(f"{target}: cannot write partitions ({err.strerror})") from None

        def done(result: cluster.BatchResult, nbytes: int) -> None:
            self._count(report, result, on_error)
            if result.partition and parts is None:
                self._load_partition(result.partition, report, on_error)
            elif result.partition:
                report.partitions.append(result.partition)
            if progress:
                progress(nbytes)

        local_workers = workers if workers > 1 else (os.cpu_count() or 2)  # --cluster local: every core
        with cluster.connect(address, local_workers) as client:
            fail = lambda err: self._fail(report, err, on_error)  # noqa: E731
            cluster.run(client, items, self.settings, str(target or self.location), done, fail)
        if target is not None and parts is None:
            shutil.rmtree(target, ignore_errors=True)
