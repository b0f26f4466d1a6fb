"""The commands' shared options: the store, JSON output, actors files, and the event filters of
`dyad events` and `dyad export`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..filters import COUNT_RULE

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
LimitOpt = Annotated[int | None, typer.Option(help="Show at most this many.")]
SourceOpt = Annotated[
    str | None,
    typer.Option(help="Source: country code (PAK), country name (Pakistan) or part of an actor's name."),
]
TargetOpt = Annotated[
    str | None,
    typer.Option(help="Target: country code (AFG), country name (Afghanistan) or part of an actor's name."),
]
TypeOpt = Annotated[str | None, typer.Option("--type", help="PLOVER event type (THREATEN, ...).")]
SinceOpt = Annotated[str | None, typer.Option(help="On or after this date (YYYY-MM-DD).")]
UntilOpt = Annotated[str | None, typer.Option(help="On or before this date (YYYY-MM-DD).")]
WhenOpt = Annotated[str | None, typer.Option(help="current (the default), historical, future, or any.")]
ReportsOpt = Annotated[
    bool,
    typer.Option(
        "--reports", help="Every report of an event (one per article telling it), not each event once."
    ),
]
AllOpt = Annotated[
    bool,
    typer.Option(
        "--all",
        help=f"Every coded event, historical, future and negated ones too. {COUNT_RULE}",
    ),
]
