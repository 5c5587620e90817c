"""Benchmark: danvan_nlp.extract against underthesea.ner on the same articles.

Run by hand (not in the tests):

    .venv/bin/python benchmarks/bench_extract.py [GOLD_DIR ...]

Times ``extract`` per article and ``underthesea.ner`` sentence by sentence on the same
text, reports both and their ratio (target: extract at least 30x faster), the peak
memory of this process, and the cold start of ``danvan extract`` run as a command on
one article with models (so the domain classifier loads): wall and CPU time per run
and peak memory (targets: under 0.5 s and 80 MB), with the modules it imported that
it should not need.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from danvan_nlp import extract
from danvan_nlp.cli.inputs import sample_input
from danvan_nlp.sentences import split_sentences

ARTICLE_WITH_MODELS = (Path(__file__).resolve().parents[1] / "tests" / "gold"
                       / "lang-son-2025-11-25-tong-ket-dvk-2021-2025.txt")
HEAVY = ("numpy", "sklearn", "scipy", "joblib", "underthesea", "trafilatura", "htmldate",
         "requests", "bs4", "lxml")
DEFAULT_DIRS = [Path(__file__).resolve().parents[1].parent / "shared" / "gold" / "dev",
                Path(__file__).resolve().parents[1] / "tests" / "gold"]


def load_texts(dirs: list[Path]) -> list[str]:
    texts = [sample_input().text]
    for folder in dirs:
        texts += [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    return texts


def timings_per_article(function: object, texts: list[str],
                        repeat: int) -> list[tuple[float, float]]:
    """Wall and CPU seconds per article, each the mean of ``repeat`` runs."""
    assert callable(function)
    timings = []
    for text in texts:
        wall, cpu = time.perf_counter(), time.process_time()
        for _ in range(repeat):
            function(text)
        timings.append(((time.perf_counter() - wall) / repeat,
                        (time.process_time() - cpu) / repeat))
    return timings


def side_by_side(texts: list[str], repeat: int) -> tuple[list[tuple[float, float]], ...]:
    """Both functions timed article by article, alternating, so that both meet the same
    load on a shared machine."""
    ours: list[tuple[float, float]] = []
    theirs: list[tuple[float, float]] = []
    for text in texts:
        ours += timings_per_article(extract, [text], repeat)
        theirs += timings_per_article(ner_by_sentence, [text], max(1, repeat // 5))
    return ours, theirs


def ner_by_sentence(text: str) -> None:
    from underthesea import ner

    for start, end in split_sentences(text):
        ner(text[start:end])


_COLD_START_CHILD = """
import json, resource, subprocess, sys, time
article, runs = sys.argv[1], int(sys.argv[2])
walls, cpus = [], []
for _ in range(runs):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "danvan_nlp", "extract", "--format", "json", article],
                   check=True, capture_output=True)
    walls.append(time.perf_counter() - started)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"walls": walls, "cpus": cpus, "peak_kb": peak}))
"""
_MODULES_CHILD = """
import json, sys
sys.argv = ["danvan", "extract", "--format", "json", sys.argv[1]]
from danvan_nlp.cli import main
main()
print(json.dumps(sorted({name.split(".")[0] for name in sys.modules})), file=sys.stderr)
"""


def cli_cold_start(article: Path, runs: int, cwd: Path | None = None,
                   python: str = sys.executable) -> dict[str, Any]:
    """Wall and CPU seconds of each `danvan extract ARTICLE` run and their peak memory,
    measured from a fresh small parent (this process's own children would include forks
    of a process that loaded both libraries); ``python`` runs the command."""
    done = subprocess.run([python, "-c", _COLD_START_CHILD, str(article), str(runs)],
                          check=True, capture_output=True, text=True, cwd=cwd)
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def heavy_imports(article: Path, cwd: Path | None = None,
                  python: str = sys.executable) -> list[str]:
    """The heavy libraries `danvan extract ARTICLE` imports (none expected)."""
    done = subprocess.run([python, "-c", _MODULES_CHILD, str(article)],
                          check=True, capture_output=True, text=True, cwd=cwd)
    loaded = json.loads(done.stderr.strip().splitlines()[-1])
    return [name for name in HEAVY if name in loaded]


def print_cold_start(article: Path, runs: int, cwd: Path | None = None,
                     python: str = sys.executable) -> None:
    """Print the cold start of the command on one article with models (code in ``cwd``,
    run by ``python``)."""
    measured = cli_cold_start(article, runs, cwd, python)
    where = f" [code in {cwd}]" if cwd and python == sys.executable else ""
    where += f" [{_install_kind(python, cwd)}]"
    print(f"`danvan extract` cold start on {article.name}{where} ({runs} runs): "
          f"wall median {statistics.median(measured['walls']):.2f} s "
          f"(min {min(measured['walls']):.2f}), CPU median "
          f"{statistics.median(measured['cpus']):.2f} s, peak memory "
          f"{measured['peak_kb'] / 1024:.0f} MB (targets < 0.5 s, < 80 MB)")
    print(f"heavy libraries it imported: "
          f"{', '.join(heavy_imports(article, cwd, python)) or 'none'}")


_INSTALL_KIND_CHILD = """
import os, sys, danvan_nlp
package = os.path.dirname(danvan_nlp.__file__)
cached = os.path.isdir(os.path.join(package, "__pycache__"))
writes = not sys.dont_write_bytecode
print(("installed" if "site-packages" in package else "editable (source tree)")
      + (", bytecode cached" if cached else ", no bytecode cache")
      + ("" if writes else ", PYTHONDONTWRITEBYTECODE set") + " - " + sys.executable)
"""


def _install_kind(python: str, cwd: Path | None) -> str:
    """How ``python`` finds danvan_nlp from ``cwd`` (``pip install .`` or the editable
    test install) and whether it reads compiled bytecode: the cold start depends on both."""
    done = subprocess.run([python, "-c", _INSTALL_KIND_CHILD], check=True,
                          capture_output=True, text=True, cwd=cwd)
    return done.stdout.strip()


def _cold_starts(args: argparse.Namespace) -> None:
    article = args.article.resolve()
    print_cold_start(article, args.runs)
    for python in args.python:  # e.g. a fresh venv with `pip install .`, as users install
        # run outside the source tree, or `python -m danvan_nlp` would import it from there
        print_cold_start(article, args.runs, Path(tempfile.gettempdir()), python)
    if args.baseline:
        print_cold_start(article, args.runs, args.baseline)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="*", type=Path, default=DEFAULT_DIRS)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--article", type=Path, default=ARTICLE_WITH_MODELS,
                        help="article for the command's cold start (one with models)")
    parser.add_argument("--runs", type=int, default=7, help="cold-start runs of the command")
    parser.add_argument("--baseline", type=Path, metavar="DIR",
                        help="also time the cold start of the code checked out in DIR "
                        "(e.g. `git archive OLD | tar -x -C DIR`), alternating with this one")
    parser.add_argument("--python", action="append", default=[], metavar="PYTHON",
                        help="also time the command's cold start under this interpreter, "
                        "e.g. that of a fresh venv made with `pip install .` (the README's "
                        "first command; pip writes bytecode at install); repeatable")
    parser.add_argument("--cold-start-only", action="store_true",
                        help="only measure the command's cold start")
    args = parser.parse_args()
    if args.cold_start_only:
        _cold_starts(args)
        return
    texts = load_texts([d for d in args.dirs if d.exists()])
    extract(texts[0])  # load lexicons and the classifier once, as a long run would
    ner_by_sentence(texts[0])
    ours, theirs = side_by_side(texts, args.repeat)
    chars = sum(len(t) for t in texts) / len(texts)
    print(f"articles: {len(texts)}, mean length {chars:,.0f} characters "
          "(timed article by article, alternating)")
    for name, timings in (("danvan_nlp.extract", ours), ("underthesea.ner", theirs)):
        walls, cpus = [w for w, _ in timings], [c for _, c in timings]
        print(f"{name:<20} wall mean {statistics.mean(walls) * 1000:8.2f} ms/article, "
              f"median {statistics.median(walls) * 1000:8.2f} ms; "
              f"CPU mean {statistics.mean(cpus) * 1000:8.2f} ms")
    wall_ratio = sum(w for w, _ in theirs) / sum(w for w, _ in ours)
    cpu_ratio = sum(c for _, c in theirs) / sum(c for _, c in ours)
    print(f"speed ratio (ner / extract): {wall_ratio:.1f}x wall, {cpu_ratio:.1f}x CPU "
          "(target >= 30x)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process (both libraries loaded): {peak:.0f} MB")
    _cold_starts(args)

if __name__ == "__main__":
    main()
