"""Domain (field) classification of "Dân vận khéo" model descriptions.

>>> from danvan_nlp.classify import classify_domain
>>> classify_domain("Tổ tự quản an ninh trật tự")[0].label   # doctest: +SKIP
'quoc_phong_an_ninh'

Classifying needs plain Python only (the shipped model is plain data, scored by
``plain.py``); :class:`DomainScorer`, its numpy twin, and :class:`DomainClassifier`,
the scikit-learn estimator used for training, are imported on first use so that
``danvan extract`` loads neither numpy nor scikit-learn.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from danvan_nlp.classify.api import DomainPrediction, classify_domain, classify_domains
from danvan_nlp.classify.artifact import LoadedModel, load_model
from danvan_nlp.classify.labels import LABELS

if TYPE_CHECKING:
    from danvan_nlp.classify.estimator import DomainClassifier
    from danvan_nlp.classify.scorer import DomainScorer

__all__ = [
    "LABELS",
    "DomainClassifier",
    "DomainPrediction",
    "DomainScorer",
    "LoadedModel",
    "classify_domain",
    "classify_domains",
    "load_model",
]


def __getattr__(name: str) -> Any:
    """``DomainClassifier`` (scikit-learn) and ``DomainScorer`` (numpy) on first use."""
    if name == "DomainClassifier":
        from danvan_nlp.classify.estimator import DomainClassifier

        return DomainClassifier
    if name == "DomainScorer":
        from danvan_nlp.classify.scorer import DomainScorer

        return DomainScorer
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
