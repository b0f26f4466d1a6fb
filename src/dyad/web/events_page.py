"""The Events page (a filterable table whose filters live in the URL) and the downloads of every
list view: events, quotes, actors, a dyad's timeline and the network's edges, as CSV, JSON Lines
or Parquet, with the filters of the page they are offered on."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from fastapi import Depends, FastAPI, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from .. import filters
from ..api import Dyad
from ..export import tables
from ..knowledge.schema import EVENT_TYPES
from .render import QUAD_NAMES

PAGE = 100
EVENT_PARAMS = (
    "source",
    "target",
    "type",
    "quad",
    "since",
    "until",
    "when",
    "root",
    "all",
    "search",
    "reports",
)
VIEWS = ("events", "quotes", "actors", "dyad", "network")


def event_filters(q: dict[str, str]) -> dict:
    """Dyad.events keyword arguments from a page's query (the URL is the filter state)."""
    when, negated = filters.counted(q.get("when") or None, _on(q.get("all")))
    return {
        "source": q.get("source") or None,
        "target": q.get("target") or None,
        "event_type": q.get("type") or None,
        "since": q.get("since") or None,
        "until": q.get("until") or None,
        "when": when,
        "negated": negated,
        "root_only": _on(q.get("root")),
        "quad_class": q.get("quad") or None,
        "search": q.get("search") or None,
        "reports": _on(q.get("reports")),
    }


def _on(value: str | None) -> bool:
    return value in ("1", "true", "on", "yes")


def register(app: FastAPI, templates: Jinja2Templates, store: Callable) -> None:
    """Add /events and /download/{view}.{format} to the app."""

    @app.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def events_page(request: Request, d: Dyad = Depends(store)):  # noqa: B008
        q = {k: v for k, v in request.query_params.items() if k in (*EVENT_PARAMS, "offset")}
        offset = int(q["offset"]) if q.get("offset", "").isdigit() else 0
        rows = d.events(**event_filters(q), limit=PAGE + 1, offset=offset)
        shown = {k: v for k, v in q.items() if k != "offset" and v}
        return templates.TemplateResponse(
            request,
            "events.html",
            {
                "events": rows[:PAGE],
                "q": q,
                "offset": offset,
                "more": len(rows) > PAGE,
                "query": urlencode(shown),
                "types": EVENT_TYPES,
                "quads": QUAD_NAMES,
                "rule": filters.COUNT_RULE,
            },
        )

    @app.get("/download/{view}.{fmt}", include_in_schema=False)
    def download(request: Request, view: str, fmt: str, d: Dyad = Depends(store)):  # noqa: B008
        if view not in VIEWS:
            raise filters.FilterError(f"download {view!r}: one of {', '.join(VIEWS)}")
        tables.check_format(fmt)
        q = dict(request.query_params)
        if view == "events":
            body = tables.events_file(d.events(**event_filters(q)), fmt)
        else:
            body = tables.rows_file(_rows(d, view, q), fmt)
        name = f"dyad-{view}.{fmt}"
        headers = {"Content-Disposition": f'attachment; filename="{name}"'}
        return Response(body, media_type=tables.FORMATS[fmt], headers=headers)


def _rows(d: Dyad, view: str, q: dict[str, str]) -> list[dict]:
    """The rows of a list view other than events, with that view's filters."""
    if view == "quotes":
        return d.quotes(q.get("speaker") or None, q.get("search") or None, q.get("since") or None)
    if view == "actors":
        return d.actors()
    if view == "dyad":
        source, target = q.get("source", ""), q.get("target", "")
        if not source or not target:
            raise filters.FilterError("dyad download: give source and target")
        series = d.dyad(
            source, target, q.get("by") or "day", root_only=_on(q.get("root")), reports=_on(q.get("reports"))
        )
        return [{"source": source, "target": target, **r} for r in series]
    graph = d.network(
        q.get("since") or None,
        q.get("until") or None,
        q.get("type") or None,
        root_only=_on(q.get("root")),
        reports=_on(q.get("reports")),
    )
    nodes = {n["id"]: n for n in graph["nodes"]}
    return [
        {
            "source": nodes[e["source"]]["name"],
            "source_country": nodes[e["source"]]["country"],
            "target": nodes[e["target"]]["name"],
            "target_country": nodes[e["target"]]["country"],
            "events": e["events"],
            "mean_score": e["mean_score"],
        }
        for e in graph["edges"]
    ]
