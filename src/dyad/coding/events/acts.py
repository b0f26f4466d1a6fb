"""Whether a trigger names an act at all, here: not the content of an accusation, a wish, a
condition, an idiom or a noun that looks like a verb; and what act it is (a refusal is a REJECT,
"protested that" a complaint)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...linguistic.parse import base, is_verb
from ...model import Mention, Sentence
from . import cues as cue
from .context import Context
from .modality import REFUSABLE, in_condition, refusal, retyped
from .patterns import Pattern
from .tree import Tree, child, in_content_of, negated

if TYPE_CHECKING:
    from spacy.tokens import Token

FINITE = frozenset({"VBD", "VBZ", "VBP"})  # a verb's tense forms: a bare form so tagged is the verb
# what makes an attack one of words: "a scathing attack on the government"
IN_WORDS = frozenset(
    {"scathing", "verbal", "blistering", "stinging", "withering", "rhetorical", "extraordinary", "personal"}
)
AIMED = frozenset({"aimed", "aiming", "designed", "intended", "meant"})  # "aimed at", "designed to"


class Acts:
    """The checks a trigger passes before its arguments are read, in the order they apply."""

    def __init__(self, ctx: Context, tree: Tree, tree_negated: set[int]):
        self.ctx = ctx
        self.tree = tree
        self.tree_negated = tree_negated  # where each trigger the parse shows negated starts

    def pattern(
        self, sentence: Sentence, mentions: list[Mention], start: int, end: int, p: Pattern, lead: str
    ) -> Pattern | None:
        """The act a trigger names (p, or p read as a refusal or a complaint), None if none;
        `lead` is the 30 characters of the sentence before it."""
        tok = self.tree.token_at(sentence.index, start)  # None where the sentence was not parsed
        if self._not_done(sentence, start, end, p, lead, tok):
            return None
        p = self._reframed(start, end, p, lead)
        if p is None or self._not_an_act(sentence, mentions, start, end, p, lead):
            return None
        if p.type == "ASSAULT" and p.kind == "noun" and tok is not None and _in_words(tok):
            return retyped(p, "ACCUSE")  # "launched a scathing attack on": criticism (CAMEO 111)
        return p

    def _not_done(
        self, sentence: Sentence, start: int, end: int, p: Pattern, lead: str, tok: Token | None
    ) -> bool:
        """What is told, accused, wanted or supposed, not done (`tok`: the trigger's token)."""
        text = self.ctx.text
        if start > self.ctx.reporter_clause(sentence):
            return True  # "..., a member of the team trying to broker a pact has said": who tells it
        gerund = p.kind == "verb" and text[start:end].split()[0].lower().endswith("ing")
        if gerund and cue.ACCUSED_OF.search(text[max(sentence.start, start - 120) : start]):
            return True  # "accused Kabul of harbouring militants": the content of the accusation
        if p.kind == "noun" and cue.ACCUSED_OF_NOUN.search(text[max(sentence.start, start - 140) : start]):
            return True  # "blamed India for the suicide blast": what the accusation is about
        if tok is not None and p.kind == "verb" and self._done_by_event(tok, p):
            return True  # "the Taliban attack on Kabul killed ten": the attack's own event
        if tok is not None and p.type != "ACCUSE" and in_content_of(tok, self._accusing):
            return True  # "accused Pakistan of ... carrying out air raids": what the accusation is about
        if tok is not None and (_purpose(tok) or _capability(tok)):
            return True  # "a trip aimed at pushing for a ceasefire", "hackers capable of launching"
        if tok is not None and negated(tok):
            # "Venezuela threatens no one", "has never formally attacked"
            self.tree_negated.add(start)
        if (
            p.type == "AGREE"
            and cue.SIGNED_DECREE.match(text[end : end + 60])
            and cue.SIGN.match(text[start:end])
        ):
            return True  # "Trump signed a directive": a decree at home, not an agreement
        if gerund and cue.CONTENT_OF.search(text[max(sentence.start, start - 40) : start]):
            return True  # "an appeal for deploying troops", "a proposal for signing": what a noun is about
        if cue.ANY.search(lead) or in_condition(text, sentence, start):
            return True  # "any attack on Pakistan would ...", "should Pakistan conduct airstrikes"
        # "Obama wants Putin to attack": what someone wants another to do is not done
        return bool(cue.WANTED.search(text[max(sentence.start, start - 80) : start]))

    def _done_by_event(self, tok, p: Pattern) -> bool:
        """Whether a verb's subject is an event noun of the same type: its outcome, one act."""
        subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        named = self.ctx.p.forms.get(subject.lower_) if subject is not None else None
        return named is not None and named.kind == "noun" and named.type == p.type

    def _accusing(self, word: str) -> bool:
        p = self.ctx.p.verb_forms.get(word)
        return p is not None and p.type == "ACCUSE"

    def _reframed(self, start: int, end: int, p: Pattern, lead: str) -> Pattern | None:
        """A refusal as CAMEO's reject, a protest in words as a complaint; None for a clause of a
        noun ("a deal allowing drone operations")."""
        text = self.ctx.text
        if p.type in REFUSABLE and cue.REFUSED_YIELD.search(lead):
            p = refusal(p)  # "will not lift the ban", "would not provide support" (CAMEO 12)
        elif (
            p.type == "CONCEDE"
            and text[start:end].split()[0].lower().endswith("ing")
            and not cue.PROGRESSIVE.search(lead)
        ):
            return None  # "a deal allowing drone operations": a clause of a noun
        if (
            p.type == "PROTEST"
            and p.kind == "verb"
            and (cue.VERBAL_PROTEST.match(text[end : end + 12]) or self._protested_saying(start, end))
        ):
            p = retyped(p, "ACCUSE")  # "protested that ...", "protested to Uganda": a complaint (CAMEO 11)
        return p

    def _defends(self, sentence: Sentence, start: int, end: int) -> bool:
        """Whether "defended" has an actor as its object: named right after it, or in its object's
        phrase ("defended the right of Russian troops to fire")."""
        if self.ctx.direct_object(end) is not None:
            return True
        tok = self.tree.token_at(sentence.index, start)
        return tok is not None and bool(self.tree.direct_object(tok))  # not "defended its airstrikes on Peru"

    def _called(self, sentence: Sentence, start: int, end: int) -> bool:
        """An actor named right after the verb (the words: the parse misreads "Khan, called
        Turkish President Erdogan on Friday" as a participle), or the parse's direct object is an
        actor ("called his Lebanese counterpart, Michel Aoun"), not what it is called ("called
        Putin a killer")."""
        if self.ctx.called(end):
            return True
        tok = self.tree.token_at(sentence.index, start)
        if tok is None or not is_verb(tok):
            return False
        obj = child(tok, "dobj")
        if obj is None or any(c.dep_ in ("oprd", "prt") for c in tok.children):
            return False  # "called Putin a killer", "calling out Trump"
        # "called a demonstration of military might": no one; "his counterpart, Michel Aoun": him
        last = max([obj, *(c for c in obj.children if c.dep_ == "appos")], key=lambda t: t.i)
        head_end = base(obj.doc) + last.idx + len(last)
        return any(m.start < head_end for m in self.tree.named(obj))

    def _protested_saying(self, start: int, end: int) -> bool:
        """ "…, a human rights group protested on Wednesday.": a closing attribution, words."""
        sentence = self.ctx.a.sentences[self.ctx.sentence_at(start)]
        text = self.ctx.text
        return bool(
            cue.CLOSING_SUBJECT.search(text, sentence.start, start)
            and cue.CLOSING_TAIL.fullmatch(text, end, sentence.end)
        )

    def _given_to(self, sentence: Sentence, start: int, kinds: frozenset[str]) -> bool:
        """The parse shows a thing given to an actor: an object (or a passive's subject) and "to"
        an actor, on the verb or anywhere in the object's phrase ("returned the manuscript to
        Italy", "returned dozens of artifacts to the Embassy of Peru", "was handed back to Peru");
        a thing of the `kinds`, or money, where the pattern names kinds ("gave $2 million to")."""
        tok = self.tree.token_at(sentence.index, start)
        if tok is None:
            return False
        things = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        inside = [t for thing in things for t in thing.subtree]  # the parse may hang it on the thing
        to = [c for c in (*tok.children, *inside) if c.dep_ in ("prep", "dative") and c.lower_ == "to"]
        if kinds:
            given = {t.i for c in to for t in c.subtree}
            if not any(t.tag_ == "$" or t.lower_ in kinds for t in inside if t.i not in given):
                return False  # "gave account information to", "handed over demands to": no aid
        return bool(things) and any(self.tree.pobj(c) for c in to)

    def _not_an_act(
        self, sentence: Sentence, mentions: list[Mention], start: int, end: int, p: Pattern, lead: str
    ) -> bool:
        """Words that only look like the act: an idiom, a noun, a stance, background."""
        text, ctx = self.ctx.text, self.ctx
        if p.kind == "verb" and cue.NO_EVIDENCE.match(text[end : end + 40]):
            return True  # "offered no evidence", "provided details": words, not an offer or aid
        if p.object_actor and not self._called(sentence, start, end):
            return True  # "called Lavrov on Tuesday" is a call; "called it a disaster", "called for" not
        if p.object_to and not ctx.told_to(end):
            return True  # "told reporters that": speech; "told Israel to call back its aircraft": a demand
        if p.given_to and not self._given_to(sentence, start, p.things):
            return True  # "returned the relics to Peru" gives back; "returned to Kabul", "returned fire" not
        if cue.NOT_AN_ACT.match(text, start):
            return True  # "struck a cautious note", "provided Israel stopped first", "asked about talks"
        if (
            p.type == "SUPPORT"
            and cue.DEFENDED.match(text[start:end])
            and not self._defends(sentence, start, end)
        ):
            return True  # "defended Iraq" supports Iraq; "defended itself", "defended its airstrikes" do not
        if p.kind == "verb" and cue.BACKGROUND_PASSIVE.search(text[max(sentence.start, start - 80) : start]):
            return True  # "the province where 28 people were killed": background, and no one named as doer
        if (
            text[start:end].lower() == "met"
            and cue.PROGRESSIVE.search(lead)
            and not cue.BY.match(text[end : end + 10])
        ):
            return True  # "until their demands are met": not a meeting
        if p.kind == "noun" and text[start:end].lower() == "release" and cue.PRESS.search(lead):
            return True  # "a press release by the rebels": a statement
        if p.kind == "noun" and cue.MODIFIER_OF.match(text[end : end + 30]):
            return True  # "war crimes", "the attack anniversary": the noun names something else
        if p.kind == "verb" and cue.DETERMINER.search(lead):
            return True  # "the same targets", "the attacks": a noun, not the verb
        if p.kind == "verb" and _modified_noun(self.tree.token_at(sentence.index, start)):
            return True  # "held up previous funding": the parse reads a noun with its modifier
        words = text[start:end].lower().split()
        word = words[0]
        phrase = len(words) > 1 and words[1] == "to"  # "plans to impose": a verb whatever its form
        bare = not phrase and (word in ctx.p.lemmas or (word.endswith("s") and not word.endswith("ss")))
        # "heavy return fire", "stumbling blocks": nothing makes the word a verb
        return p.kind == "verb" and bare and not self._base_form_is_verb(sentence, lead, mentions, start)

    def _base_form_is_verb(self, sentence: Sentence, lead: str, mentions: list[Mention], start: int) -> bool:
        """A bare form is a verb where the parse tags it a finite one ("Yemen today let free"), or
        after an auxiliary or a pronoun, or right after an actor."""
        tok = self.tree.token_at(sentence.index, start)
        if tok is not None and tok.tag_ in FINITE:
            return True
        if cue.BASE_VERB_LEAD.search(lead):
            return True
        return any(
            re.fullmatch(r"\s*(?:\w+ly\s+)?", self.ctx.text[m.end : start])
            for m in mentions
            if m.end <= start
        )


def _purpose(tok: Token) -> bool:
    """Whether the parse shows the trigger as what something is aimed at or meant to do ("a trip
    aimed at pushing for a ceasefire", "a law designed to punish"): a purpose, not an act."""
    if tok.dep_ == "pcomp" and tok.head.lower_ == "at":
        return tok.head.head.lower_ in AIMED
    return tok.dep_ == "xcomp" and tok.head.lower_ in AIMED


def _capability(tok: Token, up: int = 4) -> bool:
    """Whether the parse shows the trigger in what someone is capable of ("hackers capable of
    launching cyber warfare against"): a capability, not an act."""
    for _ in range(up):
        if tok.head.i == tok.i:
            return False
        if tok.dep_ == "prep" and tok.lower_ == "of" and tok.head.lower_ in ("capable", "incapable"):
            return True
        tok = tok.head
    return False


def _in_words(tok: Token) -> bool:
    """An attack the parse shows modified as one of words ("a blistering attack on")."""
    return any(c.dep_ == "amod" and c.lower_ in IN_WORDS for c in tok.children)


def _modified_noun(tok: Token | None) -> bool:
    """A one-word trigger the parse tags a common noun with a determiner, adjective or possessor."""
    return (
        tok is not None
        and tok.tag_ in ("NN", "NNS")
        and any(c.dep_ in ("det", "amod", "poss") for c in tok.children)
    )
