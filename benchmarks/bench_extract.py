"""Benchmark: danvan_nlp.extract against underthesea.ner on the same articles.

Run by hand (not in the tests):

    .venv/bin/python benchmarks/bench_extract.py [GOLD_DIR ...]

Times ``extract`` per article and ``underthesea.ner`` sentence by sentence on the same
text, reports both and their ratio (target: extract at least 10x faster), the peak
memory of this process, and the peak memory of ``danvan extract`` run as a command on
one article (target: under 300 MB).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from danvan_nlp import extract
from danvan_nlp.cli.inputs import sample_input
from danvan_nlp.sentences import split_sentences

DEFAULT_DIRS = [Path(__file__).resolve().parents[1].parent / "shared" / "gold" / "dev",
                Path(__file__).resolve().parents[1] / "tests" / "gold"]


def load_texts(dirs: list[Path]) -> list[str]:
    texts = [sample_input().text]
    for folder in dirs:
        texts += [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    return texts


def time_per_article(function: object, texts: list[str], repeat: int) -> list[float]:
    assert callable(function)
    timings = []
    for text in texts:
        start = time.perf_counter()
        for _ in range(repeat):
            function(text)
        timings.append((time.perf_counter() - start) / repeat)
    return timings


def ner_by_sentence(text: str) -> None:
    from underthesea import ner

    for start, end in split_sentences(text):
        ner(text[start:end])


_MEASURE_CHILD = (
    "import resource, subprocess, sys\n"
    "subprocess.run([sys.executable, '-m', 'danvan_nlp', 'extract', '--format', 'json'],"
    " check=True, capture_output=True)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def cli_peak_mb() -> float:
    """Peak RSS of `danvan extract` on the sample, measured from a fresh small parent
    (this process's own children would include forks of a process that loaded both
    libraries)."""
    done = subprocess.run([sys.executable, "-c", _MEASURE_CHILD], check=True,
                          capture_output=True, text=True)
    return int(done.stdout.strip()) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="*", type=Path, default=DEFAULT_DIRS)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    texts = load_texts([d for d in args.dirs if d.exists()])
    extract(texts[0])  # load lexicons and the classifier once, as a long run would
    ner_by_sentence(texts[0])
    ours = time_per_article(extract, texts, args.repeat)
    theirs = time_per_article(ner_by_sentence, texts, max(1, args.repeat // 5))
    chars = sum(len(t) for t in texts) / len(texts)
    print(f"articles: {len(texts)}, mean length {chars:,.0f} characters")
    print(f"danvan_nlp.extract   mean {statistics.mean(ours) * 1000:8.2f} ms/article, "
          f"median {statistics.median(ours) * 1000:8.2f} ms")
    print(f"underthesea.ner      mean {statistics.mean(theirs) * 1000:8.2f} ms/article, "
          f"median {statistics.median(theirs) * 1000:8.2f} ms")
    print(f"speed ratio (ner / extract): {statistics.mean(theirs) / statistics.mean(ours):.1f}x "
          "(target >= 10x)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process (both libraries loaded): {peak:.0f} MB")
    print(f"peak memory of `danvan extract` on the sample article: {cli_peak_mb():.0f} MB "
          "(target < 300 MB)")


if __name__ == "__main__":
    main()
