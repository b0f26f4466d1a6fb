"""The JSON API's parameters and responses as OpenAPI declares them: what is accepted is what the
schema says (checked by schemathesis in tests/test_http_fuzz.py)."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal

from fastapi import Path as PathParam
from fastapi import Query
from pydantic import BaseModel, BeforeValidator

from ..ingest.fields import RECORD_FIELDS
from ..knowledge.schema import EVENT_TYPES
from .ingest import MAX_BODY

MAX_INT = 2**63 - 1  # the stores' integers are 64-bit
TEXT = r"^[^\x00-\x1f\x7f]*$"  # no control characters (PostgreSQL text cannot hold NUL)
Limit = Annotated[int, Query(ge=1, le=500, description="Page size.")]
Offset = Annotated[int, Query(ge=0, le=MAX_INT, description="Rows to skip.")]
Root = Annotated[bool, Query(description="Only each sentence's root event(s): one act per sentence.")]
Reports = Annotated[
    bool, Query(description="Every report of an event (one per article telling it), not each event once.")
]
Text = Annotated[str | None, Query(pattern=TEXT)]
When = Annotated[
    Literal["current", "historical", "future", "any"] | None,
    Query(description="When the event happened relative to its article (default current)."),
]
All = Annotated[
    bool,
    Query(
        alias="all",
        description="Every coded event, historical, future and negated ones too. An event counts "
        "when it is current and not negated.",
    ),
]
Ref = Annotated[
    str, PathParam(pattern=TEXT, description="Its id, input id or name, or a hash prefix.", examples=["1"])
]
Source = Annotated[str, PathParam(pattern=TEXT, description="A country code or name.", examples=["PAK"])]
Target = Annotated[str, PathParam(pattern=TEXT, description="A country code or name.", examples=["AFG"])]
ActorId = Annotated[int, PathParam(examples=[1])]
EventType = Literal[tuple(t for u in EVENT_TYPES for t in (u, u.lower()))]  # type: ignore[valid-type]


def _iso_day(value: object) -> object:
    """A date given exactly as YYYY-MM-DD (what the schema's `format: date` promises)."""
    if isinstance(value, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError("not a date (YYYY-MM-DD)")
    return value


Day = Annotated[date | None, BeforeValidator(_iso_day), Query(description="A date, YYYY-MM-DD.")]


class ApiError(BaseModel):
    """Every error of the JSON API: the reason, and the status code again."""

    error: str
    status: int


class Ingested(BaseModel):
    """A posted article: its id in the store, and whether it was new."""

    id: int
    stored: bool
    duplicate: bool


REASONS = {
    400: "A parameter or body dyad cannot use.",
    401: "No write token, or a wrong one.",
    403: "Writes over HTTP are off, or the request comes from another origin.",
    404: "Nothing with that id.",
    408: "The body took too long to arrive (over a minute).",
    413: "The body is over the limit (5 MiB).",
    415: "Not text/plain, text/html or application/json in UTF-8.",
    422: "A parameter out of its range or of the wrong type.",
    503: "Too many articles being ingested; retry after the time in Retry-After.",
}
HEADERS = {
    401: {"WWW-Authenticate": {"schema": {"type": "string"}, "description": "Bearer"}},
    503: {"Retry-After": {"schema": {"type": "string"}, "description": "Seconds to wait."}},
}


def errors(*codes: int) -> dict:
    """The OpenAPI responses of these error codes: each a JSON ApiError."""
    return {
        c: {"model": ApiError, "description": REASONS[c], **({"headers": HEADERS[c]} if c in HEADERS else {})}
        for c in codes
    }


ARTICLE_BODY = {
    "required": True,
    "description": "An article as plain text, an HTML page, or a JSON record with `text` or `html` "
    f"(UTF-8, at most {MAX_BODY} bytes).",
    "content": {
        "text/plain": {"schema": {"type": "string", "minLength": 1}},
        "text/html": {"schema": {"type": "string", "minLength": 1}},
        "application/json": {
            "schema": {
                "type": "object",
                "properties": {k: {"type": "string"} for k in ("text", "html", *RECORD_FIELDS)},
                "anyOf": [{"required": ["text"]}, {"required": ["html"]}],
            }
        },
    },
}
