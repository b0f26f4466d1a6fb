"""The store: each article written whole or not at all (alone or in a batch), whole articles after an
interruption."""

import json
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

import dyad
from dyad.store import SCHEMA_VERSION, Store

TEXT = (
    "Pakistan’s Defence Minister Khawaja Asif warned Kabul on {day}. Afghan forces fired "
    "on Pakistani posts near Chaman, officials said, in clash number {n}."
)


def _whole(db: str) -> tuple[int, int]:
    """(articles, articles missing their sentences or mentions)."""
    with sqlite3.connect(db) as c:
        n = c.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        broken = c.execute(
            "SELECT COUNT(*) FROM articles a WHERE language = 'en' AND ("
            "NOT EXISTS (SELECT 1 FROM sentences s WHERE s.article_id = a.id) OR "
            "NOT EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id))"
        ).fetchone()[0]
    return n, broken


def test_failure_while_writing_rolls_the_article_back(db, monkeypatch, tmp_path):
    for i in range(3):
        (tmp_path / f"a{i}.txt").write_text(TEXT.format(day="Monday", n=i), encoding="utf-8")
    real = Store._write_coding
    calls = {"n": 0}

    def failing(self, article_id, article):
        calls["n"] += 1
        real(self, article_id, article)
        if calls["n"] == 2:
            raise RuntimeError("disk full")

    monkeypatch.setattr(Store, "_write_coding", failing)
    with dyad.open(db) as d, pytest.raises(RuntimeError):
        d.ingest([str(tmp_path)])
    assert _whole(db) == (1, 0)
    monkeypatch.setattr(Store, "_write_coding", real)
    with dyad.open(db) as d:
        report = d.ingest([str(tmp_path)])
    assert (report.stored, report.duplicates) == (2, 1)
    assert _whole(db) == (3, 0)


def test_killed_ingest_leaves_whole_articles_and_resumes(db, tmp_path):
    corpus = tmp_path / "many.jsonl"
    with corpus.open("w", encoding="utf-8") as fh:
        for i in range(3000):
            fh.write(json.dumps({"id": f"n{i}", "text": TEXT.format(day="Friday", n=i)}) + "\n")
    proc = subprocess.Popen(
        [sys.executable, "-m", "dyad", "ingest", str(corpus), "--db", db],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 60
    while time.time() < deadline:
        time.sleep(0.2)
        try:
            if _whole(db)[0] >= 200:
                break
        except sqlite3.OperationalError:
            continue
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    stored, broken = _whole(db)
    assert 0 < stored < 3000 and broken == 0
    print(f"\nkilled after {stored} articles; none half-written")
    with dyad.open(db) as d:
        report = d.ingest([str(corpus)])
    assert report.stored == 3000 - stored and report.duplicates == stored
    assert _whole(db) == (3000, 0)


def test_process_without_a_store():
    a = dyad.process(
        "Kabul accused Islamabad of airstrikes in Paktika on Tuesday, officials said.",
        published="2025-10-14",
    )
    assert {(x.name, x.country) for x in a.actors.values()} >= {
        ("Afghanistan", "AFG"),
        ("Pakistan", "PAK"),
    }


def test_store_path_from_environment(tmp_path, monkeypatch, cli):
    target = tmp_path / "env.db"
    monkeypatch.setenv("DYAD_DB", str(target))
    (tmp_path / "a.txt").write_text(TEXT.format(day="Sunday", n=1), encoding="utf-8")
    assert cli("ingest", str(tmp_path / "a.txt")).exit_code == 0
    assert target.exists() and _whole(str(target)) == (1, 0)


def test_a_store_of_the_previous_schema_is_migrated(db, tmp_path):
    record = {
        "id": "a",
        "published": "2025-10-10",
        "text": "Pakistan launched airstrikes on Kabul on Thursday, officials said.",
    }
    (tmp_path / "a.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    with dyad.open(db) as d:
        d.ingest([str(tmp_path / "a.jsonl")])
    with sqlite3.connect(db) as c:  # make it look like a schema-1 store
        for index in ("events_sort", "events_pair", "events_type", "events_source", "events_target"):
            c.execute(f"DROP INDEX {index}")
        c.execute("ALTER TABLE events DROP COLUMN sort_date")
        c.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    with dyad.open(db) as d:
        rows = d.events(since="2025-01-01")
    with sqlite3.connect(db) as c:
        assert (
            c.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == SCHEMA_VERSION
        )
        assert c.execute("SELECT COUNT(*) FROM events WHERE sort_date IS NULL").fetchone()[0] == 0
    assert rows and all(r["date"] or r["published"] for r in rows)


def _partition_events(tmp_path, old: bool = False) -> set[tuple]:
    """(type, root, mutual) of the events of two articles written to a partition and loaded; `old`:
    a partition written before events had root and mutual."""
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    from dyad.store import partitions

    articles = [
        dyad.process(text, published="2025-10-10")
        for text in (
            "After Palestinian gunmen shot two Israelis, Israel reimposed blockades on the West Bank.",
            "Bosnia and Slovenia agreed to a ceasefire on Monday.",
        )
    ]
    path = tmp_path / "part.parquet"
    if old:
        schema = partitions.schema()
        events = schema.field("events").type.value_type
        kept = pa.struct([f for f in events if f.name not in ("root", "mutual")])
        schema = schema.set(schema.get_field_index("events"), pa.field("events", pa.list_(kept)))
        rows = [partitions.record(a, "old") for a in articles]
        for row in rows:
            row["events"] = [
                {k: v for k, v in e.items() if k not in ("root", "mutual")} for e in row["events"]
            ]
        pq.write_table(pa.Table.from_pylist(rows, schema=schema), path)
    else:
        partitions.write(path, articles, "v")
    with dyad.open(tmp_path / "loaded.db") as d:
        report = d.load([path])
        assert report.stored == 2 and not report.failed
        return {(e["type"], e["root"], e["mutual"]) for e in d.events()}


def test_partitions_carry_root_and_mutual(tmp_path):
    assert _partition_events(tmp_path) == {
        ("ASSAULT", False, False),
        ("COERCE", True, False),
        ("AGREE", True, True),
    }


def test_a_partition_older_than_root_and_mutual_loads(tmp_path):
    assert _partition_events(tmp_path, old=True) == {
        ("ASSAULT", False, False),
        ("COERCE", False, False),
        ("AGREE", False, False),
    }


def test_a_learned_actor_keeps_its_country_whatever_order_articles_arrive_in(tmp_path):
    placed = "Kenyan activist Wanjiru Odhiambo said on Monday that the talks had failed."
    unplaced = "Wanjiru Odhiambo said on Tuesday that the talks would resume."
    countries = []
    for order in ((placed, unplaced), (unplaced, placed)):
        db = str(tmp_path / f"order{len(countries)}.db")
        with dyad.open(db) as d:
            for i, text in enumerate(order):
                path = tmp_path / f"o{len(countries)}-{i}.txt"
                path.write_text(text, encoding="utf-8")
                d.ingest([str(path)])
        with sqlite3.connect(db) as c:
            countries.append(
                c.execute("SELECT country FROM actors WHERE key = 'person:wanjiru odhiambo'").fetchone()
            )
    assert countries == [("KEN",), ("KEN",)]
