"""SQL fragments and values shared by the backends, the writes and the reads: the words of a search,
a page of rows, what counts as an event, the filters on events."""

from __future__ import annotations

import re
from datetime import date

COUNTRY_CODE = re.compile(r"[A-Z]{3}")


def words(text: str) -> list[str]:
    """The words of a full-text search, control characters (NUL among them) taken as spaces."""
    return "".join(" " if ch < " " or ch == "\x7f" else ch for ch in text).split()


def like_pattern(text: str) -> str:
    """A LIKE pattern matching `text` anywhere, its % and _ escaped (with ESCAPE '\\')."""
    return "%" + text.replace("%", "\\%").replace("_", "\\_") + "%"


def page(no_limit: str, limit: int | None, offset: int) -> str:
    """LIMIT/OFFSET for a query (both validated as integers); `no_limit` is the backend's LIMIT for
    none, which SQLite needs before an OFFSET."""
    sql = f" LIMIT {int(limit)}" if limit else (no_limit if offset else "")
    return sql + (f" OFFSET {int(offset)}" if offset else "")


def count(reports: bool, condition: str | None = None, table: str = "e.") -> str:
    """SQL counting event records (`reports`) or events: an event cluster once, an event not yet
    clustered once; under `condition` only."""
    unit = "1" if reports else f"COALESCE({table}cluster_id, 'event ' || {table}id)"
    if condition is None:
        return "COUNT(*)" if reports else f"COUNT(DISTINCT {unit})"
    distinct = "" if reports else "DISTINCT "
    return f"COUNT({distinct}CASE WHEN {condition} THEN {unit} END)"


def event_filters(
    where: list,
    args: list,
    event_type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    root: bool | None = None,
) -> None:
    """Add the conditions on an event's type, date (its own, else its article's) and whether it is
    its sentence's root event to a query's."""
    if event_type:
        where.append("e.type = ?")
        args.append(event_type.upper())
    if since:
        where.append("e.sort_date >= ?")
        args.append(since)
    if until:
        where.append("e.sort_date <= ?")
        args.append(until)
    if root is not None:
        where.append("e.root = ?")
        args.append(int(root))


def sides(like: str, where: list, args: list, source: str | None, target: str | None) -> None:
    """Conditions on an event's source and target: a country code, or part of an actor's name
    (compared with the backend's case-insensitive `like`)."""
    for side, value in (("s", source), ("t", target)):
        if value and COUNTRY_CODE.fullmatch(value):  # PAK: the code, which an index serves
            where.append(f"e.{'source' if side == 's' else 'target'}_country = ?")
            args.append(value)
        elif value:  # Mujahid: part of an actor's name
            where.append(f"{side}.name {like} ?")
            args.append(f"%{value}%")


def fits(n: int) -> bool:
    """Whether an id fits SQLite's 64-bit integers (a longer one names nothing)."""
    return -(2**63) <= n < 2**63


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
