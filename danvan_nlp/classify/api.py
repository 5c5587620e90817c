"""The library API: the domain of a model description, most probable first."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from danvan_nlp import lexicon
from danvan_nlp.classify.artifact import ARTIFACT_ENV, LoadedModel, load_model
from danvan_nlp.classify.plain import PlainScorer
from danvan_nlp.classify.text import prepare
from danvan_nlp.errors import InputError

if TYPE_CHECKING:
    from danvan_nlp.classify.scorer import DomainScorer

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
    model = _SCORERS.choose(load_model(), len(texts))
    probabilities = model.predict_proba([text[:MAX_DESCRIPTION_CHARS] for text in texts])
    return [_ranked(model.classes, row) for row in probabilities]


@dataclass(slots=True)
class ScorerChoice:
    """Which twin scores: plain Python for a short run, numpy once it pays for itself.

    Both give the same probabilities (``tests/classify/test_plain.py``). Importing numpy
    costs about a third of ``danvan extract``'s start, more than scoring one article's
    few descriptions in plain Python; over a long run numpy scores several times faster.
    """

    numpy_after: int = 200  # descriptions scored in this process before numpy is loaded
    scored: int = 0

    def choose(self, loaded: LoadedModel, count: int) -> PlainScorer | DomainScorer:
        """The scorer for ``count`` more descriptions (numpy if it is loaded already)."""
        self.scored += count
        if "numpy" in sys.modules or self.scored > self.numpy_after:
            return loaded.scorer
        return loaded.plain


_SCORERS = ScorerChoice()


def classify_described(titles: Sequence[str], contexts: Sequence[str]) -> list[DomainPrediction]:
    """The best domain of each model from its title and its context, weighed equally.

    Each model is classified twice, by its title (or name) and by the words that
    describe it; the label with the highest mean probability wins, with that mean
    as its score. A name alone ("Tiếng kẻng bình yên") is often ambiguous, and a
    context alone drifts to its neighbours' topics.
    The tie-breaks of ``DOMAINS.md`` (``lang/vi/domain_tiebreaks.tsv``: charity
    houses, land and money for roads) decide first when the title names one; the
    score is then the mean probability of that label.
    """
    if len(titles) != len(contexts):
        raise ValueError("give one context per title")
    ranked = classify_domains([*titles, *contexts])
    count = len(titles)
    pairs = zip(titles, ranked[:count], ranked[count:], strict=True)
    return [_mean_best(rankings, tiebreak_label(title)) for title, *rankings in pairs]


def tiebreak_label(text: str) -> str | None:
    """The label a tie-break of ``DOMAINS.md`` gives ``text``, if one applies."""
    lowered = prepare(text)
    return next((label for phrase, label in _tiebreaks() if phrase in lowered), None)


@cache
def _tiebreaks() -> tuple[tuple[str, str], ...]:
    return tuple((row[0].lower(), row[1]) for row in lexicon.table("domain_tiebreaks.tsv"))


def _mean_best(rankings: Sequence[list[DomainPrediction]], forced: str | None) -> DomainPrediction:
    totals: dict[str, float] = {}
    for ranking in rankings:
        for prediction in ranking:
            totals[prediction.label] = totals.get(prediction.label, 0.0) + prediction.score
    label = forced or max(totals, key=lambda name: totals[name])
    return DomainPrediction(label, totals[label] / len(rankings))


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


def use_model(path: Path) -> None:
    """Classify with the artifact at ``path`` from now on (checks that it loads)."""
    load_model(path)
    os.environ[ARTIFACT_ENV] = str(path)
