"""Actor mentions found in the text and resolved to canonical actors (country + sector + role)."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

from .entities import after_courtesy, learn, thing_words, vessel_prefixes
from .knowledge import Entity, Knowledge, Phrase, Title, match_form, person_key, short_forms
from .knowledge.schema import INTERNATIONAL
from .model import Actor, Article, Mention
from .timeref import CALENDAR_WORDS

_NAME_TOKEN = re.compile(
    r"(?:(?:al|el|bin|ibn|bint|de|da|del|della|di|du|van|von|der|le|la|ul|ud|ur|e)[-\s])?"
    r"(?:[A-Z][\w'’.-]*[\w]|[A-Z]\.|[A-Z])"
)
_NOT_NAME = frozenset(
    [
        "The",
        "A",
        "An",
        "He",
        "She",
        "It",
        "They",
        "We",
        "I",
        "His",
        "Her",
        "Their",
        "Its",
        "This",
        "That",
        "These",
        "Those",
        "On",
        "In",
        "At",
        "For",
        "And",
        "But",
        "Or",
        "Of",
        "To",
        "From",
        "By",
        "With",
        "As",
        "After",
        "Before",
        "When",
        "While",
        "If",
        *CALENDAR_WORDS,
        "Minister",
        "President",
        "General",
        "Chief",
        "Secretary",
        "Spokesman",
        "Spokesperson",
        "Leader",
        "Official",
        "Officials",
        "Said",
        "Says",
        "Also",
        "However",
        "Meanwhile",
        "Earlier",
        "Later",
        "According",
    ]
)
_NAME_WORD = r"(?:[A-Z][\w'’-]*\w|[A-Z]\.|(?:al|el)-\w+|bin|ibn)"
_NAME_BEFORE = re.compile(rf"({_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}})$")
_SAID = r"(?:said|says|told|added|adds|stated|explained|recalled|asked)"
_FULL_NAME = r"(?P<name>[A-Z][\w'’-]+(?:\s+(?:[A-Z][\w'’-]+|bin|ibn|al-\w+)){1,3})"
_ATTRIBUTED = (
    re.compile(rf"[”\"’],?\s+{_SAID}\s+{_FULL_NAME}(?=[\s,.;])"),  # "…,” said Bibi Hawa
    re.compile(rf"[”\"’],?\s+{_FULL_NAME},?\s+{_SAID}\b"),  # "…,” Gul Mohammad said
)
_PATRON = re.compile(
    r"-(?:backed|held|occupied|controlled|administered|annexed|allied|aligned|sponsored|funded|"
    r"supported|trained|armed|ruled|appointed|installed)\b",
    re.I,
)
_ETHNIC = re.compile(r"(?i)\bethnic\s+$")
_PEOPLE_OF = re.compile(r"\s+of\s+(?:the\s+)?(?:(?:southern|northern|eastern|western|central)\s+)?")
_LOCATIVE = re.compile(
    r"(?i)\b(in|at|from|near|to|into|over|outside|inside|across|around|via)\s+(?:the\s+)?$"
)
_DETERMINER = re.compile(r"(?i)(?:^|\s)(the|a|an)\s+$")
_NAMES_A_MEETING = re.compile(
    r"\s+(?:peace\s+|ceasefire\s+)?(?:talks|ceasefire|truce|agreements?|accords?|process|summit|meeting|"
    r"conference|declaration|format|deal|round|negotiations|dialogue|protocol|communiqu[eé])\b"
)
_PERSON_KINDS = frozenset({"person"})
# a ship's prefix in capitals and its name of capitalised words ("USS Gerald R. Ford")
_VESSEL = re.compile(r"\b([A-Z]{2,5})\s+((?:[A-Z][\w'’-]*\.?\s+){0,4}[A-Z][\w'’-]*)")
# a capitalised word right before a surname, itself inside a sentence: another person's given name
_GIVEN_NAME_BEFORE = re.compile(r"[^\s.!?“\"(—–-]\s+([A-Z][a-z]+)\s+$")
_FORMER = re.compile(r"(?i)\b(?:former|ex)\b")  # "former President X", "ex-minister X": out of office


@dataclass(slots=True)
class _Span:
    start: int
    end: int
    phrase: str


@dataclass(slots=True)
class _Person:
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


def _holds_title(role: str, title: str) -> bool:
    """ "palestinian authority president" bears the title "president"; "vice president" does not."""
    if role == title:
        return True
    if not role.endswith(" " + title):
        return False
    before = role[: -len(title)].split()
    return before[-1] not in ("vice", "deputy", "acting")


def find_actors(article: Article, kb: Knowledge) -> None:
    """Fill article.mentions and article.actors from the cleaned text."""
    Finder(article, kb).run()


class Finder:
    """One article's actor recognition: dictionary phrases, learned people, agents, surnames."""

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
        self.people: dict[str, _Person] = {}
        self.complement_sector: str | None = None
        self.former = False  # the title being read is preceded by "former"/"ex-"
        self.states: tuple[list[tuple[int, int, str]], str | None] | None = None  # see _states
        self.headlines: dict[int, bool] = {}  # line start -> is it a headline
        self.role_index: dict[str, list] = {}  # see _person_with_role

    # --- driver
    def run(self) -> None:
        proper = _longest(self._matches(self.kb.proper_automaton, self.mt))
        # "Iranian-backed militias", "the Israeli-occupied West Bank": the patron is not the actor
        proper = [s for s in proper if not _PATRON.match(self.mt, s.end)]
        lower = _longest(self._matches(self.kb.lower_automaton, self.lower, hyphen=False))
        titles = [s for s in lower if s.phrase in self.kb.titles]
        nouns = [s for s in lower if s.phrase in self.kb.sector_nouns]
        self.proper_at = {s.start: s for s in proper}
        self.proper_end = {s.end: s for s in proper}
        self._vessels()
        self._people_by_title(titles, proper)
        self._known_people(proper)
        self._people_by_attribution()
        self._agents(nouns, proper)
        self._dictionary(proper)
        self._surnames()
        self._roles(titles)
        self._bare_agents(nouns)
        self._definite_descriptions()
        learn(self)  # what no dictionary knows, from the parse; then their later short names
        self._surnames()
        self.mentions.sort(key=lambda m: m.start)
        self._ethnic_minorities()
        self.a.mentions = self.mentions
        self.a.actors = self.actors

    def _ethnic_minorities(self) -> None:
        """ "Ethnic Albanians in Serbia", "the Albanians of southern Serbia" are coded to the country
        they live in (CAMEO's convention): the one named, else the nearest other country named in
        their sentence; with none, to their kin state."""
        replaced: set[str] = set()
        starts = [m.start for m in self.mentions]  # sorted; a mention replaced keeps its place
        in_sentence: dict[int, list[int]] = {}
        for i, m in enumerate(self.mentions):
            in_sentence.setdefault(m.sentence, []).append(i)
        for i, m in enumerate(self.mentions):
            kin = self.actors[m.actor_key]
            of = _PEOPLE_OF.match(self.text, m.end) if m.how == "demonym" and m.text.endswith("s") else None
            if of is not None:  # "the Albanians of southern Serbia"
                at = bisect.bisect_left(starts, of.end())
                where = self.mentions[at] if at < len(starts) and starts[at] == of.end() else None
                others = [where] if where and self.actors[where.actor_key].kind == "state" else []
            elif _ETHNIC.search(self.text[max(0, m.start - 8) : m.start]):
                others = [
                    x
                    for x in (self.mentions[j] for j in in_sentence[m.sentence])
                    if self.actors[x.actor_key].country not in (kin.country, *INTERNATIONAL)
                ]
            else:
                continue
            others = [x for x in others if self.actors[x.actor_key].country != kin.country]
            if not others:
                continue
            home = self.actors[min(others, key=lambda x: abs(x.start - m.start)).actor_key].country
            sector = kin.sector if kin.kind == "agent" else "CVL"
            label = self.kb.demonym.get(kin.country, kin.name)
            actor = Actor(
                f"{home}/{sector}/ethnic-{kin.country}", f"ethnic {label} in {home}", "agent", home, sector
            )
            self.actors.setdefault(actor.key, actor)
            self.mentions[i] = Mention(m.start, m.end, m.text, actor.key, m.sentence, m.how, m.locative)
            replaced.add(kin.key)
        used = {m.actor_key for m in self.mentions}
        for key in replaced - used:
            del self.actors[key]

    # --- matching
    def _matches(self, automaton, haystack: str, hyphen: bool = True) -> list[_Span]:
        """Whole-word matches; with hyphen=False a match may not be part of a hyphenated word."""
        out = []
        n = len(haystack)
        for end, phrase in automaton.iter(haystack):
            start = end - len(phrase) + 1
            before = haystack[start - 1] if start > 0 else " "
            after = haystack[end + 1] if end + 1 < n else " "
            if before.isalnum() or after.isalnum():
                continue
            if not hyphen and (before == "-" or after == "-"):
                continue
            out.append(_Span(start, end + 1, phrase))
        return out

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

    def _phrase(self, span: _Span) -> Phrase | None:
        """The strongest meaning of a matched phrase (weak aliases lose to people's names)."""
        entries = self.kb.proper.get(span.phrase, [])
        if not entries:
            return None
        strong = [p for p in entries if p.how != "weak"]
        return (strong or entries)[0]

    # --- people introduced by a title: "Defence Minister Khawaja Asif", "X, Afghanistan's ... minister"
    def _people_by_title(self, titles: list[_Span], proper: list[_Span]) -> None:
        for t in titles:
            if (
                not self._free(t.start, t.end)
                or self._in_headline(t.start)
                or after_courtesy(self.text, t.start)
            ):
                continue  # "Mr. King" is a surname
            title = self.kb.titles[t.phrase]
            left, who, role_start = self._left_modifier(t.start)
            self.complement_sector = None
            self.former = bool(_FORMER.search(self.text[left : t.end]))
            comp_end, comp = self._complement(t.end)
            ctx = who or comp
            role = self.text[role_start : t.end]
            after = self._name_after(comp_end if comp else t.end)
            name_span = after
            if name_span is None:
                name_span = self._name_before(left)
            if name_span is None:
                name_span = self._name_after_comma(comp_end if comp else t.end)
            if name_span is None:
                holder = self._person_with_role(t.phrase, t.start)
                if holder is not None and (ctx is None or ctx.code_on(self.day).country == holder.country):
                    # "Defence Minister of Pakistan concluded": the person named with that role
                    start = left if who is not None else role_start
                    det = _DETERMINER.search(self.text[max(0, start - 6) : start])
                    start -= len(det.group(0).lstrip()) if det else 0
                    self._add_person(start, comp_end if comp else t.end, holder, "role")
                else:
                    self._anonymous_role(t, title, ctx, role_start)
                continue
            s, e = name_span
            person = self._person(self.text[s:e], title, role, ctx, s)
            if person is None:
                continue
            role_from = left if who is not None else role_start
            if s > t.start:  # "TTP leader Noor Wali Mehsud", "Israel's defense minister, Israel Katz"
                self._add_person(role_from, e, person, "title")
            else:  # "Sirajuddin Haqqani, Afghanistan's acting interior minister"
                self._add_person(s, e, person, "name")
                self._add_person(role_from, t.end, person, "title")

    def _in_headline(self, pos: int) -> bool:
        """Title Case lines (headlines) name people but do not introduce new ones."""
        line_start = self.text.rfind("\n", 0, pos) + 1
        if line_start not in self.headlines:
            line_end = self.text.find("\n", pos)
            line = self.text[line_start : line_end if line_end >= 0 else len(self.text)]
            words = [w for w in line.split() if len(w) > 3 and w[0].isalpha()]
            self.headlines[line_start] = (
                len(words) >= 3
                and sum(w[0].isupper() for w in words) / len(words) > 0.7
                and not line.rstrip().rstrip("\"”’'").endswith(".")  # a sentence dense with names
            )
        return self.headlines[line_start]

    def _left_modifier(self, pos: int) -> tuple[int, Entity | None, int]:
        """What stands before a title: modifiers ("acting"), and a country or organisation
        ("Pakistan's", "Afghan", "TTP"). Returns (start of all that, the entity, start of role)."""
        start = role_start = self._skip_modifiers(pos)
        span = self._entity_ending_at(start)
        if span is None:
            # words of the role itself: "the Foreign Office spokesman", "the UN humanitarian chief"
            words = re.search(
                r"((?:[A-Z][\w-]*\s+){1,3}|(?:[a-z][\w-]*\s+){1,2})$", self.text[max(0, start - 40) : start]
            )
            if words and not _DETERMINER.search(" " + words.group(0)):
                inner = start - len(words.group(0))
                span = self._entity_ending_at(inner)
                first = self.text[inner:start].split()[0]
                if (span is not None or first[0].isupper()) and first not in _NOT_NAME:
                    start = role_start = inner
        entity = None
        if span is not None:
            phrase = self._phrase(span)
            if phrase is not None and phrase.entity.kind not in _PERSON_KINDS:
                entity = phrase.entity
                start = self._skip_modifiers(span.start)
        return start, entity, role_start

    def _entity_ending_at(self, pos: int) -> _Span | None:
        """A country or organisation phrase ending right before pos ("Pakistan's ", "TTP ")."""
        j = pos
        while j > 0 and self.text[j - 1] == " ":
            j -= 1
        tail = max(0, j - 3)  # the possessive's end, not all the text before it (n² over an article)
        poss = re.search(r"['’]s?$", self.mt[tail:j])
        return self.proper_end.get(tail + poss.start() if poss else j)

    def _skip_modifiers(self, pos: int) -> int:
        while True:
            m = re.search(r"([A-Za-z-]+)\s+$", self.text[max(0, pos - 30) : pos])
            if not m or m.group(1).lower() not in self.kb.modifiers:
                return pos
            pos = pos - len(m.group(0))

    def _complement(self, pos: int) -> tuple[int, Entity | None]:
        """ "of Pakistan", "for the Islamic Emirate of Afghanistan", "of Iran's armed forces"."""
        m = re.match(r"\s+(?:of|for|on|to|at)\s+(?:the\s+)?", self.text[pos : pos + 20])
        if not m:
            return pos, None
        start = pos + m.end()
        span = self.proper_at.get(start)
        if span is None:
            return pos, None
        phrase = self._phrase(span)
        if phrase is None or phrase.entity.kind in _PERSON_KINDS:
            return pos, None
        end = span.end
        rest = re.match(r"['’]s\s+((?:[\w-]+\s+)?[\w-]+)|\s+affairs", self.text[end : end + 40])
        if rest:
            end += rest.end()
            words = (rest.group(1) or "").lower()
            noun = words if words in self.kb.sector_nouns else words.split(" ")[-1]
            if noun in self.kb.sector_nouns:
                self.complement_sector = self.kb.sector_nouns[noun]
        return end, phrase.entity

    def _name_tokens(self, pos: int) -> tuple[int, int] | None:
        """A run of capitalised name tokens starting at pos (after honorifics)."""
        text = self.text
        for h in self.kb.honorifics:
            if text.startswith(h + " ", pos):
                pos += len(h) + 1
                break
        end = pos
        count = 0
        while count < 5:
            m = _NAME_TOKEN.match(text, end)
            if not m:
                break
            token = m.group(0)
            if token in _NOT_NAME or (
                count and self.proper_at.get(end) and self._phrase(self.proper_at[end]).how != "person"
            ):
                break
            end = m.end()
            count += 1
            if end < len(text) and text[end] == " ":
                nxt = _NAME_TOKEN.match(text, end + 1)
                if nxt and nxt.group(0) not in _NOT_NAME:
                    end += 1
                    continue
            break
        if count == 0:
            return None
        while end > pos and text[end - 1] in " .":
            if text[end - 1] == "." and re.search(r"\b[A-Z]\.$", text[pos:end]):
                break
            end -= 1
        possessive = re.search(r"['’]s?$", text[pos:end])
        if possessive and end - len(possessive.group(0)) > pos:  # "President Reagan's statement"
            end -= len(possessive.group(0))
        return pos, end

    def _name_after(self, pos: int) -> tuple[int, int] | None:
        if not self.text.startswith(" ", pos):
            return None
        span = self._name_tokens(pos + 1)
        if span is None:
            return None
        s, e = span
        if self.proper_at.get(s) and self._phrase(self.proper_at[s]).how != "person":
            known = self.proper_at[s]
            if known.end >= e:
                return None
        return span

    def _name_before(self, pos: int) -> tuple[int, int] | None:
        """ "Sirajuddin Haqqani, Afghanistan's acting interior minister": the name before a comma."""
        m = re.search(r"(?:,\s+)(?:(?:the|a|an)\s+)?$", self.text[max(0, pos - 12) : pos])
        if not m:
            return None
        comma = pos - len(m.group(0))
        m2 = _NAME_BEFORE.search(self.text[max(0, comma - 60) : comma])
        if not m2:
            return None
        s = comma - len(m2.group(1))
        # drop a leading sentence-start word that is not part of the name
        tokens = m2.group(1).split()
        while tokens and tokens[0] in _NOT_NAME:
            s += len(tokens[0]) + 1
            tokens.pop(0)
        if len(tokens) < 2:
            return self._known_single(s, comma, tokens)
        if any(
            self.proper_at.get(s)
            and self._phrase(self.proper_at[s]).how not in ("person",)
            and self.proper_at[s].end >= comma
            for _ in [0]
        ):
            return None
        return s, comma

    def _known_single(self, s: int, e: int, tokens: list[str]) -> tuple[int, int] | None:
        if len(tokens) == 1 and (
            tokens[0] in self.kb.surnames or any(tokens[0] in p.surnames for p in self.people.values())
        ):
            return s, e
        return None

    def _name_after_comma(self, pos: int) -> tuple[int, int] | None:
        """ "Israel's defense minister, Israel Katz": the name after a comma."""
        m = re.match(r",\s+", self.text[pos : pos + 4])
        if not m:
            return None
        span = self._name_tokens(pos + m.end())
        if span is None:
            return None
        s, e = span
        if len(self.text[s:e].split()) < 2:
            return None
        follow = self.text[e : e + 2]
        if follow[:1] not in (",", ".", ";", ")", "") and not re.match(r"\s+[a-z]", self.text[e : e + 3]):
            return None
        return span

    def _person(self, name: str, title: Title, role: str, ctx: Entity | None, pos: int) -> _Person | None:
        name = " ".join(name.split())
        known = self._known_person(name) or self._holder(name, title, ctx)
        if known is not None:
            return known
        if len(name) < 3 or not any(c.islower() for c in name):
            return None
        country, sector = self._person_code(title, ctx, pos)
        if country is None:
            return None
        if self.former:  # out of office: the country's elites, as leaders.yaml codes its own
            sector = "ELI"
            role = role if _FORMER.search(role) else "former " + role
        key = person_key(name)
        if key in self.people:
            return self.people[key]
        # a later full mention of someone met by surname only
        role = " ".join(w if w.isupper() else w[:1].upper() + w[1:] for w in role.split())
        person = _Person(key, name, country, sector, role, "learned")
        self.people[key] = person
        return person

    def _known_person(self, name: str) -> _Person | None:
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

    def met_by_surname(self, form: str) -> _Person | None:
        """The one person met in this article who bears the surname (in match form), if one does."""
        met = [p for p in self.people.values() if form in p.surnames]
        return met[0] if len(met) == 1 else None

    def _holder(self, name: str, title: Title, ctx: Entity | None) -> _Person | None:
        """ "President Bush" in 1990: the one known person of that surname (and first name, if
        given) whose office on the article's date bears the title, in the country named with it;
        a sitting holder before a former one."""
        words = name.split()
        sitting, former = [], []
        for e in self.kb.holders.get(match_form(words[-1]), []):
            if len(words) > 1 and match_form(words[0]) not in match_form(e.name).split():
                continue
            code = e.code_on(self.day)
            if not code.role or (ctx is not None and ctx.code_on(self.day).country != code.country):
                continue
            role = code.role.lower()
            was = role.startswith("former ")
            if _holds_title(role.removeprefix("former "), title.title.removeprefix("ex-")):
                (former if was else sitting).append(e)
        found = (former or sitting) if self.former else (sitting or former)
        return self._from_entity(found[0]) if len(found) == 1 else None

    def _from_entity(self, entity: Entity) -> _Person:
        if entity.key not in self.people:
            code = entity.code_on(self.day)
            self.people[entity.key] = _Person(
                entity.key, entity.name, code.country, code.sector, code.role, entity.origin, entity.surnames
            )
        return self.people[entity.key]

    def _person_code(self, title: Title, ctx: Entity | None, pos: int):
        sector = title.sector
        if title.inherit and self.complement_sector:  # "the head of Iran's armed forces"
            country = ctx.code_on(self.day).country if ctx else self._context_country(pos)
            return country, self.complement_sector
        if ctx is not None:
            code = ctx.code_on(self.day)
            if title.inherit or code.sector in ("IGO",):
                sector = code.sector
            if ctx.kind == "state" or code.sector == "GOV":
                sector = title.sector if not title.inherit else code.sector
            return code.country, sector
        return self._context_country(pos), sector

    def _context_country(self, pos: int) -> str | None:
        """The country named nearest before pos in its sentence (else after it), else the
        country the article names most."""
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
                counts[country] += 1
                states.append((span.start, self._sentence(span.start), country))
            self.states = (states, counts.most_common(1)[0][0] if counts else None)
        return self.states

    def _add_person(self, start: int, end: int, person: _Person, how: str) -> None:
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

    def _anonymous_role(self, t: _Span, title: Title, ctx: Entity | None, role_start: int) -> None:
        """ "A Taliban spokesman", "a senior Pakistani official": a role without a name."""
        if ctx is None or not self._free(role_start, t.end):
            return
        left = self._left_modifier(t.start)[0]
        country, sector = self._person_code(title, ctx, t.start)
        sector = "ELI" if self.former else sector
        key = f"role:{country}:{sector}:{title.title}"
        name = f"{self.text[left : t.end].strip()}"
        name = re.sub(r"^(?i:the|a|an)\s+", "", name)
        actor = Actor(key, name[:1].upper() + name[1:], "person", country, sector, title.title, "learned")
        self._add(left, t.end, actor, "role")

    # --- people named only where they are quoted: "…,” said Bibi Hawa, a mother of five
    def _people_by_attribution(self) -> None:
        for m in (m for pattern in _ATTRIBUTED for m in pattern.finditer(self.text)):
            s, e = m.span("name")
            tokens = m.group("name").split()
            if not self._free(s, e) or any(t in _NOT_NAME for t in tokens):
                continue
            if any(self.proper_at.get(x.start()) for x in re.finditer(r"\S+", self.text[s:e])):
                continue  # a country or organisation, not a person
            name = " ".join(tokens)
            person = self._known_person(name)
            if person is None:
                country = self._context_country(s)
                if country is None:
                    continue
                ordinary = re.match(r",\s+an?\s+[a-z]", self.text[e : e + 8])
                person = _Person(
                    person_key(name), name, country, "CVL" if ordinary else "UNK", None, "learned"
                )
                self.people.setdefault(person.key, person)
            self._add_person(s, e, person, "name")

    # --- "the USS Gerald R. Ford": a navy's ship, whoever it is named after
    def _vessels(self) -> None:
        prefixes = vessel_prefixes()
        for m in _VESSEL.finditer(self.text):
            country = prefixes.get(m.group(1).lower())
            if country is None or not self._free(m.start(), m.end()):
                continue
            label = self.kb.demonym.get(country, country)
            name = f"{label} {self.kb.sector_labels.get('MIL', 'military')}"
            self._add(m.start(), m.end(), Actor(f"{country}/MIL", name, "agent", country, "MIL"), "agent")

    # --- known people by full name
    def _known_people(self, proper: list[_Span]) -> None:
        for span in proper:
            phrase = self._phrase(span)
            if phrase is None or phrase.entity.kind != "person":
                continue
            if not self._free(span.start, span.end):
                continue
            self._add_person(span.start, span.end, self._from_entity(phrase.entity), "name")

    # --- agents: "Pakistani soldiers", "Sudan's army", "Turkish and Qatari officials"
    def _agents(self, nouns: list[_Span], proper: list[_Span]) -> None:
        for n in nouns:
            if not self._free(n.start, n.end):
                continue
            mods = self._agent_modifiers(n.start)
            if not mods:
                continue
            for span, entity in mods:
                actor = self._agent_actor(entity, n.phrase)
                if span is mods[-1][0]:
                    self._add(span.start, n.end, actor, "agent")
                else:
                    self._add(span.start, span.end, actor, "agent")

    def _agent_modifiers(self, pos: int) -> list[tuple[_Span, Entity]]:
        """Countries or organisations right before a sector noun (one adjective may intervene)."""
        head = self.mt[max(0, pos - 40) : pos]
        m = re.search(r"(?:['’]s\s+|\s+)(?:(?:[a-z][\w-]*)\s+)?$", head)
        if not m:
            return []
        end = pos - len(m.group(0))
        if m.group(0).startswith(("'", "’")) and not re.match(r"['’]s\s", m.group(0)):
            return []
        between = re.sub(r"^['’]s\s+", "", m.group(0)).strip()
        if between and (
            between in self.kb.sector_nouns
            or between in _FUNCTION_WORDS
            or (between.endswith("ed") and between not in _PARTICIPLE_ADJECTIVES)
            or between in _IRREGULAR_PAST
        ):
            return []  # "Britain mobilized army", "Baghdad between insurgents": not one phrase
        span = self.proper_end.get(end)
        if span is None or not self._free(span.start, span.end):
            return []
        phrase = self._phrase(span)
        if phrase is None or phrase.entity.kind in _PERSON_KINDS:
            return []
        out = [(span, phrase.entity)]
        # coordinated: "Turkish and Qatari officials"
        m2 = re.search(r"\s+(?:and|,)\s+$", self.mt[max(0, span.start - 8) : span.start])
        if m2:
            prev = self.proper_end.get(span.start - len(m2.group(0)))
            if prev is not None and self._free(prev.start, prev.end):
                pp = self._phrase(prev)
                if pp is not None and pp.how == phrase.how and pp.entity.kind not in _PERSON_KINDS:
                    out.insert(0, (prev, pp.entity))
        return out

    def _agent_actor(self, entity: Entity, noun: str) -> Actor:
        """The actor a sector noun names with its country or organisation: "Pakistani soldiers"
        is the Pakistani military, "the Afghan delegation" a body of its own."""
        sector = self.kb.sector_nouns[noun]
        role = self.kb.agent_roles.get(noun)
        code = entity.code_on(self.day)
        if code.sector == sector and entity.kind != "person" and role is None:
            return self._actor(entity)
        country = code.country
        label = self.kb.demonym.get(country, entity.name) if entity.kind == "state" else entity.name
        if role is not None:
            return Actor(
                f"{country}/{sector}/{role}", f"{label} {role}", "agent", country, sector, role, "dictionary"
            )
        name = f"{label} {self.kb.sector_labels.get(sector, sector.lower())}"
        return Actor(f"{country}/{sector}", name, "agent", country, sector, None, "dictionary")

    # --- countries, capitals, demonyms, organisations
    def _dictionary(self, proper: list[_Span]) -> None:
        for span in proper:
            if not self._free(span.start, span.end):
                continue
            phrase = self._phrase(span)
            if phrase is None or phrase.entity.kind == "person":
                continue
            if phrase.how == "weak":
                word = span.phrase
                if any(word in p.surnames for p in self.people.values()):
                    continue
            self._add(span.start, span.end, self._actor(phrase.entity), phrase.how)

    # --- later mentions by surname: "Asif", "Burhan"
    def _surnames(self) -> None:
        forms: dict[str, _Person | Entity] = {}
        for person in self.people.values():
            for s in person.surnames:
                forms.setdefault(match_form(s), person)
        # known people named only by surname
        for form, entities in self.kb.surnames.items():
            if form in self.kb.ambiguous_surnames:  # "Khan", "Singh": many people bear them
                continue
            if (
                form not in forms
                and len(entities) == 1
                and form in self.mt
                and not self._others_sitting(form, entities[0])
            ):
                forms[form] = entities[0]
        for form, entity in self._sitting_by_surname():
            forms.setdefault(form, entity)
        for span in _longest(self._occurrences(forms)):
            if not self._free(span.start, span.end) or self._given_name_before(span.start):
                continue  # "Rosa Ortega" is not Daniel Ortega
            found = forms[span.phrase]
            person = found if isinstance(found, _Person) else self._from_entity(found)
            self._add_person(span.start, span.end, person, "surname")

    def _given_name_before(self, pos: int) -> bool:
        """A capitalised word right before pos, inside its sentence, that is no day, month or
        place word: another person's given name ("Rosa Ortega" is not Daniel Ortega)."""
        m = _GIVEN_NAME_BEFORE.search(self.text, max(0, pos - 40), pos)
        return m is not None and m.group(1).lower() not in thing_words()

    def _occurrences(self, forms) -> list[_Span]:
        """Every whole-word occurrence of the forms in the text (a hyphen joins words)."""
        out, mt = [], self.mt
        for form in forms:
            at = mt.find(form)
            while at >= 0:
                end = at + len(form)
                before = mt[at - 1] if at else " "
                after = mt[end] if end < len(mt) else " "
                if not (before.isalnum() or before in "_-" or after.isalnum() or after in "_-"):
                    out.append(_Span(at, end, form))
                at = mt.find(form, at + 1)
        return out

    def _sitting_by_surname(self) -> list[tuple[str, Entity]]:
        """ "Obama said" in 2014, "Erdogan warned": the one known person of that surname in office
        on the article's date (not an ambiguous surname: "May", "Park", "Begin")."""
        out = []
        for end, form in self.kb.holder_automaton.iter(self.mt):
            start = end - len(form) + 1
            before = self.mt[start - 1] if start else " "
            after = self.mt[end + 1] if end + 1 < len(self.mt) else " "
            if before.isalnum() or after.isalnum() or form in self.kb.ambiguous_surnames:
                continue
            sitting = [e for e in self.kb.holders[form] if e.code_on(self.day).sector != "ELI"]
            if len(sitting) == 1:
                out.append((form, sitting[0]))
        return out

    def _others_sitting(self, form: str, entity: Entity) -> bool:
        """Someone else of that surname in office on the day ("Vance" in 1978 is not JD Vance)."""
        return any(
            e.key != entity.key and e.code_on(self.day).sector != "ELI" for e in self.kb.holders.get(form, [])
        )

    # --- "the defence minister", "the minister": the person last named with that role
    def _roles(self, titles: list[_Span]) -> None:
        for t in titles:
            if not self._free(t.start, t.end) or after_courtesy(self.text, t.start):
                continue
            det = _DETERMINER.search(self.text[max(0, t.start - 30) : t.start])
            mod_start = self._skip_modifiers(t.start)
            det = _DETERMINER.search(self.text[max(0, mod_start - 6) : mod_start])
            if not det:
                continue
            person = self._person_with_role(t.phrase, t.start)
            if person is not None:
                self._add_person(mod_start - len(det.group(0).lstrip()), t.end, person, "role")

    def _person_with_role(self, title: str, pos: int) -> _Person | None:
        """The person of the last mention before pos whose role holds the title ("the minister").
        Each title keeps the mentions that fit it, by position, so that a long article is not
        scanned again for each title; people are only ever added, so the list is redone when one is."""
        head = _spelling(title)
        index = self.role_index.get(head)
        if index is None or index[1] != len(self.people):
            index = self.role_index[head] = [0, len(self.people), [], []]
        seen, _, starts, people = index
        for m in self.mentions[seen:]:
            person = self.people.get(m.actor_key)
            if person is not None and person.role and head in _spelling(person.role.lower()):
                at = bisect.bisect_right(starts, m.start)  # after those at the same place: found first
                starts.insert(at, m.start)
                people.insert(at, person)
        index[0] = len(self.mentions)
        before = bisect.bisect_left(starts, pos) - 1
        return people[bisect.bisect_left(starts, starts[before])] if before >= 0 else None

    # --- "the network": the organisation last named with that head noun
    def _definite_descriptions(self) -> None:
        heads: dict[str, list[Mention]] = {}
        for m in self.mentions:
            actor = self.actors[m.actor_key]
            head = actor.name.split()[-1].lower()
            if actor.kind not in ("person", "state", "agent") and head in _HEADS:
                heads.setdefault(head, []).append(m)
        for head, named in heads.items():
            for d in re.finditer(rf"\b[Tt]he {head}\b", self.text):
                if not self._free(d.start(), d.end()):
                    continue
                earlier = [m for m in named if m.start < d.start()]
                if earlier:
                    actor = self.actors[earlier[-1].actor_key]
                    self._add(d.start(), d.end(), actor, "definite")

    # --- "the army", "civilians": the country comes from the sentence or the article
    def _bare_agents(self, nouns: list[_Span]) -> None:
        for n in nouns:
            if n.phrase not in self.kb.bare_nouns or not self._free(n.start, n.end):
                continue
            country = self._context_country(n.start)
            entity = self.kb.entities.get(country) if country else None
            if entity is not None:
                self._add(n.start, n.end, self._agent_actor(entity, n.phrase), "agent")
            elif country is None:  # "gunmen", "lawmakers" with no country named: the sector alone
                sector = self.kb.sector_nouns[n.phrase]
                label = self.kb.sector_labels.get(sector, sector.lower())
                self._add(
                    n.start, n.end, Actor(f"/{sector}", label, "agent", "", sector, None, "learned"), "agent"
                )


_FUNCTION_WORDS = frozenset(
    [
        "and",
        "or",
        "of",
        "said",
        "says",
        "in",
        "on",
        "at",
        "for",
        "with",
        "from",
        "by",
        "to",
        "between",
        "against",
        "after",
        "before",
        "over",
        "under",
        "into",
        "near",
        "as",
        "than",
        "that",
        "the",
        "a",
        "an",
        "its",
        "their",
        "his",
        "her",
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "will",
        "would",
    ]
)
# irregular past tenses: "the administration sent warships" is no "administration warships"
_IRREGULAR_PAST = frozenset(
    [
        "sent",
        "led",
        "held",
        "fought",
        "took",
        "gave",
        "met",
        "said",
        "told",
        "struck",
        "shot",
        "left",
        "began",
        "won",
        "lost",
        "saw",
        "hit",
        "cut",
        "put",
        "set",
        "made",
        "kept",
        "brought",
        "sought",
        "built",
        "went",
        "came",
        "became",
        "ran",
        "broke",
        "spoke",
        "wrote",
        "drove",
        "chose",
        "rose",
        "fell",
        "drew",
        "grew",
        "threw",
        "flew",
        "withdrew",
        "overran",
        "beat",
        "bought",
        "caught",
        "fled",
        "hid",
        "paid",
        "sold",
        "stood",
        "spent",
        "swept",
    ]
)
_PARTICIPLE_ADJECTIVES = frozenset(
    [
        "armed",
        "allied",
        "united",
        "unidentified",
        "unnamed",
        "backed",
        "so-called",
        "hardline",
        "displaced",
        "detained",
        "wounded",
    ]
)
_HEADS = frozenset(
    (
        "network",
        "group",
        "movement",
        "front",
        "alliance",
        "council",
        "party",
        "organisation",
        "organization",
        "agency",
        "militia",
        "court",
        "office",
        "committee",
        "coalition",
        "union",
        "league",
        "corps",
        "administration",
        "ministry",
        "department",
        "commission",
    )
)


def _spelling(s: str) -> str:
    return s.replace("defense", "defence").replace("-", " ")


def _longest(spans: list[_Span]) -> list[_Span]:
    """Leftmost-longest non-overlapping spans."""
    spans.sort(key=lambda s: (s.start, -(s.end - s.start)))
    out: list[_Span] = []
    last_end = -1
    for s in spans:
        if s.start >= last_end:
            out.append(s)
            last_end = s.end
    return out
