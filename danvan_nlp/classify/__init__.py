"""Domain (field) classification of "Dân vận khéo" model descriptions.

>>> from danvan_nlp.classify import classify_domain
>>> classify_domain("Tổ tự quản an ninh trật tự")[0].label   # doctest: +SKIP
'quoc_phong_an_ninh'

Classifying needs numpy only (the shipped model is plain data, ``scorer.py``);
:class:`DomainClassifier`, the scikit-learn estimator used for training, is
imported on first use so that ``danvan extract`` never loads scikit-learn.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from danvan_nlp.classify.api import DomainPrediction, classify_domain, classify_domains
from danvan_nlp.classify.artifact import LoadedModel, load_model
from danvan_nlp.classify.labels import LABELS
from danvan_nlp.classify.scorer import DomainScorer

if TYPE_CHECKING:
    from danvan_nlp.classify.estimator import DomainClassifier

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
    """``DomainClassifier`` on first use (it imports scikit-learn)."""
    if name == "DomainClassifier":
        from danvan_nlp.classify.estimator import DomainClassifier

        return DomainClassifier
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
