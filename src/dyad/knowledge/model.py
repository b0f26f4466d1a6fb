"""What the knowledge base holds: entities with their dated codes, the phrases that name them,
titles, and the Knowledge that indexes them all for matching."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

import ahocorasick

from .schema import Code


def match_form(text: str) -> str:
    """Text as phrases are matched: apostrophes, hyphens and spaces unified, same length."""
    # chained replaces: several times faster than str.translate with a mapping on long texts
    return text.replace("’", "'").replace("‘", "'").replace("‑", "-").replace("‐", "-").replace("\u00a0", " ")


def norm_key(name: str) -> str:
    return re.sub(r"[^\w]+", " ", match_form(name).lower()).strip()


def person_key(name: str) -> str:
    return "person:" + norm_key(name)


@dataclass(frozen=True, slots=True)
class Entity:
    """A known actor: a country, organisation or person, with its dated codes."""

    key: str
    name: str
    kind: str
    codes: tuple[Code, ...]
    origin: str = "dictionary"
    short: tuple[str, ...] | None = None  # a person's short forms; None: from the name

    def code_on(self, day: date | None) -> Code:
        """The code in force on `day` (today when unknown)."""
        day = day or date.today()
        for code in self.codes:
            if code.covers(day):
                return code
        return self.codes[-1]

    @property
    def surnames(self) -> tuple[str, ...]:
        """The short forms a later mention of a person may use ("Asif", "Burhan")."""
        return short_forms(self.name, self.short) if self.kind == "person" else ()


def short_forms(name: str, short: tuple[str, ...] | None) -> tuple[str, ...]:
    """A person's short forms: those given (leaders.yaml's `short`), else from the name."""
    return surnames_of(name) if short is None else short


def surnames_of(name: str) -> tuple[str, ...]:
    """The forms a later mention may use: "al-Burhan" and "Burhan" for "Abdel Fattah al-Burhan";
    none for a regnal name ("Hassan II", "Pope Francis"); "Marcos" for "Ferdinand Marcos Jr."."""
    words = name.split()
    if words[0] == "Pope" or _REGNAL.match(words[-1]):
        return ()
    if len(words) > 1 and words[-1].rstrip(".") in ("Jr", "Sr"):
        words.pop()
    last = words[-1]
    out = [last]
    m = re.match(r"(?i)^(al|el|ad|as|ash|at|az)-(.+)$", last)
    if m:
        out.append(m.group(2))
    return tuple(out)


_REGNAL = re.compile(r"^[IVX]+$")


@dataclass(frozen=True, slots=True)
class Phrase:
    """What a matched proper-noun phrase means."""

    how: str  # name | alias | weak | demonym | capital | person
    entity: Entity


@dataclass(frozen=True, slots=True)
class Title:
    """A title that introduces a person, with the sector it implies."""

    title: str
    sector: str
    inherit: bool = False


@dataclass
class Knowledge:
    """Everything dyad knows, merged from the built-in files and the user's own."""

    entities: dict[str, Entity] = field(default_factory=dict)
    proper: dict[str, list[Phrase]] = field(default_factory=dict)
    # bare surnames that name a known person anywhere ("Asif"); leaders.yaml's people are left
    # out: their surnames name them while in office or after their full name (see `holders`)
    surnames: dict[str, list[Entity]] = field(default_factory=dict)
    # every known person by short form, for a title and a surname ("President Bush", "King Hassan")
    holders: dict[str, list[Entity]] = field(default_factory=dict)
    sector_nouns: dict[str, str] = field(default_factory=dict)
    sector_labels: dict[str, str] = field(default_factory=dict)
    bare_nouns: frozenset[str] = frozenset()
    agent_roles: dict[str, str] = field(default_factory=dict)
    titles: dict[str, Title] = field(default_factory=dict)
    modifiers: frozenset[str] = frozenset()
    honorifics: tuple[str, ...] = ()
    ambiguous_surnames: frozenset[str] = frozenset()
    demonym: dict[str, str] = field(default_factory=dict)
    country_codes: frozenset[str] = frozenset()
    # places given coordinates in an actors file: name -> (latitude, longitude, country)
    place_points: dict[str, tuple[float, float, str]] = field(default_factory=dict)
    version: str = ""

    @cached_property
    def proper_automaton(self) -> ahocorasick.Automaton:
        return _automaton(self.proper)

    @cached_property
    def surname_automaton(self) -> ahocorasick.Automaton:
        """The bare surnames that name a known person anywhere ("Asif")."""
        return _automaton(self.surnames)

    @cached_property
    def holder_automaton(self) -> ahocorasick.Automaton:
        """Every known person's short forms ("Obama", "Erdogan")."""
        return _automaton(self.holders)

    @cached_property
    def lower_automaton(self) -> ahocorasick.Automaton:
        return _automaton({**dict.fromkeys(self.sector_nouns), **dict.fromkeys(self.titles)})

    def add_entity(
        self, entity: Entity, phrases: list[tuple[str, str]], where, by_surname: bool = True
    ) -> None:
        """Register an entity and its phrases; a phrase already naming another entity is an error
        unless `where` is None (user knowledge, which overrides). `by_surname`: a person's bare
        surname names them in any article (when no other known person bears it)."""
        old = self.entities.get(entity.key)
        if old is not None and where is not None:
            raise where(f"'{entity.name}' is defined twice")
        if old is not None:
            self.replace_entities({entity.key: entity})
        self.entities[entity.key] = entity
        for text, how in phrases:
            form = match_form(text)
            entries = self.proper.setdefault(form, [])
            clash = [p for p in entries if p.entity.key != entity.key and p.how == how]
            if clash and where is not None and how != "weak":
                raise where(f"'{text}' already names {clash[0].entity.name}")
            if where is None:
                entries[:] = [p for p in entries if p.how != how or p.entity.key == entity.key]
            if not any(p.how == how and p.entity.key == entity.key for p in entries):
                entries.append(Phrase(how, entity))
        for index in (self.surnames, self.holders) if by_surname else (self.holders,):
            for s in entity.surnames:
                bucket = index.setdefault(match_form(s), [])
                bucket[:] = [e for e in bucket if e.key != entity.key]
                bucket.append(entity)

    def replace_entities(self, new: dict[str, Entity]) -> None:
        """Put new versions of registered entities (by key) wherever the old ones are named."""
        self.entities.update(new)
        for entries in self.proper.values():
            entries[:] = [Phrase(p.how, new[p.entity.key]) if p.entity.key in new else p for p in entries]
        for index in (self.surnames, self.holders):
            indexed = {e.key for bucket in index.values() for e in bucket if e.key in new}
            for form, bucket in list(index.items()):
                bucket[:] = [e for e in bucket if e.key not in indexed]
                if not bucket:
                    del index[form]
            for key in indexed:  # under their short forms, which may have changed
                for form in new[key].surnames:
                    index.setdefault(match_form(form), []).append(new[key])


def _automaton(phrases) -> ahocorasick.Automaton:
    auto = ahocorasick.Automaton()
    for phrase in phrases:
        auto.add_word(phrase, phrase)
    auto.make_automaton()
    return auto
