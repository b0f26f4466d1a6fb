"""Events, quotes and actors as pandas DataFrames: real dates, codes as categories. pandas is an
optional extra (pip install 'dyad[pandas]'); without it, a one-line DyadError says so."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..errors import DyadError
from ..knowledge.schema import EVENT_TYPES
from ..store import QUOTE_COLUMNS

if TYPE_CHECKING:
    import pandas as pd

EVENT_CATEGORIES = (
    "source_country",
    "source_sector",
    "target_country",
    "target_sector",
    "mode",
    "context",
    "when",
    "cameo",
    "date_precision",
    "outlet",
)


class Frames:
    """Dyad's views as DataFrames (mixed into Dyad, whose `events`, `quotes` and `actors` they use)."""

    def events_frame(self, **filters: Any) -> pd.DataFrame:
        """`events(...)` as a pandas DataFrame (same filters): real dates, codes as categories."""
        return events_frame(self.events(**filters))  # type: ignore[attr-defined]

    def quotes_frame(self, **filters: Any) -> pd.DataFrame:
        """`quotes(...)` as a pandas DataFrame (same filters)."""
        return quotes_frame(self.quotes(**filters))  # type: ignore[attr-defined]

    def actors_frame(self, limit: int | None = None) -> pd.DataFrame:
        """`actors()` as a pandas DataFrame: one row per actor and code."""
        return actors_frame(self.actors(limit))  # type: ignore[attr-defined]


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise DyadError("DataFrames need pandas: pip install 'dyad[pandas]'") from None
    return pandas


def events_frame(rows: list[dict]) -> pd.DataFrame:
    """One row per event: `date` (the event's own date, else its article's) and `published` as
    datetime64, `type` an ordered category of the 16 PLOVER types, `quad_class` a category of 1-4,
    and the country, sector and other codes as categories."""
    pd = _pandas()
    frame = pd.DataFrame(rows, columns=_columns(rows))
    frame["date"] = pd.to_datetime(frame["date"].fillna(frame["published"]), errors="coerce")
    frame["published"] = pd.to_datetime(frame["published"], errors="coerce")
    frame["type"] = pd.Categorical(frame["type"], categories=list(EVENT_TYPES))
    frame["quad_class"] = pd.Categorical(frame["quad_class"], categories=[1, 2, 3, 4], ordered=True)
    for name in EVENT_CATEGORIES:
        frame[name] = frame[name].astype("category")
    return frame


def quotes_frame(rows: list[dict]) -> pd.DataFrame:
    """One row per quotation: `published` as datetime64, the speaker's codes as categories."""
    pd = _pandas()
    frame = pd.DataFrame(rows, columns=_columns(rows, _QUOTE_COLUMNS))
    frame["published"] = pd.to_datetime(frame["published"], errors="coerce")
    for name in ("country", "sector", "outlet"):
        frame[name] = frame[name].astype("category")
    return frame


def actors_frame(rows: list[dict]) -> pd.DataFrame:
    """One row per actor and code: kind, country, sector and origin as categories."""
    pd = _pandas()
    frame = pd.DataFrame(rows, columns=_columns(rows, _ACTOR_COLUMNS))
    for name in ("kind", "country", "sector", "origin"):
        frame[name] = frame[name].astype("category")
    return frame


_QUOTE_COLUMNS = QUOTE_COLUMNS
_ACTOR_COLUMNS = ("id", "name", "kind", "country", "sector", "role", "origin", "key", "mentions", "articles")


def _columns(rows: list[dict], default: tuple[str, ...] | None = None) -> list[str]:
    """The rows' columns (those of an empty result too, so a filter that selects nothing still
    gives a frame with every column)."""
    if rows:
        return list(rows[0])
    if default is None:
        from ..store import Store

        default = Store.EVENT_COLUMNS
    return list(default)
