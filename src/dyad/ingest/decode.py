"""Bytes to text: UTF-8, UTF-16 or UTF-32 with BOM, cp1252; binary and unknown encodings refused."""

from __future__ import annotations

import codecs
import unicodedata

_MAGIC = {
    b"%PDF": "a PDF file",
    b"\x1f\x8b": "gzip-compressed data",
    b"PK\x03\x04": "a ZIP archive (or an office document)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x7fELF": "an executable",
    b"SQLite format 3": "an SQLite database",
}


class DecodeError(ValueError):
    """The bytes are not text dyad can read; the message says why."""


def decode(data: bytes) -> tuple[str, list[str]]:
    """Decode article bytes; returns the text and flags such as 'cp1252' or 'truncated-utf8'."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8"), []
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):  # before UTF-16: FF FE 00 00
        return _strict(data, "utf-32"), ["utf32"]
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16"), ["utf16"]
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise DecodeError(f"binary data ({what}), not text")
    head = data[:8192]
    if b"\x00" in head:
        if _looks_utf16(head):
            raise DecodeError("UTF-16 text without a byte-order mark; save it as UTF-8")
        raise DecodeError("binary data (NUL bytes), not text")
    try:
        text = data.decode("utf-8")
        flags: list[str] = []
    except UnicodeDecodeError as err:
        if err.start >= len(data) - 3 and _utf8_prefix_ok(data, err.start):
            text, flags = data[: err.start].decode("utf-8"), ["truncated-utf8"]
        else:
            text, flags = _cp1252(data), ["cp1252"]
    if _control_ratio(text) > 0.05:
        raise DecodeError("binary data (control characters), not text")
    return text, flags


def binary_kind(head: bytes) -> str | None:
    """What the first bytes of a JSON input show it is, when it is not UTF-8 text: 'binary data
    (a PDF file)', 'UTF-16 text'...; None otherwise."""
    for bom, name in (
        (codecs.BOM_UTF32_LE, "UTF-32"),
        (codecs.BOM_UTF32_BE, "UTF-32"),
        (codecs.BOM_UTF16_LE, "UTF-16"),
        (codecs.BOM_UTF16_BE, "UTF-16"),
    ):
        if head.startswith(bom):
            return f"{name} text"
    for magic, what in _MAGIC.items():
        if head.startswith(magic):
            return f"binary data ({what})"
    if b"\x00" in head:
        return "UTF-16 text without a byte-order mark" if _looks_utf16(head) else "binary data (NUL bytes)"
    return None


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise DecodeError(f"invalid {encoding.upper()} at byte {err.start}") from None


def _cp1252(data: bytes) -> str:
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as err:
        raise DecodeError(
            f"not UTF-8, UTF-16 or cp1252 text (byte 0x{data[err.start]:02x} at {err.start})"
        ) from None
    sample = text[:20000]
    if sum(1 for ch in sample if ord(ch) > 127) > 0.3 * max(1, len(sample)):
        raise DecodeError("not UTF-8, UTF-16 or cp1252 text (mostly non-ASCII bytes)")
    return text


def _utf8_prefix_ok(data: bytes, end: int) -> bool:
    try:
        data[:end].decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _looks_utf16(head: bytes) -> bool:
    odd = head[1::2].count(0)
    even = head[0::2].count(0)
    half = max(1, len(head) // 2)
    return odd / half > 0.3 or even / half > 0.3


def _control_ratio(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    bad = sum(
        1 for ch in sample if ch not in "\n\r\t\f" and unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn")
    )
    return bad / len(sample)
