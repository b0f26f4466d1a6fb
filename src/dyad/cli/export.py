"""Commands that write files or scores: `dyad export` (the events as JSONL, CSV or Parquet),
`dyad extract` (articles coded without a store, as gold records) and `dyad eval` (against gold)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from .. import api
from ..errors import DyadError
from ..export import formats as export_mod
from ..filters import counted
from ..gold import to_gold
from . import terminal
from .common import die, out, print_json, reading, report_error, settings_for
from .options import (
    ActorsOpt,
    AllOpt,
    DbOpt,
    JsonOpt,
    ReportsOpt,
    RootOpt,
    SinceOpt,
    SourceOpt,
    TargetOpt,
    TypeOpt,
    UntilOpt,
    WhenOpt,
)
from .report import row
from .terminal import text as _t


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
        die(f"--format {format!r}: jsonl, csv or parquet")
    if format == "parquet" and output is None:
        die("--format parquet needs --output FILE")
    with reading(db) as d:
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
        die(str(e))
    print(f"{n} events exported", file=sys.stderr)


def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, or - for stdin.")],
    format: Annotated[str, typer.Option("--format", help="Output format: gold (JSON Lines).")] = "gold",
    actors: ActorsOpt = None,
) -> None:
    """Process articles without a store and print one JSON record per article."""
    if format != "gold":
        die(f"--format {format!r}: the formats are: gold")
    settings = settings_for(actors)
    failed = []
    for doc_id, article in api.extract(
        paths, settings, on_error=lambda e: (failed.append(e), report_error(e))
    ):
        print(terminal.dumps(to_gold(article, doc_id)))
    if failed:
        raise typer.Exit(1)


def eval_cmd(
    gold_dir: Annotated[Path, typer.Argument(help="A directory of gold articles (*.json).")],
    actors: ActorsOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Run the pipeline over gold articles and print precision, recall and F1."""
    if not gold_dir.is_dir() or not any(gold_dir.glob("*.json")):
        die(f"{gold_dir}: not a directory of gold articles (*.json)")
    try:
        result = api.evaluate(gold_dir, settings_for(actors))
    except (json.JSONDecodeError, KeyError, UnicodeDecodeError) as e:
        die(f"{gold_dir}: a gold file is malformed ({e})")
    if as_json:
        print_json(result)
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
        row(
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
