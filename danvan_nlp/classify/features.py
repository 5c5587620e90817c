"""Text features for Vietnamese model descriptions.

Three views of one description, joined side by side:

* syllables of the normalised, lower-cased text (uni- and bigrams): Vietnamese
  writes one syllable a word, so syllable bigrams catch most compound words
  ("an ninh", "nông thôn") without a segmenter;
* character n-grams inside word boundaries of the same text, robust to spelling
  variants and abbreviations ("ANTT", "CCHC");
* syllable n-grams of the text with its diacritics stripped ("nông thôn" →
  "nong thon"), so a description typed without diacritics still lands on
  learned features.

Underthesea word segmentation is an optional fourth view (``word_segmentation``);
``models/train_domains.py --with-wordseg`` measures it. On the shared data it
did not help measurably, so the shipped model does without it.
"""

from __future__ import annotations

import unicodedata

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion

from danvan_nlp.normalize import normalize_str

_SYLLABLE_PATTERN = r"(?u)\b\w+\b"  # a syllable, or a segmented word "an_ninh"


def prepare(text: str) -> str:
    """The normalised (NFC, one tone placement, Ð→Đ), lower-cased form of ``text``."""
    return " ".join(normalize_str(text).lower().split())


def strip_diacritics(text: str) -> str:
    """``text`` without Vietnamese diacritics: "Đường hoa" → "Duong hoa"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def prepare_stripped(text: str) -> str:
    """The prepared text with its diacritics stripped (the no-diacritics view)."""
    return strip_diacritics(prepare(text))


def segment_words(text: str) -> str:
    """The prepared text with underthesea's word segmentation ("an_ninh trật_tự")."""
    from underthesea import word_tokenize

    return str(word_tokenize(prepare(text), format="text"))


def build_features(
    *, char_ngrams: bool = True, stripped_view: bool = True, word_segmentation: bool = False
) -> FeatureUnion:
    """The feature union of the views the flags turn on (syllables always)."""
    views: list[tuple[str, TfidfVectorizer]] = [("syllables", _syllable_view(prepare))]
    if char_ngrams:
        views.append(("chars", _char_view()))
    if stripped_view:
        views.append(("stripped", _syllable_view(prepare_stripped)))
    if word_segmentation:
        views.append(("words", _syllable_view(segment_words)))
    return FeatureUnion(views)


def _syllable_view(preprocessor: object) -> TfidfVectorizer:
    return TfidfVectorizer(
        preprocessor=preprocessor,
        token_pattern=_SYLLABLE_PATTERN,
        ngram_range=(1, 2),
        sublinear_tf=True,
        min_df=1,
    )


def _char_view() -> TfidfVectorizer:
    return TfidfVectorizer(
        preprocessor=prepare,
        analyzer="char_wb",
        ngram_range=(2, 5),
        sublinear_tf=True,
        min_df=2,
    )
