"""What one article's actor passes share: the text, which characters a mention has taken, the
mentions and actors found so far, the people met, and the questions every pass asks of them."""

from __future__ import annotations

import bisect
import re
from collections import Counter

from ...ingest.metadata import title_case
from ...knowledge import Entity, Knowledge, Phrase, match_form, person_key
from ...knowledge.schema import REGIONS
from ...model import Actor, Article, Mention
from .people import Person
from .spans import Span

_LOCATIVE = re.compile(
    r"(?i)\b(in|at|from|near|to|into|over|outside|inside|across|around|via)\s+(?:the\s+)?$"
)
_OF_PLACE = re.compile(r"\s+(?:in|of)\s+(?:the\s+)?")  # "prisoners in Iraq": whose they are
_NAMES_A_MEETING = re.compile(
    r"\s+(?:peace\s+|ceasefire\s+)?(?:talks|ceasefire|truce|agreements?|accords?|process|summit|meeting|"
    r"conference|declaration|format|deal|round|negotiations|dialogue|protocol|communiqu[eé])\b"
)


class Finder:
    """One article's actor recognition: its state, the mentions it adds, the people it knows."""

    def __init__(self, article: Article, kb: Knowledge):
        self.a = article
        self.kb = kb
        self.text = article.text
        self.mt = match_form(article.text)
        self.lower = self.mt.lower()
        self.day = article.published
        self.starts = [s.start for s in article.sentences]
        self.taken = bytearray(len(article.text))  # 1 where a character belongs to a mention
        self.mentions: list[Mention] = []
        self.actors: dict[str, Actor] = {}
        self.people: dict[str, Person] = {}
        self.proper_at: dict[int, Span] = {}  # the dictionaries' proper phrases by start
        self.proper_end: dict[int, Span] = {}  # ... and by end
        self.complement_sector: str | None = None  # the title being read: "of Iran's armed forces"
        self.former = False  # the title being read is preceded by "former"/"ex-"
        self.states: tuple[list[tuple[int, int, str]], str | None] | None = None  # see _states
        self.headlines: dict[int, bool] = {}  # line start -> is it a headline
        self.role_index: dict[str, list] = {}  # see resolution.person_with_role
        self.offices: list[tuple[int, int, Actor]] = []  # see titles.unplaced_offices

    # --- the mentions
    def _free(self, start: int, end: int) -> bool:
        return self.taken.find(1, start, end) == -1

    def _sentence(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    def _add(self, start: int, end: int, actor: Actor, how: str) -> None:
        self.taken[start:end] = b"\x01" * (end - start)
        self.actors.setdefault(actor.key, actor)
        # "in Kabul": where, not who (a capital elsewhere is its government); a place is always where
        locative = how == "place" or (
            how == "capital"
            and (
                bool(_LOCATIVE.search(self.text[max(0, start - 12) : start]))
                or bool(_NAMES_A_MEETING.match(self.text, end))  # "the Doha talks", "the Minsk accords"
            )
        )
        self.mentions.append(
            Mention(start, end, self.text[start:end], actor.key, self._sentence(start), how, locative)
        )

    def _add_person(self, start: int, end: int, person: Person, how: str) -> None:
        actor = Actor(
            person.key,
            person.name,
            "person",
            person.country,
            person.sector,
            person.role,
            person.origin,
        )
        self._add(start, end, actor, how)

    # --- the knowledge, on the article's date
    def _actor(self, entity: Entity) -> Actor:
        code = entity.code_on(self.day)
        return Actor(
            entity.key,
            entity.name,
            entity.kind,
            code.country,
            code.sector,
            code.role,
            entity.origin,
        )

    def _phrase(self, span: Span) -> Phrase | None:
        """The strongest meaning of a matched phrase (weak aliases lose to people's names)."""
        entries = self.kb.proper.get(span.phrase, [])
        if not entries:
            return None
        strong = [p for p in entries if p.how != "weak"]
        return (strong or entries)[0]

    # --- people
    def _known_person(self, name: str) -> Person | None:
        """A person of the knowledge base or already met in this article, by name or surname."""
        form = match_form(name)
        for p in self.kb.proper.get(form, []):
            if p.entity.kind == "person":
                return self._from_entity(p.entity)
        key = person_key(name)
        if key in self.people:
            return self.people[key]
        if " " not in name.strip():
            met = self.met_by_surname(form)
            if met is not None:
                return met
            known = self.kb.surnames.get(form, [])
            if len(known) == 1 and form not in self.kb.ambiguous_surnames:
                return self._from_entity(known[0])
        return None

    def met_by_surname(self, form: str) -> Person | None:
        """The one person met in this article who bears the surname (in match form), if one does."""
        met = [p for p in self.people.values() if form in p.surnames]
        return met[0] if len(met) == 1 else None

    def _from_entity(self, entity: Entity) -> Person:
        if entity.key not in self.people:
            code = entity.code_on(self.day)
            self.people[entity.key] = Person(
                entity.key, entity.name, code.country, code.sector, code.role, entity.origin, entity.surnames
            )
        return self.people[entity.key]

    # --- where things stand in the article
    def _in_headline(self, pos: int) -> bool:
        """Title Case lines (headlines) name people but do not introduce new ones."""
        line_start = self.text.rfind("\n", 0, pos) + 1
        if line_start not in self.headlines:
            line_end = self.text.find("\n", pos)
            line = self.text[line_start : line_end if line_end >= 0 else len(self.text)]
            sentence = line.rstrip().rstrip("\"”’'").endswith(".")  # a sentence dense with names
            self.headlines[line_start] = title_case(line, 0.7) and not sentence
        return self.headlines[line_start]

    def _context_country(self, pos: int, end: int | None = None) -> str | None:
        """The country of the phrase that ends at `end` when one follows it ("prisoners in Iraq",
        "the people of Gaza"), else the country named nearest before pos in its sentence (else
        after it), else the country the article names most."""
        if end is not None and (m := _OF_PLACE.match(self.mt, end)):
            for start, _, country in self._states()[0]:
                if start == m.end():
                    return country
        sent = self._sentence(pos)
        before: tuple[int, str] | None = None
        after: tuple[int, str] | None = None
        states, most = self._states()
        for start, sentence, country in states:
            if sentence != sent:
                continue
            if start < pos and (before is None or start > before[0]):
                before = (start, country)
            elif start >= pos and (after is None or start < after[0]):
                after = (start, country)
        if before or after:
            return (before or after)[1]
        return most

    def _states(self) -> tuple[list[tuple[int, int, str]], str | None]:
        """The article's country names (start, sentence, country), and the one named most."""
        if self.states is None:
            states, counts = [], Counter()
            for span in self.proper_at.values():
                phrase = self._phrase(span)
                if phrase is None or phrase.entity.kind != "state":
                    continue
                country = phrase.entity.code_on(self.day).country
                if country in REGIONS:
                    continue  # "Latin American cartels": a region is no one state's home
                counts[country] += 1
                states.append((span.start, self._sentence(span.start), country))
            self.states = (states, counts.most_common(1)[0][0] if counts else None)
        return self.states
