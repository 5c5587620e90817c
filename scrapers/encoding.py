"""Decoding fetched pages: byte-order mark, HTTP charset, meta charset, then detection.

Vietnamese pages in windows-1258 spell tones as combining marks, so every decoded
text is put in Unicode NFC before anyone reads it. A declared charset is trusted only
when the body decodes with it; a Western or missing charset over a body that is not
UTF-8 means an older page: windows-1258, TCVN3 or VNI (see :mod:`danvan_nlp.scrapers.legacy`),
told apart by the font the page names or by which reading spells Vietnamese syllables.
A TCVN3 or VNI page re-saved as UTF-8 is converted too. :func:`misdecoding` says when a
text still looks mis-decoded, so that it is refused rather than stored.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

from danvan_nlp.scrapers.legacy import (
    font_named,
    from_tcvn3,
    from_vni,
    may_be_legacy,
    plausibility,
    tcvn3_hits,
    vni_hits,
)

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
WESTERN = frozenset({"ascii", "iso8859-1", "cp1252", "iso8859-15"})
LEGACY_HITS = 5  # legacy-font signatures needed before a Unicode text is converted
SIGNATURE_SCAN_CHARS = 200_000  # how much of a page is scanned for them
PLAUSIBILITY_SCAN_CHARS = 50_000  # how much of each reading is spelt out to choose one
_UTF8_AS_CP1252 = re.compile(
    r"""
    Ã[\x80-\xbf¡-¿]      # UTF-8 lead byte C3 read as Latin-1/cp1252
    | á»|áº             # E1 BB / E1 BA: Vietnamese letters read as cp1252
    | Ä['\x91\x90‘]      # C4 91/90: đ/Đ read as cp1252
    """,
    re.VERBOSE,
)


def charset_from_header(content_type: str | None) -> str | None:
    """The known encoding named in a Content-Type header, if any."""
    match = _HEADER_CHARSET.search(content_type or "")
    return _known(match.group("name")) if match else None


def decode_page(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """The page's text in NFC and the encoding used to decode it ("tcvn3", "vni", or
    e.g. "utf-8+vni" for a VNI page re-saved as UTF-8)."""
    bom = _bom_encoding(body)
    if bom:
        return _nfc(body.decode(bom, errors="replace")), bom
    declared = charset_from_header(content_type) or _declared_in_page(body)
    if declared and declared not in WESTERN and declared != "utf-8":
        text = _strict(body, declared)
        if text is not None:
            return _from_unicode(text, declared)
    text = _strict(body, "utf-8")
    if text is not None:
        return _from_unicode(text, "utf-8")
    return _from_legacy_bytes(body, declared)


def misdecoding(text: str) -> str | None:
    """Why ``text`` still looks mis-decoded (a message), or None when it looks fine."""
    sample = text[:100_000]
    if sample.count("\ufffd") >= 5:
        return "it holds replacement characters (\ufffd) where bytes could not be decoded"
    if len(_UTF8_AS_CP1252.findall(sample)) >= 5:
        return "it looks like UTF-8 read as cp1252 ('Ã', 'á»')"
    good, bad = plausibility(sample)
    if bad >= 10 and bad > good:
        return (f"{bad} words with accents are spelt like no Vietnamese syllable (only {good} "
                "are): an encoding other than Unicode, windows-1258, TCVN3 or VNI, or a page "
                "not in Vietnamese")
    return None


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text.lstrip("\ufeff"))


def _strict(body: bytes, encoding: str) -> str | None:
    try:
        return body.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _from_unicode(text: str, encoding: str) -> tuple[str, str]:
    """Decoded text; a TCVN3 or VNI page re-saved in Unicode is converted."""
    sample = text[:SIGNATURE_SCAN_CHARS]
    if not may_be_legacy(sample, LEGACY_HITS) or (vni_hits(sample) < LEGACY_HITS
                                     and tcvn3_hits(sample) < LEGACY_HITS):
        return _nfc(text), encoding
    readings = {encoding: _nfc(text), f"{encoding}+vni": from_vni(text),
                f"{encoding}+tcvn3": from_tcvn3(text)}
    return _best(readings)


def _from_legacy_bytes(body: bytes, declared: str | None) -> tuple[str, str]:
    """A body that is not UTF-8 under a Western or no charset: the named legacy font wins,
    else the reading that spells the most Vietnamese syllables."""
    latin = body.decode("latin-1")
    readings = {"cp1258": _nfc(body.decode("cp1258", errors="replace")),
                "tcvn3": from_tcvn3(latin), "vni": from_vni(latin)}
    font = font_named(body)
    if font:
        return readings[font], font
    if declared:
        readings[declared] = _nfc(body.decode(declared, errors="replace"))
    else:
        detected = _detected(body)
        readings.setdefault(detected, _nfc(body.decode(detected, errors="replace")))
    return _best(readings)


def _best(readings: dict[str, str]) -> tuple[str, str]:
    """The reading with the most well-spelt words less ill-spelt ones (first wins ties)."""
    def score(name: str) -> int:
        good, bad = plausibility(readings[name][:PLAUSIBILITY_SCAN_CHARS])
        return good - bad
    best = max(readings, key=score)
    return readings[best], best


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
