"""The HTTP API and the dashboard: a thin layer over dyad's Python API."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from ..api import Dyad, article_record
from ..errors import DyadError, InputError
from ..knowledge.schema import EVENT_TYPES
from ..metadata import parse_date
from ..settings import Settings
from .render import dyad_figure, highlighted, safe_json

HERE = Path(str(resources.files("dyad.web")))
MAX_BODY = 5 * 1024 * 1024
Limit = Annotated[int, Query(ge=1, le=500, description="Page size.")]
Offset = Annotated[int, Query(ge=0, description="Rows to skip.")]
Root = Annotated[bool, Query(description="Only each sentence's root event(s): one act per sentence.")]


def _store(request: Request) -> Iterator[Dyad]:
    """A store connection for one request."""
    d = Dyad(request.app.state.db, request.app.state.settings)
    try:
        yield d
    finally:
        d.close()


Store = Annotated[Dyad, Depends(_store)]


class BadRequest(Exception):
    """A request with a parameter dyad cannot use (answered 400 with the reason)."""


def create_app(db: str | Path, settings: Settings | None = None) -> FastAPI:
    """The web application over the store at `db`."""
    app = FastAPI(
        title="dyad",
        description="Political event data from news: actors, quotes, events.",
        version="0.1.0",
        docs_url=None,  # served below from the vendored Swagger UI
        redoc_url=None,
    )
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    settings = settings or Settings()
    app.state.db, app.state.settings = str(db), settings

    # --- errors: JSON for the API, a page for the dashboard; never a traceback
    @app.exception_handler(BadRequest)
    async def bad_request(request: Request, exc: BadRequest):
        return _error(request, templates, 400, str(exc))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        return _error(request, templates, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(x) for x in first.get("loc", ())[1:]) or "request"
        return _error(request, templates, 422, f"{where}: {first.get('msg', 'invalid')}")

    @app.exception_handler(DyadError)
    async def dyad_error(request: Request, exc: DyadError):
        return _error(request, templates, 400, str(exc))

    # --- JSON API
    @app.get("/api/stats", tags=["api"])
    def api_stats(d: Store) -> dict:
        return d.stats()

    @app.get("/api/articles", tags=["api"])
    def api_articles(d: Store, limit: Limit = 50, offset: Offset = 0) -> dict:
        return {"items": d.articles(limit, offset), "limit": limit, "offset": offset}

    @app.get("/api/articles/{ref}", tags=["api"])
    def api_article(ref: str, d: Store) -> dict:
        view = _article_view(d, ref)
        a = view["article"]
        mentions = [
            {"start": m.start, "end": m.end, "text": m.text, "actor": m.actor_key} for m in a.mentions
        ]
        return {
            "id": view["id"],
            **article_record(a),
            "mentions": mentions,
            "quotes": view["quotes"],
            "events": view["events"],
        }

    @app.post("/api/articles", tags=["api"], status_code=201)
    async def api_ingest(request: Request, d: Store) -> JSONResponse:
        body = await request.body()
        if not body.strip():
            raise BadRequest("empty request body: send the article as text, HTML or JSON")
        if len(body) > MAX_BODY:
            raise HTTPException(413, f"article too large ({len(body)} bytes; the limit is {MAX_BODY})")
        fmt, text, meta = _posted(request.headers.get("content-type", "text/plain"), body)
        try:
            result = d.ingest_document(text, fmt, meta)
        except InputError as e:
            raise BadRequest(e.reason) from None
        return JSONResponse(result, status_code=201 if result["stored"] else 200)

    @app.get("/api/actors", tags=["api"])
    def api_actors(d: Store, limit: Limit = 50, offset: Offset = 0) -> dict:
        return {"items": d.actors(limit, offset), "limit": limit, "offset": offset}

    @app.get("/api/actors/{actor_id}", tags=["api"])
    def api_actor(actor_id: int, d: Store) -> dict:
        info = d.actor(actor_id)
        if info is None:
            raise HTTPException(404, f"no actor {actor_id}")
        return info

    @app.get("/api/quotes", tags=["api"])
    def api_quotes(
        d: Store,
        search: str | None = None,
        speaker: str | None = None,
        since: str | None = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> dict:
        items = d.quotes(speaker, search, _date(since, "since"), limit, offset)
        return {"items": items, "limit": limit, "offset": offset}

    @app.get("/api/events", tags=["api"])
    def api_events(
        d: Store,
        source: str | None = None,
        target: str | None = None,
        type: str | None = None,
        since: str | None = None,
        until: str | None = None,
        when: str | None = None,
        root: Root = False,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> dict:
        items = d.events(
            source,
            target,
            _type(type),
            _date(since, "since"),
            _date(until, "until"),
            _when(when),
            limit,
            offset,
            root_only=root,
        )
        return {"items": items, "limit": limit, "offset": offset}

    @app.get("/api/dyads/{source}/{target}", tags=["api"])
    def api_dyad(source: str, target: str, d: Store, by: str = "day", root: Root = False) -> dict:
        if by not in ("day", "week"):
            raise BadRequest(f"by={by!r}: day or week")
        series = d.dyad(source, target, by, root_only=root)
        return {"source": source, "target": target, "by": by, "series": series}

    @app.get("/api/network", tags=["api"])
    def api_network(
        d: Store,
        since: str | None = None,
        until: str | None = None,
        type: str | None = None,
        min_events: Annotated[int, Query(ge=1)] = 1,
        root: Root = False,
    ) -> dict:
        return d.network(
            _date(since, "since"), _date(until, "until"), _type(type), min_events, root_only=root
        )

    # --- dashboard
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def overview(request: Request, d: Store):
        return templates.TemplateResponse(
            request,
            "overview.html",
            {
                "stats": d.stats(),
                "dyads": d.top_dyads(12),
                "events": d.store.event_rows(limit=15, newest_first=True, when="current"),
            },
        )

    @app.get("/dyad", response_class=HTMLResponse, include_in_schema=False)
    def dyad_page(
        request: Request, d: Store, source: str = "", target: str = "", by: str = "week", root: Root = False
    ):
        if by not in ("day", "week"):
            raise BadRequest(f"by={by!r}: day or week")
        series, figure, events = [], None, []
        if source and target:
            series = d.dyad(source, target, by, root_only=root)
            events = d.events(source, target, when="current", limit=500, root_only=root)
            by_period: dict[str, list[dict]] = {}
            periods = [r["period"] for r in series]
            for e in events:
                day = e["date"] or e["published"]
                period = max((p for p in periods if p <= day), default=None) if day else None
                if period:
                    by_period.setdefault(period, []).append(e)
            figure = dyad_figure(series, by_period, f"{source} → {target}")
        return templates.TemplateResponse(
            request,
            "dyad.html",
            {
                "source": source,
                "target": target,
                "by": by,
                "root": root,
                "series": series,
                "figure": figure,
                "events": events,
                "dyads": d.top_dyads(20),
            },
        )

    @app.get("/network", response_class=HTMLResponse, include_in_schema=False)
    def network_page(
        request: Request, d: Store, since: str = "", until: str = "", type: str = "", root: Root = False
    ):
        graph = d.network(_date(since, "since"), _date(until, "until"), _type(type or None), root_only=root)
        return templates.TemplateResponse(
            request,
            "network.html",
            {
                "graph": safe_json(graph),
                "since": since,
                "until": until,
                "type": type,
                "root": root,
                "types": EVENT_TYPES,
                "nodes": len(graph["nodes"]),
                "edges": len(graph["edges"]),
            },
        )

    @app.get("/actors", response_class=HTMLResponse, include_in_schema=False)
    def actors_page(request: Request, d: Store, offset: Offset = 0):
        return templates.TemplateResponse(
            request, "actors.html", {"actors": d.actors(100, offset), "offset": offset}
        )

    @app.get("/actors/{actor_id}", response_class=HTMLResponse, include_in_schema=False)
    def actor_page(request: Request, actor_id: int, d: Store):
        info = d.actor(actor_id)
        if info is None:
            raise HTTPException(404, f"no actor {actor_id}")
        return templates.TemplateResponse(request, "actor.html", {"actor": info})

    @app.get("/quotes", response_class=HTMLResponse, include_in_schema=False)
    def quotes_page(request: Request, d: Store, q: str = "", speaker: str = ""):
        quotes = d.quotes(speaker or None, q or None, limit=200)
        return templates.TemplateResponse(
            request, "quotes.html", {"quotes": quotes, "q": q, "speaker": speaker}
        )

    @app.get("/articles", response_class=HTMLResponse, include_in_schema=False)
    def articles_page(request: Request, d: Store, offset: Offset = 0):
        return templates.TemplateResponse(
            request, "articles.html", {"articles": d.articles(100, offset), "offset": offset}
        )

    @app.get("/articles/{ref}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, ref: str, d: Store, event: int | None = None):
        view = _article_view(d, ref)
        records = {e["id"]: e for e in view["events"]}
        return templates.TemplateResponse(
            request,
            "article.html",
            {
                "a": view["article"],
                "id": view["id"],
                "html": highlighted(view["article"], view["events"]),
                "events": view["events"],
                "records": safe_json(records),
                "quotes": view["quotes"],
                "selected": event,
            },
        )

    @app.get("/docs", include_in_schema=False)
    def docs():
        """The OpenAPI explorer, from the vendored Swagger UI (no CDN)."""
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="dyad API",
            swagger_js_url="/static/vendor/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
        )

    @app.get("/vendor/plotly.min.js", include_in_schema=False)
    def plotly_js():
        import plotly

        return FileResponse(
            Path(plotly.__file__).parent / "package_data" / "plotly.min.js",
            media_type="application/javascript",
        )

    return app


def _article_view(d: Dyad, ref: str) -> dict:
    view = d.article_view(ref)
    if view is None:
        raise HTTPException(404, f"no article {ref!r}")
    return view


def _posted(content_type: str, body: bytes) -> tuple[str, str, dict]:
    """(format, text, metadata) of a posted article: text/plain, text/html or a JSON record."""
    kind = content_type.split(";")[0].strip().lower()
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise BadRequest("the body is not UTF-8 text") from None
    if kind in ("text/plain", ""):
        return "text", text, {}
    if kind == "text/html":
        return "html", text, {}
    if kind == "application/json":
        try:
            record = json.loads(text)
        except json.JSONDecodeError as e:
            raise BadRequest(f"invalid JSON ({e.msg}, line {e.lineno} column {e.colno})") from None
        if not isinstance(record, dict):
            raise BadRequest("a JSON article must be an object with 'text' or 'html'")
        body_text, fmt = record.get("text"), "text"
        if not body_text:
            body_text, fmt = record.get("html"), "html"
        if not isinstance(body_text, str) or not body_text.strip():
            raise BadRequest("a JSON article needs a non-empty 'text' or 'html' string")
        meta = {k: str(record[k]) for k in ("url", "title", "outlet", "published") if record.get(k)}
        if record.get("id"):
            meta["doc_id"] = str(record["id"])
        return fmt, body_text, meta
    raise HTTPException(
        415, f"unsupported content type {kind!r}: use text/plain, text/html or application/json"
    )


def _date(value: str | None, name: str) -> date | None:
    if not value:
        return None
    day = parse_date(value)
    if day is None:
        raise BadRequest(f"{name}={value!r}: not a date (YYYY-MM-DD)")
    return day


def _type(value: str | None) -> str | None:
    if value and value.upper() not in EVENT_TYPES:
        raise BadRequest(f"type={value!r}: not a PLOVER type ({', '.join(EVENT_TYPES)})")
    return value.upper() if value else None


def _when(value: str | None) -> str | None:
    if value and value not in ("current", "historical", "future"):
        raise BadRequest(f"when={value!r}: current, historical or future")
    return value


def _error(request: Request, templates: Jinja2Templates, status: int, message: str):
    if request.url.path.startswith("/api/") or "text/html" not in request.headers.get("accept", ""):
        return JSONResponse({"error": message, "status": status}, status_code=status)
    return templates.TemplateResponse(
        request, "error.html", {"status": status, "message": message}, status_code=status
    )
