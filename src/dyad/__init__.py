"""dyad: political event data from news, with provenance."""

from .api import Dyad, IngestReport, open, process
from .model import Actor, Article, Event, Mention, Quote, Sentence

__all__ = [
    "Actor",
    "Article",
    "Dyad",
    "Event",
    "IngestReport",
    "Mention",
    "Quote",
    "Sentence",
    "open",
    "process",
]
__version__ = "0.1.0"
