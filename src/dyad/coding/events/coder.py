"""The event coder: an article's sentences, one by one, into PLOVER events (and candidates)."""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re

from ...model import Article, Candidate, Mention, Sentence
from . import cues as cue
from .context import Context
from .discourse import Discourse
from .emit import Emitter
from .modality import OBLIGATION, STATED_INTENT
from .patterns import Pattern, load_patterns
from .reported import obligations
from .tree import Tree
from .trigger_coder import TriggerCoder
from .triggers import Trigger, is_complement, resolved, trigger_spans

# Longer than any sentence of the gold sets (1,094 characters at most): a list or a text without
# punctuation, not a sentence. Not coded, since coding a sentence takes time that grows faster than
# its length.
MAX_SENTENCE = 2500


def find_events(article: Article) -> None:
    """Fill article.events (and article.candidates) sentence by sentence."""
    coder = Coder(dataclasses.replace(article, mentions=event_mentions(article)))
    for sentence in article.sentences:
        if sentence.end - sentence.start <= MAX_SENTENCE:
            coder.code_sentence(sentence)
    article.events = coder.emitter.events
    article.candidates = coder.candidates


def event_mentions(article: Article) -> list[Mention]:
    """The mentions events are coded among: every actor with a country, and one whose country
    the text does not give where no mention with a country overlaps it ("the Nigerian Union of
    Teachers" acts as Nigeria's; "Interpol" or "the AMC chain" as themselves)."""
    countries = {k: a.country for k, a in article.actors.items()}
    placed = sorted((m.start, m.end) for m in article.mentions if countries[m.actor_key])
    starts = [s for s, _ in placed]
    out = []
    for m in article.mentions:
        if not countries[m.actor_key]:
            i = bisect.bisect_left(starts, m.end)
            if any(e > m.start for _, e in placed[max(0, i - 8) : i]):
                continue
        out.append(m)
    return out


class Coder:
    """One article's coder: its triggers sentence by sentence, each coded among the sentence's
    actors (a quotation's in its speaker's voice), with the acts reported speech makes."""

    def __init__(self, article: Article):
        self.ctx = ctx = Context(article, load_patterns())
        self.discourse = Discourse(ctx)
        self.emitter = Emitter(ctx)
        self.triggers = TriggerCoder(ctx, Tree(article, ctx.p.nouns), self.discourse, self.emitter)
        self.candidates: list[Candidate] = []

    def code_sentence(self, sentence: Sentence) -> None:
        """The events of one sentence, its root events marked."""
        ctx = self.ctx
        here = ctx.mentions_in(sentence.start, sentence.end)
        mentions = [
            m for m in here if not ctx.inside_quote(m.start) and not ctx.provenance(m, as_target=True)
        ]
        first = len(self.emitter.events)
        triggers = resolved(ctx.p, ctx.lower, trigger_spans(ctx.p, ctx.lower, sentence.start, sentence.end))
        self._candidates(sentence, mentions, triggers)
        self._code_triggers(sentence, mentions, triggers)
        if mentions:
            self._offers(sentence, mentions, triggers)
        self._imperative(sentence)
        self.emitter.mark_root(sentence, first)

    def _code_triggers(self, sentence: Sentence, mentions: list[Mention], triggers: list[Trigger]) -> None:
        """Each trigger that is an act of its own (not the content of a verbal act before it), in
        order, with the demands of a reported "Y must" where they stand."""
        pending = obligations(self.ctx, sentence, mentions, self.triggers.tree) if mentions else []
        previous, verbal = None, set()  # the last trigger; the parse's tokens of the verbal acts
        for start, end, form, p in triggers:
            while pending and pending[0][0] < start:
                o_start, o_end, speaker, subject = pending.pop(0)
                self.emitter.emit(sentence, speaker, subject, OBLIGATION, o_start, o_end)
                previous = (o_start, o_end, OBLIGATION)
            if previous is not None and previous[2] is OBLIGATION and start < previous[1]:
                continue  # "Sudan must return the helicopter": the verb the demand is made of
            if p.type == "REQUEST" and cue.ORDERED.match(form) and not self.ctx.object_is_person(end):
                continue  # "ordered Menem to appear" is a demand; "ordered troops to the border" is not
            if p.kind == "verb" and self._modifier(sentence, start):
                continue  # "the appeals court", "a strike group": a noun naming something else
            if is_complement(self.ctx.text, previous, start, form, p) or self._governed(
                sentence, verbal, start
            ):
                continue  # "agreed to allow", "threatened to ban": a verbal act's content
            previous = (start, end, p)
            if p.type in cue.VERBAL and p.kind == "verb":
                tok = self.triggers.tree.token_at(sentence.index, start)
                if tok is not None:
                    verbal.add(tok.i)
            if self.ctx.inside_quote(start):
                voice = self.discourse.voice_at(start)
                if voice is not None:  # "You requested funds": the speaker's words, with their you and we
                    self.triggers.code(sentence, voice.mentions, start, end, p)
            elif mentions:
                self.triggers.code(sentence, mentions, start, end, p)
        for o_start, o_end, speaker, subject in pending:
            self.emitter.emit(sentence, speaker, subject, OBLIGATION, o_start, o_end)

    def _modifier(self, sentence: Sentence, start: int) -> bool:
        """The parse reads the trigger as a noun modifying another ("the appeals court")."""
        tok = self.triggers.tree.token_at(sentence.index, start)
        return tok is not None and tok.dep_ == "compound" and tok.tag_ in ("NN", "NNS")

    def _governed(self, sentence: Sentence, verbal: set[int], start: int) -> bool:
        """The parse shows the trigger as the clause a verbal act before it governs ("demanded that
        its European Community partners refuse to recognize"): what is asked, not done."""
        tok = self.triggers.tree.token_at(sentence.index, start) if verbal else None
        return tok is not None and tok.dep_ in ("ccomp", "xcomp") and tok.head.i in verbal

    def _offers(self, sentence: Sentence, mentions: list[Mention], triggers: list[Trigger]) -> None:
        """ "X is ready to contribute troops to Y": a stated intent to cooperate (AGREE) when the verb
        is one no pattern knows (a known one is coded itself, with the intent conventions)."""
        starts = {t[0] for t in triggers}
        for m in cue.READY.finditer(self.ctx.text, sentence.start, sentence.end):
            if m.end() not in starts and not self.ctx.inside_quote(m.start()):
                self.triggers.code(sentence, mentions, m.start(1), m.end(1), STATED_INTENT)

    def _imperative(self, sentence: Sentence) -> None:
        """ "Do not allow your land to be used against us": the speaker requests of the addressee."""
        voice = self.discourse.imperative(sentence)
        if voice is None:
            return
        speaker = Mention(voice.start, voice.start, "", voice.speaker, sentence.index, "speaker")
        request = Pattern("REQUEST", "verb", None, "diplomatic", False, 0)
        self.emitter.emit(
            sentence, speaker, None, request, sentence.start, sentence.start, target_key=voice.addressee
        )

    def _candidates(self, sentence: Sentence, mentions: list[Mention], triggers: list[Trigger]) -> None:
        """A verb between two actors that no pattern knows: recorded, never coded."""
        for a, b in itertools.pairwise(mentions):
            gap = self.ctx.text[a.end : b.start]
            m = re.fullmatch(r"\s+((?:\w+ly\s+)?([a-z]+(?:ed|s)))\s+(?:the\s+|to\s+|with\s+)?", gap)
            if any(a.end <= t[0] < b.start for t in triggers) or cue.NOT_CANDIDATE.match(gap.strip()):
                continue
            if m and a.actor_key != b.actor_key:
                self.candidates.append(Candidate(m.group(2), a.actor_key, b.actor_key, sentence.index))
