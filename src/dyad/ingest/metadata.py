"""Article metadata from the text itself: the title line and the publication date."""

from __future__ import annotations

import re
from datetime import date, datetime

from dateutil import parser as dateparser

from .fields import LIMITS

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_DATES = [
    re.compile(rf"\b(?:{_MONTHS})\.? \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}\b"),
    re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)? (?:{_MONTHS})\.?,? \d{{4}}\b"),
    re.compile(r"\b\d{4}-\d{2}-\d{2}\b"),
]
MAX_DATE_CHARS = LIMITS["published"]
_BYLINE = re.compile(r"(?i)^(by\b.*|.*\b(desk|staff|correspondent|reporter|bureau|news service))$")


def parse_date(value: str | None) -> date | None:
    """A date from an ISO or common written form; None when it is not one."""
    if not value or len(value) > MAX_DATE_CHARS:
        return None  # a date is short: a long value goes to no parser (dateutil's time grows fast)
    value = value.strip()
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        pass
    try:
        parsed = dateparser.parse(value, default=datetime(1, 1, 1))
    except (ValueError, OverflowError):
        return None
    return parsed.date() if parsed and parsed.year > 1 else None


def date_in_text(text: str, lines: int = 8) -> date | None:
    """The first full date in the article's opening lines (dateline or byline)."""
    head = "\n".join(text.split("\n", lines)[:lines])[:1500]
    found = []
    for pattern in _DATES:
        m = pattern.search(head)
        if m:
            found.append((m.start(), m.group(0)))
    for _, value in sorted(found):
        day = parse_date(value)
        if day and 1900 < day.year < 2100:
            return day
    return None


def title_case(line: str, share: float) -> bool:
    """Whether a line is in Title Case: at least three words of four letters or more, and more than
    `share` of them capitalised (a headline, or a sentence dense with names)."""
    words = [w for w in line.split() if len(w) > 3 and w[0].isalpha()]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) > share


def title_in_text(text: str) -> str | None:
    """A headline: a repeated or short first line that is not a sentence, byline or section."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) < 2:
        return None
    for line in lines[:4]:
        words = line.split()
        if _BYLINE.match(line) or sum(w[0].isalpha() for w in words) < 3 or date_in_text(line):
            continue
        if len(words) <= 30 and not line.endswith((".", ":", ";", ",")):
            return line
        return None
    return None
