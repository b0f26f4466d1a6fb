"""Coded articles into the store, one at a time, counted in an `IngestReport`: the writes that every
way of ingesting (one process, worker processes, a cluster, partitions) shares."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import event_clusters, pipeline
from .errors import InputError
from .ingest import sources
from .knowledge import Knowledge
from .model import Article
from .processing import prepared
from .settings import Settings
from .store import Store, partitions

ProgressFn = Callable[[int], None]


@dataclass
class IngestReport:
    """What one ingest run did."""

    stored: int = 0
    duplicates: int = 0
    recoded: int = 0
    not_english: int = 0
    failed: list[InputError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # what was skipped, and why
    partitions: list[str] = field(default_factory=list)  # written by cluster workers, not yet loaded

    @property
    def ok(self) -> bool:
        return not self.failed


class Storing:
    """Dyad's writes (a mixin of `api.Dyad`, which sets these attributes)."""

    settings: Settings
    location: str
    store: Store
    knowledge: Knowledge
    ctx: pipeline.Context

    def _cluster(self, full: bool = False) -> None:
        """Link new (or recoded) events to their event clusters; `full` recounts every cluster."""
        if self.settings.cluster_events:
            event_clusters.update(self.store)
            if full:
                event_clusters.rebuild_counts(self.store)

    def _count(self, report: IngestReport, result, on_error) -> None:
        """Add what a worker did with a batch (a cluster.BatchResult) to the report."""
        report.stored += result.stored
        report.duplicates += result.duplicates
        report.not_english += result.not_english
        for name, reason in result.failed:
            self._fail(report, InputError(name, reason), on_error)

    def _load_partition(self, path: str | Path, report: IngestReport, on_error) -> None:
        for item in partitions.read(path):
            if isinstance(item, InputError):
                self._fail(report, item, on_error)
                continue
            article, knowledge_version = item
            if self.store.save(article, knowledge_version) is None:  # stored already
                report.duplicates += 1
            else:
                report.stored += 1
                report.not_english += not article.is_english

    def _ingest_one(self, raw: sources.RawDoc, report: IngestReport, reprocess: bool) -> int | None:
        """Store one article (or count it as a duplicate); returns its id in the store."""
        article = prepared(raw, self.settings, self.ctx)
        existing = self.store.find_by_hash(article.content_hash)
        if existing is not None:  # known already: no need to code it again
            self._known(existing, report, reprocess)
            return existing
        return self._write_new(pipeline.code(article, self.ctx), report)

    def _ingest_many(
        self, raws: list[sources.RawDoc], report: IngestReport, reprocess: bool, on_error
    ) -> None:
        """Store several articles, in input order, coding the new ones together (`code_many`: the
        parser takes their sentences in one stream). Each is stored, counted as a duplicate or
        reported as it would be alone: a text met twice in `raws` is coded once."""
        new: list[Article] = []
        hashes: set[str] = set()  # of the articles in `new`
        for raw in raws:
            try:
                article = prepared(raw, self.settings, self.ctx)
            except InputError as err:
                self._fail(report, err, on_error)
                continue
            if article.content_hash in hashes:
                self._write_all(new, report)  # the second copy then finds the first stored
                new, hashes = [], set()
            existing = self.store.find_by_hash(article.content_hash)
            if existing is None:
                new.append(article)
                hashes.add(article.content_hash)
            else:
                self._known(existing, report, reprocess)
        self._write_all(new, report)

    def _known(self, existing: int, report: IngestReport, reprocess: bool) -> None:
        """A text stored already: a duplicate, recoded if asked."""
        report.duplicates += 1
        if reprocess:
            self._recode(existing)
            report.recoded += 1

    def _write_all(self, articles: list[Article], report: IngestReport) -> None:
        for article in pipeline.code_many(articles, self.ctx):
            self._write_new(article, report)

    def _save_coded(self, article: Article, report: IngestReport, reprocess: bool) -> int | None:
        """Write a coded article unless its text is stored already; returns its id."""
        existing = self.store.find_by_hash(article.content_hash)
        if existing is not None:
            report.duplicates += 1
            if reprocess:
                self.store.recode(existing, article, self.knowledge.version)
                report.recoded += 1
            return existing
        return self._write_new(article, report)

    def _write_new(self, article: Article, report: IngestReport) -> int | None:
        """Write an article not seen in the store; returns its id."""
        article_id = self.store.save(article, self.knowledge.version)
        if article_id is None:  # stored meanwhile by another process
            report.duplicates += 1
            return self.store.find_by_hash(article.content_hash)
        report.stored += 1
        report.not_english += not article.is_english
        return article_id

    def _recode(self, article_id: int) -> None:
        article = self.store.load_article(article_id)
        if article is None:
            return
        article.flags = [f for f in article.flags if f != "not-english"]
        pipeline.language(article, self.ctx)
        pipeline.code(article, self.ctx)
        self.store.recode(article_id, article, self.knowledge.version)

    @staticmethod
    def _fail(report: IngestReport, err: InputError, on_error) -> None:
        report.failed.append(err)
        if on_error:
            on_error(err)
