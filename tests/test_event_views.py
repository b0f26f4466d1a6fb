"""Event views over a real store: filters, a dyad's timeline, exports, candidates."""

import csv
import io
import json

import pytest

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
