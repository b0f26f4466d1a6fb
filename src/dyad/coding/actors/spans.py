"""Phrases of the text as spans: whole-word matches of the knowledge's automata, leftmost-longest."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from ...ingest.metadata import title_case

_CAPITAL_AFTER = re.compile(r"\s+[A-Z]")


@dataclass(slots=True)
class Span:
    """A matched phrase (in match form) and where it stands in the text."""

    start: int
    end: int
    phrase: str


def whole_words(automaton: ahocorasick.Automaton, haystack: str, hyphen: bool = True) -> list[Span]:
    """Whole-word matches; with hyphen=False a match may not be part of a hyphenated word."""
    out = []
    n = len(haystack)
    for end, phrase in automaton.iter(haystack):
        start = end - len(phrase) + 1
        before = haystack[start - 1] if start > 0 else " "
        after = haystack[end + 1] if end + 1 < n else " "
        if before.isalnum() or after.isalnum():
            continue
        if not hyphen and (before == "-" or after == "-"):
            continue
        out.append(Span(start, end + 1, phrase))
    return out


def occurrences(forms: Iterable[str], mt: str) -> list[Span]:
    """Every whole-word occurrence of the forms in the text (a hyphen joins words)."""
    out = []
    for form in forms:
        at = mt.find(form)
        while at >= 0:
            end = at + len(form)
            before = mt[at - 1] if at else " "
            after = mt[end] if end < len(mt) else " "
            if not (before.isalnum() or before in "_-" or after.isalnum() or after in "_-"):
                out.append(Span(at, end, form))
            at = mt.find(form, at + 1)
    return out


def longest(spans: list[Span]) -> list[Span]:
    """Leftmost-longest non-overlapping spans."""
    spans.sort(key=lambda s: (s.start, -(s.end - s.start)))
    out: list[Span] = []
    last_end = -1
    for s in spans:
        if s.start >= last_end:
            out.append(s)
            last_end = s.end
    return out


def in_name(text: str, start: int, end: int) -> bool:
    """A capitalised word that a capitalised word continues ("the Greenleaf Dockworkers Union",
    "the Europe Bridge"): a word of a name, not the sector or region alone ("the Army said" is),
    outside a headline's capitals ("Obama Seeks More Muslim Refugees As He ...")."""
    if not text[start : start + 1].isupper() or _CAPITAL_AFTER.match(text, end) is None:
        return False
    line_end = text.find("\n", end)
    line = text[text.rfind("\n", 0, start) + 1 : line_end if line_end >= 0 else len(text)]
    return not title_case(line, 0.85)  # not "The Greenleaf Dockworkers Union accused ..."
