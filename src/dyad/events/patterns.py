"""Event patterns as data: events.yaml and ontology.yaml, validated, with the verb forms news uses."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache

import ahocorasick

from ..errors import KnowledgeError
from ..knowledge.files import LINE, data_path, load_yaml


@dataclass(frozen=True, slots=True)
class Pattern:
    """One entry of events.yaml: words that signal an event type."""

    type: str
    kind: str  # verb | noun
    mode: str | None
    context: str | None
    symmetric: bool
    line: int
    refusal: bool = False  # a refusal coded as REJECT ("will not lift the ban"): not also negated
    received: bool = False  # the subject receives; the giver is named after "from"
    object_to: bool = False  # an act only with an actor and "to" after it ("told Israel to ...")


@dataclass(frozen=True, slots=True)
class EventType:
    quad: int
    cameo: str
    score: float
    needs_target: bool


@dataclass(frozen=True)
class Patterns:
    forms: dict[str, Pattern]
    verb_forms: dict[str, Pattern]
    lemmas: frozenset[str]  # the bare forms of the verbs
    automaton: ahocorasick.Automaton
    types: dict[str, EventType]
    # an inflected verb -> the noun phrases that complete it ("lifted" -> "blockade" RETREAT)
    objects: dict[str, list[tuple[str, Pattern]]]


_IRREGULAR = {
    "expel": ["expelled", "expelling"],
    "patrol": ["patrolled", "patrolling"],
    "control": ["controlled", "controlling"],
    "admit": ["admitted", "admitting"],
    "permit": ["permitted", "permitting"],
    "ship": ["shipped", "shipping"],
    "stop": ["stopped", "stopping"],
    "kidnap": ["kidnapped", "kidnapping"],
    "compel": ["compelled", "compelling"],
    "rebel": ["rebelled", "rebelling"],
    "equip": ["equipped", "equipping"],
    "plan": ["planned", "planning"],
    "meet": ["met"],
    "tell": ["told"],
    "burn": ["burnt", "burned"],
    "hold": ["held"],
    "withdraw": ["withdrew", "withdrawn"],
    "strike": ["struck"],
    "fight": ["fought"],
    "shoot": ["shot"],
    "hit": ["hit"],
    "give": ["gave", "given"],
    "seek": ["sought"],
    "take": ["took", "taken"],
    "send": ["sent"],
    "speak": ["spoke", "spoken"],
    "lead": ["led"],
    "break": ["broke", "broken"],
    "bring": ["brought"],
    "leave": ["left"],
    "deny": ["denied"],
    "ally": ["allied"],
    "cut": ["cut"],
    "shut": ["shut"],
    "set": ["set"],
    "put": ["put"],
    "free": ["freed", "freeing"],
    "go": ["went", "gone"],
    "pay": ["paid"],
    "wage": ["waged"],
    "broker": ["brokered", "brokering"],
    "sever": ["severed", "severing"],
    "offer": ["offered", "offering"],
    "deliver": ["delivered", "delivering"],
    "question": ["questioned", "questioning"],
    "visit": ["visited", "visiting"],
    "target": ["targeted", "targeting"],
    "label": ["labelled", "labeled", "labelling"],
    "commit": ["committed", "committing"],
    "ban": ["banned", "banning"],
    "bomb": ["bombed", "bombing"],
    "partner": ["partnered", "partnering"],
    "harbour": ["harboured", "harbouring"],
    "harbor": ["harbored", "harboring"],
    "shelter": ["sheltered", "sheltering"],
    "phone": ["phoned", "phoning"],
    "telephone": ["telephoned", "telephoning"],
    "open": ["opened", "opening"],
    "reopen": ["reopened", "reopening"],
    "massacre": ["massacred", "massacring"],
    "pledge": ["pledged", "pledging"],
    "riot": ["rioted", "rioting"],
    "abduct": ["abducted"],
    "swear": ["swore", "sworn"],
    "cancel": ["cancelled", "cancelling", "canceled", "canceling"],
    "throw": ["threw", "thrown"],
    "blow": ["blew", "blown"],
    "forgive": ["forgave", "forgiven"],
    "retake": ["retook", "retaken"],
    "overrun": ["overran"],
}


# what may follow a verb in a phrase without being its object ("call on", "impose a curfew")
_PARTICLES = frozenset(
    {
        "a",
        "an",
        "the",
        "its",
        "their",
        "on",
        "out",
        "for",
        "to",
        "in",
        "back",
        "down",
        "up",
        "with",
        "by",
        "off",
        "over",
    }
)


# the particles of a phrasal verb: "hand over medicine" is "hand over" and its object
_ADVERBS = frozenset({"on", "out", "back", "down", "up", "off", "over"})
# a verb phrase ending in a preposition ("protest against") takes no modifiers before it
_PREPOSITIONS = frozenset({"against", "into", "from", "about", "of", "at"})


def inflect(lemma: str) -> list[str]:
    """A verb (or verb phrase: its first word inflects, and a determiner may follow it: "impose a
    curfew") in the forms news uses."""
    head, _, rest = lemma.partition(" ")
    if rest and rest.split()[0] not in _PARTICLES:
        tails = [f" {rest}"] + [f" {d} {rest}" for d in ("a", "an", "the", "its", "their", "his", "her")]
    else:
        tails = [f" {rest}" if rest else ""]
    return sorted(f + tail for f in _verb_forms(head) for tail in tails)


def _verb_forms(head: str) -> list[str]:
    forms = {head}
    if head in _IRREGULAR:
        forms |= set(_IRREGULAR[head])
    if head.endswith(("s", "sh", "ch", "x", "z")):
        forms.add(head + "es")
    elif head.endswith("y") and head[-2:-1] not in "aeiou":
        forms.add(head[:-1] + "ies")
    else:
        forms.add(head + "s")
    if not any(f.endswith("ed") for f in forms):
        if head.endswith("e"):
            forms.add(head + "d")
        elif head.endswith("y") and head[-2:-1] not in "aeiou":
            forms.add(head[:-1] + "ied")
        elif re.search(r"[^aeiou][aeiou][bdgklmnprt]$", head) and len(head) <= 4:
            forms.add(head + head[-1] + "ed")
        else:
            forms.add(head + "ed")
    if not any(f.endswith("ing") for f in forms):
        if head.endswith("ie"):
            forms.add(head[:-2] + "ying")
        elif head.endswith("e") and not head.endswith("ee"):
            forms.add(head[:-1] + "ing")
        elif re.search(r"[^aeiou][aeiou][bdgklmnprt]$", head) and len(head) <= 4:
            forms.add(head + head[-1] + "ing")
        else:
            forms.add(head + "ing")
    return sorted(forms)


_ALLOWED = {"type", "verbs", "nouns", "mode", "context", "symmetric", "received", "object_to", LINE}


@dataclass
class _Tables:
    """The lookup tables that load_patterns fills, entry by entry."""

    forms: dict[str, Pattern] = field(default_factory=dict)
    verb_forms: dict[str, Pattern] = field(default_factory=dict)
    lemmas: set[str] = field(default_factory=set)
    literal: set[str] = field(default_factory=set)  # words listed as themselves
    objects: dict[str, list[tuple[str, Pattern]]] = field(default_factory=dict)


@lru_cache(maxsize=1)
def load_patterns() -> Patterns:
    """events.yaml and ontology.yaml, validated; errors name the file and line."""
    types = _event_types()
    path = data_path("events.yaml")
    entries = load_yaml(path)
    if not isinstance(entries, list):
        raise KnowledgeError(str(path), None, "must be a list of patterns")
    tables = _Tables()
    for e in entries:
        line = _checked_entry(str(path), e, types)
        for kind in ("verbs", "nouns"):
            words = e.get(kind) or []
            if not all(isinstance(w, str) and w.strip() for w in words):
                raise KnowledgeError(str(path), line, f"'{kind}' must be a list of words")
            p = Pattern(
                e["type"],
                kind[:-1],
                e.get("mode"),
                e.get("context"),
                bool(e.get("symmetric", False)),
                line,
                received=bool(e.get("received", False)),
                object_to=bool(e.get("object_to", False)),
            )
            for w in words:
                _add_word(tables, w.lower(), kind, p)
    auto = ahocorasick.Automaton()
    for form in (
        tables.forms.keys() | tables.objects.keys()
    ):  # a head only in phrases ("reduced food supplies") too
        auto.add_word(form, form)
    auto.make_automaton()
    return Patterns(tables.forms, tables.verb_forms, frozenset(tables.lemmas), auto, types, tables.objects)


def _event_types() -> dict[str, EventType]:
    """ontology.yaml's event types: QuadClass, CAMEO code, score, whether a recipient is needed."""
    onto = load_yaml(data_path("ontology.yaml"))
    types = {}
    for name, spec in onto["types"].items():
        if name == LINE:
            continue
        types[name] = EventType(
            spec["quad"], spec["cameo"], float(spec["score"]), bool(spec.get("target", False))
        )
    return types


def _checked_entry(path: str, e: object, types: dict[str, EventType]) -> int | None:
    """The line of an events.yaml entry, after checking its fields and type (KnowledgeError)."""
    line = e.get(LINE) if isinstance(e, dict) else None
    if not isinstance(e, dict) or set(e) - _ALLOWED:
        raise KnowledgeError(path, line, f"unknown field(s): {sorted(set(e) - _ALLOWED)}")
    if e.get("type") not in types:
        raise KnowledgeError(path, line, f"unknown event type {e.get('type')!r}")
    if not e.get("verbs") and not e.get("nouns"):
        raise KnowledgeError(path, line, "a pattern needs 'verbs' or 'nouns'")
    return line


def _add_word(tables: _Tables, w: str, kind: str, p: Pattern) -> None:
    """One listed word or phrase (lowercased) in the tables: a verb in all its forms, a verb
    phrase also as its head with the object that completes it, a noun as itself."""
    if kind == "verbs":
        tables.lemmas.add(w.split()[0])
        head, *rest = w.split()
        particles = list(itertools.takewhile(_ADVERBS.__contains__, rest))
        rest = rest[len(particles) :]
        if rest and rest[0] not in _PARTICLES | _PREPOSITIONS:
            for f in _verb_forms(head):
                tables.objects.setdefault(" ".join([f, *particles]), []).append((" ".join(rest), p))
    for form in inflect(w) if kind == "verbs" else [w]:
        if kind == "verbs":
            tables.verb_forms.setdefault(form, p)
        exact = form == w
        if form in tables.literal and not exact:
            continue  # a word listed as itself wins over an inflected form
        tables.forms[form] = p
        if exact:
            tables.literal.add(form)
