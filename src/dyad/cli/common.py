"""What every command shares: the consoles, the store opened (or a one-line error), JSON output,
input errors and notes on stderr, and a progress bar."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

import typer
from rich.console import Console
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn

from ..api import Dyad, knowledge_for
from ..errors import DyadError, InputError
from ..settings import Settings, default_db
from ..store import is_server_url
from . import terminal

out = Console()
err = Console(stderr=True)


def open_store(
    db: str | None, actors: list[Path] | None = None, parse: bool = True, create: bool = False
) -> Dyad:
    """The store at `db`; only commands that write (`create`) may make a new one."""
    location = db or default_db()
    if not create and not is_server_url(location) and not Path(location).exists():
        die(f"{location}: no store there (dyad ingest, load or demo makes one; --db names another)")
    try:
        return Dyad(location, Settings(actor_files=tuple(actors or ()), parse=parse))
    except DyadError as e:
        die(str(e))


@contextmanager
def reading(db: str | None) -> Iterator[Dyad]:
    """An existing store, read; a filter dyad cannot use is one line, not a traceback."""
    d = open_store(db)
    try:
        yield d
    except DyadError as e:
        die(str(e))
    finally:
        d.close()


def settings_for(actors: list[Path] | None) -> Settings:
    """Settings with the user's actors files, checked now: a bad file is one line."""
    settings = Settings(actor_files=tuple(actors or ()))
    try:
        knowledge_for(settings)
    except DyadError as e:
        die(str(e))
    return settings


def die(message: str, code: int = 2) -> NoReturn:
    print(f"dyad: error: {terminal.one_line(message)}", file=sys.stderr)
    raise typer.Exit(code)


def print_json(obj) -> None:
    print(terminal.dumps(obj, indent=2, default=str))


def report_error(e: InputError) -> None:
    print(f"dyad: {terminal.one_line(str(e))}", file=sys.stderr)


def note(message: str) -> None:
    print(f"dyad: note: {terminal.one_line(message)}", file=sys.stderr)


class Bar:
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
