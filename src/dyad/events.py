"""Who did what to whom: PLOVER events from trigger patterns and the actors around them."""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
from dataclasses import dataclass

from . import event_cues as cue
from .event_args import Tree
from .event_patterns import Pattern, Patterns, load_patterns, trigger_spans
from .knowledge.schema import INTERNATIONAL
from .model import Article, Candidate, Event, Mention
from .speech import speech_verbs
from .timeref import is_historical, resolve_date


@dataclass(frozen=True, slots=True)
class _Voice:
    """A quotation coded in its speaker's voice."""

    start: int
    end: int
    speaker: str
    addressee: str
    mentions: list[Mention]


def _retyped(p: Pattern, event_type: str) -> Pattern:
    return Pattern(event_type, p.kind, None, p.context, False, p.line)


_REFUSABLE = {"AGREE": None, "CONCEDE": "yield", "RETREAT": "yield", "CONSULT": "meet", "AID": "assist"}
_REFUSABLE |= {"COOPERATE": "assist", "SUPPORT": "assist"}


def _refusal(p: Pattern) -> Pattern:
    """A refusal of what p names, CAMEO's reject: "will not lift the ban" (yield), "would not
    provide support" (assist), "will not meet" (meet), "did not agree"."""
    return Pattern("REJECT", p.kind, _REFUSABLE[p.type], p.context, False, p.line, refusal=True)


# Longer than any sentence of the gold sets (1,094 characters at most): a list or a text without
# punctuation, not a sentence. Not coded, since coding a sentence takes time that grows faster than
# its length.
MAX_SENTENCE = 2500

_OBLIGATION = Pattern("REQUEST", "verb", None, "diplomatic", False, 0)
_STATED_INTENT = Pattern("AGREE", "verb", None, "diplomatic", False, 0)


def find_events(article: Article) -> None:
    """Fill article.events (and article.candidates) sentence by sentence."""
    patterns = load_patterns()
    # an actor whose country the text does not give takes no part in events (yet)
    known = [m for m in article.mentions if article.actors[m.actor_key].country]
    coder = _Coder(dataclasses.replace(article, mentions=known), patterns)
    for sentence in article.sentences:
        if sentence.end - sentence.start <= MAX_SENTENCE:
            coder.code_sentence(sentence)
    article.events = coder.events
    article.candidates = coder.candidates


class _Coder:
    def __init__(self, article: Article, patterns: Patterns):
        self.a = article
        self.p = patterns
        self.text = article.text
        self.lower = article.text.lower().replace("’", "'").replace("\u2011", "-")
        # a full quotation is the speaker's words; a short phrase quoted inside a sentence is not
        self.quotes = [(q.start - 1, q.end + 1) for q in article.quotes if len(q.text.split()) >= 10]
        self.events: list[Event] = []
        self.trigger_starts: list[int] = []  # where each event's trigger starts
        self.one_way: set[tuple[int, int]] = set()  # (trigger, target): a promised act's recipient
        self.candidates: list[Candidate] = []
        self.seen: set[tuple] = set()
        self.time_cache: dict[tuple[int, bool], tuple] = {}
        self.attribution_cache: dict[int, str | None] = {}
        self.reporter_cache: dict[int, int] = {}
        self.subjects: dict[int, list[Mention]] = {}  # a sentence's last verb subject
        self.ordered = sorted(article.mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.ordered]
        self.sentence_starts = [s.start for s in article.sentences]
        self.cuts: dict[int, list[tuple[int, int]]] = {}  # a sentence's clause boundaries
        self.quote_spans = _union(self.quotes)  # for a bisection: a scan per mention grows as n²
        self.country_actor: dict[str, str | None] = {}
        self.country_keys: dict[str, list[str]] = {}  # each country's actors, by first mention
        for m in self.a.mentions:
            keys = self.country_keys.setdefault(self.a.actors[m.actor_key].country, [])
            if m.actor_key not in keys:
                keys.append(m.actor_key)
        self.top_countries = self._top_countries()
        self.tree = Tree(article)
        self.tree_negated: set[int] = set()  # triggers the parse shows negated
        self.voices = self._voices()
        starts = [v.start for v in self.voices]
        disjoint = all(a.end <= b.start for a, b in itertools.pairwise(self.voices))
        self.voice_starts = starts if disjoint else None

    def _inside_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self.quote_spans, (pos, float("inf"))) - 1
        return i >= 0 and pos < self.quote_spans[i][1]

    def _top_countries(self) -> list[str]:
        counts: dict[str, int] = {}
        for m in self.a.mentions:
            if m.start >= self._reporter_clause(self.a.sentences[m.sentence]) or m.how == "place":
                continue  # who reports the news, and where it happens, are not its parties
            c = self.a.actors[m.actor_key].country
            if c not in INTERNATIONAL:
                counts[c] = counts.get(c, 0) + 1
        return sorted(counts, key=counts.__getitem__, reverse=True)

    # --- one sentence
    def code_sentence(self, sentence) -> None:
        s, e = sentence.start, sentence.end
        here = self._mentions_in(s, e)
        mentions = [m for m in here if not self._inside_quote(m.start) and not self._provenance(m)]
        first = len(self.events)
        triggers = self._resolved(self._triggers(s, e))
        self._candidates(sentence, mentions, triggers)
        obligations = self._obligations(sentence, mentions) if mentions else []
        previous = None
        for start, end, form, p in triggers:
            while obligations and obligations[0][0] < start:
                o_start, o_end, speaker, subject = obligations.pop(0)
                self._emit_obligation(sentence, o_start, o_end, speaker, subject)
                previous = (o_start, o_end, _OBLIGATION)
            if p.type == "REQUEST" and cue.ORDERED.match(form) and not self._object_is_person(end):
                continue  # "ordered Menem to appear" is a demand; "ordered troops to the border" is not
            if self._complement(previous, start, form, p):
                continue  # "agreed to allow", "threatened to ban": a verbal act's content
            previous = (start, end, p)
            if self._inside_quote(start):
                voice = self._voice_at(start)
                if voice is not None:  # "You requested funds": the speaker's words, with their you and we
                    self._code_trigger(sentence, voice.mentions, start, end, p)
            elif mentions:
                self._code_trigger(sentence, mentions, start, end, p)
        for obligation in obligations:
            self._emit_obligation(sentence, *obligation)
        if mentions:
            self._offers(sentence, mentions, triggers)
        self._imperatives(sentence)
        self._mark_root(sentence, first)

    def _mark_root(self, sentence, first: int) -> None:
        """The sentence's root events: those of its first act, passing over a leading adjunct
        ("After the shooting, Israel reimposed blockades"), as one-record-per-sentence coders
        (PETRARCH, the PLOVER GSR) code a sentence."""
        found = range(first, len(self.events))
        if not found:
            return
        lead = cue.LEADING_ADJUNCT.match(self.text[sentence.start : sentence.end])
        starts = [self.trigger_starts[i] for i in found]
        outside = [x for x in starts if not lead or x >= sentence.start + lead.end()]
        root = min(outside or starts)
        for i in found:
            self.events[i].root = self.trigger_starts[i] == root

    def _resolved(self, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str, Pattern]]:
        """Triggers with their patterns, a verb's object included ("reduced food supplies"); a verb
        that is an event only with an object it lacks is dropped, and so is a trigger inside an
        object ("violated the ceasefire agreement")."""
        out, covered = [], 0
        for start, end, form in found:
            if start < covered:
                continue
            p, end = self._modified_object(form, end)
            if p is not None:
                out.append((start, end, form, p))
                covered = end
        return out

    def _offers(self, sentence, mentions: list[Mention], triggers) -> None:
        """ "X is ready to contribute troops to Y": a stated intent to cooperate (AGREE) when the verb
        is one no pattern knows (a known one is coded itself, with the intent conventions)."""
        starts = {t[0] for t in triggers}
        for m in cue.READY.finditer(self.text, sentence.start, sentence.end):
            if m.end() not in starts and not self._inside_quote(m.start()):
                self._code_trigger(sentence, mentions, m.start(1), m.end(1), _STATED_INTENT)

    def _modified_object(self, form: str, end: int) -> tuple[Pattern | None, int]:
        """A verb phrase whose object has modifiers: "lifted a day-old blockade" is "lift blockade"
        (None: a verb that is an event only with such an object)."""
        for rest, p in self.p.objects.get(form, []):
            m = re.match(
                rf"\s+(?:[\w'-]+\s+){{1,3}}{re.escape(rest)}\b",
                self.lower[end : end + 80],
            )
            if m:
                return p, end + m.end()
        return self.p.forms.get(form), end

    def _direct_object(self, end: int) -> Mention | None:
        """The actor named right after a verb, if any."""
        gap = re.match(r"\s+(?:the\s+)?", self.text[end : end + 10])
        at = end + (gap.end() if gap else 0)
        return next((m for m in self.a.mentions if m.start == at), None)

    def _sentence_at(self, pos: int) -> int:
        """The index of the sentence that holds pos."""
        return self.a.sentences[max(0, bisect.bisect_right(self.sentence_starts, pos) - 1)].index

    def _told_to(self, end: int) -> bool:
        """An actor named right after the verb, and "to" and a verb after it."""
        m = self._direct_object(end)
        return m is not None and bool(cue.TO_VERB.match(self.text, m.end))

    def _object_is_actor(self, end: int) -> bool:
        return self._direct_object(end) is not None

    def _object_is_person(self, end: int) -> bool:
        m = self._direct_object(end)
        return m is not None and self.a.actors[m.actor_key].kind == "person"

    def _complement(self, previous, start: int, form: str, p: Pattern) -> bool:
        if previous is None:
            return False
        gap = self.text[previous[1] : start]
        if previous[2].type == "PROTEST" and p.type == "REQUEST":
            # "demonstrated in Kirkuk calling for independence", "rallied to demand reforms"
            return (form.split()[0].endswith("ing") or gap.endswith("to ")) and not cue.CLAUSE.search(gap)
        if previous[2].type not in cue.VERBAL:
            return False
        if cue.COMPLEMENT.fullmatch(gap):
            return True
        if p.kind == "noun" and cue.NOUN_COMPLEMENT.fullmatch(gap):
            return True  # "threatened to launch a new offensive"
        return previous[2].kind == "verb" and bool(cue.OBJECT.fullmatch(gap))

    def _obligations(self, sentence, mentions: list[Mention]) -> list[tuple[int, int, Mention, Mention]]:
        """ "Russia said that Sudan must return the helicopter": whatever the verb, a third party's
        "Y must" reported from X is X's demand on Y (CAMEO 10)."""
        found = []
        for m in cue.OBLIGE.finditer(self.text, sentence.start, sentence.end):
            subject = next((x for x in reversed(mentions) if x.end <= m.start()), None)
            if subject is None or not cue.SUBJECT_GAP.fullmatch(self.text[subject.end : m.start()]):
                continue
            if self._inside_quote(m.start()):
                continue
            country = self.a.actors[subject.actor_key].country
            head = self.text[sentence.start : subject.start]
            speech = None
            for speech in speech_verbs().finditer(head):  # noqa: B007 - the last speech verb before Y
                pass
            if speech is None:
                continue
            speaker = [
                x
                for x in mentions
                if x.end <= sentence.start + speech.start() and self.a.actors[x.actor_key].country != country
            ]
            if speaker:
                found.append((m.start(), m.end(), speaker[-1], subject))
        return found

    def _emit_obligation(self, sentence, start: int, end: int, speaker: Mention, subject: Mention) -> None:
        self._emit(sentence, speaker, subject, _OBLIGATION, start, end)

    def _voices(self) -> list[_Voice]:
        """Quotations with a speaker, their "we" resolved to the speaker and "you" to whom they
        address: a name that opens the quotation ("Haqqani, Pakistan stood with you"), else the
        one they addressed before, else the other party of the article's dyad."""
        voices: list[_Voice] = []
        addressed: dict[str, str] = {}
        for q in self.a.quotes:
            if q.speaker_key is None or len(q.text.split()) < 10:
                continue
            inside = self._mentions_in(q.start, q.end)
            vocative = (
                inside[0]
                if inside
                and inside[0].start - q.start <= 2
                and self.text[inside[0].end : inside[0].end + 1] == ","
                else None
            )
            addressee = vocative.actor_key if vocative is not None else addressed.get(q.speaker_key)
            if addressee is None:
                speaker_country = self.a.actors[q.speaker_key].country
                addressee = next(
                    (self._country_actor(c) for c in self.top_countries if c != speaker_country), None
                )
            if addressee is None:
                continue
            addressed[q.speaker_key] = addressee
            pronouns = []
            for m in cue.PERSONAL.finditer(self.text, q.start, q.end):
                key = q.speaker_key if m.group(1).lower() in ("we", "us", "our") else addressee
                pronouns.append(Mention(m.start(), m.end(), m.group(0), key, -1, "pronoun"))
            real = [m for m in inside if m is not vocative]
            voices.append(
                _Voice(
                    q.start, q.end, q.speaker_key, addressee, sorted(real + pronouns, key=lambda m: m.start)
                )
            )
        return voices

    def _voice_at(self, pos: int) -> _Voice | None:
        if self.voice_starts is None:  # quotations that overlap: look at each
            return next((v for v in self.voices if v.start <= pos < v.end), None)
        i = bisect.bisect_right(self.voice_starts, pos) - 1
        return self.voices[i] if i >= 0 and pos < self.voices[i].end else None

    def _imperatives(self, sentence) -> None:
        """ "Do not allow your land to be used against us": the speaker requests of the addressee."""
        voice = self._voice_at(sentence.start + 1) or self._voice_at(sentence.start)
        if voice is None:
            return
        text = self.text[max(sentence.start, voice.start) : sentence.end]
        if not cue.IMPERATIVE.match(text.lstrip("“\"'‘ ")):
            return
        speaker = Mention(voice.start, voice.start, "", voice.speaker, sentence.index, "speaker")
        request = Pattern("REQUEST", "verb", None, "diplomatic", False, 0)
        self._emit(
            sentence, speaker, None, request, sentence.start, sentence.start, target_key=voice.addressee
        )

    def _provenance(self, m: Mention) -> bool:
        """ "according to NDTV", "Ariana News reported": who tells, not who acts."""
        actor = self.a.actors[m.actor_key]
        return actor.sector == "JRN"

    def _triggers(self, s: int, e: int) -> list[tuple[int, int, str]]:
        return trigger_spans(self.p, self.lower, s, e)

    def _clause(self, sentence, pos: int) -> tuple[int, int]:
        """The clause around pos: the sentence cut at semicolons, dashes and contrastive links."""
        start, end = sentence.start, sentence.end
        cuts = self.cuts.get(sentence.index)
        if cuts is None:
            cuts = self.cuts[sentence.index] = [
                m.span() for m in cue.CLAUSE.finditer(self.text, sentence.start, sentence.end)
            ]
        for cut_start, cut_end in cuts:
            if cut_end <= pos:
                start = cut_end
            elif cut_start >= pos:
                end = cut_start
                break
        return start, end

    def _code_trigger(self, sentence, mentions: list[Mention], start: int, end: int, p: Pattern) -> None:
        text = self.text
        lead = text[max(sentence.start, start - 30) : start]
        if start > self._reporter_clause(sentence):
            return  # "..., a member of the team trying to broker a pact has said": who tells it
        gerund = p.kind == "verb" and text[start:end].split()[0].lower().endswith("ing")
        if gerund and cue.ACCUSED_OF.search(text[max(sentence.start, start - 120) : start]):
            return  # "accused Kabul of harbouring militants": the content of the accusation
        if p.kind == "noun" and cue.ACCUSED_OF_NOUN.search(text[max(sentence.start, start - 140) : start]):
            return  # "blamed India for the suicide blast": what the accusation is about
        tok = self.tree.token_at(sentence.index, start)
        if tok is not None and p.type != "ACCUSE" and self.tree.in_content_of(tok, self._accusing):
            return  # "accused Pakistan of ... carrying out air raids": what the accusation is about
        if tok is not None and self.tree.negated(tok):
            self.tree_negated.add(start)  # "Venezuela threatens no one", "has never formally attacked"
        if (
            p.type == "AGREE"
            and cue.SIGNED_DECREE.match(text[end : end + 60])
            and cue.SIGN.match(text[start:end])
        ):
            return  # "Trump signed a directive": a decree at home, not an agreement
        if gerund and cue.CONTENT_OF.search(text[max(sentence.start, start - 40) : start]):
            return  # "an appeal for deploying troops", "a proposal for signing": what a noun is about
        if cue.ANY.search(lead) or self._in_condition(sentence, start):
            return  # "any attack on Pakistan would ...", "should Pakistan conduct airstrikes"
        if cue.WANTED.search(text[max(sentence.start, start - 80) : start]):
            return  # "Obama wants Putin to attack": what someone wants another to do is not done
        if p.type in _REFUSABLE and cue.REFUSED_YIELD.search(lead):
            p = _refusal(p)  # "will not lift the ban", "would not provide support" (CAMEO 12)
        elif (
            p.type == "CONCEDE"
            and text[start:end].split()[0].lower().endswith("ing")
            and not cue.PROGRESSIVE.search(lead)
        ):
            return  # "a deal allowing drone operations": a clause of a noun
        if p.type == "PROTEST" and p.kind == "verb" and cue.VERBAL_PROTEST.match(text[end : end + 12]):
            p = _retyped(p, "ACCUSE")  # "protested that ...", "protested to Uganda": a complaint (CAMEO 11)
        if p.kind == "verb" and cue.NO_EVIDENCE.match(text[end : end + 40]):
            return  # "offered no evidence", "provided details": words, not an offer or aid
        if p.object_to and not self._told_to(end):
            return  # "told reporters that": speech; "told Israel to call back its aircraft": a demand
        if cue.NOT_AN_ACT.match(text, start):
            return  # "struck a cautious note", "provided Israel stopped first", "asked about talks"
        if p.type == "SUPPORT" and cue.DEFENDED.match(text[start:end]) and not self._object_is_actor(end):
            return  # "defended Iraq" supports Iraq; "defended itself", "defended its airstrikes" do not
        if p.kind == "verb" and cue.BACKGROUND_PASSIVE.search(text[max(sentence.start, start - 80) : start]):
            return  # "the province where 28 people were killed": background, and no one named as doer
        if (
            text[start:end].lower() == "met"
            and cue.PROGRESSIVE.search(lead)
            and not cue.BY.match(text[end : end + 10])
        ):
            return  # "until their demands are met": not a meeting
        if p.kind == "noun" and cue.MODIFIER_OF.match(text[end : end + 30]):
            return  # "war crimes", "the attack anniversary": the noun names something else
        if p.kind == "verb" and cue.DETERMINER.search(lead):
            return  # "the same targets", "the attacks": a noun, not the verb
        words = text[start:end].lower().split()
        word = words[0]
        phrase = len(words) > 1 and words[1] == "to"  # "plans to impose": a verb whatever its form
        bare = not phrase and (word in self.p.lemmas or (word.endswith("s") and not word.endswith("ss")))
        if p.kind == "verb" and bare and not self._base_form_is_verb(lead, mentions, start):
            return  # "heavy return fire", "stumbling blocks": nothing makes the word a verb
        c_start, c_end = self._clause(sentence, start)
        before = [m for m in mentions if c_start <= m.start and m.end <= start and not m.locative]
        # "Pakistan, a key U.S. ally, refused": the apposition is not the subject, unless nothing else
        # names it ("Kenzo Oshima, the UN relief coordinator, demanded")
        heads = [m for m in before if not self._in_apposition(m, start)]
        if heads:
            before = heads
        material_conflict = self.p.types[p.type].quad == 4
        after = [
            m for m in mentions if m.start >= end and m.end <= c_end and (material_conflict or not m.locative)
        ]
        if p.kind == "noun" and cue.AUXILIARY.search(lead):  # "did not attack": the verb
            p = self.p.verb_forms.get(text[start:end].lower(), p)
        if p.type == "AGREE" and cue.NOT_VERB.search(lead) and (p.kind == "verb" or "fail" in lead.lower()):
            p = _refusal(p)  # "will not accept", "did not agree": CAMEO's reject
        if p.kind == "noun":
            sources, targets = self._noun_arguments(p, start, end, before, after, sentence)
        else:
            sources, targets = self._verb_arguments(p, start, end, before, after)
            tree = self._tree_arguments(sentence, start, p, mentions)
            if tree is not None and not tree[0]:
                return
            if tree is not None:  # the parse's subject and object, where it names them
                group = self._compound(tree[0][0], mentions)  # "The US, Russia, and Switzerland met"
                sources = group + [m for m in tree[0] if m not in group]
                targets = self._compound(tree[1][0], after) if tree[1] and tree[1][0] in after else targets
            shared = self.subjects.get(sentence.index)
            if shared and cue.COORDINATED.search(text[max(sentence.start, start - 60) : start]):
                sources = shared  # "announced it would prohibit aid ... and would deny entry"
            if sources:
                self.subjects[sentence.index] = sources
        if sources is None:
            return
        p, sources, targets = self._convention(p, lead, sources, targets, before, mentions, sentence, start)
        if (
            p.mode == "mediate"
            and not cue.TALKS_AFTER.match(text[end : end + 40])
            and text[start:end].lower().startswith("facilitat")
        ):
            p = Pattern(
                "COOPERATE", p.kind, None, "military", False, p.line
            )  # "facilitating NATO operations"
        if self._claim(p, sources, sentence, start) and p.type == "AID":
            return  # "saying that Afghanistan had sheltered the murderers": an accusation, no aid
        if p.mode == "mediate":
            self._emit_mediation(sentence, sources, targets, p, start, end)
            return
        own = {m.actor_key for m in sources}
        home = {self.a.actors[m.actor_key].country for m in sources}
        tail = self._reporter_clause(sentence)
        if start < tail:  # "..., Thai military sources said": who reports it, not whom it concerns
            targets = [t for t in targets if t.start < tail]
        targets = [  # "X imposed ... in X", "Akayev agreed to resign without returning to Kyrgyzstan"
            t
            for t in targets
            if t.actor_key not in own
            and not (
                not p.received  # "protesters received assurances from the government": named roles
                and self.a.actors[t.actor_key].country in home
                and (
                    p.type in cue.OUTWARD
                    or (p.type in cue.VERBAL_CONFLICT and self.a.actors[t.actor_key].kind == "state")
                )
            )
        ]
        if p.symmetric and not targets and len(sources) >= 2:  # "India and Pakistan agreed"
            self._emit_symmetric(sentence, sources, p, start, end)
            return
        hosting = text[start:end].lower().startswith(("host", "receiv", "welcom"))  # the subject hosts
        if not targets and p.mode == "visit" and not hosting:  # "arrived in Amman on a visit": the host
            targets = [
                m
                for m in mentions
                if m.locative
                and c_start <= m.start < c_end
                and self.a.actors[m.actor_key].country not in home
            ][:1]
        target_keys = [t.actor_key for t in targets]
        implicit = False
        if not target_keys:
            target_keys = self._both_sides(end, c_end, sources)
            if p.type == "SUPPORT" and cue.OWN_SIDE.match(text[end : end + 40]):
                return  # "praised his military's valour": at home, and aimed at no other party
            visiting = p.mode == "visit" and not hosting  # a visit's host is named ("visited troops")
            # "welcomed the strikes": support for an act, whose doer is not named here
            endorsing = p.type == "SUPPORT" and p.kind == "verb" and bool(cue.THING.match(text, end))
            if (
                not target_keys
                and (p.kind == "verb" or self.p.types[p.type].quad >= 3)
                and not (visiting or endorsing)
            ):
                target_keys = self._counterpart(sources)
            if not target_keys and (p.type == "CONCEDE" or self.p.types[p.type].quad >= 3):
                target_keys = self._home(sources, p)
            implicit = True
            if not target_keys and not self.p.types[p.type].needs_target:
                target_keys = [None]  # PLOVER's recipient is optional: "Bosnian Serbs withdrew"
        # "agreed to US mediation", "agreed to provide aid for Romania and Poland": one way
        gap = self.text[end : targets[0].start] if targets else ""
        possessor = bool(targets) and cue.POSSESSIVE.match(
            self.text, targets[0].end
        )  # "with Pakistan's stance"
        one_way = bool(targets) and (
            (start, id(targets[0])) in self.one_way
            or bool(cue.ONE_WAY.search(gap) or cue.INFINITIVE.search(gap) or possessor)
        )
        for src in sources:
            for tgt in target_keys:
                self._emit(sentence, src, None, p, start, end, target_key=tgt, implicit=implicit)
                if p.symmetric and not implicit and not one_way:
                    back = next(t for t in targets if t.actor_key == tgt)
                    self._emit(sentence, back, None, p, start, end, target_key=src.actor_key)

    def _accusing(self, word: str) -> bool:
        p = self.p.verb_forms.get(word)
        return p is not None and p.type == "ACCUSE"

    def _tree_arguments(self, sentence, start: int, p: Pattern, mentions: list[Mention]):
        """(sources, targets) from the parse, when the sentence was parsed and the tree names the
        doer among the sentence's actors; None to read the words around the trigger instead."""
        if p.received or p.kind != "verb":
            return None
        tok = self.tree.token_at(sentence.index, start)
        # a material act in the passive with no agent has no doer, but a detention's is the state
        # it happens in ("were detained in Afghanistan", read from the words)
        material = self.p.types[p.type].quad in (2, 4) and p.mode != "withdraw" and p.type != "COERCE"
        found = self.tree.verb_arguments(tok, material) if tok is not None else None
        if found is None:
            return None
        if not found[0]:
            return [], []  # a material act in the passive, no agent named
        allowed = {id(m) for m in mentions}
        sources = [m for m in found[0] if id(m) in allowed]
        targets = [m for m in found[1] if id(m) in allowed and m not in sources]
        return (sources, targets) if sources else None

    def _claim(self, p: Pattern, sources: list[Mention], sentence, start: int) -> bool:
        """A conflict act reported in someone's claim is also the claimant's accusation: "Mujahid
        said Pakistani forces fired into Afghan territory", "saying that Afghanistan had sheltered"."""
        if p.type not in cue.CLAIMED_TYPES or not sources:
            return False
        head = self.text[sentence.start : start]
        claim = None
        for claim in cue.CLAIM.finditer(head):  # noqa: B007 - the last claim verb before the act
            pass
        if claim is None or cue.INTENDED.search(head, claim.end()):
            return False  # "said it will support a resolution to impose a blockade": no act claimed
        verb_at = sentence.start + claim.start()
        speaker = [
            m
            for m in self.a.mentions
            if sentence.start <= m.start < verb_at and not self._inside_quote(m.start)
        ]
        pronoun = cue.PRONOUN.search(self.text[max(0, verb_at - 25) : verb_at])
        who = speaker[-1] if speaker else (self._last_person(verb_at) if pronoun else None)
        if who is None:
            return False
        accused = sources[0]
        if self.a.actors[who.actor_key].country != self.a.actors[accused.actor_key].country:
            accuse = Pattern("ACCUSE", "verb", None, "diplomatic", False, p.line)
            self._emit(sentence, who, None, accuse, verb_at, verb_at, target_key=accused.actor_key)
            return True
        return False

    def _convention(self, p: Pattern, lead: str, sources, targets, before, mentions, sentence, start):
        """CAMEO2PLOVER's conventions: a stated intent to cooperate is AGREE, to coerce is
        THREATEN ("will release" AGREE, "will impose martial law" THREATEN); "Y must act", said by
        X, is X REQUEST Y."""
        quad = self.p.types[p.type].quad
        must = cue.MUST.search(lead)
        if must and before:
            subject = before[-1]
            speakers = [m for m in mentions if m.start < subject.start and m.actor_key != subject.actor_key]
            if speakers:
                return _retyped(p, "REQUEST"), [speakers[0]], [subject]
        condition = cue.CONDITIONAL_INTENT.search(self.text[start : sentence.end])
        intent = (
            cue.INTENT.search(lead)
            or (condition and cue.MAY.search(lead))
            or (p.kind == "noun" and cue.NOUN_INTENT.search(lead))  # "would tighten the naval blockade"
        )
        if intent and condition and p.type not in ("CONSULT",):
            return _retyped(p, "THREATEN"), sources, targets  # "will withdraw ... unless ..."
        # a planned meeting stays a meeting, in the future (the gold format's convention)
        if intent and p.type not in ("CONSULT", "AGREE") and not intent.group(0).lower().startswith("agreed"):
            if quad == 2 or p.type in ("SUPPORT", "CONCEDE"):
                return _retyped(p, "AGREE"), sources, targets
            if quad == 4 and not cue.DECIDED.search(self.text[max(sentence.start, start - 60) : start]):
                return _retyped(p, "THREATEN"), sources, targets
        return p, sources, targets

    def _both_sides(self, end: int, c_end: int, sources: list[Mention]) -> list[str]:
        """ "urged both sides", "the two countries": the article's two main parties (besides the
        source's own)."""
        if not cue.BOTH.match(self.text[end:c_end]):
            return []
        own = {self.a.actors[m.actor_key].country for m in sources}
        two = [c for c in self.top_countries if c not in own][:2]
        return [k for k in (self._country_actor(c) for c in two) if k]

    def _both_as_subject(self, at: int, start: int) -> list[Mention]:
        """The two main parties as the subject of a verb ("both sides agreed"), named at `at`."""
        sentence = self._sentence_at(at)
        s = self.a.sentences[sentence]
        speaker = {  # "Trump said the two countries had agreed": not one of the two
            self.a.actors[m.actor_key].country
            for m in self._mentions_in(s.start, s.end)
            if m.sentence == sentence and m.end <= at
        }
        two = [c for c in self.top_countries if c not in speaker][:2]
        keys = [k for k in (self._country_actor(c) for c in two) if k]
        if len(keys) < 2:
            return []
        return [Mention(at, at, self.text[at:start].strip(), k, sentence, "both") for k in keys]

    def _counterpart(self, sources: list[Mention]) -> list[str]:
        """No recipient named: the other party of the article's main dyad, if there is one."""
        own = {self.a.actors[m.actor_key].country for m in sources}
        for c in self.top_countries[:3]:
            if c not in own:
                key = self._country_actor(c)
                return [key] if key else []
        return []

    def _home(self, sources: list[Mention], p: Pattern) -> list[str]:
        """No other party anywhere: a protest, demand or crackdown is aimed at the source's own
        state ("Nigerians rallied in Lagos", "Sudan lifted the state of emergency in Darfur")."""
        country = self.a.actors[sources[0].actor_key].country
        if country in INTERNATIONAL:
            return []
        own = {m.actor_key for m in sources}
        key = self._country_actor(country)
        if key in own:
            key = next(
                (k for k in self.country_keys.get(country, ()) if k not in own),
                sources[0].actor_key if len(own) == 1 and p.type in cue.SELF_DIRECTED else None,
            )
        return [key] if key else []

    def _base_form_is_verb(self, lead: str, mentions: list[Mention], start: int) -> bool:
        if cue.BASE_VERB_LEAD.search(lead):
            return True
        return any(
            re.fullmatch(r"\s*(?:\w+ly\s+)?", self.text[m.end : start]) for m in mentions if m.end <= start
        )

    def _verb_arguments(self, p: Pattern, start: int, end: int, before, after):
        text = self.text
        verb = text[start:end].split()[0].lower()
        if p.received:  # "Ukraine received weapons from the United States": the giver acts
            giver = next((m for m in after if cue.FROM_GIVER.fullmatch(text[end : m.start])), None)
            receiver = self._group_before(before)
            return (self._compound(giver, after), receiver) if giver and receiver else (None, [])
        participle = verb.endswith(("ed", "en")) or verb in cue.IRREGULAR_PARTICIPLES
        passive = participle and cue.PASSIVE.search(text[max(0, start - 20) : start])
        by = cue.BY.match(text[end : end + 6])
        if passive and by and after:
            return self._compound(after[0], after), self._group_before(before) or self._place_struck(start)
        if passive and not by and p.mode != "withdraw" and not cue.STATIVE.match(text[end : end + 6]):
            # "X was accused of ... by Y": the agent named later; "Three soldiers were killed": none
            # ("Rebels were demobilized" is the rebels' own retreat)
            agent = next((m for m in after if cue.AGENT.search(text[end : m.start])), None)
            if agent is None and p.type == "COERCE":  # "was arrested in Uganda": Uganda's doing
                agent = next(
                    (m for m in after if cue.IN_STATE.search(text[end : m.start]) and self._is_state(m)), None
                )
            if agent is None:
                return None, []
            return self._compound(agent, after), self._group_before(before)
        pronoun = cue.PRONOUN.search(text[max(0, start - 25) : start])
        they = cue.THEY.search(text[max(0, start - 25) : start])
        if pronoun:  # "where he urged the network": the person last named
            person = self._last_person(start - len(pronoun.group(0)))
            sources = [person] if person else []
        elif they:  # "while the Afghan side agreed ..., they refused": that clause's subject
            index = self._sentence_at(start)
            sources = (
                self.subjects.get(index) or self._group_before(before) or self.subjects.get(index - 1) or []
            )
        elif before and verb.endswith("ing") and cue.PARTICIPLE_LEAD.search(text[max(0, start - 25) : start]):
            # "Serbia lodged a protest with Albania, charging its neighbour ...": the clause's subject,
            # if an actor opens it ("the strikes targeted the IRGC complex, killing ...": none)
            opening = text[self.a.sentences[before[0].sentence].start : before[0].start]
            sources = self._compound(before[0], before) if len(opening.split()) <= 4 else []
        else:
            both = cue.BOTH_SUBJECT.search(text[max(0, start - 45) : start])
            if both:  # "the two countries had agreed": the article's two main parties
                sources = self._both_as_subject(start - len(both.group(0)), start)
            else:
                sources = self._head_of(self._group_before(before), before)
        if not sources:
            return None, []
        targets = self._object(after, end, p)
        content = after and cue.CONTENT_RECIPIENT.fullmatch(text[end : after[0].start])
        if not targets and p.type in cue.VERBAL and content:
            targets = self._compound(after[0], after)  # "agreed to provide aid for Romania"
            self.one_way.update((start, id(t)) for t in targets)
        return sources, targets

    def _place_struck(self, start: int) -> list[Mention]:
        """ "Gaza was struck by Israeli jets": a place is the patient of a passive it opens."""
        for m in self._mentions_in(start - 200, start):  # the passive is a few words long
            if m.how == "place" and m.end <= start and cue.PLACE_PASSIVE.fullmatch(self.text[m.end : start]):
                return [m]
        return []

    def _head_of(self, group: list[Mention], before: list[Mention]) -> list[Mention]:
        """The subject a postmodifier hangs on: "the Turkish and Greek sides of the island of
        Cyprus agreed", "militants loyal to Zarqawi said": the sides, the militants."""
        while group:
            i = before.index(group[0])
            if i == 0 or not cue.POSTMODIFIER.fullmatch(self.text[before[i - 1].end : group[0].start]):
                return group
            group = self._group_before(before[:i])
        return group

    def _in_apposition(self, m: Mention, pos: int) -> bool:
        """Inside ", a key U.S. ally in the war on terror," between a subject and its verb."""
        if "," not in self.text[m.end : pos]:
            return False
        return bool(cue.APPOSITION.search(self.text[max(0, m.start - 160) : m.start]))

    def _is_state(self, m: Mention) -> bool:
        return self.a.actors[m.actor_key].kind == "state"

    def _last_person(self, pos: int) -> Mention | None:
        for m in reversed(self.a.mentions):
            if (
                m.start < pos
                and self.a.actors[m.actor_key].kind == "person"
                and not self._inside_quote(m.start)
            ):
                return m
        return None

    def _object(self, after: list[Mention], end: int, p: Pattern) -> list[Mention]:
        """The recipient: an actor soon after the trigger ("warned Pakistan", "demanding that Kabul
        act", "called on Pakistan", "fired into Afghan territory")."""
        if not after:
            return []
        first = after[0]
        gap = self.text[end : first.start]
        if len(gap) > 45 or re.search(r"[,;:]", gap.replace(", saying", "")):
            return []
        if re.search(r"\w\s+of\s+(?:the\s+)?$", gap) and not cue.MEMBERS_OF.search(gap):
            return []  # "assist adversaries of Pakistan": the actor qualifies another noun
        if re.search(r"(?i)\b(and|or)\b", gap) and not re.search(r"(?i)\bbetween\b", gap):
            return []
        return self._compound(first, after)

    def _noun_arguments(self, p: Pattern, start: int, end: int, before, after, sentence):
        """An event noun needs its actor named with it: "Pakistan's airstrikes on Kabul",
        "airstrikes by Pakistan", "Haqqani issued a warning to Pakistan", "talks between X and Y"."""
        text = self.text
        between = [
            m
            for m in after
            if cue.BETWEEN.search(text[max(end, m.start - 12) : m.start]) and m.start - end < 30
        ]
        if between and p.symmetric:
            return self._compound(between[0], after), []
        sources: list[Mention] = []
        gift = self._gift(before, start, sentence)
        if gift[0]:
            return gift  # "Finland will give Tanzania a grant"
        poss = [m for m in before if re.fullmatch(r"['’]s?\s+(?:[\w-]+\s+){0,3}", text[m.end : start])]
        if not poss and before and cue.THEIR.search(text[max(sentence.start, start - 40) : start]):
            poss = [before[-1]]  # "Israel mounted its long-threatened invasion"
        light = cue.LIGHT_VERB.search(text[max(sentence.start, start - 50) : start])
        by = re.match(r"(?i)\s+(?:\w+\s+){0,2}?by\s+$", text[end : after[0].start]) if after else None
        adjunct = [m for m in before if re.fullmatch(r"\s+(?:[a-z-]+\s+){0,1}", text[m.end : start])]
        if adjunct and not poss:
            poss = adjunct
        if poss:
            sources = self._group_before(before[: before.index(poss[-1]) + 1])
        elif by:
            sources = self._compound(after[0], after)
            after = [m for m in after if m.start > sources[-1].end]
        elif light:
            lv_start = max(sentence.start, start - 50) + light.start()
            subj = [m for m in before if m.end <= lv_start]
            sources = self._group_before(subj)
        elif (
            p.symmetric
            and before
            and re.match(r"(?i)\s*(?:have|has|had)?\s*(?:held|hold|holding)\b", text[before[-1].end : start])
        ):
            sources = self._group_before(before)
        elif p.type == "CONSULT" and before and after and cue.WITH.fullmatch(text[end : after[0].start]):
            sources = self._group_before(before)  # "Muttaqi was in Delhi for a meeting with Jaishankar"
        if not sources:
            return self._gift(before, start, sentence)
        targets = []
        if after:
            gap = text[end : after[0].start]
            benefit = p.type in ("SUPPORT", "AID") and cue.FOR.fullmatch(gap)  # "support for Pakistan"
            patient = self.p.types[p.type].quad == 4 and cue.OF.fullmatch(gap)  # "invasion of South Lebanon"
            if cue.NOUN_PREP.fullmatch(gap) or benefit or patient:
                targets = self._compound(after[0], after)
        return sources, targets

    def _gift(self, before: list[Mention], start: int, sentence):
        """ "The EU gave Mali 5 million dollars of aid": giver and recipient of an event noun."""
        for i in range(len(before) - 1, -1, -1):
            m = before[i]
            give = cue.GIVE.search(self.text[max(sentence.start, m.start - 20) : m.start])
            if give and cue.GIFT.fullmatch(self.text[m.end : start]):
                give_at = max(sentence.start, m.start - 20) + give.start()
                sources = self._group_before([x for x in before[:i] if x.end <= give_at])
                return (sources, [m]) if sources else (None, [])
        return None, []

    def _in_condition(self, sentence, pos: int) -> bool:
        """Inside the antecedent of a condition: "if Pakistan attempts ...," "should Pakistan ..."."""
        head = self.text[sentence.start : pos]
        last = None
        for last in cue.IF.finditer(head):  # noqa: B007 - the last match is the one that counts
            pass
        return last is not None and "," not in head[last.end() :]

    def _group_before(self, before: list[Mention]) -> list[Mention]:
        """The subject: the nearest actor before the trigger, with those joined to it by "and"."""
        if not before:
            return []
        group = [before[-1]]
        i = len(before) - 2
        while i >= 0 and cue.JOIN.fullmatch(self.text[before[i].end : group[0].start]):
            if cue.ACCORDING_TO.search(self.text, max(0, before[i].start - 60), before[i].start):
                break  # "According to the minister, the delegation insisted": who tells, not who acts
            group.insert(0, before[i])
            i -= 1
        return group

    def _compound(self, first: Mention, mentions: list[Mention]) -> list[Mention]:
        group = [first]
        rest = [m for m in mentions if m.start > first.start]
        for m in rest:
            if cue.JOIN.fullmatch(self.text[group[-1].end : m.start]):
                group.append(m)
            else:
                break
        return group

    def _emit_symmetric(self, sentence, sides: list[Mention], p: Pattern, start: int, end: int) -> None:
        for a in sides:
            for b in sides:
                if a is not b:
                    self._emit(sentence, a, b, p, start, end, mutual=True)

    def _emit_mediation(self, sentence, mediators, targets, p: Pattern, start: int, end: int) -> None:
        mediator_countries = {self.a.actors[m.actor_key].country for m in mediators}
        parties = [m for m in targets if self.a.actors[m.actor_key].country not in mediator_countries]
        keys = {self.a.actors[m.actor_key].country for m in parties}
        extra = [c for c in self.top_countries if c not in mediator_countries and c not in keys]
        for m in mediators:
            for t in parties:
                self._emit(sentence, m, t, p, start, end)
            for c in extra[: 0 if keys else 2]:
                target_key = self._country_actor(c)
                if target_key:
                    self._emit(sentence, m, None, p, start, end, target_key=target_key)

    def _country_actor(self, country: str) -> str | None:
        if country not in self.country_actor:
            self.country_actor[country] = self._find_country_actor(country)
        return self.country_actor[country]

    def _find_country_actor(self, country: str) -> str | None:
        for key, actor in self.a.actors.items():
            if actor.country == country and actor.kind == "state":
                return key
        keys = self.country_keys.get(country)
        return keys[0] if keys else None

    def _sentence_time(self, sentence, future: bool):
        """(conditional?, date, precision, historical?) of a sentence, computed once."""
        cached = self.time_cache.get((sentence.index, future))
        if cached is None:
            s_text = self.text[sentence.start : sentence.end]
            day, precision = resolve_date(s_text, self.a.published, future)
            cached = (
                bool(cue.CONDITION.search(s_text)),
                day,
                precision,
                is_historical(s_text, day, self.a.published),
            )
            self.time_cache[(sentence.index, future)] = cached
        return cached

    def _emit(
        self,
        sentence,
        src: Mention,
        tgt: Mention | None,
        p: Pattern,
        start: int,
        end: int,
        target_key: str | None = None,
        implicit: bool = False,
        mutual: bool = False,
    ) -> None:
        src_key = src.actor_key
        tgt_key = target_key or (tgt.actor_key if tgt else None)
        key = (src_key, p.type, tgt_key, sentence.index)
        if (tgt_key == src_key and not (implicit and p.type in cue.SELF_DIRECTED)) or key in self.seen:
            return  # an actor does not act on itself (unless at home, no one else named); once per sentence
        self.seen.add(key)
        clause_start, _ = self._clause(sentence, start)
        lead = self.text[max(clause_start, start - 40) : start]
        negated = not p.refusal and (
            bool(cue.NEGATION.search(self.text[max(clause_start, start - 25) : start]))
            or start in self.tree_negated
        )
        future = bool(cue.FUTURE.search(lead)) and p.type not in ("THREATEN",)
        hypothetical, day, precision, historical = self._sentence_time(sentence, future)
        if historical:
            when = "historical"
        elif future and not hypothetical:
            when = "future"
        else:
            when = "current"
        if day is None and when == "current" and self.a.published:
            day, precision = self.a.published, "publication"
        t = self.p.types[p.type]
        score = -10.0 if p.type == "ASSAULT" and p.mode == "unconventional" else t.score
        confidence = 0.9 if not implicit else (0.5 if tgt_key else 0.6)
        if abs(src.start - start) > 120:
            confidence -= 0.2
        self.trigger_starts.append(start)
        self.events.append(
            Event(
                source_keys=[src_key],
                type=p.type,
                target_keys=[tgt_key] if tgt_key else [],
                sentence=sentence.index,
                start=sentence.start,
                end=sentence.end,
                mode=p.mode,
                when=when,
                negated=negated,
                hypothetical=hypothetical,
                context=p.context,
                date=day,
                date_precision=precision,
                attributed_to=self._attribution(sentence),
                confidence=round(max(0.1, confidence), 2),
                mutual=mutual,
                trigger=self.text[start:end],
                cameo=t.cameo,
                quad_class=t.quad,
                score=score,
            )
        )

    def _attribution(self, sentence) -> str | None:
        """Who the sentence's claim comes from: "according to NDTV", "Ariana News reported"."""
        if sentence.index not in self.attribution_cache:
            self.attribution_cache[sentence.index] = self._find_attribution(sentence)
        return self.attribution_cache[sentence.index]

    def _reporter_clause(self, sentence) -> int:
        """Where a closing ", X said on Monday." starts in a sentence (its end if there is none)."""
        start = self.reporter_cache.get(sentence.index)
        if start is None:
            m = cue.REPORTER.search(self.text, sentence.start, sentence.end)
            start = self.reporter_cache[sentence.index] = m.start() if m else sentence.end
        return start

    def _find_attribution(self, sentence) -> str | None:
        """The outlet a sentence cites ("according to NDTV"), else who closes it ("..., X said")."""
        s_text = self.text[sentence.start : sentence.end]
        if cue.ATTRIBUTION.search(s_text):
            for m in self._mentions_in(sentence.start, sentence.end):
                if self.a.actors[m.actor_key].sector == "JRN":
                    return self.a.actors[m.actor_key].name
        tail = self._reporter_clause(sentence)
        closing = self._mentions_in(tail, sentence.end)
        return self.a.actors[closing[0].actor_key].name if closing else None

    def _mentions_in(self, start: int, end: int) -> list[Mention]:
        """The mentions that start in [start, end), by position (a bisection, not a scan)."""
        return self.ordered[bisect.bisect_left(self.starts, start) : bisect.bisect_left(self.starts, end)]

    def _candidates(self, sentence, mentions: list[Mention], triggers) -> None:
        """A verb between two actors that no pattern knows: recorded, never coded."""
        for a, b in itertools.pairwise(mentions):
            gap = self.text[a.end : b.start]
            m = re.fullmatch(r"\s+((?:\w+ly\s+)?([a-z]+(?:ed|s)))\s+(?:the\s+|to\s+|with\s+)?", gap)
            if any(a.end <= t[0] < b.start for t in triggers) or cue.NOT_CANDIDATE.match(gap.strip()):
                continue
            if m and a.actor_key != b.actor_key:
                self.candidates.append(Candidate(m.group(2), a.actor_key, b.actor_key, sentence.index))


def _union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Half-open spans merged where they overlap, sorted."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        elif start < end:
            merged.append((start, end))
    return merged
