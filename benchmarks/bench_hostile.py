"""Hostile inputs (tests/hostile.py) ingested one by one: the slowest, in seconds and s/MB, and for
the inputs that used to take quadratic time, how their time grows with their size.

    python benchmarks/bench_hostile.py [--scale 5] [--top 12]

Each input goes through the CLI's own code in this process (after a warm-up that loads the
knowledge and trafilatura), into a store that holds the demo corpus. The quadratic-time shapes are
run at --scale and at 1: a time that grows as the size does gives a ratio near 1 (on a machine
that is busy with other work, the times, and so the ratios, vary).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import hostile  # noqa: E402

import dyad  # noqa: E402


def run(cases: list[hostile.Case], db: str) -> list[tuple[float, hostile.Case]]:
    times = []
    for case in cases:
        outcome = hostile.ingest([case.path], db)
        if outcome.crash is not None or outcome.other:
            print(f"{case.name}: {outcome.crash!r} {outcome.other[:3]}")
        times.append((outcome.seconds, case))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=5.0, help="size of the timed inputs (1: the test's)")
    parser.add_argument("--top", type=int, default=12, help="how many of the slowest inputs to list")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        db = str(base / "store.db")
        with dyad.open(db) as d:
            d.ingest([str(ROOT / "src" / "dyad" / "demo_corpus")])
        page = base / "warm.html"
        page.write_text(f"<html><body><article><p>{hostile.article()}</p></article></body></html>")
        (base / "warm-broken.html").write_text("<html><body><div><p>short</div></span>")
        hostile.ingest([str(page), str(base / "warm-broken.html")], str(base / "warm.db"))

        small = {c.name: c for c in hostile.build(base / "small", 1.0)}
        big = hostile.build(base / "big", args.scale)
        times = run(big, db)
        total = sum(s for s, _ in times)
        print(f"{len(times)} inputs (timed ones at scale {args.scale:g}), {total:.1f} s in all; the slowest:")
        print(f"{'input':36} {'MB':>7} {'s':>7} {'s/MB':>7} {'bound s':>8}")
        for seconds, case in sorted(times, key=lambda x: -x[0])[: args.top]:
            per_mb = f"{seconds / (case.size / 1e6):7.2f}" if case.size > 10_000 else f"{'':>7}"
            bound = hostile.time_bound(case.size)
            print(f"{case.name[:36]:36} {case.size / 1e6:7.2f} {seconds:7.2f} {per_mb} {bound:8.1f}")
        over = [c.name for s, c in times if s > hostile.time_bound(c.size)]
        print("over the bound:", ", ".join(over) or "none")

        grown = [(s, c) for s, c in times if c.size > 10_000 and small[c.name].size < c.size]
        print(f"\ngrowth from scale 1 to {args.scale:g} (time ratio over size ratio: 1 is linear)")
        for seconds, case in sorted(grown, key=lambda x: -x[0]):
            s1 = run([small[case.name]], db)[0][0]
            ratio = seconds / s1 / (case.size / small[case.name].size)
            print(f"{case.name[:36]:36} {s1:6.2f} s -> {seconds:6.2f} s  {ratio:5.2f}")


if __name__ == "__main__":
    main()
