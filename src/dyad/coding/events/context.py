"""One article as the event coder reads it: its text, its actors' mentions by position, its
quotations and clauses, and the parties it is mostly about."""

from __future__ import annotations

import bisect

from ...knowledge.schema import INTERNATIONAL, REGIONS
from ...model import Article, Mention, Sentence
from . import cues as cue
from .patterns import Patterns
from .triggers import normalised

# (sources, targets); sources None: the trigger has no doer here, no event
Arguments = tuple[list[Mention] | None, list[Mention]]


class Context:
    """Lookups over one article (mentions with a country only), computed once and cached."""

    def __init__(self, article: Article, patterns: Patterns):
        self.a = article
        self.p = patterns
        self.text = article.text
        self.lower = normalised(article.text)
        # a full quotation is the speaker's words; a short phrase quoted inside a sentence is not
        self.quotes = [(q.start - 1, q.end + 1) for q in article.quotes if len(q.text.split()) >= 10]
        self.attribution_cache: dict[int, str | None] = {}
        self.reporter_cache: dict[int, int] = {}
        self.ordered = sorted(article.mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.ordered]
        self.sentence_starts = [s.start for s in article.sentences]
        self.cuts: dict[int, list[tuple[int, int]]] = {}  # a sentence's clause boundaries
        self.quote_spans = _union(self.quotes)  # for a bisection: a scan per mention grows as n²
        self.country_actors: dict[str, str | None] = {}
        self.country_keys: dict[str, list[str]] = {}  # each country's actors, by first mention
        for m in self.a.mentions:
            keys = self.country_keys.setdefault(self.a.actors[m.actor_key].country, [])
            if m.actor_key not in keys:
                keys.append(m.actor_key)
        self.top_countries = self._top_countries()

    def inside_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self.quote_spans, (pos, float("inf"))) - 1
        return i >= 0 and pos < self.quote_spans[i][1]

    def _top_countries(self) -> list[str]:
        """The article's parties, most mentioned first (international bodies and regions aside)."""
        counts: dict[str, int] = {}
        for m in self.a.mentions:
            if m.start >= self.reporter_clause(self.a.sentences[m.sentence]) or m.how == "place":
                continue  # who reports the news, and where it happens, are not its parties
            if self.provenance(m) and self.text[m.start - 1 : m.end + 1] == f"({m.text})":
                continue  # nor is the outlet of a credit line ("JERUSALEM (AP) --")
            c = self.a.actors[m.actor_key].country
            if c and c not in INTERNATIONAL and c not in REGIONS:  # a region, or no country: no party
                counts[c] = counts.get(c, 0) + 1
        return sorted(counts, key=counts.__getitem__, reverse=True)

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """The mentions that start in [start, end), by position (a bisection, not a scan)."""
        return self.ordered[bisect.bisect_left(self.starts, start) : bisect.bisect_left(self.starts, end)]

    def sentence_at(self, pos: int) -> int:
        """The index of the sentence that holds pos."""
        return self.a.sentences[max(0, bisect.bisect_right(self.sentence_starts, pos) - 1)].index

    def clause(self, sentence: Sentence, pos: int) -> tuple[int, int]:
        """The clause around pos: the sentence cut at semicolons, dashes and contrastive links."""
        start, end = sentence.start, sentence.end
        cuts = self.cuts.get(sentence.index)
        if cuts is None:
            cuts = self.cuts[sentence.index] = [
                m.span() for m in cue.CLAUSE.finditer(self.text, sentence.start, sentence.end)
            ]
        for cut_start, cut_end in cuts:
            if cut_end <= pos:
                start = cut_end
            elif cut_start >= pos:
                end = cut_start
                break
        return start, end

    def reporter_clause(self, sentence: Sentence) -> int:
        """Where a closing ", X said on Monday." starts in a sentence (its end if there is none)."""
        start = self.reporter_cache.get(sentence.index)
        if start is None:
            m = cue.REPORTER.search(self.text, sentence.start, sentence.end)
            start = self.reporter_cache[sentence.index] = m.start() if m else sentence.end
        return start

    def attribution(self, sentence: Sentence) -> str | None:
        """Who the sentence's claim comes from: "according to NDTV", "Ariana News reported"."""
        if sentence.index not in self.attribution_cache:
            self.attribution_cache[sentence.index] = self._find_attribution(sentence)
        return self.attribution_cache[sentence.index]

    def _find_attribution(self, sentence: Sentence) -> str | None:
        """The outlet a sentence cites ("according to NDTV"), else who closes it ("..., X said")."""
        s_text = self.text[sentence.start : sentence.end]
        if cue.ATTRIBUTION.search(s_text):
            for m in self.mentions_in(sentence.start, sentence.end):
                if self.a.actors[m.actor_key].sector == "JRN":
                    return self.a.actors[m.actor_key].name
        tail = self.reporter_clause(sentence)
        closing = self.mentions_in(tail, sentence.end)
        return self.a.actors[closing[0].actor_key].name if closing else None

    def provenance(self, m: Mention, as_target: bool = False) -> bool:
        """ "according to NDTV", "Ariana News reported": who tells, not who acts. A journalist
        named as a person ("freed a Kyrgyz journalist") is still an actor, and so are journalists
        an act befalls (`as_target`: "police arrested a handful of journalists")."""
        actor = self.a.actors[m.actor_key]
        if as_target and actor.role == "journalists":
            return False
        return actor.sector == "JRN" and actor.kind != "person"

    def direct_object(self, end: int) -> Mention | None:
        """The actor named right after a verb, if any."""
        gap = cue.DIRECT_OBJECT_GAP.match(self.text[end : end + 10])
        at = end + (gap.end() if gap else 0)
        return next((m for m in self.a.mentions if m.start == at), None)

    def told_to(self, end: int) -> bool:
        """An actor named right after the verb, and "to" and a verb after it."""
        m = self.direct_object(end)
        return m is not None and bool(cue.TO_VERB.match(self.text, m.end))

    def called(self, end: int) -> bool:
        """An actor named right after the verb, and not what it is called ("called Putin a
        killer") nor asked to do ("called Kabul to account")."""
        m = self.direct_object(end)
        return m is not None and not cue.NAMED_AS.match(self.text, m.end)

    def object_is_person(self, end: int) -> bool:
        m = self.direct_object(end)
        return m is not None and self.a.actors[m.actor_key].kind == "person"

    def is_state(self, m: Mention) -> bool:
        return self.a.actors[m.actor_key].kind == "state"

    def country_of(self, m: Mention) -> str:
        return self.a.actors[m.actor_key].country

    def last_person(self, pos: int) -> Mention | None:
        """The person named last before pos, outside quotations ("he", "she")."""
        for m in reversed(self.a.mentions):
            if (
                m.start < pos
                and self.a.actors[m.actor_key].kind == "person"
                and not self.inside_quote(m.start)
            ):
                return m
        return None

    def country_actor(self, country: str) -> str | None:
        """The actor that stands for a country: its state, else its first actor named."""
        if country not in self.country_actors:
            self.country_actors[country] = self._find_country_actor(country)
        return self.country_actors[country]

    def _find_country_actor(self, country: str) -> str | None:
        for key, actor in self.a.actors.items():
            if actor.country == country and actor.kind == "state":
                return key
        keys = self.country_keys.get(country)
        return keys[0] if keys else None

    def group_before(self, before: list[Mention]) -> list[Mention]:
        """The subject: the nearest actor before the trigger, with those joined to it by "and"."""
        if not before:
            return []
        group = [before[-1]]
        i = len(before) - 2
        while i >= 0 and cue.JOIN.fullmatch(self.text[before[i].end : group[0].start]):
            if cue.ACCORDING_TO.search(self.text, max(0, before[i].start - 60), before[i].start):
                break  # "According to the minister, the delegation insisted": who tells, not who acts
            group.insert(0, before[i])
            i -= 1
        return group

    def compound(self, first: Mention, mentions: list[Mention]) -> list[Mention]:
        """first and the mentions after it joined to it by "and" or a comma."""
        group = [first]
        rest = [m for m in mentions if m.start > first.start]
        for m in rest:
            if cue.JOIN.fullmatch(self.text[group[-1].end : m.start]):
                group.append(m)
            else:
                break
        return group


def _union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Half-open spans merged where they overlap, sorted."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        elif start < end:
            merged.append((start, end))
    return merged
