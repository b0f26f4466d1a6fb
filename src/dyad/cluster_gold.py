"""Same-event labels (which event records report one real event) and the clustering's pairwise
precision and recall against them (tests/gold/clusters_*.yaml)."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import DyadError

_REPORT = re.compile(
    r"(?P<article>[^@\s]+)@(?P<offset>\d+) (?P<type>[A-Z]+) (?P<source>[A-Z]{3})>(?P<target>[A-Z]{3})"
)


@dataclass(frozen=True)
class Report:
    """One labelled report: an event of this type and pair whose evidence holds the offset."""

    group: str
    article: str
    offset: int
    type: str
    source: str
    target: str

    def matches(self, row: dict) -> bool:
        return (
            (row["doc_id"] or str(row["article"])) == self.article
            and row["start"] <= self.offset < row["end"]
            and (row["type"], row["source_country"], row["target_country"])
            == (self.type, self.source, self.target)
        )


def load_labels(path: str | Path) -> list[Report]:
    """The reports of a labels file; a malformed one is an error naming the file and the entry."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
        raise DyadError(f"{path}: cannot read labels ({' '.join(str(err).split())})") from None
    if not isinstance(data, dict) or not isinstance(data.get("groups"), dict):
        raise DyadError(f"{path}: must be a mapping with 'groups'")
    out = []
    for group, reports in data["groups"].items():
        for text in reports or ():
            m = _REPORT.fullmatch(str(text))
            if m is None:
                raise DyadError(f"{path}: {group}: '{text}' is not 'ARTICLE@OFFSET TYPE SRC>TGT'")
            out.append(
                Report(str(group), m["article"], int(m["offset"]), m["type"], m["source"], m["target"])
            )
    return out


def score(rows: list[dict], labels: list[Report]) -> dict:
    """Pairwise precision and recall of the rows' cluster ids against the labelled groups, over the
    event records a label names; labels that name no record are listed as `unmatched`."""
    group: dict[int, str] = {}
    cluster: dict[int, str] = {}
    unmatched = []
    for report in labels:
        hits = [r for r in rows if report.matches(r)]
        if not hits:
            unmatched.append(
                f"{report.article}@{report.offset} {report.type} {report.source}>{report.target}"
            )
        for r in hits:
            group[r["id"]] = report.group
            cluster[r["id"]] = r["cluster_id"] or f"none-{r['id']}"
    tp = fp = fn = 0
    for a, b in itertools.combinations(sorted(group), 2):
        same, linked = group[a] == group[b], cluster[a] == cluster[b]
        tp += same and linked
        fp += linked and not same
        fn += same and not linked
    return {
        "precision": tp / (tp + fp) if tp + fp else 1.0,
        "recall": tp / (tp + fn) if tp + fn else 1.0,
        "records": len(group),
        "pairs": tp + fn,
        "unmatched": unmatched,
    }
