"""Actor recall against the gold actors of ../shared (right country and sector)."""

import re

import pytest
from conftest import gold_articles

import dyad
from dyad.settings import Settings

THRESHOLD = 0.90


def _norm(s: str) -> str:
    s = s.replace("’", "'").replace("\u2011", "-").lower().strip()
    s = re.sub(r"^(the|a|an) ", "", s)
    s = re.sub(r"'s\b", "", s)
    return " ".join(re.findall(r"[\w-]+", s))


def _matches(pred: set[str], gold: set[str]) -> bool:
    return any(
        p == g or (len(g) > 3 and (f" {g} " in f" {p} " or f" {p} " in f" {g} ")) for p in pred for g in gold
    )


def actor_recall(settings: Settings) -> tuple[int, int, list[str]]:
    hits, total, misses = 0, 0, []
    for g in gold_articles():
        a = dyad.process(g["text"], title=g.get("title"), published=g.get("published"), settings=settings)
        pred: dict[str, set[str]] = {}
        for m in a.mentions:
            pred.setdefault(m.actor_key, set()).add(_norm(m.text))
        for ga in g["actors"]:
            total += 1
            gold = {_norm(x) for x in [ga["name"], *ga["mentions"]]}
            ok = any(
                a.actors[k].country == ga["country"]
                and a.actors[k].sector == ga["sector"]
                and _matches(texts, gold)
                for k, texts in pred.items()
            )
            hits += ok
            if not ok:
                misses.append(f"{g['id']}: {ga['name']} ({ga['country']} {ga['sector']})")
    return hits, total, misses


@pytest.mark.parametrize("starter", [True, False], ids=["with-starter-people", "learned-only"])
def test_actor_recall(starter):
    hits, total, misses = actor_recall(Settings(use_starter_people=starter))
    recall = hits / total
    print(
        f"\nactor recall ({'with' if starter else 'without'} the starter set of office "
        f"holders): {hits}/{total} = {recall:.3f}"
    )
    for m in misses:
        print("  missed", m)
    assert total >= 100
    assert recall >= (THRESHOLD if starter else 0.85)
