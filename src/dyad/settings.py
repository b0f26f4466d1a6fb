"""Settings in one typed object, passed down rather than kept as globals."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_DB = "dyad.db"


def default_db() -> str:
    """The store (a path or a postgresql:// URL): DYAD_DB if set, else ./dyad.db."""
    return os.environ.get("DYAD_DB") or DEFAULT_DB


@dataclass(frozen=True)
class Settings:
    """What a pipeline run needs to know besides the article."""

    max_bytes: int = 20 * 1024 * 1024  # one article (a JSONL file may be larger: it streams)
    min_chars: int = 40  # cleaned text shorter than this is not an article
    actor_files: tuple[Path, ...] = field(default_factory=tuple)  # the user's own knowledge
    use_starter_people: bool = True  # the knowledge base's current office holders
    # the language layer (spaCy's parse and entities); without it dyad codes about ten times faster
    # from its dictionaries and patterns alone, and learns no actor and no speaker from the parse
    parse: bool = True
    # link reports of one real event across articles into event clusters after each ingest
    cluster_events: bool = True
