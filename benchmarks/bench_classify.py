"""Speed of the domain classifier: artifact size, load time, descriptions per second.

    python benchmarks/bench_classify.py [--repeat 3] [--compare]

Run by hand (not a test). Loads the bundled plain-data artifact cold (cache
cleared), then times ``classify_domain`` one description at a time and
``classify_domains`` in one batch over the project's labelled descriptions.
With ``--compare`` it also refits the scikit-learn estimator the artifact was
exported from and times its ``predict_proba`` on the same texts, one at a time
and in one batch, and prints the largest difference between the probabilities.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from danvan_nlp.classify import classify_domain, classify_domains
from danvan_nlp.classify.artifact import clear_cache, find_artifact, load_model
from danvan_nlp.classify.text import prepare

DATA = Path(__file__).resolve().parent.parent / "models" / "data"


def _load_seconds() -> float:
    clear_cache()
    started = time.perf_counter()
    load_model()
    return time.perf_counter() - started


def _per_second(function: Callable[[Sequence[str]], Any], texts: list[str], *,
                batch: bool) -> float:
    prepare.cache_clear()  # time the text preparation too, as on new descriptions
    started = time.perf_counter()
    if batch:
        function(texts)
    else:
        for text in texts:
            function([text])
    return len(texts) / (time.perf_counter() - started)


def _best(function: Callable[[Sequence[str]], Any], texts: list[str], repeat: int) -> str:
    single = max(_per_second(function, texts, batch=False) for _ in range(repeat))
    batched = max(_per_second(function, texts, batch=True) for _ in range(repeat))
    return f"{single:>9,.0f} one at a time, {batched:>9,.0f} in one batch"


def _compare(texts: list[str], repeat: int) -> None:
    """Time the scikit-learn estimator beside the exported scorer."""
    import numpy as np

    from danvan_nlp.classify.estimator import DomainClassifier
    from danvan_nlp.classify.training import read_examples

    main, extra = (read_examples(DATA / name)
                   for name in ("model_domains.tsv", "model_domains_extra.tsv"))
    started = time.perf_counter()
    estimator = DomainClassifier().fit(main.texts + extra.texts, main.labels + extra.labels)
    print(f"refit (scikit-learn): {time.perf_counter() - started:.1f} s")
    print(f"estimator.predict_proba: {_best(estimator.predict_proba, texts, repeat)} /s")
    difference = np.abs(estimator.predict_proba(texts) - load_model().scorer.predict_proba(texts))
    print(f"largest |estimator - scorer| probability difference: {difference.max():.2e}")


def main() -> None:
    """Print the numbers."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="best of N timings")
    parser.add_argument("--compare", action="store_true",
                        help="also time the scikit-learn estimator (refitted) on the same texts")
    args = parser.parse_args()
    artifact = find_artifact()
    from danvan_nlp.classify.training import read_examples

    texts = read_examples(DATA / "model_domains.tsv").texts
    load = min(_load_seconds() for _ in range(args.repeat))
    print(f"artifact:            {artifact.name}")
    print(f"artifact size:       {artifact.stat().st_size / 1e6:.2f} MB")
    print(f"load time (cold):    {load * 1000:.0f} ms")
    single = max(_per_second(lambda t: classify_domain(t[0]), texts, batch=False)
                 for _ in range(args.repeat))
    batched = max(_per_second(classify_domains, texts, batch=True) for _ in range(args.repeat))
    print(f"classify_domain:     {single:,.0f} descriptions/s (one at a time, {len(texts)} texts)")
    print(f"classify_domains:    {batched:,.0f} descriptions/s (one batch)")
    scorer = load_model().scorer
    print(f"scorer.predict_proba: {_best(scorer.predict_proba, texts, args.repeat)} /s")
    if args.compare:
        _compare(texts, args.repeat)


if __name__ == "__main__":
    main()
