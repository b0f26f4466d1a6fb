"""Actor mentions found in the text and resolved to canonical actors (country + sector + role).

The stage runs in `stage.py`; the passes it runs, in order of their modules:
`recognition` (dictionary phrases, known people, ships), `titles` and `names` (people introduced by
a title), `people` (people named where they are quoted), `agents` (sector nouns with or without a
country), `resolution` (later mentions by surname, role or "the" + head noun). `finder` holds what
one article's passes share.
"""

from .finder import Finder
from .people import Person
from .stage import find_actors

_Person = Person  # the name `dyad.entities` imports

__all__ = ["Finder", "Person", "find_actors"]
