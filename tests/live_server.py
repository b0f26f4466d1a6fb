"""`dyad serve` as a user runs it: a subprocess on a free loopback port, stopped afterwards."""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass


@dataclass
class Live:
    url: str
    port: int
    pid: int
    token: str | None

    def rss_kb(self) -> int:
        """The server's resident memory now, in KiB."""
        with open(f"/proc/{self.pid}/status") as fh:
            return next(int(line.split()[1]) for line in fh if line.startswith("VmRSS:"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve(db: str, token: str | None = None) -> Iterator[Live]:
    """`dyad serve DB` on 127.0.0.1 (with --allow-writes and $DYAD_TOKEN when a token is given)."""
    port = free_port()
    args = [sys.executable, "-m", "dyad", "serve", db, "--port", str(port)]
    env = {**os.environ, "DYAD_TOKEN": token or ""}
    if token:
        args.append("--allow-writes")
    log = tempfile.TemporaryFile()  # noqa: SIM115 (not a pipe: a full pipe would stall the server)
    proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=log)
    try:
        deadline = time.time() + 60
        while True:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                conn.request("GET", "/api/stats")
                conn.getresponse().read()
                conn.close()
                break
            except OSError:
                if proc.poll() is not None or time.time() > deadline:
                    log.seek(0)
                    raise RuntimeError(f"dyad serve did not start: {log.read().decode()}") from None
                time.sleep(0.1)
        yield Live(f"http://127.0.0.1:{port}", port, proc.pid, token)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
