"""Hostile inputs, part one: encodings and binary data, JSON Lines and JSON records."""

from __future__ import annotations

import codecs
import json

from hostile_kit import LIMIT, Builder, article
from hostile_kit import record as _record


def encodings(b: Builder) -> None:
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


def jsonl(b: Builder) -> None:
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


def json_files(b: Builder) -> None:
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
