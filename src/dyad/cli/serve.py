"""Commands that serve: `dyad serve` (the dashboard and the HTTP API) and `dyad demo` (the demo
corpus ingested and summed up, then served)."""

from __future__ import annotations

import os
import sys
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer

from ..ingest import sources
from ..settings import default_db
from .common import Bar, die, open_store, out, report_error
from .options import DbOpt
from .report import actors_table, print_findings, print_stats
from .terminal import text as _t


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
        die(f"the store is given twice ({db_path} and --db {db}): give it once, as DB or as --db")
    serve_store(db_path or db or default_db(), host, port, allow_writes)


def serve_store(db: str, host: str, port: int, allow_writes: bool = False) -> None:
    import uvicorn  # the server's packages are loaded only to serve

    from ..web import create_app
    from ..web.listen import port_problem
    from ..web.security import is_loopback, new_token

    with open_store(db):  # a store that cannot be opened is one line, before the server starts
        pass
    problem = port_problem(host, port)
    if problem:
        die(problem)
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
        die(f"cannot listen on {host}:{port} ({e.strerror or e})")


def demo(
    db: DbOpt = None,
    serve_after: Annotated[
        bool, typer.Option("--serve/--no-serve", help="Serve the dashboard afterwards.")
    ] = True,
    port: Annotated[int, typer.Option(help="Port for the dashboard.")] = 8000,
) -> None:
    """Ingest the demo corpus into the store, print a summary, and serve the dashboard."""
    corpus = Path(str(resources.files("dyad").joinpath("demo_corpus")))
    with open_store(db, create=True) as d:
        expanded = list(sources.expand([str(corpus)]))
        with Bar("ingesting the demo corpus", sources.total_bytes(expanded)) as advance:
            report = d.ingest(expanded, progress=advance, on_error=report_error)
        out.print(
            _t(
                f"demo corpus: {report.stored} stored, {report.duplicates} already stored, "
                f"{len(report.failed)} failed -> {d.store.path}"
            )
        )
        print_findings(out, d)
        print_stats(out, d.stats())
        out.print(actors_table(d.actors(15), title="most mentioned actors"))
        location = d.location  # the store's own location (its path shown above hides a password)
    if report.failed:
        raise typer.Exit(1)
    if serve_after:
        serve_store(location, "127.0.0.1", port)
