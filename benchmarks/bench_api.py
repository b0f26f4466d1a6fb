"""Events endpoint under load: requests/s, p50 and p99 latency on a store of many articles.

The store is the demo corpus repeated with variations (as in bench_ingest.py); the server is
`dyad serve` (one uvicorn process); the load comes from a second process on loopback, with a fixed
number of keep-alive connections for a fixed time. With --posts N, the load runs twice: alone, then
while a third process POSTs new articles (distinct ones, from the same generator) on N connections
for the whole time, to show that reads hold their latency while articles arrive.

    python benchmarks/bench_api.py [--articles 10000] [--seconds 15] [--connections 8] [--db PATH]
                                   [--pg postgresql://...] [--posts 2]
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
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


TOKEN = "bench-token"


def make_corpus(path: Path, n: int) -> None:
    sys.path.insert(0, str(Path(__file__).parent))
    import bench_ingest

    bench_ingest.make_corpus(path, n)


def build_store(db: str, corpus: Path, n: int) -> None:
    """The first n articles of the corpus into the store."""
    import dyad

    with tempfile.TemporaryDirectory() as tmp:
        first = Path(tmp) / "first.jsonl"
        with corpus.open(encoding="utf-8") as src, first.open("w", encoding="utf-8") as dst:
            for _, line in zip(range(n), src, strict=False):
                dst.write(line)
        with dyad.open(db) as d:
            report = d.ingest([str(first)])
    print(f"store: {report.stored} articles -> {d.store.path}", flush=True)


def post(port: int, seconds: float, connections: int, corpus: Path, skip: int) -> dict:
    """Run in a third process: POST the corpus's articles after the first `skip`, on keep-alive
    connections, until time is up; each record as the JSON the API takes."""
    with corpus.open(encoding="utf-8") as fh:
        records = [line.encode() for i, line in enumerate(fh) if i >= skip]
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    lock = threading.Lock()
    stop = time.perf_counter() + seconds
    headers = {"Content-Type": "application/json", "Authorization": f"Bearer {TOKEN}"}

    def worker(k: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        for body in records[k::connections]:
            if time.perf_counter() >= stop:
                break
            t = time.perf_counter()
            conn.request("POST", "/api/articles", body, headers)
            resp = conn.getresponse()
            resp.read()
            with lock:
                latencies.append(time.perf_counter() - t)
                statuses[resp.status] = statuses.get(resp.status, 0) + 1
        conn.close()

    elapsed = _run(worker, connections)
    return {
        "posts": len(latencies),
        "statuses": statuses,
        "seconds": elapsed,
        "per_s": len(latencies) / elapsed,
        "p50_ms": 1000 * statistics.median(latencies) if latencies else 0.0,
    }


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

    elapsed = _run(worker, connections)
    latencies.sort()
    return {
        "requests": len(latencies),
        "errors": errors,
        "seconds": elapsed,
        "rps": len(latencies) / elapsed,
        "p50_ms": 1000 * statistics.median(latencies),
        "p99_ms": 1000 * latencies[int(0.99 * (len(latencies) - 1))],
    }


def _self(*args: str) -> list[str]:
    return [sys.executable, __file__, *args]


def _run(worker, connections: int) -> float:
    """Seconds for `connections` threads each running worker(k) to finish."""
    threads = [threading.Thread(target=worker, args=(k,)) for k in range(connections)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - start


def _json_of(out: str) -> dict:
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--seconds", type=float, default=15)
    ap.add_argument("--connections", type=int, default=8)
    ap.add_argument("--db", help="reuse this store (a file, created if missing, or a postgresql:// URL)")
    ap.add_argument("--pg", help="a PostgreSQL server: the store goes into a schema of its own there")
    ap.add_argument("--posts", type=int, default=0, help="also run with N connections POSTing articles")
    ap.add_argument("--load", type=int, help=argparse.SUPPRESS)  # the load process: the port
    ap.add_argument("--post", type=int, help=argparse.SUPPRESS)  # the POSTing process: the port
    ap.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.load:
        print(json.dumps(load(args.load, args.seconds, args.connections)))
        return
    if args.post:
        print(json.dumps(post(args.post, args.seconds, args.posts, args.corpus, args.articles)))
        return
    tmp = tempfile.TemporaryDirectory()
    corpus = Path(tmp.name) / "corpus.jsonl"
    # the stored articles, then as many distinct ones again to POST
    make_corpus(corpus, args.articles + (args.articles if args.posts else 0))
    with contextlib.ExitStack() as stack:
        if args.pg:
            import bench_ingest

            db = stack.enter_context(bench_ingest.fresh_store("", "postgresql", args.pg))
            build_store(db, corpus, args.articles)
        else:
            db = args.db or str(Path(tmp.name) / "bench.db")
            if not (db.startswith("postgresql://") or Path(db).exists()):
                build_store(db, corpus, args.articles)
        stats, runs = run_server(db, args, corpus)
    report(args, stats, runs)


def run_server(db: str, args, corpus: Path) -> tuple[dict, list[tuple[str, dict, dict | None]]]:
    """Start `dyad serve` (writes on), run the load alone and, with --posts, under POSTs."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "dyad", "serve", db, "--port", str(port), "--allow-writes"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "DYAD_TOKEN": TOKEN},
    )
    runs = []
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
        timing = ["--seconds", str(args.seconds), "--connections", str(args.connections)]
        get_load = _self("--load", str(port), *timing)
        out = subprocess.run(get_load, capture_output=True, text=True, check=True)
        runs.append(("GETs alone", _json_of(out.stdout), None))
        if args.posts:
            poster = subprocess.Popen(
                _self("--post", str(port), "--seconds", str(args.seconds + 1), "--posts", str(args.posts),
                      "--corpus", str(corpus), "--articles", str(args.articles)),
                stdout=subprocess.PIPE,
                text=True,
            )  # fmt: skip
            time.sleep(1)  # the first articles are in
            out = subprocess.run(get_load, capture_output=True, text=True, check=True)
            posted = _json_of(poster.communicate(timeout=600)[0])
            runs.append((f"GETs + {args.posts} POSTing", _json_of(out.stdout), posted))
    finally:
        server.terminate()
        server.wait(timeout=30)
    return stats, runs


def report(args, stats: dict, runs) -> None:
    print(
        f"dyad API benchmark: GET /api/events (5 filter mixes, limit 50, random offsets), one uvicorn "
        f"process; load from a second process, {args.connections} keep-alive connections, loopback"
        + ("; POSTs of new articles (JSON) from a third" if args.posts else "")
    )
    backend = "PostgreSQL" if args.pg or (args.db or "").startswith("postgresql://") else "SQLite"
    print(f"store: {stats['articles']} articles, {stats['events']} events ({backend})")
    print(
        f"{'run':<16} {'requests':>9} {'errors':>7} {'seconds':>8} {'requests/s':>11} {'p50 ms':>7} "
        f"{'p99 ms':>7} {'POSTs':>6} {'POST/s':>7} {'POST p50':>9}"
    )
    for name, r, p in runs:
        posts = f"{p['posts']:>6} {p['per_s']:>7.1f} {p['p50_ms']:>9.0f}" if p else f"{'':>6} {'':>7} {'':>9}"
        print(
            f"{name:<16} {r['requests']:>9} {r['errors']:>7} {r['seconds']:>8.1f} {r['rps']:>11.0f} "
            f"{r['p50_ms']:>7.1f} {r['p99_ms']:>7.1f} {posts}"
        )
        if p and set(p["statuses"]) - {"200", "201"}:
            print(f"  POST statuses: {p['statuses']}")


if __name__ == "__main__":
    main()
