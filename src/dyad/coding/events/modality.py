"""Modality: refusals, conditions, and the CAMEO2PLOVER conventions for stated intents and
obligations ("will release" AGREE, "will impose martial law" THREATEN, "Y must act" REQUEST)."""

from __future__ import annotations

from ...model import Mention, Sentence
from . import cues as cue
from .context import Context
from .patterns import Pattern

OBLIGATION = Pattern("REQUEST", "verb", None, "diplomatic", False, 0)
STATED_INTENT = Pattern("AGREE", "verb", None, "diplomatic", False, 0)

# the types a refusal turns into REJECT, and CAMEO's mode of each
REFUSABLE = {"AGREE": None, "CONCEDE": "yield", "RETREAT": "yield", "CONSULT": "meet", "AID": "assist"}
REFUSABLE |= {"COOPERATE": "assist", "SUPPORT": "assist"}


def retyped(p: Pattern, event_type: str) -> Pattern:
    """p as another event type, without its mode."""
    return Pattern(event_type, p.kind, None, p.context, False, p.line)


def refusal(p: Pattern) -> Pattern:
    """A refusal of what p names, CAMEO's reject: "will not lift the ban" (yield), "would not
    provide support" (assist), "will not meet" (meet), "did not agree"."""
    return Pattern("REJECT", p.kind, REFUSABLE[p.type], p.context, False, p.line, refusal=True)


def in_condition(text: str, sentence: Sentence, pos: int) -> bool:
    """Inside the antecedent of a condition: "if Pakistan attempts ...," "should Pakistan ..."."""
    head = text[sentence.start : pos]
    last = None
    for last in cue.IF.finditer(head):  # noqa: B007 - the last match is the one that counts
        pass
    return last is not None and "," not in head[last.end() :]


def convention(
    ctx: Context,
    p: Pattern,
    lead: str,
    sources: list[Mention],
    targets: list[Mention],
    before: list[Mention],
    mentions: list[Mention],
    sentence: Sentence,
    start: int,
) -> tuple[Pattern, list[Mention], list[Mention]]:
    """CAMEO2PLOVER's conventions: military exercises one side holds are a show of force
    (MOBILIZE, at the place named); a stated intent to cooperate or to meet is AGREE, to coerce is
    THREATEN ("will release", "will visit" AGREE, "will impose martial law" THREATEN); "Y must
    act", said by X, is X REQUEST Y."""
    exercises = p.type == "COOPERATE" and p.symmetric and cue.EXERCISES.match(ctx.text, start)
    if exercises and not targets and len({m.actor_key for m in sources}) == 1:
        p = Pattern("MOBILIZE", p.kind, "troops", "military", False, p.line)  # a show of force (CAMEO 152)
        targets = [m for m in mentions if m.locative and m.start > start][:1]
    quad = ctx.p.types[p.type].quad
    must = cue.MUST.search(lead)
    if must and before:
        subject = before[-1]
        speakers = [m for m in mentions if m.start < subject.start and m.actor_key != subject.actor_key]
        if speakers:
            return retyped(p, "REQUEST"), [speakers[0]], [subject]
    condition = cue.CONDITIONAL_INTENT.search(ctx.text[start : sentence.end])
    intent = (
        cue.INTENT.search(lead)
        or (condition and cue.MAY.search(lead))
        or (p.kind == "noun" and cue.NOUN_INTENT.search(lead))  # "would tighten the naval blockade"
    )
    if intent and condition and p.type not in ("CONSULT",):
        return retyped(p, "THREATEN"), sources, targets  # "will withdraw ... unless ..."
    # a meeting the actor will hold is an intent to meet (CAMEO 036): AGREE
    if intent and p.type != "AGREE" and not intent.group(0).lower().startswith("agreed"):
        if quad == 2 or p.type in ("SUPPORT", "CONCEDE", "CONSULT"):
            return retyped(p, "AGREE"), sources, targets
        if quad == 4 and not cue.DECIDED.search(ctx.text[max(sentence.start, start - 60) : start]):
            return retyped(p, "THREATEN"), sources, targets
    return p, sources, targets
