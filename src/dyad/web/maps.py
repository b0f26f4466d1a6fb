"""The Map page and its JSON: located events as points, one per place, counted as events (event
clusters) or as reports; and an event cluster's page, its reports side by side.

(No `from __future__ import annotations`: FastAPI reads the routes' annotations, local ones too.)"""

from collections import Counter
from datetime import date
from typing import Annotated, Literal

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from ..api import Dyad
from ..knowledge.schema import EVENT_TYPES
from .render import safe_json
from .schema import Day, EventType, Root, Text, errors

MAX_EVENTS = 20_000  # the newest events a map reads (those with a place are shown)
MAX_LISTED = 50  # events listed per point


def map_points(
    d: Dyad,
    source: str | None = None,
    target: str | None = None,
    event_type: str | None = None,
    since: str | date | None = None,
    until: str | date | None = None,
    when: str | None = "current",
    root_only: bool = False,
    reports: bool = False,
) -> dict:
    """Located events grouped by place: each point's count is its events (distinct clusters) or,
    with `reports`, its event records; its colour the commonest QuadClass."""
    rows = d.store.event_rows(
        source,
        target,
        event_type,
        str(since) if since else None,
        str(until) if until else None,
        when,
        limit=MAX_EVENTS,
        newest_first=True,
        root=True if root_only else None,
    )
    rows = [r for r in rows if r["geo_lat"] is not None]
    places = _places(rows)
    points = []
    for p in places.values():
        events = len(p.pop("clusters"))
        quads, scores = p.pop("quads"), p.pop("scores")
        mean = round(sum(scores) / len(scores), 2) if scores else None
        points.append(
            {**p, "events": events, "count": p["reports"] if reports else events, "mean_score": mean}
        )
        points[-1]["quad_class"] = max(quads, key=lambda q: (quads[q], -(q or 0)))
    points.sort(key=lambda p: (-p["count"], p["name"] or ""))
    return {"points": points, "counting": "reports" if reports else "events", "located": len(rows)}


def _places(rows: list[dict]) -> dict[tuple, dict]:
    """The located event rows gathered by point: their clusters, reports, QuadClasses, scores
    and the first MAX_LISTED of them (newest first, as the rows come)."""
    places: dict[tuple, dict] = {}
    for r in rows:
        key = (r["geo_lat"], r["geo_lon"])
        p = places.setdefault(
            key,
            {
                "lat": r["geo_lat"],
                "lon": r["geo_lon"],
                "name": r["geo_resolved"] or r["geo_name"],
                "country": r["geo_country"],
                "precision": r["geo_precision"],
                "clusters": set(),
                "reports": 0,
                "quads": Counter(),
                "scores": [],
                "items": [],
            },
        )
        p["clusters"].add(r["cluster_id"] or f"event {r['id']}")
        p["reports"] += 1
        p["quads"][r["quad_class"]] += 1
        if r["score"] is not None:
            p["scores"].append(r["score"])
        if len(p["items"]) < MAX_LISTED:
            p["items"].append(_item(r))
    return places


def _item(r: dict) -> dict:
    return {
        "id": r["id"],
        "article": r["article"],
        "type": r["type"],
        "source": r["source"],
        "target": r["target"],
        "date": r["date"] or r["published"],
        "outlet": r["outlet"],
        "evidence": r["evidence"][:300],
        "cluster": r["cluster_id"],
        "articles": r["num_articles"] or 1,
    }


def cluster_reports(d: Dyad, cluster_id: str) -> list[dict]:
    """Every report of one event cluster, oldest first."""
    return d.store.event_rows(cluster_id=cluster_id)


def add_routes(app: FastAPI, templates: Jinja2Templates, store_dependency) -> None:
    """GET /map, /api/map and /clusters/{id} on the app."""
    Store = Annotated[Dyad, Depends(store_dependency)]

    @app.get("/api/map", tags=["api"], responses=errors(422))
    def api_map(
        d: Store,
        source: Text = None,
        target: Text = None,
        type: EventType | None = None,
        since: Day = None,
        until: Day = None,
        when: Literal["current", "historical", "future"] | None = "current",
        root: Root = False,
        reports: bool = False,
    ) -> dict:
        """Located events as points, one per place (GeoJSON-like coordinates in degrees)."""
        return map_points(
            d, source, target, type.upper() if type else None, since, until, when, root, reports
        )

    @app.get("/map", response_class=HTMLResponse, include_in_schema=False)
    def map_page(
        request: Request,
        d: Store,
        source: Text = None,
        target: Text = None,
        type: EventType | None = None,
        since: Day = None,
        until: Day = None,
        root: Root = False,
        reports: bool = False,
    ):
        data = map_points(
            d, source, target, type.upper() if type else None, since, until, "current", root, reports
        )
        form = {"source": source or "", "target": target or "", "type": (type or "").upper()}
        form |= {"since": since or "", "until": until or "", "root": root, "reports": reports}
        return templates.TemplateResponse(
            request,
            "map.html",
            {"data": safe_json(data), "n": len(data["points"]), "types": EVENT_TYPES, **form},
        )

    @app.get("/clusters/{cluster_id}", response_class=HTMLResponse, include_in_schema=False)
    def cluster_page(request: Request, cluster_id: str, d: Store):
        reports = cluster_reports(d, cluster_id)
        if not reports:
            raise HTTPException(404, f"no event cluster {cluster_id!r}")
        return templates.TemplateResponse(request, "cluster.html", {"id": cluster_id, "reports": reports})
