"""Event patterns as data: events.yaml and ontology.yaml, validated, with the verb forms news uses."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import ahocorasick

from ...errors import KnowledgeError
from ...knowledge.files import LINE, data_path, load_yaml
from ...linguistic.inflection import PARTICLES as _PARTICLES
from ...linguistic.inflection import inflect, verb_forms


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
    content: bool = False  # the object is what the act is about, not whom ("discussed Syria with")
    object_actor: bool = False  # an act only with an actor as its object ("called Lavrov")
    given_to: bool = False  # an act only with a thing given to an actor ("returned the relics to Peru")
    things: frozenset[str] = frozenset()  # ... and only a thing of these (or money: "gave $2 million to")


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

    @cached_property
    def nouns(self) -> frozenset[str]:
        """The one-word event nouns ("talks", "attack")."""
        return frozenset(f for f, p in self.forms.items() if p.kind == "noun" and " " not in f)


# the particles of a phrasal verb: "hand over medicine" is "hand over" and its object
_ADVERBS = frozenset({"on", "out", "back", "down", "up", "off", "over"})
# a verb phrase ending in a preposition ("protest against") takes no modifiers before it
_PREPOSITIONS = frozenset({"against", "into", "from", "about", "of", "at"})


_ALLOWED = {"type", "verbs", "nouns", "mode", "context", "symmetric", "received", "object_to", "content"}
_ALLOWED |= {"object_actor", "given_to", "things", LINE}


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
                content=bool(e.get("content", False)),
                object_actor=bool(e.get("object_actor", False)),
                given_to=bool(e.get("given_to", False)) or bool(e.get("things")),
                things=frozenset(w.lower() for w in e.get("things") or ()),
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
    things = e.get("things", [])
    if not isinstance(things, list) or not all(isinstance(w, str) and w.strip() for w in things):
        raise KnowledgeError(path, line, "'things' must be a list of words")
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
            for f in verb_forms(head):
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
