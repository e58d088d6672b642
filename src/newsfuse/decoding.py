"""Decoding: the bytes of an input as text, or why they are none.

UTF-8 (with or without its byte order mark) is what newsfuse reads; UTF-16 with its byte order mark, and a page
or a feed in the charset its markup declares, are read as a browser reads them; anything else is refused, named,
never turned into mojibake. A NUL near the start is a binary file.
"""

from __future__ import annotations

import codecs
import re

from newsfuse.errors import InputError


def is_binary(data: bytes) -> bool:
    """A NUL byte near the start: an image or an archive, not text (a whole file, never one line of it)."""
    return b"\x00" in data[:8192]


def decode(data: bytes, origin: str) -> str:
    """UTF-8 text, or a clear error for binary and undecodable files."""
    content, undecodable = lenient(data, origin)
    if undecodable:
        raise undecodable
    return content


def lenient(data: bytes, origin: str, whole: bool = True) -> tuple[str, InputError | None]:
    """The text, and why it is not all UTF-8 (then its bad bytes are kept as ``surrogateescape`` characters,
    so that a JSONL input can skip just the lines that hold one). A binary file (``whole``) is an error."""
    if whole and data.startswith(UTF16_BOMS):  # Windows' "Unicode" text: its NUL bytes are no binary file
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError:
            raise InputError(origin, "not UTF-16 text, though it starts as such") from None
    if whole and is_binary(data):
        raise InputError(origin, "binary file, not a text article")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        problem = InputError(origin, f"not UTF-8 text (undecodable byte at offset {exc.start})")
        if whole and (declared := declared_charset(data)):
            return declared, None
        return data.decode("utf-8-sig", "surrogateescape"), problem


UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# The charset a page or a feed declares in its markup (``<meta charset="shift_jis">``, ``<?xml … encoding=
# "ISO-8859-1"?>``), read only when the bytes are not UTF-8: as a browser, or ``watch``, would read the file
DECLARED = re.compile(rb"""<(?:meta|\?xml)\b[^>]{0,300}?\b(?:charset|encoding)\s*=\s*["']?([\w.:-]{1,40})""", re.I)


def declared_charset(data: bytes) -> str | None:
    """The text of bytes in the charset their markup declares at its start, if it names one that reads them."""
    found = DECLARED.search(data[:4096])
    try:
        codec = codecs.lookup(found[1].decode("ascii")) if found else None
        return data.decode(codec.name) if codec and codec._is_text_encoding else None  # not "base64", "rot13"
    except (LookupError, UnicodeError):  # no such charset ("undefined"), or the bytes are not in it
        return None


LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def valid_unicode(text: str) -> str:
    """The text with lone surrogates (JSON's ``\\ud800`` makes them; no encoder accepts them) as U+FFFD."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return LONE_SURROGATE.sub("\ufffd", text)
