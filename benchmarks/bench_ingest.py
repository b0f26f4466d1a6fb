"""Ingest throughput (articles/s, MB/s on one core) and peak memory at two corpus sizes.

The corpus is the demo corpus repeated with variations (every copy is a distinct article), as
JSON Lines with the text and HTML articles mixed as in the demo corpus.

    python benchmarks/bench_ingest.py [--sizes 2000 10000]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import dyad
from dyad import sources
from dyad.api import article_from
from dyad.settings import Settings

CORPUS = Path(dyad.__file__).parent / "demo_corpus"
PLACES = ["Chaman", "Torkham", "Khost", "Kurram", "Bajaur", "Quetta", "Peshawar", "Kandahar"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def make_corpus(path: Path, n: int, text_only: bool = False) -> int:
    """Write n distinct articles; returns the bytes written."""
    docs = [x for x in sources.read(sources.expand([str(CORPUS)]), 10**7) if isinstance(x, sources.RawDoc)]
    if text_only:
        docs = [d for d in docs if d.format == "text"]
    rng = random.Random(7)
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            d = docs[i % len(docs)]
            body = article_from(d, Settings()).raw
            extra = (
                f"Officials in {rng.choice(PLACES)} said on {rng.choice(DAYS)} that "
                f"{rng.randint(2, 400)} people had been affected (report {i})."
            )
            key = "html" if d.format == "html" else "text"
            if key == "html":
                cut = body.find("</article>")
                cut = cut if cut >= 0 else body.rfind("</p>") + len("</p>")
                body = f"{body[:cut]}<p>{extra}</p>{body[cut:]}"
            else:
                body = f"{body}\n{extra}\n"
            rec = {
                "id": f"bench-{i}",
                key: body,
                "title": d.title,
                "outlet": d.outlet,
                "published": d.published,
            }
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return path.stat().st_size


def run_one(n: int, text_only: bool, workers: int = 1) -> dict:
    """Ingest n articles in this process; returns the figures."""
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        size = make_corpus(corpus, n, text_only)
        with dyad.open(Path(tmp) / "bench.db") as d:
            d.ingest([str(corpus)])  # warm: imports, knowledge, automata (then a fresh store)
        db = Path(tmp) / "bench2.db"
        start = time.perf_counter()
        cpu0 = time.process_time()
        with dyad.open(db) as d:
            report = d.ingest([str(corpus)], workers=workers)
        wall = time.perf_counter() - start
        cpu = time.process_time() - cpu0
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "articles": n,
        "stored": report.stored,
        "failed": len(report.failed),
        "MB": size / 1e6,
        "seconds": wall,
        "cpu_seconds": cpu,
        "articles_per_s": n / wall,
        "MB_per_s": size / 1e6 / wall,
        "peak_rss_MB": peak_mb,
    }


def stage_times(n: int) -> dict[str, float]:
    """Milliseconds per article spent in each pipeline stage (over n articles)."""
    from dyad import pipeline
    from dyad.api import knowledge_for

    settings = Settings()
    ctx = pipeline.Context(settings, knowledge_for(settings))
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        make_corpus(corpus, n)
        docs = [x for x in sources.read([corpus], 10**8) if isinstance(x, sources.RawDoc)]
    totals = dict.fromkeys([name for name, _ in pipeline.PREPARE + pipeline.CODE], 0.0)
    for raw in docs:
        article = article_from(raw, settings)
        for name, stage in pipeline.PREPARE + pipeline.CODE:
            if name in dict(pipeline.CODE) and not article.is_english:
                continue
            t = time.perf_counter()
            stage(article, ctx)
            totals[name] += time.perf_counter() - t
    return {name: 1000 * t / len(docs) for name, t in totals.items()}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000])
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--text-only", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.text_only, args.workers)))
        return
    print("dyad ingest benchmark: one process, one core, SQLite store (actors stage included)")
    print(
        f"{'corpus':>20} {'articles':>9} {'MB':>7} {'seconds':>8} {'articles/s':>11} {'MB/s':>6} "
        f"{'peak RSS MB':>12}"
    )
    runs = [(n, False, 1) for n in args.sizes] + [(args.sizes[-1], True, 1), (args.sizes[-1], False, 2)]
    for n, text_only, workers in runs:  # each run in its own process, so that peak memory is its own
        cmd = [sys.executable, __file__, "--one", str(n), "--workers", str(workers)]
        cmd += ["--text-only"] if text_only else []
        out = subprocess.run(cmd, capture_output=True, text=True, check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        assert r["stored"] == n and r["failed"] == 0, r
        label = ("text only" if text_only else "demo mix") + (f", {workers} workers" if workers > 1 else "")
        print(
            f"{label:>20} {n:>9} {r['MB']:>7.1f} {r['seconds']:>8.1f} {r['articles_per_s']:>11.0f} "
            f"{r['MB_per_s']:>6.2f} {r['peak_rss_MB']:>12.0f}"
        )
    print("demo mix: the demo corpus's formats, a third of the articles HTML pages (trafilatura)")
    print()
    times = stage_times(2000)
    print(
        "ms per article by stage (demo mix, 2000 articles): "
        + ", ".join(f"{name} {ms:.2f}" for name, ms in times.items())
    )


if __name__ == "__main__":
    main()
