"""danvan-nlp: Vietnamese provincial news on mass mobilisation, turned into data.

>>> from danvan_nlp import extract
>>> article = extract(text)            # doctest: +SKIP
>>> article.to_dict()["figures"][0]    # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from danvan_nlp.article import Article
from danvan_nlp.errors import (
    ArchiveBusyError,
    ArchiveError,
    BodyReadError,
    DanvanError,
    ExtractTimeout,
    FetchError,
    InputError,
    MissingDependencyError,
    ModelArtifactError,
    PageError,
    RefusedRequestError,
    StageOrderError,
)
from danvan_nlp.pipeline import extract
from danvan_nlp.records import (
    DocumentRef,
    Figure,
    Model,
    Official,
    Outcome,
    PlaceLevel,
    Position,
    PositionStatus,
    Qualifier,
    Role,
    Span,
)

__version__ = "0.1.0"

__all__ = [
    "ArchiveBusyError",
    "ArchiveError",
    "Article",
    "BodyReadError",
    "DanvanError",
    "DocumentRef",
    "ExtractTimeout",
    "FetchError",
    "Figure",
    "InputError",
    "MissingDependencyError",
    "Model",
    "ModelArtifactError",
    "Official",
    "Outcome",
    "PageError",
    "PlaceLevel",
    "Position",
    "PositionStatus",
    "Qualifier",
    "RefusedRequestError",
    "Role",
    "Span",
    "StageOrderError",
    "__version__",
    "classify_domain",
    "extract",
    "extract_many",
    "extract_url",
]

if TYPE_CHECKING:
    from danvan_nlp.classify import DomainPrediction
    from danvan_nlp.many import extract_many


def __getattr__(name: str) -> Any:
    """``extract_many`` on first use: its process pool costs every command 30 ms."""
    if name == "extract_many":
        from danvan_nlp.many import extract_many

        return extract_many
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def classify_domain(text: str) -> list[DomainPrediction]:
    """Domain labels of a model description, most probable first (see ``classify``)."""
    from danvan_nlp.classify import classify_domain as _classify

    return _classify(text)


def extract_url(url: str, **politeness: Any) -> Article:
    """Fetch an article page politely and extract its facts (see :mod:`danvan_nlp.urls`)."""
    from danvan_nlp.urls import extract_url as _extract_url

    return _extract_url(url, **politeness)
