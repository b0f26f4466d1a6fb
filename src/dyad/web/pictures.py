"""What the pages need to be read at a glance: the network rolled up to countries, what each
article flag means, an outlet named in the dateline, an actor's counterparts by event type, and an
event as a readable record."""

from __future__ import annotations

import re
from collections import defaultdict

from ..model import Article
from .render import QUAD_NAMES

FLAGS = {
    "boilerplate": "page furniture (navigation, share buttons) was removed from the text",
    "repeated-line": "a line repeated at the top (the headline, a teaser) was removed",
    "teaser": "a teaser repeated in full was removed",
    "truncated": "the article ends mid-sentence: the input was cut short",
    "truncated-utf8": "the input's bytes end inside a character: cut short",
    "cp1252": "the input was not UTF-8; it was read as Windows-1252",
    "utf16": "the input was UTF-16 (with a byte-order mark)",
    "utf32": "the input was UTF-32 (with a byte-order mark)",
    "not-english": "not English: stored, not coded for actors, quotes or events",
    "date-from-text": "no publication date was given; it was read from the dateline or byline",
    "bad-date": "the publication date given could not be read",
    "partly-parsed": "a very long article: only its first 400 sentences were parsed",
}

# "ISLAMABAD, October 16, 2025 (Indus & Oxus Wire) —": the outlet in brackets after a dateline
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]{2,40},[^\n()]{0,40}\(([A-Z][^()\n]{1,60})\)\s*[—–-]")


def flag_help(flag: str) -> str:
    """A sentence on what an article flag means (shown on hover)."""
    return FLAGS.get(flag, flag)


def outlet_of(article: Article) -> tuple[str | None, bool]:
    """The outlet: the metadata's, else the one named in brackets in the dateline; and whether it
    came from the dateline."""
    if article.outlet:
        return article.outlet, False
    for line in article.text.split("\n", 8)[:8]:
        m = _DATELINE.match(line.strip())
        if m:
            return m.group(1).strip(), True
    return None, False


def rolled_up(graph: dict) -> dict:
    """The network with every actor rolled up to its country: Pakistan, the Pakistani military and
    Khawaja Asif are one node PAK; edges between the same countries are summed (mean score
    weighted by events); an actor without a country stays itself."""
    group = {n["id"]: n["country"] or n["id"] for n in graph["nodes"]}
    names = {n["id"]: n["name"] for n in graph["nodes"]}
    nodes: dict[str | int, dict] = {}
    for n in graph["nodes"]:
        key = group[n["id"]]
        node = nodes.setdefault(
            key,
            {"id": key, "name": key if n["country"] else n["name"], "kind": "state", "country": n["country"]},
        )
        node.setdefault("members", []).append(names[n["id"]])
        node["kind"] = node["kind"] if n["country"] else n["kind"]
    sums: dict[tuple, list[float]] = defaultdict(lambda: [0, 0.0])
    for e in graph["edges"]:
        pair = (group[e["source"]], group[e["target"]])
        if pair[0] == pair[1]:
            continue  # within one country: not a link between countries
        sums[pair][0] += e["events"]
        sums[pair][1] += e["events"] * e["mean_score"]
    edges = [
        {"source": s, "target": t, "events": int(n), "mean_score": round(total / n, 2)}
        for (s, t), (n, total) in sorted(sums.items(), key=lambda x: (-x[1][0], tuple(map(str, x[0]))))
    ]
    linked = {e["source"] for e in edges} | {e["target"] for e in edges}
    for key, node in nodes.items():
        node["events"] = sum(e["events"] for e in edges if key in (e["source"], e["target"]))
        node["members"] = sorted(set(node["members"]))
    return {"nodes": [n for k, n in nodes.items() if k in linked], "edges": edges}


def with_links(graph: dict) -> dict:
    """Each node's page: an actor's own, a rolled-up country's events."""
    for n in graph["nodes"]:
        n["href"] = f"/actors/{n['id']}" if isinstance(n["id"], int) else f"/events?source={n['id']}"
    return graph


def counterparts(actor: dict) -> list[dict]:
    """An actor's counterparts, most events first: for each, the events by type in each direction."""
    rows: dict[str, dict] = {}
    for direction, events, other in (
        ("to", actor["events_as_source"], "target"),
        ("from", actor["events_as_target"], "source"),
    ):
        for e in events:
            if e["when"] != "current" or e["negated"] or not e[other]:
                continue  # counted events only, as everywhere
            name = f"{e[other]} ({e[other + '_country']})"
            row = rows.setdefault(name, {"name": name, "events": 0, "types": defaultdict(int)})
            row["events"] += 1
            row["types"][(direction, e["type"], e["quad_class"])] += 1
    ordered = sorted(rows.values(), key=lambda r: (-r["events"], r["name"]))
    for r in ordered:
        r["types"] = [
            {"direction": d, "type": t, "quad": q, "quad_name": QUAD_NAMES.get(q, ""), "n": n}
            for (d, t, q), n in sorted(r["types"].items(), key=lambda x: (-x[1], x[0][1]))
        ]
    return ordered


RECORD_FIELDS = (
    ("type", "type"),
    ("mode", "mode"),
    ("context", "context"),
    ("source", "source"),
    ("source_country", "source country"),
    ("target", "target"),
    ("target_country", "target country"),
    ("when", "when"),
    ("date", "date"),
    ("date_precision", "date precision"),
    ("negated", "negated"),
    ("hypothetical", "hypothetical"),
    ("root", "root event"),
    ("mutual", "mutual"),
    ("cameo", "CAMEO"),
    ("quad_class", "QuadClass"),
    ("score", "score"),
    ("attributed_to", "according to"),
    ("confidence", "confidence"),
    ("trigger", "trigger"),
)


def readable(event: dict) -> list[tuple[str, str]]:
    """An event as (label, value) lines, in the order a reader wants them; empty values left out."""
    out = []
    for key, label in RECORD_FIELDS:
        value = event.get(key)
        if value is None or value == "" or value is False:
            continue
        if value is True:
            value = "yes"
        if key == "quad_class":
            value = f"{value} {QUAD_NAMES.get(value, '')}"
        out.append((label, str(value)))
    return out
