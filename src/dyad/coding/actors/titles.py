"""People introduced by a title: "Defence Minister Khawaja Asif", "Sirajuddin Haqqani,
Afghanistan's acting interior minister", "a Taliban spokesman", "President Bush" in 1990."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...knowledge import Entity, Title, match_form, person_key
from ...linguistic.parse import base
from ...model import Actor
from ..entities import after_courtesy
from .names import DETERMINER, name_after, name_after_comma, name_before, skip_modifiers
from .people import Person, holds_title
from .resolution import person_with_role
from .spans import Span
from .words import NOT_NAME

if TYPE_CHECKING:
    from .finder import Finder

_PERSON_KINDS = frozenset({"person"})
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})  # a finite verb: a clause, no role words
_AUXILIARIES = frozenset(
    {"has", "have", "had", "is", "are", "was", "were", "be", "been", "will", "would", "shall", "should"}
    | {"can", "could", "may", "might", "must"}
)
_FORMER = re.compile(r"(?i)\b(?:former|ex)\b")  # "former President X", "ex-minister X": out of office


def people_by_title(f: Finder, titles: list[Span]) -> None:
    """Each title that no mention has taken, outside headlines and not after "Mr." ("Mr. King"
    is a surname), with the person it introduces."""
    for t in titles:
        if not f._free(t.start, t.end) or f._in_headline(t.start) or after_courtesy(f.text, t.start):
            continue
        _read_title(f, t)


def _read_title(f: Finder, t: Span) -> None:
    """A title with its modifiers, its country or organisation, and the name beside it."""
    title = f.kb.titles[t.phrase]
    left, who, role_start = _left_modifier(f, t.start)
    f.complement_sector = None
    f.former = bool(_FORMER.search(f.text[left : t.end]))
    comp_end, comp = _complement(f, t.end)
    ctx = who or comp
    end = comp_end if comp else t.end
    name_span = name_after(f, end) or name_before(f, left) or name_after_comma(f, end)
    if name_span is None:
        _unnamed(f, t, title, ctx, left if who is not None else role_start, role_start, end)
        return
    s, e = name_span
    person = _person(f, f.text[s:e], title, f.text[role_start : t.end], ctx, s)
    if person is None:
        return
    role_from = left if who is not None else role_start
    if s > t.start:  # "TTP leader Noor Wali Mehsud", "Israel's defense minister, Israel Katz"
        f._add_person(role_from, e, person, "title")
    else:  # "Sirajuddin Haqqani, Afghanistan's acting interior minister"
        f._add_person(s, e, person, "name")
        f._add_person(role_from, t.end, person, "title")


def _unnamed(
    f: Finder, t: Span, title: Title, ctx: Entity | None, start: int, role_start: int, end: int
) -> None:
    """A title with no name beside it: the person named with that role ("Defence Minister of
    Pakistan concluded"), else a role of its own ("a Taliban spokesman")."""
    holder = person_with_role(f, t.phrase, t.start)
    if holder is not None and (ctx is None or ctx.code_on(f.day).country == holder.country):
        det = DETERMINER.search(f.text[max(0, start - 6) : start])
        start -= len(det.group(0).lstrip()) if det else 0
        f._add_person(start, end, holder, "role")
    else:
        _anonymous_role(f, t, title, ctx, role_start)


def _left_modifier(f: Finder, pos: int) -> tuple[int, Entity | None, int]:
    """What stands before a title: modifiers ("acting"), and a country or organisation
    ("Pakistan's", "Afghan", "TTP"). Returns (start of all that, the entity, start of role)."""
    start = role_start = skip_modifiers(f, pos)
    span = _entity_ending_at(f, start)
    if span is None:
        start, span = _role_words(f, start)
        role_start = start
    entity = None
    if span is not None:
        phrase = f._phrase(span)
        if phrase is not None and phrase.entity.kind not in _PERSON_KINDS:
            entity = phrase.entity
            start = skip_modifiers(f, span.start)
    return start, entity, role_start


def _role_words(f: Finder, start: int) -> tuple[int, Span | None]:
    """Words of the role itself before a title ("the Foreign Office spokesman", "the UN
    humanitarian chief"): where the role starts (start if it has none), and a country or
    organisation phrase ending before those words."""
    words = re.search(
        r"((?:[A-Z][\w-]*\s+){1,3}|(?:[a-z][\w-]*\s+){1,2})$", f.text[max(0, start - 40) : start]
    )
    if not words or DETERMINER.search(" " + words.group(0)):
        return start, None
    inner = start - len(words.group(0))
    if _verbal(f, inner, start):
        return start, None  # "Argentina has released former Vice President …": no role words
    span = _entity_ending_at(f, inner)
    first = f.text[inner:start].split()[0]
    if (span is not None or first[0].isupper()) and first not in NOT_NAME:
        return inner, span
    return start, span


def _verbal(f: Finder, start: int, end: int) -> bool:
    """Whether the words in [start, end) hold a verb: in the parse where the sentence was
    parsed, else an auxiliary."""
    doc = f.a.parses.get(f._sentence(start))
    if doc is None:
        return any(w.lower() in _AUXILIARIES for w in f.text[start:end].split())
    off = base(doc)
    return any(
        start <= off + t.idx < end and (t.tag_ in _FINITE or t.dep_ in ("aux", "auxpass", "ROOT"))
        for t in doc
    )


def _entity_ending_at(f: Finder, pos: int) -> Span | None:
    """A country or organisation phrase ending right before pos ("Pakistan's ", "TTP ")."""
    j = pos
    while j > 0 and f.text[j - 1] == " ":
        j -= 1
    tail = max(0, j - 3)  # the possessive's end, not all the text before it (n² over an article)
    poss = re.search(r"['’]s?$", f.mt[tail:j])
    return f.proper_end.get(tail + poss.start() if poss else j)


def _complement(f: Finder, pos: int) -> tuple[int, Entity | None]:
    """ "of Pakistan", "for the Islamic Emirate of Afghanistan", "of Iran's armed forces"."""
    m = re.match(r"\s+(?:of|for|on|to|at)\s+(?:the\s+)?", f.text[pos : pos + 20])
    if not m:
        return pos, None
    start = pos + m.end()
    span = f.proper_at.get(start)
    if span is None:
        return pos, None
    phrase = f._phrase(span)
    if phrase is None or phrase.entity.kind in _PERSON_KINDS:
        return pos, None
    end = span.end
    rest = re.match(r"['’]s\s+((?:[\w-]+\s+)?[\w-]+)|\s+affairs", f.text[end : end + 40])
    if rest:
        end += rest.end()
        words = (rest.group(1) or "").lower()
        noun = words if words in f.kb.sector_nouns else words.split(" ")[-1]
        if noun in f.kb.sector_nouns:
            f.complement_sector = f.kb.sector_nouns[noun]
    return end, phrase.entity


def _person(f: Finder, name: str, title: Title, role: str, ctx: Entity | None, pos: int) -> Person | None:
    """The person a title names: known, the title's holder on the day, or learned from the text."""
    name = " ".join(name.split())
    known = f._known_person(name) or _holder(f, name, title, ctx)
    if known is not None:
        return known
    if len(name) < 3 or not any(c.islower() for c in name):
        return None
    country, sector = _person_code(f, title, ctx, pos)
    if country is None:
        return None
    if f.former:  # out of office: the country's elites, as leaders.yaml codes its own
        sector = "ELI"
        role = role if _FORMER.search(role) else "former " + role
    key = person_key(name)
    if key in f.people:
        return f.people[key]
    # a later full mention of someone met by surname only
    role = " ".join(w if w.isupper() else w[:1].upper() + w[1:] for w in role.split())
    person = Person(key, name, country, sector, role, "learned")
    f.people[key] = person
    return person


def _holder(f: Finder, name: str, title: Title, ctx: Entity | None) -> Person | None:
    """ "President Bush" in 1990: the one known person of that surname (and first name, if
    given) whose office on the article's date bears the title, in the country named with it;
    a sitting holder before a former one."""
    words = name.split()
    sitting, former = [], []
    for e in f.kb.holders.get(match_form(words[-1]), []):
        if len(words) > 1 and match_form(words[0]) not in match_form(e.name).split():
            continue
        code = e.code_on(f.day)
        if not code.role or (ctx is not None and ctx.code_on(f.day).country != code.country):
            continue
        role = code.role.lower()
        was = role.startswith("former ")
        if holds_title(role.removeprefix("former "), title.title.removeprefix("ex-")):
            (former if was else sitting).append(e)
    found = (former or sitting) if f.former else (sitting or former)
    return f._from_entity(found[0]) if len(found) == 1 else None


def _person_code(f: Finder, title: Title, ctx: Entity | None, pos: int) -> tuple[str | None, str]:
    """The country and sector of a person the title introduces, from its context."""
    sector = title.sector
    if title.inherit and f.complement_sector:  # "the head of Iran's armed forces"
        country = ctx.code_on(f.day).country if ctx else f._context_country(pos)
        return country, f.complement_sector
    if ctx is not None:
        code = ctx.code_on(f.day)
        if title.inherit or code.sector in ("IGO",):
            sector = code.sector
        if ctx.kind == "state" or code.sector == "GOV":
            sector = title.sector if not title.inherit else code.sector
        return code.country, sector
    return f._context_country(pos), sector


def _anonymous_role(f: Finder, t: Span, title: Title, ctx: Entity | None, role_start: int) -> None:
    """ "A Taliban spokesman", "a senior Pakistani official": a role without a name; "the prime
    minister" with no country named holds the office of the country in context."""
    if not f._free(role_start, t.end):
        return
    definite = re.search(r"(?i)\bthe\s+$", f.text[max(0, role_start - 5) : role_start])
    if ctx is None and (definite is None or title.sector != "GOV"):
        return
    left = _left_modifier(f, t.start)[0]
    country, sector = _person_code(f, title, ctx, t.start)
    if country is None and title.inherit:
        return
    sector = "ELI" if f.former else sector
    key = f"role:{country or ''}:{sector}:{title.title}"
    name = f"{f.text[left : t.end].strip()}"
    name = re.sub(r"^(?i:the|a|an)\s+", "", name)
    actor = Actor(key, name[:1].upper() + name[1:], "person", country or "", sector, title.title, "learned")
    if country is None:
        f.offices.append((left, t.end, actor))  # may yet be someone met: see unplaced_offices
    else:
        f._add(left, t.end, actor, "role")


def unplaced_offices(f: Finder, titles: list[Span]) -> None:
    """ "the prime minister" where no country is named and no pass found who holds the office:
    the office all the same, with no country; not where someone is named with that title
    ("Mayor Ines Varga met ... the mayor said": the quotation stage gives it to her)."""
    if not f.offices:
        return
    by_end = {t.end: t.phrase for t in titles}
    titled = set()
    for m in f.mentions:
        if f.actors[m.actor_key].kind == "person":
            before = m.start
            while before > 0 and f.text[before - 1].isspace():
                before -= 1
            titled.add(by_end.get(before))
    for start, end, actor in f.offices:
        if f._free(start, end) and actor.role not in titled:
            f._add(start, end, actor, "role")
