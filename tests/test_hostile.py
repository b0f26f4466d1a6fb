"""Hostile inputs (tests/hostile.py writes them) into a store that already holds the demo corpus:
each alone and all together, through the CLI. Every bad input gets one line and exit code 1, every
good one is stored, what was stored before is unchanged byte for byte, and each input takes time
in proportion to its size. Then what was stored is printed: as data, never as markup or escapes."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time

import pytest
from conftest import ROOT
from hostile import Case, article, build, ingest, time_bound

import dyad
from dyad.cli import terminal
from dyad.errors import InputError
from dyad.ingest import fields

TABLES = ("meta", "articles", "sentences", "actors", "mentions", "quotes", "events", "candidates")


def _snapshot(db: str) -> dict[str, list[tuple]]:
    with sqlite3.connect(db) as c:
        return {t: c.execute(f"SELECT rowid, * FROM {t} ORDER BY rowid").fetchall() for t in TABLES}


def _unchanged(before: dict, db: str) -> None:
    after = _snapshot(db)
    for table, rows in before.items():
        last = rows[-1][0] if rows else 0
        assert [r for r in after[table] if r[0] <= last] == rows, f"{table}: rows stored before changed"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> tuple[list[Case], str, dict]:
    """The inputs, and a store with the demo corpus (and its snapshot) to ingest them into."""
    base = tmp_path_factory.mktemp("hostile")
    cases = build(base / "in")
    db = str(base / "before.db")
    with dyad.open(db) as d:
        assert d.ingest([str(ROOT / "src" / "dyad" / "demo_corpus")]).stored >= 20
    # warm up: the knowledge and trafilatura are loaded once per process, not per input
    page = base / "warm.html"
    page.write_text(f"<html><body><article><p>{article()}</p></article></body></html>")
    (base / "warm-broken.html").write_text("<html><body><div><p>short</div></span>")  # justext's lists
    assert ingest([str(page), str(base / "warm-broken.html")], str(base / "warm.db")).stored == 1
    return cases, db, _snapshot(db)


def _copy(db: str, tmp_path, name: str) -> str:
    target = str(tmp_path / name)
    shutil.copy(db, target)
    return target


def test_there_are_enough(hostile):
    cases, _, _ = hostile
    bad = [c for c in cases if c.errors]
    assert len(bad) >= 150 and len(cases) - len(bad) >= 50, (len(bad), len(cases))


def test_each_input_alone(hostile, tmp_path):
    cases, before, snapshot = hostile
    db = _copy(before, tmp_path, "alone.db")
    wrong, slowest = [], []
    for case in cases:
        o = ingest([case.path], db)
        slowest.append((o.seconds, case))
        got = (o.exit_code, len(o.errors), o.stored)
        want = (1 if case.errors else 0, case.errors, case.stored)
        lines_ok = all(case.reason in e for e in o.errors) and not o.other and o.crash is None
        if got != want or not lines_ok or o.seconds > time_bound(case.size):
            wrong.append(
                f"{case.name}: {got} for {want} in {o.seconds:.1f} s: {o.errors or o.other} {o.crash!r}"
            )
    assert not wrong, "\n".join(wrong)
    _unchanged(snapshot, db)
    with sqlite3.connect(db) as c:
        added = c.execute("SELECT COUNT(*) FROM articles").fetchone()[0] - len(snapshot["articles"])
    assert added == sum(c.stored for c in cases)
    slowest.sort(key=lambda x: -x[0])
    print(f"\n{len(slowest)} inputs one by one in {sum(s for s, _ in slowest):.1f} s; the slowest:")
    for seconds, case in slowest[:5]:
        print(
            f"  {case.name}: {case.size / 1e6:.2f} MB, {seconds:.2f} s (bound {time_bound(case.size):.1f} s)"
        )


def test_all_inputs_together_and_a_closed_stdin(hostile, tmp_path):
    """One run of the real command (a process of its own, `- <&-` among its inputs)."""
    cases, before, snapshot = hostile
    db = _copy(before, tmp_path, "together.db")
    paths = [c.path for c in cases] + ["-"]
    command = [sys.executable, "-m", "dyad", "ingest", *paths, "--db", db, "--json"]
    started = time.perf_counter()
    r = subprocess.run(["bash", "-c", 'exec "$@" <&-', "-", *command], capture_output=True, timeout=600)
    seconds = time.perf_counter() - started
    stderr = r.stderr.decode("utf-8", "replace").splitlines()
    errors = [x for x in stderr if x.startswith("dyad: ") and not x.startswith("dyad: note: ")]
    assert r.returncode == 1 and not [x for x in stderr if not x.startswith("dyad: ")], stderr[-20:]
    assert len(errors) == sum(c.errors for c in cases) + 1
    assert "dyad: <stdin>: standard input is closed" in errors
    assert json.loads(r.stdout)["stored"] == sum(c.stored for c in cases)
    _unchanged(snapshot, db)
    assert seconds < 5 + sum(time_bound(c.size) for c in cases)
    print(f"\n{len(paths)} inputs in one run: {seconds:.1f} s, {len(errors)} one-line errors")


def test_inputs_that_fail_in_a_worker_process(hostile, tmp_path):
    """With --workers, an article refused while it is coded comes back from its process as one
    line (an InputError that could not be unpickled used to hang the run)."""
    cases, before, snapshot = hostile
    db = _copy(before, tmp_path, "workers.db")
    picked = [c for c in cases if c.path.endswith(".txt") and c.size < 100_000]
    o = ingest([c.path for c in picked], db, "--workers", "2")
    assert o.crash is None and not o.other and o.exit_code == 1
    assert (len(o.errors), o.stored) == (sum(c.errors for c in picked), sum(c.stored for c in picked))
    _unchanged(snapshot, db)


def test_closed_stdin_alone(tmp_path):
    r = subprocess.run(
        [
            "bash",
            "-c",
            'exec "$@" <&-',
            "-",
            sys.executable,
            "-m",
            "dyad",
            "ingest",
            "-",
            "--db",
            str(tmp_path / "s.db"),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 1 and r.stderr.splitlines()[0] == "dyad: <stdin>: standard input is closed"


def test_what_was_stored_prints_as_data(hostile, tmp_path, cli):
    """Titles and text holding Rich markup, escape sequences and control characters: shown as
    they are (brackets and all), never acted on, by every command that prints them."""
    cases, before, _ = hostile
    db = _copy(before, tmp_path, "print.db")
    names = ("markup.txt", "escapes.txt", "emoji-codes.txt", "title-markup.jsonl", "title-escapes.jsonl")
    names += ("title-newlines.jsonl", "entities.html", "title-markup.html", "new\\xff.txt")
    picked = [c.path for c in cases if c.name in names]
    assert len(picked) == len(names)
    assert ingest(picked, db).stored == len(names)
    outputs = {}
    for command in (["events"], ["quotes"], ["actors"], ["candidates"], ["stats"], ["show", "markup-title"]):
        r = cli(*command, "--db", db)
        assert r.exit_code == 0, (command, r.output)
        outputs[command[0]] = r.stdout
    with sqlite3.connect(db) as c:
        new = [row[0] for row in c.execute("SELECT id FROM articles ORDER BY id DESC LIMIT ?", (len(names),))]
    for ref in new:
        r = cli("show", str(ref), "--db", db)
        assert r.exit_code == 0, r.output
        outputs[f"show {ref}"] = r.stdout
    printed = "".join(outputs.values())
    assert not any(ch in printed for ch in "\x1b\x9b\x07\x00"), "a control character reached the terminal"
    assert "title: [/bold] Talks [red]resume[/red] [link=x]" in outputs["show"]
    assert (
        "[the Taliban] use [sic] our soil" in printed and "[bold red]" in printed and ":warning:" in printed
    )
    r = cli("show", "markup-title", "--db", db, "--json")
    assert json.loads(r.stdout)["title"] == "[/bold] Talks [red]resume[/red] [link=x]"


def test_unreadable_directory_is_one_line(cli, db, tmp_path, monkeypatch):
    (tmp_path / "in" / "locked").mkdir(parents=True)
    (tmp_path / "in" / "a.txt").write_text(article())
    real = os.scandir

    def scandir(path):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    r = cli("ingest", str(tmp_path / "in"), "--db", db, "--json")
    assert r.exit_code == 1 and json.loads(r.stdout)["stored"] == 1
    assert r.stderr.splitlines() == [
        f"dyad: {tmp_path / 'in' / 'locked'}: cannot read directory: Permission denied"
    ]


def test_what_a_directory_holds_besides_articles_is_said(cli, db, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(article())
    (folder / "notes.md").write_text("x")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    r = cli("ingest", str(folder), "--db", db)
    assert r.exit_code == 0
    what = "files that are not .txt, .html, .jsonl or .json"
    assert f"dyad: note: {folder}: skipped 2 {what} (notes.md, photo.jpg)" in r.stderr
    with dyad.open(db) as d:
        assert d.ingest([str(folder)]).warnings == [r.stderr.splitlines()[0].removeprefix("dyad: note: ")]


def test_record_fields_are_checked_in_one_place():
    """The same rules for a JSON record (CLI), the Python API and the HTTP API's ingest."""
    with pytest.raises(fields.BadRecord, match="'id' must be a string or a whole number, not an object"):
        fields.record({"text": "x", "id": {"a": 1}})
    with pytest.raises(fields.BadRecord, match="not true"):
        fields.record({"text": "x", "title": True})
    assert fields.record({"text": "x", "id": 7, "title": " A\n title "})[2]["title"] == "A title"
    with pytest.raises(InputError, match="lone surrogate"):
        dyad.process(article(), title="\udfff")
    with pytest.raises(InputError, match="NUL"):
        dyad.process(article("\x00"))
    with pytest.raises(InputError, match="too long"):
        dyad.process(article(), published="2025-01-01" * 1000)
    with dyad.open(":memory:") as d, pytest.raises(InputError, match="'id' is too long"):
        d.ingest_document(article(), "text", {"doc_id": "x" * 1000})
    with pytest.raises(fields.BadRecord, match="nested too deeply"):
        fields.loads("[" * 100_000)


def test_terminal_text_is_data():
    assert terminal.clean("a\x1b[31mred\x1b[0m \x1b]0;title\x07b\x9b2Jc\r\x00d\te\nf") == "ared bcd\te\nf"
    assert terminal.one_line("a\nb\x1b[1m") == "a\\nb\\x1b[1m"
    assert terminal.text("[/bold] [sic]").plain == "[/bold] [sic]"
    assert terminal.dumps({"t": "\x9b\x1b"}) == '{"t": "\\u009b\\u001b"}'


def test_no_nul_reaches_postgresql(pg_url, tmp_path):
    """A NUL is refused before any store: PostgreSQL and SQLite end up with the same articles."""
    f = tmp_path / "wire.jsonl"
    lines = [{"text": article("\x00")}, {"text": article(), "title": "a\x00b"}, {"text": article()}]
    f.write_text("".join(json.dumps(x) + "\n" for x in lines))
    for location in (pg_url, str(tmp_path / "lite.db")):
        with dyad.open(location) as d:
            report = d.ingest([str(f)])
        assert report.stored == 1 and [e.reason.split(" (")[0] for e in report.failed] == [
            "'text' holds a NUL character",
            "'title' holds a NUL character",
        ]
