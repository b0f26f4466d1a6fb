"""The project's promises: README commands, CI, the demo corpus, the installed command."""

import json
import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

import dyad
from dyad.ingest import sources

CORPUS = ROOT / "src" / "dyad" / "demo_corpus"


def _readme_commands() -> list[str]:
    block = re.search(r"```sh\n(.*?)```", (ROOT / "README.md").read_text(), re.S).group(1)
    return [line for line in block.splitlines() if line and not line.startswith("#")]


def test_readme_opens_with_demo_and_test_commands_and_ci_runs_the_latter():
    demo, test = _readme_commands()[:2]
    assert demo.endswith("dyad demo") and test.endswith("pytest -q")
    ci = (ROOT / ".ci" / "run").read_text().splitlines()
    assert test in ci


def test_demo_corpus_has_every_format_and_enough_articles():
    docs = [x for x in sources.read(sources.expand([str(CORPUS)]), 10**7) if isinstance(x, sources.RawDoc)]
    formats = {Path(d.source).suffix for d in docs}
    assert len(docs) >= 20 and formats >= {".txt", ".html", ".jsonl"}
    assert any(d.format == "html" and d.source.endswith(".jsonl") for d in docs)


def test_demo_command_runs_from_the_installed_package(tmp_path):
    db = tmp_path / "demo.db"
    r = subprocess.run(
        [sys.executable, "-m", "dyad", "demo", "--no-serve", "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    assert "demo corpus:" in r.stdout and "most mentioned actors" in r.stdout
    with dyad.open(db) as d:
        s = d.stats()
        actors = {a["name"]: a for a in d.actors()}
    assert s["articles"] >= 20 and s["languages"].get("fr") == 1
    # dyads beyond Pakistan-Afghanistan are present
    assert {
        "Pakistan",
        "Afghanistan",
        "India",
        "Israel",
        "Iran",
        "Venezuela",
        "United States",
    } <= set(actors)
    assert actors["Khawaja Asif"]["articles"] >= 3
    r2 = subprocess.run(
        [sys.executable, "-m", "dyad", "stats", "--db", str(db), "--json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert json.loads(r2.stdout)["articles"] == s["articles"]


def test_ruff_clean():
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "ruff",
            "check",
            str(ROOT / "src"),
            str(ROOT / "tests"),
            str(ROOT / "benchmarks"),
        ],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stdout
