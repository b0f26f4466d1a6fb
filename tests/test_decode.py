"""Decoding: UTF-8, UTF-16 with BOM, cp1252; binary and unknown encodings refused."""

import codecs

import pytest

from dyad.ingest.decode import DecodeError, decode

TEXT = "Pakistan’s minister said “talks are over” — café."


def test_utf8():
    assert decode(TEXT.encode("utf-8")) == (TEXT, [])


def test_utf8_bom():
    assert decode(codecs.BOM_UTF8 + TEXT.encode("utf-8"))[0] == TEXT


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_utf16_with_bom(encoding):
    data = TEXT.encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    text, flags = decode(data)
    assert text == TEXT and "utf16" in flags


def test_cp1252():
    text, flags = decode(TEXT.encode("cp1252"))
    assert text == TEXT and flags == ["cp1252"]


def test_truncated_utf8_keeps_the_text():
    data = "Talks in Doha ended at a café".encode()[:-1]  # cut inside the two-byte "é"
    text, flags = decode(data)
    assert text == "Talks in Doha ended at a caf" and flags == ["truncated-utf8"]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"%PDF-1.7\n...", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
        (b"\x1f\x8b\x08\x00\x00", "gzip"),
        (bytes(range(256)) * 4, "binary"),
        ("no BOM here".encode("utf-16-le"), "UTF-16 text without a byte-order mark"),
        (b"caf\x81 \x8d\x8f", "not UTF-8, UTF-16 or cp1252"),
        ("Русский текст новостей".encode("koi8-r"), "not UTF-8, UTF-16 or cp1252"),
    ],
)
def test_refused(data, reason):
    with pytest.raises(DecodeError, match=reason):
        decode(data)
