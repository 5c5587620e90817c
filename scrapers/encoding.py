"""Decoding fetched pages: byte-order mark, HTTP charset, meta charset, then detection.

Vietnamese pages in windows-1258 spell tones as combining marks, so every decoded
text is put in Unicode NFC before anyone reads it.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

_HEADER_CHARSET = re.compile(
    r"""
    charset \s* = \s*      # the parameter name
    ["']?                  # an optional opening quote
    (?P<name>[\w.:-]+)     # the encoding label
    """,
    re.IGNORECASE | re.VERBOSE,
)
_META_CHARSET = re.compile(
    rb"""
    <meta [^>]*?           # a meta tag, up to the charset
    charset \s* = \s*      # <meta charset=...> or content="...; charset=..."
    ["']?                  # an optional quote
    (?P<name>[\w.:-]+)     # the encoding label
    """,
    re.IGNORECASE | re.VERBOSE,
)
_XML_ENCODING = re.compile(
    rb"""
    ^\s* <\?xml [^>]*?     # the XML declaration
    encoding \s* = \s*     # its encoding pseudo-attribute
    ["'](?P<name>[\w.:-]+) # the quoted label
    """,
    re.IGNORECASE | re.VERBOSE,
)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
META_SCAN_BYTES = 4096


def charset_from_header(content_type: str | None) -> str | None:
    """The known encoding named in a Content-Type header, if any."""
    match = _HEADER_CHARSET.search(content_type or "")
    return _known(match.group("name")) if match else None


def decode_page(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """The page's text in NFC and the encoding used to decode it."""
    encoding = (
        _bom_encoding(body)
        or charset_from_header(content_type)
        or _declared_in_page(body)
        or _detected(body)
    )
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError:
        text = body.decode(encoding, errors="replace")
    return unicodedata.normalize("NFC", text.lstrip("\ufeff")), encoding


def _bom_encoding(body: bytes) -> str | None:
    for bom, name in _BOMS:
        if body.startswith(bom):
            return name
    return None


def _declared_in_page(body: bytes) -> str | None:
    head = body[:META_SCAN_BYTES]
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    if not match:
        return None
    name = _known(match.group("name").decode("ascii", "replace"))
    # a page that reached us as 8-bit bytes cannot really be UTF-16 whatever it says
    return None if name and name.startswith("utf-16") else name


def _detected(body: bytes) -> str:
    try:
        body.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(body[:200_000]).best()
    return (_known(best.encoding) if best else None) or "utf-8"


def _known(label: str | None) -> str | None:
    """The Python codec name for an encoding label, or None when Python has no such codec."""
    if not label:
        return None
    try:
        return codecs.lookup(label.strip().lower()).name
    except LookupError:
        return None
