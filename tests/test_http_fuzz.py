"""schemathesis against a live `dyad serve` on loopback, over SQLite and PostgreSQL: every check on,
a fixed seed, a bounded number of examples per operation, and a time limit on the whole run (no
--max-time: that makes schemathesis repeat until the time is spent). No response may be a 5xx
or disagree with the OpenAPI schema, and the store must come out whole."""

from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
import sys

import pytest
from conftest import ROOT
from live_server import serve

TOKEN = "fuzz-token"
EXAMPLES = 30  # per operation; with the coverage and stateful phases about 1,000 requests, 15-25 s
CONFIG = """
# A well-formed article can still hold no article text once boilerplate is removed: that POST is a
# 400, which the schema cannot foresee. Every other operation must accept whatever the schema allows.
[[operations]]
include-path = "/api/articles"
include-method = "POST"
checks.positive_data_acceptance.expected-statuses = ["2xx", "400", "401", "403"]

# A source or target that is no country code or name and no actor's name in the store is a 422 that
# names it and the nearest valid ones (never an empty answer): the schema cannot list the store's names.
[[operations]]
include-path-regex = "^/api/(events|dyads/)"
include-method = "GET"
checks.positive_data_acceptance.expected-statuses = ["2xx", "404", "422"]
"""


def fuzz(
    url: str, tmp_path, examples: int = EXAMPLES, phases: str = "examples,coverage,fuzzing,stateful"
) -> str:
    config = tmp_path / "schemathesis.toml"
    config.write_text(CONFIG)
    args = [
        sys.executable,
        "-m",
        "schemathesis.cli",
        "--no-color",
        "--config-file",
        str(config),
        "run",
        f"{url}/openapi.json",
        "--checks",
        "all",
        "--max-examples",
        str(examples),
        "--phases",
        phases,
        "--seed",
        "20250101",
        "--workers",
        "1",
        "--request-timeout",
        "30",
        "--generation-database",
        "none",
        "--header",
        f"Authorization: Bearer {TOKEN}",
    ]
    run = subprocess.run(args, capture_output=True, text=True, timeout=150, cwd=tmp_path)
    out = run.stdout + run.stderr
    summary = out[out.rfind("SUMMARY") :] if "SUMMARY" in out else out[-3000:]
    print(summary)
    assert run.returncode == 0, out[-8000:]
    return out


def _cases(out: str) -> int:
    m = re.search(r"(\d+) generated, (\d+) passed", out)
    assert m and m.group(1) == m.group(2), out[-3000:]
    return int(m.group(1))


def test_schemathesis_over_sqlite(tmp_path, demo_db):
    db = tmp_path / "fuzz.db"
    shutil.copy(demo_db, db)
    with serve(str(db), TOKEN) as live:
        out = fuzz(live.url, tmp_path)
    assert _cases(out) > 500
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] >= 20


def test_schemathesis_over_postgresql(tmp_path, pg_url):
    import dyad

    with dyad.open(pg_url) as d:
        assert d.ingest([str(ROOT / "src" / "dyad" / "demo_corpus")]).stored >= 20
    with serve(pg_url, TOKEN) as live:  # a connection per request: slower, so no stateful phase
        out = fuzz(live.url, tmp_path, examples=20, phases="examples,coverage,fuzzing")
    assert _cases(out) > 300
    with dyad.open(pg_url) as d:
        assert d.stats()["articles"] >= 20


@pytest.fixture(autouse=True)
def _have_schemathesis():
    pytest.importorskip("schemathesis", reason="schemathesis is a dev dependency: scripts/setup.sh")
