"""People: a person found in an article, and people named only where they are quoted."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...knowledge import person_key, short_forms
from .words import NOT_NAME

if TYPE_CHECKING:
    from .finder import Finder

_SAID = r"(?:said|says|told|added|adds|stated|explained|recalled|asked)"
_FULL_NAME = r"(?P<name>[A-Z][\w'’-]+(?:\s+(?:[A-Z][\w'’-]+|bin|ibn|al-\w+)){1,3})"
_ATTRIBUTED = (
    re.compile(rf"[”\"’],?\s+{_SAID}\s+{_FULL_NAME}(?=[\s,.;])"),  # "…,” said Bibi Hawa
    re.compile(rf"[”\"’],?\s+{_FULL_NAME},?\s+{_SAID}\b"),  # "…,” Gul Mohammad said
)


@dataclass(slots=True)
class Person:
    """A person found in this article, known or learned."""

    key: str
    name: str
    country: str
    sector: str
    role: str | None
    origin: str
    short: tuple[str, ...] | None = None  # the dictionary's short forms, if it gives them

    @property
    def surnames(self) -> tuple[str, ...]:
        """The forms a later mention may use ("Asif"), from the dictionary or the name."""
        return short_forms(self.name, self.short)


def holds_title(role: str, title: str) -> bool:
    """ "palestinian authority president" bears the title "president"; "vice president" does not."""
    if role == title:
        return True
    if not role.endswith(" " + title):
        return False
    before = role[: -len(title)].split()
    return before[-1] not in ("vice", "deputy", "acting")


def people_by_attribution(f: Finder) -> None:
    """People named only where they are quoted: "…,” said Bibi Hawa, a mother of five."""
    for m in (m for pattern in _ATTRIBUTED for m in pattern.finditer(f.text)):
        s, e = m.span("name")
        tokens = m.group("name").split()
        if not f._free(s, e) or any(t in NOT_NAME for t in tokens):
            continue
        if any(f.proper_at.get(x.start()) for x in re.finditer(r"\S+", f.text[s:e])):
            continue  # a country or organisation, not a person
        name = " ".join(tokens)
        person = f._known_person(name)
        if person is None:
            country = f._context_country(s)
            if country is None:
                continue
            ordinary = re.match(r",\s+an?\s+[a-z]", f.text[e : e + 8])
            person = Person(person_key(name), name, country, "CVL" if ordinary else "UNK", None, "learned")
            f.people.setdefault(person.key, person)
        f._add_person(s, e, person, "name")
