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

LIMIT = 20 * 1024 * 1024  # Settings.max_bytes


@dataclass
class Case:
    name: str  # a label for reports
    path: str  # what `dyad ingest` is given
    errors: int = 0  # one-line errors expected
    stored: int = 0  # articles stored
    reason: str = ""  # what each error line says
    size: int = 0  # bytes of input, for the time bound
    slow: str = ""  # a known quadratic step not fixed on this branch (reported, not failed)


_count = iter(range(1, 1_000_000))


def article(extra: str = "") -> str:
    """A short English news article, different every time (so that none is a duplicate)."""
    n = next(_count)
    return (
        f"Border talks resume after clashes, report {n}\n\n"
        f"ISLAMABAD — Pakistan and Afghanistan agreed on Monday to reopen the Torkham crossing, "
        f"officials said, in the {n}th round of talks this year. Pakistan's Defence Minister "
        f"Khawaja Asif said the talks in Doha would continue next week.{extra} The Taliban "
        f"government in Kabul welcomed the decision, a spokesman said (file {n}).\n"
    )


def _record(**fields) -> str:
    return json.dumps({**fields}, ensure_ascii=False)


class _Builder:
    def __init__(self, base: Path, scale: float):
        self.base = base
        self.scale = scale
        self.cases: list[Case] = []
        base.mkdir(parents=True, exist_ok=True)

    def file(self, name: str | bytes, data: bytes | str, **expect) -> Path:
        path = Path(os.fsdecode(os.fsencode(self.base) + b"/" + os.fsencode(name)))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        self.case(path, **expect)
        return path

    def case(self, path: Path | str, label: str | None = None, **expect) -> None:
        size = expect.pop("size", None)
        if size is None:
            size = _size(Path(path))
        label = label or os.fsencode(Path(path).name).decode("utf-8", "backslashreplace")
        self.cases.append(Case(label, str(path), size=size, **expect))

    def lines(self, name: str, lines: list[str], **expect) -> Path:
        return self.file(name, "".join(line + "\n" for line in lines), **expect)

    def n(self, count: int) -> int:
        return max(1, int(count * self.scale))


def _size(path: Path) -> int:
    if path.is_dir():
        return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())
    try:
        return path.stat().st_size if path.is_file() else 0
    except OSError:
        return 0


def build(base: Path, scale: float = 1.0) -> list[Case]:
    b = _Builder(base, scale)
    _encodings(b)
    _jsonl(b)
    _json(b)
    _html(b)
    _files(b)
    _size_and_time(b)
    return b.cases


def _encodings(b: _Builder) -> None:
    bad = b"refused"
    b.file("empty.txt", b"", errors=1, reason="empty input")
    b.file("blank.txt", b"  \n\n\t \r\n", errors=1, reason="empty input")
    b.file("bom-only.txt", codecs.BOM_UTF8, errors=1, reason="no article text")
    b.file("random.txt", bytes(range(256)) * 64, errors=1, reason="binary data")
    for name, magic in [
        ("pdf", b"%PDF-1.7\n"),
        ("png", b"\x89PNG\r\n\x1a\n"),
        ("gzip", b"\x1f\x8b\x08\x00"),
        ("zip", b"PK\x03\x04"),
        ("elf", b"\x7fELF\x02\x01"),
        ("sqlite", b"SQLite format 3\x00"),
        ("jpeg", b"\xff\xd8\xff\xe0"),
        ("gif", b"GIF89a"),
    ]:
        b.file(f"{name}.txt", magic + bytes(range(256)) * 4, errors=1, reason="binary data")
    b.file("magic.html", b"%PDF-1.4\n" + bad, errors=1, reason="binary data")
    text = article()
    b.file("utf16-nobom.txt", text.encode("utf-16-le"), errors=1, reason="without a byte-order mark")
    b.file("utf16le.txt", codecs.BOM_UTF16_LE + article().encode("utf-16-le"), stored=1)
    b.file("utf16be.txt", codecs.BOM_UTF16_BE + article().encode("utf-16-be"), stored=1)
    b.file("utf32le.txt", codecs.BOM_UTF32_LE + article().encode("utf-32-le"), stored=1)
    b.file("utf32be.txt", codecs.BOM_UTF32_BE + article().encode("utf-32-be"), stored=1)
    b.file(
        "utf32-cut.txt", codecs.BOM_UTF32_LE + article().encode("utf-32-le")[:-2], errors=1, reason="UTF-32"
    )
    b.file("utf16-surrogate.txt", codecs.BOM_UTF16_LE + b"A\x00\x00\xdcB\x00", errors=1, reason="UTF-16")
    b.file("utf16-nul.txt", (article() + "\x00").encode("utf-16"), errors=1, reason="NUL")
    b.file("koi8.txt", "Русский текст новостей о переговорах".encode("koi8-r"), errors=1, reason="not UTF-8")
    b.file("cp1252.txt", article(" The café’s owner — a witness — agreed.").encode("cp1252"), stored=1)
    b.file("utf8-bom.txt", codecs.BOM_UTF8 + article().encode(), stored=1)
    b.file("utf8-cut.txt", article(" Talks at the café").encode()[:-1], stored=1)
    b.file("mixed-bytes.txt", article().encode() + b" caf\xe9 \x80", stored=1)
    long = article() + " ".join(article() for _ in range(60))
    b.file("nul-late.txt", (long + "\x00" + article()).encode(), errors=1, reason="NUL")
    b.file("nul-early.txt", b"\x00" + article().encode(), errors=1, reason="binary data")
    b.file("controls.txt", ("\x01\x02\x03\x04 " * 400 + article()).encode(), errors=1, reason="binary data")
    b.file("escapes.txt", article(" \x1b[2J\x1b]0;owned\x07\x1b[31mRed\x1b[0m \x9b6n."), stored=1)
    b.file(
        "markup.txt",
        article(' "We will not let [the Taliban] use [sic] our soil," he said. [/bold]'),
        stored=1,
    )
    b.file("emoji-codes.txt", article(" :warning: [link=file:///etc/passwd]x[/link] [bold red]"), stored=1)
    b.file("bidi.txt", article(" \u202egnirts desrever\u202c and \u2066isolate\u2069."), stored=1)
    b.file("over-limit.txt", b"", errors=1, reason="too large", size=0)
    with open(b.base / "over-limit.txt", "wb") as fh:
        fh.truncate(LIMIT + 1)
    for name in ("over-limit.html", "over-limit.json", "over-limit.htm"):
        b.file(name, b"", errors=1, reason="too large", size=0)
        with open(b.base / name, "wb") as fh:
            fh.truncate(LIMIT + 1024)
    boilerplate = "Share this\nPrevious Post Next Post\nSkip to main content\n"
    b.file("boilerplate.txt", boilerplate, errors=1, reason="no article text")
    b.file("bom16-only.txt", codecs.BOM_UTF16_LE, errors=1, reason="no article text")
    b.file("bom32-only.txt", codecs.BOM_UTF32_BE, errors=1, reason="no article text")
    b.file("control-raw.jsonl", '{"text": "a\x01b"}\n', errors=1, reason="invalid JSON")
    b.file(
        "not-english.txt", "Le Pakistan et l'Afghanistan ont conclu un cessez-le-feu à Doha. " * 40, stored=1
    )


def _jsonl(b: _Builder) -> None:
    def rec(**fields) -> str:
        return _record(**{"text": article(), **fields})

    b.file("empty.jsonl", b"", errors=1, reason="empty input")
    b.file("blank.jsonl", b"\n\n  \n", errors=1, reason="empty input")
    b.file("deep.jsonl", "[" * 100000 + "]" * 100000 + "\n", errors=1, reason="nested too deeply")
    deep_field = '{"text": "x", "extra": ' + "[" * 100000 + "]" * 100000 + "}"
    b.file("deep-field.jsonl", deep_field + "\n", errors=1, reason="nested too deeply")
    b.file("deep-ok.jsonl", rec(extra=json.loads("[" * 200 + "]" * 200)) + "\n", stored=1)
    b.file("bigint-id.jsonl", '{"id": ' + "9" * 5000 + ', "text": "x"}\n', errors=1, reason="4,300 digits")
    b.file(
        "bigint-extra.jsonl", '{"n": -' + "1" * 50000 + ', "text": "x"}\n', errors=1, reason="4,300 digits"
    )
    b.lines("longint-id.jsonl", ['{"id": ' + "7" * 600 + ', "text": "x"}'], errors=1, reason="too long")
    b.lines("int-id.jsonl", [rec(id=12345)], stored=1)
    b.lines("null-id.jsonl", [rec(id=None, title=None)], stored=1)
    wrong = {"an object": {"a": 1}, "a list": [1], "true": True, "false": False, "a decimal number": 1.5}
    for key in ("id", "url", "title", "outlet", "published"):
        for what, value in wrong.items():
            b.lines(f"{key}-{what.split()[-1]}.jsonl", [rec(**{key: value})], errors=1, reason=f"not {what}")
    for key in ("text", "html"):
        for what, value in [("a whole number", 7), ("a list", ["x"]), ("an object", {}), ("true", True)]:
            b.lines(
                f"{key}-{what.split()[-1]}.jsonl",
                [_record(**{key: value})],
                errors=1,
                reason="must be a string",
            )
    b.lines(
        "no-body.jsonl",
        ['{"title": "no body"}', '{"text": "", "html": ""}', '{"text": null}'],
        errors=3,
        reason="neither",
    )
    for what, line in [
        ("list", "[1, 2]"),
        ("string", '"text"'),
        ("number", "42"),
        ("null", "null"),
        ("true", "true"),
    ]:
        b.lines(f"record-{what}.jsonl", [line], errors=1, reason="must be a JSON object")
    for key in ("title", "text", "id", "outlet", "url", "published"):  # as JSON escapes: "\udfff"
        obj = {"text": article(), key: "a \udfff b"} if key != "text" else {"text": article("\udfff")}
        b.lines(f"surrogate-{key}.jsonl", [json.dumps(obj)], errors=1, reason="lone surrogate")
    raw = _record(text=article("\udfff")).encode("utf-8", "surrogatepass")  # json reads ED BF BF
    b.file("surrogate-bytes.jsonl", raw + b"\n", errors=1, reason="lone surrogate")
    b.lines(
        "surrogate-escape.jsonl", ['{"title": "\\udfff", "text": "x"}'], errors=1, reason="lone surrogate"
    )
    b.lines("surrogate-high.jsonl", ['{"text": "a \\ud800 b"}'], errors=1, reason="lone surrogate")
    b.lines("surrogate-swapped.jsonl", ['{"text": "a \\udc00\\ud800 b"}'], errors=1, reason="lone surrogate")
    b.lines("surrogate-pair.jsonl", [rec(title="Talks \U0001f600 resume")], stored=1)
    b.lines("surrogate-pair-escaped.jsonl", [rec(title="x").replace('"x"', '"\\ud83d\\ude00"')], stored=1)
    for key in ("text", "title", "id", "html"):
        line = {
            "text": lambda: _record(text=article("\u0000")),
            "html": lambda: _record(html="<p>\u0000</p>"),
        }
        line = line[key]() if key in line else rec(**{key: "a\u0000b"})
        b.lines(f"nul-{key}.jsonl", [line], errors=1, reason="NUL")
    for key, n in [("title", 3000), ("id", 600), ("url", 5000), ("outlet", 600), ("published", 101)]:
        b.lines(f"long-{key}.jsonl", [rec(**{key: "x" * n})], errors=1, reason="too long")
    b.lines("published-400k.jsonl", [rec(published="2025 " * 80_000)], errors=1, reason="too long")
    b.lines("published-4m.jsonl", [rec(published="1" * 4_000_000)], errors=1, reason="too long")
    b.lines("published-junk.jsonl", [rec(published="next Tuesday-ish, maybe")], stored=1)
    b.lines("published-bad.jsonl", [rec(published="2025-99-99")], stored=1)
    b.lines(
        "title-markup.jsonl",
        [rec(id="markup-title", title="[/bold] Talks [red]resume[/red] [link=x]")],
        stored=1,
    )
    b.lines(
        "title-escapes.jsonl",
        [rec(title="\x1b[2J\x1b]0;owned\x07Talks \x1b[5mresume", outlet="\x9b31m")],
        stored=1,
    )
    b.lines("title-newlines.jsonl", [rec(title="Talks\nresume\r\nat\tlast", id="nl\nid")], stored=1)
    b.file("truncated.jsonl", rec() + "\n" + rec()[:-40], errors=1, stored=1, reason="truncated")
    b.lines(
        "invalid.jsonl", ["{text: 'x'}", '{"text": "x",}', "{'text': 'x'}"], errors=3, reason="invalid JSON"
    )
    b.lines(
        "nan.jsonl", ['{"text": NaN}', '{"text": "x", "id": Infinity}'], errors=2, reason="decimal number"
    )
    b.file(
        "latin1.jsonl",
        rec().encode() + b"\n" + '{"text": "café"}\n'.encode("latin-1"),
        errors=1,
        stored=1,
        reason="not UTF-8",
    )
    b.file("gzip.jsonl", b"\x1f\x8b\x08\x00" + bytes(range(256)) * 40, errors=1, reason="binary data")
    b.file("utf16.jsonl", (rec() + "\n" + rec() + "\n").encode("utf-16"), errors=1, reason="UTF-16")
    b.file("nul-bytes.jsonl", b'{"text": "x"}\x00\x00\n', errors=1, reason="binary data")
    b.file("crlf.jsonl", (rec() + "\r\n" + rec() + "\r\n").encode(), stored=2)
    b.file("bom.jsonl", codecs.BOM_UTF8 + (rec() + "\n").encode(), stored=1)
    same = rec()
    b.lines("twice.jsonl", [same, same], stored=1)
    b.lines(
        "short.jsonl",
        [_record(text="hi"), _record(text="   \n  "), _record(html="<p>x</p>")],
        errors=3,
        reason="no article text",
    )
    b.lines(
        "script-only.jsonl", [_record(html="<script>x()</script>" * 50)], errors=1, reason="no article text"
    )
    b.lines("mixed.jsonl", [rec(), "[]", rec(id={"a": 1}), rec(), "{", rec(title="\x00")], errors=4, stored=2)
    with open(b.base / "over-limit.jsonl", "w", encoding="utf-8") as fh:
        fh.write(_record(text="word " * (LIMIT // 5 + 10)) + "\n" + rec() + "\n")
    b.case(b.base / "over-limit.jsonl", errors=1, stored=1, reason="record too large")


def _json(b: _Builder) -> None:
    good = {"text": article()}
    for i, text in enumerate(
        ["{", "[", '{"text": }', '"unterminated', '{"text": "x"}}', '{"text": "a\x01b"}']
    ):
        b.file(f"invalid-{i}.json", text, errors=1, reason="invalid JSON")
    b.file("gzip.json", b"\x1f\x8b\x08\x00" + bytes(range(128, 256)) * 8, errors=1, reason="not UTF-8")
    b.file("blank-text.json", json.dumps({"text": " \n\t "}), errors=1, reason="no article text")
    b.file("bigint-title.json", '{"text": "x", "title": ' + "5" * 5000 + "}", errors=1, reason="4,300 digits")
    b.file("deep.json", "[" * 100000 + "]" * 100000, errors=1, reason="nested too deeply")
    b.file("deep-object.json", '{"a":' * 50000 + "1" + "}" * 50000, errors=1, reason="nested too deeply")
    b.file("empty-list.json", "[]", errors=1, reason="no records")
    b.file("empty-object.json", "{}", errors=1, reason="neither")
    b.file("nested-list.json", json.dumps([[good]]), errors=1, reason="not a list")
    b.file(
        "list.json", json.dumps([{"text": article()}, {"text": 5}, {"text": article()}]), errors=1, stored=2
    )
    b.file("bigint.json", '{"text": "x", "id": ' + "1" * 4400 + "}", errors=1, reason="4,300 digits")
    b.file("null.json", "null", errors=1, reason="not null")
    b.file("string.json", '"just a string"', errors=1, reason="not a string")
    b.file("trailing.json", json.dumps(good) + " garbage", errors=1, reason="invalid JSON")
    b.file("utf16.json", json.dumps({"text": article()}).encode("utf-16"), stored=1)
    b.file("latin1.json", '{"text": "café"}'.encode("latin-1"), errors=1, reason="not UTF-8")
    b.file(
        "id-object.json", json.dumps({"text": article(), "id": {"a": 1}}), errors=1, reason="not an object"
    )
    b.file("surrogate.json", '{"text": "x", "outlet": "\\udfff"}', errors=1, reason="lone surrogate")


def _html(b: _Builder) -> None:
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


def _files(b: _Builder) -> None:
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


def _size_and_time(b: _Builder) -> None:
    n = b.n
    slow = "quote attribution rescans the sentence for each quote (quotes.py, being rewritten)"
    b.file("quote-marks.txt", article(" " + 'He said "no" and "yes" today. ' * n(2000)), stored=1, slow=slow)
    b.file("quote-marks-one-sentence.txt", article(" " + '"no" "yes" ' * n(2000)), stored=1, slow=slow)
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


def ingest(paths: list[str], db: str) -> Outcome:
    """`dyad ingest PATHS --db DB --json` run by the CLI's own code in this process (a process per
    input would cost more than most inputs do), timed."""
    from typer.testing import CliRunner

    from dyad.cli import app

    started = time.perf_counter()
    r = CliRunner().invoke(app, ["ingest", *paths, "--db", db, "--json"], catch_exceptions=True)
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
    the pipeline's (about 2 s/MB of English text on a 2-core machine, so that a busy machine
    passes too), far below what a step of quadratic time takes (minutes for these inputs)."""
    return 5.0 + 10.0 * size / 1e6
