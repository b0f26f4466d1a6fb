"""Hostile inputs for `dyad ingest`, written into a directory at test time (none is kept in the
repository): wrong encodings, binary data, empty and oversized inputs, malformed JSON, JSON Lines
and HTML, fields of the wrong kind or length, lone surrogates, NUL, deep nesting, huge integers,
file names that are not UTF-8, links out of the tree, FIFOs, /proc files, inputs that used to take
quadratic time, and articles whose text holds Rich markup or terminal escape sequences.

`build(base, scale)` returns the cases; each names what to give `dyad ingest`, how many one-line
errors and stored articles it must give, and a word its error lines must hold. `scale` multiplies
the size of the inputs that test running time (the benchmark uses more than the test)."""

from __future__ import annotations

import codecs
import json
import os
import socket
import time
from dataclasses import dataclass
from pathlib import Path

from hostile_inputs import encodings, json_files, jsonl
from hostile_kit import Builder, Case, article
from hostile_kit import record as _record

__all__ = ["Case", "Outcome", "article", "build", "ingest", "time_bound"]


def build(base: Path, scale: float = 1.0) -> list[Case]:
    b = Builder(base, scale)
    encodings(b)
    jsonl(b)
    json_files(b)
    _html(b)
    _files(b)
    _size_and_time(b)
    return b.cases


def _html(b: Builder) -> None:
    def page(body: str, head: str = "") -> str:
        return f"<html><head>{head}</head><body><article>{body}</article></body></html>"

    def paras(extra: str = "") -> str:
        return "".join(f"<p>{p}</p>" for p in article(extra).split("\n") if p)

    svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><text>{}</text></svg>'
    b.file("svg-script.html", svg.format(" ".join(article().split("\n"))), stored=1)
    b.file("svg-only.html", svg.format(""), errors=1, reason="no article text")
    b.file(
        "svg-nested.html",
        "<svg><script>" * 50 + "x" + "</script></svg>" * 50,
        errors=1,
        reason="no article text",
    )
    b.file("math-script.html", f"<math><script>x</script></math>{page(paras())}", stored=1)
    b.file(
        "deep-divs.html",
        "<html><body>" + "<div>" * 100000 + paras() + "</div>" * 100000,
        errors=1,
        reason="no article text",
    )
    b.file("huge-attr.html", page(f"<p title='{'x' * 1_000_000}'></p>" + paras()), stored=1)
    b.file("xml-decl.html", '<?xml version="1.0" encoding="UTF-16"?>' + page(paras()), stored=1)
    b.file("comments.html", "<html><body>" + "<!--" * 100000 + paras(), errors=1, reason="no article text")
    b.file("huge-title.html", page(paras(), f"<title>{'Big news ' * 100_000}</title>"), stored=1)
    b.file("title-markup.html", page(paras(), "<title>[/bold] [red]Talks[/red]</title>"), stored=1)
    b.file("entities.html", page(paras(" &#27;]0;owned&#7; &#0; &#x9b;2J &#x1b;[31mred.")), stored=1)
    b.file(
        "bad-meta.html",
        page(paras(), f'<meta property="article:published_time" content="{"9" * 100000}">'),
        stored=1,
    )
    b.file("utf16.html", codecs.BOM_UTF16_LE + page(paras()).encode("utf-16-le"), stored=1)
    b.file("cp1252.html", page(paras(" The café’s owner agreed.")).encode("cp1252"), stored=1)
    b.file(
        "page.xhtml",
        '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">' + page(paras())[6:],
        stored=1,
    )
    b.file("empty-body.html", "<html><body></body></html>", errors=1, reason="no article text")
    b.file(
        "script-only.html",
        "<html><body><script>" + "var x = 1;" * 1000 + "</script></body></html>",
        errors=1,
        reason="no article text",
    )
    b.file("broken.html", "<html><body><div><p>short</div></span><<<>>>", errors=1, reason="no article text")
    b.file("nul.html", b"<html>\x00<body>" + article().encode(), errors=1, reason="binary data")
    b.file(
        "frameset.html", "<frameset><frame src='/etc/passwd'></frameset>", errors=1, reason="no article text"
    )
    b.file(
        "tables.html",
        "<html><body>" + "<table><tr><td>" * 20000 + paras(),
        errors=1,
        reason="no article text",
    )


def _files(b: Builder) -> None:
    b.file(b"new\xff.txt", article(), stored=1)
    b.file(b"latin-\xe9\xe8.txt", b"", errors=1, reason="empty input")
    b.file("line\nbreak.txt", b"", errors=1, reason="empty input")
    b.file("esc-\x1b[31m-\x1b]0;x\x07.txt", b"", errors=1, reason="empty input")
    b.file("[bold]markup[-bold].txt", b"", errors=1, reason="empty input")
    b.file("long-" + "n" * 240 + ".txt", article(), stored=1)
    b.case("", label="empty path", errors=1, reason="empty path", size=0)
    b.case(b.base / "missing.txt", errors=1, reason="no such file")
    tree = b.base / "tree"
    (tree / "sub").mkdir(parents=True)
    (tree / "good.txt").write_text(article())
    (tree / "notes.bin").write_bytes(b"\x00")
    (tree / ".hidden.txt").write_text("")
    (tree / "passwd.txt").symlink_to("/etc/passwd")
    outside = b.base / "outside.data"
    outside.write_text(article())
    (tree / "out.txt").symlink_to(outside)
    (tree / "sub" / "up.txt").symlink_to("../../outside.data")
    (tree / "real.data").write_text(article())
    (tree / "inside.txt").symlink_to("real.data")
    (tree / "broken.txt").symlink_to("nowhere.txt")
    (tree / "proc.txt").symlink_to("/proc/self/status")
    (tree / "dirlink").symlink_to(b.base)
    os.mkfifo(tree / "fifo.txt")
    with socket.socket(socket.AF_UNIX) as s:
        s.bind(str(tree / "sock.jsonl"))
    b.case(tree, errors=7, stored=2)  # 3 links out, a link to /proc, a broken one, a FIFO, a socket
    os.mkfifo(b.base / "fifo.jsonl")
    b.case(b.base / "fifo.jsonl", errors=1, reason="FIFO")
    for special, reason in [
        ("/proc/self/status", "kernel"),
        ("/proc/self/environ", "kernel"),
        ("/dev/null", "device"),
    ]:
        b.case(special, label=special, errors=1, reason=reason)
    (b.base / "empty-dir").mkdir()
    b.case(b.base / "empty-dir", errors=1, reason="no articles")
    (b.base / "others" / ".git").mkdir(parents=True)
    (b.base / "others" / "README.md").write_text("x")
    (b.base / "others" / ".git" / "x.txt").write_text(article())
    b.case(b.base / "others", errors=1, reason="no articles")
    deep = b.base / "deep-tree" / Path(*["d"] * 60)
    deep.mkdir(parents=True)
    (deep / "a.txt").write_text(article())
    b.case(b.base / "deep-tree", stored=1)


# Inputs that took time growing as the square of their size: (name, a unit repeated with its
# number, how many times). Each is one article.
SHAPES = [
    ("short-sentences", "Iran hit Iraq, he said on day {i}. ", 10_000),  # attribution per sentence
    ("one-sentence", "[Pakistan] (warned) the {{Afghanistan}} {i} ", 2_000),  # no full stop
    ("struck", "Gaza was struck by Israeli jets on the {i}th day. ", 1_500),
    ("teasers", "Pakistan warned Afghanistan about the {i} border and more...\n", 1_500),
    ("minister", "The minister said Pakistan would attack on day {i}. ", 1_500),
    ("ethnic", "Ethnic Albanians in Serbia protested on day {i}. ", 1_500),
    ("albanians", "The Albanians of Serbia and Kosovo met on day {i}. ", 1_500),
    ("quotes", 'Pakistan said: "We will attack Afghanistan and nobody will stop us on day {i}." ', 750),
    ("both-sides", "Pakistan and India talked on day {i}. Both sides agreed. ", 1_000),
    ("trump", "Trump said the two countries had agreed on day {i}. ", 1_000),
    ("according", "According to NDTV, Pakistan attacked India on day {i}. ", 1_000),
    ("lines", "Pakistan {i} is the\n", 2_500),
]


def _size_and_time(b: Builder) -> None:
    n = b.n
    b.file("quote-marks.txt", article(" " + 'He said "no" and "yes" today. ' * n(2000)), stored=1)
    b.file("quote-marks-one-sentence.txt", article(" " + '"no" "yes" ' * n(2000)), stored=1)
    for name, unit, count in SHAPES:
        b.file(f"{name}.txt", "".join(unit.format(i=i) for i in range(n(count))), stored=1)
    b.file("one-word.txt", article() + "x" * n(500_000), stored=1)
    b.file("many-lines.txt", article() + "\n" * n(500_000) + article(), stored=1)
    b.file("lorem.txt", "lorem ipsum dolor sit amet consectetur " * n(25_000), stored=1)
    b.lines("many-records.jsonl", [_record(text=article()) for _ in range(n(200))], stored=n(200))


@dataclass
class Outcome:
    exit_code: int
    errors: list[str]  # the one-line errors ("dyad: NAME: reason")
    other: list[str]  # any other line on stderr but notes (a traceback, say)
    stored: int | None
    seconds: float
    crash: BaseException | None


def ingest(paths: list[str], db: str, *options: str) -> Outcome:
    """`dyad ingest PATHS --db DB --json` run by the CLI's own code in this process (a process per
    input would cost more than most inputs do), timed."""
    from typer.testing import CliRunner

    from dyad.cli import app

    started = time.perf_counter()
    r = CliRunner().invoke(app, ["ingest", *paths, "--db", db, "--json", *options], catch_exceptions=True)
    seconds = time.perf_counter() - started
    lines = r.stderr.splitlines()
    errors = [x for x in lines if x.startswith("dyad: ") and not x.startswith("dyad: note: ")]
    other = [x for x in lines if not x.startswith("dyad: ")]
    try:
        stored = json.loads(r.stdout)["stored"]
    except (ValueError, KeyError):
        stored = None
    crash = r.exception if not isinstance(r.exception, SystemExit | type(None)) else None
    return Outcome(r.exit_code, errors, other, stored, seconds, crash)


def time_bound(size: int) -> float:
    """Seconds an input of `size` bytes may take: a fixed cost and a cost per megabyte well above
    the pipeline's (with the language layer about 30-50 s/MB of English text whose every sentence
    is parsed, on a 2-core machine, so that a busy machine passes too), far below what a step of
    quadratic time takes (minutes for these inputs)."""
    return 5.0 + 120.0 * size / 1e6
