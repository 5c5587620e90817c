"""Score descriptions with an exported domain model, using numpy alone.

A :class:`DomainScorer` holds plain data: per feature view its vocabulary and
idf, the classifier's weight matrix and intercepts, and the sigmoid calibration
of each class. It reproduces ``DomainClassifier.predict_proba`` (TF-IDF views of
``features.py``, complement naive Bayes or a linear model, Platt calibration)
without importing scikit-learn or scipy, so the command line starts fast and the
model loads whatever scikit-learn version is installed. ``export.py`` builds one
from a fitted estimator; ``artifact.py`` stores it in an ``.npz`` file.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

import numpy as np
from numpy.typing import NDArray

from danvan_nlp.classify.plain import (
    FORMAT_VERSION,
    Analyzer,
    Calibration,
    Response,
    char_wb_ngrams,
    known_columns,
    word_ngrams,
)
from danvan_nlp.classify.text import PREPROCESSORS

__all__ = ["Analyzer", "Calibration", "DomainScorer", "FeatureView", "Response",
           "char_wb_ngrams", "from_arrays", "to_arrays", "word_ngrams"]
Floats = NDArray[np.float64]
Ints = NDArray[np.int64]


@dataclass(frozen=True, slots=True, eq=False)  # arrays inside: compare by identity
class FeatureView:
    """One TF-IDF view: its text preparation, its terms and their idf."""

    name: str
    preprocessor: str
    analyzer: Analyzer
    ngram_range: tuple[int, int]
    sublinear_tf: bool
    vocabulary: dict[str, int]
    idf: Floats

    word_columns: dict[str, tuple[int, ...]] = field(default_factory=dict)

    def columns(self, text: str) -> list[int]:
        """The vocabulary column of each known term of ``text``, repeated as it recurs."""
        return known_columns(self, text)

    def weigh(self, texts: Sequence[str]) -> tuple[Ints, Ints, Floats]:
        """Rows, columns and L2-normalised TF-IDF values of ``texts`` in this view.

        One entry per (text, known term), as a sparse matrix in coordinate form.
        """
        found = [self.columns(text) for text in texts]
        lengths = np.fromiter(map(len, found), np.int64, len(found))
        occurrences = np.fromiter(chain.from_iterable(found), np.int64, int(lengths.sum()))
        width = len(self.idf)
        keys = np.repeat(np.arange(len(found), dtype=np.int64), lengths) * width + occurrences
        cells, counts = np.unique(keys, return_counts=True)
        rows, columns = np.divmod(cells, width)
        values = counts.astype(np.float64)
        if self.sublinear_tf:
            values = np.log(values) + 1.0
        values *= self.idf[columns]
        lengths_l2 = np.sqrt(np.bincount(rows, weights=values * values, minlength=len(found)))
        return rows, columns, values / lengths_l2[rows]


@dataclass(frozen=True, slots=True, eq=False)
class DomainScorer:
    """An exported domain classifier: ``predict_proba`` with numpy alone."""

    classes: tuple[str, ...]
    views: tuple[FeatureView, ...]
    weights: Floats  # (features, classes): one row per feature, views side by side
    intercept: Floats  # (classes,)
    response: Response
    calibration: Calibration
    slopes: Floats  # (classes,) Platt's a: p = 1 / (1 + exp(a·f + b)); empty if NONE
    offsets: Floats  # (classes,) Platt's b

    def predict_proba(self, texts: Sequence[str]) -> Floats:
        """Probabilities, one row per text, columns in ``classes`` order."""
        if isinstance(texts, str):
            raise ValueError("texts must be a list of descriptions, not one string")
        return self._probabilities(self._responses(texts))

    def _responses(self, texts: Sequence[str]) -> Floats:
        """The classifier's response to each text: one row per text, one column per class."""
        scores = np.tile(self.intercept, (len(texts), 1))
        offset = 0
        for view in self.views:
            rows, columns, values = view.weigh(texts)
            np.add.at(scores, rows, values[:, np.newaxis] * self.weights[columns + offset])
            offset += len(view.idf)
        if self.response is Response.COMPLEMENT_NB:
            return _softmax(scores)
        return scores

    def _probabilities(self, responses: Floats) -> Floats:
        if self.calibration is Calibration.NONE:
            return responses if self.response is Response.COMPLEMENT_NB else _softmax(responses)
        proba = _expit(-(self.slopes * responses + self.offsets))
        totals = proba.sum(axis=1, keepdims=True)
        uniform = np.full_like(proba, 1.0 / len(self.classes))
        normalised: Floats = np.divide(proba, totals, out=uniform, where=totals != 0)
        normalised[(normalised > 1.0) & (normalised <= 1.0 + 1e-5)] = 1.0  # as scikit-learn
        return normalised


def to_arrays(scorer: DomainScorer) -> dict[str, NDArray[Any]]:
    """The scorer as named numeric arrays (text as UTF-8 bytes): what ``.npz`` stores."""
    arrays: dict[str, NDArray[Any]] = {
        "settings": _utf8(json.dumps(_settings(scorer), ensure_ascii=False)),
        "weights": scorer.weights,
        "intercept": scorer.intercept,
        "slopes": scorer.slopes,
        "offsets": scorer.offsets,
    }
    for index, view in enumerate(scorer.views):
        ordered = sorted(view.vocabulary, key=view.vocabulary.__getitem__)
        arrays[f"view{index}_terms"] = _utf8("\n".join(ordered))
        arrays[f"view{index}_idf"] = view.idf
    return arrays


def from_arrays(arrays: Mapping[str, NDArray[Any]]) -> DomainScorer:
    """The scorer stored by :func:`to_arrays`; ``ValueError``/``KeyError`` if malformed."""
    settings = json.loads(_text(arrays["settings"]))
    if settings.get("format") != FORMAT_VERSION:
        raise ValueError(f"artifact format {settings.get('format')!r}, expected {FORMAT_VERSION}")
    views = tuple(
        _view(spec, arrays[f"view{index}_terms"], arrays[f"view{index}_idf"])
        for index, spec in enumerate(settings["views"])
    )
    scorer = DomainScorer(
        classes=tuple(str(label) for label in settings["classes"]),
        views=views,
        weights=_floats(arrays["weights"]),
        intercept=_floats(arrays["intercept"]),
        response=Response(settings["response"]),
        calibration=Calibration(settings["calibration"]),
        slopes=_floats(arrays["slopes"]),
        offsets=_floats(arrays["offsets"]),
    )
    _check_shapes(scorer)
    return scorer


def _settings(scorer: DomainScorer) -> dict[str, Any]:
    return {
        "format": FORMAT_VERSION,
        "classes": list(scorer.classes),
        "response": scorer.response.value,
        "calibration": scorer.calibration.value,
        "views": [
            {"name": view.name, "preprocessor": view.preprocessor,
             "analyzer": view.analyzer.value, "ngram_range": list(view.ngram_range),
             "sublinear_tf": view.sublinear_tf}
            for view in scorer.views
        ],
    }


def _view(spec: Mapping[str, Any], terms: NDArray[Any], idf: NDArray[Any]) -> FeatureView:
    if spec["preprocessor"] not in PREPROCESSORS:
        raise ValueError(f"unknown text preparation {spec['preprocessor']!r}")
    low, high = (int(value) for value in spec["ngram_range"])
    words = _text(terms).split("\n")
    return FeatureView(
        name=str(spec["name"]),
        preprocessor=str(spec["preprocessor"]),
        analyzer=Analyzer(spec["analyzer"]),
        ngram_range=(low, high),
        sublinear_tf=bool(spec["sublinear_tf"]),
        vocabulary=dict(zip(words, range(len(words)), strict=True)),
        idf=_floats(idf),
    )


def _check_shapes(scorer: DomainScorer) -> None:
    features = sum(len(view.idf) for view in scorer.views)
    classes = len(scorer.classes)
    if scorer.weights.shape != (features, classes) or scorer.intercept.shape != (classes,):
        raise ValueError(f"weights {scorer.weights.shape} do not fit {features} features "
                         f"and {classes} classes")
    for view in scorer.views:
        if len(view.vocabulary) != len(view.idf):
            raise ValueError(f"view {view.name}: {len(view.vocabulary)} terms, "
                             f"{len(view.idf)} idf values")
    calibrated = scorer.calibration is Calibration.SIGMOID
    if calibrated and (scorer.slopes.shape != (classes,) or scorer.offsets.shape != (classes,)):
        raise ValueError("the calibration needs one slope and one offset per class")


def _softmax(scores: Floats) -> Floats:
    shifted = np.exp(scores - scores.max(axis=-1, keepdims=True))
    result: Floats = shifted / shifted.sum(axis=-1, keepdims=True)
    return result


def _expit(values: Floats) -> Floats:
    """The logistic function, computed stably for large positive and negative values."""
    result: Floats = np.exp(-np.logaddexp(0.0, -values))
    return result


def _utf8(text: str) -> NDArray[np.uint8]:
    return np.frombuffer(text.encode("utf-8"), dtype=np.uint8)


def _text(array: NDArray[Any]) -> str:
    if array.dtype != np.uint8 or array.ndim != 1:
        raise ValueError(f"expected UTF-8 bytes, got an array of {array.dtype}")
    return array.tobytes().decode("utf-8")


def _floats(array: NDArray[Any]) -> Floats:
    if array.dtype != np.float64:
        raise ValueError(f"expected float64 numbers, got {array.dtype}")
    return array
