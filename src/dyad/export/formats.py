"""Exports analysts load: PLOVER-style JSON Lines, GDELT-like CSV, Parquet."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import TextIO

from ..errors import DyadError

CSV_COLUMNS = [
    "GLOBALEVENTID",
    "SQLDATE",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1Type1Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2Type1Code",
    "IsRootEvent",
    "EventCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "PloverType",
    "PloverMode",
    "PloverContext",
    "When",
    "Negated",
    "Hypothetical",
    "Mutual",
    "DatePrecision",
    "Confidence",
    "AttributedTo",
    "SOURCEURL",
    "Outlet",
    "ArticleId",
    "Evidence",
    *("ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code"),
    *("ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID"),
    *("EventClusterId", "NumMentions", "NumSources", "NumArticles"),
]

# GDELT's ActionGeo_Type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (ADM1)
_GEO_TYPE = {("country", False): 1, ("admin1", True): 2, ("city", True): 3, ("city", False): 4}


def geo_type(row: dict) -> int | None:
    """GDELT's ActionGeo_Type of an event's place (None when it has no coordinates)."""
    if row.get("geo_precision") is None:
        return None
    usa = row["geo_country"] == "USA" and row["geo_precision"] != "country"
    return _GEO_TYPE.get((row["geo_precision"], usa), 5)


def plover_record(row: dict) -> dict:
    """One event as a PLOVER v2 record (field names of the PLOVER codebook)."""
    actor = [{"name": row["source"], "country": row["source_country"], "sector": row["source_sector"]}]
    recipient = (
        [{"name": row["target"], "country": row["target_country"], "sector": row["target_sector"]}]
        if row["target"]
        else []
    )
    return {
        "id": f"dyad-{row['id']}",
        "date": row["date"] or row["published"],
        "date_precision": row["date_precision"],
        "actor": actor,
        "recipient": recipient,
        "event": row["type"],
        "mode": row["mode"],
        "context": row["context"],
        "quad_code": row["quad_class"],
        "event_intensity": row["score"],
        "cameo": row["cameo"],
        "when": row["when"],
        "negated": row["negated"],
        "hypothetical": row["hypothetical"],
        "root": row["root"],
        "mutual": row["mutual"],
        "event_text": row["trigger"],
        "text": row["evidence"],
        "text_info": {
            "article": row["doc_id"] or row["article"],
            "start": row["start"],
            "end": row["end"],
            "sentence": row["sentence"],
        },
        "cite_info": {
            "url": row["url"],
            "outlet": row["outlet"],
            "published": row["published"],
            "title": row["title"],
            "attributed_to": row["attributed_to"],
        },
        "confidence": row["confidence"],
        "location": _location(row),
        "cluster": _cluster(row),
        "coder": "dyad",
        "coded_date": datetime.now(UTC).date().isoformat(),
    }


def _location(row: dict) -> dict:
    """Where a PLOVER record's event happened, as resolved."""
    return {
        "name": row["geo_name"],
        "resolved": row["geo_resolved"],
        "country": row["geo_country"],
        "adm1": row["geo_adm1"],
        "lat": row["geo_lat"],
        "lon": row["geo_lon"],
        "geonames_id": row["geo_feature"],
        "precision": row["geo_precision"],
        "from": row["geo_from"],
    }


def _cluster(row: dict) -> dict:
    """The real event a PLOVER record reports, and how many reports it has."""
    return {
        "id": row["cluster_id"],
        "mentions": row["num_mentions"] or 1,
        "sources": row["num_sources"] or 1,
        "articles": row["num_articles"] or 1,
    }


def csv_row(row: dict) -> list:
    day = row["date"] or row["published"] or ""
    return [
        row["id"],
        day.replace("-", ""),
        row["source"],
        row["source_country"],
        row["source_sector"],
        row["target"] or "",
        row["target_country"] or "",
        row["target_sector"] or "",
        int(row["root"]),
        row["cameo"],
        row["cameo"],
        row["quad_class"],
        row["score"],
        row["type"],
        row["mode"] or "",
        row["context"] or "",
        row["when"],
        int(row["negated"]),
        int(row["hypothetical"]),
        int(row["mutual"]),
        row["date_precision"] or "",
        row["confidence"],
        row["attributed_to"] or "",
        row["url"] or "",
        row["outlet"] or "",
        row["doc_id"] or row["article"],
        row["evidence"],
        geo_type(row),
        row["geo_resolved"] or row["geo_name"] or "",
        row["geo_country"] or "",
        row["geo_adm1"] or "",
        row["geo_lat"],  # None: empty in the CSV, null in Parquet
        row["geo_lon"],
        row["geo_feature"] or "",
        row["cluster_id"] or "",
        row["num_mentions"] or 1,
        row["num_sources"] or 1,
        row["num_articles"] or 1,
    ]


def write_jsonl(rows: Iterable[dict], out: TextIO) -> int:
    n = 0
    for row in rows:
        out.write(json.dumps(plover_record(row), ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(rows: Iterable[dict], out: TextIO) -> int:
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    n = 0
    for row in rows:
        writer.writerow(csv_row(row))
        n += 1
    return n


def write_parquet(rows: list[dict], path: str) -> int:
    """A Parquet file with the CSV's columns (needs pyarrow: pip install 'dyad[parquet]')."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise DyadError("Parquet export needs pyarrow: pip install 'dyad[parquet]'") from None
    columns = list(zip(*[csv_row(r) for r in rows], strict=True)) if rows else [[] for _ in CSV_COLUMNS]
    table = pa.table({name: list(col) for name, col in zip(CSV_COLUMNS, columns, strict=True)})
    pq.write_table(table, path)
    return len(rows)
