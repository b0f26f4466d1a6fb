"""The kit tests/hostile.py builds its inputs with: a case, a unique article, a builder that writes
files and records what each must give."""

from __future__ import annotations

import json
import os
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


def record(**fields) -> str:
    return json.dumps({**fields}, ensure_ascii=False)


class Builder:
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
            size = size_of(Path(path))
        label = label or os.fsencode(Path(path).name).decode("utf-8", "backslashreplace")
        self.cases.append(Case(label, str(path), size=size, **expect))

    def lines(self, name: str, lines: list[str], **expect) -> Path:
        return self.file(name, "".join(line + "\n" for line in lines), **expect)

    def n(self, count: int) -> int:
        return max(1, int(count * self.scale))


def size_of(path: Path) -> int:
    if path.is_dir():
        return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())
    try:
        return path.stat().st_size if path.is_file() else 0
    except OSError:
        return 0
