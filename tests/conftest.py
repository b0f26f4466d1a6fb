"""Shared fixtures: paths to ../shared, a CLI runner, a fresh store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dyad.cli import app

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "data" / "seeds"
DEV = SHARED / "data" / "dev"
SERVER_TOKEN = "session-server-token"  # the write token of the `server` fixture


def gold_articles() -> list[dict]:
    """Gold-annotated articles of ../shared (seeds and dev)."""
    files = sorted(SEEDS.glob("seed*.json")) + sorted(DEV.glob("d*.json"))
    return [json.loads(f.read_text(encoding="utf-8")) for f in files]


@pytest.fixture
def db(tmp_path) -> str:
    return str(tmp_path / "test.db")


@pytest.fixture
def cli():
    runner = CliRunner()

    def invoke(*args: str, input: str | bytes | None = None):
        return runner.invoke(app, list(args), input=input, catch_exceptions=False)

    return invoke


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> str:
    """A store built from the demo corpus (once per test session)."""
    import dyad

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    corpus = ROOT / "src" / "dyad" / "demo_corpus"
    with dyad.open(path) as d:
        report = d.ingest([str(corpus)])
        assert report.stored >= 20 and not report.failed
    return str(path)


@pytest.fixture(scope="session")
def server(demo_db) -> str:
    """A real HTTP server (uvicorn, loopback) over the demo store; yields its base URL."""
    import socket
    import threading
    import time

    import uvicorn

    from dyad.web import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(
        uvicorn.Config(
            create_app(demo_db, write_token=SERVER_TOKEN), host="127.0.0.1", port=port, log_level="warning"
        )
    )
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not srv.started and time.time() < deadline:
        time.sleep(0.05)
    assert srv.started, "the test server did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def pg_server():
    """A real PostgreSQL server (the machine's own, or one started for the session)."""
    from postgres_server import server

    with server() as url:
        if url is None:
            pytest.skip("no PostgreSQL server here and no initdb to start one")
        yield url


@pytest.fixture
def pg_url(pg_server) -> str:
    """A postgresql:// URL of an empty store of its own (a schema dropped after the test)."""
    from postgres_server import fresh_schema

    with fresh_schema(pg_server) as url:
        yield url
