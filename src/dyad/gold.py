"""The gold annotation format (../shared/data/GOLD_FORMAT.md): export and scoring."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .model import Article

_MARKS = re.compile(r"[\u2018\u2019\u201c\u201d\"'`]")


def to_gold(article: Article, doc_id: str | None) -> dict:
    """An article's quotes and events as one gold-format record."""
    quotes = []
    seen = set()
    for q in article.quotes:
        speaker = article.actors[q.speaker_key].name if q.speaker_key in article.actors else None
        key = (speaker, q.text)
        if key in seen:  # the same words by the same speaker in headline and body: once
            continue
        seen.add(key)
        quotes.append({"speaker": speaker, "text": q.text})
    # the gold format's events are dyadic (source and target countries); events without a
    # recipient stay in the store and the JSONL export
    events = [event_to_gold(article, e) for e in article.events if e.target_keys]
    return {"id": doc_id, "quotes": quotes, "events": events}


def event_to_gold(article: Article, e) -> dict:
    src = article.actors.get(e.source_keys[0]) if e.source_keys else None
    tgt = article.actors.get(e.target_keys[0]) if e.target_keys else None
    return {
        "source": src.country if src else None,
        "source_actor": src.name if src else None,
        "type": e.type,
        "target": tgt.country if tgt else None,
        "target_actor": tgt.name if tgt else None,
        "when": e.when,
        "negated": e.negated,
        "hypothetical": e.hypothetical,
        "mode": e.mode,
        "evidence": article.text[e.start : e.end],
    }


def load_gold(path: Path) -> dict[str, dict]:
    """Gold (or predicted) records by id, from a directory of *.json or one JSONL file."""
    path = Path(path)
    if path.is_dir():
        items = [json.loads(f.read_text(encoding="utf-8")) for f in sorted(path.glob("*.json"))]
    else:
        items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {it["id"]: it for it in items}


def _words(s: str | None) -> list[str]:
    s = unicodedata.normalize("NFKC", s or "").lower()
    return re.findall(r"\w+", _MARKS.sub("", s))


def _surname(s: str | None) -> str:
    words = _words(s)
    return words[-1] if words else ""


def quote_matches(gold: dict, pred: dict) -> bool:
    """Most of the gold words, not much longer, and the same speaker's surname."""
    g, p = _words(gold["text"]), _words(pred.get("text", ""))
    if not g:
        return False
    shared = sum(min(g.count(w), p.count(w)) for w in set(g))
    if shared / len(g) < 0.8 or len(p) > 2 * len(g) + 5:
        return False
    return gold.get("speaker") is None or _surname(gold["speaker"]) == _surname(pred.get("speaker"))


def _triple(e: dict) -> tuple[str, str, str]:
    return (
        (e.get("source") or "")[:3].upper(),
        (e.get("type") or "").upper(),
        (e.get("target") or "")[:3].upper(),
    )


@dataclass
class Score:
    tp: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def prf(self) -> tuple[float, float, float]:
        return round(self.precision, 3), round(self.recall, 3), round(self.f1, 3)


def score(gold: dict[str, dict], pred: dict[str, dict]) -> dict[str, Score]:
    """Quote and event precision/recall over all articles (events: per-article triple sets)."""
    q = Score(0, 0, 0)
    ev = Score(0, 0, 0)
    for doc_id, g in gold.items():
        p = pred.get(doc_id, {})
        predicted = list(p.get("quotes", []))
        used: set[int] = set()
        for gq in g.get("quotes", []):
            for i, pq in enumerate(predicted):
                if i not in used and quote_matches(gq, pq):
                    used.add(i)
                    q.tp += 1
                    break
        q.predicted += len(predicted)
        q.gold += len(g.get("quotes", []))
        gt = {_triple(e) for e in g.get("events", [])}
        pt = {_triple(e) for e in p.get("events", [])}
        ev.tp += len(gt & pt)
        ev.predicted += len(pt)
        ev.gold += len(gt)
    return {"quotes": q, "events": ev}
