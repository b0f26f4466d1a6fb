"""POST /api/articles off the event loop: the body read as a stream up to a limit, then parsed,
coded and written in a worker process (its own store connection and language model, so coding
never holds the server's interpreter), a bounded number at a time."""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from contextlib import asynccontextmanager
from pathlib import Path

import anyio
from fastapi import HTTPException, Request

from ..api import Dyad
from ..errors import DyadError, InputError
from ..ingest import fields
from ..settings import Settings

MAX_BODY = 5 * 1024 * 1024
BODY_SECONDS = 60  # a body that takes longer to arrive is dropped (408): it would hold a slot
KINDS = {"text/plain": "text", "text/html": "html", "application/json": "json"}
CHARSETS = ("utf-8", "utf8", "us-ascii", "ascii")


class BadRequest(Exception):
    """A request with a parameter or body dyad cannot use (answered 400 with the reason)."""


class Ingests:
    """At most `running` ingests at once, and at most `waiting` more queued for a turn; past that a
    POST is answered 503 at once (before its body is read, so waiting bodies are bounded too)."""

    def __init__(self, running: int = 1, waiting: int = 16):
        self.running = running
        self.limiter = anyio.CapacityLimiter(running)
        self.capacity = running + waiting
        self.admitted = 0
        self.pool: ProcessPoolExecutor | None = None  # started at the first POST

    def close(self) -> None:
        """Stop the worker processes (the server is shutting down)."""
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None

    @asynccontextmanager
    async def slot(self):
        if self.admitted >= self.capacity:
            raise HTTPException(503, "too many articles being ingested: retry shortly", {"Retry-After": "2"})
        self.admitted += 1
        try:
            yield
        finally:
            self.admitted -= 1

    def start(self, settings: Settings | None = None) -> ProcessPoolExecutor:
        """The worker processes; with `settings`, each loads what coding needs (knowledge, the
        language model, the gazetteer) right away, so that the first POST does not wait for it."""
        if self.pool is None:
            spawn = multiprocessing.get_context("spawn")  # never fork a threaded server
            self.pool = ProcessPoolExecutor(
                self.running, mp_context=spawn, initializer=_start_worker, initargs=(os.getpid(), settings)
            )
        return self.pool

    async def run(self, db: str, settings: Settings, kind: str, body: bytes) -> dict:
        """Parse, code and store one posted article in a worker process, when a turn comes."""
        async with self.limiter:
            pool = self.start()
            return await asyncio.wrap_future(pool.submit(ingest, db, settings, kind, body))


def _start_worker(parent: int, settings: Settings | None) -> None:
    """In a worker: follow the server, and load what coding needs when told to."""
    _follow_parent(parent)
    if settings is not None:
        from ..api import knowledge_for
        from ..coding.gazetteer import load_gazetteer
        from ..linguistic.parse import nlp

        try:
            knowledge_for(settings)
            if settings.parse:
                nlp()
            load_gazetteer()
        except DyadError:  # a broken pool would fail every POST: let the POST say what is wrong
            pass


def _follow_parent(parent: int) -> None:
    """In a worker: exit when the server that started it is gone, however it ended."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


def content_kind(header: str | None) -> str:
    """The posted body's kind from its Content-Type (none given: plain text); 415 otherwise."""
    if header is None:
        return "text"
    kind, *params = (p.strip().lower() for p in header.split(";"))
    charset = next((p.split("=", 1)[1].strip('" ') for p in params if p.startswith("charset=")), "utf-8")
    if kind not in KINDS or charset not in CHARSETS:
        raise HTTPException(
            415,
            f"unsupported content type {header[:100]!r}: use text/plain, text/html or application/json "
            "(UTF-8)",
        )
    return KINDS[kind]


async def read_body(request: Request, limit: int = MAX_BODY) -> bytes:
    """The request body, read no further than `limit` bytes (413 past it)."""
    declared = request.headers.get("content-length")
    if declared is not None:
        if not (declared.isascii() and declared.isdigit()):
            raise BadRequest(f"Content-Length {declared[:40]!r}: not a number of bytes")
        if int(declared) > limit:
            raise HTTPException(413, f"article too large ({declared} bytes; the limit is {limit})")
    chunks, size = [], 0
    try:
        with anyio.fail_after(BODY_SECONDS):
            async for chunk in request.stream():
                size += len(chunk)
                if size > limit:
                    raise HTTPException(413, f"article too large (over {limit} bytes, the limit)")
                chunks.append(chunk)
    except TimeoutError:
        raise HTTPException(408, f"the body took over {BODY_SECONDS} s to arrive") from None
    return b"".join(chunks)


def ingest(db: str | Path, settings: Settings, kind: str, body: bytes) -> dict:
    """Store one posted article (a worker thread's task): {id, stored, duplicate}."""
    fmt, text, meta = posted(kind, body)
    with Dyad(db, settings) as d:
        try:
            return d.ingest_document(text, fmt, meta)
        except InputError as e:
            raise BadRequest(e.reason) from None


def posted(kind: str, body: bytes) -> tuple[str, str, dict]:
    """(format, text, metadata) of a posted article: plain text, HTML or a JSON record."""
    if not body.strip():
        raise BadRequest("empty request body: send the article as text, HTML or JSON")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise BadRequest("the body is not UTF-8 text") from None
    if kind != "json":
        return kind, text, {}
    try:  # the same checks as every other way in (fields.py): JSON, field kinds, lengths, text
        body_text, fmt, fields_meta = fields.record(fields.loads(text))
    except fields.BadRecord as e:
        raise BadRequest(str(e)) from None
    meta = {("doc_id" if k == "id" else k): v for k, v in fields_meta.items() if v is not None}
    return fmt, body_text, meta
