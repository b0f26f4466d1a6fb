"""What a filter on events or quotes may hold, checked the same way for the CLI, HTTP and Python:
a bad value is a FilterError naming it and what is expected, never an empty or unfiltered result."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Protocol

import yaml

from .errors import DyadError
from .knowledge.schema import EVENT_TYPES, INTERNATIONAL

COUNT_RULE = (
    "An event counts when it is current (not historical or future) and not negated; "
    "root-only counts one act per sentence."
)
WHEN = ("current", "historical", "future")
PERIODS = ("day", "week", "month")
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
_CODE = re.compile(r"[A-Za-z]{3}")


class FilterError(DyadError, ValueError):
    """A filter value dyad cannot use: one line naming it and what would do."""


def iso_date(value: str | date | None, name: str = "date") -> str | None:
    """A date as YYYY-MM-DD text; any other form (10/01/2025, 'yesterday') is a FilterError."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str) and _ISO.fullmatch(value.strip()):
        try:
            return date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            pass
    raise FilterError(f"{name} {value!r}: not a date; write it as YYYY-MM-DD (e.g. 2025-10-01)")


def event_type(value: str | None, name: str = "type") -> str | None:
    """A PLOVER event type in capitals; an unknown one lists the nearest types."""
    if not value:
        return None
    if value.upper() in EVENT_TYPES:
        return value.upper()
    raise FilterError(f"{name} {value!r}: not a PLOVER type; {_nearest(value.upper(), EVENT_TYPES)}")


def when(value: str | None, name: str = "when") -> str | None:
    """current, historical or future (None or 'any': every one)."""
    if value in (None, "", "any"):
        return None
    if value in WHEN:
        return value
    raise FilterError(f"{name} {value!r}: one of current, historical, future (or any)")


def quad_class(value: int | str | None, name: str = "quad") -> int | None:
    """A QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material
    conflict."""
    if value in (None, ""):
        return None
    if str(value) in ("1", "2", "3", "4"):
        return int(value)  # type: ignore[arg-type]
    raise FilterError(f"{name} {value!r}: a QuadClass, 1 to 4")


def counted(when: str | None, every: bool) -> tuple[str | None, bool | None]:
    """The (when, negated) filters of a list: the counted events (current, not negated) unless
    `every` (all coded events) or an explicit `when` says otherwise."""
    if every:
        return when, None
    return (when or "current"), False


def friendly(name: str, value: object) -> str | None:
    """The one-line message for a bad value of a named filter, when dyad has one."""
    checks = {
        "since": iso_date,
        "until": iso_date,
        "type": event_type,
        "when": when,
        "by": period,
        "quad": quad_class,
    }
    if name not in checks:
        return None
    try:
        checks[name](value, name)  # type: ignore[operator]
    except FilterError as err:
        return str(err)
    return None


def period(value: str, name: str = "by") -> str:
    """How a timeline groups its events: day, week or month."""
    if value in PERIODS:
        return value
    raise FilterError(f"{name} {value!r}: one of {', '.join(PERIODS)}")


class ActorLookup(Protocol):
    """What `side` asks the store about actor names."""

    def has_actor_named(self, part: str) -> bool: ...

    def actor_names(self) -> list[str]: ...


@dataclass(frozen=True)
class Side:
    """One side of an event filter: a country code, or part of an actor's name."""

    code: str | None = None
    name: str | None = None

    @property
    def value(self) -> str | None:
        """What the store's queries take: the code (three capitals) or the name."""
        return self.code or self.name


def side(value: str | None, name: str, actors: ActorLookup | None = None) -> Side:
    """A source or target as the user gave it: a code (PAK, pak), a country's name (Pakistan) or part
    of an actor's name in the store (`actors`): a value that is none of these is a FilterError
    listing the nearest codes and names."""
    if not value:
        return Side()
    codes, names = country_codes(), country_names()
    if _CODE.fullmatch(value) and value.upper() in codes:
        return Side(code=value.upper())
    if value.casefold() in names:
        return Side(code=names[value.casefold()])
    looks_like_code = _CODE.fullmatch(value) is not None and value.isupper()
    if (actors is None and not looks_like_code) or (actors is not None and actors.has_actor_named(value)):
        return Side(name=value)
    if looks_like_code:
        raise FilterError(f"{name} {value!r}: not a country code; {_nearest(value, sorted(codes))}")
    pool = sorted(set(actors.actor_names()) | {n.title() for n in names} | codes)
    raise FilterError(f"{name} {value!r}: no country or actor of that name; {_nearest(value, pool)}")


def event_filter(
    store: ActorLookup,
    source: str | None = None,
    target: str | None = None,
    type_: str | None = None,
    since: str | date | None = None,
    until: str | date | None = None,
    when_: str | None = None,
) -> tuple:
    """The store's event filters (source, target, type, since, until, when), each checked."""
    return (
        side(source, "source", store).value,
        side(target, "target", store).value,
        event_type(type_),
        iso_date(since, "since"),
        iso_date(until, "until"),
        when(when_),
    )


def _nearest(value: str, valid) -> str:
    """'did you mean X, Y?' from the valid values nearest to one that is not."""
    close = difflib.get_close_matches(value, list(valid), n=5, cutoff=0.5)
    if not close:
        close = difflib.get_close_matches(value, list(valid), n=5, cutoff=0.0)
    return "did you mean " + ", ".join(close) + "?" if close else "none is known"


@lru_cache(maxsize=1)
def _countries() -> tuple[frozenset[str], dict[str, str]]:
    entries = []
    for file in ("countries.yaml", "regions.yaml"):
        path = resources.files("dyad").joinpath("knowledge/data", file)
        entries += yaml.safe_load(path.read_text(encoding="utf-8"))
    codes = frozenset(e["code"] for e in entries) | INTERNATIONAL
    names: dict[str, str] = {}
    for e in entries:
        for n in [e["name"], *e.get("aliases", [])]:
            names.setdefault(n.casefold(), e["code"])
    return codes, names


def country_codes() -> frozenset[str]:
    """Every code a country side may take: ISO-3166 alpha-3, dyad's historical states, the
    international codes (IGO, NGO, ...) and CAMEO's regions (WAF, MEA, ...)."""
    return _countries()[0]


def country_names() -> dict[str, str]:
    """A country's name or alias (case folded) -> its code."""
    return _countries()[1]
