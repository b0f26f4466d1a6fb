"""Commands that fill the store: `dyad ingest` (inputs coded here, in worker processes or on a
cluster) and `dyad load` (the Parquet partitions cluster workers wrote)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..api import IngestReport
from ..errors import DyadError
from ..ingest import sources
from .common import Bar, die, err, note, open_store, print_json, report_error
from .options import ActorsOpt, DbOpt, JsonOpt
from .terminal import text as _t


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
        die("nothing to ingest: give files, directories or - for stdin")
    if parts and not cluster:
        die("--parts is where cluster workers write: use it with --cluster")
    if cluster and paths and "-" in paths:
        die("--cluster reads files, not stdin")
    with open_store(db, actors, parse, create=True) as d:
        report = IngestReport()
        if reprocess:
            total = len(d.store.article_ids())
            with Bar("recoding", total, bytes_=False) as advance:
                report.recoded = d.reprocess(progress=advance)
        if paths:
            expanded = list(sources.expand(paths, skipped=note))
            total = sources.total_bytes(expanded)
            with Bar("ingesting", total) as advance:
                try:
                    r = d.ingest(
                        expanded,
                        progress=advance,
                        on_error=report_error,
                        workers=workers,
                        cluster=cluster,
                        parts=parts,
                    )
                except DyadError as e:
                    die(str(e))
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
        print_json(summary)
    else:
        err.print(", ".join(f"{v} {k.replace('_', ' ')}" for k, v in summary.items()))
    if report.failed:
        raise typer.Exit(1)


def load(
    paths: Annotated[list[Path], typer.Argument(help="Parquet partitions, or directories of them.")],
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Bring Parquet partitions written by cluster workers (ingest --cluster --parts) into the store."""
    files = [f for p in paths for f in (sorted(p.glob("*.parquet")) if p.is_dir() else [p])]
    with open_store(db, create=True) as d, Bar("loading", len(files), bytes_=False) as advance:
        report = d.load(files, progress=advance, on_error=report_error)
    summary = {"partitions": len(files), "stored": report.stored, "duplicates": report.duplicates}
    summary["failed"] = len(report.failed)
    if as_json:
        print_json(summary)
    else:
        err.print(", ".join(f"{v} {k}" for k, v in summary.items()))
    if report.failed or not files:
        if not files:
            die(f"{', '.join(map(str, paths))}: no partitions (*.parquet) found")
        raise typer.Exit(1)
