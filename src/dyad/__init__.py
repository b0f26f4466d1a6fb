"""dyad: political event data from news, with provenance.

    import dyad

    with dyad.open("dyad.db") as d:          # a store made by `dyad ingest` or `dyad demo`
        for e in d.events(source="PAK", target="AFG", since="2025-10-01", limit=5):
            print(e["date"], e["source"], e["type"], e["target"], "|", e["evidence"])
        frame = d.events_frame(event_type="ASSAULT")    # pandas (pip install 'dyad[pandas]')

Events are counted when current and not negated (`when=None, negated=None` gives them all); dates
are YYYY-MM-DD; a bad filter raises `FilterError` naming it. `dyad.process(text)` codes one
article without a store.
"""

from .api import Dyad, IngestReport, open, process
from .filters import FilterError
from .model import Actor, Article, Event, Mention, Quote, Sentence

__all__ = [
    "Actor",
    "Article",
    "Dyad",
    "Event",
    "FilterError",
    "IngestReport",
    "Mention",
    "Quote",
    "Sentence",
    "open",
    "process",
]
__version__ = "0.1.0"
