"""HTML pieces built in Python: the article with its highlights, and the dyad chart. All text is
escaped here; nothing from an article reaches a page unescaped."""

from __future__ import annotations

import json
from datetime import date

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


def dyad_figure(
    series: list[dict], events_by_period: dict[str, list[dict]], title: str, by: str = "day"
) -> str:
    """Plotly figure JSON: events per period stacked by QuadClass, the mean score as a line on a
    -10..+10 axis with a labelled zero; each period labelled by its first day; hovering a bar lists
    that period's events."""
    periods = [r["period"] for r in series]
    keys = {1: "verbal_cooperation", 2: "material_cooperation", 3: "verbal_conflict", 4: "material_conflict"}
    labels = [_period_label(p, by) for p in periods]
    hover = _hover(periods, labels, events_by_period)
    data = [
        {
            "type": "bar",
            "name": QUAD_NAMES[q],
            "x": periods,
            "y": [r[keys[q]] for r in series],
            "marker": {"color": QUAD_COLOURS[q]},
            "customdata": hover,
            "hovertemplate": "<b>%{customdata[0]}</b>: %{y} "
            + QUAD_NAMES[q]
            + "<br>%{customdata[1]}<extra></extra>",
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
            "customdata": labels,
            "hovertemplate": "<b>%{customdata}</b>: mean score %{y:+.1f}<extra></extra>",
        }
    )
    return safe_json({"data": data, "layout": _layout(title, periods, labels, by)})


def _hover(periods: list[str], labels: list[str], events_by_period: dict[str, list[dict]]) -> list[list[str]]:
    """Each period's label and the first dozen of its events, for a bar's hover."""
    hover = []
    for p, label in zip(periods, labels, strict=True):
        events = events_by_period.get(p, [])
        lines = [_event_line(e) for e in events[:12]]
        if len(events) > 12:
            lines.append(f"… and {len(events) - 12} more")
        hover.append([label, "<br>".join(lines)])
    return hover


def _layout(title: str, periods: list[str], labels: list[str], by: str) -> dict:
    """The dyad figure's axes: events stacked on the left, the mean score on a -10..+10 axis."""
    step = max(1, len(periods) // 12)  # at most about a dozen labels on the time axis
    return {
        "title": {"text": title},
        "barmode": "stack",
        "height": 440,
        "margin": {"t": 50, "r": 80, "b": 90},
        "xaxis": {
            "type": "category",
            "tickvals": periods[::step],
            "ticktext": labels[::step],
            "tickangle": -30,
            "title": {"text": {"day": "day", "week": "week (labelled by its Monday)", "month": "month"}[by]},
        },
        "yaxis": {"title": {"text": "events"}, "tickformat": ",d", "rangemode": "tozero"},
        "yaxis2": {
            "title": {"text": "mean conflict–cooperation score"},
            "overlaying": "y",
            "side": "right",
            "range": [-10.5, 10.5],
            "tickvals": [-10, -5, 0, 5, 10],
            "ticktext": ["−10 conflict", "−5", "0 neutral", "+5", "+10 coop."],
            "zeroline": True,
            "zerolinecolor": "#444",
            "zerolinewidth": 1.5,
            "showgrid": False,
        },
        "legend": {"orientation": "h", "y": -0.35},
    }


def _period_label(period: str, by: str) -> str:
    """'week of 6 Oct 2025', 'Oct 2025' or '16 Oct 2025' for a period's first day (YYYY-MM-DD)."""
    try:
        day = date.fromisoformat(period)
    except (TypeError, ValueError):
        return str(period)
    if by == "month":
        return day.strftime("%b %Y")
    text = f"{day.day} {day.strftime('%b %Y')}"
    return f"week of {text}" if by == "week" else text


def _event_line(e: dict) -> str:
    target = e["target"] or ""
    return str(escape(f"{e['source']} {e['type']} {target}".strip()))


def safe_json(obj) -> str:
    """JSON that can sit inside a <script> element."""
    return json.dumps(obj, ensure_ascii=False, default=str).replace("<", "\\u003c").replace(">", "\\u003e")
