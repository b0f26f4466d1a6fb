"""What the commands print as tables: events, quotes, actors and the store's counts, and the demo's
summary, which leads with what dyad found before the counts of tables."""

from __future__ import annotations

from collections import Counter

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from ..api import Dyad
from ..filters import COUNT_RULE
from .terminal import text as _t

QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")


def row(table: Table, *cells) -> None:
    """A table row of values from the store: each printed as it is (Text), never as markup."""
    table.add_row(*(c if isinstance(c, Text) else _t(c) for c in cells))


def events_table(rows: list[dict], title: str | None = None) -> Table:
    """Events with their dates, sides, flags, evidence and outlet."""
    table = Table("date", "source", "event", "target", "flags", "evidence", "outlet", title=title)
    table.columns[0].no_wrap = True
    table.columns[5].ratio = 3
    for r in rows:
        flags = ",".join(f for f in ("negated", "hypothetical", "mutual") if r[f])
        if r["when"] != "current":
            flags = ",".join(filter(None, [r["when"], flags]))
        event = r["type"] + (f" ({r['mode']})" if r["mode"] else "")
        target = f"{r['target']} [{r['target_country']}]" if r["target"] else ""
        cells = (
            r["date"] or r["published"] or "",
            f"{r['source']} [{r['source_country']}]",
            event,
            target,
            flags,
            r["evidence"],
            r["outlet"] or "",
        )
        table.add_row(*(_t(c) for c in cells))
    return table


def quotes_table(rows: list[dict], title: str | None = None) -> Table:
    table = Table("speaker", "quotation", "published", title=title)
    table.columns[1].ratio = 3
    for r in rows:
        table.add_row(_t(r["speaker"] or "(unattributed)"), _t(r["text"]), _t(r["published"] or ""))
    return table


def findings(d: Dyad, dyads: int = 5, samples: int = 5, speakers: int = 3) -> Group:
    """The most active dyads with their QuadClass mix, sample events with their evidence and source,
    and a quotation from each of the most quoted speakers."""
    top = d.top_dyads(dyads)
    mix = Table(
        "dyad", "events", *(q.replace("_", " ") for q in QUADS), "mean score", title="most active dyads"
    )
    for x in top:
        series = d.dyad(x["source"], x["target"])
        sums = [sum(r[q] for r in series) for q in QUADS]
        mix.add_row(
            _t(f"{x['source']} -> {x['target']}"),
            str(x["events"]),
            *map(str, sums),
            f"{x['mean_score']:+.1f}",
        )
    picked: list[dict] = []
    for x in top:
        rows = d.events(x["source"], x["target"], root_only=True, limit=1)
        picked += rows[:1]
    if len(picked) < samples:
        seen = {e["id"] for e in picked}
        picked += [e for e in d.events(root_only=True, limit=samples * 4) if e["id"] not in seen]
    events = events_table(picked[:samples], title="sample events, with their evidence")
    counts = Counter(q["speaker_id"] for q in d.quotes() if q["speaker_id"] is not None)
    quoted = []
    for speaker_id, _ in counts.most_common(speakers):
        rows = [q for q in d.store.quote_rows(speaker_id=speaker_id, limit=20) if len(q["text"]) > 40]
        quoted += rows[:1]
    quotes = quotes_table(quoted, title="the most quoted speakers")
    return Group(mix, Text(COUNT_RULE, style="dim"), events, quotes)


def print_findings(console: Console, d: Dyad) -> None:
    console.print(findings(d))


def actors_table(rows: list[dict], title: str | None = None) -> Table:
    table = Table("actor", "country", "sector", "role", "mentions", "articles", title=title)
    for r in rows:
        row(table, r["name"], r["country"], r["sector"], r["role"] or "", r["mentions"], r["articles"])
    return table


def print_stats(console: Console, s: dict) -> None:
    table = Table("what", "count", title="dyad store")
    for k in ("articles", "sentences", "actors", "mentions", "quotes", "events"):
        row(table, k, s[k])
    console.print(table)
    console.print(_t("languages: " + ", ".join(f"{k} {v}" for k, v in s["languages"].items())))
    if s["published"]["first"]:
        console.print(_t(f"published: {s['published']['first']} to {s['published']['last']}"))
    if s["flags"]:
        console.print(_t("flags: " + ", ".join(f"{k} {v}" for k, v in s["flags"].items())))
