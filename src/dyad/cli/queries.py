"""Commands that read the store: actors, one article, quotes, events, a dyad's timeline, candidate
verbs for new patterns, and the store's counts."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from ..api import article_record
from ..filters import counted
from .common import die, out, print_json, reading
from .options import (
    AllOpt,
    DbOpt,
    JsonOpt,
    LimitOpt,
    ReportsOpt,
    RootOpt,
    SinceOpt,
    SourceOpt,
    TargetOpt,
    TypeOpt,
    UntilOpt,
    WhenOpt,
)
from .report import actors_table, events_table, print_stats, quotes_table, row
from .terminal import text as _t


def actors_cmd(
    db: DbOpt = None,
    limit: LimitOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Actors in the store: country, sector, role, mentions and articles."""
    with reading(db) as d:
        rows = d.actors(limit)
    if as_json:
        print_json(rows)
        return
    out.print(actors_table(rows))


def show(
    article: Annotated[str, typer.Argument(help="Article number, input id or file name.")],
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """One article: cleaned text, metadata, actors, events and quotes."""
    with reading(db) as d:
        view = d.article_view(article)
    if view is None:
        die(f"{article}: no such article in the store", 1)
    record = article_record(view["article"])
    actors = record.pop("actors")
    text = record.pop("text")
    if as_json:
        print_json(
            {**record, "text": text, "actors": actors, "events": view["events"], "quotes": view["quotes"]}
        )
        return
    for k, v in record.items():
        if v:
            value = ", ".join(v) if isinstance(v, list) else v
            out.print(Text.assemble((k, "bold"), ": ", _t(value, keep_lines=False)), highlight=False)
    out.print()
    out.print(_t(text), highlight=False)
    out.print()
    table = Table("actor", "country", "sector", "role", "mentions")
    for x in actors:
        row(
            table,
            x["name"],
            x["country"],
            x["sector"],
            x["role"] or "",
            "; ".join(dict.fromkeys(x["mentions"])),
        )
    out.print(table)
    out.print(events_table(view["events"], title=f"{len(view['events'])} events"))
    out.print(quotes_table(view["quotes"], title=f"{len(view['quotes'])} quotations"))


def quotes(
    db: DbOpt = None,
    speaker: Annotated[str | None, typer.Option(help="Part of the speaker's name.")] = None,
    search: Annotated[str | None, typer.Option(help="Words the quotation contains (full text).")] = None,
    since: Annotated[str | None, typer.Option(help="Published on or after this date (YYYY-MM-DD).")] = None,
    limit: LimitOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Direct quotations with their speakers."""
    with reading(db) as d:
        rows = d.quotes(speaker, search, since, limit)
    if as_json:
        print_json(rows)
        return
    table = Table("speaker", "quotation", "published", "article")
    for r in rows:
        row(
            table,
            r["speaker"] or "(unattributed)",
            r["text"],
            r["published"] or "",
            r["doc_id"] or str(r["article"]),
        )
    out.print(table)


def events(
    db: DbOpt = None,
    source: SourceOpt = None,
    target: TargetOpt = None,
    type: TypeOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    when: WhenOpt = None,
    limit: LimitOpt = None,
    root: RootOpt = False,
    every: AllOpt = False,
    reports: ReportsOpt = False,
    as_json: JsonOpt = False,
) -> None:
    """Events: who did what to whom, when, with the evidence sentence. By default the counted
    events (current and not negated; --all lists every coded event), an event reported by several
    articles once (its first report; --reports lists every report)."""
    with reading(db) as d:
        when_, negated = counted(when, every)
        rows = d.events(
            source, target, type, since, until, when_, limit, root_only=root, negated=negated, reports=reports
        )
    if as_json:
        print_json(rows)
        return
    out.print(events_table(rows))


def dyad_cmd(
    source: Annotated[str, typer.Argument(help="Source: country code (PAK) or actor name.")],
    target: Annotated[str, typer.Argument(help="Target: country code (AFG) or actor name.")],
    db: DbOpt = None,
    by: Annotated[str, typer.Option(help="day, week (its Monday) or month (its first day).")] = "day",
    root: RootOpt = False,
    reports: ReportsOpt = False,
    as_json: JsonOpt = False,
) -> None:
    """A directed pair's timeline: counted events (current, not negated) per day, week or month by
    QuadClass, and the mean score; an event reported by several articles counts once unless
    --reports. A country's name (Pakistan) is taken as its code (PAK)."""
    with reading(db) as d:
        rows = d.dyad(source, target, by, root_only=root, reports=reports)
    if as_json:
        print_json(rows)
        return
    top = max((r["events"] for r in rows), default=1)
    table = Table(
        by,
        "verbal coop",
        "material coop",
        "verbal conflict",
        "material conflict",
        "events",
        "mean score",
        "",
        title=_t(f"{source} -> {target}", keep_lines=False),
    )
    for r in rows:
        bar = "█" * max(1, round(20 * r["events"] / top))
        colour = "green" if r["mean_score"] > 0 else "red" if r["mean_score"] < 0 else "white"
        row(
            table,
            r["period"],
            r["verbal_cooperation"],
            r["material_cooperation"],
            r["verbal_conflict"],
            r["material_conflict"],
            r["events"],
            f"{r['mean_score']:+.1f}",
            Text(bar, style=colour),
        )
    out.print(table)


def candidates(
    db: DbOpt = None,
    limit: LimitOpt = 50,
    as_json: JsonOpt = False,
) -> None:
    """Verbs between two actors that no event pattern knows: material for new patterns."""
    with reading(db) as d:
        rows = d.candidates(limit)
    if as_json:
        print_json(rows)
        return
    table = Table("verb", "count", "articles", "example")
    for r in rows:
        row(table, r["verb"], r["count"], r["articles"], r["example"])
    out.print(table)


def stats(db: DbOpt = None, as_json: JsonOpt = False) -> None:
    """Counts of what the store holds."""
    with reading(db) as d:
        s = d.stats()
    if as_json:
        print_json(s)
        return
    print_stats(out, s)
