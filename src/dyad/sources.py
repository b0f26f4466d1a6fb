"""Inputs to raw documents: files, directories (recursively), JSON Lines, and stdin."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .errors import InputError

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
JSON_SUFFIXES = {".json"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | JSON_SUFFIXES
RECORD_FIELDS = ("id", "url", "title", "outlet", "published")


@dataclass(slots=True)
class RawDoc:
    """One article as read from its input, before decoding and cleaning."""

    name: str  # how errors name it: a path, or path:line for a JSONL record
    data: bytes | str
    format: str  # text | html
    source: str
    doc_id: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None


@dataclass(slots=True)
class Progress:
    """Bytes of input consumed, for a progress bar."""

    nbytes: int


Item = RawDoc | InputError | Progress


def expand(paths: Iterable[str | Path | InputError]) -> Iterator[Path | str | InputError]:
    """Files named, files under directories (sorted, known suffixes), '-' for stdin. Expanding an
    expanded list gives it back unchanged."""
    for p in paths:
        if p == "-" or isinstance(p, InputError):
            yield p  # stdin, or an input already found missing
            continue
        path = Path(p)
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                rel = f.relative_to(path).parts
                hidden = any(part.startswith(".") for part in rel)
                if f.is_file() and f.suffix.lower() in KNOWN_SUFFIXES and not hidden:
                    yield f
        elif path.is_file():
            yield path
        elif path.exists():
            yield InputError(p, "not a regular file")
        else:
            yield InputError(p, "no such file or directory")


def total_bytes(paths: Iterable[Path | str | InputError]) -> int | None:
    """Total size of the files, or None when stdin is among them."""
    total = 0
    for p in paths:
        if p == "-":
            return None
        if isinstance(p, Path):
            total += p.stat().st_size
    return total


def read(paths: Iterable[Path | str | InputError], max_bytes: int) -> Iterator[Item]:
    """Raw documents, errors and progress, in input order; a bad input never stops the rest."""
    for p in paths:
        if isinstance(p, InputError):
            yield p
        elif p == "-":
            yield from _read_stream("<stdin>", sys.stdin.buffer, None, max_bytes)
        else:
            try:
                size = p.stat().st_size
                with p.open("rb") as fh:
                    yield from _read_stream(str(p), fh, size, max_bytes, p.suffix.lower())
            except OSError as err:
                yield InputError(str(p), f"cannot read: {err.strerror or err}")


def _read_stream(
    name: str, fh: BinaryIO, size: int | None, max_bytes: int, suffix: str = ""
) -> Iterator[Item]:
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(name, fh, max_bytes)
        return
    if size is not None and size > max_bytes:
        yield InputError(
            name,
            f"too large: {_mb(size)} (the limit for one article is {_mb(max_bytes)}; split it or use JSONL)",
        )
        yield Progress(size)
        return
    data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield InputError(name, f"too large: more than {_mb(max_bytes)} for one article")
        while chunk := fh.read(1 << 20):
            data = chunk  # drain
        return
    yield Progress(len(data))
    if not data.strip():
        yield InputError(name, "empty input")
        return
    fmt = _format_of(suffix, data)
    if fmt == "jsonl":
        yield from _read_jsonl(name, _BytesLines(data), max_bytes)
    elif fmt == "json":
        yield from _read_json(name, data)
    else:
        doc_id = Path(name).stem if name != "<stdin>" else None
        yield RawDoc(name=name, data=data, format=fmt, source=name, doc_id=doc_id)


def _format_of(suffix: str, data: bytes) -> str:
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in JSON_SUFFIXES:
        return "json"
    head = data.lstrip()[:512].lower()
    if head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<article", b"<p>")):
        return "html"
    if head.startswith(b"{"):
        first = data.lstrip().split(b"\n", 1)[0].strip()
        return "jsonl" if first.endswith(b"}") else "json"
    if head.startswith(b"["):
        return "json"
    return "text"


class _BytesLines:
    """A bytes buffer read line by line, like a binary file."""

    def __init__(self, data: bytes):
        self._lines = iter(data.splitlines(keepends=True))

    def readline(self, limit: int = -1) -> bytes:
        return next(self._lines, b"")


def _read_jsonl(name: str, fh, max_bytes: int) -> Iterator[Item]:
    lineno = 0
    while True:
        line = fh.readline(max_bytes + 1)
        if not line:
            return
        lineno += 1
        yield Progress(len(line))
        where = f"{name}:{lineno}"
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := fh.readline(1 << 20)) and not rest.endswith(b"\n"):
                yield Progress(len(rest))
            yield InputError(where, f"record too large (more than {_mb(max_bytes)})")
            continue
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except UnicodeDecodeError:
            yield InputError(where, "not UTF-8 (JSON Lines must be UTF-8)")
            continue
        except json.JSONDecodeError as err:
            cut = not line.endswith(b"\n") and err.msg.startswith(("Unterminated", "Expecting"))
            what = "truncated JSON record" if cut else f"invalid JSON ({err.msg}, column {err.colno})"
            yield InputError(where, what)
            continue
        yield _record(where, obj, name)


def _read_json(name: str, data: bytes) -> Iterator[Item]:
    try:
        obj = json.loads(data)
    except UnicodeDecodeError:
        yield InputError(name, "not UTF-8 (JSON must be UTF-8)")
        return
    except json.JSONDecodeError as err:
        yield InputError(name, f"invalid JSON ({err.msg}, line {err.lineno} column {err.colno})")
        return
    records = obj if isinstance(obj, list) else [obj]
    for i, rec in enumerate(records, 1):
        where = name if len(records) == 1 else f"{name}[{i}]"
        item = _record(where, rec, name)
        if isinstance(item, RawDoc) and item.doc_id is None and len(records) == 1:
            item.doc_id = Path(name).stem
        yield item


def _record(where: str, obj: object, source: str) -> RawDoc | InputError:
    if not isinstance(obj, dict):
        return InputError(where, f"a record must be a JSON object, not {type(obj).__name__}")
    body, fmt = obj.get("text"), "text"
    if not body:
        body, fmt = obj.get("html"), "html"
    if not body:
        return InputError(where, "record has neither 'text' nor 'html'")
    if not isinstance(body, str):
        return InputError(where, f"'{fmt}' must be a string")
    meta = {}
    for key in RECORD_FIELDS:
        value = obj.get(key)
        if value is not None and not isinstance(value, str | int):
            return InputError(where, f"'{key}' must be a string")
        meta[key] = None if value is None else str(value)
    return RawDoc(
        name=where,
        data=body,
        format=fmt,
        source=source,
        doc_id=meta["id"],
        url=meta["url"],
        title=meta["title"],
        outlet=meta["outlet"],
        published=meta["published"],
    )


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"
