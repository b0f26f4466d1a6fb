"""The HTTP API and the dashboard: a thin layer over dyad's Python API."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from .. import filters
from ..api import Dyad, article_record
from ..errors import DyadError
from ..knowledge.schema import EVENT_TYPES
from ..settings import Settings
from . import event_api, events_page, maps, pictures
from .ingest import BadRequest, Ingests, content_kind, read_body
from .pool import serve_readers
from .render import dyad_figure, highlighted, safe_json
from .schema import (
    ARTICLE_BODY,
    ActorId,
    Day,
    Ingested,
    Limit,
    Offset,
    Ref,
    Reports,
    Root,
    Text,
    errors,
)
from .security import Bearer, check_write

HERE = Path(str(resources.files("dyad.web")))


def _store(request: Request) -> Iterator[Dyad]:
    """A store connection for one request, borrowed from the app's open ones."""
    with request.app.state.readers.borrow() as d:
        yield d


Store = Annotated[Dyad, Depends(_store)]


def create_app(
    db: str | Path,
    settings: Settings | None = None,
    *,
    write_token: str | None = None,
    ingests: Ingests | None = None,
) -> FastAPI:
    """The web application over the store at `db`. Writes (POST /api/articles) are refused unless
    `write_token` is given, and then need it as `Authorization: Bearer TOKEN`; `ingests` bounds how
    many articles are coded at once (default one, and 16 waiting)."""
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
    app.state.write_token = write_token
    app.state.ingests = ingests or Ingests()
    app.router.add_event_handler("shutdown", app.state.ingests.close)
    if write_token is not None:  # writes allowed: the workers get ready before the first POST
        app.router.add_event_handler("startup", lambda: app.state.ingests.start(settings).submit(int))
    serve_readers(app, str(db), settings)

    # --- errors: JSON for the API, a page for the dashboard; never a traceback
    @app.exception_handler(BadRequest)
    async def bad_request(request: Request, exc: BadRequest):
        return _error(request, templates, 400, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        headers = dict(exc.headers or {})
        if exc.status_code == 405:
            headers["Allow"] = _allowed(request)
        return _error(request, templates, exc.status_code, str(exc.detail), headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(x) for x in first.get("loc", ())[1:]) or "request"
        message = filters.friendly(where, first.get("input"))
        return _error(request, templates, 422, message or f"{where}: {first.get('msg', 'invalid')}")

    @app.exception_handler(filters.FilterError)
    async def bad_filter(request: Request, exc: filters.FilterError):
        return _error(request, templates, 422, str(exc))

    @app.exception_handler(DyadError)
    async def dyad_error(request: Request, exc: DyadError):
        return _error(request, templates, 400, str(exc))

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception):  # a bug: still JSON, still no traceback
        return _error(request, templates, 500, "internal error")

    # --- JSON API
    @app.get("/api/stats", tags=["api"])
    def api_stats(d: Store) -> dict:
        return d.stats()

    @app.get("/api/articles", tags=["api"], responses=errors(422))
    def api_articles(d: Store, limit: Limit = 50, offset: Offset = 0) -> dict:
        return {"items": d.articles(limit, offset), "limit": limit, "offset": offset}

    @app.get("/api/articles/{ref}", tags=["api"], responses=errors(404, 422))
    def api_article(ref: Ref, d: Store) -> dict:
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

    @app.post(
        "/api/articles",
        tags=["api"],
        status_code=201,
        response_model=Ingested,
        responses={
            200: {"model": Ingested, "description": "Stored already (the same text): nothing written."},
            201: {"description": "Stored."},
            **errors(400, 401, 403, 408, 413, 415, 503),
        },
        openapi_extra={"requestBody": ARTICLE_BODY},
    )
    async def api_ingest(request: Request, credentials: Bearer) -> JSONResponse:
        check_write(request, credentials)
        kind = content_kind(request.headers.get("content-type"))
        ingests: Ingests = request.app.state.ingests
        async with ingests.slot():
            body = await read_body(request)
            result = await ingests.run(request.app.state.db, request.app.state.settings, kind, body)
        return JSONResponse(result, status_code=201 if result["stored"] else 200)

    @app.get("/api/actors", tags=["api"], responses=errors(422))
    def api_actors(d: Store, limit: Limit = 50, offset: Offset = 0) -> dict:
        return {"items": d.actors(limit, offset), "limit": limit, "offset": offset}

    @app.get("/api/actors/{actor_id}", tags=["api"], responses=errors(404, 422))
    def api_actor(actor_id: ActorId, d: Store) -> dict:
        info = d.actor(actor_id)
        if info is None:
            raise HTTPException(404, f"no actor {actor_id}")
        return info

    @app.get("/api/quotes", tags=["api"], responses=errors(422))
    def api_quotes(
        d: Store,
        search: Text = None,
        speaker: Text = None,
        since: Day = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> dict:
        items = d.quotes(speaker, search, since, limit, offset)
        return {"items": items, "limit": limit, "offset": offset}

    event_api.register(app, _store)  # /api/events, /api/dyads/{source}/{target}, /api/network

    # --- dashboard
    events_page.register(app, templates, _store)
    maps.add_routes(app, templates, _store)  # the Map page, /api/map and event clusters' pages

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def overview(request: Request, d: Store):
        return templates.TemplateResponse(
            request,
            "overview.html",
            {
                "stats": d.stats(),
                "rule": filters.COUNT_RULE,
                "dyads": d.top_dyads(12),
                "events": d.store.event_rows(limit=15, newest_first=True, when="current"),
            },
        )

    @app.get("/dyad", response_class=HTMLResponse, include_in_schema=False)
    def dyad_page(
        request: Request,
        d: Store,
        source: str = "",
        target: str = "",
        by: str = "week",
        root: Root = False,
        reports: Reports = False,
    ):
        by = filters.period(by)
        series, figure, events = [], None, []
        if source and target:
            series = d.dyad(source, target, by, root_only=root, reports=reports)
            events = d.events(source, target, when="current", limit=500, root_only=root, reports=reports)
            by_period: dict[str, list[dict]] = {}
            periods = [r["period"] for r in series]
            for e in events:
                day = e["date"] or e["published"]
                period = max((p for p in periods if p <= day), default=None) if day else None
                if period:
                    by_period.setdefault(period, []).append(e)
            figure = dyad_figure(series, by_period, f"{source} → {target}", by)
        return templates.TemplateResponse(
            request,
            "dyad.html",
            {
                "source": source,
                "target": target,
                "by": by,
                "root": root,
                "reports": reports,
                "series": series,
                "figure": figure,
                "events": events,
                "dyads": d.top_dyads(20, reports),
                "rule": filters.COUNT_RULE,
            },
        )

    @app.get("/network", response_class=HTMLResponse, include_in_schema=False)
    def network_page(
        request: Request,
        d: Store,
        since: str = "",
        until: str = "",
        type: str = "",
        root: Root = False,
        rollup: bool = False,
        reports: Reports = False,
    ):
        graph = d.network(since or None, until or None, type or None, root_only=root, reports=reports)
        graph = pictures.with_links(pictures.rolled_up(graph) if rollup else graph)
        return templates.TemplateResponse(
            request,
            "network.html",
            {
                "graph": safe_json(graph),
                "since": since,
                "until": until,
                "type": type,
                "root": root,
                "reports": reports,
                "rollup": rollup,
                "types": EVENT_TYPES,
                "rule": filters.COUNT_RULE,
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
        summary = {"counterparts": pictures.counterparts(info)[:12]}
        return templates.TemplateResponse(request, "actor.html", {"actor": info, **summary})

    @app.get("/quotes", response_class=HTMLResponse, include_in_schema=False)
    def quotes_page(request: Request, d: Store, search: str = "", speaker: str = ""):
        quotes = d.quotes(speaker or None, search or None, limit=200)
        return templates.TemplateResponse(
            request, "quotes.html", {"quotes": quotes, "search": search, "speaker": speaker}
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
                "records": safe_json({k: pictures.readable(e) for k, e in records.items()}),
                "outlet": pictures.outlet_of(view["article"]),
                "flag_help": pictures.flag_help,
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


def _allowed(request: Request) -> str:
    """The methods that the request's path answers to (for a 405's Allow header)."""
    methods: set[str] = set()
    for route in request.app.router.routes:
        match, _ = route.matches(request.scope)
        if match != Match.NONE:
            methods |= getattr(route, "methods", None) or set()
    return ", ".join(sorted(methods))


def _error(
    request: Request, templates: Jinja2Templates, status: int, message: str, headers: dict | None = None
):
    if request.url.path.startswith("/api/") or "text/html" not in request.headers.get("accept", ""):
        return JSONResponse({"error": message, "status": status}, status_code=status, headers=headers)
    return templates.TemplateResponse(
        request, "error.html", {"status": status, "message": message}, status_code=status, headers=headers
    )
