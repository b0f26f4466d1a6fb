"""Rows as files an analyst loads: CSV, JSON Lines and Parquet, for events (the export's formats)
and for any other list of rows (quotes, actors, a dyad's timeline, the network's edges)."""

from __future__ import annotations

import csv
import io
import json

from ..errors import DyadError
from . import formats

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson; charset=utf-8",
    "parquet": "application/vnd.apache.parquet",
}


def check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise DyadError(f"format {fmt!r}: one of csv, jsonl, parquet")
    return fmt


def events_file(rows: list[dict], fmt: str) -> bytes:
    """Events as `dyad export` writes them: GDELT-like CSV, PLOVER JSON Lines, Parquet."""
    if check_format(fmt) == "parquet":
        width = len(formats.CSV_COLUMNS)
        columns = list(zip(*[formats.csv_row(r) for r in rows], strict=True)) or [[]] * width
        return _parquet({n: list(c) for n, c in zip(formats.CSV_COLUMNS, columns, strict=True)})
    out = io.StringIO(newline="")
    (formats.write_csv if fmt == "csv" else formats.write_jsonl)(rows, out)
    return out.getvalue().encode("utf-8")


def rows_file(rows: list[dict], fmt: str) -> bytes:
    """Plain rows (dicts of scalars): a CSV with a header, one JSON object a line, or Parquet."""
    names = list(dict.fromkeys(k for r in rows for k in r))
    if check_format(fmt) == "parquet":
        return _parquet({n: [r.get(n) for r in rows] for n in names})
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in rows).encode("utf-8")
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=names)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def _parquet(columns: dict[str, list]) -> bytes:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise DyadError("Parquet needs pyarrow: pip install 'dyad[parquet]'") from None
    sink = io.BytesIO()
    pq.write_table(pa.table(columns), sink)
    return sink.getvalue()
