"""Benchmark: where underthesea helps extraction, measured side by side with its cost.

Run by hand (not in the tests); it writes ``benchmarks/underthesea.md`` with ``--write``:

    .venv/bin/python benchmarks/bench_underthesea.py --real-text ../main/benchmarks/real_text

Gold sets: the shared dev set, ``tests/gold``, and the real-text development batches
(``--batches b1,b2``: gold from ``REAL/gold/NAME.json``, text from ``REAL/scratch/NAME.txt``,
which stays out of the repository). Blind batches are refused. Each configuration runs
``extract`` on every article in this process and scores the predictions with the shared
scorer (``../shared/eval/score.py --pred``):

- ``rules``: the default stages without the NER fallback (the extractor before this work);
- ``rules + ner_fallback``: the default stages (``officials.recover_names`` included), with
  the NER gate on person tags only, or on person tags or a proper noun (``Np``) opening with
  a listed family name (the default);
- ``sent_tokenize``: the rules with sentences split by ``underthesea.sent_tokenize``;
- for reference, ``underthesea.ner`` on every sentence (what a plain "run NER" would cost).

Cost: ms per article (fastest of ``--repeat`` warm runs, averaged), how many sentences reach
NER, and, in fresh processes, the import time of underthesea and the load time of its NER
and sentence models (first call minus a second call). Also the sentence ends the two
splitters share, and what word segmentation costs per model description.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from danvan_nlp import extract
from danvan_nlp.article import Article
from danvan_nlp.pipeline import Stage, default_stages
from danvan_nlp.stages.officials import ner_fallback, recover_names

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score.py"
BLIND = ("b3", "b4")
MEASURES = ("names", "positions")
OUT = ROOT / "benchmarks" / "underthesea.md"
# Cross-validation (5 folds, macro-F1) from `danvan train-domains --data
# models/data/model_domains.tsv --extra models/data/model_domains_extra.tsv --with-wordseg`,
# run by hand (it takes minutes); copied here from its printed table.
WORDSEG_CV = (
    "Cross-validated macro-F1 (`danvan train-domains ... --with-wordseg`, 5 folds, run by",
    "hand): complement NB (shipped, no segmentation) 0.935 ± 0.021; linear SVM with word",
    "segmentation 0.914 ± 0.040; linear SVM 0.903 ± 0.042; logistic regression 0.901 ± 0.039.",
    "",
)


@dataclass(frozen=True)
class Config:
    """One way of running the extractor."""

    label: str
    stages: Callable[[], Sequence[Stage]]
    uses_ner: bool = False


def _without_fallback() -> list[Stage]:
    return [stage for stage in default_stages() if stage is not recover_names]


class CountingTagger:
    """underthesea.ner, counting the sentences it is asked to tag."""

    def __init__(self) -> None:
        self.sentences = 0

    def __call__(self, sentence: str) -> list[tuple[str, ...]]:
        from underthesea import ner

        self.sentences += 1
        rows: list[tuple[str, ...]] = ner(sentence)
        return rows


TAGGER = CountingTagger()


def _counted_fallback(article: Article) -> None:
    ner_fallback.add_confirmed(article, TAGGER, proper_nouns=True)


def _counted_fallback_people_only(article: Article) -> None:
    ner_fallback.add_confirmed(article, TAGGER, proper_nouns=False)


def _with_counted_fallback() -> list[Stage]:
    return [_counted_fallback if stage is recover_names else stage for stage in default_stages()]


def _with_people_only() -> list[Stage]:
    return [_counted_fallback_people_only if stage is recover_names else stage
            for stage in default_stages()]


def _underthesea_sentences(article: Article) -> None:
    from underthesea import sent_tokenize

    spans, cursor = [], 0
    for sentence in sent_tokenize(article.ntext):
        start = article.ntext.find(sentence, cursor)
        if start >= 0:
            spans.append((start, start + len(sentence)))
            cursor = start + len(sentence)
    article.sentences = spans


def _with_sent_tokenize() -> list[Stage]:
    return [_underthesea_sentences, *_without_fallback()]


CONFIGS = (
    Config("rules (no underthesea)", _without_fallback),
    Config("rules + ner_fallback, NER person tags only", _with_people_only, True),
    Config("rules + ner_fallback, person tags or Np + family name (default)",
           _with_counted_fallback, True),
    Config("rules, sentences by underthesea.sent_tokenize", _with_sent_tokenize),
)


def gold_sets(real: Path | None, batches: list[str]) -> dict[str, Path]:
    """Folders of NAME.json + NAME.txt pairs: dev, tests/gold, and the real batches
    copied with their scratch text into a temporary folder."""
    sets = {"shared dev": SHARED / "gold" / "dev", "tests/gold": ROOT / "tests" / "gold"}
    if real is None:
        return sets
    for batch in batches:
        if batch in BLIND:
            sys.exit(f"bench_underthesea: batch {batch} is kept blind; use b1 and b2 only")
        folder = Path(tempfile.mkdtemp(prefix=f"ut-{batch}-"))
        for gold in sorted((real / "gold").glob(f"{batch}-*.json")):
            text = real / "scratch" / f"{gold.stem}.txt"
            if text.exists():
                shutil.copy(gold, folder / gold.name)
                shutil.copy(text, folder / text.name)
        sets[f"real {batch}"] = folder
    return sets


def predictions(folder: Path, config: Config, repeat: int) -> tuple[list[str], float]:
    """One JSON line per article, and the ms per article (each article's fastest of
    ``repeat`` runs, which a busy machine disturbs least)."""
    texts = sorted(folder.glob("*.txt"))
    lines, elapsed = [], 0.0
    for path in texts:
        text = path.read_text(encoding="utf-8")
        fastest = float("inf")
        for _ in range(repeat):
            start = time.perf_counter()
            article = extract(text, stages=config.stages())
            fastest = min(fastest, time.perf_counter() - start)
        elapsed += fastest
        lines.append(json.dumps({"path": str(path), **article.to_dict()}, ensure_ascii=False))
    return lines, elapsed * 1000 / max(1, len(texts))


def score(folder: Path, lines: list[str]) -> dict[str, dict[str, float]]:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as out:
        out.write("\n".join(lines) + "\n")
    done = subprocess.run([sys.executable, str(SCORER), str(folder), "--pred", out.name,
                           "--json"], capture_output=True, text=True, check=True)
    Path(out.name).unlink()
    result: dict[str, dict[str, float]] = json.loads(done.stdout)
    return result


_LOAD_CHILD = """
import json, time
t0 = time.perf_counter()
import underthesea
t1 = time.perf_counter()
from underthesea import ner, sent_tokenize
ner("Ông Nguyễn Văn An dự họp.")
t2 = time.perf_counter()
ner("Ông Nguyễn Văn An dự họp.")
t3 = time.perf_counter()
sent_tokenize("Hội nghị mở đầu. Các đại biểu thảo luận.")
t4 = time.perf_counter()
sent_tokenize("Hội nghị mở đầu. Các đại biểu thảo luận.")
t5 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "ner load": (t2 - t1) - (t3 - t2),
                  "sent_tokenize load": (t4 - t3) - (t5 - t4)}))
"""

_IMPORTS_CHILD = """
import sys
from danvan_nlp import extract
from danvan_nlp.cli.inputs import sample_input
extract(sample_input().text)
print("underthesea" in sys.modules)
"""


def load_costs(runs: int) -> dict[str, float]:
    """Median seconds, over ``runs`` fresh processes, to import underthesea and load models."""
    samples: dict[str, list[float]] = {}
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-c", _LOAD_CHILD], capture_output=True,
                              text=True, check=True)
        for name, seconds in json.loads(done.stdout).items():
            samples.setdefault(name, []).append(seconds)
    return {name: statistics.median(values) for name, values in samples.items()}


def sample_imports_underthesea() -> bool:
    done = subprocess.run([sys.executable, "-c", _IMPORTS_CHILD], capture_output=True,
                          text=True, check=True)
    return done.stdout.strip() == "True"


def ner_every_sentence_ms(folder: Path) -> float:
    from underthesea import ner

    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    start = time.perf_counter()
    for text in texts:
        article = extract(text, stages=[])
        for first, last in article.sentences:
            ner(article.ntext[first:last])
    return (time.perf_counter() - start) * 1000 / max(1, len(texts))


def splitter_agreement(folder: Path) -> str:
    """How many sentence ends the two splitters share, over the set."""
    ours_total = theirs_total = shared = 0
    for path in sorted(folder.glob("*.txt")):
        article = extract(path.read_text(encoding="utf-8"), stages=[])
        ours = {end for _, end in article.sentences}
        _underthesea_sentences(article)
        theirs = {end for _, end in article.sentences}
        ours_total, theirs_total = ours_total + len(ours), theirs_total + len(theirs)
        shared += len(ours & theirs)
    return (f"Sentence ends: `split_sentences` {ours_total}, `sent_tokenize` {theirs_total}, "
            f"both {shared}.")


def segmentation_cost(limit: int = 300) -> str:
    """ms per model description: the shipped classifier, and underthesea.word_tokenize alone
    (what ``word_segmentation=True`` adds before the classifier runs)."""
    from underthesea import word_tokenize

    from danvan_nlp.classify.api import classify_domains

    rows = (ROOT / "models" / "data" / "model_domains.tsv").read_text(encoding="utf-8")
    texts = [line.split("\t", 1)[1] for line in rows.splitlines()[2:limit + 2] if "\t" in line]
    classify_domains(texts[:5])
    word_tokenize(texts[0])
    start = time.perf_counter()
    classify_domains(texts)
    shipped = (time.perf_counter() - start) * 1000 / len(texts)
    start = time.perf_counter()
    for text in texts:
        word_tokenize(text)
    segmenting = (time.perf_counter() - start) * 1000 / len(texts)
    return (f"Per description ({len(texts)} from `models/data/model_domains.tsv`): shipped "
            f"classifier {shipped:.2f} ms, underthesea.word_tokenize alone {segmenting:.2f} ms.")


def rows_for(folder: Path, repeat: int) -> list[str]:
    for config in CONFIGS:  # a warm-up pass: lexicons, classifier and caches loaded
        predictions(folder, config, 1)
    rows = []
    for config in CONFIGS:
        before = TAGGER.sentences
        lines, ms = predictions(folder, config, 1)
        reached = TAGGER.sentences - before
        if repeat > 1:
            _, ms = predictions(folder, config, repeat)
        scores = score(folder, lines)
        cells = [f"{scores[m]['precision']:.3f} / {scores[m]['recall']:.3f} / "
                 f"**{scores[m]['f1']:.3f}**" for m in MEASURES]
        rows.append(f"| {config.label} | {' | '.join(cells)} | {ms:.1f} | "
                    f"{reached if config.uses_ner else '-'} |")
    rows.append(f"| (reference) underthesea.ner on every sentence | - | - | "
                f"{ner_every_sentence_ms(folder):.1f} | all |")
    return rows


def report(sets: dict[str, Path], repeat: int, runs: int) -> str:
    extract("Ông Nguyễn Văn An, Chủ tịch UBND xã, dự họp.")  # load lexicons once
    TAGGER("Ông Nguyễn Văn An dự họp.")  # and the NER model, before any timing
    lines = ["# underthesea in danvan-nlp: what pays, measured", "",
             "Written by `benchmarks/bench_underthesea.py` (see its docstring); P / R / F1 from",
             "the shared scorer; ms per article: each article's fastest of the repeated warm",
             "runs, averaged (the machine may be shared: compare rows of one run only);",
             "`NER sentences`: sentences the fallback sent to `underthesea.ner` over the set.",
             ""]
    for name, folder in sets.items():
        count = len(list(folder.glob("*.txt")))
        lines += [f"## {name} ({count} articles)", "",
                  "| configuration | names P / R / F1 | positions P / R / F1 | ms/article "
                  "| NER sentences |", "|---|---|---|---|---|", *rows_for(folder, repeat), "",
                  splitter_agreement(folder), ""]
    costs = load_costs(runs)
    lines += ["## One-off costs (fresh processes, median of "
              f"{runs})", "", "| cost | seconds |", "|---|---|",
              *(f"| {name} | {seconds:.2f} |" for name, seconds in costs.items()),
              f"| `danvan extract` on the sample article imports underthesea | "
              f"{'yes' if sample_imports_underthesea() else 'no'} |", "",
              "## Word segmentation for the domain classifier", "", segmentation_cost(), "",
              *WORDSEG_CV]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--real-text", type=Path, help="folder with gold/ and scratch/")
    parser.add_argument("--batches", default="b1,b2", help="real-text batches (b1,b2)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per article")
    parser.add_argument("--runs", type=int, default=3, help="fresh processes for load times")
    parser.add_argument("--write", action="store_true", help=f"write {OUT.name}")
    args = parser.parse_args()
    sets = gold_sets(args.real_text, [b for b in args.batches.split(",") if b])
    try:
        text = report(sets, args.repeat, args.runs)
    finally:  # the copies of third-party text do not outlive the run
        for name, folder in sets.items():
            if name.startswith("real "):
                shutil.rmtree(folder, ignore_errors=True)
    print(text)
    if args.write:
        OUT.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
