"""The Python API: open a store, ingest inputs, read what was found. The CLI and the web only wrap it.

`Dyad` is made of its parts: ingest (ingesting.py, in several processes scale/parallel.py, the writes
storing.py), the views (queries.py) and the views as DataFrames (export/frames.py). Coding without a store
is processing.py; its functions are named here too, as before."""

from __future__ import annotations

from pathlib import Path

from . import pipeline
from .export.frames import Frames
from .ingesting import Ingesting
from .processing import (
    article_from,
    code_document,
    evaluate,
    extract,
    knowledge_for,
    prepared,
    process,
)
from .queries import Queries, article_record
from .settings import Settings, default_db
from .store import Store
from .storing import IngestReport, ProgressFn

__all__ = [
    "Dyad",
    "IngestReport",
    "ProgressFn",
    "article_from",
    "article_record",
    "code_document",
    "evaluate",
    "extract",
    "knowledge_for",
    "open",
    "prepared",
    "process",
]


class Dyad(Ingesting, Queries, Frames):
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


def open(db: str | Path | None = None, **settings) -> Dyad:
    """Open (or create) a store: `dyad.open("news.db")`."""
    return Dyad(db, Settings(**settings) if settings else None)
