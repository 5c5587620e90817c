"""Vietnamese text normalisation that keeps a map back to the caller's characters.

The pipeline reads the normalised text; every span it finds is mapped back through
:class:`NormalizedText` so offsets always point into the text the caller gave.
Steps: Unicode NFC, the look-alike Ð/ð to Đ/đ, one tone placement on "oa/oe/uy"
syllables (Uỷ → Ủy, hoà → hòa), dashes and quotes to ASCII, odd spaces to " ".
Every step but NFC keeps the length, so the map is built once, cluster by cluster.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

_LOOKALIKES = str.maketrans({
    "\u00d0": "Đ",  # Icelandic Eth looks like Đ
    "\u00f0": "đ",  # icelandic eth looks like đ
    "\u0189": "Đ",  # African D
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
    "\u2015": "-", "\u2212": "-",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2018": "'", "\u2019": "'", "\u201a": "'",
    "\u00a0": " ", "\u2009": " ", "\u200a": " ", "\u202f": " ", "\u3000": " ",
    "\u2002": " ", "\u2003": " ", "\u2007": " ", "\u2008": " ",
    "\u200b": " ", "\ufeff": " ", "\t": " ",
    "\u2026": "…",
})
# the same replacements found by a regex: few characters of a text have one, and the
# engine skips the others far faster than str.translate looks each one up in a dict
_LOOKALIKE_CHARS = {chr(code): to for code, to in _LOOKALIKES.items()}
_LOOKALIKE_RE = re.compile("[" + "".join(map(re.escape, _LOOKALIKE_CHARS)) + "]")
_LOOKALIKE_BUT_TAB_RE = re.compile("[" + "".join(
    re.escape(char) for char in _LOOKALIKE_CHARS if char != "\t") + "]")

# tone mark on the second vowel of an open "oa/oe/uy" syllable → on the first
# (the form the gold and the scorer use: "hoà" → "hòa", "Uỷ" → "Ủy")
_TONE_BASE = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_TONE_FIX = {
    variant(old): variant(new)
    for old, new in _TONE_BASE.items()
    for variant in (str, str.upper, str.capitalize)
}
VOWELS = "aăâeêioôơuưyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
_TONE_RE = re.compile(  # the pair comes first: the engine then skips to its first letters
    r"""
    (""" + "|".join(_TONE_FIX) + r""")
    (?<![qQgG]..)              # "qu"/"gi" carry the tone on the next vowel already
    (?![""" + VOWELS + VOWELS.upper() + r"""nmcptNMCPT])  # only open syllables: hoà, not hoàn
    """,
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """The normalised text and, for each of its characters, the original offset."""

    text: str
    original: str
    offsets: Sequence[int]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span of the normalised text onto the original text."""
        if start >= len(self.offsets):
            return len(self.original), len(self.original)
        first = self.offsets[start]
        last = self.offsets[end] if end < len(self.offsets) else len(self.original)
        return first, max(first, last)


def replace_lookalikes(text: str, keep_tabs: bool = False) -> str:
    """``text`` with look-alikes, dashes, quotes and odd spaces replaced (same length);
    ``keep_tabs`` leaves tabs alone (they separate the columns of a data file)."""
    pattern = _LOOKALIKE_BUT_TAB_RE if keep_tabs else _LOOKALIKE_RE
    return pattern.sub(_replacement, text)


def _replacement(match: re.Match[str]) -> str:
    return _LOOKALIKE_CHARS[match.group()]


def fix_tone_placement(text: str) -> str:
    """One tone placement: "hoà" → "hòa", "Uỷ" → "Ủy" (same length)."""
    return _TONE_RE.sub(lambda m: _TONE_FIX[m.group(1)], text)


def normalize(original: str) -> NormalizedText:
    """Normalise ``original`` and keep the offset of every output character."""
    if unicodedata.is_normalized("NFC", original):  # the common case: a 1:1 map
        text = fix_tone_placement(replace_lookalikes(original))
        return NormalizedText(text=text, original=original, offsets=range(len(original)))
    chars: list[str] = []
    offsets: list[int] = []
    for start, cluster in _clusters(original):
        composed = unicodedata.normalize("NFC", cluster).translate(_LOOKALIKES)
        chars.append(composed)
        offsets.extend([start] * len(composed))
    text = fix_tone_placement("".join(chars))
    return NormalizedText(text=text, original=original, offsets=tuple(offsets))


def normalize_str(text: str) -> str:
    """The normalised form of a short string, without the offset map."""
    return fix_tone_placement(replace_lookalikes(unicodedata.normalize("NFC", text)))


def normalize_table(text: str) -> str:
    """:func:`normalize_str` of every cell of a tab-separated text at once: tabs and line
    breaks stay (none of the steps joins or moves characters across them)."""
    composed = unicodedata.normalize("NFC", text)
    return fix_tone_placement(replace_lookalikes(composed, keep_tabs=True))


def _clusters(text: str) -> list[tuple[int, str]]:
    """Base characters with their combining marks, each with its start offset."""
    clusters: list[tuple[int, str]] = []
    for index, char in enumerate(text):
        if clusters and unicodedata.combining(char):
            start, body = clusters[-1]
            clusters[-1] = (start, body + char)
        else:
            clusters.append((index, char))
    return clusters
