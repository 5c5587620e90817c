"""``danvan classify``, ``danvan train-domains``, ``danvan evaluate-domains``.

``classify`` labels model descriptions, one a line, with their domain;
``train-domains`` compares the candidate pipelines, then writes the chosen one with
its model card; ``evaluate-domains`` cross-validates one configuration.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from danvan_nlp.cli.inputs import read_input
from danvan_nlp.errors import InputError, ModelArtifactError

FORMATS = ("text", "jsonl")
EMPTY_NOTE = "empty line: nothing to classify"
LOW_SCORE = 0.4
ECHO_CHARS = 200
LOW_NOTE = "low confidence: is this a model description in Vietnamese?"


def register(subparsers: Any) -> None:
    """Add the domain-classifier commands to ``danvan``."""
    _register_classify(subparsers)
    _register_train(subparsers)
    _register_evaluate(subparsers)


def _register_classify(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "classify",
        help="label model descriptions (one a line) with their domain",
        description="Label each line of FILE ('-' or nothing: stdin) with its model domain.",
    )
    parser.add_argument("file", nargs="?", default="-", metavar="FILE|-")
    parser.add_argument("--format", choices=FORMATS, default="text",
                        help="text (label, score, description) or jsonl {text, label, score}; "
                        f"the description is echoed cut to {ECHO_CHARS} characters")
    parser.add_argument("--model", type=Path, metavar="NPZ",
                        help="plain-data .npz artifact to use (default: the one installed with "
                        "danvan-nlp); pickles (.joblib) are refused")
    parser.set_defaults(handler=run_classify)


def _register_train(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "train-domains",
        help="train the domain classifier and write the artifact with its model card",
        description="Compare pipelines by stratified k-fold CV, refit the best, save it.",
    )
    _data_arguments(parser)
    parser.add_argument("--out", type=Path, required=True, metavar="DIR",
                        help="folder for domains-vN-DATE.npz and .card.json")
    parser.add_argument("--with-wordseg", action="store_true",
                        help="also compare a pipeline with underthesea word segmentation")
    parser.set_defaults(handler=run_train)


def _register_evaluate(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "evaluate-domains",
        help="cross-validate the domain classifier: accuracy, macro-F1, confusion matrix",
        description="Cross-validated scores of the shipped configuration (or --algorithm).",
    )
    _data_arguments(parser)
    parser.add_argument("--algorithm", choices=("svm", "logreg", "nb"),
                        help="evaluate this algorithm instead of the shipped configuration")
    parser.set_defaults(handler=run_evaluate)


def _data_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, required=True, metavar="TSV",
                        help="labelled descriptions: columns label, text (scored in CV)")
    parser.add_argument("--extra", type=Path, metavar="TSV",
                        help="more labelled descriptions, added to every training fold")
    parser.add_argument("--folds", type=int, default=5, help="cross-validation folds (default 5)")


def run_classify(args: argparse.Namespace) -> int:
    """Handle ``danvan classify``: one result per input line, in order."""
    from danvan_nlp.classify.api import classify_domains, use_model

    if args.model:
        use_model(args.model)
    try:
        source = read_input(args.file)
    except InputError as error:
        raise InputError(f"{args.file}: {error}") from error
    lines = source.text.splitlines()
    if not lines:
        print(f"danvan: {args.file}: the input is empty; nothing to classify "
              "(give one model description a line)", file=sys.stderr)
        return 0
    filled = [line for line in lines if line.strip()]
    results = iter(classify_domains(filled))
    for line in lines:
        ranking = next(results) if line.strip() else None
        print(_render(line, ranking[0].label if ranking else None,
                      ranking[0].score if ranking else None, args.format))
    return 0


def echoed(text: str, limit: int = ECHO_CHARS) -> str:
    """The input line as echoed in the output: cut to ``limit`` characters, ending in "…"."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _render(text: str, label: str | None, score: float | None, fmt: str) -> str:
    text = echoed(text)
    if fmt == "jsonl":
        item: dict[str, Any] = {"text": text, "label": label,
                                "score": None if score is None else round(score, 4)}
        if label is None or (score is not None and score < LOW_SCORE):
            item["note"] = EMPTY_NOTE if label is None else LOW_NOTE
        return json.dumps(item, ensure_ascii=False)
    if label is None or score is None:
        return f"-\t-\t({EMPTY_NOTE})"
    note = f"\t({LOW_NOTE})" if score < LOW_SCORE else ""
    return f"{label}\t{score:.3f}\t{text}{note}"


def run_train(args: argparse.Namespace) -> int:
    """Handle ``danvan train-domains``."""
    from danvan_nlp.classify.training import format_results, results_from_card, train

    _check_folds(args.folds)
    artifact, card = train(args.data, args.out, extra=args.extra, folds=args.folds,
                           with_wordseg=args.with_wordseg)
    print(format_results(results_from_card(card)))
    print(f"\nchosen: {card['chosen']}\nwrote {artifact} and {artifact.with_suffix('.card.json')}")
    return 0


def run_evaluate(args: argparse.Namespace) -> int:
    """Handle ``danvan evaluate-domains``."""
    from danvan_nlp.classify.training import (
        Examples,
        cross_validate,
        format_confusion,
        read_examples,
    )

    _check_folds(args.folds)
    estimator = _configuration(args.algorithm)
    extra = read_examples(args.extra) if args.extra else Examples()
    result = cross_validate(estimator, read_examples(args.data), extra, folds=args.folds)
    print(f"configuration: {estimator!r}")
    print(f"accuracy: {result.accuracy:.4f}")
    print(f"macro-F1: {result.mean_f1:.4f} ± {result.std_f1:.4f} ({args.folds} folds)")
    print("confusion matrix (rows: gold, columns: predicted)")
    print(format_confusion(result.confusion))
    return 0


def _configuration(algorithm: str | None) -> Any:
    """An unfitted classifier: the shipped artifact's parameters, or ``algorithm``'s defaults."""
    from danvan_nlp.classify.artifact import find_artifact, read_card
    from danvan_nlp.classify.estimator import DomainClassifier

    if algorithm:
        return DomainClassifier(algorithm=algorithm)
    try:
        params = read_card(find_artifact())["params"]
    except (ModelArtifactError, KeyError):
        print("danvan: no readable model card; evaluating the default configuration",
              file=sys.stderr)
        return DomainClassifier()
    return DomainClassifier(**params)


def _check_folds(folds: int) -> None:
    if folds < 2:
        raise InputError(f"--folds must be at least 2, not {folds}")
