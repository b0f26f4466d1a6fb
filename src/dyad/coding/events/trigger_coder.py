"""One trigger coded: who acted on whom (from the parse where it names them, else from the words
around the trigger), the recipient when none is named, and its events."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...model import Mention, Sentence
from . import cues as cue
from . import noun_tree, recipients
from .acts import Acts
from .context import Arguments, Context
from .discourse import Discourse
from .emit import Emitter
from .modality import convention, refusal
from .nouns import noun_arguments
from .patterns import Pattern
from .reported import claimant
from .tree import Tree, phrase_head
from .tree import ordered as tree_ordered
from .tree import patients as tree_patients
from .window import Window

if TYPE_CHECKING:
    from spacy.tokens import Token

ORDERED_TYPES = frozenset({"COERCE", "SANCTION"})  # acts an authority orders done (tree.ordered)
PRONOUN_SUBJECTS = frozenset({"it", "they", "he", "she", "we"})


class TriggerCoder:
    """Codes a trigger's events into an Emitter."""

    def __init__(self, ctx: Context, tree: Tree, discourse: Discourse, emitter: Emitter):
        self.ctx = ctx
        self.tree = tree
        self.discourse = discourse
        self.emitter = emitter
        self.window = Window(ctx, discourse)
        self.acts = Acts(ctx, tree, emitter.tree_negated)

    def code(self, sentence: Sentence, mentions: list[Mention], start: int, end: int, p: Pattern) -> None:
        """The events of the trigger at [start, end) with pattern p, among the sentence's mentions."""
        text = self.ctx.text
        lead = text[max(sentence.start, start - 30) : start]
        joint = p.symmetric
        if p.kind == "noun" and cue.AUXILIARY.search(lead):  # "did not attack": the verb
            p = self.ctx.p.verb_forms.get(text[start:end].lower(), p)
        p = self.acts.pattern(sentence, mentions, start, end, p, lead)
        if p is None:
            return
        c_start, c_end = self.ctx.clause(sentence, start)
        before, after = self._around(mentions, start, end, c_start, c_end, p)
        if p.type == "AGREE" and cue.NOT_VERB.search(lead) and (p.kind == "verb" or "fail" in lead.lower()):
            p = refusal(p)  # "will not accept", "did not agree": CAMEO's reject
        sources, targets = self._arguments(sentence, mentions, start, end, p, before, after)
        if sources is None:
            return
        p, sources, targets = convention(
            self.ctx, p, lead, sources, targets, before, mentions, sentence, start
        )
        if p.mode == "mediate" and _facilitates(self.ctx.text, start, end):
            p = Pattern("COOPERATE", p.kind, None, "military", False, p.line)
        claim = claimant(self.ctx, p, sources, sentence, start)
        if claim is not None:
            who, verb_at = claim
            accuse = Pattern("ACCUSE", "verb", None, "diplomatic", False, p.line)
            self.emitter.emit(sentence, who, None, accuse, verb_at, verb_at, target_key=sources[0].actor_key)
            if p.type == "AID":
                return  # "saying that Afghanistan had sheltered the murderers": an accusation, no aid
        if p.mode == "mediate":
            self.emitter.mediation(sentence, sources, targets, p, start, end)
            return
        targets = recipients.named(self.ctx, sentence, p, start, sources, targets)
        p = recipients.material_support(self.ctx, p, targets)
        p = recipients.humanitarian(self.ctx, p, targets, (c_start, c_end))
        # "India and Pakistan agreed"; "... failed to reach agreement": each side rejects the other
        if (p.symmetric or (p.refusal and joint)) and not targets and len(sources) >= 2:
            self.emitter.symmetric(sentence, sources, p, start, end)
            return
        self._emit_all(sentence, mentions, p, start, end, (c_start, c_end), sources, targets)

    def _around(
        self, mentions: list[Mention], start: int, end: int, c_start: int, c_end: int, p: Pattern
    ) -> tuple[list[Mention], list[Mention]]:
        """The mentions of the trigger's clause before and after it (places only after a material
        conflict act, and no apposition before it unless nothing else names the subject)."""
        before = [m for m in mentions if c_start <= m.start and m.end <= start and not m.locative]
        # "Pakistan, a key U.S. ally, refused": the apposition is not the subject, unless nothing else
        # names it ("Kenzo Oshima, the UN relief coordinator, demanded")
        heads = [m for m in before if not self._in_apposition(m, start)]
        if heads:
            before = heads
        material_conflict = self.ctx.p.types[p.type].quad == 4
        after = [
            m for m in mentions if m.start >= end and m.end <= c_end and (material_conflict or not m.locative)
        ]
        return before, after

    def _in_apposition(self, m: Mention, pos: int) -> bool:
        """Inside ", a key U.S. ally in the war on terror," between a subject and its verb."""
        if "," not in self.ctx.text[m.end : pos]:
            return False
        return bool(cue.APPOSITION.search(self.ctx.text[max(0, m.start - 160) : m.start]))

    def _arguments(
        self,
        sentence: Sentence,
        mentions: list[Mention],
        start: int,
        end: int,
        p: Pattern,
        before: list[Mention],
        after: list[Mention],
    ) -> Arguments:
        """(sources, targets): an event noun's from the words, a verb's from the parse where it
        names them, else from the words; a verb coordinated with the one before shares its subject."""
        if p.kind == "noun":
            words = noun_arguments(self.ctx, p, start, end, before, after, sentence)
            found = self._tree_noun(sentence, start, end, mentions, p)
            if found is None:
                return words
            return found[0], found[1] or [t for t in words[1] if t not in found[0]]
        sources, targets = self.window.verb_arguments(p, start, end, before, after)
        tree = self._tree_arguments(sentence, start, p, mentions)
        if tree is not None and not tree[0]:
            return None, []
        if tree is None and sources and p.mode != "withdraw":
            sources, targets = _checked_words(self.tree, sentence, start, p, mentions, sources, targets)
            if not sources:
                return None, []
        if tree is not None:  # the parse's subject and object, where it names them
            group = self.ctx.compound(tree[0][0], mentions)  # "The US, Russia, and Switzerland met"
            sources = group + [m for m in tree[0] if m not in group]
            if tree[1] and tree[1][0] in after:
                targets = self.ctx.compound(tree[1][0], after)
            elif tree[1] and self._tree_target(sentence, tree[1][0], start, end):
                targets = tree[1]
        subjects = self.window.subjects
        shared = subjects.get(sentence.index)
        if shared and cue.COORDINATED.search(self.ctx.text[max(sentence.start, start - 60) : start]):
            sources = shared  # "announced it would prohibit aid ... and would deny entry"
        if sources:
            subjects[sentence.index] = sources
        return sources, targets

    def _tree_target(self, sentence: Sentence, m: Mention, start: int, end: int) -> bool:
        """A target the tree names outside the words after the trigger: before it ("called Lavrov
        to discuss Syria"), inside its phrase unless a place ("granted Lisbon permission", not
        "held the Istanbul talks"), or a place as a preposition's object."""
        inside = m.start < end and not m.locative
        return m.end <= start or inside or self._recipient_place(sentence, m)

    def _recipient_place(self, sentence: Sentence, m: Mention) -> bool:
        """A place the tree names as a preposition's object ("refuses to lift its sanctions on
        Abkhazia"), not one that only modifies a noun ("held the Istanbul talks")."""
        tok = self.tree.token_at(sentence.index, m.start)
        while tok is not None and tok.dep_ == "compound":
            tok = tok.head
        return tok is not None and tok.dep_ == "pobj"

    def _tree_noun(
        self, sentence: Sentence, start: int, end: int, mentions: list[Mention], p: Pattern
    ) -> Arguments | None:
        """An event noun's (sources, targets) from the parse, among the sentence's actors (also
        after the prepositions of `_noun_preps`; a joint act's sides after "between")."""
        tok = phrase_head(self.tree.token_at(sentence.index, start), end)
        found = None if tok is None else noun_tree.noun_arguments(self.tree, tok, _noun_preps(p), p.symmetric)
        if found is None:
            return None
        sources = _among(found[0], mentions)
        targets = [m for m in _among(found[1], mentions) if m not in sources]
        return (sources, targets) if sources else None

    def _tree_arguments(
        self, sentence: Sentence, start: int, p: Pattern, mentions: list[Mention]
    ) -> tuple[list[Mention], list[Mention]] | None:
        """(sources, targets) from the parse, when the sentence was parsed and the tree names the
        doer among the sentence's actors; None to read the words around the trigger instead."""
        if p.received or p.kind != "verb":
            return None
        tok = self.tree.token_at(sentence.index, start)
        # a material act in the passive with no agent has no doer, but a detention's is the state
        # it happens in ("were detained in Afghanistan", read from the words)
        material = self.ctx.p.types[p.type].quad in (2, 4) and p.mode != "withdraw" and p.type != "COERCE"
        found = _parsed_verb(self.tree, tok, p, material) if tok is not None else None
        if found is None:
            return None
        if not found[0]:
            return [], []  # a material act in the passive, no agent named
        sources = _among(found[0], mentions)
        targets = [m for m in _among(found[1], mentions) if m not in sources]
        return (sources, targets) if sources else None

    def _emit_all(
        self,
        sentence: Sentence,
        mentions: list[Mention],
        p: Pattern,
        start: int,
        end: int,
        clause: tuple[int, int],
        sources: list[Mention],
        targets: list[Mention],
    ) -> None:
        """An event of each source on each target (on the implicit recipient when none is named),
        and back from each target for a symmetric act that is not one way."""
        # the subject hosts
        hosting = self.ctx.text[start:end].lower().startswith(("host", "receiv", "welcom"))
        if not targets and p.mode == "visit" and not hosting:  # "arrived in Amman on a visit": the host
            targets = recipients.visit_host(self.ctx, mentions, sources, clause)
        if not targets and p.type == "AID":  # "humanitarian assistance ... to help people in Somalia"
            targets = recipients.aided_place(self.ctx, mentions, sources, end, clause[1])
        target_keys: list[str | None] | None = [t.actor_key for t in targets]
        implicit = not target_keys
        if implicit:
            target_keys = recipients.implicit(self.ctx, self.discourse, p, end, clause[1], sources, hosting)
            if target_keys is None:
                return
        one_way = recipients.one_way(self.ctx, self.window.one_way, start, end, targets)
        for src in sources:
            for tgt in target_keys:
                self.emitter.emit(sentence, src, None, p, start, end, target_key=tgt, implicit=implicit)
                if p.symmetric and not implicit and not one_way:
                    back = next(t for t in targets if t.actor_key == tgt)
                    self.emitter.emit(
                        sentence, back, None, p, start, end, target_key=src.actor_key, reciprocal=True
                    )


def _parsed_verb(tree: Tree, tok: Token, p: Pattern, material: bool) -> Arguments | None:
    """A verb's arguments from the parse: a coercion's commander (tree.ordered), else its own."""
    found = tree_ordered(tree, tok) if p.type in ORDERED_TYPES else None
    return found if found is not None else tree.verb_arguments(tok, material, p.content, p.type == "ACCUSE")


def _noun_preps(p: Pattern) -> frozenset[str]:
    """The prepositions, besides a recipient's, whose object an event noun is aimed at: whom
    support or aid is for, or a warrant or a travel warning; where a ceasefire holds ("a
    ceasefire in Idlib") or peacekeepers serve; whom a withdrawal leaves ("its withdrawal of
    troops from Iraq")."""
    if p.type in ("SUPPORT", "AID") or p.mode in ("arrest", "discontinue"):  # a warrant, a warning
        return frozenset({"for"})
    if p.mode == "peacekeeping":  # "peacekeeping operations in Afghanistan"
        return frozenset({"in", "to"})
    return frozenset({"in", "from"}) if p.mode == "ceasefire" else frozenset()


def _not_the_patient(tree: Tree, tok: Token, sources: list[Mention], targets: list[Mention]) -> Arguments:
    """The words' reading without the one the parse shows the act befalls: "flight MH17
    was blown up over Ukraine by a missile" is no act of the airline's."""
    patients = tree_patients(tree, tok)
    if not patients or not set(map(id, patients)) & set(map(id, sources)):
        return sources, targets
    sources = [s for s in sources if s not in patients]
    return sources, patients + [t for t in targets if t not in patients and t not in sources]


def _facilitates(text: str, start: int, end: int) -> bool:
    """ "facilitating NATO operations": cooperation, not the mediation of talks."""
    word = text[start:end].lower()
    return not cue.TALKS_AFTER.match(text[end : end + 40]) and word.startswith("facilitat")


def _parsed_objects(
    tree: Tree, tok: Token, p: Pattern, mentions: list[Mention], sources: list[Mention]
) -> list[Mention]:
    """Whom the parse shows a verb with a pronoun subject aimed at (its object, a recipient's
    phrase), among the sentence's actors other than its doers."""
    if p.received or p.content or not tok.tag_.startswith("VB"):
        return []
    if not any(c.dep_ == "nsubj" and c.lower_ in PRONOUN_SUBJECTS for c in tok.children):
        return []
    return [m for m in _among(tree.objects(tok), mentions) if m not in sources]


def _among(found: list[Mention], mentions: list[Mention]) -> list[Mention]:
    """The mentions the parse found that are among those the trigger is coded with."""
    allowed = {id(m) for m in mentions}
    return [m for m in found if id(m) in allowed]


def _checked_words(
    tree: Tree,
    sentence: Sentence,
    start: int,
    p: Pattern,
    mentions: list[Mention],
    sources: list[Mention],
    targets: list[Mention],
) -> Arguments:
    """The words' reading of a verb's arguments, checked against the parse: no one the act
    befalls as its doer, and whom the parse names as its object where the words name no one
    ("it has freed 4,000 prisoners": the discourse names the doer, the parse whom)."""
    tok = tree.token_at(sentence.index, start)
    if tok is None:
        return sources, targets
    sources, targets = _not_the_patient(tree, tok, sources, targets)
    if sources and not targets:
        targets = _parsed_objects(tree, tok, p, mentions, sources)
    return sources, targets
