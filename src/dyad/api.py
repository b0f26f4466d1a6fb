"""The Python API: open a store, ingest inputs, read what was found. The CLI only wraps it."""

from __future__ import annotations

import itertools
import multiprocessing
import os
import shutil
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from . import event_clusters, fields, filters, frames, gold, partitions, pipeline, records, sources
from .decode import DecodeError, decode
from .errors import InputError, StoreError
from .knowledge import Knowledge, load_knowledge
from .metadata import parse_date
from .model import Article
from .settings import Settings, default_db
from .store import Store

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


def knowledge_for(settings: Settings) -> Knowledge:
    return load_knowledge(tuple(settings.actor_files), settings.use_starter_people)


_META = tuple((key, "doc_id" if key == "id" else key) for key in fields.RECORD_FIELDS)


def article_from(raw: sources.RawDoc, settings: Settings) -> Article:
    """The article model for a raw document: decoded, with the input's metadata."""
    try:
        if isinstance(raw.data, bytes):
            text, flags = decode(raw.data)
        else:
            text, flags = raw.data, []
        fields.check_body("the text" if raw.format == "text" else "the HTML", text)
        meta = {key: fields.field(key, getattr(raw, attr)) for key, attr in _META}
    except (DecodeError, fields.BadRecord) as err:
        raise InputError(raw.name, str(err)) from None
    article = Article(
        raw=text,
        format=raw.format,
        source=raw.source,
        doc_id=meta["id"],
        url=meta["url"],
        title=meta["title"],
        outlet=meta["outlet"],
    )
    if meta["published"]:
        article.published = parse_date(meta["published"])
        if article.published is None:
            article.flag("bad-date")
    for f in flags:
        article.flag(f)
    return article


def prepared(raw: sources.RawDoc, settings: Settings, ctx: pipeline.Context) -> Article:
    """A raw document decoded, cleaned and described; InputError when no article is left."""
    article = pipeline.prepare(article_from(raw, settings), ctx)
    if len(article.text.strip()) < settings.min_chars:
        what = "no article text found in the HTML" if raw.format == "html" else "no article text"
        raise InputError(raw.name, f"{what} after removing boilerplate")
    return article


def code_document(job: tuple[sources.RawDoc, Settings]) -> Article | InputError:
    """A raw document through the whole pipeline (a worker process's task)."""
    raw, settings = job
    ctx = pipeline.Context(settings, knowledge_for(settings))
    try:
        return pipeline.code(prepared(raw, settings, ctx), ctx)
    except InputError as err:
        return err


def article_record(a: Article) -> dict:
    """An article's metadata, cleaned text and actors (with their mentions) as plain data."""
    return {
        "doc_id": a.doc_id,
        "title": a.title,
        "outlet": a.outlet,
        "url": a.url,
        "published": a.published.isoformat() if a.published else None,
        "language": a.language,
        "flags": a.flags,
        "source": a.source,
        "text": a.text,
        "actors": [
            {
                "key": k,
                "name": x.name,
                "kind": x.kind,
                "country": x.country,
                "sector": x.sector,
                "role": x.role,
                "mentions": [m.text for m in a.mentions_of(k)],
            }
            for k, x in a.actors.items()
        ],
    }


def process(
    text: str,
    *,
    html: bool = False,
    title: str | None = None,
    published: str | date | None = None,
    outlet: str | None = None,
    url: str | None = None,
    settings: Settings | None = None,
) -> Article:
    """Run the whole pipeline over one article's text (or HTML) without a store; InputError when
    the text or a field is not text (a NUL, a lone surrogate) or a field is too long."""
    settings = settings or Settings()
    try:
        fields.check_body("the HTML" if html else "the text", text)
        meta = {"title": title, "outlet": outlet, "url": url}
        meta = {k: fields.field(k, v) for k, v in meta.items()}
        if isinstance(published, str):
            published = parse_date(fields.field("published", published))
    except fields.BadRecord as err:
        raise InputError("text", str(err)) from None
    article = Article(raw=text, format="html" if html else "text", published=published, **meta)
    return pipeline.run(article, pipeline.Context(settings, knowledge_for(settings)))


class Dyad(frames.Frames):
    """A store and the pipeline that fills it; its views also as DataFrames (frames.Frames)."""

    def __init__(self, db: str | Path | None = None, settings: Settings | None = None):
        self.settings = settings or Settings()
        self.location = str(db or default_db())
        self.store = Store(self.location)
        self.knowledge = knowledge_for(self.settings)
        self.ctx = pipeline.Context(self.settings, self.knowledge)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Dyad:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- ingest
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

    def _cluster(self, full: bool = False) -> None:
        """Link new (or recoded) events to their event clusters; `full` recounts every cluster."""
        if self.settings.cluster_events:
            event_clusters.update(self.store)
            if full:
                event_clusters.rebuild_counts(self.store)

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
            for item in items:
                if isinstance(item, sources.Progress):
                    if progress:
                        progress(item.nbytes)
                elif isinstance(item, InputError):
                    self._fail(report, item, on_error)
                else:
                    try:
                        self._ingest_one(item, report, reprocess)
                    except InputError as err:
                        self._fail(report, err, on_error)
        return report

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
                    coded = pool.map(code_document, [(raw, self.settings) for raw in batch], chunksize=8)
                    for result in coded:
                        if isinstance(result, InputError):
                            self._fail(report, result, on_error)
                        else:
                            self._save_coded(result, report, reprocess)
                    batch = []

    def _write_in_workers(self, pool, batch: list[sources.RawDoc], report: IngestReport, on_error) -> None:
        """PostgreSQL takes several writers: each worker process writes what it codes."""
        from .cluster import code_batch

        chunks = [(batch[i : i + 8], self.settings, self.location) for i in range(0, len(batch), 8)]
        for result in pool.starmap(code_batch, chunks):
            self._count(report, result, on_error)

    def _count(self, report: IngestReport, result, on_error) -> None:
        """Add what a worker did with a batch (a cluster.BatchResult) to the report."""
        report.stored += result.stored
        report.duplicates += result.duplicates
        report.not_english += result.not_english
        for name, reason in result.failed:
            self._fail(report, InputError(name, reason), on_error)

    def _ingest_on_cluster(self, items, report, progress, on_error, address, workers, parts) -> None:
        """Code on a dask.distributed cluster. Workers write to this store if it is PostgreSQL;
        otherwise to Parquet partitions, loaded here as they come (from a directory beside the store,
        removed at the end), or, with `parts`, left in that directory for `load`."""
        from . import cluster

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
            report.duplicates += 1
            if reprocess:
                self._recode(existing)
                report.recoded += 1
            return existing
        return self._write_new(pipeline.code(article, self.ctx), report)

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

    def reprocess(self, progress: ProgressFn | None = None) -> int:
        """Recode every stored article with the current knowledge; returns how many."""
        ids = self.store.article_ids()
        for article_id in ids:
            self._recode(article_id)
            if progress:
                progress(1)
        self._cluster(full=True)
        return len(ids)

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

    # --- views
    def actors(self, limit: int | None = None, offset: int = 0) -> list[dict]:
        return self.store.actor_rows(limit, offset)

    def actor(self, actor_id: int) -> dict | None:
        """One actor: its codes, mention counts, quotes and events (as source or target)."""
        rows = self.store.actor_rows(actor_id=actor_id)
        if not rows:
            return None
        info = {k: rows[0][k] for k in ("id", "name", "kind", "role", "origin", "key")}
        info["codes"] = [{k: r[k] for k in ("country", "sector", "mentions", "articles")} for r in rows]
        info["mentions"] = sum(r["mentions"] for r in rows)
        info["quotes"] = self.store.quote_rows(speaker_id=actor_id, limit=200)
        events = self.store.event_rows(actor_id=actor_id, limit=500, newest_first=True)
        info["events_as_source"] = [e for e in events if e["source_id"] == actor_id]
        info["events_as_target"] = [e for e in events if e["target_id"] == actor_id]
        return info

    def articles(self, limit: int | None = 50, offset: int = 0) -> list[dict]:
        return self.store.article_rows(limit, offset)

    def article_view(self, ref: str) -> dict | None:
        """An article with everything found in it, for display: text, mentions, quotes, events."""
        article_id = self.store.find_article(ref)
        if article_id is None:
            return None
        a = self.store.load_article(article_id)
        events = self.store.event_rows(article_id=article_id)
        return {
            "id": article_id,
            "article": a,
            "events": events,
            "quotes": self.store.quote_rows(article_id=article_id),
        }

    def ingest_document(self, body: str, fmt: str, meta: dict | None = None) -> dict:
        """Ingest one article given as text or HTML (the HTTP API's POST); InputError if bad."""
        raw = sources.RawDoc(name="request", data=body, format=fmt, source="api", **(meta or {}))
        report = IngestReport()
        article_id = self._ingest_one(raw, report, reprocess=False)
        self._cluster()
        return {"id": article_id, "stored": report.stored == 1, "duplicate": report.duplicates == 1}

    def network(
        self,
        since: str | date | None = None,
        until: str | date | None = None,
        event_type: str | None = None,
        min_events: int = 1,
        root_only: bool = False,
        reports: bool = False,
    ) -> dict:
        """The actor network: actors as nodes, counted events (current, not negated) as directed
        edges (count and mean score); `root_only` counts each sentence's root events only; an event
        reported several times counts once unless `reports`."""
        since, until = filters.iso_date(since, "since"), filters.iso_date(until, "until")
        kind = filters.event_type(event_type)
        return self.store.network(since, until, kind, min_events, _root(root_only), reports)

    def top_dyads(self, limit: int = 10, reports: bool = False) -> list[dict]:
        """The most active pairs; an event reported several times counts once unless `reports`."""
        return self.store.top_dyads(limit, reports)

    def article(self, ref: str) -> Article | None:
        """An article as stored, with its actors, quotes and events (`Article.events`)."""
        article_id = self.store.find_article(ref)
        if article_id is None:
            return None
        article = self.store.load_article(article_id)
        if article is not None:
            article.events = records.events_of(self.store, article_id)
        return article

    def quotes(
        self,
        speaker: str | None = None,
        search: str | None = None,
        since: str | date | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[dict]:
        """Stored quotations, by speaker name, words (full text) and publication date (YYYY-MM-DD)."""
        return self.store.quote_rows(speaker, search, filters.iso_date(since, "since"), limit, offset)

    def events(
        self,
        source: str | None = None,
        target: str | None = None,
        event_type: str | None = None,
        since: str | date | None = None,
        until: str | date | None = None,
        when: str | None = "current",
        limit: int | None = None,
        offset: int = 0,
        root_only: bool = False,
        negated: bool | None = False,
        quad_class: int | None = None,
        search: str | None = None,
        reports: bool = False,
    ) -> list[dict]:
        """Stored events, filtered by source and target (country code, country name or part of an
        actor's name), type, dates (YYYY-MM-DD), when. By default the counted events (current, not
        negated; see filters.COUNT_RULE); `when=None, negated=None` gives every coded event. An
        event reported several times is one row (its cluster's first report of those the filters
        select, with `num_mentions`, `num_sources`, `num_articles`); `reports=True` gives every report.
        `root_only` keeps each sentence's root event(s), one act per sentence; `quad_class` (1-4) one
        QuadClass; `search` words that must all occur in the evidence. A value dyad cannot use (a date
        not YYYY-MM-DD, an unknown code or type) raises FilterError."""
        f = filters.event_filter(self.store, source, target, event_type, since, until, when)
        quad = filters.quad_class(quad_class)
        return self.store.event_rows(
            *f,
            limit,
            offset,
            root=_root(root_only),
            negated=negated,
            quad_class=quad,
            words=search,
            reports=reports,
        )

    def dyad(
        self, source: str, target: str, by: str = "day", root_only: bool = False, reports: bool = False
    ) -> list[dict]:
        """A directed pair's timeline: counted events (current, not negated) per day, week or month
        by QuadClass, and the mean score; `root_only` counts each sentence's root events only; an
        event reported several times counts once unless `reports`."""
        by = filters.period(by)
        src = filters.side(source, "source", self.store).value or ""
        tgt = filters.side(target, "target", self.store).value or ""
        return self.store.dyad_series(src, tgt, by, _root(root_only), reports)

    def candidates(self, limit: int | None = None) -> list[dict]:
        """Verbs found between two actors that no event pattern knows."""
        return self.store.candidate_rows(limit)

    def stats(self) -> dict:
        return self.store.stats()


def extract(
    paths: Iterable[str],
    settings: Settings | None = None,
    on_error: Callable[[InputError], None] | None = None,
) -> Iterator[tuple[str | None, Article]]:
    """(id, processed article) for every article of the inputs, without a store; the id is the
    JSONL record's `id`, else the input file's name without its extension."""
    settings = settings or Settings()
    ctx = pipeline.Context(settings, knowledge_for(settings))
    for item in sources.read(sources.expand(paths), settings.max_bytes):
        if isinstance(item, sources.Progress):
            continue
        if isinstance(item, InputError):
            if on_error:
                on_error(item)
            continue
        try:
            article = pipeline.run(article_from(item, settings), ctx)
        except InputError as err:
            if on_error:
                on_error(err)
            continue
        yield item.doc_id, article


def evaluate(gold_dir: str | Path, settings: Settings | None = None) -> dict:
    """Precision, recall and F1 of quotes and events over a directory of gold articles."""
    gold_records = gold.load_gold(Path(gold_dir))
    pred = {}
    for doc_id, g in gold_records.items():
        article = process(
            g["text"],
            title=g.get("title"),
            published=g.get("published"),
            outlet=g.get("outlet"),
            url=g.get("url"),
            settings=settings,
        )
        pred[doc_id] = gold.to_gold(article, doc_id)
    scores = gold.score(gold_records, pred)
    return {
        "articles": len(gold_records),
        **{
            name: {
                "precision": round(s.precision, 3),
                "recall": round(s.recall, 3),
                "f1": round(s.f1, 3),
                "true_positives": s.tp,
                "predicted": s.predicted,
                "gold": s.gold,
            }
            for name, s in scores.items()
        },
    }


def _root(root_only: bool) -> bool | None:
    """The store's root filter: root events only, or no filter."""
    return True if root_only else None


def open(db: str | Path | None = None, **settings) -> Dyad:
    """Open (or create) a store: `dyad.open("news.db")`."""
    return Dyad(db, Settings(**settings) if settings else None)
