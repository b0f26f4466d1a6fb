"""Later mentions resolved to actors already named: a surname ("Asif"), a role ("the defence
minister"), an organisation's head noun ("the network")."""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from ...knowledge import Entity, match_form
from ...model import Mention
from ..entities import after_courtesy, thing_words
from .names import DETERMINER, skip_modifiers
from .people import Person
from .spans import Span, longest, occurrences, whole_words
from .words import HEADS

if TYPE_CHECKING:
    from .finder import Finder

# a capitalised word right before a surname, itself inside a sentence: another person's given name
_GIVEN_NAME_BEFORE = re.compile(r"[^\s.!?“\"(—–-]\s+([A-Z][a-z]+)\s+$")


# --- later mentions by surname: "Asif", "Burhan"
def surnames(f: Finder) -> None:
    """Each free occurrence of a surname of someone met, or of one known person, as that person."""
    forms = _surname_forms(f)
    for span in longest(occurrences(forms, f.mt)):
        if not f._free(span.start, span.end) or _given_name_before(f, span.start):
            continue  # "Rosa Ortega" is not Daniel Ortega
        found = forms[span.phrase]
        person = found if isinstance(found, Person) else f._from_entity(found)
        f._add_person(span.start, span.end, person, "surname")


def _surname_forms(f: Finder) -> dict[str, Person | Entity]:
    """The surnames that name one person here: of people met, of known people named only by
    surname, of the one holder of an office on the day."""
    forms: dict[str, Person | Entity] = {}
    for person in f.people.values():
        for s in person.surnames:
            forms.setdefault(match_form(s), person)
    found = whole_words(f.kb.surname_automaton, f.mt) if f.kb.surnames else []  # none: no automaton
    for form in sorted({s.phrase for s in found}):
        entities = f.kb.surnames[form]
        if form in f.kb.ambiguous_surnames:  # "Khan", "Singh": many people bear them
            continue
        if form not in forms and len(entities) == 1 and not _others_sitting(f, form, entities[0]):
            forms[form] = entities[0]
    for form, entity in _sitting_by_surname(f):
        forms.setdefault(form, entity)
    return forms


def _given_name_before(f: Finder, pos: int) -> bool:
    """A capitalised word right before pos, inside its sentence, that is no day, month or
    place word: another person's given name ("Rosa Ortega" is not Daniel Ortega)."""
    m = _GIVEN_NAME_BEFORE.search(f.text, max(0, pos - 40), pos)
    return m is not None and m.group(1).lower() not in thing_words()


def _sitting_by_surname(f: Finder) -> list[tuple[str, Entity]]:
    """ "Obama said" in 2014, "Erdogan warned": the one known person of that surname in office
    on the article's date (not an ambiguous surname: "May", "Park", "Begin")."""
    out = []
    for end, form in f.kb.holder_automaton.iter(f.mt):
        start = end - len(form) + 1
        before = f.mt[start - 1] if start else " "
        after = f.mt[end + 1] if end + 1 < len(f.mt) else " "
        if before.isalnum() or after.isalnum() or form in f.kb.ambiguous_surnames:
            continue
        sitting = [e for e in f.kb.holders[form] if e.code_on(f.day).sector != "ELI"]
        if len(sitting) == 1:
            out.append((form, sitting[0]))
    return out


def _others_sitting(f: Finder, form: str, entity: Entity) -> bool:
    """Someone else of that surname in office on the day ("Vance" in 1978 is not JD Vance)."""
    return any(e.key != entity.key and e.code_on(f.day).sector != "ELI" for e in f.kb.holders.get(form, []))


# --- "the defence minister", "the minister": the person last named with that role
def roles(f: Finder, titles: list[Span]) -> None:
    """Each free title after a determiner, as the person last named with that role."""
    for t in titles:
        if not f._free(t.start, t.end) or after_courtesy(f.text, t.start):
            continue
        mod_start = skip_modifiers(f, t.start)
        det = DETERMINER.search(f.text[max(0, mod_start - 6) : mod_start])
        if not det:
            continue
        person = person_with_role(f, t.phrase, t.start)
        if person is not None:
            f._add_person(mod_start - len(det.group(0).lstrip()), t.end, person, "role")


def person_with_role(f: Finder, title: str, pos: int) -> Person | None:
    """The person of the last mention before pos whose role holds the title ("the minister").
    Each title keeps the mentions that fit it, by position, so that a long article is not
    scanned again for each title; people are only ever added, so the list is redone when one is."""
    head = _spelling(title)
    index = f.role_index.get(head)
    if index is None or index[1] != len(f.people):
        index = f.role_index[head] = [0, len(f.people), [], []]
    seen, _, starts, people = index
    for m in f.mentions[seen:]:
        person = f.people.get(m.actor_key)
        if person is not None and person.role and head in _spelling(person.role.lower()):
            at = bisect.bisect_right(starts, m.start)  # after those at the same place: found first
            starts.insert(at, m.start)
            people.insert(at, person)
    index[0] = len(f.mentions)
    before = bisect.bisect_left(starts, pos) - 1
    return people[bisect.bisect_left(starts, starts[before])] if before >= 0 else None


def _spelling(s: str) -> str:
    return s.replace("defense", "defence").replace("-", " ")


# --- "the network": the organisation last named with that head noun
def definite_descriptions(f: Finder) -> None:
    """Each free "the" + an organisation's head noun, as the organisation last named with it."""
    heads: dict[str, list[Mention]] = {}
    for m in f.mentions:
        actor = f.actors[m.actor_key]
        head = actor.name.split()[-1].lower()
        if actor.kind not in ("person", "state", "agent") and head in HEADS:
            heads.setdefault(head, []).append(m)
    for head, named in heads.items():
        for d in re.finditer(rf"\b[Tt]he {head}\b", f.text):
            if not f._free(d.start(), d.end()):
                continue
            earlier = [m for m in named if m.start < d.start()]
            if earlier:
                actor = f.actors[earlier[-1].actor_key]
                f._add(d.start(), d.end(), actor, "definite")
