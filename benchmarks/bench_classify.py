"""Speed of the domain classifier: artifact size, load time, descriptions per second.

    python benchmarks/bench_classify.py [--repeat 3]

Run by hand (not a test). Loads the bundled artifact cold (cache cleared), then
times ``classify_domain`` one description at a time and ``classify_domains`` in
one batch over the project's labelled descriptions.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from danvan_nlp.classify import classify_domain, classify_domains
from danvan_nlp.classify.artifact import clear_cache, find_artifact, load_model
from danvan_nlp.classify.training import read_examples

DATA = Path(__file__).resolve().parent.parent / "models" / "data" / "model_domains.tsv"


def _load_seconds() -> float:
    clear_cache()
    started = time.perf_counter()
    load_model()
    return time.perf_counter() - started


def _per_second(texts: list[str], *, batch: bool) -> float:
    started = time.perf_counter()
    if batch:
        classify_domains(texts)
    else:
        for text in texts:
            classify_domain(text)
    return len(texts) / (time.perf_counter() - started)


def main() -> None:
    """Print the numbers."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="best of N timings")
    args = parser.parse_args()
    artifact = find_artifact()
    texts = read_examples(DATA).texts
    load = min(_load_seconds() for _ in range(args.repeat))
    single = max(_per_second(texts, batch=False) for _ in range(args.repeat))
    batched = max(_per_second(texts, batch=True) for _ in range(args.repeat))
    print(f"artifact:            {artifact.name}")
    print(f"artifact size:       {artifact.stat().st_size / 1e6:.2f} MB")
    print(f"load time (cold):    {load * 1000:.0f} ms")
    print(f"classify_domain:     {single:,.0f} descriptions/s (one at a time, {len(texts)} texts)")
    print(f"classify_domains:    {batched:,.0f} descriptions/s (one batch)")


if __name__ == "__main__":
    main()
