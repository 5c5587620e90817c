"""Vietnamese text in the pre-Unicode font encodings: TCVN3 (ABC) and VNI.

Older provincial pages set Vietnamese in fonts such as ``.VnTime`` (TCVN3: one byte per
letter) or ``VNI-Times`` (VNI: a vowel byte plus a mark byte) and declare a Western
charset, so a browser without those fonts, or a scraper, sees ``ViÖt Nam`` or
``Vieät Nam``. The tables are data files in ``danvan_nlp/lang/vi/``. Conversion works on
text whose characters stand for the bytes (the page decoded as Latin-1, or a legacy page
re-saved as UTF-8, which carries the same characters); the result is Unicode NFC.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from importlib import resources

TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
FONT_NAMES = re.compile(
    rb"""
    (?P<tcvn3> \.Vn[A-Z][A-Za-z]{2,} )    # TCVN3 fonts: .VnTime, .VnArial, .VnTimeH
    | (?P<vni> VNI[-\ ][A-Z][a-z]{2,} )   # VNI fonts: VNI-Times, VNI-Helve, VNI Times
    """,
    re.VERBOSE,
)
VNI_MARKS = re.compile(
    r"""
    [aeouyAEOUYôöÔÖ] [øûïåäüëØÛÏÅÄÜË]     # a mark byte no Vietnamese letter is, after a vowel
    | [ñÑ] (?=[aeiouyâêôöAEIOUYÂÊÔÖ])    # VNI's đ before a vowel
    | [a-zA-Z] [ö] [a-zA-Z]              # VNI's ư inside a word
    """,
    re.VERBOSE,
)


VNI_MARK_CHARS = frozenset("øûïåäüëØÛÏÅÄÜËñÑöÖ")


def may_be_legacy(text: str, at_least: int) -> bool:
    """A quick test: False when ``text`` has fewer than ``at_least`` characters that a
    TCVN3 or VNI text shows (a © or two in a footer do not count for more)."""
    present = _legacy_chars().intersection(text)
    return sum(text.count(char) for char in present) >= at_least


@cache
def _legacy_chars() -> frozenset[str]:
    return VNI_MARK_CHARS | tcvn3_signature()


def vietnamese_letters() -> frozenset[str]:
    """Every Vietnamese letter with a diacritic, small and capital, in NFC."""
    letters = {"đ", "Đ"}
    for base in ("a", "a\u0306", "a\u0302", "e", "e\u0302", "i", "o", "o\u0302", "o\u031b",
                 "u", "u\u031b", "y"):
        for tone in TONES:
            letter = unicodedata.normalize("NFC", base + tone)
            if len(letter) == 1 and letter not in "aeiouy":
                letters.update({letter, letter.upper()})
    return frozenset(letters)


VIETNAMESE = vietnamese_letters()


def _data_lines(name: str) -> list[list[str]]:
    text = resources.files("danvan_nlp").joinpath(f"lang/vi/{name}").read_text("utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


@cache
def tcvn3_table() -> dict[int, str]:
    """Code point (the TCVN3 byte read as Latin-1) -> Unicode letter."""
    return {int(code, 16): letter for code, letter in _data_lines("legacy_tcvn3.tsv")}


@cache
def vni_table() -> dict[str, str]:
    """VNI sequence (bytes read as Latin-1) -> Unicode letter."""
    return {sequence: letter for sequence, letter in _data_lines("legacy_vni.tsv")}


@cache
def _vni_pattern() -> re.Pattern[str]:
    sequences = sorted(vni_table(), key=len, reverse=True)  # two-byte sequences first
    return re.compile("|".join(re.escape(sequence) for sequence in sequences))


@cache
def tcvn3_signature() -> frozenset[str]:
    """TCVN3 characters that are no Vietnamese letter: seen inside words, they betray it."""
    return frozenset(chr(code) for code in tcvn3_table()) - VIETNAMESE


def from_tcvn3(text: str) -> str:
    """TCVN3 text (bytes as Latin-1 characters) in Unicode NFC."""
    return unicodedata.normalize("NFC", text.translate(tcvn3_table()))


def from_vni(text: str) -> str:
    """VNI text (bytes as Latin-1 characters) in Unicode NFC."""
    table = vni_table()
    converted = _vni_pattern().sub(lambda match: table[match.group()], text)
    return unicodedata.normalize("NFC", converted)


def font_named(body: bytes) -> str | None:
    """'tcvn3' or 'vni' when the page names a font of that encoding (CSS, <font face>)."""
    counts = {"tcvn3": 0, "vni": 0}
    for match in FONT_NAMES.finditer(body[:200_000]):
        counts["tcvn3" if match.group("tcvn3") else "vni"] += 1
    best = max(counts, key=lambda name: counts[name])
    return best if counts[best] else None


def vni_hits(text: str) -> int:
    """How many VNI byte pairs the text shows (0 for real Vietnamese or English)."""
    return len(VNI_MARKS.findall(text))


@cache
def _tcvn3_in_words() -> re.Pattern[str]:
    signature = "".join(sorted(tcvn3_signature()))
    return re.compile(
        rf"""
        (?<=[A-Za-z]) [{re.escape(signature)}]   # a TCVN3-only character after a letter
        | [{re.escape(signature)}] (?=[A-Za-z])  # or before one
        """,
        re.VERBOSE,
    )


def tcvn3_hits(text: str) -> int:
    """How many TCVN3-only characters sit next to a Latin letter."""
    return len(_tcvn3_in_words().findall(text))


SYLLABLE = re.compile(
    r"""
    ^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?   # the initial consonant
    (?P<nucleus>[aăâeêioôơuưy]{1,3})                             # the vowels
    (?:ch|ng|nh|[cmnpt])?$                                        # the final consonant
    """,
    re.VERBOSE,
)
NUCLEI = frozenset(
    "a ă â e ê i o ô ơ u ư y "                                      # one vowel
    "ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê ui uô uơ uy ưa ưi ươ "
    "ưu yê "                                                        # two vowels
    "iêu yêu oai oay oeo uây uôi ươi ươu uya uyê uyu".split()       # three vowels
)
_WORD = re.compile(r"[^\W\d_]+")  # a run of letters
_TONE_MARKS = frozenset(TONES[1:])


@lru_cache(maxsize=65_536)
def syllable_ok(word: str) -> bool:
    """True when ``word`` is spelt like one Vietnamese syllable (one tone mark at most,
    a known vowel group between an initial and a final consonant)."""
    parts = unicodedata.normalize("NFD", word.lower())
    if sum(1 for char in parts if char in _TONE_MARKS) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONE_MARKS))
    match = SYLLABLE.match(bare)
    if match is None:
        return False
    nucleus = match.group("nucleus")
    if bare.startswith(("gi", "qu")) and len(bare) > 2 and nucleus not in NUCLEI:
        return True  # the i of gi / u of qu belongs to the initial: gìn, quyết
    return nucleus in NUCLEI


def plausibility(text: str) -> tuple[int, int]:
    """(words with a non-ASCII letter spelt like Vietnamese, such words that are not)."""
    good = bad = 0
    for word in _WORD.findall(text[:100_000]):
        if word.isascii():
            continue
        if syllable_ok(word):
            good += 1
        else:
            bad += 1
    return good, bad
