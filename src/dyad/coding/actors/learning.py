"""Learning what no dictionary knows: the people and organisations the parse names
(entities.names), each coded from the words that describe it, added after every dictionary pass."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from ...knowledge import match_form, person_key
from ...model import Actor
from ..entities import UNKNOWN, Found, names
from .people import Person

if TYPE_CHECKING:
    from .finder import Finder


def learn(finder: Finder) -> None:
    """Add the parse's people and organisations that no earlier pass took."""
    known = sorted(finder.proper_at)
    placed = sorted((m.start, m.end, m.actor_key) for m in finder.mentions)
    for f in names(finder):
        if not finder._free(f.start, f.end) or _covers_known(known, f):
            continue
        if _shouted(f.name) or (f.label == "PERSON" and f.name.isupper()):
            continue  # a dateline ("NEW DELHI", "JERUSALEM --") or a headline's word, no name
        if f.label == "PERSON":
            # a full name the dictionaries know; a lone surname only of someone met in this article
            # (the earlier passes already named the sitting leaders by surname)
            if " " in f.name:
                person = finder._known_person(f.name)
            else:
                person = finder.met_by_surname(match_form(f.name))
            if person is None and finder._in_headline(f.start):
                continue  # "Defence Minister Points Finger": a headline's words
            if person is None:
                key = person_key(f.name)
                title = finder.kb.titles.get(f.title or "")
                sector = title.sector if title and not title.inherit else "UNK"
                role = f.title if title else None
                country, sector = _context_code(finder, placed, f, sector)
                person = finder.people.get(key) or Person(key, f.name, country, sector, role, "learned")
                finder.people.setdefault(key, person)
            finder._add_person(f.start, f.end, person, "name")
        elif not finder._in_headline(f.start):  # "Agree to Immediate Ceasefire": a headline's words
            country, sector = _context_code(finder, placed, f, finder.kb.sector_nouns.get(f.head, "UNK"))
            key = "org:" + match_form(f.name).lower().replace(" ", "-")
            finder._add(
                f.start, f.end, Actor(key, f.name, "organisation", country, sector, None, "learned"), "name"
            )


def _context_code(
    finder: Finder, placed: list[tuple[int, int, str]], f: Found, sector: str
) -> tuple[str, str]:
    """(country, sector) of a learned name from the words that describe it: the country of the
    last actor named there, and its sector where the name's own is unknown ("British militant
    Haroon Aswad": GBR, REB); else no country."""
    if f.near is None:
        return UNKNOWN, sector
    s, e = f.near
    i = bisect.bisect_left(placed, (s,))
    inside = [k for start, end, k in placed[i:] if start < e and end <= e]
    actors = [finder.actors[k] for k in inside if finder.actors[k].country]
    if not actors:
        return UNKNOWN, sector
    by = actors[-1]
    if sector == "UNK" and by.kind != "state" and by.sector not in ("UNK", "GOV"):
        sector = by.sector
    return by.country, sector


def _shouted(name: str) -> bool:
    """Several words in capitals ("NEW DELHI", "PORT SUDAN"): a dateline, not a name."""
    words = name.split()
    return len(words) > 1 and all(w.isupper() for w in words)


def _covers_known(known: list[int], f: Found) -> bool:
    """A name that is, or holds, a phrase the dictionaries know ("Pakistan's army" as ORG)."""
    i = bisect.bisect_left(known, f.start)
    return i < len(known) and known[i] < f.end
