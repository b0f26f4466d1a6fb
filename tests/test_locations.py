"""Where events happened: clause, sentence and dateline places, resolved against the gazetteer,
stored (SQLite and PostgreSQL) and exported as GDELT's ActionGeo columns."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3

import pytest

import dyad
from dyad.export.formats import geo_type, write_csv
from dyad.store import SCHEMA_VERSION, Store


def _located(text: str, type_: str = "ASSAULT") -> dict:
    """The place of the first event of a type coded in our sentence."""
    article = dyad.process(text, published="2026-03-05")
    events = [e for e in article.events if e.type == type_]
    assert events, f"no {type_} event in {text!r}: {[e.type for e in article.events]}"
    e = events[0]
    return {
        k: getattr(e, f"geo_{k}") for k in ("name", "resolved", "country", "lat", "lon", "precision", "from")
    }


def test_the_place_of_the_trigger_clause_comes_before_the_dateline():
    geo = _located("QUETTA, March 3, 2026 — Pakistani troops attacked militant hideouts in Khost on Tuesday.")
    assert (geo["name"], geo["country"], geo["precision"], geo["from"]) == ("Khost", "AFG", "city", "clause")
    assert geo["lat"] == pytest.approx(33.34, abs=0.05) and geo["lon"] == pytest.approx(69.92, abs=0.05)


def test_else_the_place_of_the_sentence():
    geo = _located(
        "Pakistani troops attacked militant hideouts near the border, and officials in Peshawar said "
        "the operation would go on."
    )
    assert (geo["name"], geo["country"], geo["from"]) == ("Peshawar", "PAK", "sentence")


def test_else_the_dateline_else_nothing():
    geo = _located(
        "ISTANBUL, March 4, 2026 — Pakistan and Afghanistan agreed to extend their ceasefire.", "AGREE"
    )
    assert (geo["name"], geo["country"], geo["from"]) == ("Istanbul", "TUR", "dateline")
    assert geo["lat"] == pytest.approx(41.01, abs=0.05)
    geo = _located("Pakistan and Afghanistan agreed to extend their ceasefire on Wednesday.", "AGREE")
    assert set(geo.values()) == {None}


def test_an_ambiguous_name_is_the_one_in_the_article_countries():
    # GeoNames' Hyderabad of India is the more populous; this article is about Pakistan and Afghanistan
    geo = _located("Police in Hyderabad said Pakistani troops attacked a camp of Afghan fighters.")
    assert (geo["name"], geo["country"]) == ("Hyderabad", "PAK")
    assert geo["lat"] == pytest.approx(25.40, abs=0.05)


# A first-level division's point is the population-weighted mean of its cities, which must lie inside
# it: the boxes are the divisions' extents (south, north, west, east), read off a map by hand.
DIVISIONS = [
    (
        "Pakistani jets struck hideouts in Paktika on Friday, Afghan officials said.",
        "AFG",
        "AF29",
        (31.6, 33.5, 67.5, 69.7),
    ),
    (
        "Pakistani forces attacked militants in Punjab on Friday, officials said.",
        "PAK",
        "PK04",
        (27.7, 34.0, 69.3, 75.4),
    ),
    ("Indian police arrested protesters in Punjab on Friday.", "IND", "IN23", (29.5, 32.5, 73.9, 76.9)),
    (
        "Troops attacked rebels in Balochistan province on Friday, Pakistani officials said.",
        "PAK",
        "PK02",
        (24.9, 32.1, 60.9, 70.3),
    ),
]


@pytest.mark.parametrize(("text", "country", "adm1", "box"), DIVISIONS)
def test_a_province_is_an_admin1_place_with_a_point_inside_it(text, country, adm1, box):
    article = dyad.process(text, published="2026-03-05")
    e = article.events[0]
    assert (e.geo_country, e.geo_adm1, e.geo_feature, e.geo_precision) == (country, adm1, adm1, "admin1")
    south, north, west, east = box
    assert south <= e.geo_lat <= north and west <= e.geo_lon <= east
    row = {"geo_precision": e.geo_precision, "geo_country": e.geo_country}
    assert geo_type(row) == 5  # GDELT's world state


def test_a_city_comes_before_a_province_of_its_name():
    geo = _located("Pakistani jets struck Taliban hideouts in Kabul on Friday.")
    assert (geo["country"], geo["precision"]) == ("AFG", "city")
    assert geo["lat"] == pytest.approx(34.53, abs=0.05) and geo["lon"] == pytest.approx(69.17, abs=0.05)


def test_an_unknown_place_is_kept_as_written_without_coordinates():
    for text in (
        "Pakistani forces attacked Afghan border posts in the village of Zarghunkhel, officials said.",
        "Pakistani forces attacked Afghan border posts in Zarghunkhel district on Monday.",
    ):
        geo = _located(text)
        assert geo["name"] == "Zarghunkhel"
        assert geo["lat"] is None and geo["lon"] is None and geo["precision"] is None


def test_a_dateline_names_its_country():
    geo = _located("TORKHAM, Pakistan, March 4, 2026 — Pakistani police attacked Afghan traders.")
    assert (geo["name"], geo["country"], geo["precision"], geo["from"]) == (
        "Torkham",
        "PAK",
        "country",
        "dateline",
    )


# Demo-corpus events whose coordinates were checked by hand against an atlas (degrees, ±0.1).
HAND_CHECKED = [
    ("pak-afg-01-kabul-strikes", "Kabul", 34.53, 69.17),
    ("isr-irn-01-strikes-on-nuclear-sites", "Natanz", 33.51, 51.92),
    ("us-ven-01-caribbean-boat-strike", "Caracas", 10.49, -66.88),
    ("sudan-01-rsf-takes-el-fasher", "el-Fasher", 13.63, 25.35),
    ("pak-afg-istanbul-ceasefire-extended", "Istanbul", 41.01, 28.96),
    ("pak-afg-03-doha-ceasefire", "Doha", 25.29, 51.53),
    ("ind-pak-ceasefire-announced", "New Delhi", 28.61, 77.21),
    ("wire-003", "Abbottabad", 34.15, 73.21),
    ("isr-irn-us-strikes-fordow", "Isfahan", 32.65, 51.67),
]


@pytest.mark.parametrize(("article", "place", "lat", "lon"), HAND_CHECKED)
def test_demo_events_at_hand_checked_coordinates(demo_db, article, place, lat, lon):
    with dyad.open(demo_db) as d:
        rows = [r for r in d.events(reports=True) if r["doc_id"] == article and r["geo_name"] == place]
    assert rows, f"no event at {place} in {article}"
    assert rows[0]["geo_lat"] == pytest.approx(lat, abs=0.1)
    assert rows[0]["geo_lon"] == pytest.approx(lon, abs=0.1)


def test_most_demo_events_with_a_place_are_located(demo_db):
    with dyad.open(demo_db) as d:
        rows = d.events(reports=True)
    named = [r for r in rows if r["geo_name"]]
    located = [r for r in named if r["geo_lat"] is not None]
    print(f"\ndemo events: {len(rows)}, a place named: {len(named)}, located: {len(located)}")
    assert len(named) >= 0.8 * len(rows) and len(located) >= 0.8 * len(named)


def _check_store(location: str, tmp_path) -> None:
    record = {
        "id": "loc-1",
        "published": "2026-03-05",
        "text": "KABUL, March 5, 2026 — Pakistani jets attacked Taliban positions in Khost on Thursday.",
    }
    (tmp_path / "a.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    with dyad.open(location) as d:
        d.ingest([str(tmp_path / "a.jsonl")])
        rows = d.events(event_type="ASSAULT")
    assert rows and rows[0]["geo_resolved"] == "Khōst" and rows[0]["geo_adm1"] == "AF37"
    assert rows[0]["geo_feature"] == "1136469" and rows[0]["num_mentions"] == 1
    out = io.StringIO()
    write_csv(rows, out)
    line = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert line["ActionGeo_Type"] == "4" and line["ActionGeo_FullName"] == "Khōst"
    assert line["ActionGeo_CountryCode"] == "AFG" and line["ActionGeo_ADM1Code"] == "AF37"
    assert float(line["ActionGeo_Lat"]) == pytest.approx(33.34, abs=0.01)
    assert line["ActionGeo_FeatureID"] == "1136469" and line["NumArticles"] == "1"


def test_locations_are_stored_and_exported_sqlite(db, tmp_path):
    _check_store(db, tmp_path)


def test_locations_are_stored_and_exported_postgresql(pg_url, tmp_path):
    _check_store(pg_url, tmp_path)


def test_a_store_of_schema_3_gets_the_new_columns(db, tmp_path):
    _check_store(db, tmp_path)
    with sqlite3.connect(db) as c:
        c.execute("DROP INDEX events_cluster")
        for column in ("geo_name", "geo_lat", "cluster_id"):
            c.execute(f"ALTER TABLE events DROP COLUMN {column}")
        c.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    store = Store(db)
    try:
        assert {"geo_name", "geo_lat", "cluster_id"} <= store.db.columns("events")
        version = store.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
        assert version == SCHEMA_VERSION
    finally:
        store.close()


def test_places_of_an_actors_file_may_have_coordinates(tmp_path):
    from dyad.settings import Settings

    mine = tmp_path / "mine.yaml"
    mine.write_text(
        "places:\n  - {country: PAK, places: [Wana Bazaar], points: {Wana Bazaar: [32.30, 69.57]}}\n",
        encoding="utf-8",
    )
    article = dyad.process(
        "Afghan forces attacked Pakistani troops in Wana Bazaar on Monday.",
        published="2026-03-05",
        settings=Settings(actor_files=(mine,)),
    )
    e = next(e for e in article.events if e.type == "ASSAULT")
    assert (e.geo_name, e.geo_country, e.geo_lat, e.geo_lon) == ("Wana Bazaar", "PAK", 32.30, 69.57)


@pytest.mark.parametrize(
    ("points", "reason"),
    [
        ("{Wana Bazaar: [132.3, 69.57]}", "must be [latitude, longitude]"),
        ("{Mir Ali: [32.3, 69.57]}", "not one of this entry's places"),
        ("[32.3, 69.57]", "must be a mapping"),
    ],
)
def test_a_bad_point_is_one_line_naming_the_file_and_line(tmp_path, points, reason):
    from dyad.errors import KnowledgeError
    from dyad.knowledge import load_knowledge

    mine = tmp_path / "mine.yaml"
    mine.write_text(
        f"places:\n  - {{country: PAK, places: [Wana Bazaar], points: {points}}}\n", encoding="utf-8"
    )
    with pytest.raises(KnowledgeError, match=f"mine.yaml:2: .*{re.escape(reason)}") as err:
        load_knowledge((mine,))
    assert "\n" not in str(err.value)
