"""Learning what no dictionary knows: the people and organisations the parse names
(entities.names), each coded from the words that describe it, added after every dictionary pass."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from ...knowledge import match_form, person_key, short_forms
from ...model import Actor
from ..entities import UNKNOWN, Found, names
from .people import Person

if TYPE_CHECKING:
    from .finder import Finder


def learn(finder: Finder) -> None:
    """Add the parse's people and organisations that no earlier pass took. A lone surname that
    some full name here bears waits for the full names ("Mourners say Ali's death ... the death of
    Muhammad Ali"), then goes to the bearer introduced last before it, else first after it."""
    known = sorted(finder.proper_at)
    placed = sorted((m.start, m.end, m.actor_key) for m in finder.mentions)
    found = list(names(finder))
    borne = {match_form(s) for f in found if " " in f.name for s in short_forms(f.name, None)}
    waiting = []
    for f in found:
        if f.label == "PERSON" and " " not in f.name and match_form(f.name) in borne:
            waiting.append(f)
        else:
            _learn(finder, known, placed, f)
    bearers = _bearers(finder) if waiting else {}
    for f in waiting:
        person = _bearer(finder, bearers.get(match_form(f.name), []), f.start)
        if person is None:
            _learn(finder, known, placed, f)
        elif finder._free(f.start, f.end):
            finder._add_person(f.start, f.end, person, "name")


def _learn(finder: Finder, known: list[int], placed: list[tuple[int, int, str]], f: Found) -> None:
    """One name the parse found, as a person or an organisation, unless a pass took it."""
    if not finder._free(f.start, f.end) or _covers_known(known, f):
        return
    if _shouted(f.name) or (f.label == "PERSON" and f.name.isupper()):
        return  # a dateline ("NEW DELHI", "JERUSALEM --") or a headline's word, no name
    if f.label == "PERSON":
        # a full name the dictionaries know; a lone surname only of someone met in this article
        # (the earlier passes already named the sitting leaders by surname)
        lone = " " not in f.name
        person = finder.met_by_surname(match_form(f.name)) if lone else finder._known_person(f.name)
        if person is None and finder._in_headline(f.start):
            return  # "Defence Minister Points Finger": a headline's words
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


def _bearers(finder: Finder) -> dict[str, list[tuple[int, str]]]:
    """For each surname form, where the people met by a full name who bear it are named (start,
    key), in text order: built once, so that each lone surname is a bisection, not a scan."""
    out: dict[str, list[tuple[int, str]]] = {}
    for m in sorted(finder.mentions, key=lambda m: m.start):
        person = finder.people.get(m.actor_key)
        if person is not None and " " in person.name:
            for form in {match_form(s) for s in person.surnames}:
                out.setdefault(form, []).append((m.start, m.actor_key))
    return out


def _bearer(finder: Finder, named: list[tuple[int, str]], pos: int) -> Person | None:
    """The person whose surname a lone name at pos is: the one named last before it, else the
    first named after it (`named`: where the bearers are named, in text order)."""
    if not named:
        return None
    at = bisect.bisect_left(named, (pos,)) - 1
    return finder.people[named[at][1] if at >= 0 else named[0][1]]


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
