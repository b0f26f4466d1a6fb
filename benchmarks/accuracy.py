"""Accuracy on every shared gold set, in one table: seeds, dev, PolNeAR, PLV, PLOVER GSR, PETR2.

    .venv/bin/python benchmarks/accuracy.py [--sets seeds dev polnear plv gsr petr2] [--polnear-split dev]

Each figure is the one the shared scorers print (../shared/tools) or the one the tests hold floors
on (dyad.gsr.gsr_scores). Run it before and after every accuracy change and report all of it.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import dyad
from dyad.gold import to_gold
from dyad.gsr import gsr_scores, load_cameo_map, load_petr2, load_plover_gsr

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
TOOLS = SHARED / "tools"
DATA = SHARED / "data"
FIELDS = ("id", "url", "outlet", "published", "title", "text")


def _extract(gold_dir: Path, out: Path) -> None:
    """Predictions in the gold format for every gold article of a directory."""
    with out.open("w", encoding="utf-8") as f:
        for path in sorted(gold_dir.glob("*.json")):
            g = json.loads(path.read_text(encoding="utf-8"))
            if "text" not in g:
                txt = path.with_suffix(".txt")
                g["text"] = txt.read_text(encoding="utf-8") if txt.exists() else ""
            a = dyad.process(g["text"], published=g.get("published"), title=g.get("title"))
            f.write(json.dumps(to_gold(a, g["id"]), ensure_ascii=False) + "\n")


def _scorer(tool: str, *args: str) -> dict | str:
    out = subprocess.run([sys.executable, str(TOOLS / tool), *args], capture_output=True, text=True)
    try:
        return json.loads(out.stdout)
    except json.JSONDecodeError:
        return out.stdout.strip()


def gold_articles(name: str, tmp: Path) -> str:
    pred = tmp / f"{name}.jsonl"
    _extract(DATA / name, pred)
    return str(_scorer("score_gold.py", str(DATA / name), str(pred)))


def polnear(split: str, tmp: Path) -> str:
    pred = tmp / f"polnear-{split}.jsonl"
    _extract(DATA / "polnear" / split, pred)
    r = _scorer("score_polnear.py", str(DATA / "polnear" / split), str(pred))
    if isinstance(r, str):
        return r
    qs = r["quote_speaker"]
    return (
        f"spans R {r['spans']['recall']} P {r['spans']['precision']} | named-speaker accuracy "
        f"{r['speaker']['named_accuracy']} | quote+speaker P {qs['precision']} R {qs['recall']} F1 {qs['f1']}"
    )


def plv(tmp: Path) -> str:
    r = _scorer("score_plv.py", str(DATA / "plv" / "plv_train.jsonl"))
    if isinstance(r, str):
        return r
    return (
        f"pair recall {r['pair_recall']} | type accuracy on linked {r['type_acc_on_linked']} "
        f"| end to end {r['end_to_end']}"
    )


def gsr(tmp: Path) -> str:
    items = load_plover_gsr(DATA / "plover_gsr" / "PLOVER_GSR_CAMEO.txt")
    acc, f1 = gsr_scores(items, joint_acts=True)
    _, f1_all = gsr_scores(items, root_only=False, joint_acts=True)
    return f"root type accuracy {acc:.3f} | root triple F1 {f1:.3f} | all-events triple F1 {f1_all:.3f}"


def petr2(tmp: Path) -> str:
    cameo = load_cameo_map(DATA / "plover_gsr" / "CAMEO2PLOVER-2021.txt")
    items = load_petr2(DATA / "petr2_gsr" / "PETR2_GSR_validation.xml", cameo)
    acc, f1 = gsr_scores(items)
    _, f1_all = gsr_scores(items, root_only=False)
    return f"root type accuracy {acc:.3f} | root triple F1 {f1:.3f} | all-events triple F1 {f1_all:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="+", default=["seeds", "dev", "polnear", "plv", "gsr", "petr2"])
    parser.add_argument("--polnear-split", default="dev", choices=["dev", "train"])
    args = parser.parse_args()
    runs = {
        "seeds": lambda t: gold_articles("seeds", t),
        "dev": lambda t: gold_articles("dev", t),
        "polnear": lambda t: polnear(args.polnear_split, t),
        "plv": plv,
        "gsr": gsr,
        "petr2": petr2,
    }
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.sets:
            t0 = time.perf_counter()
            figure = runs[name](Path(tmp))
            print(f"{name:8} {figure}  ({time.perf_counter() - t0:.0f} s)", flush=True)


if __name__ == "__main__":
    main()
