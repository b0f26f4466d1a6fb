"""An event noun's arguments, named with it: "Pakistan's airstrikes on Kabul", "airstrikes by
Pakistan", "Haqqani issued a warning to Pakistan", "talks between X and Y", "the EU gave Mali 5
million dollars of aid"."""

from __future__ import annotations

import re

from ...model import Mention, Sentence
from . import cues as cue
from .context import Arguments, Context
from .patterns import Pattern

ADJUNCT = re.compile(r"\s+(?:(?!(?:in|on|at|for|of|with|to|by|from|after|against|over|as)\s)[a-z-]+\s+)?")


def noun_arguments(
    ctx: Context,
    p: Pattern,
    start: int,
    end: int,
    before: list[Mention],
    after: list[Mention],
    sentence: Sentence,
) -> Arguments:
    """An event noun needs its actor named with it: "Pakistan's airstrikes on Kabul",
    "airstrikes by Pakistan", "Haqqani issued a warning to Pakistan", "talks between X and Y"."""
    text = ctx.text
    between = [
        m for m in after if cue.BETWEEN.search(text[max(end, m.start - 12) : m.start]) and m.start - end < 30
    ]
    if between and p.symmetric:
        return ctx.compound(between[0], after), []
    gift = _gift(ctx, before, start, sentence)
    if gift[0]:
        return gift  # "Finland will give Tanzania a grant"
    sources, after = _noun_sources(ctx, p, start, end, before, after, sentence)
    if not sources:
        return gift
    targets = []
    if after:
        gap = text[end : after[0].start]
        benefit = p.type in ("SUPPORT", "AID") and cue.FOR.fullmatch(gap)  # "support for Pakistan"
        patient = ctx.p.types[p.type].quad == 4 and cue.OF.fullmatch(gap)  # "invasion of South Lebanon"
        if cue.NOUN_PREP.fullmatch(gap) or benefit or patient:
            targets = ctx.compound(after[0], after)
    return sources, targets


def _noun_sources(
    ctx: Context,
    p: Pattern,
    start: int,
    end: int,
    before: list[Mention],
    after: list[Mention],
    sentence: Sentence,
) -> tuple[list[Mention], list[Mention]]:
    """Whose act an event noun names: a possessor or a modifier, the "by" phrase, the subject of
    a light verb ("launched an offensive"); and the mentions after it left for its target."""
    text = ctx.text
    poss = [m for m in before if re.fullmatch(r"['’]s?\s+(?:[\w-]+\s+){0,3}", text[m.end : start])]
    if not poss and before and cue.THEIR.search(text[max(sentence.start, start - 40) : start]):
        poss = [before[-1]]  # "Israel mounted its long-threatened invasion"
    light = cue.LIGHT_VERB.search(text[max(sentence.start, start - 50) : start])
    by = re.match(r"(?i)\s+(?:\w+\s+){0,2}?by\s+$", text[end : after[0].start]) if after else None
    # "a Taliban attack", "US drone strikes"; not "the ambassador in protest"
    adjunct = [m for m in before if ADJUNCT.fullmatch(text[m.end : start])]
    if adjunct and not poss:
        poss = adjunct
    sources: list[Mention] = []
    if poss:
        sources = ctx.group_before(before[: before.index(poss[-1]) + 1])
    elif by:
        sources = ctx.compound(after[0], after)
        after = [m for m in after if m.start > sources[-1].end]
    elif light:
        lv_start = max(sentence.start, start - 50) + light.start()
        sources = ctx.group_before([m for m in before if m.end <= lv_start])
    elif (
        p.symmetric
        and before
        and re.match(r"(?i)\s*(?:have|has|had)?\s*(?:held|hold|holding)\b", text[before[-1].end : start])
    ):
        sources = ctx.group_before(before)
    elif p.type == "CONSULT" and before and after and cue.WITH.fullmatch(text[end : after[0].start]):
        sources = ctx.group_before(before)  # "Muttaqi was in Delhi for a meeting with Jaishankar"
    return sources, after


def _gift(ctx: Context, before: list[Mention], start: int, sentence: Sentence) -> Arguments:
    """ "The EU gave Mali 5 million dollars of aid": giver and recipient of an event noun."""
    for i in range(len(before) - 1, -1, -1):
        m = before[i]
        give = cue.GIVE.search(ctx.text[max(sentence.start, m.start - 20) : m.start])
        if give and cue.GIFT.fullmatch(ctx.text[m.end : start]):
            give_at = max(sentence.start, m.start - 20) + give.start()
            sources = ctx.group_before([x for x in before[:i] if x.end <= give_at])
            return (sources, [m]) if sources else (None, [])
    return None, []
