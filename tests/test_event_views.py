"""Event views over a real store: filters, a dyad's timeline, exports, candidates."""

import csv
import io
import json

import pytest

from dyad.store import SCHEMA_VERSION, Store

STORY = [
    {
        "id": "a1",
        "published": "2025-10-10",
        "outlet": "Test Wire",
        "url": "https://example.org/a1",
        "text": "Pakistan launched airstrikes on Kabul on Thursday, Afghan officials said. "
        "Taliban spokesman Zabihullah Mujahid condemned Pakistan on Friday.",
    },
    {
        "id": "a2",
        "published": "2025-10-20",
        "outlet": "Test Wire",
        "text": "Pakistan and Afghanistan agreed to a ceasefire in Doha on Sunday. "
        "Qatar and Turkey mediated talks between Pakistan and Afghanistan.",
    },
    {
        "id": "a3",
        "published": "2025-10-21",
        "outlet": "Test Wire",
        "text": "Pakistan lambasted Afghanistan on Monday. In 1988 Pakistan fought a war against the "
        "former Soviet Union.",
    },
]


@pytest.fixture
def store(cli, db, tmp_path):
    f = tmp_path / "story.jsonl"
    f.write_text("\n".join(json.dumps(r) for r in STORY) + "\n", encoding="utf-8")
    assert cli("ingest", str(f), "--db", db).exit_code == 0
    return db


def _json(cli, *args):
    r = cli(*args, "--json")
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


def test_event_filters(cli, store):
    rows = _json(cli, "events", "--db", store)
    assert {"ASSAULT", "ACCUSE", "AGREE", "CONSULT"} <= {r["type"] for r in rows}
    assaults = _json(cli, "events", "--db", store, "--type", "assault", "--source", "PAK", "--target", "AFG")
    assert [(r["source_country"], r["target_country"], r["date"]) for r in assaults] == [
        ("PAK", "AFG", "2025-10-09")
    ]
    assert assaults[0]["evidence"].startswith("Pakistan launched airstrikes on Kabul")
    assert assaults[0]["outlet"] == "Test Wire" and assaults[0]["url"] == "https://example.org/a1"
    by_name = _json(cli, "events", "--db", store, "--source", "Mujahid")
    assert [(r["type"], r["target_country"]) for r in by_name] == [("ACCUSE", "PAK")]
    history = _json(cli, "events", "--db", store, "--when", "historical")
    assert [(r["source_country"], r["type"], r["target_country"]) for r in history] == [
        ("PAK", "ASSAULT", "SUN")
    ]
    late = _json(cli, "events", "--db", store, "--since", "2025-10-15", "--when", "current")
    assert late and all(r["date"] >= "2025-10-15" for r in late)
    mediation = _json(cli, "events", "--db", store, "--source", "QAT")
    assert {(r["type"], r["mode"], r["target_country"]) for r in mediation} == {
        ("CONSULT", "mediate", "PAK"),
        ("CONSULT", "mediate", "AFG"),
    }


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--type", "HUG"], "not a PLOVER type"),
        (["--when", "soon"], "one of current, historical, future"),
        (["--since", "yesterday-ish"], "not a date"),
    ],
)
def test_event_filter_errors(cli, store, args, message):
    r = cli("events", "--db", store, *args)
    assert r.exit_code == 2 and message in r.stderr


def test_dyad_timeline(cli, store):
    days = _json(cli, "dyad", "PAK", "AFG", "--db", store)
    assert days[0]["period"] == "2025-10-09" and days[0]["material_conflict"] == 1
    assert days[0]["mean_score"] == -9.0
    assert any(d["verbal_cooperation"] >= 1 for d in days)
    weeks = _json(cli, "dyad", "PAK", "AFG", "--db", store, "--by", "week")
    assert [w["period"] for w in weeks] == sorted({w["period"] for w in weeks})
    assert weeks[0]["period"] == "2025-10-06"  # the Monday of the week
    assert sum(w["events"] for w in weeks) == sum(d["events"] for d in days)
    assert _json(cli, "dyad", "AFG", "SUN", "--db", store) == []


def test_exports(cli, store, tmp_path):
    r = cli("export", "--db", store, "--format", "jsonl")
    records = [json.loads(line) for line in r.stdout.splitlines()]
    total = len(_json(cli, "events", "--db", store))
    assert len(records) == total
    rec = next(x for x in records if x["event"] == "ASSAULT" and x["when"] == "current")
    assert rec["actor"][0]["country"] == "PAK" and rec["recipient"][0]["country"] == "AFG"
    assert rec["quad_code"] == 4 and rec["cameo"] == "18" and rec["cite_info"]["outlet"] == "Test Wire"
    r = cli("export", "--db", store, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert len(rows) == total and {
        "SQLDATE",
        "Actor1CountryCode",
        "EventRootCode",
        "QuadClass",
        "GoldsteinScale",
        "PloverType",
    } <= set(rows[0])
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "events.parquet"
    assert cli("export", "--db", store, "--format", "parquet", "--output", str(out)).exit_code == 0
    table = pq.read_table(out)
    assert table.num_rows == total and "PloverType" in table.column_names
    assert cli("export", "--db", store, "--format", "parquet").exit_code == 2
    assert cli("export", "--db", store, "--format", "xml").exit_code == 2


def test_unknown_verbs_are_listed_as_candidates(cli, store):
    rows = _json(cli, "candidates", "--db", store)
    assert rows[0]["verb"] == "lambasted" and rows[0]["example"] == "Pakistan -> Afghanistan"
    assert not _json(
        cli, "events", "--db", store, "--since", "2025-10-21", "--until", "2025-10-21", "--when", "current"
    )


# a sentence with a root event (the blockade) after a leading adjunct's act (the shooting, not root),
# and a joint act coded both ways (two mutual AGREE events, both root)
ROOTS = [
    {
        "id": "r1",
        "published": "2025-10-10",
        "text": "After Palestinian gunmen shot two Israelis, Israel reimposed blockades on the West Bank.",
    },
    {"id": "r2", "published": "2025-10-13", "text": "Bosnia and Slovenia agreed to a ceasefire on Monday."},
]
CODED = {
    ("PSE", "ASSAULT", "ISR", False, False),
    ("ISR", "COERCE", "PSE", True, False),
    ("BIH", "AGREE", "SVN", True, True),
    ("SVN", "AGREE", "BIH", True, True),
}


@pytest.fixture(params=["sqlite", "postgresql"])
def roots(request, cli, tmp_path) -> str:
    """A store of ROOTS, in SQLite and in PostgreSQL."""
    location = str(tmp_path / "roots.db") if request.param == "sqlite" else request.getfixturevalue("pg_url")
    f = tmp_path / "roots.jsonl"
    f.write_text("\n".join(json.dumps(r) for r in ROOTS) + "\n", encoding="utf-8")
    assert cli("ingest", str(f), "--db", location).exit_code == 0
    return location


def _coded(rows: list[dict]) -> set[tuple]:
    return {(r["source_country"], r["type"], r["target_country"], r["root"], r["mutual"]) for r in rows}


def test_root_and_mutual_are_stored(cli, roots):
    assert _coded(_json(cli, "events", "--db", roots)) == CODED


def test_root_filter(cli, roots):
    assert _coded(_json(cli, "events", "--db", roots, "--root")) == {c for c in CODED if c[3]}
    assert _json(cli, "events", "--db", roots, "--root", "--source", "PSE") == []
    assert [d["events"] for d in _json(cli, "dyad", "PSE", "ISR", "--db", roots)] == [1]
    assert _json(cli, "dyad", "PSE", "ISR", "--db", roots, "--root") == []
    assert [d["events"] for d in _json(cli, "dyad", "BIH", "SVN", "--db", roots, "--root")] == [1]


def test_exports_carry_root_and_mutual(cli, roots, tmp_path):
    r = cli("export", "--db", roots, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    flags = {(x["Actor1CountryCode"], x["EventCode"], x["IsRootEvent"], x["Mutual"]) for x in rows}
    assert flags == {
        ("PSE", "18", "0", "0"),
        ("ISR", "17", "1", "0"),
        ("BIH", "03", "1", "1"),
        ("SVN", "03", "1", "1"),
    }
    r = cli("export", "--db", roots, "--format", "csv", "--root")
    assert sorted(x["PloverType"] for x in csv.DictReader(io.StringIO(r.stdout))) == [
        "AGREE",
        "AGREE",
        "COERCE",
    ]
    r = cli("export", "--db", roots, "--format", "jsonl")
    records = [json.loads(line) for line in r.stdout.splitlines()]
    assert {(x["actor"][0]["country"], x["event"], x["root"], x["mutual"]) for x in records} == {
        (c[0], c[1], c[3], c[4]) for c in CODED
    }
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "roots.parquet"
    assert cli("export", "--db", roots, "--format", "parquet", "-o", str(out), "--root").exit_code == 0
    table = pq.read_table(out).to_pydict()
    assert sorted(zip(table["PloverType"], table["IsRootEvent"], table["Mutual"], strict=True)) == [
        ("AGREE", 1, 1),
        ("AGREE", 1, 1),
        ("COERCE", 1, 0),
    ]


def test_a_schema_2_store_gains_root_and_mutual(cli, roots):
    store = Store(roots)
    store.db.execute("ALTER TABLE events DROP COLUMN root")
    store.db.execute("ALTER TABLE events DROP COLUMN mutual")
    store.db.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    store.close()
    store = Store(roots)  # migrated as it opens
    version = store.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
    assert version == SCHEMA_VERSION and {"root", "mutual"} <= store.db.columns("events")
    store.close()
    # each sentence's first event and the others of its act are root; a leading adjunct is not
    # passed over, and no event is known to be mutual
    assert _coded(_json(cli, "events", "--db", roots)) == {
        ("PSE", "ASSAULT", "ISR", True, False),
        ("ISR", "COERCE", "PSE", False, False),
        ("BIH", "AGREE", "SVN", True, False),
        ("SVN", "AGREE", "BIH", True, False),
    }
    assert cli("ingest", "--reprocess", "--db", roots).exit_code == 0
    assert _coded(_json(cli, "events", "--db", roots)) == CODED


def test_the_rolled_up_network_keeps_an_actor_of_no_country_beside_the_countries():
    from dyad.web.pictures import rolled_up

    graph = {
        "nodes": [
            {"id": 1, "name": "Pakistan", "kind": "state", "country": "PAK"},
            {"id": 2, "name": "Meridian Shipping", "kind": "organisation", "country": ""},
            {"id": 3, "name": "Afghanistan", "kind": "state", "country": "AFG"},
        ],
        "edges": [
            {"source": 2, "target": 1, "events": 1, "mean_score": -2.0},
            {"source": 1, "target": 3, "events": 1, "mean_score": -2.0},
        ],
    }
    rolled = rolled_up(graph)
    assert {n["id"] for n in rolled["nodes"]} == {"PAK", "AFG", 2}
    assert {(e["source"], e["target"]) for e in rolled["edges"]} == {(2, "PAK"), ("PAK", "AFG")}
