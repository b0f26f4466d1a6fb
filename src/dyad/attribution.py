"""Who said a quotation, from the dependency parse: the subject of the speech verb that governs
it (before or after it, in a relative clause, a passive "was quoted as saying", or the object of
"according to"), resolved to an actor mention; he/she along the chain of persons."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from .metadata import title_case
from .model import Actor, Article, Mention
from .parse import base as parse_base
from .parse import is_noun, is_verb
from .quote_marks import Span
from .speech import quotation_cues, speech_verbs

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

SUBJECTS = frozenset({"nsubj", "nsubjpass"})
CLIMB = frozenset({"conj", "xcomp", "advcl", "ccomp", "parataxis", "pcomp", "prep", "acomp"})
RELATIVE = frozenset({"who", "that", "which", "whom"})
# what a quoted phrase may be in the clause whose subject used its words (not its subject)
PHRASE_ROLES = frozenset(
    {"dobj", "pobj", "prep", "ccomp", "advcl", "pcomp", "conj", "ROOT", "xcomp", "attr", "oprd"}
)
COPULAS = frozenset({"is", "are", "was", "were", "be", "been", "being", "’s", "'s", "have", "has", "had"})
MAX_UP = 12  # how far up the tree a governing speech verb is looked for
PRONOUN = "he/she"  # a topic that is itself a pronoun
MAX_CHAIN = 1_500  # characters a chain of he and she reaches back to its person
NOT_FOUND = object()  # the parse shows no attribution: discourse rules may still name a speaker


def _root(doc: Doc) -> Token | None:
    """The root of a parsed sentence (the first, where the parser split it)."""
    return next((t for t in doc if t.dep_ == "ROOT"), None)


class Mentions:
    """The article's mentions by position, outside quotations."""

    def __init__(self, article: Article, inside: Callable[[int], bool]):
        self.a = article
        self.items = [m for m in article.mentions if not inside(m.start)]
        self.starts = [m.start for m in self.items]

    def covering(self, start: int, end: int) -> Mention | None:
        """The mention that overlaps [start, end), if any."""
        i = bisect.bisect_right(self.starts, end - 1) - 1
        return self.items[i] if i >= 0 and self.items[i].end > start else None

    def between(self, start: int, end: int) -> list[Mention]:
        """The mentions inside [start, end)."""
        i = bisect.bisect_left(self.starts, start)
        out = []
        while i < len(self.items) and self.items[i].start < end:
            if self.items[i].end <= end:
                out.append(self.items[i])
            i += 1
        return out

    def last_person_before(self, pos: int) -> Mention | None:
        return self.last_before(pos, 0, lambda a: a.kind == "person")

    def last_before(self, pos: int, since: int, accept: Callable[[Actor], bool]) -> Mention | None:
        """The last mention in [since, pos) whose actor is accepted."""
        i = bisect.bisect_left(self.starts, pos) - 1
        while i >= 0 and self.items[i].start >= since:
            m = self.items[i]
            if accept(self.a.actors[m.actor_key]):
                return m
            i -= 1
        return None


class ParseAttribution:
    """One article's parse-based attribution (built once, asked once per quotation)."""

    def __init__(self, article: Article, inside: Callable[[int], bool]):
        self.a = article
        self.inside = inside
        self.mentions = Mentions(article, inside)
        self.speech = speech_verbs()  # what may govern a quotation from afar
        self.cues = quotation_cues()  # what may introduce one beside it
        self.starts = [s.start for s in article.sentences]
        self.breaks = [m.start() for m in re.finditer("\n", article.text)]
        self.topics = self._topics()
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

    def _topics(self) -> tuple[list[int], list[str]]:
        """Persons that are the subject of their sentence's main clause or of a speech verb, or the
        source of "according to", by position: the ones a later he or she most likely means
        ("Clinton tweeted her thanks to the president. She …", "…, noted Dante Chinni. “…,” he
        wrote."). A he or she in that place is kept too (as PRONOUN): the chain goes on through it."""
        found: list[tuple[int, str]] = []
        for _, doc in sorted(self.a.parses.items()):
            base = parse_base(doc)
            for t in doc:
                if t.dep_ == "pobj" and t.head.lower_ == "to" and t.head.head.lower_ == "according":
                    pass  # "According to Ham, …"
                elif t.dep_ not in SUBJECTS:
                    continue
                else:
                    main = t.head.dep_ in ("ROOT", "conj") and t.head.head.dep_ == "ROOT"
                    if not main and not self._is_cue(t.head):
                        continue
                    if t.lower_ in ("he", "she"):
                        found.append((base + t.idx, PRONOUN))
                        continue
                m = self.mentions.covering(base + t.idx, base + t.idx + len(t.text))
                if m is not None and self.a.actors[m.actor_key].kind == "person":
                    found.append((m.start, m.actor_key))
        found.sort()
        return [p for p, _ in found], [k for _, k in found]

    def main_subject(self, i: int) -> str | None:
        """The actor that is the subject of a parsed sentence's main verb ("When Wallace died,
        Clinton released the following statement:" is Clinton's), if any."""
        doc = self.a.parses.get(i)
        root = _root(doc) if doc is not None else None
        if root is None or not is_verb(root):
            return None
        return self._subject_key(root, parse_base(doc))

    def topic_in(self, start: int, end: int) -> str | None:
        """The first person that is a topic (see `_topics`) in [start, end)."""
        positions, keys = self.topics
        i = bisect.bisect_left(positions, start)
        while i < len(positions) and positions[i] < end:
            if keys[i] != PRONOUN:
                return keys[i]
            i += 1
        return None

    def _topic_before(self, pos: int, since: int) -> str | None:
        """The last topic in [since, pos); a he or she there carries the chain back to the topic
        before it ("Trump commented. ¶ On Wednesday, he told a crowd … ¶ “…,” he said.")."""
        positions, keys = self.topics
        i = bisect.bisect_left(positions, pos) - 1
        chained = False
        while i >= 0 and (positions[i] >= since or (chained and pos - positions[i] <= MAX_CHAIN)):
            if keys[i] != PRONOUN:
                return keys[i]
            chained = True
            i -= 1
        return None

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

    def _he_or_she(self, pos: int) -> str | None:
        """The person last the subject of a main clause in this paragraph or the one before, else
        the person last named."""
        before = self.line_start(pos) - 1
        while before > 0 and self.a.text[before - 1].isspace():
            before -= 1  # back over the blank lines to the paragraph before
        para = self.line_start(before) if before > 0 else 0  # this paragraph or the one before
        key = self._topic_before(pos, para)
        if key is not None:
            return key
        m = self.mentions.last_person_before(pos)
        return m.actor_key if m else None

    def _holder(self, title: list[str], pos: int) -> str | None:
        """The person last named before pos whose role ends with the title's head word and holds its
        other words ("Vermont Senator Bernie Sanders … the senator said")."""

        def holds(a: Actor) -> bool:
            role = (a.role or "").lower().split()
            return a.kind == "person" and role[-1:] == title[-1:] and set(title) <= set(role)

        m = self.mentions.last_before(pos, 0, holds)
        return m.actor_key if m else None

    def _headline(self, pos: int) -> bool:
        """The article's first line, or a line in Title Case: a headline, whose clipped grammar
        makes its subject no speaker ("Senator Upset ‘Loyal’ Fans by Leaving")."""
        start = self.line_start(pos)
        if not self.a.text[:start].strip():
            return True
        return title_case(self.a.text[start : self.line_end(pos)], 0.6)

    def line_start(self, pos: int) -> int:
        """Where the line holding pos starts."""
        i = bisect.bisect_left(self.breaks, pos) - 1
        return self.breaks[i] + 1 if i >= 0 else 0

    def line_end(self, pos: int) -> int:
        i = bisect.bisect_left(self.breaks, pos)
        return self.breaks[i] if i < len(self.breaks) else len(self.a.text)

    def sentence_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    def _in_quote(self, t: Token, base: int, span: Span) -> bool:
        return span.open_at <= base + t.idx <= span.end

    def _is_cue(self, t: Token, beside: bool = False) -> bool:
        if t.lower_ == "according":
            return True
        words = self.cues if beside else self.speech
        if not is_verb(t) or not words.fullmatch(t.text):
            return False
        # "Kabul’s promises": a noun read as a verb, its possessor read as its subject
        return not any(c.dep_ in SUBJECTS and any(g.dep_ == "case" for g in c.children) for c in t.children)

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
