"""Reported speech that makes an act of its own: "Russia said that Sudan must return the
helicopter" (a demand), "Mujahid said Pakistani forces fired into Afghan territory" (an
accusation)."""

from __future__ import annotations

from ...linguistic.parse import is_verb
from ...linguistic.speech import speech_verbs
from ...model import Mention, Sentence
from . import cues as cue
from .context import Context
from .patterns import Pattern
from .tree import Tree

# (start, end, speaker, subject) of a reported "Y must"
Obligation = tuple[int, int, Mention, Mention]


def obligations(
    ctx: Context, sentence: Sentence, mentions: list[Mention], tree: Tree | None = None
) -> list[Obligation]:
    """ "Russia said that Sudan must return the helicopter": whatever the verb, a third party's
    "Y must" reported from X is X's demand on Y (CAMEO 10). X is the speech verb's subject where
    the parse names it ("Eritrea's ambassador to the AU said": the ambassador), else the last
    actor before the verb."""
    found = []
    for m in cue.OBLIGE.finditer(ctx.text, sentence.start, sentence.end):
        subject = next((x for x in reversed(mentions) if x.end <= m.start()), None)
        if subject is None or not cue.SUBJECT_GAP.fullmatch(ctx.text[subject.end : m.start()]):
            continue
        if ctx.inside_quote(m.start()):
            continue
        country = ctx.country_of(subject)
        head = ctx.text[sentence.start : subject.start]
        speech = None
        for speech in speech_verbs().finditer(head):  # noqa: B007 - the last speech verb before Y
            pass
        if speech is None:
            continue
        verb_at = sentence.start + speech.start()
        speaker = [
            x
            for x in _subject(tree, sentence, verb_at, mentions) or mentions
            if x.end <= verb_at and (ctx.country_of(x) != country or _outsider(ctx, x))
        ]
        if speaker:
            found.append((m.start(), m.end(), speaker[-1], subject))
    return found


def _subject(tree: Tree | None, sentence: Sentence, verb_at: int, mentions: list[Mention]) -> list[Mention]:
    """The actors the parse names as the subject of the verb at verb_at, among the mentions."""
    tok = tree.token_at(sentence.index, verb_at) if tree is not None else None
    subject = tree.subject(tok) if tok is not None and is_verb(tok) else None
    found = tree.named(subject, doer=True) if subject is not None else []
    return [m for m in found if m in mentions]


def _outsider(ctx: Context, m: Mention) -> bool:
    """One of the country's own who does not speak for its state (a former prime minister, the
    opposition, a union): their "the government must" is a demand on it, a minister's is not."""
    actor = ctx.a.actors[m.actor_key]
    return actor.kind != "state" and actor.sector not in ("GOV", "MIL", "UNK", "")


def claimant(
    ctx: Context, p: Pattern, sources: list[Mention], sentence: Sentence, start: int
) -> tuple[Mention, int] | None:
    """A conflict act reported in someone's claim is also the claimant's accusation: "Mujahid
    said Pakistani forces fired into Afghan territory", "saying that Afghanistan had sheltered".
    (The claimant, where its claim verb is), when the claimant is of another country than the
    accused (sources[0])."""
    if p.type not in cue.CLAIMED_TYPES or not sources:
        return None
    head = ctx.text[sentence.start : start]
    claim = None
    for claim in cue.CLAIM.finditer(head):  # noqa: B007 - the last claim verb before the act
        pass
    if claim is None or cue.INTENDED.search(head, claim.end()):
        return None  # "said it will support a resolution to impose a blockade": no act claimed
    verb_at = sentence.start + claim.start()
    speaker = [
        m for m in ctx.a.mentions if sentence.start <= m.start < verb_at and not ctx.inside_quote(m.start)
    ]
    pronoun = cue.PRONOUN.search(ctx.text[max(0, verb_at - 25) : verb_at])
    who = speaker[-1] if speaker else (ctx.last_person(verb_at) if pronoun else None)
    if who is None or ctx.country_of(who) == ctx.country_of(sources[0]):
        return None
    return who, verb_at
