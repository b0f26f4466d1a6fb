"""The public event-coding gold sentences: PLOVER's GSR and UniversalPetrarch's validation set."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from .processing import process

OLD_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
# country codes of the PLOVER GSR that are not ISO 3166 (Japan, Italy, Vietnam)
LEGACY_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
# CAMEO codes every international body IGO (the EU is IGOEUREEC): dyad's EUR compares as IGO
_CAMEO_ROOT = {"EUR": "IGO"}


def as_cameo_root(code: str) -> str:
    """A dyad country code as the 3-letter root the CAMEO-coded gold sets use."""
    return _CAMEO_ROOT.get(code, code)


@dataclass
class GoldSentence:
    id: str
    text: str
    date: str | None
    triples: set[tuple[str, str, str]]  # (source country, type, target country or "")

    @property
    def types(self) -> set[str]:
        return {t[1] for t in self.triples}


def _codes(side) -> list[str]:
    if not side:
        return [""]
    items = side if isinstance(side, list) else [side]
    codes = [(x.get("code") or "")[:3].upper() for x in items if isinstance(x, dict)] or [""]
    return [LEGACY_CODES.get(c, c) for c in codes]


def load_plover_gsr(path: Path) -> list[GoldSentence]:
    """PLOVER_GSR_CAMEO.txt: one record per sentence, older event names mapped to PLOVER v2."""
    out = []
    for rec in json.loads(Path(path).read_text(encoding="utf-8")):
        event = OLD_NAMES.get(rec.get("event"), rec.get("event"))
        if not rec.get("text") or event == "DOCUMENT":
            continue
        triples = {(s, event, t) for s in _codes(rec.get("source")) for t in _codes(rec.get("target"))}
        out.append(GoldSentence(rec["id"], rec["text"], rec.get("date"), triples))
    return out


def load_cameo_map(path: Path) -> dict[str, str]:
    """CAMEO2PLOVER-2021.txt: CAMEO code -> PLOVER type."""
    mapping = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)", line)
        if m:
            mapping[m.group(1)] = m.group(2)
    return mapping


def _petr_code(found: re.Match | None) -> str:
    """The country of a PETRARCH actor code; "---" (no country identified) is "", as in the GSR's
    triples and dyad's."""
    code = (found.group(1) if found else "")[:3].upper()
    return "" if code == "---" else code


def load_petr2(path: Path, cameo_map: dict[str, str]) -> list[GoldSentence]:
    """PETR2_GSR_validation.xml (not well-formed XML: read line by line)."""
    out: list[GoldSentence] = []
    current: dict | None = None
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        line = lines[i].strip()
        m = re.match(r'<Sentence\b.*?date="(\d{8})".*?id="([^"]+)"', line)
        if m:
            d = m.group(1)
            current = {"id": m.group(2), "date": f"{d[:4]}-{d[4:6]}-{d[6:]}", "events": [], "text": ""}
        elif current is not None and line.startswith("<EventCoding"):
            code = re.search(r'eventcode="(\d+)"', line)
            src = re.search(r'sourcecode="([^"]*)"', line)
            tgt = re.search(r'targetcode="([^"]*)"', line)
            if code:
                c = code.group(1)
                plover = cameo_map.get(c) or cameo_map.get(c[:3]) or cameo_map.get(c[:2])
                if plover:
                    current["events"].append((_petr_code(src), plover, _petr_code(tgt)))
        elif current is not None and line.startswith("<Text>"):
            body = []
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("</Text>"):
                body.append(lines[i].strip())
                i += 1
            current["text"] = " ".join(body)
            out.append(GoldSentence(current["id"], current["text"], current["date"], set(current["events"])))
            current = None
        i += 1
    return out


def _triple(article, event) -> tuple[str, str, str]:
    target = article.actors[event.target_keys[0]].country if event.target_keys else ""
    return article.actors[event.source_keys[0]].country, event.type, target


def gsr_scores(
    items: list[GoldSentence], root_only: bool = True, joint_acts: bool = False
) -> tuple[float, float]:
    """Type accuracy (of the first root event, on sentences with one gold type) and triple F1.
    `root_only`: score each sentence's root events, as the gold codes one act per sentence;
    `joint_acts`: a mutual event as PLOVER records it (both sides as actors, no recipient)."""
    right = single = tp = predicted = gold = 0
    for g in items:
        a = process(g.text, published=g.date)
        coded = [e for e in a.events if e.root or not root_only]
        pred = set()
        for e in coded:
            source, kind, target = _triple(a, e)
            pred.add(tuple(map(as_cameo_root, (source, kind, "" if joint_acts and e.mutual else target))))
        tp, predicted, gold = tp + len(pred & g.triples), predicted + len(pred), gold + len(g.triples)
        if len(g.types) == 1:
            single += 1
            right += bool(coded) and coded[0].type in g.types
    p, r = tp / max(1, predicted), tp / max(1, gold)
    return right / max(1, single), 2 * p * r / (p + r) if p + r else 0.0
