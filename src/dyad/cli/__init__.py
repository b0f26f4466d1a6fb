"""The `dyad` command: a thin layer over the Python API (dyad.api). Its commands by what they do:
ingest.py fills the store, queries.py reads it, export.py writes files and scores, serve.py serves;
options.py, common.py and report.py are what they share."""

from __future__ import annotations

import typer

from . import export, ingest, queries, serve

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Political event data from news: actors, quotes, events.",
)

# every command, in the order `dyad --help` lists them
COMMANDS = (
    ("ingest", ingest.ingest),
    ("load", ingest.load),
    ("actors", queries.actors_cmd),
    ("show", queries.show),
    ("quotes", queries.quotes),
    ("events", queries.events),
    ("dyad", queries.dyad_cmd),
    ("export", export.export),
    ("candidates", queries.candidates),
    ("extract", export.extract),
    ("eval", export.eval_cmd),
    ("stats", queries.stats),
    ("serve", serve.serve),
    ("demo", serve.demo),
)
for name, command in COMMANDS:
    app.command(name)(command)


def main() -> None:
    app()
