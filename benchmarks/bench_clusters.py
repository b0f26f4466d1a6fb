"""What event clustering adds to an ingest.

Default: the corpus ingested without clustering, then the store clustered at once; and the corpus
ingested in batches without clustering, then in batches that each cluster their new events (the
incremental case). Prints seconds, articles/s and clustering's share of the ingest time. The corpus
is bench_ingest's (the demo corpus repeated with variations), its publication dates spread over a
year so that the date blocks hold what a year of news would.

    python benchmarks/bench_clusters.py [--articles 10000] [--batch 1000] [--parse]

`--store 100000`: clustering a store of that many articles, against the real pipeline's ingest
time. Ingesting 100,000 articles with the language layer takes over an hour here, so the store is
made, not ingested: `--base` articles (default 2,000) are ingested with the full pipeline (parse on,
clustering off, one process) and timed, which gives the ingest time per article; then their article
and event rows are copied until the store holds the asked number of articles, each copy's dates
moved by a multiple of 7 days within the year (so a year holds them all: a day's blocks grow with
the store), with new ids and content hashes. Two stores are made: copies as they are (each copy
repeats the base's events, near copies that join a cluster at once) and copies whose evidence words
are replaced, word for word, by made-up words of the same length, different in each copy (every
copy's events are new events: more, smaller clusters per block to compare with). Each
store is clustered at once, all but its last two copies; then one more copy (`--base` articles)
with its dates folded into the year's last week, clustered alone, as a week of news ingested into
a full store; then the last copy, its dates spread over the year as the others (the costly case
for an incremental ingest: every day's blocks are read for a few articles each). Clustering's
seconds per article are compared with the measured ingest seconds per article. The machine's
other load falls on both alike only roughly: the ingest is timed first, the clustering after.

    python benchmarks/bench_clusters.py --store 100000 [--base 2000]
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import json
import re
import shutil
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_ingest import make_corpus

from dyad import event_clusters
from dyad.api import Dyad, process
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


_LETTERS = re.compile(r"[A-Za-z]+")
_ALPHABET = "abcdefghijklmnopqrstuvwxyz"


def made_up(word: str, copy: int, known: dict) -> str:
    """A made-up word of the same length and case for `word` in copy number `copy`."""
    out = known.get(word)
    if out is None:
        digest = hashlib.blake2b(f"{copy}:{word.lower()}".encode(), digest_size=32).digest()
        letters = "".join(_ALPHABET[b % 26] for b in (digest * (len(word) // 32 + 1))[: len(word)])
        out = known[word] = letters.capitalize() if word[:1].isupper() else letters
    return out


def replicate(
    db, stride: int, copies: range, scramble: bool, step: int = 7, days: int = 365, anchor: int = 0
) -> None:
    """Copy the store's articles of ids up to `stride` and their events: copy k has ids k * stride
    higher and every date k * step days later, folded into `days` days from `anchor` days after
    the base's first date (a year; or a week, for a week of news); with `scramble`, its evidence
    words are made up anew."""
    base = db.execute("SELECT * FROM articles WHERE id <= ? ORDER BY id", (stride,)).fetchall()
    events = db.execute("SELECT * FROM events WHERE article_id <= ? ORDER BY id", (stride,)).fetchall()
    first = min(date.fromisoformat(r[7]) for r in base if r[7])
    spans: dict[int, list[tuple[int, int]]] = {}
    for e in events:
        spans.setdefault(e[1], []).append((e[24], e[25]))

    def moved(day: str | None, k: int) -> str | None:
        if not day:
            return day
        offset = ((date.fromisoformat(day) - first).days + k * step) % days
        return (first + timedelta(days=anchor + offset)).isoformat()

    for k in copies:
        known: dict[str, str] = {}
        rename = functools.partial(lambda m, k, known: made_up(m.group(), k, known), k=k, known=known)
        rows = []
        for a in base:
            text = a[11]
            if scramble:
                chars = list(text)
                for start, end in spans.get(a[0], ()):
                    chars[start:end] = _LETTERS.sub(rename, text[start:end])
                text = "".join(chars)
            rows.append((a[0] + k * stride, f"{a[1]}#{k}", *a[2:7], moved(a[7], k), *a[8:11], text, *a[12:]))
        db.conn.executemany(f"INSERT INTO articles VALUES ({','.join('?' * len(base[0]))})", rows)
        rows = [
            (None, e[1] + k * stride, *e[2:14], moved(e[14], k), moved(e[15], k), *e[16:35], None)
            for e in events
        ]
        db.conn.executemany(f"INSERT INTO events VALUES ({','.join('?' * len(events[0]))})", rows)
        db.conn.commit()


def _clustered(d: Dyad) -> float:
    """Seconds to cluster the store's unclustered events."""
    t0 = time.perf_counter()
    event_clusters.update(d.store)
    return time.perf_counter() - t0


def at_scale(n: int, base: int) -> None:
    """Clustering a store of n articles made from `base` ingested ones (see the module's docstring)."""
    copies = -(-n // base)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        make_corpus(corpus, base)
        spread(corpus)
        process("Pakistan warned Afghanistan on Friday.")  # the language model loaded before the clock
        with Dyad(Path(tmp) / "base.db", Settings(parse=True, cluster_events=False)) as d:
            t0 = time.perf_counter()
            d.ingest([str(corpus)])
            ingest = (time.perf_counter() - t0) / base
            stride = d.store.db.execute("SELECT MAX(id) FROM articles").fetchone()[0]
            per_article = d.store.db.execute("SELECT COUNT(*) FROM events").fetchone()[0] / base
        print(
            f"ingest with the language layer, no clustering: {base} articles, {1 / ingest:.1f} articles/s, "
            f"{1000 * ingest:.1f} ms an article, {per_article:.1f} events an article"
        )
        for scramble in (False, True):
            path = Path(tmp) / f"store-{scramble}.db"
            shutil.copy(Path(tmp) / "base.db", path)
            timed = []
            with Dyad(path, Settings(parse=True, cluster_events=False)) as d:
                replicate(d.store.db, stride, range(1, copies - 2), scramble)
                events = d.store.db.execute("SELECT COUNT(*) FROM events").fetchone()[0]
                done = d.store.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
                timed.append((f"clustering {done} articles ({events} events) at once", done, _clustered(d)))
                week = {"days": 7, "anchor": 358}
                for k, what, fold in (
                    (copies - 2, "a week of news", week),
                    (copies - 1, "spread over the year", {}),
                ):
                    replicate(d.store.db, stride, range(k, k + 1), scramble, **fold)
                    timed.append((f"then {base} more articles, {what}", base, _clustered(d)))
                articles, total, clusters = d.store.db.execute(
                    "SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM events), "
                    "(SELECT COUNT(*) FROM event_clusters)"
                ).fetchone()
            kind = "new words in each copy" if scramble else "copies as they are"
            print(f"store of {articles} articles, {total} events, {clusters} clusters ({kind}):")
            for what, count, seconds in timed:
                share = 100 * seconds / count / ingest
                print(f"  {what:55s} {seconds:7.1f} s  {1000 * seconds / count:6.2f} ms an article  ", end="")
                print(f"+{share:.1f}% of the ingest time", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--batch", type=int, default=1000)
    ap.add_argument("--parse", action="store_true", help="with the language layer (about 10x slower)")
    ap.add_argument("--store", type=int, help="cluster a store of this many articles (made, not ingested)")
    ap.add_argument("--base", type=int, default=2000, help="with --store: the articles really ingested")
    args = ap.parse_args()
    if args.store:
        at_scale(args.store, args.base)
        return
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
