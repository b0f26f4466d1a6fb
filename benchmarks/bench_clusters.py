"""What event clustering adds to an ingest: the corpus ingested without clustering, then the store
clustered at once; and the corpus ingested in batches without clustering, then in batches that
each cluster their new events (the incremental case). Prints seconds, articles/s and clustering's
share of the ingest time.

The corpus is bench_ingest's (the demo corpus repeated with variations), its publication dates
spread over a year so that the date blocks hold what a year of news would.

    python benchmarks/bench_clusters.py [--articles 10000] [--batch 1000] [--parse]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_ingest import make_corpus

from dyad import event_clusters
from dyad.api import Dyad
from dyad.settings import Settings


def spread(path: Path, days: int = 365) -> list[Path]:
    """Shift each article's date by its number modulo `days`; returns the file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    out = []
    for i, line in enumerate(lines):
        rec = json.loads(line)
        if rec.get("published"):
            rec["published"] = (date.fromisoformat(rec["published"]) + timedelta(days=i % days)).isoformat()
        out.append(json.dumps(rec, ensure_ascii=False))
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return [path]


def batches(path: Path, size: int) -> list[Path]:
    lines = path.read_text(encoding="utf-8").splitlines()
    parts = []
    for i in range(0, len(lines), size):
        part = path.with_name(f"part-{i // size:04d}.jsonl")
        part.write_text("\n".join(lines[i : i + size]) + "\n", encoding="utf-8")
        parts.append(part)
    return parts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--batch", type=int, default=1000)
    ap.add_argument("--parse", action="store_true", help="with the language layer (about 10x slower)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        make_corpus(corpus, args.articles)
        spread(corpus)
        off = Settings(parse=args.parse, cluster_events=False)
        with Dyad(Path(tmp) / "a.db", off) as d:
            t0 = time.perf_counter()
            d.ingest([str(corpus)])
            ingest = time.perf_counter() - t0
            events = d.store.db.execute("SELECT COUNT(*) FROM events").fetchone()[0]
            t0 = time.perf_counter()
            event_clusters.update(d.store)
            cluster = time.perf_counter() - t0
            clusters = d.store.db.execute("SELECT COUNT(*) FROM event_clusters").fetchone()[0]
        parts = batches(corpus, args.batch)
        timed = {}
        for name, clustered in (("batches", False), ("incremental", True)):
            with Dyad(Path(tmp) / f"{name}.db", Settings(parse=args.parse, cluster_events=clustered)) as d:
                t0 = time.perf_counter()
                for part in parts:
                    d.ingest([str(part)])
                timed[name] = time.perf_counter() - t0
    n = args.articles
    print(f"{n} articles, {events} events, {clusters} clusters ({'with' if args.parse else 'without'} parse)")
    print(f"ingest without clustering   {ingest:8.1f} s  {n / ingest:7.1f} articles/s")
    print(f"clustering the whole store  {cluster:8.1f} s  +{100 * cluster / ingest:.1f}% of the ingest")
    plain, incremental = timed["batches"], timed["incremental"]
    print(f"ingest in batches of {args.batch}          {plain:8.1f} s  {n / plain:7.1f} articles/s")
    print(
        f"the same, each batch clustered  {incremental:8.1f} s  {n / incremental:7.1f} articles/s  "
        f"+{100 * (incremental - plain) / plain:.1f}%"
    )


if __name__ == "__main__":
    main()
