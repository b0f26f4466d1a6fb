"""Recipients: which named targets an act is aimed at, whom it is aimed at when none is named
("urged both sides", the other party of the article's dyad, the source's own state), the host of
a visit, and whether a symmetric act goes one way."""

from __future__ import annotations

import re
from collections.abc import Mapping

from ...model import Actor, Mention, Sentence
from . import cues as cue
from .context import Context
from .discourse import Discourse
from .patterns import Pattern


def named(
    ctx: Context, sentence: Sentence, p: Pattern, start: int, sources: list[Mention], targets: list[Mention]
) -> list[Mention]:
    """The targets that are not the sources themselves, their own country (for an outward or
    verbal conflict act), nor named in a closing ", X said"."""
    own = {m.actor_key for m in sources}
    tail = ctx.reporter_clause(sentence)
    if start < tail:  # "..., Thai military sources said": who reports it, not whom it concerns
        targets = [t for t in targets if t.start < tail]
    # "X imposed ... in X", "Akayev agreed to resign without returning to Kyrgyzstan"
    return [t for t in targets if t.actor_key not in own and not _at_home(ctx, p, start, sources, t)]


def _at_home(ctx: Context, p: Pattern, start: int, sources: list[Mention], t: Mention) -> bool:
    """Whether t is the sources' own country, its place or organ, which an outward or verbal
    conflict act of a state is not aimed at ("X imposed ... in X", "Akayev agreed to resign
    without returning to Kyrgyzstan"), or the forces a state or its elite acts with ("sent troops
    to Uganda"). A party outside the state (an opposition leader, rebels) acts on its own state
    and its places ("surrendered to the authorities")."""
    if p.received or ctx.country_of(t) not in {ctx.country_of(m) for m in sources} - {""}:
        return False  # "protesters received assurances from the government": named roles
    if p.mode == "ceasefire" and ctx.lower.startswith(TRUCE, start):
        return False  # a truce in one's own war
    if p.type == "SUPPORT" and _whose(ctx, t):
        return False  # "Merkel defended Germany's decision"
    state = {ctx.country_of(m) for m in sources if _of_state(ctx, m)}
    means = state | {ctx.country_of(m) for m in sources if ctx.a.actors[m.actor_key].sector == "ELI"}
    if p.type in cue.OUTWARD:
        place = ctx.is_state(t) or t.locative or _organ(ctx, t)
        return own_forces(ctx.a.actors, t, means) or (place and ctx.country_of(t) in state)
    if p.type in cue.VERBAL_CONFLICT:
        return own_forces(ctx.a.actors, t, means) or (ctx.is_state(t) and ctx.country_of(t) in state)
    return False


def _of_state(ctx: Context, m: Mention) -> bool:
    """An actor of the state, whose own state, its places and organs are no recipient of its
    outward acts."""
    actor = ctx.a.actors[m.actor_key]
    return actor.kind == "state" or actor.sector in STATE_ORGANS


def _whose(ctx: Context, m: Mention) -> bool:
    """A name in the possessive: whose decision, policy or effort the act is about ("Germany's";
    not "his military's valour", one's own forces)."""
    return not m.text.islower() and bool(cue.POSSESSIVE.match(ctx.text, m.end))


# the state's own organs: its forces and offices are the means of an outward act, not its recipient
TRUCE = ("ceasefire", "cease-fire", "truce", "cessation")  # a truce in one's own country ends its war
STATE_ORGANS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "PRM", "UAF"})


def _organ(ctx: Context, m: Mention) -> bool:
    return ctx.a.actors[m.actor_key].sector in STATE_ORGANS


def own_forces(actors: Mapping[str, Actor], m: Mention, home: set[str]) -> bool:
    """An organ of one of the `home` countries named by a common word ("the military", "230
    troops"): the means of that country's act, not whom it is aimed at. An office holder ("the
    justice minister") is someone an act may reach."""
    actor = actors[m.actor_key]
    organ = actor.kind != "person" and actor.sector in STATE_ORGANS
    return m.text.islower() and organ and actor.country in home


ARMED_GROUPS = frozenset({"REB", "PRM", "UAF"})
# groups outside the state that act on it: rebels, the opposition, civilians, workers
DISSENT = frozenset({"REB", "PRM", "OPP", "CVL", "LAB", "REF", "REL", "AGR", "CRM"})


def material_support(ctx: Context, p: Pattern, targets: list[Mention]) -> Pattern:
    """Support given to armed groups is material: "Pakistan had supported the Haqqanis in past
    conflicts", "Iran supports the militia" are AID (CAMEO 07), not words of support."""
    armed = targets and all(
        ctx.a.actors[t.actor_key].sector in ARMED_GROUPS and ctx.a.actors[t.actor_key].kind != "state"
        for t in targets
    )
    if p.type == "SUPPORT" and p.kind == "verb" and not p.symmetric and armed:
        return Pattern("AID", "verb", "military", "military", False, p.line)
    return p


PEACEKEEPING = re.compile(r"(?i)\bpeace[- ]?keep")


def humanitarian(ctx: Context, p: Pattern, targets: list[Mention], clause: tuple[int, int]) -> Pattern:
    """CAMEO's aid by what it is for: troops deployed on a peacekeeping mission are military
    protection (074, "deployed 230 troops to Liberia on a peacekeeping mission"); borders opened
    to refugees are asylum (075, "opened its borders to displaced Afghans")."""
    if p.type == "MOBILIZE" and PEACEKEEPING.search(ctx.text, *clause):
        return Pattern("AID", p.kind, "peacekeeping", "military", False, p.line)
    refugees = targets and all(ctx.a.actors[t.actor_key].sector == "REF" for t in targets)
    if p.type == "RETREAT" and p.mode == "access" and refugees:
        return Pattern("AID", p.kind, None, "human_security", False, p.line)
    return p


def visit_host(
    ctx: Context, mentions: list[Mention], sources: list[Mention], clause: tuple[int, int]
) -> list[Mention]:
    """ "arrived in Amman on a visit": the first place of another country in the clause."""
    return [m for m in _abroad(ctx, mentions, sources, *clause) if m.locative][:1]


IN_PLACE = re.compile(r"(?i)\b(?:in|into|to)\s+(?:the\s+)?(?:[a-z]+ern\s+)?$")


def aided_place(
    ctx: Context, mentions: list[Mention], sources: list[Mention], end: int, c_end: int
) -> list[Mention]:
    """Aid with no recipient named: the country it goes to, the first place of another country
    named with "in", "into" or "to" after it in its clause ("assistance to help people in
    Somalia", "medicine into Afghanistan")."""
    places = [m for m in _abroad(ctx, mentions, sources, end, c_end) if ctx.is_state(m) or m.locative]
    return [m for m in places if IN_PLACE.search(ctx.text, max(0, m.start - 30), m.start)][:1]


def _abroad(ctx: Context, mentions: list[Mention], sources: list[Mention], lo: int, hi: int) -> list[Mention]:
    """The mentions starting in [lo, hi) of a country other than the sources'."""
    home = {ctx.country_of(m) for m in sources}
    return [m for m in mentions if lo <= m.start < hi and ctx.country_of(m) not in home]


def implicit(
    ctx: Context,
    discourse: Discourse,
    p: Pattern,
    end: int,
    c_end: int,
    sources: list[Mention],
    hosting: bool,
) -> list[str | None] | None:
    """No recipient named: "both sides", else the other party of the article's main dyad, else
    the source's own state; [None] for a type whose recipient is optional; None: no event."""
    types = ctx.p.types
    target_keys: list[str | None] = discourse.both_sides(end, c_end, sources)
    if p.type == "SUPPORT" and cue.OWN_SIDE.match(ctx.text[end : end + 40]):
        return None  # "praised his military's valour": at home, and aimed at no other party
    if p.type == "CONSULT" and p.symmetric and p.mode is None and not target_keys:
        return None  # "Israel's Cabinet met on Sunday": a body meeting alone meets no other party
    visiting = p.mode == "visit" and not hosting  # a visit's host is named ("visited troops")
    # "welcomed the strikes": support for an act, whose doer is not named here
    endorsing = p.type == "SUPPORT" and p.kind == "verb" and bool(cue.THING.match(ctx.text, end))
    if not target_keys and (p.kind == "verb" or types[p.type].quad >= 3) and not (visiting or endorsing):
        target_keys = discourse.counterpart(sources)
    # a party outside the state acts on its own state: rebels who "will lay down their weapons"
    # (a withdrawal or surrender names no recipient: PLOVER's is optional, "Ugandan rebels surrendered")
    outside = p.type != "RETREAT" and all(ctx.a.actors[m.actor_key].sector in DISSENT for m in sources)
    if not target_keys and (p.type == "CONCEDE" or types[p.type].quad >= 3 or outside):
        target_keys = discourse.home(sources, p)
    if not target_keys and not types[p.type].needs_target:
        target_keys = [None]  # PLOVER's recipient is optional: "Bosnian Serbs withdrew"
    return target_keys


def one_way(
    ctx: Context, promised: set[tuple[int, int]], start: int, end: int, targets: list[Mention]
) -> bool:
    """ "agreed to US mediation", "agreed to provide aid for Romania and Poland": a symmetric act
    aimed one way (`promised`: the (trigger, target) pairs of a promised act's recipients)."""
    if not targets:
        return False
    gap = ctx.text[end : targets[0].start]
    possessor = cue.POSSESSIVE.match(ctx.text, targets[0].end)  # "with Pakistan's stance"
    return (start, id(targets[0])) in promised or bool(
        cue.ONE_WAY.search(gap) or cue.INFINITIVE.search(gap) or possessor
    )
