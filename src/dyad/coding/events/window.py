"""A verb trigger's arguments from the words around it, where the parse names no actor (a
pronoun, a subject no dictionary knows, a sentence not parsed): "X was attacked by Y", "he urged
the network", "Ukraine received weapons from the United States"."""

from __future__ import annotations

import re

from ...model import Mention
from . import cues as cue
from .context import Arguments, Context
from .discourse import Discourse
from .patterns import Pattern


class Window:
    """A verb's sources and targets read from the text between and around the mentions."""

    def __init__(self, ctx: Context, discourse: Discourse):
        self.ctx = ctx
        self.discourse = discourse
        self.subjects: dict[int, list[Mention]] = {}  # a sentence's last verb subject
        self.one_way: set[tuple[int, int]] = set()  # (trigger, target): a promised act's recipient

    def verb_arguments(
        self, p: Pattern, start: int, end: int, before: list[Mention], after: list[Mention]
    ) -> Arguments:
        """A verb's subject and object: the giver of what is received, a passive's agent, the
        person a pronoun stands for, or the actors named right before and after the verb."""
        if p.received:  # "Ukraine received weapons from the United States": the giver acts
            return self._received(end, before, after)
        passive = self._passive(p, start, end, before, after)
        if passive is not None:
            return passive
        sources = self._subject(start, end, before)
        if not sources:
            return None, []
        targets = self._object(after, end, p)
        content = after and cue.CONTENT_RECIPIENT.fullmatch(self.ctx.text[end : after[0].start])
        if not targets and p.type in cue.VERBAL and content:
            targets = self.ctx.compound(after[0], after)  # "agreed to provide aid for Romania"
            self.one_way.update((start, id(t)) for t in targets)
        return sources, targets

    def _received(self, end: int, before: list[Mention], after: list[Mention]) -> Arguments:
        giver = next((m for m in after if cue.FROM_GIVER.fullmatch(self.ctx.text[end : m.start])), None)
        receiver = self.ctx.group_before(before)
        return (self.ctx.compound(giver, after), receiver) if giver and receiver else (None, [])

    def _passive(
        self, p: Pattern, start: int, end: int, before: list[Mention], after: list[Mention]
    ) -> Arguments | None:
        """A passive's agent and patient ("was attacked by Y"); None when the verb is active."""
        text, ctx = self.ctx.text, self.ctx
        verb = text[start:end].split()[0].lower()
        participle = verb.endswith(("ed", "en")) or verb in cue.IRREGULAR_PARTICIPLES
        passive = participle and cue.PASSIVE.search(text[max(0, start - 20) : start])
        by = cue.BY.match(text[end : end + 6])
        if passive and by and after:
            if cue.INFINITIVE_GAP.search(text[end : after[0].start]):
                return None, []  # "was pressured by congress to help Iran": the agent is no actor
            return ctx.compound(after[0], after), ctx.group_before(before) or self._place_struck(start)
        if passive and not by and p.mode != "withdraw" and not cue.STATIVE.match(text[end : end + 6]):
            # "X was accused of ... by Y": the agent named later; "Three soldiers were killed": none
            # ("Rebels were demobilized" is the rebels' own retreat)
            agent = next((m for m in after if cue.AGENT.search(text[end : m.start])), None)
            if agent is None and p.type == "COERCE":  # "was arrested in Uganda": Uganda's doing
                agent = next(
                    (m for m in after if cue.IN_STATE.search(text[end : m.start]) and ctx.is_state(m)), None
                )
            if agent is None:
                return None, []
            return ctx.compound(agent, after), ctx.group_before(before)
        return None

    def _subject(self, start: int, end: int, before: list[Mention]) -> list[Mention]:
        """Who does what an active verb names."""
        text, ctx = self.ctx.text, self.ctx
        verb = text[start:end].split()[0].lower()
        pronoun = cue.PRONOUN.search(text[max(0, start - 25) : start])
        they = cue.THEY.search(text[max(0, start - 25) : start])
        if pronoun:  # "where he urged the network": the person last named
            person = ctx.last_person(start - len(pronoun.group(0)))
            return [person] if person else []
        if they:  # "while the Afghan side agreed ..., they refused": that clause's subject
            index = ctx.sentence_at(start)
            return self.subjects.get(index) or ctx.group_before(before) or self.subjects.get(index - 1) or []
        if before and verb.endswith("ing") and cue.PARTICIPLE_LEAD.search(text[max(0, start - 25) : start]):
            # "Serbia lodged a protest with Albania, charging its neighbour ...": the clause's subject,
            # if an actor opens it ("the strikes targeted the IRGC complex, killing ...": none)
            opening = text[ctx.a.sentences[before[0].sentence].start : before[0].start]
            return ctx.compound(before[0], before) if len(opening.split()) <= 4 else []
        both = cue.BOTH_SUBJECT.search(text[max(0, start - 45) : start])
        if both:  # "the two countries had agreed": the article's two main parties
            return self.discourse.both_as_subject(start - len(both.group(0)), start)
        return self._head_of(ctx.group_before(before), before)

    def _place_struck(self, start: int) -> list[Mention]:
        """ "Gaza was struck by Israeli jets": a place is the patient of a passive it opens."""
        for m in self.ctx.mentions_in(start - 200, start):  # the passive is a few words long
            if (
                m.how == "place"
                and m.end <= start
                and cue.PLACE_PASSIVE.fullmatch(self.ctx.text[m.end : start])
            ):
                return [m]
        return []

    def _head_of(self, group: list[Mention], before: list[Mention]) -> list[Mention]:
        """The subject a postmodifier hangs on: "the Turkish and Greek sides of the island of
        Cyprus agreed", "militants loyal to Zarqawi said": the sides, the militants."""
        while group:
            i = before.index(group[0])
            if i == 0 or not cue.POSTMODIFIER.fullmatch(self.ctx.text[before[i - 1].end : group[0].start]):
                return group
            group = self.ctx.group_before(before[:i])
        return group

    def _object(self, after: list[Mention], end: int, p: Pattern) -> list[Mention]:
        """The recipient: an actor soon after the trigger ("warned Pakistan", "demanding that Kabul
        act", "called on Pakistan", "fired into Afghan territory")."""
        if not after:
            return []
        first = after[0]
        gap = self.ctx.text[end : first.start]
        if len(gap) > 45 or re.search(r"[,;:]", gap.replace(", saying", "")):
            return []
        if re.search(r"\w\s+of\s+(?:the\s+)?$", gap) and not cue.MEMBERS_OF.search(gap):
            return []  # "assist adversaries of Pakistan": the actor qualifies another noun
        if re.search(r"(?i)\b(and|or)\b", gap) and not re.search(r"(?i)\bbetween\b", gap):
            return []
        return self.ctx.compound(first, after)
