"""A real PostgreSQL server for the tests: $DYAD_TEST_PG, else the machine's own at 127.0.0.1:5432,
else a throwaway one started from the Debian packages' binaries."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

MACHINE = "postgresql://postgres@127.0.0.1:5432/test"


def _reachable(url: str) -> bool:
    import psycopg

    try:
        psycopg.connect(url, connect_timeout=3).close()
        return True
    except psycopg.Error:
        return False


@contextmanager
def server() -> Iterator[str | None]:
    """The URL of a server to test against, or None when there is none and none can be started."""
    url = os.environ.get("DYAD_TEST_PG") or MACHINE
    if _reachable(url):
        yield url
        return
    initdb = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not initdb:
        yield None
        return
    bindir = os.path.dirname(initdb[-1])
    data = tempfile.mkdtemp(prefix="dyad-pg-")
    as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if as_user:
        shutil.chown(data, "postgres")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    run = lambda *cmd: subprocess.run([*as_user, *cmd], check=True, capture_output=True)  # noqa: E731
    run(f"{bindir}/initdb", "-D", data, "-U", "postgres", "--auth=trust")
    # the server's output goes to a log file: it would hold a captured pipe open
    run(
        f"{bindir}/pg_ctl",
        "-D",
        data,
        "-l",
        f"{data}/log",
        "-w",
        "-o",
        f"-p {port} -k {data} -h 127.0.0.1",
        "start",
    )
    try:
        url = f"postgresql://postgres@127.0.0.1:{port}/postgres"
        deadline = time.time() + 30
        while not _reachable(url) and time.time() < deadline:
            time.sleep(0.2)
        yield url
    finally:
        run(f"{bindir}/pg_ctl", "-D", data, "-m", "immediate", "stop")
        shutil.rmtree(data, ignore_errors=True)


@contextmanager
def fresh_schema(url: str) -> Iterator[str]:
    """A URL whose tables go into a new, empty schema, dropped afterwards."""
    import psycopg

    name = "dyad_test_" + uuid.uuid4().hex[:12]
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {name}")
    sep = "&" if "?" in url else "?"
    try:
        yield f"{url}{sep}options=-csearch_path%3D{name}"
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {name} CASCADE")
