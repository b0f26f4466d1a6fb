"""Ingest: inputs read, coded and stored once each (in this process, in worker processes or on a
cluster), partitions loaded, stored articles recoded; then the new events join their clusters."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from pathlib import Path

from .errors import InputError
from .ingest import sources
from .scale.parallel import Parallel
from .storing import IngestReport, ProgressFn

BATCH = 16  # articles coded together in one process: enough to fill the parser's batches


class Ingesting(Parallel):
    """Dyad's ingest (a mixin of `api.Dyad`)."""

    def ingest(
        self,
        paths: Iterable[str | Path | InputError],
        *,
        reprocess: bool = False,
        progress: ProgressFn | None = None,
        on_error: Callable[[InputError], None] | None = None,
        workers: int = 1,
        cluster: str | None = None,
        parts: str | Path | None = None,
    ) -> IngestReport:
        """Store every article of the inputs once; bad inputs are reported, never fatal. With
        workers > 1, articles are coded in that many processes and written here, in input order (to
        PostgreSQL, each process writes what it codes).
        With a cluster ("local" or tcp://host:port), see `_ingest_on_cluster`. Then the new events
        join their event clusters."""
        report = self._ingest(paths, reprocess, progress, on_error, workers, cluster, parts)
        self._cluster(full=reprocess)
        return report

    def _ingest(self, paths, reprocess, progress, on_error, workers, cluster, parts) -> IngestReport:
        report = IngestReport()
        items = sources.read(list(sources.expand(paths, report.warnings.append)), self.settings.max_bytes)
        if cluster:
            self._ingest_on_cluster(items, report, progress, on_error, cluster, workers, parts)
            return report
        with self.store.batch():
            if workers > 1:
                self._ingest_parallel(items, report, reprocess, progress, on_error, workers)
                return report
            self._ingest_serial(items, report, reprocess, progress, on_error)
        return report

    def _ingest_serial(self, items, report: IngestReport, reprocess: bool, progress, on_error) -> None:
        """Ingest in this process, BATCH articles at a time (coded together, see `_ingest_many`);
        the progress of a batch's bytes is shown once it is stored."""
        batch: list[sources.RawDoc] = []
        done = 0
        for item in itertools.chain(items, [None]):
            if isinstance(item, sources.Progress):
                done += item.nbytes
            elif isinstance(item, InputError):
                self._fail(report, item, on_error)
            elif item is not None:
                batch.append(item)
            if batch and (item is None or len(batch) >= BATCH):
                self._ingest_many(batch, report, reprocess, on_error)
                batch = []
            if done and not batch and progress:
                progress(done)
                done = 0

    def load(
        self,
        paths: Iterable[str | Path],
        progress: ProgressFn | None = None,
        on_error: Callable[[InputError], None] | None = None,
    ) -> IngestReport:
        """Bring Parquet partitions written by cluster workers into this store; each article once."""
        report = IngestReport()
        for path in paths:
            self._load_partition(path, report, on_error)
            if progress:
                progress(1)
        self._cluster()
        return report

    def reprocess(self, progress: ProgressFn | None = None) -> int:
        """Recode every stored article with the current knowledge; returns how many."""
        ids = self.store.article_ids()
        for article_id in ids:
            self._recode(article_id)
            if progress:
                progress(1)
        self._cluster(full=True)
        return len(ids)

    def ingest_document(self, body: str, fmt: str, meta: dict | None = None) -> dict:
        """Ingest one article given as text or HTML (the HTTP API's POST); InputError if bad."""
        raw = sources.RawDoc(name="request", data=body, format=fmt, source="api", **(meta or {}))
        report = IngestReport()
        article_id = self._ingest_one(raw, report, reprocess=False)
        self._cluster()
        return {"id": article_id, "stored": report.stored == 1, "duplicate": report.duplicates == 1}
