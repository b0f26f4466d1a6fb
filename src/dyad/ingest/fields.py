"""What an article record may hold, checked in one place for every way in (files, JSON records,
the Python API, the HTTP API): JSON parsed without crashing, fields of the right kind, short where
they have no reason to be long, and text that is text (no NUL, no lone surrogate)."""

from __future__ import annotations

import json
import re

# The longest value each metadata field may have, in characters: none of them has a reason to be
# long, and a long one only costs time (a date parser given 4 MB takes minutes).
LIMITS = {"id": 512, "url": 4096, "title": 2000, "outlet": 512, "published": 100}
RECORD_FIELDS = tuple(LIMITS)
_SPACES = re.compile(r"\s+")


class BadRecord(ValueError):
    """A record, or one of its fields, that cannot be an article; the message says why."""


def loads(data: bytes | str, *, complete: bool = True) -> object:
    """JSON text to a value; BadRecord (one line) for anything json.loads would raise, including
    nesting too deep for the parser and integers too long to convert. `complete` is False for a
    JSON Lines record that ends without a newline (the last line of a cut file)."""
    try:
        return json.loads(data)
    except UnicodeDecodeError:
        raise BadRecord("not UTF-8 (JSON must be UTF-8)") from None
    except json.JSONDecodeError as err:
        if not complete and err.msg.startswith(("Unterminated", "Expecting")):
            raise BadRecord("truncated JSON record") from None
        where = f"line {err.lineno} column {err.colno}" if "\n" in err.doc.strip() else f"column {err.colno}"
        raise BadRecord(f"invalid JSON ({err.msg}, {where})") from None
    except RecursionError:
        raise BadRecord("invalid JSON (nested too deeply)") from None
    except ValueError as err:  # "Exceeds the limit (4300 digits) for integer string conversion"
        if "digits" in str(err):
            raise BadRecord("invalid JSON (a number of more than 4,300 digits)") from None
        raise BadRecord(f"invalid JSON ({err})") from None


def record(obj: object) -> tuple[str, str, dict[str, str | None]]:
    """(body, format, metadata) of a JSON article record: an object with a non-empty `text` or
    `html` string and optional `id`, `url`, `title`, `outlet`, `published` (strings, or whole
    numbers); BadRecord naming what is wrong otherwise."""
    if not isinstance(obj, dict):
        raise BadRecord(f"a record must be a JSON object with 'text' or 'html', not {kind(obj)}")
    fmt = "text" if obj.get("text") not in (None, "") else "html"
    body = obj.get(fmt)
    if body is None or body == "":
        raise BadRecord("record has neither 'text' nor 'html'")
    if not isinstance(body, str):
        raise BadRecord(f"'{fmt}' must be a string, not {kind(body)}")
    check_body(f"'{fmt}'", body)
    meta: dict[str, str | None] = {}
    for key in RECORD_FIELDS:
        value = obj.get(key)
        if isinstance(value, bool) or not isinstance(value, str | int | None):
            raise BadRecord(f"'{key}' must be a string or a whole number, not {kind(value)}")
        meta[key] = field(key, value if isinstance(value, str | None) else _int_text(key, value))
    return body, fmt, meta


def field(key: str, value: str | None) -> str | None:
    """A metadata field checked: None when empty, too long or not text refused (BadRecord); a
    title or an outlet on one line (runs of white space, newlines among them, made one space)."""
    if value is None:
        return None
    if len(value) > LIMITS[key]:
        raise BadRecord(f"'{key}' is too long ({len(value):,} characters; the limit is {LIMITS[key]:,})")
    _check_chars(f"'{key}'", value)
    value = _SPACES.sub(" ", value).strip() if key in ("title", "outlet") else value.strip()
    return value or None


def check_body(what: str, text: str) -> None:
    """The article's text or HTML (`what` names it: "'text'", "the text"): BadRecord when it holds
    a NUL or a lone surrogate. Both are
    refused rather than dropped, so that every backend stores the same thing or nothing (PostgreSQL
    refuses NUL in text; SQLite would keep it) and the text stored is the text sent."""
    _check_chars(what, text)


def trimmed(title: str | None) -> str | None:
    """A title found in the page or the text, cut to the title limit (it was not given, so it is
    shortened rather than refused)."""
    if title is None or len(title) <= LIMITS["title"]:
        return title
    return title[: LIMITS["title"] - 1].rstrip() + "…"


def kind(value: object) -> str:
    """A JSON value's kind in words: 'an object', 'a list', 'a number', 'true', 'null'..."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, int):
        return "a whole number"
    if isinstance(value, float):
        return "a decimal number"
    return "a string" if isinstance(value, str) else "a value of another kind"


def _int_text(key: str, value: int) -> str:
    if abs(value) >= 10 ** LIMITS[key]:  # never converted: str() of a huge int is slow
        raise BadRecord(f"'{key}' is too long (a number of more than {LIMITS[key]:,} digits)")
    return str(value)


def _check_chars(name: str, text: str) -> None:
    at = text.find("\x00")
    if at >= 0:
        raise BadRecord(f"{name} holds a NUL character (at character {at:,}), which is not text")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as err:
        code = ord(text[err.start])
        raise BadRecord(
            f"{name} holds a lone surrogate (\\u{code:04x} at character {err.start:,}), which is not text"
        ) from None
