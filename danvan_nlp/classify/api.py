"""The library API: the domain of a model description, most probable first."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from danvan_nlp.classify.artifact import load_model
from danvan_nlp.errors import InputError

MAX_DESCRIPTION_CHARS = 5_000


@dataclass(frozen=True, slots=True)
class DomainPrediction:
    """One domain label and its calibrated probability."""

    label: str
    score: float


def classify_domain(text: str) -> list[DomainPrediction]:
    """Every domain label of ``text`` with its probability, most probable first.

    Raises :class:`~danvan_nlp.errors.InputError` for an empty description and
    :class:`~danvan_nlp.errors.ModelArtifactError` when the artifact cannot load.
    Text in another language gets a label with a low score.
    """
    return classify_domains([text])[0]


def classify_domains(texts: Sequence[str]) -> list[list[DomainPrediction]]:
    """:func:`classify_domain` of many descriptions at once (much faster per text)."""
    if isinstance(texts, str):
        raise InputError("classify_domains takes a list of descriptions, not one string")
    for text in texts:
        _check(text)
    if not texts:
        return []
    model = load_model().estimator
    probabilities = model.predict_proba([text[:MAX_DESCRIPTION_CHARS] for text in texts])
    return [_ranked(model.classes_, row) for row in probabilities]


def _ranked(classes: Any, row: Any) -> list[DomainPrediction]:
    pairs = [
        DomainPrediction(str(label), float(score))
        for label, score in zip(classes, row, strict=True)
    ]
    return sorted(pairs, key=lambda prediction: prediction.score, reverse=True)


def _check(text: object) -> None:
    if not isinstance(text, str):
        raise InputError(f"a description must be text (str), not {type(text).__name__}")
    if not text.strip():
        raise InputError("the description is empty: give a few words saying what the model does")
