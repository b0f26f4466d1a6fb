"""Triggers: the words of a sentence that name an event, with the patterns they match, and the
sentences worth parsing for events."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...linguistic.quote_marks import quote_spans
from . import cues as cue
from .patterns import Pattern, Patterns, load_patterns

if TYPE_CHECKING:
    from ...model import Article

# (start, end, form): a trigger phrase's span in the text and its lowercased form
Span = tuple[int, int, str]
# a trigger with its pattern
Trigger = tuple[int, int, str, Pattern]


def normalised(text: str) -> str:
    """The text as triggers are found in it: lowercased, with plain apostrophes and hyphens."""
    return text.lower().replace("’", "'").replace("\u2011", "-")


def trigger_spans(patterns: Patterns, lower: str, s: int, e: int) -> list[Span]:
    """The trigger phrases of lower[s:e] (the lowercased text), whole words only, longest first
    where two overlap: (start, end, form)."""
    found = []
    hay = lower[s:e]
    for end, form in patterns.automaton.iter(hay):
        start = end - len(form) + 1
        before = hay[start - 1] if start > 0 else " "
        after = hay[end + 1] if end + 1 < len(hay) else " "
        if before.isalnum() or after.isalnum() or before == "-" or after == "-":
            continue
        found.append((s + start, s + end + 1, form))
    found.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    out, last = [], -1
    for t in found:
        if t[0] >= last:
            out.append(t)
            last = t[1]
    return out


def event_sentences(article: Article) -> list[int]:
    """The sentences worth parsing for events: a trigger and an actor with a country outside
    quotation marks."""
    patterns = load_patterns()
    lower = normalised(article.text)
    inside = [(q.open_at, q.end) for q in quote_spans(article.text)]
    with_actor = set()
    for m in article.mentions:
        if article.actors[m.actor_key].country and not any(a <= m.start <= b for a, b in inside):
            with_actor.add(m.sentence)
    return [
        i
        for i in sorted(with_actor)
        if i < len(article.sentences)
        and trigger_spans(patterns, lower, article.sentences[i].start, article.sentences[i].end)
    ]


def resolved(patterns: Patterns, lower: str, found: list[Span]) -> list[Trigger]:
    """Triggers with their patterns, a verb's object included ("reduced food supplies"); a verb
    that is an event only with an object it lacks is dropped, and so is a trigger inside an
    object ("violated the ceasefire agreement")."""
    out, covered = [], 0
    for start, end, form in found:
        if start < covered:
            continue
        p, end = _modified_object(patterns, lower, form, end)
        if p is not None:
            out.append((start, end, form, p))
            covered = end
    return out


def _modified_object(patterns: Patterns, lower: str, form: str, end: int) -> tuple[Pattern | None, int]:
    """A verb phrase whose object has modifiers: "lifted a day-old blockade" is "lift blockade"
    (None: a verb that is an event only with such an object)."""
    for rest, p in patterns.objects.get(form, []):
        m = re.match(rf"\s+(?:[\w'-]+\s+){{1,3}}{re.escape(rest)}\b", lower[end : end + 80])
        if m:
            return p, end + m.end()
    return patterns.forms.get(form), end


def is_complement(
    text: str, previous: tuple[int, int, Pattern] | None, start: int, form: str, p: Pattern
) -> bool:
    """Whether a trigger is the content of the verbal act before it ("agreed to allow",
    "threatened to ban", "rallied to demand reforms"), not an act of its own."""
    if previous is None:
        return False
    gap = text[previous[1] : start]
    if previous[2].type == "PROTEST" and p.type == "REQUEST":
        # "demonstrated in Kirkuk calling for independence", "rallied to demand reforms"
        return (form.split()[0].endswith("ing") or gap.endswith("to ")) and not cue.CLAUSE.search(gap)
    if previous[2].type not in cue.VERBAL:
        return False
    if cue.COMPLEMENT.fullmatch(gap):
        return True
    if p.kind == "noun" and cue.NOUN_COMPLEMENT.fullmatch(gap):
        return True  # "threatened to launch a new offensive"
    return previous[2].kind == "verb" and bool(cue.OBJECT.fullmatch(gap))
