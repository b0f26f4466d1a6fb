"""The PostgreSQL backend, against a real server: same schema, same results as SQLite, safe for
several ingesting processes at once."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time

import pytest
from conftest import ROOT, SEEDS
from stores import content

import dyad
from dyad.store import Store
from dyad.web import create_app

CORPUS = ROOT / "src" / "dyad" / "demo_corpus"


@pytest.fixture(scope="module")
def sqlite_demo(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("pg") / "demo.db")
    with dyad.open(path) as d:
        assert d.ingest([str(CORPUS)]).stored >= 20
    return path


def _views(d: dyad.Dyad) -> dict:
    """Every read the Python API offers, on the demo corpus."""
    first_quote = d.quotes(limit=1)[0]["text"].split()
    return {
        "actors": d.actors(),
        "actor": d.actor(d.actors(limit=1)[0]["id"]),
        "articles": d.articles(limit=None),
        "article": {k: v for k, v in d.article_view("3").items() if k != "article"},
        "quotes": d.quotes(),
        "quote_search": d.quotes(search=" ".join(first_quote[1:3])),
        "quote_speaker": d.quotes(speaker="asif"),
        "events": d.events(),
        "events_page": d.events(source="PAK", limit=5, offset=2),
        "events_named": d.events(target="taliban", since="2025-01-01"),
        "events_typed": d.events(event_type="threaten", when="current"),
        "events_root": d.events(source="PAK", root_only=True),
        "dyad_day": d.dyad("PAK", "AFG"),
        "dyad_week": d.dyad("PAK", "AFG", by="week"),
        "dyad_root": d.dyad("PAK", "AFG", root_only=True),
        "candidates": d.candidates(),
        "top_dyads": d.top_dyads(),
        "network": d.network(),
        "network_root": d.network(root_only=True),
        "stats": d.stats(),
    }


def test_same_results_as_sqlite(pg_url, sqlite_demo):
    with dyad.open(pg_url) as d:
        report = d.ingest([str(CORPUS)])
        assert d.store.backend == "postgresql" and not report.failed
        pg = _views(d)
    with dyad.open(sqlite_demo) as d:
        lite = _views(d)
    assert lite["quote_search"] and lite["quote_speaker"] and lite["events_named"] and lite["dyad_week"]
    pakistan = [e for e in lite["events"] if e["source_country"] == "PAK"]
    assert 0 < len(lite["events_root"]) < len(pakistan)  # the root filter keeps some, not all
    for name in lite:
        assert json.dumps(pg[name], default=str) == json.dumps(lite[name], default=str), name
    assert content(pg_url) == content(sqlite_demo)
    print(f"\n{len(lite)} views identical; {len(lite['events'])} events, {len(lite['quotes'])} quotes")


def test_every_command_takes_a_postgresql_url(cli, pg_url, sqlite_demo):
    assert cli("ingest", str(CORPUS), "--db", pg_url).exit_code == 0
    for command in (
        ["stats", "--json"],
        ["actors", "--json"],
        ["events", "--source", "PAK", "--json"],
        ["quotes", "--speaker", "asif", "--json"],
        ["dyad", "PAK", "AFG", "--json"],
        ["candidates", "--json"],
        ["show", "3", "--json"],
    ):
        pg, lite = cli(*command, "--db", pg_url), cli(*command, "--db", sqlite_demo)
        assert pg.exit_code == 0 and pg.stdout == lite.stdout, command
    again = json.loads(cli("ingest", str(CORPUS), "--db", pg_url, "--json").stdout)
    assert again["stored"] == 0 and again["duplicates"] >= 20
    assert cli("ingest", "--reprocess", str(CORPUS), "--db", pg_url).exit_code == 0
    assert content(pg_url) == content(sqlite_demo)


def test_http_api_over_postgresql(pg_url, sqlite_demo):
    from fastapi.testclient import TestClient

    with dyad.open(pg_url) as d:
        d.ingest([str(CORPUS)])
    auth = {"authorization": "Bearer t"}
    pg = TestClient(create_app(pg_url, write_token="t"), headers=auth)
    lite = TestClient(create_app(sqlite_demo))
    for url in (
        "/api/events?source=PAK",
        "/api/events?root=true",
        "/api/actors",
        "/api/quotes?q=Kabul",
        "/api/network",
        "/api/stats",
    ):
        a, b = pg.get(url), lite.get(url)
        assert a.status_code == 200 and a.json() == b.json(), url
    seed = sorted(SEEDS.glob("*.txt"))[0].read_text(encoding="utf-8")
    posted = pg.post("/api/articles", json={"text": seed})
    assert posted.status_code in (200, 201) and posted.json()["stored"]
    assert pg.get("/").status_code == 200


def test_concurrent_ingests_lose_and_duplicate_nothing(pg_url, sqlite_demo, tmp_path):
    """Three processes ingest overlapping inputs into one database at the same time."""
    jobs = [[str(CORPUS)], [str(CORPUS / "text")], [str(CORPUS / "html"), str(CORPUS)]]
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "dyad", "ingest", *paths, "--db", pg_url, "--json"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for paths in jobs
    ]
    reports = []
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
        reports.append(json.loads(out))
    stored = sum(r["stored"] for r in reports)
    expected = content(sqlite_demo)
    assert stored == len(expected["articles"])  # each article stored by exactly one process
    assert content(pg_url) == expected
    counts = [(r["stored"], r["duplicates"]) for r in reports]
    print(f"\n3 processes (stored, duplicates): {counts}")


def test_killed_ingest_into_postgresql_resumes(pg_url, tmp_path):
    corpus = tmp_path / "many.jsonl"
    text = "Pakistan's Defence Minister Khawaja Asif warned Kabul on Friday, in statement number {n}."
    with corpus.open("w", encoding="utf-8") as fh:
        for i in range(2000):
            fh.write(json.dumps({"id": f"n{i}", "text": text.format(n=i)}) + "\n")
    Store(pg_url).close()  # the schema exists before counting
    proc = subprocess.Popen(
        [sys.executable, "-m", "dyad", "ingest", str(corpus), "--db", pg_url],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )

    def whole() -> tuple[int, int]:
        store = Store(pg_url)
        n = store.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        broken = store.db.execute(
            "SELECT COUNT(*) FROM articles a WHERE NOT EXISTS "
            "(SELECT 1 FROM mentions m WHERE m.article_id = a.id)"
        ).fetchone()[0]
        store.close()
        return n, broken

    deadline = time.time() + 60
    while whole()[0] < 200 and time.time() < deadline:
        time.sleep(0.2)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    stored, broken = whole()
    assert 0 < stored < 2000 and broken == 0
    with dyad.open(pg_url) as d:
        report = d.ingest([str(corpus)])
    assert report.stored == 2000 - stored and report.duplicates == stored
    assert whole() == (2000, 0)


def test_unreachable_server_is_one_line(cli):
    r = cli("stats", "--db", "postgresql://nobody:secret@127.0.0.1:1/none")
    assert r.exit_code != 0
    line = r.stderr.strip()
    assert line.startswith("dyad: error: postgresql://nobody:***@127.0.0.1:1/none: cannot connect")
    assert "\n" not in line and "secret" not in line


def test_worker_processes_write_to_postgresql(cli, pg_url, sqlite_demo):
    r = cli("ingest", str(CORPUS), "--db", pg_url, "--workers", "2", "--json")
    assert r.exit_code == 0 and json.loads(r.stdout)["stored"] == len(content(sqlite_demo)["articles"])
    assert content(pg_url) == content(sqlite_demo)
    again = json.loads(cli("ingest", str(CORPUS), "--db", pg_url, "--workers", "2", "--json").stdout)
    assert again["stored"] == 0 and again["duplicates"] == len(content(sqlite_demo)["articles"])
