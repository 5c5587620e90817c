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

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion

from danvan_nlp.classify.text import prepare, prepare_stripped, segment_words, strip_diacritics

__all__ = ["build_features", "prepare", "prepare_stripped", "segment_words", "strip_diacritics"]

SYLLABLE_PATTERN = r"(?u)\b\w+\b"  # a syllable, or a segmented word "an_ninh"


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
        token_pattern=SYLLABLE_PATTERN,
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
