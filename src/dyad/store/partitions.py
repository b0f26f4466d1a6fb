"""Coded articles as Parquet partitions: what cluster workers write and `dyad load` reads back."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from ..model import Actor, Article, Candidate, Event, Mention, Quote, Sentence

# the article fields a partition keeps (the raw input is not kept: the store keeps the cleaned text)
ARTICLE_FIELDS = ("format", "source", "doc_id", "url", "title", "outlet", "published", "text", "language")
PARTS = {
    "sentences": Sentence,
    "actors": Actor,
    "mentions": Mention,
    "quotes": Quote,
    "events": Event,
    "candidates": Candidate,
}
SUFFIX = ".parquet"


def _arrow_type(annotation: str):
    import pyarrow as pa

    base = annotation.replace(" | None", "")
    types = {
        "int": pa.int64(),
        "str": pa.string(),
        "bool": pa.bool_(),
        "float": pa.float64(),
        "date": pa.date32(),
        "list[str]": pa.list_(pa.string()),
    }
    return types[base]


def schema():
    """The Parquet schema of a partition: one row per article, what was found in it as lists."""
    import pyarrow as pa

    fields = {f.name: f for f in dataclasses.fields(Article)}
    columns = [pa.field(name, _arrow_type(fields[name].type)) for name in ARTICLE_FIELDS]
    columns += [pa.field("flags", pa.list_(pa.string())), pa.field("knowledge_version", pa.string())]
    for name, cls in PARTS.items():
        struct = pa.struct([pa.field(f.name, _arrow_type(f.type)) for f in dataclasses.fields(cls)])
        columns.append(pa.field(name, pa.list_(struct)))
    return pa.schema(columns)


def record(article: Article, knowledge_version: str) -> dict:
    """A coded article as one partition row."""
    row = {name: getattr(article, name) for name in ARTICLE_FIELDS}
    row["flags"] = list(article.flags)
    row["knowledge_version"] = knowledge_version
    for name in PARTS:
        items = getattr(article, name)
        row[name] = [dataclasses.asdict(x) for x in (items.values() if name == "actors" else items)]
    return row


def article(row: dict) -> tuple[Article, str]:
    """A partition row back as the coded article, with the knowledge version it was coded with."""
    a = Article(raw=row["text"], **{name: row[name] for name in ARTICLE_FIELDS})
    a.flags = list(row["flags"] or [])
    for name, cls in PARTS.items():
        items = [_item(cls, x) for x in row[name] or []]
        if name == "actors":
            a.actors = {x.key: x for x in items}
        else:
            setattr(a, name, items)
    return a, row["knowledge_version"]


def _item(cls, values: dict):
    """A model object from a partition's struct. A field that an older partition lacks is read as
    None: it takes the model's default (root and mutual of partitions written before them: False)."""
    defaults = {f.name for f in dataclasses.fields(cls) if f.default is not dataclasses.MISSING}
    return cls(**{k: v for k, v in values.items() if v is not None or k not in defaults})


def write(path: Path, articles: list[Article], knowledge_version: str) -> None:
    """Write one partition whole: readers never see a half-written file."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist([record(a, knowledge_version) for a in articles], schema=schema())
    partial = path.with_name(path.name + f".{os.getpid()}.partial")
    pq.write_table(table, partial)
    os.replace(partial, path)


def read(directory: str | Path) -> Iterator[tuple[Article, str] | InputError]:
    """Every coded article of a directory of partitions (or of one partition file)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    root = Path(directory)
    if not root.exists():
        yield InputError(str(root), "no such file or directory")
        return
    files = [root] if root.is_file() else sorted(root.glob(f"*{SUFFIX}"))
    for f in files:
        try:
            rows = pq.read_table(f, schema=schema()).to_pylist()
        except (pa.ArrowException, OSError) as err:
            yield InputError(str(f), f"not a dyad partition ({' '.join(str(err).split())[:200]})")
            continue
        for row in rows:
            yield article(row)
