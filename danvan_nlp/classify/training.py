"""Reproducible training of the domain classifier: read data, compare, choose, save.

The candidates are compared by stratified k-fold cross-validation on the main
(shared) data; the extra examples written for the project, when given, join
every training fold but are never scored, so the numbers speak for the shared
descriptions only. The best mean macro-F1 wins; it is refitted on everything.
"""

from __future__ import annotations

import csv
import hashlib
import io
import platform
import statistics
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import scipy  # type: ignore[import-untyped]
import sklearn
from sklearn.base import clone
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score
from sklearn.model_selection import StratifiedKFold

from danvan_nlp import __version__
from danvan_nlp.classify.estimator import DomainClassifier
from danvan_nlp.classify.labels import LABELS
from danvan_nlp.errors import InputError

MODEL_VERSION = 1
EXTRA_CAVEAT = (
    "The extra examples were written by the project, partly after reading which shared "
    "descriptions the classifier confused (same topics, other sentences), so the scores "
    "with them in every training fold are optimistic; 'without_extra' is the clean estimate."
)


@dataclass(slots=True)
class Examples:
    """Labelled descriptions read from one or more TSV files."""

    texts: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)


@dataclass(slots=True)
class CVResult:
    """Cross-validated scores of one candidate."""

    name: str
    fold_f1: list[float]
    accuracy: float
    confusion: list[list[int]]

    @property
    def mean_f1(self) -> float:
        return statistics.fmean(self.fold_f1)

    @property
    def std_f1(self) -> float:
        return statistics.pstdev(self.fold_f1)


def read_examples(path: Path) -> Examples:
    """Rows ``label<TAB>text`` (csv quoting, ``#`` comment lines) of a TSV file."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(
            f"cannot read the training data {path} ({error}): give a UTF-8 TSV"
        ) from error
    body = "\n".join(line for line in raw.splitlines() if not line.startswith("#"))
    rows = list(csv.DictReader(io.StringIO(body), delimiter="\t"))
    if not rows or not {"label", "text"} <= set(rows[0]):
        raise InputError(f"{path} needs a header with the columns 'label' and 'text'")
    examples = Examples()
    for number, row in enumerate(rows, start=2):
        _add_row(examples, row, f"{path}:{number}")
    return examples


def data_sha256(paths: list[Path]) -> str:
    """One SHA-256 over the bytes of the data files, in order."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def candidates(*, with_wordseg: bool = False) -> dict[str, DomainClassifier]:
    """The pipelines the training compares, by name."""
    found = {
        "linear_svm": DomainClassifier(algorithm="svm", C=0.3),
        "logistic_regression": DomainClassifier(algorithm="logreg", C=10.0),
        "complement_nb": DomainClassifier(algorithm="nb", C=3.0),
    }
    if with_wordseg:
        found["linear_svm_wordseg"] = DomainClassifier(
            algorithm="svm", C=0.3, word_segmentation=True
        )
    return found


def cross_validate(
    estimator: DomainClassifier, main: Examples, extra: Examples, *, folds: int = 5, seed: int = 0
) -> CVResult:
    """Stratified k-fold scores on ``main``; ``extra`` joins every training fold."""
    labels = np.asarray(main.labels, dtype=object)
    predicted = np.empty(len(labels), dtype=object)
    fold_f1: list[float] = []
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    for train, test in splitter.split(main.texts, labels):
        model = clone(estimator).fit(
            [main.texts[i] for i in train] + extra.texts, list(labels[train]) + extra.labels
        )
        predicted[test] = model.predict([main.texts[i] for i in test])
        fold_f1.append(float(f1_score(labels[test], predicted[test], average="macro")))
    matrix = confusion_matrix(labels, predicted, labels=list(LABELS)).tolist()
    return CVResult("", fold_f1, float(accuracy_score(labels, predicted)), matrix)


def compare(
    main: Examples, extra: Examples, *, folds: int = 5, with_wordseg: bool = False
) -> list[CVResult]:
    """Every candidate cross-validated, best mean macro-F1 first."""
    results = []
    for name, estimator in candidates(with_wordseg=with_wordseg).items():
        result = cross_validate(estimator, main, extra, folds=folds)
        result.name = name
        results.append(result)
    return sorted(results, key=lambda result: result.mean_f1, reverse=True)


def build_card(
    chosen: DomainClassifier, results: list[CVResult], data_files: list[Path], folds: int
) -> dict[str, Any]:
    """The model card: what was trained on what, with which libraries, how well."""
    return {
        "task": "domains",
        "version": MODEL_VERSION,
        "date": datetime.now(UTC).date().isoformat(),
        "description": "Domain (field) of a 'Dân vận khéo' model description",
        "labels": list(LABELS),
        "data": [{"file": path.name, "sha256": data_sha256([path])} for path in data_files],
        "data_sha256": data_sha256(data_files),
        "estimator": "danvan_nlp.classify.estimator.DomainClassifier",
        "params": chosen.get_params(),
        "chosen": results[0].name,
        "cross_validation": {
            "folds": folds,
            "scored_on": data_files[0].name,
            "results": [_result_json(result) for result in results],
            "confusion_labels": list(LABELS),
            "confusion_matrix": results[0].confusion,
        },
        "libraries": _library_versions(),
    }


def _result_json(result: CVResult) -> dict[str, Any]:
    return {
        "name": result.name,
        "macro_f1_mean": round(result.mean_f1, 4),
        "macro_f1_std": round(result.std_f1, 4),
        "macro_f1_folds": [round(value, 4) for value in result.fold_f1],
        "accuracy": round(result.accuracy, 4),
    }


def _library_versions() -> dict[str, str]:
    return {
        "python": platform.python_version(),
        "scikit-learn": sklearn.__version__,
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "danvan-nlp": __version__,
    }


def _add_row(examples: Examples, row: dict[str, Any], where: str) -> None:
    label, text = (row.get("label") or "").strip(), (row.get("text") or "").strip()
    if label not in LABELS:
        raise InputError(f"{where}: unknown label {label!r}; use one of {', '.join(LABELS)}")
    if not text:
        raise InputError(f"{where}: the text is empty")
    examples.texts.append(text)
    examples.labels.append(label)


def train(
    data: Path, out_dir: Path, *, extra: Path | None = None, folds: int = 5,
    with_wordseg: bool = False,
) -> tuple[Path, dict[str, Any]]:
    """Compare the candidates, refit the best on all data, save it with its card."""
    main = read_examples(data)
    extras = read_examples(extra) if extra else Examples()
    results = compare(main, extras, folds=folds, with_wordseg=with_wordseg)
    chosen = candidates(with_wordseg=with_wordseg)[results[0].name]
    chosen.fit(main.texts + extras.texts, main.labels + extras.labels)
    files = [data] + ([extra] if extra else [])
    card = build_card(chosen, results, files, folds)
    card["n_examples"] = {"main": len(main.texts), "extra": len(extras.texts)}
    if extras.texts:
        alone = compare(main, Examples(), folds=folds, with_wordseg=with_wordseg)
        card["cross_validation"]["without_extra"] = [_result_json(r) for r in alone]
        card["cross_validation"]["caveat"] = EXTRA_CAVEAT
    from danvan_nlp.classify.artifact import save_model
    from danvan_nlp.classify.export import export_estimator

    return save_model(export_estimator(chosen), card, out_dir), card


def results_from_card(card: dict[str, Any]) -> list[CVResult]:
    """The cross-validation results a model card records, best first."""
    cv = card["cross_validation"]
    return [CVResult(r["name"], r["macro_f1_folds"], r["accuracy"], cv["confusion_matrix"])
            for r in cv["results"]]


def format_results(results: list[CVResult]) -> str:
    """A table of the candidates' scores and the best one's confusion matrix."""
    lines = [f"{'pipeline':<22} {'macro-F1':>9} {'± std':>7} {'accuracy':>9}"]
    lines += [
        f"{r.name:<22} {r.mean_f1:>9.4f} {r.std_f1:>7.4f} {r.accuracy:>9.4f}" for r in results
    ]
    lines += ["", f"confusion matrix of {results[0].name} (rows: gold, columns: predicted)"]
    return "\n".join([*lines, format_confusion(results[0].confusion)])


def format_confusion(matrix: list[list[int]]) -> str:
    """The confusion matrix with short label names on rows and columns."""
    short = [label[:8] for label in LABELS]
    lines = [" " * 9 + " ".join(f"{name:>8}" for name in short)]
    for name, row in zip(short, matrix, strict=True):
        lines.append(f"{name:<8} " + " ".join(f"{count:>8}" for count in row))
    return "\n".join(lines)
