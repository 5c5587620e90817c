"""Domain (field) classification of "Dân vận khéo" model descriptions.

>>> from danvan_nlp.classify import classify_domain
>>> classify_domain("Tổ tự quản an ninh trật tự")[0].label   # doctest: +SKIP
'quoc_phong_an_ninh'
"""

from __future__ import annotations

from danvan_nlp.classify.api import DomainPrediction, classify_domain, classify_domains
from danvan_nlp.classify.artifact import LoadedModel, load_model
from danvan_nlp.classify.estimator import DomainClassifier
from danvan_nlp.classify.labels import LABELS

__all__ = [
    "LABELS",
    "DomainClassifier",
    "DomainPrediction",
    "LoadedModel",
    "classify_domain",
    "classify_domains",
    "load_model",
]
