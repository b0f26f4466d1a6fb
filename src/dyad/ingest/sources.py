"""Inputs to raw documents: files, directories (recursively), JSON Lines, and stdin."""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError
from . import fields
from .decode import binary_kind

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
JSON_SUFFIXES = {".json"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | JSON_SUFFIXES


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


def expand(
    paths: Iterable[str | Path | InputError], skipped: Callable[[str], None] | None = None
) -> Iterator[Path | str | InputError]:
    """Files named, files under directories (sorted, known suffixes), '-' for stdin; what cannot be
    read is an InputError. Links inside a directory are followed only to files inside it. What a
    directory holds besides articles is told to `skipped` (one line per directory). Expanding an
    expanded list gives it back unchanged."""
    for p in paths:
        if p == "-" or isinstance(p, InputError):
            yield p  # stdin, or an input already found bad
            continue
        if p == "":
            yield InputError("''", "an empty path names no file (give . for the current directory)")
            continue
        path = Path(p)
        name = shown(path)
        try:
            st = path.stat()
        except FileNotFoundError:
            yield InputError(name, "a broken link" if path.is_symlink() else "no such file or directory")
            continue
        except OSError as err:
            yield InputError(name, f"cannot read: {err.strerror or err}")
            continue
        if stat.S_ISDIR(st.st_mode):
            yield from _walk(path, skipped)
        elif not stat.S_ISREG(st.st_mode):
            yield InputError(name, f"not a regular file ({_file_kind(st.st_mode)})")
        elif _pseudo(path):
            yield InputError(name, "a file of the kernel (/proc, /sys), not an article")
        else:
            yield path


def _walk(root: Path, skipped: Callable[[str], None] | None) -> Iterator[Path | InputError]:
    """The articles under a directory, sorted by path; hidden files and directories are passed
    over, links are not followed out of the directory (nor to directories), and what cannot be an
    article (a FIFO, a device, an unreadable directory) is an InputError."""
    real_root = os.path.realpath(root)
    found: list[tuple[Path, Path | InputError]] = []
    others: list[str] = []
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as entries:
                listed = list(entries)
        except OSError as err:
            found.append((folder, InputError(shown(folder), f"cannot read directory: {err.strerror or err}")))
            continue
        for entry in listed:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            known = path.suffix.lower() in KNOWN_SUFFIXES
            if entry.is_dir(follow_symlinks=False):
                stack.append(path)
            elif not known:
                others.append(entry.name)
            elif entry.is_symlink() and not _inside(os.path.realpath(path), real_root):
                reason = f"a link to a file outside {shown(root)}: not followed"
                found.append((path, InputError(shown(path), reason)))
            else:
                found.append((path, _regular(path)))
    found.sort(key=lambda item: item[0])
    yield from (item for _, item in found)
    if not found:
        besides = f" ({len(others)} other files)" if others else ""
        yield InputError(shown(root), f"no articles here: no .txt, .html, .jsonl or .json files{besides}")
    elif others and skipped:
        sample = ", ".join(sorted(map(shown, others))[:3]) + (", ..." if len(others) > 3 else "")
        what = "files that are not .txt, .html, .jsonl or .json"
        skipped(f"{shown(root)}: skipped {len(others)} {what} ({sample})")


def _regular(path: Path) -> Path | InputError:
    """A file under a directory, if it is one dyad can read."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return InputError(shown(path), "a broken link")
    except OSError as err:
        return InputError(shown(path), f"cannot read: {err.strerror or err}")
    if not stat.S_ISREG(st.st_mode):
        return InputError(shown(path), f"not a regular file ({_file_kind(st.st_mode)})")
    if _pseudo(path):
        return InputError(shown(path), "a file of the kernel (/proc, /sys), not an article")
    return path


def _inside(target: str, root: str) -> bool:
    return target == root or target.startswith(root.rstrip(os.sep) + os.sep)


def _pseudo(path: Path) -> bool:
    """A file of /proc or /sys: it says it is regular and empty, and reading it gives the kernel's
    data, not an article."""
    real = os.path.realpath(path)
    return any(_inside(real, top) for top in ("/proc", "/sys"))


def _file_kind(mode: int) -> str:
    for test, what in (
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISDIR, "a directory"),
    ):
        if test(mode):
            return what
    return "a special file"


def shown(path: str | Path) -> str:
    """A path as text that can be printed and stored: bytes of a file name that are not UTF-8 are
    written as \\xNN escapes (str() of such a path holds lone surrogates, which no store takes)."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def total_bytes(paths: Iterable[Path | str | InputError]) -> int | None:
    """Total size of the files, or None when stdin is among them."""
    total = 0
    for p in paths:
        if p == "-":
            return None
        if isinstance(p, Path):
            with contextlib.suppress(OSError):
                total += p.stat().st_size
    return total


def read(paths: Iterable[Path | str | InputError], max_bytes: int) -> Iterator[Item]:
    """Raw documents, errors and progress, in input order; a bad input never stops the rest."""
    for p in paths:
        if isinstance(p, InputError):
            yield p
        elif p == "-":
            yield from _read_stdin(max_bytes)
        else:
            name = shown(p)
            try:
                # never blocks: a FIFO put in the file's place since it was listed is refused below
                fd = os.open(p, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
                with os.fdopen(fd, "rb") as fh:
                    st = os.fstat(fd)
                    if not stat.S_ISREG(st.st_mode):
                        yield InputError(name, f"not a regular file ({_file_kind(st.st_mode)})")
                        continue
                    yield from _read_stream(name, fh, st.st_size, max_bytes, Path(p).suffix.lower())
            except OSError as err:
                yield InputError(name, f"cannot read: {err.strerror or err}")


def _read_stdin(max_bytes: int) -> Iterator[Item]:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # `dyad ingest - <&-`: Python has no stdin at all
        yield InputError("<stdin>", "standard input is closed")
        return
    try:
        yield from _read_stream("<stdin>", stream, None, max_bytes)
    except (OSError, ValueError) as err:  # a closed descriptor, or a file object closed
        yield InputError("<stdin>", f"cannot read standard input ({getattr(err, 'strerror', None) or err})")


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
    lineno = records = 0
    while True:
        line = fh.readline(max_bytes + 1)
        if not line:
            break
        lineno += 1
        yield Progress(len(line))
        where = f"{name}:{lineno}"
        if lineno == 1 and (what := binary_kind(line[:8192])):
            yield InputError(name, f"{what}, not JSON Lines (UTF-8 text, one JSON object a line)")
            return  # one line for the file, not one for each of its 'lines'
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := fh.readline(1 << 20)) and not rest.endswith(b"\n"):
                yield Progress(len(rest))
            yield InputError(where, f"record too large (more than {_mb(max_bytes)})")
            records += 1
            continue
        if not line.strip():
            continue
        records += 1
        try:
            obj = fields.loads(line, complete=line.endswith(b"\n"))
        except fields.BadRecord as err:
            yield InputError(where, str(err))
            continue
        yield _record(where, obj, name)
    if not records:
        yield InputError(name, "empty input" if lineno <= 1 else "empty input (blank lines only)")


def _read_json(name: str, data: bytes) -> Iterator[Item]:
    try:
        obj = fields.loads(data)
    except fields.BadRecord as err:
        yield InputError(name, str(err))
        return
    records = obj if isinstance(obj, list) else [obj]
    if not records:
        yield InputError(name, "no records (an empty list)")
    for i, rec in enumerate(records, 1):
        where = name if len(records) == 1 else f"{name}[{i}]"
        item = _record(where, rec, name)
        if isinstance(item, RawDoc) and item.doc_id is None and len(records) == 1:
            item.doc_id = Path(name).stem
        yield item


def _record(where: str, obj: object, source: str) -> RawDoc | InputError:
    try:
        body, fmt, meta = fields.record(obj)
    except fields.BadRecord as err:
        return InputError(where, str(err))
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
