"""What views read: actors, articles, quotes, events, a dyad's timeline, the actor network and the
store's counts, each a list of plain dicts (or an `Article`)."""

from __future__ import annotations

from datetime import date

from . import filters, records
from .model import Article
from .store import Store


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


class Queries:
    """Dyad's views (a mixin of `api.Dyad`, which sets `store`)."""

    store: Store

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


def _root(root_only: bool) -> bool | None:
    """The store's root filter: root events only, or no filter."""
    return True if root_only else None
