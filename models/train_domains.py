"""Train the domain classifier from the data in this folder (reproducible from the repo).

    python models/train_domains.py                  # compare, choose, write the artifact
    python models/train_domains.py --no-extra       # only score, without our extra rows
    python models/train_domains.py --with-wordseg   # also measure underthesea segmentation

Compares the candidate pipelines by stratified 5-fold cross-validation (macro-F1
mean and spread, confusion matrix), refits the best with sigmoid calibration on
all data and writes ``danvan_nlp/models/domains-v1-DATE.npz`` (plain arrays, read
with numpy alone) and its card ``domains-v1-DATE.card.json`` (with the ``.npz``'s
SHA-256). Same as ``danvan train-domains``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from danvan_nlp.classify.training import (
    Examples,
    compare,
    format_results,
    read_examples,
    results_from_card,
    train,
)

HERE = Path(__file__).resolve().parent


def main() -> None:
    """Parse the options, train (or only score), print the comparison."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", type=Path, default=HERE / "data" / "model_domains.tsv")
    parser.add_argument("--extra", type=Path, default=HERE / "data" / "model_domains_extra.tsv")
    parser.add_argument("--out", type=Path, default=HERE.parent / "danvan_nlp" / "models")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--with-wordseg", action="store_true")
    parser.add_argument("--no-extra", action="store_true", help="score without the extra rows")
    args = parser.parse_args()
    if args.no_extra:
        results = compare(read_examples(args.data), Examples(), folds=args.folds,
                          with_wordseg=args.with_wordseg)
        print(format_results(results))
        return
    artifact, card = train(args.data, args.out, extra=args.extra, folds=args.folds,
                           with_wordseg=args.with_wordseg)
    print(format_results(results_from_card(card)))
    print(f"\nchosen: {card['chosen']}\nwrote {artifact} and its card")


if __name__ == "__main__":
    main()
