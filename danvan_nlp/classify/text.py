"""The text views the classifier reads, in plain Python (no scikit-learn).

Training (``features.py``) and scoring (``scorer.py``) both call these functions
by name, so a model trained on one view is scored on exactly the same text.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import lru_cache

from danvan_nlp.normalize import normalize_str


@lru_cache(maxsize=1024)
def prepare(text: str) -> str:
    """The normalised (NFC, one tone placement, Ð→Đ), lower-cased form of ``text``.

    Cached: every view of one description starts from it.
    """
    return " ".join(normalize_str(text).lower().split())


# the combining marks of the Combining Diacritical Marks block, dropped by str.translate
_COMMON_MARKS = {code: None for code in range(0x300, 0x370) if unicodedata.combining(chr(code))}


def strip_diacritics(text: str) -> str:
    """``text`` without Vietnamese diacritics (any combining mark): "Đường hoa" → "Duong hoa"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = decomposed.translate(_COMMON_MARKS)  # every Vietnamese mark is in that block
    if stripped.isascii():
        return stripped
    return "".join(char for char in stripped if not unicodedata.combining(char))


def prepare_stripped(text: str) -> str:
    """The prepared text with its diacritics stripped (the no-diacritics view)."""
    return strip_diacritics(prepare(text))


def segment_words(text: str) -> str:
    """The prepared text with underthesea's word segmentation ("an_ninh trật_tự")."""
    from underthesea import word_tokenize

    return str(word_tokenize(prepare(text), format="text"))


PREPROCESSORS: dict[str, Callable[[str], str]] = {
    "prepare": prepare,
    "prepare_stripped": prepare_stripped,
    "segment_words": segment_words,
}
