"""Direct quotations and their speakers."""

from __future__ import annotations

import bisect
import re

from ..linguistic.quote_marks import Span, quote_spans
from ..linguistic.speech import speech_verbs
from ..model import Article, Mention, Quote
from .attribution import NOT_FOUND, ParseAttribution

_SPEECH_RE = speech_verbs()
_PARAGRAPH_OPENER = re.compile(r"(\n+)[“«„\"]")
_SHOW_BEFORE = re.compile(r"(?i)\b(?:on|in|appearing on|told|to)\s+$")
_TITLE_WORD = re.compile(r"^(?:[A-Z0-9&][\w'’&.-]*|of|the|and|a|&|on|in|for|to)$")


def find_quotes(article: Article) -> None:
    """Fill article.quotes: the quotations of the cleaned text with their speakers."""
    text = article.text
    spans = quote_spans(text)
    starts = [s.start for s in article.sentences]
    inside = _Inside(spans)
    parsed = ParseAttribution(article, inside)
    speakers: list[str | None] = []
    quotes: list[Quote] = []
    for span in spans:
        content = text[span.start : span.end]
        if _is_title(text, span, content):
            continue
        sentence = max(0, bisect.bisect_right(starts, span.open_at) - 1)
        finder = _Attribution(article, span, sentence, inside, parsed)
        speaker = finder.speaker(quotes, speakers)
        content = _PARAGRAPH_OPENER.sub(r"\1", content).strip()
        quotes.append(Quote(span.start, span.end, content, speaker, sentence))
        speakers.append(speaker)
    article.quotes = quotes


def _is_title(text: str, span: Span, content: str) -> bool:
    """A show or publication named in quote marks ("appearing on “Fox & Friends”")."""
    words = content.strip(" ,.").split()
    if not words or len(words) > 6 or not words[0][0].isupper():
        return False
    if not all(_TITLE_WORD.match(w) for w in words):
        return False
    return bool(_SHOW_BEFORE.search(text[max(0, span.open_at - 20) : span.open_at]))


class _Inside:
    """Whether a position is inside a quotation."""

    def __init__(self, spans: list[Span]):
        self.bounds = [(s.open_at, s.end + 1) for s in spans]
        self.starts = [b[0] for b in self.bounds]

    def __call__(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and self.bounds[i][0] <= pos < self.bounds[i][1]


class _Attribution:
    """Who said one quotation: the attribution around it, in its sentence or a neighbour."""

    def __init__(
        self, article: Article, span: Span, sentence: int, inside: _Inside, parsed: ParseAttribution
    ):
        self.parsed = parsed
        self.a = article
        self.text = article.text
        self.span = span
        self.inside = inside
        self.sent = article.sentences[sentence] if article.sentences else None
        self.sent_index = sentence
        self.s_start = self.sent.start if self.sent else 0
        # the end of the sentence holding the closing mark, or of the next when nothing follows it
        end = article.sentences[parsed.closing(span)[-1]].end if article.sentences else len(self.text)
        self.s_end = max(end, span.end + 1)

    # --- the speaker
    def speaker(self, earlier: list[Quote], speakers: list[str | None]) -> str | None:
        key = self.parsed.speaker(self.span)
        if key is not NOT_FOUND:
            return key
        for rule in (self._headline_colon, self._dash_signature):
            key = rule()
            if key is not None:
                return key or None
        return self._neighbour(earlier, speakers)

    def _mentions_between(self, start: int, end: int) -> list[Mention]:
        return self.parsed.mentions.between(start, end)

    def _dash_signature(self) -> str | None:
        """ "“We will not back down.” — Khawaja Asif": a signature after a dash, as in a post."""
        close = self.span.end + 1
        dash = re.match(r"^\s*[—–―-]+\s*", self.text[close : self.s_end])
        if dash:
            at = close + dash.end()
            ms = self._mentions_between(at, min(self.s_end, at + 80))
            if ms and ms[0].start == at:
                return ms[0].actor_key
        return None

    def _subject(self, start: int, end: int) -> str | None:
        """The sentence's subject: its first actor mention, or a pronoun that opens it."""
        lead = self.text[start:end]
        m = re.match(r"^\W*(?:[A-Z]\w+(?:\s+\w+){0,4},\s+)?(He|She|They)\b", lead)
        mentions = self._mentions_between(start, end)
        if m and (not mentions or mentions[0].start > start + m.start(1)):
            return self._pronoun(m.group(1), start + m.start(1))
        if mentions:
            persons = [x for x in mentions if self.a.actors[x.actor_key].kind == "person"]
            first = mentions[0]
            if persons and persons[0].start - first.start < 60:
                return persons[0].actor_key
            return first.actor_key
        return None

    def _headline_colon(self) -> str | None:
        """ "Hegseth: Caribbean Boat Strike Was “Opening Salvo”"; a "Name:" label right before the
        quotation ("… - Amina Otieno: “…”")."""
        label = re.search(r":\s*$", self.text[max(0, self.span.open_at - 4) : self.span.open_at])
        if label:
            colon = self.span.open_at - len(label.group(0))
            m = self.parsed.mentions.covering(colon - 1, colon)
            if m is not None and m.end == colon:
                return m.actor_key
        line_start = self.parsed.line_start(self.span.open_at)
        head = self.text[line_start : self.span.open_at]
        m = re.match(r"^([^:]{2,60}):\s", head)
        if not m:
            return None
        ms = [
            x
            for x in self._mentions_between(line_start, line_start + m.end(1))
            if self.a.actors[x.actor_key].kind == "person"
        ]
        return ms[0].actor_key if ms else None

    def _neighbour(self, earlier: list[Quote], speakers: list[str | None]) -> str | None:
        """A quotation standing alone: the speaker of the quotation just before it in the same
        paragraph, or of the one ending the paragraph before when this one is a paragraph of its
        own, or of a sentence ending with a colon just before it."""
        open_at = self.span.open_at
        line_start = self.parsed.line_start(open_at)
        opens_line = not self.text[line_start:open_at].strip()
        prev_end = open_at
        while opens_line and prev_end > 0 and self.text[prev_end - 1].isspace():
            prev_end -= 1  # back over the line break to the end of the paragraph before
        while not opens_line and prev_end > self.s_start and self.text[prev_end - 1] == " ":
            prev_end -= 1  # "… a new message: “…”": a colon in the quotation's own sentence
        if self.text[prev_end - 1 : prev_end] == ":" and (self.sent_index > 0 or not opens_line):
            s = self.a.sentences[self.sent_index - (1 if opens_line else 0)]
            colon = prev_end - 1 if not opens_line else s.end - 1
            verbs = [m for m in _SPEECH_RE.finditer(self.text[s.start : colon])]
            key = self.parsed.main_subject(s.index) or self._subject(s.start, colon)
            if verbs or key:
                return key
        if earlier and speakers[-1] is not None:
            last = earlier[-1]
            between = self.text[last.end + 1 : open_at]
            same_paragraph = "\n" not in between and line_start <= last.start
            if same_paragraph and (len(between) < 120 or self._bare_sentence()):
                return speakers[-1]  # "“…,” said Ross, a former adviser. “…”": a new speaker is named
            if (
                opens_line
                and self._whole_paragraph()
                and between.count("\n") <= 2
                and (len(between.strip()) < 80 or self.parsed.sentence_of(last.end) == self.sent_index - 1)
            ):
                return speakers[-1]  # "…,” he continued. / “In this pivotal moment …”"
        return self._previous_sentence()

    def _previous_sentence(self) -> str | None:
        """A quotation opening its sentence after one in which someone spoke: "Tom Fletcher, the
        UN humanitarian chief, called for safe passage. “The people of el-Fasher …”"."""
        if self.text[self.s_start : self.span.open_at].strip() or self.sent_index == 0:
            return None
        prev = self.a.sentences[self.sent_index - 1]
        gap = self.text[prev.end : self.s_start]
        if self.inside(prev.start) or gap.count("\n") > 2:
            return None
        if "\n" in gap and not self._whole_paragraph():
            return None  # across a paragraph break only for a paragraph that is all quotation
        verbs = [m for m in _SPEECH_RE.finditer(self.text[prev.start : prev.end])]
        if not verbs:
            # "Viguerie is upbeat about Cruz’s chances. ¶ “Not only can Cruz win …”": a paragraph of
            # quotation after a sentence about someone is theirs
            return self._topic_of(prev.index) if self._whole_paragraph() else None
        v_start = prev.start + verbs[0].start()
        mentions = self._mentions_between(prev.start, v_start)
        persons = [m for m in mentions if self.a.actors[m.actor_key].kind == "person"]
        return persons[0].actor_key if persons else None

    def _topic_of(self, i: int) -> str | None:
        """The person a sentence is about: its main clause's subject where it was parsed, else a
        person named at its very start."""
        s = self.a.sentences[i]
        if i in self.a.parses:
            return self.parsed.topic_in(s.start, s.end)
        ms = self._mentions_between(s.start, s.end)
        first = ms[0] if ms and not self.text[s.start : ms[0].start].strip() else None
        return first.actor_key if first and self.a.actors[first.actor_key].kind == "person" else None

    def _bare_sentence(self) -> bool:
        """The quotation is its sentence: nothing of the sentence stands before or after it."""
        before = self.text[self.s_start : self.span.open_at]
        after = self.text[self.span.end + 1 : self.s_end]
        return not before.strip() and not after.strip(' .,!?”"’»')

    def _whole_paragraph(self) -> bool:
        rest = self.text[self.span.end + 1 : self.parsed.line_end(self.span.end)]
        return not rest.strip(' .,”"’»')

    def _pronoun(self, pronoun: str, pos: int) -> str | None:
        """He/she: the person last named before pos (outside quotations); they: the last
        non-person actor named in the sentence."""
        mentions = self.parsed.mentions
        if pronoun.lower() in ("he", "she"):
            m = mentions.last_person_before(pos)
        else:
            m = mentions.last_before(pos, self.s_start, lambda a: a.kind != "person")
        return m.actor_key if m else None
