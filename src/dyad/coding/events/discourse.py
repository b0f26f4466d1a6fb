"""Discourse: who a quotation's "we" and "you" are, and the article's main parties as the
implicit recipient of an act ("urged both sides", no recipient named, an act at home)."""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass

from ...knowledge.schema import INTERNATIONAL, REGIONS
from ...model import Mention, Sentence
from . import cues as cue
from .context import Context
from .patterns import Pattern


@dataclass(frozen=True, slots=True)
class Voice:
    """A quotation coded in its speaker's voice."""

    start: int
    end: int
    speaker: str
    addressee: str
    mentions: list[Mention]


class Discourse:
    """The article's quotations in their speakers' voices, and its main parties."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.voices = self._voices()
        starts = [v.start for v in self.voices]
        disjoint = all(a.end <= b.start for a, b in itertools.pairwise(self.voices))
        self.voice_starts = starts if disjoint else None

    def _voices(self) -> list[Voice]:
        """Quotations with a speaker, their "we" resolved to the speaker and "you" to whom they
        address: a name that opens the quotation ("Haqqani, Pakistan stood with you"), else the
        one they addressed before, else the other party of the article's dyad."""
        ctx = self.ctx
        voices: list[Voice] = []
        addressed: dict[str, str] = {}
        for q in ctx.a.quotes:
            if q.speaker_key is None or len(q.text.split()) < 10:
                continue
            inside = ctx.mentions_in(q.start, q.end)
            vocative = (
                inside[0]
                if inside
                and inside[0].start - q.start <= 2
                and ctx.text[inside[0].end : inside[0].end + 1] == ","
                else None
            )
            addressee = vocative.actor_key if vocative is not None else addressed.get(q.speaker_key)
            if addressee is None:
                speaker_country = ctx.a.actors[q.speaker_key].country
                addressee = next(
                    (ctx.country_actor(c) for c in ctx.top_countries if c != speaker_country), None
                )
            if addressee is None:
                continue
            addressed[q.speaker_key] = addressee
            pronouns = []
            for m in cue.PERSONAL.finditer(ctx.text, q.start, q.end):
                key = q.speaker_key if m.group(1).lower() in ("we", "us", "our") else addressee
                pronouns.append(Mention(m.start(), m.end(), m.group(0), key, -1, "pronoun"))
            real = [m for m in inside if m is not vocative]
            mentions = sorted(real + pronouns, key=lambda m: m.start)
            voices.append(Voice(q.start, q.end, q.speaker_key, addressee, mentions))
        return voices

    def voice_at(self, pos: int) -> Voice | None:
        """The quotation in a speaker's voice that holds pos, if any."""
        if self.voice_starts is None:  # quotations that overlap: look at each
            return next((v for v in self.voices if v.start <= pos < v.end), None)
        i = bisect.bisect_right(self.voice_starts, pos) - 1
        return self.voices[i] if i >= 0 and pos < self.voices[i].end else None

    def imperative(self, sentence: Sentence) -> Voice | None:
        """ "Do not allow your land to be used against us": the voice of a sentence that asks its
        addressee to act (the speaker requests of the addressee)."""
        voice = self.voice_at(sentence.start + 1) or self.voice_at(sentence.start)
        if voice is None:
            return None
        text = self.ctx.text[max(sentence.start, voice.start) : sentence.end]
        return voice if cue.IMPERATIVE.match(text.lstrip("“\"'‘ ")) else None

    def both_sides(self, end: int, c_end: int, sources: list[Mention]) -> list[str]:
        """ "urged both sides", "the two countries": the article's two main parties (besides the
        source's own)."""
        ctx = self.ctx
        if not cue.BOTH.match(ctx.text[end:c_end]):
            return []
        own = {ctx.country_of(m) for m in sources}
        two = [c for c in ctx.top_countries if c not in own][:2]
        return [k for k in (ctx.country_actor(c) for c in two) if k]

    def both_as_subject(self, at: int, start: int) -> list[Mention]:
        """The two main parties as the subject of a verb ("both sides agreed"), named at `at`."""
        ctx = self.ctx
        sentence = ctx.sentence_at(at)
        s = ctx.a.sentences[sentence]
        speaker = {  # "Trump said the two countries had agreed": not one of the two
            ctx.country_of(m)
            for m in ctx.mentions_in(s.start, s.end)
            if m.sentence == sentence and m.end <= at
        }
        two = [c for c in ctx.top_countries if c not in speaker][:2]
        keys = [k for k in (ctx.country_actor(c) for c in two) if k]
        if len(keys) < 2:
            return []
        return [Mention(at, at, ctx.text[at:start].strip(), k, sentence, "both") for k in keys]

    def counterpart(self, sources: list[Mention]) -> list[str]:
        """No recipient named: the other party of the article's main dyad, if there is one."""
        own = {self.ctx.country_of(m) for m in sources}
        for c in self.ctx.top_countries[:3]:
            if c not in own:
                key = self.ctx.country_actor(c)
                return [key] if key else []
        return []

    def home(self, sources: list[Mention], p: Pattern) -> list[str]:
        """No other party anywhere: a protest, demand or crackdown is aimed at the source's own
        state ("Nigerians rallied in Lagos", "Sudan lifted the state of emergency in Darfur")."""
        country = self.ctx.country_of(sources[0])
        if not country or country in INTERNATIONAL or country in REGIONS:
            return []
        own = {m.actor_key for m in sources}
        key = self.ctx.country_actor(country)
        if key in own:
            key = next(
                (k for k in self.ctx.country_keys.get(country, ()) if k not in own),
                sources[0].actor_key if len(own) == 1 and p.type in cue.SELF_DIRECTED else None,
            )
        return [key] if key else []
