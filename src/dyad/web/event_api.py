"""The HTTP API's event views: the events, a dyad's timeline and the network, each counting an
event reported several times once unless `reports=true` (thin calls of dyad's Python API)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Literal

from fastapi import Depends, FastAPI, Query
from fastapi.responses import JSONResponse

from .. import filters
from ..api import Dyad
from .schema import (
    MAX_INT,
    All,
    Day,
    EventType,
    Limit,
    Offset,
    Reports,
    Root,
    Source,
    Target,
    Text,
    When,
    errors,
)


def register(app: FastAPI, store: Callable) -> None:
    """Add /api/events, /api/dyads/{source}/{target} and /api/network to the app."""

    @app.get("/api/events", tags=["api"], responses=errors(422))
    def api_events(
        d: Dyad = Depends(store),  # noqa: B008
        source: Text = None,
        target: Text = None,
        type: EventType | None = None,
        since: Day = None,
        until: Day = None,
        when: When = None,
        root: Root = False,
        every: All = False,
        limit: Limit = 50,
        offset: Offset = 0,
        reports: Reports = False,
    ) -> dict:
        """Events; by default the counted ones (current, not negated), `all=true` every coded event;
        an event reported several times once (its first report), `reports=true` every report."""
        when_, negated = filters.counted(when, every)
        more = {"root_only": root, "negated": negated, "reports": reports}
        items = d.events(source, target, type, since, until, when_, limit, offset, **more)
        # rows of plain values: sent as they are, not converted again
        return JSONResponse({"items": items, "limit": limit, "offset": offset})

    @app.get("/api/dyads/{source}/{target}", tags=["api"], responses=errors(422))
    def api_dyad(
        source: Source,
        target: Target,
        d: Dyad = Depends(store),  # noqa: B008
        by: Literal["day", "week", "month"] = "day",
        root: Root = False,
        reports: Reports = False,
    ) -> dict:
        series = d.dyad(source, target, by, root_only=root, reports=reports)
        return {"source": source, "target": target, "by": by, "series": series}

    @app.get("/api/network", tags=["api"], responses=errors(422))
    def api_network(
        d: Dyad = Depends(store),  # noqa: B008
        since: Day = None,
        until: Day = None,
        type: EventType | None = None,
        min_events: Annotated[int, Query(ge=1, le=MAX_INT)] = 1,
        root: Root = False,
        reports: Reports = False,
    ) -> dict:
        return d.network(since, until, type, min_events, root_only=root, reports=reports)
