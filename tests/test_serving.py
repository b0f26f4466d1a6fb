"""`dyad serve` for many readers: open store connections are reused (on PostgreSQL, no new server
session per request), a taken port and a store given twice are one line each."""

import json
import os
import socket
import threading
import time

import httpx
import pytest
from live_server import serve

from dyad.settings import Settings
from dyad.web.pool import Readers

STORY = {
    "id": "s1",
    "published": "2025-10-20",
    "text": "Pakistan accused Afghanistan of sheltering militants on Monday, officials said.",
}


def _ingest(cli, location, tmp_path):
    f = tmp_path / "s.jsonl"
    f.write_text(json.dumps(STORY) + "\n", encoding="utf-8")
    assert cli("ingest", str(f), "--db", location).exit_code == 0


def test_a_borrowed_store_is_given_back_and_reused(cli, db, tmp_path):
    _ingest(cli, db, tmp_path)
    readers = Readers(db, Settings(), keep=2)
    with readers.borrow() as first, readers.borrow() as second:
        assert first is not second  # both lent out: a second one is opened
    with readers.borrow() as again:
        assert again in (first, second)
        assert again.events()  # and it still reads
    readers.close()
    with pytest.raises(Exception, match="closed"):
        first.store.db.execute("SELECT 1")


def test_postgresql_serves_from_a_few_sessions(cli, pg_url, tmp_path):
    import psycopg

    _ingest(cli, pg_url, tmp_path)
    name = f"dyad-readers-{os.getpid()}"
    url = f"{pg_url}&application_name={name}"
    sql = "SELECT pid FROM pg_stat_activity WHERE application_name = %s"
    seen: set[int] = set()
    served: list[bool] = []
    with serve(url) as live, psycopg.connect(pg_url, autocommit=True) as watch:

        def reader() -> None:
            with httpx.Client(base_url=live.url) as client:
                for _ in range(40):
                    r = client.get("/api/events", params={"source": "PAK"})
                    served.append(r.status_code == 200 and r.json()["items"][0]["type"] == "ACCUSE")

        threads = [threading.Thread(target=reader) for _ in range(4)]
        for t in threads:
            t.start()
        while any(t.is_alive() for t in threads):  # the server's sessions, as the requests come
            seen |= {pid for (pid,) in watch.execute(sql, (name,))}
            time.sleep(0.005)
        for t in threads:
            t.join()
    assert len(served) == 160 and all(served)
    # a session per request would show dozens of server processes; kept ones are a few, reused
    assert 1 <= len(seen) <= 9


def test_a_taken_port_names_itself_and_another(cli, db, tmp_path):
    _ingest(cli, db, tmp_path)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        r = cli("serve", db, "--port", str(port))
    assert r.exit_code == 2
    line = r.stderr.strip()
    assert "\n" not in line and f"port {port} on 127.0.0.1 is taken" in line and "--port " in line


def test_the_store_is_given_once(cli, db, tmp_path):
    _ingest(cli, db, tmp_path)
    r = cli("serve", db, "--db", db)
    assert r.exit_code == 2 and "given twice" in r.stderr and "once, as DB or as --db" in r.stderr
    r = cli("serve", str(tmp_path / "none.db"))
    assert r.exit_code == 2 and "no store there" in r.stderr


@pytest.fixture(params=["sqlite", "postgresql"])
def location(request, tmp_path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "kept.db")
    return request.getfixturevalue("pg_url")


def test_a_kept_answer_is_never_stale(cli, location, tmp_path):
    """A repeated GET is answered from memory, until anything is written: by this server (a POST)
    or by another process (`dyad ingest` into the same store)."""
    _ingest(cli, location, tmp_path)
    with serve(location, token="t0k3n") as live, httpx.Client(base_url=live.url, timeout=120) as client:
        query = {"source": "PAK", "type": "ACCUSE"}
        first = client.get("/api/events", params=query).json()["items"]
        assert client.get("/api/events", params=query).json()["items"] == first
        posted = client.post(
            "/api/articles",
            json={"text": "Pakistan accused Afghanistan of arming fighters on Friday, officials said.",
                  "published": "2025-10-24"},
            headers={"authorization": "Bearer t0k3n"},
        )  # fmt: skip
        assert posted.status_code == 201
        second = client.get("/api/events", params=query).json()["items"]
        assert len(second) == len(first) + 1
        other = tmp_path / "other.jsonl"
        other.write_text(
            json.dumps({"id": "o1", "published": "2025-10-25",
                        "text": "Pakistan accused India of meddling on Saturday, officials said."}) + "\n",
            encoding="utf-8",
        )  # fmt: skip
        assert cli("ingest", str(other), "--db", location).exit_code == 0
        third = client.get("/api/events", params=query).json()["items"]
        assert len(third) == len(second) + 1 and third[-1]["target_country"] == "IND"
