"""Quotation marks: where each direct quotation opens and closes (curly, straight and single
quotes, guillemets), including a quotation that goes on into the next paragraph."""

from __future__ import annotations

import re
from dataclasses import dataclass

_OPENERS = {"“": "”", "«": "»", "„": "“", "‘": "’", '"': '"', "'": "'"}
_SINGLE = {"‘", "'"}
_OPENER = re.compile("[" + "".join(_OPENERS) + "]")
_LINE = re.compile(r"[^\n]+")


@dataclass(slots=True)
class Span:
    start: int  # first character inside the marks
    end: int  # first character of the closing mark
    open_at: int  # position of the opening mark


def quote_spans(text: str) -> list[Span]:
    """Quotation spans: curly, straight and single quotes, guillemets; a quotation may go on into
    the next paragraph when that paragraph opens with a quote mark. Unclosed marks are dropped."""
    spans: list[Span] = []
    paragraphs = [(m.start(), m.end()) for m in _LINE.finditer(text)]
    carry: Span | None = None
    carry_close = ""
    for p_start, p_end in paragraphs:
        pos = p_start
        if carry is not None:
            first = text[p_start]
            if first in _OPENERS and _OPENERS[first] == carry_close:
                close = _find_close(text, p_start + 1, p_end, carry_close)
                if close is None:
                    continue  # the quotation goes on into the next paragraph too
                spans.append(Span(carry.start, close, carry.open_at))
                pos = close + 1
            carry = None
        while pos < p_end:
            open_at = _find_open(text, pos, p_end)
            if open_at is None:
                break
            mark = text[open_at]
            closer = _OPENERS[mark]
            close = _find_close(text, open_at + 1, p_end, closer)
            if close is None:
                if mark not in _SINGLE and _ends_paragraph(text, open_at, p_end):
                    carry, carry_close = Span(open_at + 1, p_end, open_at), closer
                break
            if close > open_at + 1:
                spans.append(Span(open_at + 1, close, open_at))
            pos = close + 1
    return spans


def _find_open(text: str, pos: int, end: int) -> int | None:
    for m in _OPENER.finditer(text, pos, end):
        i = m.start()
        ch = text[i]
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if ch in _SINGLE and (before.isalnum() or not after.isalnum()):
            continue  # an apostrophe ("Pakistan’s", "the Afghans’ ")
        if ch == '"' and after.isspace():
            continue  # a stray closing mark
        return i
    return None


def _find_close(text: str, pos: int, end: int, closer: str) -> int | None:
    i = text.find(closer, pos, end)
    while i >= 0:
        after = text[i + 1] if i + 1 < len(text) else " "
        if not (closer in ("’", "'") and after.isalnum()):
            return i
        i = text.find(closer, i + 1, end)  # an apostrophe inside the quotation ("won’t")
    return None


def _ends_paragraph(text: str, open_at: int, p_end: int) -> bool:
    """An unclosed quotation running to the end of its paragraph (which may continue it)."""
    return text[p_end - 1] in ".!?…,;:" and p_end - open_at > 20
