"""Emitting events: one record per source, type, target and sentence, with its time, modality,
negation, attribution and confidence; and each sentence's root events."""

from __future__ import annotations

from datetime import date

from ...model import Event, Mention, Sentence
from ..timeref import is_historical, resolve_date
from . import cues as cue
from .context import Context
from .patterns import Pattern

# (conditional?, date, precision, historical?) of a sentence
SentenceTime = tuple[bool, date | None, str | None, bool]
# (negated, when, hypothetical, date, precision) of an act
ActTime = tuple[bool, str, bool, date | None, str | None]


class Emitter:
    """The events found so far in an article, and the trigger each started at."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.events: list[Event] = []
        self.trigger_starts: list[int] = []  # where each event's trigger starts
        self.seen: set[tuple] = set()
        self.time_cache: dict[tuple[int, bool], SentenceTime] = {}
        self.tree_negated: set[int] = set()  # triggers the parse shows negated
        self.reciprocal: set[int] = set()  # events that answer another's ("met Y": Y met X), never root

    def emit(
        self,
        sentence: Sentence,
        src: Mention,
        tgt: Mention | None,
        p: Pattern,
        start: int,
        end: int,
        target_key: str | None = None,
        implicit: bool = False,
        mutual: bool = False,
        reciprocal: bool = False,
    ) -> None:
        """An event of src on tgt (or on target_key), once per source, type, target and sentence;
        an actor does not act on itself, unless at home with no one else named (`implicit`). A
        `reciprocal` event (the target's side of a symmetric act) is never the sentence's root."""
        src_key = src.actor_key
        if self.ctx.provenance(src):
            return  # journalists are whom an act befalls, never who does it
        tgt_key = target_key or (tgt.actor_key if tgt else None)
        key = (src_key, p.type, tgt_key, sentence.index)
        if (tgt_key == src_key and not (implicit and p.type in cue.SELF_DIRECTED)) or key in self.seen:
            return
        self.seen.add(key)
        negated, when, hypothetical, day, precision = self._time(sentence, p, start)
        t = self.ctx.p.types[p.type]
        score = -10.0 if p.type == "ASSAULT" and p.mode == "unconventional" else t.score
        confidence = 0.9 if not implicit else (0.5 if tgt_key else 0.6)
        if abs(src.start - start) > 120:
            confidence -= 0.2
        self.trigger_starts.append(start)
        if reciprocal:
            self.reciprocal.add(len(self.events))
        self.events.append(
            Event(
                source_keys=[src_key],
                type=p.type,
                target_keys=[tgt_key] if tgt_key else [],
                sentence=sentence.index,
                start=sentence.start,
                end=sentence.end,
                mode=p.mode,
                when=when,
                negated=negated,
                hypothetical=hypothetical,
                context=p.context,
                date=day,
                date_precision=precision,
                attributed_to=self.ctx.attribution(sentence),
                confidence=round(max(0.1, confidence), 2),
                mutual=mutual,
                trigger=self.ctx.text[start:end],
                cameo=t.cameo,
                quad_class=t.quad,
                score=score,
            )
        )

    def _time(self, sentence: Sentence, p: Pattern, start: int) -> ActTime:
        """(negated, when, hypothetical, date, precision) of an act whose trigger starts at start."""
        text = self.ctx.text
        clause_start, _ = self.ctx.clause(sentence, start)
        lead = text[max(clause_start, start - 40) : start]
        negated = not p.refusal and (
            bool(cue.NEGATION.search(text[max(clause_start, start - 25) : start]))
            or start in self.tree_negated
        )
        future = bool(cue.FUTURE.search(lead)) and p.type not in ("THREATEN",)
        hypothetical, day, precision, historical = self._sentence_time(sentence, future)
        if historical:
            when = "historical"
        elif future and not hypothetical:
            when = "future"
        else:
            when = "current"
        if day is None and when == "current" and self.ctx.a.published:
            day, precision = self.ctx.a.published, "publication"
        return negated, when, hypothetical, day, precision

    def _sentence_time(self, sentence: Sentence, future: bool) -> SentenceTime:
        """(conditional?, date, precision, historical?) of a sentence, computed once."""
        cached = self.time_cache.get((sentence.index, future))
        if cached is None:
            s_text = self.ctx.text[sentence.start : sentence.end]
            day, precision = resolve_date(s_text, self.ctx.a.published, future)
            cached = (
                bool(cue.CONDITION.search(s_text)),
                day,
                precision,
                is_historical(s_text, day, self.ctx.a.published),
            )
            self.time_cache[(sentence.index, future)] = cached
        return cached

    def symmetric(self, sentence: Sentence, sides: list[Mention], p: Pattern, start: int, end: int) -> None:
        """A joint act ("India and Pakistan agreed"): each side on each other, marked mutual."""
        for a in sides:
            for b in sides:
                if a is not b:
                    self.emit(sentence, a, b, p, start, end, mutual=True)

    def mediation(
        self,
        sentence: Sentence,
        mediators: list[Mention],
        targets: list[Mention],
        p: Pattern,
        start: int,
        end: int,
    ) -> None:
        """A mediator's act on each party it mediates between (the article's two main parties
        when none is named)."""
        ctx = self.ctx
        mediator_countries = {ctx.country_of(m) for m in mediators}
        parties = [m for m in targets if ctx.country_of(m) not in mediator_countries]
        keys = {ctx.country_of(m) for m in parties}
        extra = [c for c in ctx.top_countries if c not in mediator_countries and c not in keys]
        for m in mediators:
            for t in parties:
                self.emit(sentence, m, t, p, start, end)
            for c in extra[: 0 if keys else 2]:
                target_key = ctx.country_actor(c)
                if target_key:
                    self.emit(sentence, m, None, p, start, end, target_key=target_key)

    def mark_root(self, sentence: Sentence, first: int) -> None:
        """The sentence's root events: those of its first act, passing over a leading adjunct
        ("After the shooting, Israel reimposed blockades"), as one-record-per-sentence coders
        (PETRARCH, the PLOVER GSR) code a sentence."""
        found = range(first, len(self.events))
        if not found:
            return
        lead = cue.LEADING_ADJUNCT.match(self.ctx.text[sentence.start : sentence.end])
        starts = [self.trigger_starts[i] for i in found]
        outside = [x for x in starts if not lead or x >= sentence.start + lead.end()]
        root = min(outside or starts)
        for i in found:
            self.events[i].root = self.trigger_starts[i] == root and i not in self.reciprocal
