"""The knowledge base: countries, organisations, people, sector nouns and titles, as data.

`model` holds what is known (entities, phrases, titles, the Knowledge that indexes them),
`loading` reads the data files into it, `schema` validates them, `files` finds and parses them.
"""

from .loading import BUILTIN, STARTER, load_knowledge
from .loading import _load_leaders as _load_leaders
from .loading import _load_places as _load_places
from .model import (
    Entity,
    Knowledge,
    Phrase,
    Title,
    match_form,
    norm_key,
    person_key,
    short_forms,
    surnames_of,
)
from .schema import Code

__all__ = [
    "BUILTIN",
    "STARTER",
    "Code",
    "Entity",
    "Knowledge",
    "Phrase",
    "Title",
    "load_knowledge",
    "match_form",
    "norm_key",
    "person_key",
    "short_forms",
    "surnames_of",
]
