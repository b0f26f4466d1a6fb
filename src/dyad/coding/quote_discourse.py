"""What an article says about who is talking, for the attribution of its quotations: its
mentions by position, lines and sentences, headlines, and the persons it is about (the topics a
later he or she means)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..ingest.metadata import title_case
from ..linguistic.parse import base as parse_base
from ..linguistic.parse import is_verb, tokens_with
from ..linguistic.speech import quotation_cues, speech_verbs
from ..model import Actor, Article, Mention

if TYPE_CHECKING:
    from spacy.tokens import Token

SUBJECTS = frozenset({"nsubj", "nsubjpass"})
PRONOUN = "he/she"  # a topic that is itself a pronoun
MAX_CHAIN = 1_500  # characters a chain of he and she reaches back to its person


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


class Discourse:
    """One article's lines, sentences and topics, built once."""

    def __init__(self, article: Article, inside: Callable[[int], bool]):
        self.a = article
        self.inside = inside
        self.mentions = Mentions(article, inside)
        self.speech = speech_verbs()  # what may govern a quotation from afar
        self.cues = quotation_cues()  # what may introduce one beside it
        self.starts = [s.start for s in article.sentences]
        self.breaks = [m.start() for m in re.finditer("\n", article.text)]
        self.topics = self._topics()

    def _topics(self) -> tuple[list[int], list[str]]:
        """Persons that are the subject of their sentence's main clause or of a speech verb, or the
        source of "according to", by position: the ones a later he or she most likely means
        ("Clinton tweeted her thanks to the president. She …", "…, noted Dante Chinni. “…,” he
        wrote."). A he or she in that place is kept too (as PRONOUN): the chain goes on through it."""
        found: list[tuple[int, str]] = []
        for _, doc in sorted(self.a.parses.items()):
            base = parse_base(doc)
            for t in tokens_with(doc, "DEP", SUBJECTS | {"pobj"}):
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

    def _is_cue(self, t: Token, beside: bool = False) -> bool:
        if t.lower_ == "according":
            return True
        words = self.cues if beside else self.speech
        if not is_verb(t) or not words.fullmatch(t.text):
            return False
        # "Kabul’s promises": a noun read as a verb, its possessor read as its subject
        return not any(c.dep_ in SUBJECTS and any(g.dep_ == "case" for g in c.children) for c in t.children)
