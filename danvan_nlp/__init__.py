"""danvan-nlp: Vietnamese provincial news on mass mobilisation, turned into data.

>>> from danvan_nlp import extract
>>> article = extract(text)            # doctest: +SKIP
>>> article.to_dict()["figures"][0]    # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from danvan_nlp.article import Article
from danvan_nlp.errors import DanvanError, InputError, ModelArtifactError
from danvan_nlp.pipeline import extract

__version__ = "0.1.0"

__all__ = [
    "Article",
    "DanvanError",
    "InputError",
    "ModelArtifactError",
    "__version__",
    "classify_domain",
    "extract",
    "extract_url",
]

if TYPE_CHECKING:
    from danvan_nlp.classify import DomainPrediction


def classify_domain(text: str) -> list[DomainPrediction]:
    """Domain labels of a model description, most probable first (see ``classify``)."""
    from danvan_nlp.classify import classify_domain as _classify

    return _classify(text)


def extract_url(url: str, **politeness: Any) -> Article:
    """Fetch an article page politely and extract its facts (see :mod:`danvan_nlp.urls`)."""
    from danvan_nlp.urls import extract_url as _extract_url

    return _extract_url(url, **politeness)
