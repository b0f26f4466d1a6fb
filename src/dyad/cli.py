"""The `dyad` command: a thin layer over the Python API."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from . import api, cli_report, sources, terminal
from . import export as export_mod
from .api import Dyad, IngestReport
from .cli_options import (
    AllOpt,
    ReportsOpt,
    SinceOpt,
    SourceOpt,
    TargetOpt,
    TypeOpt,
    UntilOpt,
    WhenOpt,
    counted,
)
from .errors import DyadError, InputError
from .gold import to_gold
from .settings import Settings, default_db
from .store import is_server_url
from .terminal import text as _t

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Political event data from news: actors, quotes, events.",
)
out = Console()
err = Console(stderr=True)

DbOpt = Annotated[
    str | None,
    typer.Option("--db", help="Store: a file (default ./dyad.db or $DYAD_DB) or a postgresql:// URL."),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
RootOpt = Annotated[
    bool, typer.Option("--root", help="Only each sentence's root event(s): one act per sentence.")
]
ActorsOpt = Annotated[
    list[Path] | None,
    typer.Option("--actors", help="Your own actors file (YAML), merged over the built-in ones."),
]


def _open(db: str | None, actors: list[Path] | None = None, parse: bool = True, create: bool = False) -> Dyad:
    """The store at `db`; only commands that write (`create`) may make a new one."""
    location = db or default_db()
    if not create and not is_server_url(location) and not Path(location).exists():
        _die(f"{location}: no store there (dyad ingest, load or demo makes one; --db names another)")
    try:
        return Dyad(location, Settings(actor_files=tuple(actors or ()), parse=parse))
    except DyadError as e:
        _die(str(e))


@contextmanager
def _read(db: str | None) -> Iterator[Dyad]:
    """An existing store, read; a filter dyad cannot use is one line, not a traceback."""
    d = _open(db)
    try:
        yield d
    except DyadError as e:
        _die(str(e))
    finally:
        d.close()


def _die(message: str, code: int = 2):
    print(f"dyad: error: {terminal.one_line(message)}", file=sys.stderr)
    raise typer.Exit(code)


def _print_json(obj) -> None:
    print(terminal.dumps(obj, indent=2, default=str))


def _row(table: Table, *cells) -> None:
    """A table row of values from the store: each printed as it is (Text), never as markup."""
    table.add_row(*(c if isinstance(c, Text) else _t(c) for c in cells))


@app.command()
def ingest(
    paths: Annotated[list[str] | None, typer.Argument(help="Files, directories, or - for stdin.")] = None,
    db: DbOpt = None,
    actors: ActorsOpt = None,
    reprocess: Annotated[
        bool, typer.Option(help="Recode stored articles with the current knowledge.")
    ] = False,
    workers: Annotated[
        int,
        typer.Option(
            min=1,
            help="Processes that code articles (one writes the store, or each writes to PostgreSQL); "
            "with --cluster local, the local cluster's workers (default: one per core).",
        ),
    ] = 1,
    cluster: Annotated[
        str | None,
        typer.Option(
            help="Code on a dask.distributed cluster: its scheduler (tcp://host:8786) or 'local'. "
            "Workers write to a postgresql:// store directly, else to Parquet partitions loaded here."
        ),
    ] = None,
    parts: Annotated[
        Path | None,
        typer.Option(help="With --cluster: leave the workers' Parquet partitions here for `dyad load`."),
    ] = None,
    as_json: JsonOpt = False,
    parse: Annotated[
        bool,
        typer.Option(
            help="Read sentences with the language layer (spaCy); --no-parse codes about ten times "
            "faster from the dictionaries and patterns alone, with no actor or speaker learned."
        ),
    ] = True,
) -> None:
    """Ingest articles (text, HTML, JSONL) into the store; each article is stored once."""
    if not paths and not reprocess:
        _die("nothing to ingest: give files, directories or - for stdin")
    if parts and not cluster:
        _die("--parts is where cluster workers write: use it with --cluster")
    if cluster and paths and "-" in paths:
        _die("--cluster reads files, not stdin")
    with _open(db, actors, parse, create=True) as d:
        report = IngestReport()
        if reprocess:
            total = len(d.store.article_ids())
            with _bar("recoding", total, bytes_=False) as advance:
                report.recoded = d.reprocess(progress=advance)
        if paths:
            expanded = list(sources.expand(paths, skipped=_note))
            total = sources.total_bytes(expanded)
            with _bar("ingesting", total) as advance:
                try:
                    r = d.ingest(
                        expanded,
                        progress=advance,
                        on_error=_report_error,
                        workers=workers,
                        cluster=cluster,
                        parts=parts,
                    )
                except DyadError as e:
                    _die(str(e))
            report.stored, report.duplicates, report.failed = r.stored, r.duplicates, r.failed
            report.not_english = r.not_english
            report.recoded += r.recoded
            if r.partitions:
                err.print(
                    _t(f"{len(r.partitions)} partitions in {parts}: bring them into a store with dyad load")
                )
    summary = {
        "stored": report.stored,
        "duplicates": report.duplicates,
        "recoded": report.recoded,
        "not_english": report.not_english,
        "failed": len(report.failed),
    }
    if as_json:
        _print_json(summary)
    else:
        err.print(", ".join(f"{v} {k.replace('_', ' ')}" for k, v in summary.items()))
    if report.failed:
        raise typer.Exit(1)


@app.command()
def load(
    paths: Annotated[list[Path], typer.Argument(help="Parquet partitions, or directories of them.")],
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Bring Parquet partitions written by cluster workers (ingest --cluster --parts) into the store."""
    files = [f for p in paths for f in (sorted(p.glob("*.parquet")) if p.is_dir() else [p])]
    with _open(db, create=True) as d, _bar("loading", len(files), bytes_=False) as advance:
        report = d.load(files, progress=advance, on_error=_report_error)
    summary = {"partitions": len(files), "stored": report.stored, "duplicates": report.duplicates}
    summary["failed"] = len(report.failed)
    if as_json:
        _print_json(summary)
    else:
        err.print(", ".join(f"{v} {k}" for k, v in summary.items()))
    if report.failed or not files:
        if not files:
            _die(f"{', '.join(map(str, paths))}: no partitions (*.parquet) found")
        raise typer.Exit(1)


def _report_error(e: InputError) -> None:
    print(f"dyad: {terminal.one_line(str(e))}", file=sys.stderr)


def _note(message: str) -> None:
    print(f"dyad: note: {terminal.one_line(message)}", file=sys.stderr)


class _bar:
    """A progress bar on a terminal (bytes or items); silent otherwise."""

    def __init__(self, label: str, total: int | None, bytes_: bool = True):
        cols = [TextColumn(label), BarColumn()]
        cols += [DownloadColumn()] if bytes_ else [TextColumn("{task.completed}/{task.total}")]
        cols += [TimeRemainingColumn()]
        self.progress = Progress(*cols, console=err, transient=True, disable=not err.is_terminal)
        self.total = total

    def __enter__(self):
        self.progress.start()
        task = self.progress.add_task("", total=self.total)
        return lambda n: self.progress.advance(task, n)

    def __exit__(self, *exc):
        self.progress.stop()


@app.command("actors")
def actors_cmd(
    db: DbOpt = None,
    limit: Annotated[int | None, typer.Option(help="Show at most this many.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Actors in the store: country, sector, role, mentions and articles."""
    with _read(db) as d:
        rows = d.actors(limit)
    if as_json:
        _print_json(rows)
        return
    out.print(_actors_table(rows))


def _actors_table(rows: list[dict], title: str | None = None) -> Table:
    table = Table("actor", "country", "sector", "role", "mentions", "articles", title=title)
    for r in rows:
        _row(table, r["name"], r["country"], r["sector"], r["role"] or "", r["mentions"], r["articles"])
    return table


@app.command()
def show(
    article: Annotated[str, typer.Argument(help="Article number, input id or file name.")],
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """One article: cleaned text, metadata, actors, events and quotes."""
    with _read(db) as d:
        view = d.article_view(article)
    if view is None:
        _die(f"{article}: no such article in the store", 1)
    record = api.article_record(view["article"])
    actors = record.pop("actors")
    text = record.pop("text")
    if as_json:
        _print_json(
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
        _row(
            table,
            x["name"],
            x["country"],
            x["sector"],
            x["role"] or "",
            "; ".join(dict.fromkeys(x["mentions"])),
        )
    out.print(table)
    out.print(cli_report.events_table(view["events"], title=f"{len(view['events'])} events"))
    out.print(cli_report.quotes_table(view["quotes"], title=f"{len(view['quotes'])} quotations"))


@app.command()
def quotes(
    db: DbOpt = None,
    speaker: Annotated[str | None, typer.Option(help="Part of the speaker's name.")] = None,
    search: Annotated[str | None, typer.Option(help="Words the quotation contains (full text).")] = None,
    since: Annotated[str | None, typer.Option(help="Published on or after this date (YYYY-MM-DD).")] = None,
    limit: Annotated[int | None, typer.Option(help="Show at most this many.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Direct quotations with their speakers."""
    with _read(db) as d:
        rows = d.quotes(speaker, search, since, limit)
    if as_json:
        _print_json(rows)
        return
    table = Table("speaker", "quotation", "published", "article")
    for r in rows:
        _row(
            table,
            r["speaker"] or "(unattributed)",
            r["text"],
            r["published"] or "",
            r["doc_id"] or str(r["article"]),
        )
    out.print(table)


@app.command()
def events(
    db: DbOpt = None,
    source: SourceOpt = None,
    target: TargetOpt = None,
    type: TypeOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    when: WhenOpt = None,
    limit: Annotated[int | None, typer.Option(help="Show at most this many.")] = None,
    root: RootOpt = False,
    every: AllOpt = False,
    reports: ReportsOpt = False,
    as_json: JsonOpt = False,
) -> None:
    """Events: who did what to whom, when, with the evidence sentence. By default the counted
    events (current and not negated; --all lists every coded event), an event reported by several
    articles once (its first report; --reports lists every report)."""
    with _read(db) as d:
        when_, negated = counted(when, every)
        rows = d.events(
            source, target, type, since, until, when_, limit, root_only=root, negated=negated, reports=reports
        )
    if as_json:
        _print_json(rows)
        return
    out.print(cli_report.events_table(rows))


@app.command("dyad")
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
    with _read(db) as d:
        rows = d.dyad(source, target, by, root_only=root, reports=reports)
    if as_json:
        _print_json(rows)
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
        _row(
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


@app.command()
def export(
    db: DbOpt = None,
    format: Annotated[
        str, typer.Option("--format", help="jsonl (PLOVER records), csv (GDELT-like) or parquet.")
    ] = "jsonl",
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="File to write (default: stdout; parquet needs one)."),
    ] = None,
    source: SourceOpt = None,
    target: TargetOpt = None,
    type: TypeOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    when: WhenOpt = None,
    root: RootOpt = False,
    every: AllOpt = False,
    reports: ReportsOpt = False,
) -> None:
    """Export the events the filters select, as `dyad events` lists them (by default the counted
    ones, current and not negated, each event once with its NumMentions; --reports every report),
    for DuckDB, pandas, R, spreadsheets."""
    if format not in ("jsonl", "csv", "parquet"):
        _die(f"--format {format!r}: jsonl, csv or parquet")
    if format == "parquet" and output is None:
        _die("--format parquet needs --output FILE")
    with _read(db) as d:
        when_, negated = counted(when, every)
        rows = d.events(
            source, target, type, since, until, when_, root_only=root, negated=negated, reports=reports
        )
    try:
        if format == "parquet":
            n = export_mod.write_parquet(rows, str(output))
        else:
            writer = export_mod.write_jsonl if format == "jsonl" else export_mod.write_csv
            if output is None:
                n = writer(rows, sys.stdout)
            else:
                with output.open("w", encoding="utf-8", newline="") as fh:
                    n = writer(rows, fh)
    except (DyadError, OSError) as e:
        _die(str(e))
    print(f"{n} events exported", file=sys.stderr)


@app.command()
def candidates(
    db: DbOpt = None,
    limit: Annotated[int | None, typer.Option(help="Show at most this many.")] = 50,
    as_json: JsonOpt = False,
) -> None:
    """Verbs between two actors that no event pattern knows: material for new patterns."""
    with _read(db) as d:
        rows = d.candidates(limit)
    if as_json:
        _print_json(rows)
        return
    table = Table("verb", "count", "articles", "example")
    for r in rows:
        _row(table, r["verb"], r["count"], r["articles"], r["example"])
    out.print(table)


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, or - for stdin.")],
    format: Annotated[str, typer.Option("--format", help="Output format: gold (JSON Lines).")] = "gold",
    actors: ActorsOpt = None,
) -> None:
    """Process articles without a store and print one JSON record per article."""
    if format != "gold":
        _die(f"--format {format!r}: the formats are: gold")
    settings = _settings(actors)
    failed = []
    for doc_id, article in api.extract(
        paths, settings, on_error=lambda e: (failed.append(e), _report_error(e))
    ):
        print(terminal.dumps(to_gold(article, doc_id)))
    if failed:
        raise typer.Exit(1)


@app.command("eval")
def eval_cmd(
    gold_dir: Annotated[Path, typer.Argument(help="A directory of gold articles (*.json).")],
    actors: ActorsOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Run the pipeline over gold articles and print precision, recall and F1."""
    if not gold_dir.is_dir() or not any(gold_dir.glob("*.json")):
        _die(f"{gold_dir}: not a directory of gold articles (*.json)")
    try:
        result = api.evaluate(gold_dir, _settings(actors))
    except (json.JSONDecodeError, KeyError, UnicodeDecodeError) as e:
        _die(f"{gold_dir}: a gold file is malformed ({e})")
    if as_json:
        _print_json(result)
        return
    table = Table(
        "",
        "precision",
        "recall",
        "F1",
        "matched",
        "predicted",
        "gold",
        title=_t(f"{result['articles']} gold articles in {gold_dir}", keep_lines=False),
    )
    for name in ("quotes", "events"):
        r = result[name]
        _row(
            table,
            name,
            f"{r['precision']:.3f}",
            f"{r['recall']:.3f}",
            f"{r['f1']:.3f}",
            str(r["true_positives"]),
            str(r["predicted"]),
            str(r["gold"]),
        )
    out.print(table)


def _settings(actors: list[Path] | None) -> Settings:
    settings = Settings(actor_files=tuple(actors or ()))
    try:
        api.knowledge_for(settings)
    except DyadError as e:
        _die(str(e))
    return settings


@app.command()
def stats(db: DbOpt = None, as_json: JsonOpt = False) -> None:
    """Counts of what the store holds."""
    with _read(db) as d:
        s = d.stats()
    if as_json:
        _print_json(s)
        return
    _print_stats(s)


def _print_stats(s: dict) -> None:
    table = Table("what", "count", title="dyad store")
    for k in ("articles", "sentences", "actors", "mentions", "quotes", "events"):
        _row(table, k, s[k])
    out.print(table)
    out.print(_t("languages: " + ", ".join(f"{k} {v}" for k, v in s["languages"].items())))
    if s["published"]["first"]:
        out.print(_t(f"published: {s['published']['first']} to {s['published']['last']}"))
    if s["flags"]:
        out.print(_t("flags: " + ", ".join(f"{k} {v}" for k, v in s["flags"].items())))


@app.command()
def serve(
    db_path: Annotated[
        str | None, typer.Argument(metavar="[DB]", help="Store (default ./dyad.db or $DYAD_DB).")
    ] = None,
    db: DbOpt = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    allow_writes: Annotated[
        bool,
        typer.Option(
            "--allow-writes",
            help="Accept POST /api/articles with the token printed at start ($DYAD_TOKEN if set), "
            "sent as 'Authorization: Bearer TOKEN'. Without it the server is read-only.",
        ),
    ] = False,
) -> None:
    """Serve the dashboard and the HTTP API (OpenAPI at /docs). Give the store once: DB or --db."""
    if db_path and db:
        _die(f"the store is given twice ({db_path} and --db {db}): give it once, as DB or as --db")
    _serve(db_path or db or default_db(), host, port, allow_writes)


def _serve(db: str, host: str, port: int, allow_writes: bool = False) -> None:
    import os

    import uvicorn

    from .web import create_app
    from .web.listen import port_problem
    from .web.security import is_loopback, new_token

    with _open(db):  # a store that cannot be opened is one line, before the server starts
        pass
    problem = port_problem(host, port)
    if problem:
        _die(problem)
    token = (os.environ.get("DYAD_TOKEN") or new_token()) if allow_writes else None
    out.print(f"dyad dashboard: http://{host}:{port}/  (API docs: http://{host}:{port}/docs; Ctrl-C stops)")
    if token and os.environ.get("DYAD_TOKEN"):
        out.print("writes: on, with the token in $DYAD_TOKEN (header 'Authorization: Bearer TOKEN')")
    elif token:
        out.print(
            f"writes: on, with this token (header 'Authorization: Bearer TOKEN'): {token}", soft_wrap=True
        )
    else:
        out.print("writes: off (read-only; --allow-writes accepts articles posted with a token)")
    if not is_loopback(host):
        print(
            f"dyad: warning: listening on {host}, not loopback: anyone who can reach this machine can "
            "read the store",
            file=sys.stderr,
        )
    try:
        uvicorn.run(create_app(db, write_token=token), host=host, port=port, log_level="warning")
    except OSError as e:
        _die(f"cannot listen on {host}:{port} ({e.strerror or e})")


@app.command()
def demo(
    db: DbOpt = None,
    serve_after: Annotated[
        bool, typer.Option("--serve/--no-serve", help="Serve the dashboard afterwards.")
    ] = True,
    port: Annotated[int, typer.Option(help="Port for the dashboard.")] = 8000,
) -> None:
    """Ingest the demo corpus into the store, print a summary, and serve the dashboard."""
    corpus = Path(str(resources.files("dyad").joinpath("demo_corpus")))
    with _open(db, create=True) as d:
        expanded = list(sources.expand([str(corpus)]))
        with _bar("ingesting the demo corpus", sources.total_bytes(expanded)) as advance:
            report = d.ingest(expanded, progress=advance, on_error=_report_error)
        out.print(
            _t(
                f"demo corpus: {report.stored} stored, {report.duplicates} already stored, "
                f"{len(report.failed)} failed -> {d.store.path}"
            )
        )
        cli_report.print_findings(out, d)
        _print_stats(d.stats())
        out.print(_actors_table(d.actors(15), title="most mentioned actors"))
        location = d.location  # the store's own location (its path shown above hides a password)
    if report.failed:
        raise typer.Exit(1)
    if serve_after:
        _serve(location, "127.0.0.1", port)


def main() -> None:
    app()
