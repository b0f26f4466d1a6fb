"""Loading the knowledge: the built-in data files and the user's own, validated and merged into
one Knowledge (the user's files win where they overlap)."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from functools import lru_cache, partial
from pathlib import Path

from ..errors import KnowledgeError
from .files import LINE, data_path, load_yaml
from .model import Entity, Knowledge, Phrase, Title, match_form, norm_key, person_key
from .schema import KINDS, REGIONS, Code, Validator, career

BUILTIN = (
    "countries.yaml",
    "regions.yaml",
    "organisations.yaml",
    "institutions.yaml",  # states' own institutions and parties, in organisations.yaml's format
    "people.yaml",
    "leaders.yaml",
    "places.yaml",
    "sectors.yaml",
    "roles.yaml",
)
STARTER = "people.yaml"  # the starter set of current office holders (Settings.use_starter_people)


@lru_cache(maxsize=8)
def load_knowledge(user_files: tuple[Path, ...] = (), starter_people: bool = True) -> Knowledge:
    """The built-in knowledge merged with the user's files (which win where they overlap)."""
    kb = Knowledge()
    digest = hashlib.sha256()
    starter: dict[str, str] = {}
    for name in BUILTIN:
        path = data_path(name)
        digest.update(path.read_bytes())
        data = load_yaml(path, plain=name == "leaders.yaml")
        if name == STARTER:
            starter = _starter_names(data)
            if not starter_people:
                continue
        if name == "leaders.yaml":
            _load_leaders(kb, path, data, starter, starter_people)
        else:
            _LOADERS[name](kb, path, data, builtin=True)
    for path in user_files:
        path = Path(path)
        data = load_yaml(path)
        digest.update(path.read_bytes() if path.exists() else b"")
        _load_user(kb, path, data)
    kb.version = digest.hexdigest()[:16]
    return kb


def _load_countries(kb: Knowledge, path: Path, data, builtin: bool = True, regions: bool = False) -> None:
    """countries.yaml (states), or with `regions` regions.yaml (CAMEO's world regions, in the same
    format)."""
    v = Validator(path)
    entries = _list(v, data)
    if not regions:
        kb.country_codes = frozenset(
            e["code"] for e in entries if isinstance(e, dict) and isinstance(e.get("code"), str)
        )
    for e in entries:
        v.mapping(e, {"code", "name", "aliases", "demonyms", "capitals", "historical"}, {"code", "name"})
        code = v.country(e, e["code"])
        if regions and code not in REGIONS:
            raise v.error(e, f"{code!r} is not one of CAMEO's region codes ({', '.join(sorted(REGIONS))})")
        name = v.text(e, "name")
        ent = Entity(code, name, "state", (Code(code, "GOV"),), "dictionary" if builtin else "user")
        phrases = [(name, "name")] + [(a, "alias") for a in v.strings(e, "aliases")]
        demonyms = v.strings(e, "demonyms")
        phrases += [(d, "demonym") for d in demonyms] + [(c, "capital") for c in v.strings(e, "capitals")]
        kb.add_entity(ent, phrases, _where(v, e, builtin))
        if demonyms:
            kb.demonym[code] = demonyms[0]


def _load_organisations(kb: Knowledge, path: Path, data, builtin: bool = True) -> None:
    v = Validator(path, kb.country_codes)
    for e in _list(v, data):
        v.mapping(
            e,
            {"name", "kind", "country", "sector", "aliases", "weak_aliases", "codes"},
            {"name", "kind"},
        )
        name = v.text(e, "name")
        kind = v.text(e, "kind")
        if kind not in KINDS - {"person", "state", "agent"}:
            raise v.error(e, f"unknown kind {kind!r}")
        ent = Entity(
            "org:" + norm_key(name),
            name,
            kind,
            v.codes(e, None),
            "dictionary" if builtin else "user",
        )
        phrases = [(name, "name")] + [(a, "alias") for a in v.strings(e, "aliases")]
        phrases += [(a, "weak") for a in v.strings(e, "weak_aliases")]
        kb.add_entity(ent, phrases, _where(v, e, builtin))


def _load_people(kb: Knowledge, path: Path, data, builtin: bool = True) -> None:
    v = Validator(path, kb.country_codes)
    for e in _list(v, data):
        v.mapping(e, {"name", "country", "sector", "role", "aliases", "codes"}, {"name"})
        name = v.text(e, "name")
        role = v.text(e, "role", optional=True)
        ent = Entity(person_key(name), name, "person", v.codes(e, role), "dictionary" if builtin else "user")
        phrases = [(name, "person")] + [(a, "person") for a in v.strings(e, "aliases")]
        kb.add_entity(ent, phrases, _where(v, e, builtin))


def _load_places(kb: Knowledge, path: Path, data, builtin: bool = True) -> None:
    """places.yaml: regions and cities, each named as its country: where things happen ("in
    Jericho"), or what an actor noun belongs to ("Gaza militants"). A place never takes a name
    that already names something else."""
    v = Validator(path, kb.country_codes)
    for e in _list(v, data):
        v.mapping(
            e,
            {"country", "places", "points"} if not builtin else {"country", "places"},
            {"country", "places"},
        )
        country = kb.entities[v.country(e, e["country"])]
        names = v.strings(e, "places")
        for name, (lat, lon) in _points(v, e, names).items():
            kb.place_points[name] = (lat, lon, country.key)
        for name in names:
            form = match_form(name)
            taken = kb.proper.get(form)
            if taken:
                if not builtin:
                    continue  # the user's place does not displace what is known
                raise v.error(e, f"'{name}' already names {taken[0].entity.name}")
            kb.proper[form] = [Phrase("place", country)]


def _points(v: Validator, entry: dict, names: list[str]) -> dict[str, tuple[float, float]]:
    """An actors file's `points: {Place: [latitude, longitude]}` for places of the same entry."""
    points = entry.get("points") or {}
    if not isinstance(points, dict):
        raise v.error(entry, "'points' must be a mapping of place: [latitude, longitude]")
    out = {}
    for name, value in points.items():
        if name == LINE:
            continue
        if name not in names:
            raise v.error(entry, f"point for {name!r}, which is not one of this entry's places")
        ok = isinstance(value, list) and len(value) == 2
        ok = ok and all(isinstance(x, int | float) and not isinstance(x, bool) for x in value)
        if not ok or not (-90 <= value[0] <= 90 and -180 <= value[1] <= 180):
            raise v.error(entry, f"point for {name!r} must be [latitude, longitude] in degrees")
        out[name] = (float(value[0]), float(value[1]))
    return out


def _starter_names(data) -> dict[str, str]:
    """The names and aliases of the starter people (people.yaml), as matched, to their keys."""
    out: dict[str, str] = {}
    for e in data if isinstance(data, list) else []:
        if isinstance(e, dict) and isinstance(e.get("name"), str):
            aliases = e.get("aliases") if isinstance(e.get("aliases"), list) else []
            for n in [e["name"], *aliases]:
                if isinstance(n, str):
                    out[match_form(n.strip())] = person_key(e["name"].strip())
    return out


def _load_leaders(kb: Knowledge, path: Path, data, starter: dict[str, str], with_starter: bool) -> None:
    """leaders.yaml: heads of state and government since 1975 (and a few others), each with the
    offices held. They are coded by the office held on the day, and outside office as their
    country's ELI; they are named by full name or alias, by their bare surname while in office or
    in an article that has named them in full. A leader who is also a starter person (people.yaml)
    keeps the starter entry, which codes the present; the offices code the years before it.
    Without the starter set such a leader is left out too, so that mode still measures learning
    from text."""
    v = Validator(path, kb.country_codes)
    history: dict[str, tuple[str, tuple[Code, ...], tuple[str, ...] | None]] = {}
    for e in _list(v, data):
        v.mapping(e, {"name", "country", "offices", "aliases", "short"}, {"name", "country", "offices"})
        name = v.text(e, "name")
        short = tuple(v.strings(e, "short")) if "short" in e else None
        home = v.country(e, e["country"])
        names = [name, *v.strings(e, "aliases")]
        offices = v.offices(e, home)
        known = next((starter[f] for f in map(match_form, names) if f in starter), None)
        if known is not None:
            if known in history:
                raise v.error(e, f"'{name}' is defined twice")
            history[known] = (home, offices, short)
            continue
        ent = Entity(person_key(name), name, "person", career(home, offices), short=short)
        kb.add_entity(ent, [(n, "person") for n in names], _where(v, e, True), by_surname=False)
    if with_starter:
        kb.replace_entities({key: _with_history(kb.entities[key], *h) for key, h in history.items()})


def _with_history(person: Entity, home: str, offices: tuple[Code, ...], short) -> Entity:
    """A starter person's entry (undated: the present) preceded by their earlier offices: the
    present begins when their current office began, or when their last office ended. The
    leaders' short forms ("Xi" for Xi Jinping) replace those taken from the name."""
    if short is not None:
        person = replace(person, short=short)
    if len(person.codes) != 1 or person.codes[0].since or person.codes[0].until:
        return person  # the starter entry dates its own codes
    ongoing = [o.since for o in offices if o.until is None and o.since]
    start = max(ongoing) if ongoing else max(o.until for o in offices if o.until)
    past = [replace(c, until=min(c.until or start, start)) for c in career(home, offices)]
    past = [c for c in past if c.since is None or c.since < start]
    return replace(person, codes=(*past, replace(person.codes[0], since=start)))


def _load_sectors(kb: Knowledge, path: Path, data, builtin: bool = True) -> None:
    v = Validator(path)
    if not isinstance(data, dict):
        raise v.error(None, "must be a mapping of sector to {label, nouns}")
    kb.bare_nouns = frozenset(n.lower() for n in v.strings(data, "bare"))
    roles = data.get("roles") or {}
    for role, nouns in roles.items():
        if role != LINE:
            for noun in v.strings({role: nouns}, role):
                kb.agent_roles[noun.lower()] = role
    for sector, spec in data.items():
        if sector in (LINE, "bare", "roles"):
            continue
        v.sector(spec if isinstance(spec, dict) else None, sector)
        v.mapping(spec, {"label", "nouns"}, {"label", "nouns"})
        kb.sector_labels[sector] = v.text(spec, "label")
        for noun in v.strings(spec, "nouns"):
            noun = noun.lower()
            if noun in kb.sector_nouns and kb.sector_nouns[noun] != sector:
                raise v.error(spec, f"'{noun}' is already a {kb.sector_nouns[noun]} noun")
            kb.sector_nouns[noun] = sector
    for noun in [*kb.bare_nouns, *kb.agent_roles]:
        if noun not in kb.sector_nouns:
            raise v.error(None, f"'{noun}' is not among the sector nouns")


def _load_roles(kb: Knowledge, path: Path, data, builtin: bool = True) -> None:
    v = Validator(path)
    if not isinstance(data, dict):
        raise v.error(None, "must be a mapping with 'titles', 'modifiers' and 'honorifics'")
    v.mapping(data, {"titles", "modifiers", "honorifics", "ambiguous_surnames"}, {"titles"})
    for t in _list(v, data["titles"]):
        v.mapping(t, {"title", "sector", "inherit"}, {"title", "sector"})
        title = v.text(t, "title").lower()
        kb.titles[title] = Title(title, v.sector(t, t["sector"]), bool(t.get("inherit", False)))
        if title.startswith(("vice ", "deputy ")):  # "Vice-President", "Deputy-Governor" too
            hyphenated = title.replace(" ", "-", 1)
            kb.titles.setdefault(
                hyphenated, Title(hyphenated, kb.titles[title].sector, kb.titles[title].inherit)
            )
    kb.modifiers = frozenset(m.lower() for m in v.strings(data, "modifiers"))
    kb.honorifics = tuple(sorted(v.strings(data, "honorifics"), key=len, reverse=True))
    kb.ambiguous_surnames = frozenset(map(match_form, v.strings(data, "ambiguous_surnames")))


def _load_user(kb: Knowledge, path: Path, data) -> None:
    """A user file: a mapping with any of `countries`, `organisations`, `people`."""
    v = Validator(path)
    if not isinstance(data, dict):
        raise KnowledgeError(
            str(path), None, "must be a mapping with 'people', 'organisations', 'countries' or 'places'"
        )
    v.mapping(data, {"people", "organisations", "countries", "places"}, set())
    if "countries" in data:
        _load_countries_user(kb, path, data["countries"])
    if "organisations" in data:
        _load_organisations(kb, path, data["organisations"], builtin=False)
    if "people" in data:
        _load_people(kb, path, data["people"], builtin=False)
    if "places" in data:
        _load_places(kb, path, data["places"], builtin=False)


def _load_countries_user(kb: Knowledge, path: Path, data) -> None:
    codes = kb.country_codes
    _load_countries(kb, path, data, builtin=False)
    kb.country_codes = codes | kb.country_codes


def _list(v: Validator, data) -> list:
    if data is None:
        return []
    if not isinstance(data, list):
        raise v.error(data if isinstance(data, dict) else None, "must be a list of entries")
    return data


def _where(v: Validator, entry: dict, builtin: bool):
    """How a clash is reported: an error for built-in files, an override for the user's."""
    if not builtin:
        return None
    return lambda reason: v.error(entry, reason)


_LOADERS = {
    "countries.yaml": _load_countries,
    "regions.yaml": partial(_load_countries, regions=True),
    "organisations.yaml": _load_organisations,
    "institutions.yaml": _load_organisations,
    "people.yaml": _load_people,
    "places.yaml": _load_places,
    "sectors.yaml": _load_sectors,
    "roles.yaml": _load_roles,
}
