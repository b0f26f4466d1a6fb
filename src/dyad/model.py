"""The article model that flows through the pipeline, and everything found in it."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(slots=True)
class Sentence:
    """A sentence as a character span of the cleaned text."""

    index: int
    start: int
    end: int


@dataclass(slots=True)
class Actor:
    """A canonical actor: one identity (country + sector + role) across mentions and articles."""

    key: str
    name: str
    kind: str
    country: str
    sector: str
    role: str | None = None
    origin: str = "dictionary"  # dictionary | learned | user


@dataclass(slots=True)
class Mention:
    """A span of the text that refers to an actor."""

    start: int
    end: int
    text: str
    actor_key: str
    sentence: int
    how: str  # name, alias, demonym, capital, agent, title, surname, role, ...
    locative: bool = False


@dataclass(slots=True)
class Quote:
    """A direct quotation and its speaker (filled by the quotes stage)."""

    start: int
    end: int
    text: str
    speaker_key: str | None
    sentence: int


@dataclass(slots=True)
class Event:
    """A PLOVER event: who did what to whom, when, and the evidence for it."""

    source_keys: list[str]
    type: str
    target_keys: list[str]
    sentence: int
    start: int  # evidence span (character offsets into the cleaned text)
    end: int
    mode: str | None = None
    when: str = "current"  # current | historical | future
    negated: bool = False
    hypothetical: bool = False
    context: str | None = None
    date: date | None = None
    date_precision: str | None = None  # day | week | month | year | decade | publication
    attributed_to: str | None = None  # the outlet or speaker the claim comes from
    confidence: float = 0.5
    mutual: bool = False  # one side of a joint act ("X and Y agreed"), coded in both directions
    root: bool = False  # the sentence's principal event (its first act outside a leading adjunct)
    trigger: str = ""
    cameo: str | None = None
    quad_class: int | None = None
    score: float | None = None
    # where it happened (the locations stage): the place as written, and as the gazetteer resolves it
    geo_name: str | None = None
    geo_resolved: str | None = None
    geo_country: str | None = None  # ISO 3166 alpha-3
    geo_adm1: str | None = None  # ISO alpha-2 + first-level division code ("AF13")
    geo_lat: float | None = None
    geo_lon: float | None = None
    geo_feature: str | None = None  # GeoNames id
    geo_precision: str | None = None  # city | admin1 | country; None: not resolved
    geo_from: str | None = None  # clause | sentence | dateline


@dataclass(slots=True)
class Candidate:
    """A verb between two actors that no event pattern knows (for the knowledge's authors)."""

    verb: str
    source_key: str
    target_key: str
    sentence: int


@dataclass
class Article:
    """One article: raw input, cleaned text, metadata, and what the stages found in it."""

    raw: str
    format: str = "text"  # text | html
    source: str = "-"
    doc_id: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: date | None = None
    text: str = ""
    language: str | None = None
    flags: list[str] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    actors: dict[str, Actor] = field(default_factory=dict)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    # the language layer: sentence index -> its spaCy Doc (parsed sentences only; not stored)
    parses: dict[int, Any] = field(default_factory=dict, repr=False)

    @property
    def content_hash(self) -> str:
        """Identity of the article: the cleaned text with whitespace folded (kept until the text
        changes: the ingest asks for it several times)."""
        text, cached = self.text, self.__dict__.get("_hash_of")
        if cached is not None and cached[0] is text:
            return cached[1]
        digest = hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()
        self.__dict__["_hash_of"] = (text, digest)
        return digest

    @property
    def is_english(self) -> bool:
        return self.language == "en"

    def sentence_text(self, sentence: Sentence) -> str:
        return self.text[sentence.start : sentence.end]

    def flag(self, name: str) -> None:
        if name not in self.flags:
            self.flags.append(name)

    def mentions_of(self, key: str) -> list[Mention]:
        return [m for m in self.mentions if m.actor_key == key]
