"""Stored rows back into the article model: an article's events as `model.Event`s."""

from __future__ import annotations

from datetime import date

from .model import Event
from .store import Store


def events_of(store: Store, article_id: int) -> list[Event]:
    """Every event stored for an article (historical and negated ones too), in text order."""
    rows = store.event_rows(article_id=article_id)
    ids = sorted({r["source_id"] for r in rows} | {r["target_id"] for r in rows if r["target_id"]})
    keys: dict[int, str] = {}
    if ids:
        marks = ",".join("?" * len(ids))
        keys = dict(store.db.execute(f"SELECT id, key FROM actors WHERE id IN ({marks})", ids).fetchall())
    events = [
        Event(
            source_keys=[keys[r["source_id"]]],
            type=r["type"],
            target_keys=[keys[r["target_id"]]] if r["target_id"] else [],
            sentence=r["sentence"],
            start=r["start"],
            end=r["end"],
            mode=r["mode"],
            when=r["when"],
            negated=r["negated"],
            hypothetical=r["hypothetical"],
            context=r["context"],
            date=date.fromisoformat(r["date"]) if r["date"] else None,
            date_precision=r["date_precision"],
            attributed_to=r["attributed_to"],
            confidence=r["confidence"],
            mutual=r["mutual"],
            root=r["root"],
            trigger=r["trigger"],
            cameo=r["cameo"],
            quad_class=r["quad_class"],
            score=r["score"],
        )
        for r in rows
    ]
    return sorted(events, key=lambda e: (e.start, e.end))
