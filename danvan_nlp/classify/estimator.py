"""The domain classifier as a scikit-learn estimator.

:class:`DomainClassifier` takes raw description strings, so it can sit in a
:class:`~sklearn.pipeline.Pipeline`, a grid search or ``cross_val_score`` like any
classifier: ``fit`` returns ``self``, learned attributes end in ``_``, and
``get_params``/``set_params``/``clone`` work on its constructor arguments.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.calibration import CalibratedClassifierCV
from sklearn.linear_model import LogisticRegression
from sklearn.naive_bayes import ComplementNB
from sklearn.pipeline import Pipeline
from sklearn.svm import LinearSVC
from sklearn.utils.validation import check_is_fitted

from danvan_nlp.classify.features import build_features

ALGORITHMS = ("svm", "logreg", "nb")


class DomainClassifier(ClassifierMixin, BaseEstimator):  # type: ignore[misc]
    """Label a model description with its domain, with calibrated probabilities.

    ``algorithm``: ``"svm"`` (linear SVM), ``"logreg"`` (logistic regression) or
    ``"nb"`` (complement naive Bayes). ``C`` is the inverse regularisation of the
    linear models (``alpha = 1 / C`` for naive Bayes). ``char_ngrams`` and
    ``stripped_view`` switch the character and no-diacritics feature views on,
    ``word_segmentation`` an underthesea-segmented view (slower; off by default).
    ``calibrate`` wraps the classifier in sigmoid calibration over
    ``calibration_folds`` folds, so ``predict_proba`` gives usable scores.
    The defaults are the configuration of the shipped model (complement naive
    Bayes, ``C=3``, calibrated, syllable, character and no-diacritics views).
    """

    def __init__(
        self,
        algorithm: str = "nb",
        C: float = 3.0,
        char_ngrams: bool = True,
        stripped_view: bool = True,
        word_segmentation: bool = False,
        calibrate: bool = True,
        calibration_folds: int = 3,
        random_state: int = 0,
    ) -> None:
        self.algorithm = algorithm
        self.C = C
        self.char_ngrams = char_ngrams
        self.stripped_view = stripped_view
        self.word_segmentation = word_segmentation
        self.calibrate = calibrate
        self.calibration_folds = calibration_folds
        self.random_state = random_state

    def fit(self, X: Iterable[str], y: Iterable[str]) -> DomainClassifier:
        """Learn from descriptions ``X`` and their labels ``y``; returns ``self``."""
        texts, labels = _as_texts(X), np.asarray(list(y), dtype=object)
        if len(texts) != len(labels):
            raise ValueError(f"X has {len(texts)} descriptions but y has {len(labels)} labels")
        self.classes_ = np.unique(labels)
        if len(self.classes_) < 2:
            raise ValueError("fit needs at least two different labels")
        features = build_features(
            char_ngrams=self.char_ngrams,
            stripped_view=self.stripped_view,
            word_segmentation=self.word_segmentation,
        )
        classifier = self._classifier(labels)
        self.pipeline_ = Pipeline([("features", features), ("classifier", classifier)])
        self.pipeline_.fit(texts, labels)
        return self

    def predict_proba(self, X: Iterable[str]) -> Any:
        """Probabilities, one row per description, columns in ``classes_`` order."""
        check_is_fitted(self, "pipeline_")
        texts = _as_texts(X)
        if hasattr(self.pipeline_, "predict_proba"):
            return self.pipeline_.predict_proba(texts)
        return _softmax(self.pipeline_.decision_function(texts))

    def predict(self, X: Iterable[str]) -> Any:
        """The most probable label of each description."""
        check_is_fitted(self, "pipeline_")
        return self.pipeline_.predict(_as_texts(X))

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        return tags

    def _classifier(self, labels: Any) -> Any:
        base = self._base_classifier()
        if not self.calibrate:
            return base
        smallest_class = int(min(np.unique(labels, return_counts=True)[1]))
        folds = max(2, min(self.calibration_folds, smallest_class))
        return CalibratedClassifierCV(base, method="sigmoid", cv=folds, ensemble=False)

    def _base_classifier(self) -> Any:
        if self.algorithm == "svm":
            return LinearSVC(C=self.C, class_weight="balanced", random_state=self.random_state)
        if self.algorithm == "logreg":
            return LogisticRegression(C=self.C, class_weight="balanced", max_iter=2000)
        if self.algorithm == "nb":
            return ComplementNB(alpha=1.0 / self.C)
        raise ValueError(f"algorithm must be one of {ALGORITHMS}, not {self.algorithm!r}")


def _as_texts(X: Iterable[str]) -> list[str]:
    if isinstance(X, str):
        raise ValueError("X must be a list of descriptions, not one string: wrap it in a list")
    texts = list(X)
    bad = next((item for item in texts if not isinstance(item, str)), None)
    if bad is not None:
        raise ValueError(f"every description must be a str, got {type(bad).__name__}")
    return texts


def _softmax(scores: Any) -> Any:
    """Scores of an uncalibrated linear model squashed into rows that sum to 1."""
    shifted = np.exp(scores - scores.max(axis=1, keepdims=True))
    return shifted / shifted.sum(axis=1, keepdims=True)
