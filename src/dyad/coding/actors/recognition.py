"""Recognition of dictionary phrases: countries, capitals, demonyms, organisations and known
people as the knowledge names them, the titles and sector nouns the other passes read, and a
navy's ships."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...knowledge.schema import REGIONS
from ...model import Actor
from ..entities import vessel_prefixes
from .spans import Span, in_name, longest, whole_words

if TYPE_CHECKING:
    from .finder import Finder

_PATRON = re.compile(
    r"-(?:backed|held|occupied|controlled|administered|annexed|allied|aligned|sponsored|funded|"
    r"supported|trained|armed|ruled|appointed|installed)\b",
    re.I,
)
_HYPHEN_CAPITAL = re.compile(r"-[A-Z]")
# a ship's prefix in capitals and its name of capitalised words ("USS Gerald R. Ford")
_VESSEL = re.compile(r"\b([A-Z]{2,5})\s+((?:[A-Z][\w'’-]*\.?\s+){0,4}[A-Z][\w'’-]*)")


def phrases(f: Finder) -> tuple[list[Span], list[Span], list[Span]]:
    """The article's proper phrases (which it indexes on the finder by start and end), titles
    and sector nouns, each leftmost-longest."""
    proper = longest(whole_words(f.kb.proper_automaton, f.mt))
    # "Iranian-backed militias", "the Israeli-occupied West Bank": the patron is not the actor
    proper = [s for s in proper if not _PATRON.match(f.mt, s.end)]
    # "the Europe Bridge", "African Americans": a region's name or demonym as a word of a name
    proper = [s for s in proper if not _region_in_name(f, s)]
    lower = longest(whole_words(f.kb.lower_automaton, f.lower, hyphen=False))
    titles = [s for s in lower if s.phrase in f.kb.titles]
    nouns = [s for s in lower if s.phrase in f.kb.sector_nouns]
    f.proper_at = {s.start: s for s in proper}
    f.proper_end = {s.end: s for s in proper}
    return proper, titles, nouns


def known_people(f: Finder, proper: list[Span]) -> None:
    """Known people by full name."""
    for span in proper:
        phrase = f._phrase(span)
        if phrase is None or phrase.entity.kind != "person":
            continue
        if not f._free(span.start, span.end):
            continue
        f._add_person(span.start, span.end, f._from_entity(phrase.entity), "name")


def dictionary(f: Finder, proper: list[Span]) -> None:
    """Countries, capitals, demonyms and organisations; a weak alias that is the surname of
    someone met is no organisation."""
    for span in proper:
        if not f._free(span.start, span.end):
            continue
        phrase = f._phrase(span)
        if phrase is None or phrase.entity.kind == "person":
            continue
        if phrase.how == "weak":
            word = span.phrase
            if any(word in p.surnames for p in f.people.values()):
                continue
        f._add(span.start, span.end, f._actor(phrase.entity), phrase.how)


def _region_in_name(f: Finder, span: Span) -> bool:
    """A region's name or demonym that a capitalised word continues ("African-American")."""
    phrase = f._phrase(span)
    if phrase is None or phrase.entity.kind != "state" or phrase.entity.code_on(f.day).country not in REGIONS:
        return False
    return in_name(f.text, span.start, span.end) or _HYPHEN_CAPITAL.match(f.text, span.end) is not None


def vessels(f: Finder) -> None:
    """ "the USS Gerald R. Ford": a navy's ship, whoever it is named after."""
    prefixes = vessel_prefixes()
    for m in _VESSEL.finditer(f.text):
        country = prefixes.get(m.group(1).lower())
        if country is None or not f._free(m.start(), m.end()):
            continue
        label = f.kb.demonym.get(country, country)
        name = f"{label} {f.kb.sector_labels.get('MIL', 'military')}"
        f._add(m.start(), m.end(), Actor(f"{country}/MIL", name, "agent", country, "MIL"), "agent")
