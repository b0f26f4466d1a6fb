"""Where each event happened: a place in the trigger's clause, else in its sentence, else the
article's dateline, else none; resolved against the gazetteer (GeoNames with dyad's places)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Article, Event
from .gazetteer import Gazetteer, Place, divisions, load_gazetteer
from .timeref import CALENDAR_WORDS

# a capitalised run of up to four words: a place name as written
_NAME = r"[A-Z][\w’'.-]*[\w’']?(?:[ -](?:al-|el-|de |del |of )?[A-Z][\w’'-]*){0,3}"
# "in", "at", "near" ... a place, perhaps after "the eastern province of"
_LOCATIVE = re.compile(
    r"\b(?:in|at|near|outside|inside|around|across|into|over|towards?|through|on)\s+"
    r"(?:the\s+)?(?P<cue>(?:[a-z]+\s+){0,2}(?:city|town|village|province|district|region|state|port|"
    r"capital|area|crossing|camp|base)\s+of\s+)?(?P<name>" + _NAME + ")"
)
_CUED = re.compile(r"\s+(?:province|district|city|town|village|region|border crossing|crossing)\b")
# "KABUL, October 10 —", "ISLAMABAD (Reuters) -", "NEW DELHI/KABUL, Oct 12 –"
_DATELINE = re.compile(
    r"^(?P<name>[A-Z][A-Z’'. -]{2,40}?)(?:/[A-Z][A-Z’'. -]+)*\s*"
    r"(?:,\s*(?P<country>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}))?"
    r"(?:,\s*(?P<date>[A-Z][a-z]{2,8}\.? \d{1,2}|\d{1,2} [A-Z][a-z]{2,8})|"
    r"\((?:[^()\n]{1,60})\)\s*[—–-]|[—–-]{1,2}\s)",
    re.MULTILINE,
)
_NOT_PLACES = frozenset(
    [
        *CALENDAR_WORDS,
        "The",
        "A",
        "An",
        "This",
        "That",
        "His",
        "Her",
        "Their",
        "Its",
        "Our",
        "My",
        "He",
        "She",
        "They",
        "We",
        "It",
        "I",
        "Parliament",
        "Congress",
        "Senate",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
    ]
)
# where a clause ends: the trigger's place lies between two of these
_CLAUSE_END = re.compile(r"[;:—–]|,\s+(?:and|but|while|as|after|before|which|who|where|when|hours)\b")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place named in the text, with the country the text or dyad's places give it."""

    start: int
    end: int
    written: str
    country: str | None = None  # from dyad's places.yaml or the actors file
    is_country: bool = False  # the name of a country ("in Afghanistan")


def find_locations(article: Article, points: dict[str, tuple[float, float, str]] | None = None) -> None:
    """Fill each event's geo_* fields (see the module docstring); names no gazetteer knows are
    kept as written, without coordinates. `points`: places the user gave coordinates."""
    if not article.events:
        return
    gaz = load_gazetteer()
    dateline = _dateline(article)
    known = {a.country for a in article.actors.values() if a.country}
    by_sentence: dict[int, list[Candidate]] = {}
    for event in article.events:
        if event.sentence not in by_sentence:
            by_sentence[event.sentence] = _candidates(article, event.sentence, dateline)
        own = {article.actors[k].country for k in (*event.source_keys, *event.target_keys)} - {""}
        _locate(event, article, by_sentence[event.sentence], dateline, gaz, known, own, points or {})


def _locate(
    event: Event,
    article: Article,
    candidates: list[Candidate],
    dateline: Candidate | None,
    gaz: Gazetteer,
    known: set[str],
    own: set[str],
    points: dict[str, tuple[float, float, str]],
) -> None:
    at = _trigger_at(article, event)
    lo, hi = _clause(article, event, at)
    clause = [c for c in candidates if lo <= c.start and c.end <= hi]
    for where, found in (("clause", clause), ("sentence", candidates), ("dateline", [dateline])):
        found = [c for c in found if c is not None]
        if not found:
            continue
        resolved = [(c, _user_point(c, points) or _resolve(c, gaz, known, own)) for c in found]
        # a place the gazetteer knows before one it does not; then the one nearest the trigger
        best, place = min(resolved, key=lambda cp: (cp[1] is None, _distance(cp[0], at)))
        _fill(event, where, best, place)
        return


def _fill(event: Event, where: str, candidate: Candidate, place: Place | None) -> None:
    event.geo_from = where
    event.geo_name = candidate.written
    event.geo_country = candidate.country
    if place is None:
        return
    event.geo_resolved = place.name if place.precision != "country" or candidate.is_country else None
    event.geo_resolved = event.geo_resolved or candidate.written
    event.geo_country, event.geo_adm1, event.geo_feature = place.country, place.adm1, place.feature
    event.geo_lat, event.geo_lon, event.geo_precision = place.lat, place.lon, place.precision


def _user_point(c: Candidate, points: dict[str, tuple[float, float, str]]) -> Place | None:
    """A place the user's actors file gives coordinates (before the gazetteer: the user knows)."""
    if c.written not in points:
        return None
    lat, lon, country = points[c.written]
    return Place(c.written, country, None, lat, lon, None, "city")


def _resolve(c: Candidate, gaz: Gazetteer, known: set[str], own: set[str]) -> Place | None:
    """The place a name stands for, a city before a first-level division of that name: in the
    country the text gives it, else in the article's countries, else the most populous. A place of
    dyad's that GeoNames does not hold gets its country's point only when that is the event's own
    country."""
    if c.is_country:
        return gaz.country(c.country)
    places = next((found for v in _spellings(c.written) if (found := _named(v, gaz))), [])
    if c.country:
        places = [p for p in places if p.country == c.country]
        if not places:
            return gaz.country(c.country) if c.country in own else None
    elif not places:
        return None
    local = [p for p in places if p.country in known]
    return (local or places)[0]


def _spellings(name: str) -> list[str]:
    """A name as written, then as GeoNames often spells it ("el-Fasher": "El Fasher")."""
    spaced = name.replace("-", " ")
    return [name, spaced[:1].upper() + spaced[1:]]


def _candidates(article: Article, index: int, dateline: Candidate | None) -> list[Candidate]:
    """Places named in a sentence: dyad's places and capitals used as places, countries after "in",
    and capitalised names after a locative word that the gazetteer or a cue word vouches for."""
    sentence = article.sentences[index]
    text = article.text
    skip = (dateline.start, dateline.end) if dateline else (0, 0)
    found: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for m in article.mentions:
        if m.sentence != index:
            continue
        taken.append((m.start, m.end))
        actor = article.actors[m.actor_key]
        if skip[0] <= m.start < skip[1]:
            continue
        if m.how == "place" or (m.how == "capital" and m.locative):
            found.append(Candidate(m.start, m.end, m.text, actor.country or None))
        elif m.how == "name" and actor.kind == "state" and _after_locative(text, m.start):
            found.append(Candidate(m.start, m.end, actor.name, actor.country or None, is_country=True))
    gaz = load_gazetteer()
    for match in _LOCATIVE.finditer(text, sentence.start, sentence.end):
        start, end = match.span("name")
        if skip[0] <= start < skip[1] or any(s < end and start < e for s, e in taken):
            continue
        name = _known_prefix(match.group("name"), gaz)
        if name is None and (match.group("cue") or _CUED.match(text, end)):
            name = match.group("name")
        if name and name.split()[0] not in _NOT_PLACES:
            found.append(Candidate(start, start + len(name), name))
    return found


def _known_prefix(name: str, gaz: Gazetteer) -> str | None:
    """The longest leading run of words of a capitalised name that the gazetteer knows."""
    words = name.split(" ")
    for n in range(len(words), 0, -1):
        head = " ".join(words[:n]).rstrip(".’'")
        if _named(head, gaz):
            return head
    return None


def _named(name: str, gaz: Gazetteer) -> list[Place]:
    """The cities of this name, else the first-level divisions."""
    return gaz.lookup(name) or divisions(name)


def _after_locative(text: str, start: int) -> bool:
    return bool(
        re.search(r"\b(?:in|at|inside|across|into|near)\s+(?:the\s+)?$", text[max(0, start - 12) : start])
    )


def _dateline(article: Article) -> Candidate | None:
    """The place of a dateline at the head of the article ("KABUL, October 10 —"), the first one of
    several ("ISLAMABAD/KABUL")."""
    match = _DATELINE.search(article.text, 0, min(len(article.text), 600))
    if match is None:
        return None
    start = match.start("name")
    written = match.group("name").strip()
    title = " ".join(w.capitalize() for w in written.split())
    gaz = load_gazetteer()
    if not gaz.lookup(title) and not match.group("date"):
        return None
    country = _country_named(match.group("country"), gaz)
    return Candidate(start, start + len(written), title, country)


def _country_named(name: str | None, gaz: Gazetteer) -> str | None:
    """The ISO3 code of a country named in a dateline ("TORKHAM, Pakistan, ...")."""
    if not name:
        return None
    return next((code for code, place in gaz.countries.items() if place.name == name), None)


def _trigger_at(article: Article, event: Event) -> int:
    """Where the trigger word is in the evidence (its start), else the evidence's start."""
    if event.trigger:
        pos = article.text.lower().find(event.trigger.lower(), event.start, event.end)
        if pos >= 0:
            return pos
    return event.start


def _clause(article: Article, event: Event, at: int) -> tuple[int, int]:
    """The span of the trigger's clause: between the clause ends around it, within the sentence."""
    sentence = article.sentences[event.sentence]
    lo, hi = sentence.start, sentence.end
    for m in _CLAUSE_END.finditer(article.text, sentence.start, sentence.end):
        if m.end() <= at:
            lo = m.end()
        elif m.start() > at:
            hi = m.start()
            break
    return lo, hi


def _distance(c: Candidate, at: int) -> tuple[int, int]:
    """Nearest first; at equal distance, a place after the trigger ("struck hideouts in Paktika")."""
    return (c.start - at if c.start >= at else at - c.end, 0 if c.start >= at else 1)
