"""The schema of knowledge entries: codes, sectors, and per-file validation."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import KnowledgeError
from .files import LINE

SECTORS = frozenset(
    [
        "COP",
        "GOV",
        "JUD",
        "LEG",
        "MIL",
        "PRM",
        "PTY",
        "REB",
        "SPY",
        "UAF",
        "UNK",
        "AGR",
        "BUS",
        "CRM",
        "CVL",
        "EDU",
        "ELI",
        "JRN",
        "LAB",
        "MED",
        "REF",
        "OPP",
        "PRE",
        "REL",
        "SOC",
    ]
)
INTERNATIONAL = frozenset(["IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"])
# CAMEO's world regions (regions.yaml names them): groups of states, never one state's home
REGIONS = frozenset(
    [
        "AFR",
        "ASA",
        "BLK",
        "CAS",
        "CEU",
        "CFR",
        "CRB",
        "EAF",
        "EEU",
        "EUR",
        "LAM",
        "MEA",
        "MDT",
        "NAF",
        "NMR",
        "PGS",
        "SAF",
        "SAM",
        "SAS",
        "SCN",
        "SEA",
        "WAF",
        "WST",
    ]
)
KINDS = frozenset(
    [
        "state",
        "igo",
        "ngo",
        "government",
        "military",
        "intelligence",
        "group",
        "party",
        "media",
        "person",
        "agent",
    ]
)
EVENT_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
_CODE = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True, slots=True)
class Code:
    """An actor's country and sector, valid from `since` (inclusive) until `until` (exclusive)."""

    country: str
    sector: str
    role: str | None = None
    since: date | None = None
    until: date | None = None

    def covers(self, day: date) -> bool:
        return (self.since is None or day >= self.since) and (self.until is None or day < self.until)


class Validator:
    """Checks one file's entries; every error names the file and the entry's line."""

    def __init__(self, path: Path, countries: frozenset[str] | None = None):
        self.path = path
        self.countries = countries

    def error(self, entry: dict | None, reason: str) -> KnowledgeError:
        line = entry.get(LINE) if isinstance(entry, dict) else None
        return KnowledgeError(str(self.path), line, reason)

    def mapping(self, entry: Any, allowed: set[str], required: set[str]) -> dict:
        if not isinstance(entry, dict):
            what = "empty" if entry is None else "a list" if isinstance(entry, list) else f"{entry!r}"[:60]
            raise self.error(None, f"an entry must be a mapping (name: value, ...), not {what}")
        keys = set(entry) - {LINE}
        if unknown := keys - allowed:
            raise self.error(entry, f"unknown field(s): {', '.join(sorted(map(str, unknown)))}")
        if missing := required - keys:
            raise self.error(entry, f"missing field(s): {', '.join(sorted(missing))}")
        return entry

    def text(self, entry: dict, key: str, optional: bool = False) -> str | None:
        value = entry.get(key)
        if value is None and optional:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.error(entry, f"'{key}' must be a non-empty string")
        return value.strip()

    def strings(self, entry: dict, key: str) -> list[str]:
        value = entry.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.error(entry, f"'{key}' must be a list of non-empty strings")
        return [v.strip() for v in value]

    def country(self, entry: dict, value: Any) -> str:
        if not isinstance(value, str) or not _CODE.match(value):
            raise self.error(entry, f"country {value!r} is not a three-letter code")
        if self.countries is not None and value not in self.countries | INTERNATIONAL | REGIONS:
            raise self.error(entry, f"unknown country code {value!r}")
        return value

    def sector(self, entry: dict, value: Any) -> str:
        if value not in SECTORS:
            raise self.error(entry, f"unknown sector {value!r} (PLOVER sectors: GOV, MIL, REB...)")
        return value

    def day(self, entry: dict, value: Any, key: str) -> date | None:
        if value is None or isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            raise self.error(entry, f"'{key}' must be a date (YYYY-MM-DD)") from None

    def codes(self, entry: dict, role: str | None) -> tuple[Code, ...]:
        """The entry's codes: `country`/`sector`, or a `codes` list of dated periods."""
        periods = entry.get("codes")
        if periods is None:
            if "country" not in entry or "sector" not in entry:
                raise self.error(entry, "needs 'country' and 'sector' (or 'codes')")
            return (Code(self.country(entry, entry["country"]), self.sector(entry, entry["sector"]), role),)
        if "country" in entry or "sector" in entry:
            raise self.error(entry, "give either 'country'/'sector' or 'codes', not both")
        if not isinstance(periods, list) or not periods:
            raise self.error(entry, "'codes' must be a non-empty list")
        out = []
        for p in periods:
            self.mapping(p, {"country", "sector", "since", "until", "role"}, {"country", "sector"})
            out.append(
                Code(
                    self.country(p, p["country"]),
                    self.sector(p, p["sector"]),
                    p.get("role", role),
                    self.day(p, p.get("since"), "since"),
                    self.day(p, p.get("until"), "until"),
                )
            )
        return tuple(out)

    def offices(self, entry: dict, home: str) -> tuple[Code, ...]:
        """A leader's `offices`: [{role, since, until, country, sector}], each a Code of its own.
        `since`/`until` are years (until 1999: to the end of 1999) or dates (until exclusive);
        `country` defaults to the person's `home`, `sector` to GOV; no `until`: still in office."""
        offices = entry.get("offices")
        if not isinstance(offices, list) or not offices:
            raise self.error(entry, "'offices' must be a non-empty list")
        out = []
        for o in offices:
            self.mapping(o, {"role", "since", "until", "country", "sector"}, {"role", "since"})
            since = self.year_or_day(o, o["since"], "since")
            until = self.year_or_day(o, o.get("until"), "until", end=True)
            if since is None or (until is not None and until <= since):
                raise self.error(o, "an office needs a 'since' before its 'until'")
            country = self.country(o, o.get("country", home))
            out.append(
                Code(country, self.sector(o, o.get("sector", "GOV")), self.text(o, "role"), since, until)
            )
        return tuple(out)

    def year_or_day(self, entry: dict, value: Any, key: str, end: bool = False) -> date | None:
        """A year (1999: its first day, or with `end` the day after its last) or a date."""
        if isinstance(value, str) and len(value) == 4 and value.isdigit():
            value = int(value)
        if isinstance(value, int) and not isinstance(value, bool):
            if not 1800 <= value <= 2100:
                raise self.error(entry, f"'{key}' must be a year or a date (YYYY-MM-DD)")
            return date(value + 1 if end else value, 1, 1)
        try:
            return self.day(entry, value, key)
        except KnowledgeError:
            raise self.error(entry, f"'{key}' must be a year or a date (YYYY-MM-DD)") from None


def career(home: str, offices: tuple[Code, ...]) -> tuple[Code, ...]:
    """A leader's dated codes: the office held on each day (the one begun last where offices
    overlap), and outside office the home country with sector ELI, role "Former <last office>"."""
    bounds = sorted({o.since for o in offices if o.since} | {o.until for o in offices if o.until})
    out = [Code(home, "ELI", None, None, bounds[0])]
    for start, end in zip(bounds, [*bounds[1:], None], strict=True):
        held = [(o.since, i, o) for i, o in enumerate(offices) if o.covers(start)]
        if held:
            code = replace(max(held)[2], since=start, until=end)
        else:
            last = max((o.until, i, o) for i, o in enumerate(offices) if o.until and o.until <= start)[2]
            code = Code(home, "ELI", f"Former {last.role}", start, end)
        prev = out[-1]
        if (prev.country, prev.sector, prev.role) == (code.country, code.sector, code.role):
            out[-1] = replace(prev, until=end)
        else:
            out.append(code)
    return tuple(out)
