"""Generic actors: sector nouns with the country or organisation before them ("Pakistani
soldiers", "Sudan's army"), or with the country of their sentence ("the army", "gunmen"); and
ethnic minorities, coded to the country they live in."""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from ...knowledge import Entity
from ...knowledge.schema import INTERNATIONAL
from ...linguistic.inflection import verb_forms
from ...linguistic.parse import base as parse_base
from ...linguistic.parse import token_starting
from ...model import Actor, Mention
from .spans import Span, in_name
from .words import FUNCTION_WORDS, IRREGULAR_PAST, PARTICIPLE_ADJECTIVES

if TYPE_CHECKING:
    from .finder import Finder

_PERSON_KINDS = frozenset({"person"})
# verbs whose object is the subject's own forces: "offered to send troops", "deployed soldiers"
# (not "killed four fighters", the enemy's)
_DEPLOYING = frozenset(
    f
    for v in (
        "send",
        "deploy",
        "dispatch",
        "station",
        "mobilize",
        "mobilise",
        "withdraw",
        "pull",
        "move",
        "contribute",
        "commit",
        "train",
        "arm",
        "equip",
        "recruit",
        "mass",
        "amass",
    )
    for f in verb_forms(v)
)
_ETHNIC = re.compile(r"(?i)\bethnic\s+$")
_PEOPLE_OF = re.compile(r"\s+of\s+(?:the\s+)?(?:(?:southern|northern|eastern|western|central)\s+)?")


def agents(f: Finder, nouns: list[Span]) -> None:
    """ "Pakistani soldiers", "Sudan's army", "Turkish and Qatari officials": each country or
    organisation before a free sector noun, with the noun's sector."""
    for n in nouns:
        if not f._free(n.start, n.end):
            continue
        mods = _agent_modifiers(f, n.start)
        if not mods:
            continue
        for span, entity in mods:
            actor = agent_actor(f, entity, n.phrase)
            if span is mods[-1][0]:
                f._add(span.start, n.end, actor, "agent")
            else:
                f._add(span.start, span.end, actor, "agent")


def _agent_modifiers(f: Finder, pos: int) -> list[tuple[Span, Entity]]:
    """Countries or organisations right before a sector noun (one adjective may intervene)."""
    head = f.mt[max(0, pos - 40) : pos]
    m = re.search(r"(?:['’]s\s+|\s+)(?:(?:[a-z][\w-]*)\s+)?$", head)
    if not m:
        return []
    end = pos - len(m.group(0))
    if m.group(0).startswith(("'", "’")) and not re.match(r"['’]s\s", m.group(0)):
        return []
    between = re.sub(r"^['’]s\s+", "", m.group(0)).strip()
    if between and (
        between in f.kb.sector_nouns
        or between in FUNCTION_WORDS
        or (between.endswith("ed") and between not in PARTICIPLE_ADJECTIVES)
        or between in IRREGULAR_PAST
    ):
        return []  # "Britain mobilized army", "Baghdad between insurgents": not one phrase
    span = f.proper_end.get(end)
    if span is None or not f._free(span.start, span.end):
        return []
    phrase = f._phrase(span)
    if phrase is None or phrase.entity.kind in _PERSON_KINDS:
        return []
    return [*_coordinated(f, span, phrase.how), (span, phrase.entity)]


def _coordinated(f: Finder, span: Span, how: str) -> list[tuple[Span, Entity]]:
    """The country or organisation coordinated before another: "Turkish and Qatari officials"."""
    m2 = re.search(r"\s+(?:and|,)\s+$", f.mt[max(0, span.start - 8) : span.start])
    if m2:
        prev = f.proper_end.get(span.start - len(m2.group(0)))
        if prev is not None and f._free(prev.start, prev.end):
            pp = f._phrase(prev)
            if pp is not None and pp.how == how and pp.entity.kind not in _PERSON_KINDS:
                return [(prev, pp.entity)]
    return []


def agent_actor(f: Finder, entity: Entity, noun: str) -> Actor:
    """The actor a sector noun names with its country or organisation: "Pakistani soldiers"
    is the Pakistani military, "the Afghan delegation" a body of its own."""
    sector = f.kb.sector_nouns[noun]
    role = f.kb.agent_roles.get(noun)
    code = entity.code_on(f.day)
    if code.sector == sector and entity.kind != "person" and role is None:
        return f._actor(entity)
    country = code.country
    label = f.kb.demonym.get(country, entity.name) if entity.kind == "state" else entity.name
    if role is not None:
        return Actor(
            f"{country}/{sector}/{role}", f"{label} {role}", "agent", country, sector, role, "dictionary"
        )
    name = f"{label} {f.kb.sector_labels.get(sector, sector.lower())}"
    return Actor(f"{country}/{sector}", name, "agent", country, sector, None, "dictionary")


_ARMED = frozenset({"MIL", "PRM", "REB", "UAF"})  # often abroad: "troops in Syria"


_KIND_WORDS = re.compile(r"(?:\s+[a-z][\w-]*){1,3}\s+$")  # " war crimes ": what kind of court


def _modified(f: Finder, start: int) -> bool:
    """Whether an organisation's name modifies the noun over words of its kind ("the U.N. war
    crimes court"): the noun is that organisation's, not the country's around it. In a parsed
    sentence the name must be in the noun's phrase ("attacked an army camp" is no such case)."""
    gap = _KIND_WORDS.search(f.text, max(0, start - 40), start)
    if gap is None or f._free(gap.start() - 1, gap.start()):
        return False
    owner = next((m for m in reversed(f.mentions) if m.end == gap.start()), None)
    if owner is None or f.actors[owner.actor_key].kind not in ("igo", "group", "org"):
        return False
    doc = f.a.parses.get(f._sentence(start))
    if doc is None:
        return True
    noun = token_starting(doc, start)
    if noun is None:
        return True
    phrase = noun.head if noun.dep_ == "compound" else noun  # "the army camp": the camp's phrase
    return phrase.left_edge.idx <= owner.start - parse_base(doc)


def bare_agents(f: Finder, nouns: list[Span]) -> None:
    """ "the army", "civilians": the country comes from the sentence or the article."""
    people = {m.end: m for m in f.mentions if f.actors[m.actor_key].kind == "person"}
    for n in nouns:
        if n.phrase not in f.kb.bare_nouns or not f._free(n.start, n.end) or _modified(f, n.start):
            continue
        if in_name(f.text, n.start, n.end):
            continue  # "the Greenleaf Dockworkers Union": a word of a name, which the parse may learn
        armed = f.kb.sector_nouns[n.phrase] in _ARMED
        country = _leaders(f, people, n.start) or f._context_country(n.start, None if armed else n.end)
        if armed:  # "Obama offered to send troops to Uganda": the sender's troops
            country = _sender(f, n.start) or country
        entity = f.kb.entities.get(country) if country else None
        if entity is not None:
            f._add(n.start, n.end, agent_actor(f, entity, n.phrase), "agent")
        elif country is None:  # "gunmen", "lawmakers" with no country named: the sector alone
            sector = f.kb.sector_nouns[n.phrase]
            label = f.kb.sector_labels.get(sector, sector.lower())
            f._add(n.start, n.end, Actor(f"/{sector}", label, "agent", "", sector, None, "learned"), "agent")


_OWNER_GAP = re.compile(r"(?:['’]s)?\s+$")


def _leaders(f: Finder, people: dict[int, Mention], pos: int) -> str | None:
    """The country of the person named right before a noun ("the Modi government", "Assad's
    forces"): theirs, not the country named nearest."""
    gap = _OWNER_GAP.search(f.text, max(0, pos - 6), pos)
    person = people.get(gap.start()) if gap is not None else None
    if person is None:
        return None
    return f.actors[person.actor_key].country or None


def _sender(f: Finder, pos: int) -> str | None:
    """The country of the subject whose object the noun at pos is, as the parse shows it, for a
    verb that moves one's own forces: whose troops "President Obama offered to send troops to
    Uganda" are (Obama's, not Uganda's)."""
    doc = f.a.parses.get(f._sentence(pos))
    tok = token_starting(doc, pos) if doc is not None else None
    while tok is not None and tok.dep_ == "compound":
        tok = tok.head
    if tok is None or tok.dep_ != "dobj" or sum(c.dep_ == "dobj" for c in tok.head.children) > 1:
        return None  # two objects: a misread ("accused Kabul of harbouring ... fighters")
    verb = tok.head
    if verb.lower_ not in _DEPLOYING:
        return None
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None or verb.dep_ not in ("xcomp", "conj") or verb.head.i == verb.i:
            break
        verb = verb.head
    if subject is None:
        return None
    base = parse_base(doc)
    s, e = base + subject.left_edge.idx, base + subject.idx + len(subject)
    for m in f.mentions:
        if s <= m.start and m.end <= e and not m.locative:
            c = f.actors[m.actor_key].country
            if c and c not in INTERNATIONAL:
                return c
    return None


def ethnic_minorities(f: Finder) -> None:
    """ "Ethnic Albanians in Serbia", "the Albanians of southern Serbia" are coded to the country
    they live in (CAMEO's convention): the one named, else the nearest other country named in
    their sentence; with none, to their kin state."""
    replaced: set[str] = set()
    starts = [m.start for m in f.mentions]  # sorted; a mention replaced keeps its place
    in_sentence: dict[int, list[int]] = {}
    for i, m in enumerate(f.mentions):
        in_sentence.setdefault(m.sentence, []).append(i)
    for i, m in enumerate(f.mentions):
        kin = f.actors[m.actor_key]
        others = _homes(f, m, kin, starts, in_sentence)
        if others is None:
            continue
        others = [x for x in others if f.actors[x.actor_key].country != kin.country]
        if not others:
            continue
        home = f.actors[min(others, key=lambda x: abs(x.start - m.start)).actor_key].country
        sector = kin.sector if kin.kind == "agent" else "CVL"
        label = f.kb.demonym.get(kin.country, kin.name)
        actor = Actor(
            f"{home}/{sector}/ethnic-{kin.country}", f"ethnic {label} in {home}", "agent", home, sector
        )
        f.actors.setdefault(actor.key, actor)
        f.mentions[i] = Mention(m.start, m.end, m.text, actor.key, m.sentence, m.how, m.locative)
        replaced.add(kin.key)
    used = {m.actor_key for m in f.mentions}
    for key in replaced - used:
        del f.actors[key]


def _homes(
    f: Finder, m: Mention, kin: Actor, starts: list[int], in_sentence: dict[int, list[int]]
) -> list[Mention] | None:
    """The mentions that may name where an ethnic group lives: the state after "the Albanians
    of", else, after "ethnic", the other countries of the sentence; None: no ethnic group."""
    of = _PEOPLE_OF.match(f.text, m.end) if m.how == "demonym" and m.text.endswith("s") else None
    if of is not None:  # "the Albanians of southern Serbia"
        at = bisect.bisect_left(starts, of.end())
        where = f.mentions[at] if at < len(starts) and starts[at] == of.end() else None
        return [where] if where and f.actors[where.actor_key].kind == "state" else []
    if _ETHNIC.search(f.text[max(0, m.start - 8) : m.start]):
        return [
            x
            for x in (f.mentions[j] for j in in_sentence[m.sentence])
            if f.actors[x.actor_key].country not in (kin.country, *INTERNATIONAL)
        ]
    return None
