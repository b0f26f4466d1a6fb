"""HTML pieces built in Python: the article with its highlights, and the dyad chart. All text is
escaped here; nothing from an article reaches a page unescaped."""

from __future__ import annotations

import json

from markupsafe import Markup, escape

from ..model import Article

QUAD_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
QUAD_COLOURS = {1: "#7fbf7b", 2: "#1b7837", 3: "#f4a582", 4: "#b2182b"}


def highlighted(article: Article, events: list[dict]) -> Markup:
    """The cleaned text as HTML: actor mentions, quotations and each event's evidence marked.

    Overlapping spans are rendered as runs of characters sharing the same set of marks, so the HTML
    nests correctly whatever overlaps."""
    text = article.text
    n = len(text)
    marks: list[set[str]] = [set() for _ in range(n + 1)]
    actor_at: dict[int, str] = {}
    event_at: dict[int, list[int]] = {}
    for m in article.mentions:
        for i in range(m.start, min(m.end, n)):
            marks[i].add("actor")
            actor_at[i] = m.actor_key
    for q in article.quotes:
        for i in range(q.start, min(q.end, n)):
            marks[i].add("quote")
    for e in events:
        for i in range(e["start"], min(e["end"], n)):
            marks[i].add("evidence")
            event_at.setdefault(i, []).append(e["id"])
    out: list[str] = []
    start = 0
    for i in range(1, n + 1):
        if (
            i < n
            and marks[i] == marks[start]
            and actor_at.get(i) == actor_at.get(start)
            and event_at.get(i) == event_at.get(start)
            and text[i] != "\n"
        ):
            continue
        out.append(_run(text[start:i], marks[start], actor_at.get(start), event_at.get(start, [])))
        start = i
    return Markup("".join(out))


def _run(chunk: str, marks: set[str], actor: str | None, events: list[int]) -> str:
    body = str(escape(chunk)).replace("\n", "<br>\n")
    if not marks:
        return body
    attrs = [f'class="{" ".join(sorted(marks))}"']
    if actor:
        attrs.append(f'data-actor="{escape(actor)}"')
    if events:
        attrs.append(f'data-events="{" ".join(str(e) for e in events)}"')
    return f"<span {' '.join(attrs)}>{body}</span>"


def dyad_figure(series: list[dict], events_by_period: dict[str, list[dict]], title: str) -> str:
    """Plotly figure JSON: events per period stacked by QuadClass, the mean score as a line; hovering a
    bar lists that period's events."""
    periods = [r["period"] for r in series]
    keys = {1: "verbal_cooperation", 2: "material_cooperation", 3: "verbal_conflict", 4: "material_conflict"}
    hover = ["<br>".join(_event_line(e) for e in events_by_period.get(p, [])[:12]) for p in periods]
    data = [
        {
            "type": "bar",
            "name": QUAD_NAMES[q],
            "x": periods,
            "y": [r[keys[q]] for r in series],
            "marker": {"color": QUAD_COLOURS[q]},
            "customdata": hover,
            "hovertemplate": "%{x}: %{y} " + QUAD_NAMES[q] + "<br>%{customdata}<extra></extra>",
        }
        for q in (1, 2, 3, 4)
    ]
    data.append(
        {
            "type": "scatter",
            "mode": "lines+markers",
            "name": "mean score",
            "x": periods,
            "y": [r["mean_score"] for r in series],
            "yaxis": "y2",
            "line": {"color": "#333"},
        }
    )
    layout = {
        "title": {"text": title},
        "barmode": "stack",
        "height": 420,
        "margin": {"t": 50, "r": 60},
        "yaxis": {"title": {"text": "events"}},
        "yaxis2": {
            "title": {"text": "conflict-cooperation score"},
            "overlaying": "y",
            "side": "right",
            "range": [-10, 10],
            "zeroline": True,
        },
        "legend": {"orientation": "h"},
    }
    return safe_json({"data": data, "layout": layout})


def _event_line(e: dict) -> str:
    target = e["target"] or ""
    return str(escape(f"{e['source']} {e['type']} {target}".strip()))


def safe_json(obj) -> str:
    """JSON that can sit inside a <script> element."""
    return json.dumps(obj, ensure_ascii=False, default=str).replace("<", "\\u003c").replace(">", "\\u003e")
