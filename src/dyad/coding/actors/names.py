"""The words around a title: the modifiers before it ("acting"), and where a person's name begins
and ends beside it: after it ("Minister Khawaja Asif"), before it ("Sirajuddin Haqqani,
Afghanistan's ... minister") or after a comma ("the defense minister, Israel Katz")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .words import NOT_NAME

if TYPE_CHECKING:
    from .finder import Finder

_NAME_TOKEN = re.compile(
    r"(?:(?:al|el|bin|ibn|bint|de|da|del|della|di|du|van|von|der|le|la|ul|ud|ur|e)[-\s])?"
    r"(?:[A-Z][\w'’.-]*[\w]|[A-Z]\.|[A-Z])"
)
DETERMINER = re.compile(r"(?i)(?:^|\s)(the|a|an)\s+$")
_NAME_WORD = r"(?:[A-Z][\w'’-]*\w|[A-Z]\.|(?:al|el)-\w+|bin|ibn)"
_NAME_BEFORE = re.compile(rf"({_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}})$")


def skip_modifiers(f: Finder, pos: int) -> int:
    """Where the modifiers ("acting", "senior") right before pos begin."""
    while True:
        m = re.search(r"([A-Za-z-]+)\s+$", f.text[max(0, pos - 30) : pos])
        if not m or m.group(1).lower() not in f.kb.modifiers:
            return pos
        pos = pos - len(m.group(0))


def name_tokens(f: Finder, pos: int) -> tuple[int, int] | None:
    """A run of capitalised name tokens starting at pos (after honorifics)."""
    text = f.text
    for h in f.kb.honorifics:
        if text.startswith(h + " ", pos):
            pos += len(h) + 1
            break
    end = pos
    count = 0
    while count < 5:
        m = _NAME_TOKEN.match(text, end)
        if not m:
            break
        token = m.group(0)
        if token in NOT_NAME or (
            count and f.proper_at.get(end) and f._phrase(f.proper_at[end]).how != "person"
        ):
            break
        end = m.end()
        count += 1
        if end < len(text) and text[end] == " ":
            nxt = _NAME_TOKEN.match(text, end + 1)
            if nxt and nxt.group(0) not in NOT_NAME:
                end += 1
                continue
        break
    if count == 0:
        return None
    return pos, _name_end(text, pos, end)


def _name_end(text: str, pos: int, end: int) -> int:
    """The end of a name run, without trailing spaces and periods (an initial keeps its period)
    and without a possessive ("President Reagan's statement")."""
    while end > pos and text[end - 1] in " .":
        if text[end - 1] == "." and re.search(r"\b[A-Z]\.$", text[pos:end]):
            break
        end -= 1
    possessive = re.search(r"['’]s?$", text[pos:end])
    if possessive and end - len(possessive.group(0)) > pos:
        end -= len(possessive.group(0))
    return end


def name_after(f: Finder, pos: int) -> tuple[int, int] | None:
    """A name right after pos ("Minister Khawaja Asif"), unless a non-person phrase covers it."""
    if not f.text.startswith(" ", pos):
        return None
    span = name_tokens(f, pos + 1)
    if span is None:
        return None
    s, e = span
    if f.proper_at.get(s) and f._phrase(f.proper_at[s]).how != "person":
        known = f.proper_at[s]
        if known.end >= e:
            return None
    return span


def name_before(f: Finder, pos: int) -> tuple[int, int] | None:
    """ "Sirajuddin Haqqani, Afghanistan's acting interior minister": the name before a comma."""
    m = re.search(r"(?:,\s+)(?:(?:the|a|an)\s+)?$", f.text[max(0, pos - 12) : pos])
    if not m:
        return None
    comma = pos - len(m.group(0))
    m2 = _NAME_BEFORE.search(f.text[max(0, comma - 60) : comma])
    if not m2:
        return None
    s = comma - len(m2.group(1))
    # drop a leading sentence-start word that is not part of the name
    tokens = m2.group(1).split()
    while tokens and tokens[0] in NOT_NAME:
        s += len(tokens[0]) + 1
        tokens.pop(0)
    if len(tokens) < 2:
        return _known_single(f, s, comma, tokens)
    if any(
        f.proper_at.get(s)
        and f._phrase(f.proper_at[s]).how not in ("person",)
        and f.proper_at[s].end >= comma
        for _ in [0]
    ):
        return None
    return s, comma


def _known_single(f: Finder, s: int, e: int, tokens: list[str]) -> tuple[int, int] | None:
    """One word before the comma names someone only as a known or met surname."""
    if len(tokens) == 1 and (
        tokens[0] in f.kb.surnames or any(tokens[0] in p.surnames for p in f.people.values())
    ):
        return s, e
    return None


def name_after_comma(f: Finder, pos: int) -> tuple[int, int] | None:
    """ "Israel's defense minister, Israel Katz": the name after a comma."""
    m = re.match(r",\s+", f.text[pos : pos + 4])
    if not m:
        return None
    span = name_tokens(f, pos + m.end())
    if span is None:
        return None
    s, e = span
    if len(f.text[s:e].split()) < 2:
        return None
    follow = f.text[e : e + 2]
    if follow[:1] not in (",", ".", ";", ")", "") and not re.match(r"\s+[a-z]", f.text[e : e + 3]):
        return None
    return span
