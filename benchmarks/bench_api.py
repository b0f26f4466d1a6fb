"""Events endpoint under load: requests/s, p50 and p99 latency on a store of many articles.

The store is the demo corpus repeated with variations (as in bench_ingest.py); the server is
`dyad serve` (one uvicorn process); the load comes from a second process on loopback, with a fixed
number of keep-alive connections for a fixed time.

    python benchmarks/bench_api.py [--articles 10000] [--seconds 15] [--connections 8] [--db PATH]
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

QUERIES = [
    "/api/events?limit=50",
    "/api/events?source=PAK&target=AFG&limit=50",
    "/api/events?type=ASSAULT&limit=50",
    "/api/events?source=USA&when=current&limit=50",
    "/api/events?since=2025-10-15&until=2025-10-31&limit=50",
]


def build_store(db: Path, n: int) -> None:
    sys.path.insert(0, str(Path(__file__).parent))
    import bench_ingest

    import dyad

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        bench_ingest.make_corpus(corpus, n)
        with dyad.open(db) as d:
            report = d.ingest([str(corpus)])
    print(f"store: {report.stored} articles -> {db}", flush=True)


def load(port: int, seconds: float, connections: int) -> dict:
    """Run in the second process: keep-alive connections issuing requests until time is up."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    stop = time.perf_counter() + seconds

    def worker(seed: int) -> None:
        nonlocal errors
        rng = random.Random(seed)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine, bad = [], 0
        while time.perf_counter() < stop:
            path = rng.choice(QUERIES) + f"&offset={rng.randrange(0, 500, 50)}"
            t = time.perf_counter()
            conn.request("GET", path)
            resp = conn.getresponse()
            resp.read()
            mine.append(time.perf_counter() - t)
            bad += resp.status != 200
        conn.close()
        with lock:
            latencies.extend(mine)
            errors += bad

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(connections)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start
    latencies.sort()
    return {
        "requests": len(latencies),
        "errors": errors,
        "seconds": elapsed,
        "rps": len(latencies) / elapsed,
        "p50_ms": 1000 * statistics.median(latencies),
        "p99_ms": 1000 * latencies[int(0.99 * (len(latencies) - 1))],
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--seconds", type=float, default=15)
    ap.add_argument("--connections", type=int, default=8)
    ap.add_argument("--db", type=Path, help="reuse (or create) this store")
    ap.add_argument("--load", type=int, help=argparse.SUPPRESS)  # the load process: the port
    args = ap.parse_args()
    if args.load:
        print(json.dumps(load(args.load, args.seconds, args.connections)))
        return
    tmp = tempfile.TemporaryDirectory()
    db = args.db or Path(tmp.name) / "bench.db"
    if not db.exists():
        build_store(db, args.articles)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "dyad", "serve", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                http.client.HTTPConnection("127.0.0.1", port, timeout=2).request("GET", "/api/stats")
                break
            except OSError:
                time.sleep(0.2)
        conn = http.client.HTTPConnection("127.0.0.1", port)
        conn.request("GET", "/api/stats")
        stats = json.loads(conn.getresponse().read())
        out = subprocess.run(
            [
                sys.executable,
                __file__,
                "--load",
                str(port),
                "--seconds",
                str(args.seconds),
                "--connections",
                str(args.connections),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        r = json.loads(out.stdout.strip().splitlines()[-1])
    finally:
        server.terminate()
        server.wait(timeout=10)
    print(
        f"dyad API benchmark: GET /api/events (5 filter mixes, limit 50, random offsets), one uvicorn "
        f"process; load from a second process, {args.connections} keep-alive connections, loopback"
    )
    print(f"store: {stats['articles']} articles, {stats['events']} events")
    print(f"{'requests':>9} {'errors':>7} {'seconds':>8} {'requests/s':>11} {'p50 ms':>7} {'p99 ms':>7}")
    print(
        f"{r['requests']:>9} {r['errors']:>7} {r['seconds']:>8.1f} {r['rps']:>11.0f} {r['p50_ms']:>7.1f} "
        f"{r['p99_ms']:>7.1f}"
    )


if __name__ == "__main__":
    main()
