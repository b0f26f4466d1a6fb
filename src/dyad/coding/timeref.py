"""Dates in the text resolved against the publication date, and whether an event is history."""

from __future__ import annotations

import re
from datetime import date, timedelta

_MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTHS = {m: i for i, m in enumerate(_MONTH_NAMES, 1)}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_DAYS = {
    d: i for i, d in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))
}
# month and weekday names as written in text: never a name or a place
CALENDAR_WORDS = tuple(w.capitalize() for w in (*_MONTH_NAMES, *_DAYS))
_MONTH_DAY = re.compile(
    r"\b(?:on\s+)?(" + "|".join(_MONTHS) + r")\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4}))?", re.I
)
_DAY_MONTH = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(" + "|".join(_MONTHS) + r")\b(?:,?\s+(\d{4}))?", re.I
)
_WEEKDAY = re.compile(r"\b(?:on\s+|last\s+|this\s+|next\s+)?(" + "|".join(_DAYS) + r")\b", re.I)
_RELATIVE = re.compile(
    r"\b(yesterday|today|tonight|last night|overnight|tomorrow|last week|last month|"
    r"last year|next week|next month|earlier this week|this week|this month)\b",
    re.I,
)
_YEAR = re.compile(r"\b(?:in|since|during|of)\s+(1[89]\d\d|20\d\d)\b")
_DECADE = re.compile(r"\b(?:in\s+)?the\s+(1[89]\d0)s\b")
_DIGIT = re.compile(r"\d")
# every relative expression and weekday holds one of these (lower-cased; none has the letters i,
# s or k, which case-insensitive matching also finds as ı, İ, ſ and the Kelvin sign)
_RELATIVE_HINTS = ("day", "ght", "wee", "month", "year", "tomorrow")
HISTORY_WORDS = re.compile(
    r"(?i)\b(post[-\u2011]9/11|after 9/11|recalled|recounted|recalling|in past conflicts|previous wars|"
    r"decades ago|years ago|for decades|in the past|historically|former soviet union|soviet war|"
    r"during the (?:cold )?war|jointly fought)\b"
)


def resolve_date(
    sentence: str, published: date | None, future: bool = False
) -> tuple[date | None, str | None]:
    """The date a sentence speaks of, and its precision (day, month, year); else (None, None)."""
    base = published
    digits = _DIGIT.search(sentence) is not None  # dates and years are written with digits
    m = _MONTH_DAY.search(sentence) if digits else None
    if m:
        month, day, year = (
            _MONTHS[m.group(1).lower()[:3] if m.group(1).lower()[:4] != "sept" else "sep"],
            int(m.group(2)),
            m.group(3),
        )
        return _dated(month, day, year, base)
    m = _DAY_MONTH.search(sentence) if digits else None
    if m:
        return _dated(_MONTHS[m.group(2).lower()[:3]], int(m.group(1)), m.group(3), base)
    if base is not None and _may_be_relative(sentence):
        m = _RELATIVE.search(sentence)
        if m:
            word = m.group(1).lower()
            delta = {
                "yesterday": -1,
                "last night": -1,
                "overnight": 0,
                "today": 0,
                "tonight": 0,
                "tomorrow": 1,
            }.get(word)
            if delta is not None:
                return base + timedelta(days=delta), "day"
            if word in ("last week", "earlier this week", "this week", "next week"):
                shift = {"last week": -7, "next week": 7}.get(word, 0)
                return base + timedelta(days=shift), "week"
            if word in ("last month", "this month", "next month"):
                month = base.month + {"last month": -1, "next month": 1}.get(word, 0)
                year = base.year + (month - 1) // 12
                return date(year, (month - 1) % 12 + 1, 1), "month"
            if word == "last year":
                return date(base.year - 1, 1, 1), "year"
        m = _WEEKDAY.search(sentence)
        if m:
            target = _DAYS[m.group(1).lower()]
            ahead = future or m.group(0).lower().startswith("next")
            shift = (target - base.weekday()) % 7 if ahead else -((base.weekday() - target) % 7)
            return base + timedelta(days=shift), "day"
    if not digits:
        return None, None
    m = _YEAR.search(sentence)
    if m:
        return date(int(m.group(1)), 1, 1), "year"
    m = _DECADE.search(sentence)
    if m:
        return date(int(m.group(1)), 1, 1), "decade"
    return None, None


def _may_be_relative(sentence: str) -> bool:
    low = sentence.lower()
    return any(h in low for h in _RELATIVE_HINTS)


def _dated(month: int, day: int, year: str | None, base: date | None) -> tuple[date | None, str | None]:
    try:
        if year:
            return date(int(year), month, day), "day"
        if base is None:
            return None, None
        d = date(base.year, month, day)
        if d > base + timedelta(days=31):  # "December 29" in a January article: last year
            d = date(base.year - 1, month, day)
        return d, "day"
    except ValueError:
        return None, None


def is_historical(sentence: str, day: date | None, published: date | None) -> bool:
    """The sentence speaks of the past, not of the news: years back, or words that say so."""
    if HISTORY_WORDS.search(sentence):
        return True
    return bool(day and published and (published - day).days > 365)
