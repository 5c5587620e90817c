"""Export a fitted :class:`DomainClassifier` as plain data (a :class:`DomainScorer`).

Reads the fitted scikit-learn parts (each TF-IDF view's vocabulary and idf, the
classifier's weights, the sigmoid calibrators) into numpy arrays that
``scorer.py`` scores without scikit-learn. Only what ``DomainClassifier`` builds
is supported; anything else is refused with ``ValueError`` rather than exported
wrongly.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.naive_bayes import ComplementNB
from sklearn.svm import LinearSVC
from sklearn.utils.validation import check_is_fitted

from danvan_nlp.classify.estimator import DomainClassifier
from danvan_nlp.classify.features import SYLLABLE_PATTERN
from danvan_nlp.classify.scorer import (
    Analyzer,
    Calibration,
    DomainScorer,
    FeatureView,
    Floats,
    Response,
)
from danvan_nlp.classify.text import PREPROCESSORS


def export_estimator(estimator: DomainClassifier) -> DomainScorer:
    """The plain-data scorer that gives the same probabilities as ``estimator``."""
    check_is_fitted(estimator, "pipeline_")
    classes = tuple(str(label) for label in estimator.classes_)
    if len(classes) < 3:
        raise ValueError("only models of three or more labels can be exported")
    features, classifier = (step for _, step in estimator.pipeline_.steps)
    if features.transformer_weights:
        raise ValueError("weighted feature views cannot be exported")
    views = tuple(_view(name, vectorizer) for name, vectorizer in features.transformer_list)
    base, slopes, offsets = _calibration(classifier, estimator.classes_)
    weights, intercept, response = _weights(base, len(classes))
    return DomainScorer(
        classes=classes,
        views=views,
        weights=np.ascontiguousarray(weights, dtype=np.float64),
        intercept=np.asarray(intercept, dtype=np.float64),
        response=response,
        calibration=Calibration.SIGMOID if slopes.size else Calibration.NONE,
        slopes=slopes,
        offsets=offsets,
    )


def _view(name: str, vectorizer: TfidfVectorizer) -> FeatureView:
    preprocessor = _preprocessor_name(vectorizer.preprocessor)
    analyzer = Analyzer(vectorizer.analyzer)
    unsupported = (
        vectorizer.norm != "l2" or not vectorizer.use_idf or vectorizer.binary
        or vectorizer.tokenizer is not None or vectorizer.stop_words is not None
        or (analyzer is Analyzer.WORD and vectorizer.token_pattern != SYLLABLE_PATTERN)
    )
    if unsupported:
        raise ValueError(f"the feature view {name!r} has settings the scorer does not reproduce")
    low, high = vectorizer.ngram_range
    return FeatureView(
        name=name,
        preprocessor=preprocessor,
        analyzer=analyzer,
        ngram_range=(int(low), int(high)),
        sublinear_tf=bool(vectorizer.sublinear_tf),
        vocabulary={str(term): int(column) for term, column in vectorizer.vocabulary_.items()},
        idf=np.asarray(vectorizer.idf_, dtype=np.float64),
    )


def _preprocessor_name(function: object) -> str:
    for name, known in PREPROCESSORS.items():
        if function is known:
            return name
    raise ValueError(f"the text preparation {function!r} is not one of {sorted(PREPROCESSORS)}")


def _calibration(classifier: Any, classes: Any) -> tuple[Any, Floats, Floats]:
    """The base classifier and the calibrators' slopes and offsets (empty if none)."""
    if not isinstance(classifier, CalibratedClassifierCV):
        return classifier, np.empty(0), np.empty(0)
    if classifier.method != "sigmoid" or len(classifier.calibrated_classifiers_) != 1:
        raise ValueError("only one sigmoid calibration (ensemble=False) can be exported")
    calibrated = classifier.calibrated_classifiers_[0]
    if list(calibrated.estimator.classes_) != list(classes):
        raise ValueError("the calibrated classifier saw other labels than the estimator")
    slopes = np.array([float(calibrator.a_) for calibrator in calibrated.calibrators])
    offsets = np.array([float(calibrator.b_) for calibrator in calibrated.calibrators])
    return calibrated.estimator, slopes, offsets


def _weights(base: Any, n_classes: int) -> tuple[Floats, Floats, Response]:
    """The weight matrix (features × classes), intercepts and kind of response."""
    if isinstance(base, ComplementNB):
        return base.feature_log_prob_.T, np.zeros(n_classes), Response.COMPLEMENT_NB
    if isinstance(base, LinearSVC | LogisticRegression):
        return base.coef_.T, base.intercept_, Response.LINEAR
    raise ValueError(f"cannot export a {type(base).__name__}")
