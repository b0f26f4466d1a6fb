"""An event noun's arguments from the dependency parse: whose act it names (a possessor or
actor modifier, a "by" phrase, the subject of a light verb) and on whom (a recipient phrase of
its own or of that verb)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...linguistic.inflection import verb_forms
from ...linguistic.parse import base, is_noun, is_proper, is_verb
from . import cues as cue
from .recipients import own_forces
from .tree import NOUN_PREPS, PRONOUNS, Tree, child

FROM = frozenset({"from"})
RECEIVE = frozenset(verb_forms("receive"))  # "received support from": the giver acts

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ...model import Mention


def noun_arguments(
    tree: Tree, tok: Token, preps: frozenset[str] = frozenset(), joint: bool = False
) -> tuple[list[Mention], list[Mention]] | None:
    """(sources, targets) of an event noun, or None when the tree names no doer: its
    possessor or actor modifier ("Pakistan's strikes", "a Taliban attack"), its "by" phrase,
    a `joint` act's sides after "between", or the subject of the verb it is the object of
    ("Iraq launched an assault on"); its target a recipient phrase of its own ("strikes on
    Kabul", "the release of two nationals") or of that verb ("gave Canada a deadline")."""
    if not is_noun(tok) or is_proper(tok):
        return None
    sources = _modifiers(tree, tok)
    by = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "by"), None)
    if not sources and by is not None:
        sources = tree.pobj(by)
    between = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "between"), None)
    if joint and not sources and between is not None and len(sides := tree.pobj(between)) >= 2:
        return sides, []  # "cooperation between the Philippines and the United States": both sides
    lead = _first_conjunct(tok)  # "expressed its rejection and condemnation of": both expressed
    verb = _light_verb(lead)
    if sources and verb is not None:
        sources = _voiced(tree, verb, sources)
    if not sources and lead.dep_ == "nsubjpass":  # "the war game was staged by U.S. marines"
        sources = _passive_doer(tree, lead.head)
    if not sources and verb is not None and verb.lower_ in RECEIVE:
        return _received(tree, tok, verb)
    if not sources and verb is not None:
        subject = tree.subject(verb)
        if subject is not None and subject.lower_ not in PRONOUNS:
            sources = tree.named(subject, doer=True)
    if not sources:
        return None
    # the place a withdrawal leaves before the forces it withdraws ("of troops from Iraq")
    targets = _left_from(tree, tok) if "from" in preps else []
    for noun in (tok, *tok.conjuncts):  # "its rejection and condemnation of the plan"
        targets = targets or tree.object_phrase(noun, NOUN_PREPS | preps)
    home = {tree.a.actors[s.actor_key].country for s in sources}
    targets = [m for m in targets if not own_forces(tree.a.actors, m, home)]
    if not targets and tok.dep_ in ("nsubj", "nsubjpass") and is_verb(tok.head):
        targets = tree.objects(tok.head)  # "US drone attacks have killed militants"
    if not targets and verb is not None:
        targets = tree.recipient(verb)
    if not targets and verb is not None and tok.dep_ == "pobj":  # "engaged peacekeepers in a firefight"
        targets = tree.direct_object(verb)
    return sources, [m for m in targets if m not in sources]


def _received(tree: Tree, tok: Token, verb: Token) -> tuple[list[Mention], list[Mention]] | None:
    """ "Ukraine received military support from the United States": the act is the one's named
    after "from", on the verb's subject; None when no giver is named."""
    froms = [c for head in (verb, tok) for c in head.children if c.dep_ == "prep" and c.lower_ == "from"]
    givers = [m for c in froms for m in tree.pobj(c)]
    subject = tree.subject(verb)
    if not givers or subject is None:
        return None
    return givers, [m for m in tree.named(subject) if m not in givers]


def _first_conjunct(tok: Token) -> Token:
    """The first of coordinated event nouns, whose place in the clause the others share."""
    while tok.dep_ == "conj" and is_noun(tok.head) and tok.head.i < tok.i:
        tok = tok.head
    return tok


def _light_verb(tok: Token) -> Token | None:
    """The verb an event noun is the object of when that verb only carries it ("launched an
    assault", "held talks", "took part in the raid"): its subject is the noun's doer. Not so
    for "condemned the attack" or "attributed the attack to"."""
    verb = tok.head
    if tok.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    elif tok.dep_ != "dobj":
        return None
    if not is_verb(verb) or verb.i > tok.i:
        return None
    words = tok.doc.text[verb.idx : tok.idx]
    found = cue.LIGHT_VERB.search(words)
    if found is None:  # "carried out more than two dozen air strikes", "held civilians as human shields"
        return verb if _is_light(verb) else None
    return verb if found is not None and found.start() == 0 else None


def _is_light(verb: Token) -> bool:
    """A light verb, with its particle ("carried out")."""
    phrase = [verb.text, *(c.text for c in verb.children if c.dep_ == "prt")]
    found = cue.LIGHT_VERB.search(" ".join(phrase) + " ")
    return found is not None and found.start() == 0


def _passive_doer(tree: Tree, verb: Token) -> list[Mention]:
    """The "by" agent of a light verb in the passive, whose subject is the event noun."""
    agent = child(verb, "agent")
    if agent is None or not _is_light(verb):
        return []
    return tree.pobj(agent)


def _voiced(tree: Tree, verb: Token, owners: list[Mention]) -> list[Mention]:
    """ "Erdogan reiterated Turkey's support": the person who voices their own side's act acts."""
    subject = tree.subject(verb)
    if subject is None or subject.lower_ in PRONOUNS:
        return owners
    actors = tree.a.actors
    people = [m for m in tree.named(subject, doer=True) if actors[m.actor_key].kind == "person"]
    homes = {actors[m.actor_key].country for m in owners}
    if people and all(actors[m.actor_key].country in homes for m in people):
        return people
    return owners


def _modifiers(tree: Tree, tok: Token) -> list[Mention]:
    """The actor a noun's own modifiers name ("Pakistan's", "Taliban", "Pakistani"), the
    last one before it, or all of a coordination ("Turkish and Qatari")."""
    left = tok.left_edge
    if left.i == tok.i:
        return []
    doc_base = base(tok.doc)
    mods = tree.mentions.between(doc_base + left.idx, doc_base + tok.idx)
    mods = [m for m in mods if tree.owner(m)]  # "a military assault": the kind of assault, no actor
    joined = any(t.dep_ == "cc" for t in tok.doc[left.i : tok.i])
    return mods if joined else mods[-1:]


def _left_from(tree: Tree, tok: Token, depth: int = 3) -> list[Mention]:
    """The place a withdrawal leaves: its own "from" phrase, or that of what it withdraws ("the
    withdrawal of the last combat troops from Mali", "of some of its forces from Syria")."""
    found = tree.object_phrase(tok, FROM)
    for c in tok.children if not found and depth else ():
        if c.dep_ == "prep" and c.lower_ == "of" and c.i > tok.i:
            obj = child(c, "pobj")
            found = _left_from(tree, obj, depth - 1) if obj is not None else []
    return found
