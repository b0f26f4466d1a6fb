"""Event arguments from the dependency parse: who acts (the trigger's subject, a passive's agent,
the subject it shares through a coordination or a governing verb) and on whom (its object, the
object of a preposition that marks a recipient, the patient of a passive).

The coder asks for a trigger's arguments here first, and falls back to the words around the
trigger (window.py) only where a sentence was not parsed or the tree names no actor."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ...knowledge.schema import INTERNATIONAL, REGIONS
from ...linguistic.inflection import verb_forms
from ...linguistic.parse import base, is_noun, is_proper, is_verb, token_starting
from ..quote_discourse import Mentions

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ...model import Actor, Article, Mention

# prepositions whose object receives an act ("fired on", "sanctions against", "talks with")
RECIPIENT_PREPS = frozenset({"on", "against", "with", "to", "into", "at", "toward", "towards", "upon"})
# what a complaint is about: "complained to the UN over Israeli raids" accuses Israel
COMPLAINED_OF = frozenset({"over", "about", "against"})
# phrases inside a noun phrase that belong to what it names ("the government of Iraq")
OWN_PREPS = frozenset({"of"})
# ... and, for a thing (not an act), where it is: "the settlements in Gaza", "a museum in Germany"
THING_PREPS = OWN_PREPS | {"in"}
# prepositions of an object noun whose object the act reaches ("a ban on", "a request from")
OBJECT_PREPS = RECIPIENT_PREPS | {"of", "from", "for"}
# an event noun's recipient ("strikes on Kabul", "talks with Delhi", "the release of two nationals")
NOUN_PREPS = RECIPIENT_PREPS | {"of", "between"}
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "who", "which", "that"})
FAILING = frozenset({"fail", "fails", "failed", "failing"})
NEGATIVE_OBJECTS = frozenset({"nobody", "nothing", "none", "noone"})
# verbs whose object does not do what their "to" clause names: "summoned the envoy to complain"
PURPOSE = frozenset(
    f for v in ("summon", "call", "phone", "telephone", "convene", "contact") for f in verb_forms(v)
)
# verbs of command: "ordered the paper to close", "ordered nine officials jailed"
ORDERS = frozenset(f for v in ("order", "direct", "instruct") for f in verb_forms(v))
# a gerund after these shares its clause's subject ("ordered a retrial after siding with"); not after
# "for" ("thanked Qatar for facilitating the talks": Qatar facilitated)
ADJUNCT_PREPS = frozenset({"after", "before", "while", "since", "upon", "by", "without", "despite"})
# a verb that shares the subject of the one (or the adjective: "is ready to") it hangs on
CLIMB = frozenset({"conj", "xcomp", "advcl", "acomp"})
MAX_CLIMB = 4


class Tree:
    """One article's parsed sentences, and its mentions of actors with a country by position."""

    def __init__(self, article: Article, acts: frozenset[str] = frozenset()):
        self.a = article
        self.mentions = Mentions(article, lambda _: False)
        self.acts = acts  # the event nouns: "talks in Jerusalem" are held there, not Israel's

    def token_at(self, sentence: int, pos: int) -> Token | None:
        """The parsed token that starts at article offset pos, if the sentence was parsed."""
        doc: Doc | None = self.a.parses.get(sentence)
        return token_starting(doc, pos) if doc is not None else None

    def verb_arguments(
        self, tok: Token, material: bool = False, content: bool = False, complaint: bool = False
    ) -> tuple[list[Mention], list[Mention]] | None:
        """(sources, targets) of a verb trigger, or None when the tree names no doer among the
        actors (a pronoun for the discourse to resolve, a passive without its agent, a verb read
        as a noun, a subject the dictionaries do not know). A `material` act in the passive with
        no agent has no doer: no sources."""
        if not is_verb(tok):
            return None
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        sources = self.named(by, doer=True) if by is not None else []
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
        if agent is not None and _reduced_passive(tok, passive):
            # "warplanes supported by Russia": a reduced relative, its noun the patient; "families in
            # Malawi hit by the floods": a reduced passive the parse gives a subject. "Victims killed
            # by the crash": what did it is named, and it is no actor
            patient = tok.head if tok.dep_ == "acl" else child(tok, "nsubj")
            return (sources, self.named(patient) if patient is not None else []) if sources else ([], [])
        if passive:
            if by is None and material:
                return [], []  # "the crossings have been closed": no doer named
            if not sources:
                return None  # "is opposed to", "were killed by a roadside bomb": read from the words
            patient = child(tok, "nsubjpass")
            return sources, self.named(patient) if patient is not None else []
        subject = self.subject(tok)
        if subject is None or subject.lower_ in PRONOUNS or not (is_noun(subject) or subject.tag_ == "CD"):
            return None
        sources = self.named(subject, doer=True)
        targets = self.about(tok) if content else self.objects(tok, complaint=complaint)
        return (sources, targets) if sources else None

    def owner(self, m: Mention) -> bool:
        """Whether a modifier names whose the thing is: a name ("Iranian oil", "Pakistan's
        stance") or a possessive ("the army's plan"); a common word is its kind ("military aid")."""
        possessive = self.a.text.startswith(("'s", "’s"), m.end)
        return possessive or (m.text != m.text.lower() and not _region_name(self.a.actors[m.actor_key], m))

    def subject(self, verb: Token) -> Token | None:
        """The verb's subject; a coordinated or governed verb's is the one it hangs on ("agreed to
        send", "met and agreed"); a relative clause's is its noun ("forces that shelled")."""
        v = verb
        for _ in range(MAX_CLIMB):
            subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                if subj.lower_ in ("who", "which", "that") and v.dep_ == "relcl":
                    return v.head
                return subj
            if v.dep_ == "relcl" or (v.dep_ == "acl" and v.tag_ == "VBG"):
                return v.head
            if v.dep_ == "pcomp" and v.head.lower_ in ADJUNCT_PREPS and is_verb(v.head.head):
                v = v.head.head  # "ordered a retrial after siding with prosecutors": the court sided
                continue
            if v.dep_ not in CLIMB or v.head.i == v.i:
                return None
            if v.dep_ == "xcomp" and v.head.lower_ not in PURPOSE:  # "urged Kabul to act": the object acts
                obj = next((c for c in v.head.children if c.dep_ == "dobj"), None)
                if obj is not None:
                    return obj
            v = v.head
        return None

    def objects(self, verb: Token, depth: int = 2, complaint: bool = False) -> list[Mention]:
        """Who the act is aimed at: the direct object, a recipient preposition's object, the
        subject of a clause the verb governs ("demanded that Kabul act"), the recipient of the act
        it governs ("refused to provide aid to Riyadh"), else an actor the object's own phrase
        names ("a ban on Indian channels"). The act a summons is for is aimed at the one summoned
        ("summoned the envoy to complain"); a `complaint` at the one complained of before the one
        complained to ("complained to the UN over Israeli raids")."""
        if verb.dep_ in ("xcomp", "advcl") and verb.head.lower_ in PURPOSE:
            found = self.direct_object(verb.head)
            if found:
                return found
        for c in verb.children:
            if c.dep_ in ("dobj", "dative"):
                found = self.pobj(c) if c.tag_ == "IN" else self.named(c)  # "to" read as a dative
                if found:
                    return found
        preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in RECIPIENT_PREPS | COMPLAINED_OF]
        if complaint:
            preps.sort(key=lambda c: c.lower_ not in COMPLAINED_OF)
        for c in preps:
            found = self.pobj(c) if complaint or c.lower_ in RECIPIENT_PREPS else []
            if found:
                return found
        for c in verb.children:
            if c.dep_ in ("ccomp", "xcomp"):
                subj = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
                found = self.named(subj) if subj is not None else []
                if found:
                    return found
        if depth:
            for c in verb.children:
                if c.dep_ == "xcomp" and is_verb(c):
                    found = self.objects(c, depth - 1)
                    if found:
                        return found
        for c in verb.children:
            if c.dep_ == "dobj":
                found = self.object_phrase(c)
                if found:
                    return found
        return []

    def about(self, verb: Token) -> list[Mention]:
        """Whom a verb whose object is its content acts with ("discussed Syria with Lavrov"): a
        recipient preposition's object, else the object of the verb it is the purpose of
        ("called Lavrov to discuss Syria")."""
        found = self.recipient(verb)
        if not found and verb.dep_ in ("advcl", "xcomp"):
            found = self.direct_object(verb.head)
        return found

    def direct_object(self, verb: Token) -> list[Mention]:
        """The actors a verb's direct object names."""
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        return self.named(obj) if obj is not None else []

    def recipient(self, verb: Token) -> list[Mention]:
        """Whom a verb's act reaches: its indirect object or a recipient preposition's object
        ("gave Canada a deadline", "issued a warning to Pakistan")."""
        for c in verb.children:
            found = (self.pobj(c) if c.tag_ == "IN" else self.named(c)) if c.dep_ == "dative" else []
            if c.dep_ == "prep" and c.lower_ in RECIPIENT_PREPS:
                found = self.pobj(c)
            if found:
                return found
        return []

    def pobj(self, prep: Token) -> list[Mention]:
        """The actors a preposition's object names."""
        obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
        return self.named(obj) if obj is not None else []

    def object_phrase(self, obj: Token, preps: frozenset[str] = OBJECT_PREPS) -> list[Mention]:
        """An actor in a recipient phrase of the object ("the withdrawal of foreign forces", "an
        investigation into the police")."""
        for c in obj.children:
            if c.dep_ == "prep" and c.i > obj.i and c.lower_ in preps:
                found = self.pobj(c)
                if found:
                    return found
        return []

    def named(self, head: Token, doer: bool = False) -> list[Mention]:
        """The actors a noun phrase names, one per coordinated head ("Pakistan and India") or
        coordinated modifier ("Turkish and Qatari officials"). A doer is a group or a name: the
        actor in "Islamabad's court building" is no doer, but it is whose "appeal" was rejected."""
        out: list[Mention] = []
        for h in (head, *head.conjuncts):
            for m in self._phrase(h, owner=not doer or is_proper(h) or h.tag_ == "NNS"):
                if m not in out:
                    out.append(m)
        return out

    def _phrase(self, head: Token, owner: bool) -> list[Mention]:
        """The mention covering the phrase's head (with its coordinated modifiers), else the last
        one among its modifiers when they may name its owner, else the first in an "of" phrase
        ("the leaders of Iraq")."""
        doc_base = base(head.doc)
        left = head.left_edge
        mods = self.mentions.between(doc_base + left.idx, doc_base + head.idx)
        m = self.mentions.covering(doc_base + head.idx, doc_base + head.idx + len(head))
        joined = any(t.dep_ == "cc" for t in head.doc[left.i : head.i])
        if m is not None:
            if joined:
                return [*(x for x in mods if x.end <= m.start), m]
            home = [x for x in mods if x.end <= m.start and not self.a.text[x.end : m.start].strip()]
            if home and self.a.actors[m.actor_key].country in INTERNATIONAL:
                return home[-1:]  # "the Iranian Red Crescent": the society of a country
            return [m]
        if named := _apposed(self, head, owner):
            return named  # "his Iranian counterpart, Mostafa Najjar": the one the apposition names
        mods = [x for x in mods if self.owner(x)]
        if mods and owner:
            return mods if joined else mods[-1:]
        own = OWN_PREPS if head.lower_ in self.acts or not is_noun(head) else THING_PREPS
        for c in (c for c in head.children if c.dep_ == "prep" and c.lower_ in own and c.i > head.i):
            # "the armies of Brazil and Argentina": each coordinated owner; "11 of Iran's political
            # prisoners": the prisoners, not Iran
            found = [m for h in _pobjs(c) for m in self._phrase(h, owner)]
            right = c.right_edge
            inner = found or self.mentions.between(doc_base + c.idx, doc_base + right.idx + len(right))[:1]
            if inner:
                return inner
        return []


def _apposed(tree: Tree, head: Token, owner: bool) -> list[Mention]:
    """The people a proper name in apposition to a common noun names ("his counterpart, Mostafa
    Najjar"); not a dateline's credit ("PORT SUDAN, October 28 (Crescent Bay Courier)")."""
    if head.tag_ not in ("NN", "NNS"):
        return []
    named = [m for c in head.children if c.dep_ == "appos" and is_proper(c) for m in tree._phrase(c, owner)]
    return named if all(tree.a.actors[m.actor_key].kind == "person" for m in named) else []


def _region_name(actor: Actor, m: Mention) -> bool:
    """A region's name: what a thing is about ("the Middle East peace plan"), not its owner."""
    return m.how in ("name", "alias") and actor.kind == "state" and actor.country in REGIONS


def patients(tree: Tree, tok: Token) -> list[Mention]:
    """Whom a past participle's act befalls: a passive's subject ("the convoy was hit"), or
    the noun it modifies ("ten soldiers killed in the raid")."""
    if tok.tag_ != "VBN" or any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children):
        return []  # "is committed to", "is opposed to": a stance, its subject's own
    if tok.dep_ == "acl":
        if any(c.dep_ in ("dobj", "oprd", "dative") for c in tok.children):
            return []  # "Khan, called Erdogan on Friday": an active verb read as a participle
        # in a sentence with no verb at its root, a misread finite verb ("Doctors ... donated")
        return tree.named(tok.head) if is_verb(tok.sent.root) else []
    patient = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    return tree.named(patient) if patient is not None else []


def phrase_head(tok: Token | None, end: int) -> Token | None:
    """The head of the phrase that starts at tok and ends at article offset end ("strikes" of
    "air strikes", "shields" of "human shields")."""
    doc_base = base(tok.doc) if tok is not None else 0
    while tok is not None and tok.dep_ in ("compound", "amod") and tok.i < tok.head.i:
        if doc_base + tok.head.idx >= end:
            break
        tok = tok.head
    return tok


def _pobjs(prep: Token) -> list[Token]:
    """A preposition's object and the objects coordinated with it."""
    obj = child(prep, "pobj")
    return [obj, *obj.conjuncts] if obj is not None else []


def child(tok: Token, dep: str) -> Token | None:
    """The first dependent of tok with the relation dep."""
    return next((c for c in tok.children if c.dep_ == dep), None)


def _reduced_passive(tok: Token, passive: bool) -> bool:
    """A past participle with a "by" agent and no auxiliary: a reduced relative or passive."""
    return tok.tag_ == "VBN" and (tok.dep_ == "acl" or (not passive and child(tok, "aux") is None))


def ordered(tree: Tree, tok: Token) -> tuple[list[Mention], list[Mention]] | None:
    """A coercion commanded: the clause a verb of command governs ("ordered the newspaper to
    suspend publication", "ordered nine officials jailed") is the commander's act on the one
    ordered (and on the clause's own object, if it names one); None when tok is no such clause."""
    head = tok.head
    if tok.dep_ not in ("xcomp", "ccomp") or head.lower_ not in ORDERS:
        return None
    subject = tree.subject(head)
    if subject is None or subject.lower_ in PRONOUNS:
        return None
    ordered_one = child(tok, "nsubj") or child(tok, "nsubjpass") or child(head, "dobj")
    targets = tree.direct_object(tok) or (tree.named(ordered_one) if ordered_one is not None else [])
    return tree.named(subject, doer=True), targets


def in_content_of(tok: Token, verbs: Callable[[str], bool], up: int = 8) -> bool:
    """Whether tok lies in the "of" or "for" complement of a verb `verbs` accepts: the content
    of an accusation ("accused Pakistan of violating its airspace and carrying out raids")."""
    t = tok
    for _ in range(up):
        h = t.head
        if h.i == t.i:
            return False
        if t.dep_ == "prep" and t.lower_ in ("of", "for") and is_verb(h) and verbs(h.lower_):
            return True
        t = h
    return False


def negated(tok: Token) -> bool:
    """ "not" or "never" on the trigger, or a negative object ("threatens no one")."""
    if tok.dep_ == "xcomp" and tok.head.lower_ in FAILING:
        return True  # "failed to reach agreement"
    for c in tok.children:
        if c.dep_ == "neg":
            return True
        if c.dep_ == "dobj" and (
            c.lower_ in NEGATIVE_OBJECTS or any(g.dep_ == "det" and g.lower_ == "no" for g in c.children)
        ):
            return True
    return False
