"""Who said a quotation, from the dependency parse: the subject of the speech verb that governs
it (before or after it, in a relative clause, a passive "was quoted as saying", or the object of
"according to"), resolved to an actor mention; he/she along the chain of persons."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..linguistic.parse import base as parse_base
from ..linguistic.parse import is_noun, is_verb
from ..linguistic.quote_marks import Span
from ..model import Article
from .quote_discourse import SUBJECTS, Discourse

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

CLIMB = frozenset({"conj", "xcomp", "advcl", "ccomp", "parataxis", "pcomp", "prep", "acomp"})
RELATIVE = frozenset({"who", "that", "which", "whom"})
# what a quoted phrase may be in the clause whose subject used its words (not its subject)
PHRASE_ROLES = frozenset(
    {"dobj", "pobj", "prep", "ccomp", "advcl", "pcomp", "conj", "ROOT", "xcomp", "attr", "oprd"}
)
COPULAS = frozenset({"is", "are", "was", "were", "be", "been", "being", "’s", "'s", "have", "has", "had"})
MAX_UP = 12  # how far up the tree a governing speech verb is looked for
NOT_FOUND = object()  # the parse shows no attribution: discourse rules may still name a speaker


def _root(doc: Doc) -> Token | None:
    """The root of a parsed sentence (the first, where the parser split it)."""
    return next((t for t in doc if t.dep_ == "ROOT"), None)


class ParseAttribution(Discourse):
    """One article's parse-based attribution (built once, asked once per quotation)."""

    def __init__(self, article: Article, inside: Callable[[int], bool]):
        super().__init__(article, inside)
        self.indexes: dict[int, tuple[list[int], list[int], list[int]]] = {}

    def speaker(self, span: Span) -> str | object | None:
        """The speaker's actor key; None when the speaker is no actor; NOT_FOUND when the parse
        shows no attribution."""
        for i in dict.fromkeys((*self.closing(span), self.sentence_of(span.open_at))):
            doc = self.a.parses.get(i)
            if doc is None:
                continue
            base = parse_base(doc)
            verb = self._governing(i, doc, base, span) or self._nearby(i, doc, base, span)
            if verb is not None:
                key = self._subject_key(verb, base)
                return key if key is not None else self._between(span, base + verb.idx)
        return self._embedded(span)

    def _embedded(self, span: Span) -> str | object | None:
        """A quoted phrase inside a clause no speech verb governs ("X mocked Y for “having a
        tough night”"): the subject of the nearest clause it belongs to, when an actor."""
        i = self.sentence_of(span.open_at)
        doc = self.a.parses.get(i)
        if doc is None or self._headline(span.open_at):
            return NOT_FOUND
        base = parse_base(doc)
        root = _root(doc)
        if root is None or self._in_quote(root, base, span):
            return NOT_FOUND
        starts = self._index(i, doc, base)[0]
        lo, hi = bisect.bisect_left(starts, span.start), bisect.bisect_right(starts, span.end)
        h = next((t for t in doc[lo:hi] if not t.is_punct), None)
        if h is None:
            return NOT_FOUND
        while h.head.i != h.i and self._in_quote(h, base, span):
            h = h.head
        if h.dep_ not in PHRASE_ROLES:
            return NOT_FOUND  # a quoted subject or name is the writer's, not the clause's subject's
        up = itertools.islice(itertools.chain((h,), h.ancestors), MAX_UP)
        verb = next((x for x in up if is_verb(x) and not self.inside(base + x.idx)), None)
        key = self._subject_key(verb, base) if verb is not None and verb.lower_ not in COPULAS else None
        return key if key is not None else NOT_FOUND

    def main_subject(self, i: int) -> str | None:
        """The actor that is the subject of a parsed sentence's main verb ("When Wallace died,
        Clinton released the following statement:" is Clinton's), if any."""
        doc = self.a.parses.get(i)
        root = _root(doc) if doc is not None else None
        if root is None or not is_verb(root):
            return None
        return self._subject_key(root, parse_base(doc))

    def closing(self, span: Span) -> tuple[int, ...]:
        """The sentence of the closing mark, and the next one when the quotation ends its sentence
        and the next goes on in the same paragraph ("“…?” Sanders replied.")."""
        i = self.sentence_of(span.end)
        sents, text = self.a.sentences, self.a.text
        if i + 1 < len(sents) and not text[span.end + 1 : sents[i].end].strip(" .,!?”\"’'"):
            gap = text[sents[i].end : sents[i + 1].start]
            if "\n" not in gap:
                return i, i + 1
        return (i,)

    def _in_quote(self, t: Token, base: int, span: Span) -> bool:
        return span.open_at <= base + t.idx <= span.end

    def _index(self, i: int, doc: Doc, base: int) -> tuple[list[int], list[int], list[int]]:
        """A parsed sentence's token offsets, and its quoting verbs outside quotations (token
        indexes and offsets), made once: each quotation then looks up only its own tokens."""
        found = self.indexes.get(i)
        if found is None:
            starts = [base + t.idx for t in doc]
            cues = [t.i for t in doc if self._is_cue(t, beside=True) and not self.inside(base + t.idx)]
            found = self.indexes[i] = (starts, cues, [starts[c] for c in cues])
        return found

    def _governing(self, i: int, doc: Doc, base: int, span: Span) -> Token | None:
        """The first speech verb outside the quotation on the way up from any of its words."""
        starts = self._index(i, doc, base)[0]
        lo, hi = bisect.bisect_left(starts, span.open_at), bisect.bisect_right(starts, span.end)
        for t in doc[lo:hi]:
            if t.is_punct:
                continue
            h = t
            while h.head.i != h.i and self._in_quote(h, base, span):
                h = h.head
            if self._in_quote(h, base, span):
                continue
            for x in itertools.islice(itertools.chain((h,), h.ancestors), MAX_UP):
                if self.inside(base + x.idx):
                    break
                if self._is_cue(x):
                    return x
        return None

    def _nearby(self, i: int, doc: Doc, base: int, span: Span) -> Token | None:
        """A speech verb outside every quotation: right after the closing mark, else the last
        one before the opening mark."""
        _, cues, at = self._index(i, doc, base)
        k = bisect.bisect_right(at, span.end)
        if k < len(at) and at[k] - span.end <= 40:
            return doc[cues[k]]
        k = bisect.bisect_left(at, span.open_at) - 1
        if k >= 0 and (self._is_cue(doc[cues[k]]) or span.open_at - at[k] <= 20):
            return doc[cues[k]]  # a quoting verb only right before the quotation ("Beck joked, “…”")
        return None

    def _subject_of(self, verb: Token) -> Token | None:
        """Who does the speaking of a cue: its subject, the noun a relative or participle clause
        hangs on, the object of "according to", or the subject of the clause it belongs to."""
        v = verb
        for _ in range(4):
            if v.lower_ == "according":
                to = next((c for c in v.children if c.lower_ == "to"), None)
                obj = next((c for c in (to.children if to else ()) if c.dep_ == "pobj"), None)
                return obj
            # the subject nearest the verb (a parse may give a verb two)
            subjects = [
                c for c in v.children if c.dep_ in SUBJECTS and not self.inside(parse_base(c.doc) + c.idx)
            ]
            subj = min(subjects, key=lambda c: abs(c.i - v.i), default=None)
            if subj is not None:
                if subj.lower_ in RELATIVE and v.dep_ == "relcl":
                    return v.head
                return subj
            if v.dep_ == "relcl" or (v.dep_ == "acl" and v.tag_ == "VBG"):
                return v.head  # "Lopez, who said …", "witnesses describing …"
            if v.head.i == v.i:
                return None
            # a noun reached through a coordination is a misparse ("adopted an accent and joked"):
            # go on to the verb it belongs to
            if v.dep_ not in CLIMB and not (is_noun(v) and verb.dep_ == "conj"):
                return None
            h = v.head
            if v.dep_ == "conj" and self._is_cue(v) and h.dep_ == "ccomp" and self._is_cue(h.head):
                h = h.head  # "X recalled that P had helped and said, “…”": coordinated with the report
            v = h
        return None

    def _between(self, span: Span, verb_at: int) -> str | None:
        """Where the parse gave the speech verb no subject: the actor named right before the verb
        ("former president Bill Clinton said"), else the one named right after the closing mark
        when the verb follows the quotation ("“…,” Flynn, a top surrogate, said")."""
        m = self.mentions.covering(verb_at - 2, verb_at - 1)
        if m is not None and not self.a.text[m.end : verb_at].strip():
            return m.actor_key
        close = span.end + 1
        gap = self.a.text[close:verb_at]
        lead = len(gap) - len(gap.lstrip(" ,"))
        ms = self.mentions.between(close + lead, verb_at)
        if not ms or ms[0].start != close + lead:
            return None
        first = ms[0]
        if self.a.actors[first.actor_key].kind != "person" and len(ms) > 1:
            nxt = ms[1]  # "“…,” Texas delegate Bill Eastland, …, said": the person the phrase names
            same_phrase = "," not in self.a.text[first.end : nxt.start]
            if self.a.actors[nxt.actor_key].kind == "person" and same_phrase:
                return nxt.actor_key
        return first.actor_key

    def _subject_key(self, verb: Token, base: int) -> str | None:
        subj = self._subject_of(verb)
        if subj is None:
            return None
        start = base + subj.idx
        m = self.mentions.covering(start, start + len(subj.text))
        if m is not None:
            return m.actor_key
        for c in subj.children:  # "the party's whip, James Clyburn, said"
            if c.dep_ == "appos":
                cs = base + c.idx
                m = self.mentions.covering(cs, cs + len(c.text))
                if m is not None:
                    return m.actor_key
        if is_noun(subj) and any(c.lower_ == "the" or c.dep_ == "poss" for c in subj.children):
            # "the senator said": the senator named before; "the prime minister", not any minister
            mods = [c.text for c in subj.lefts if c.dep_ in ("amod", "compound") and c.text.islower()]
            key = self._holder([*mods, subj.lower_], start)
            if key is not None:
                return key
        if subj.lower_ in ("he", "she"):
            return self._he_or_she(start)
        if subj.lower_ == "they":  # the group last named in the sentence
            m = self.mentions.last_before(start, base, lambda a: a.kind != "person")
            return m.actor_key if m else None
        return None
