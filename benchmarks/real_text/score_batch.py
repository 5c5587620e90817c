"""Score one real-text batch: its committed gold against the extractor's output.

Run by hand (not in the tests):

    .venv/bin/python benchmarks/real_text/score_batch.py 1            # print the table
    .venv/bin/python benchmarks/real_text/score_batch.py 1 --log      # ... and append to LOG.md
    .venv/bin/python benchmarks/real_text/score_batch.py 1 --misses   # ... and list the misses

The gold of batch N is ``gold/bN-*.json``; the article texts are third-party text and live
only in the git-ignored ``scratch/`` folder (``scratch/bN-*.txt``, see ``manifest.tsv`` for
their urls), so a fresh clone has none: the script names every text it cannot find and
scores the articles it has. Each gold file and its text are put side by side in a temporary
folder, the extraction command runs once on the texts, and the shared scorer
(``../shared/eval/score.py``, or ``$DANVAN_SHARED/eval/score.py``) scores its output.
Publication dates are also counted as right, wrong (a date that is not the gold one,
including a date given where the gold has none) and missing.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
DEFAULT_COMMAND = f"{shlex.quote(sys.executable)} -m danvan_nlp extract --format jsonl"
PRF_MEASURES = ("names", "positions", "former", "figures", "documents", "models")
SHARE_MEASURES = ("qualifier", "outcome", "awarder", "doc_kind", "doc_date", "domain", "published")


class BatchError(Exception):
    """A problem the user can fix; printed as one line, exit status 2."""


@dataclass
class Article:
    """One gold file of the batch and the scratch text it describes (absent on a fresh clone)."""

    name: str
    gold: Path
    text: Path


@dataclass
class DateCounts:
    """Publication dates: right, wrong and missing, over all articles of the batch."""

    known: int = 0
    right: int = 0
    wrong: int = 0
    wrong_where_unknown: int = 0
    missing: int = 0


def shared_folder() -> Path:
    return Path(os.environ.get("DANVAN_SHARED", ROOT.parent / "shared"))


def batch_articles(batch: int, gold_dir: Path, scratch_dir: Path) -> list[Article]:
    golds = sorted(gold_dir.glob(f"b{batch}-*.json"))
    if not golds:
        raise BatchError(f"no gold files {gold_dir}/b{batch}-*.json: check the batch number")
    return [Article(g.stem, g, scratch_dir / f"{g.stem}.txt") for g in golds]


def assemble(articles: list[Article], folder: Path) -> list[Path]:
    """Copy each gold file with its text into ``folder``; returns the copied texts."""
    texts = []
    for article in articles:
        shutil.copy(article.gold, folder / article.gold.name)
        shutil.copy(article.text, folder / article.text.name)
        texts.append(folder / article.text.name)
    return texts


def run_extractor(command: str, texts: list[Path], predictions: Path) -> None:
    done = subprocess.run([*shlex.split(command), *map(str, texts)], capture_output=True,
                          text=True, check=False)
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["(no message)"])[-1]
        raise BatchError(f"the extraction command failed ({done.returncode}): {last}")
    lines = [line for line in done.stdout.splitlines() if line.strip().startswith("{")]
    predictions.write_text("\n".join(lines) + "\n", encoding="utf-8")


def run_scorer(folder: Path, predictions: Path, misses: bool) -> dict[str, object]:
    scorer = shared_folder() / "eval" / "score.py"
    if not scorer.exists():
        raise BatchError(f"the shared scorer is not at {scorer}: set DANVAN_SHARED")
    command = [sys.executable, str(scorer), str(folder), "--pred", str(predictions), "--json"]
    done = subprocess.run(command + (["--misses"] if misses else []), capture_output=True,
                          text=True, check=False)
    if done.returncode != 0:
        raise BatchError(f"score.py failed: {done.stderr.strip()[-300:]}")
    scores: dict[str, object] = json.loads(done.stdout)
    return scores


def prediction_path(prediction: dict[str, object]) -> str:
    """The input path a prediction carries (top level, or under "article" or "meta")."""
    for holder in (prediction, prediction.get("article"), prediction.get("meta")):
        if isinstance(holder, dict):
            for key in ("path", "source", "file", "input"):
                value = holder.get(key)
                if isinstance(value, str) and value.endswith(".txt"):
                    return value
    return ""


def published_of(prediction: dict[str, object]) -> str:
    for holder in (prediction, prediction.get("article")):
        if isinstance(holder, dict) and isinstance(holder.get("published"), str):
            return str(holder["published"])
    return ""


def predictions_by_name(predictions: Path) -> dict[str, dict[str, object]]:
    rows = [json.loads(line) for line in predictions.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    return {Path(prediction_path(row)).stem: row for row in rows}


def count_dates(articles: list[Article], by_name: dict[str, dict[str, object]]) -> DateCounts:
    counts = DateCounts()
    for article in articles:
        gold = json.loads(article.gold.read_text(encoding="utf-8")).get("published") or ""
        said = published_of(by_name.get(article.name, {}))
        counts.known += bool(gold)
        counts.right += bool(gold) and said.startswith(gold)
        counts.missing += bool(gold) and not said
        counts.wrong += bool(said) and not (gold and said.startswith(gold))
        counts.wrong_where_unknown += bool(said) and not gold
    return counts


def model_titles(holder: dict[str, object]) -> list[str]:
    models = holder.get("models")
    if not isinstance(models, list):
        return []
    return [str(m.get("title") or m.get("text") or "") for m in models if isinstance(m, dict)]


def detail_lines(articles: list[Article], by_name: dict[str, dict[str, object]]) -> list[str]:
    """Per article: a wrong or missing publication date, and gold against predicted models
    (the shared scorer lists neither)."""
    lines = []
    for article in articles:
        gold = json.loads(article.gold.read_text(encoding="utf-8"))
        said = published_of(by_name.get(article.name, {}))
        if said[:10] != (gold.get("published") or "")[:10]:
            lines.append(f"  {article.name}: published: {said or None} != {gold.get('published')}")
        gold_models, said_models = model_titles(gold), model_titles(by_name.get(article.name, {}))
        if gold_models or said_models:
            lines.append(f"  {article.name}: models: gold {gold_models} / said {said_models}")
    return lines


def measure(scores: dict[str, object], name: str) -> str:
    value = scores.get(name)
    if isinstance(value, dict):
        parts = (f"{key[0].upper()} {value[key]:.3f}" for key in ("precision", "recall", "f1"))
        return " ".join(parts)
    return "-" if value is None else f"{value:.3f}"


def table(batch: int, scores: dict[str, object], dates: DateCounts) -> list[str]:
    lines = [f"batch {batch}: {scores['articles']} articles scored"]
    lines += [f"{name:<10} {measure(scores, name)}" for name in PRF_MEASURES + SHARE_MEASURES]
    lines.append(f"published right {dates.right}/{dates.known} known, wrong {dates.wrong} "
                 f"({dates.wrong_where_unknown} where the gold has no date), "
                 f"missing {dates.missing}")
    return lines


def miss_lines(scores: dict[str, object]) -> list[str]:
    per_article = scores.get("per_article")
    if not isinstance(per_article, list):
        return []
    lines, kinds = [], Counter[str]()
    for article in per_article:
        for miss in article["misses"]:
            lines.append(f"  {article['id']}: {miss}")
            kinds[miss.split(":")[0]] += 1
    return lines + ["miss counts:"] + [f"  {kind}: {n}" for kind, n in kinds.most_common()]


def commit_id() -> str:
    done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                          capture_output=True, text=True, check=False)
    return done.stdout.strip() or "unknown"


def log_entry(batch: int, lines: list[str], missing: list[str]) -> str:
    today = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    head = f"## {today} · commit {commit_id()} · batch {batch}"
    absent = f"texts missing from scratch: {', '.join(missing)}" if missing else \
        "texts missing from scratch: none"
    body = "\n".join(["```", *lines, "```"])
    return f"\n{head}\n\n{absent}\n\n{body}\n"


def append_log(log: Path, entry: str) -> None:
    if not log.exists():
        log.write_text("# Real-text blind scores\n\nEntries appended by "
                       "`benchmarks/real_text/score_batch.py N --log`.\n", encoding="utf-8")
    with log.open("a", encoding="utf-8") as handle:
        handle.write(entry)


def score_batch(args: argparse.Namespace) -> list[str]:
    articles = batch_articles(args.batch, args.gold_dir, args.scratch_dir)
    present = [a for a in articles if a.text.exists()]
    missing = [a.name for a in articles if not a.text.exists()]
    if missing:
        print(f"texts missing from scratch ({len(missing)} of {len(articles)}): "
              f"{', '.join(missing)}", file=sys.stderr)
    if not present:
        raise BatchError(f"no texts of batch {args.batch} in {args.scratch_dir}: fetch them "
                         "again from the urls in manifest.tsv")
    with tempfile.TemporaryDirectory(prefix="danvan-batch-") as folder:
        texts = assemble(present, Path(folder))
        predictions = Path(folder) / "predictions.jsonl"
        run_extractor(args.command, texts, predictions)
        scores = run_scorer(Path(folder), predictions, args.misses)
        by_name = predictions_by_name(predictions)
    lines = table(args.batch, scores, count_dates(present, by_name))
    if args.log:
        append_log(args.log_file, log_entry(args.batch, lines, missing))
    if not args.misses:
        return lines
    return lines + miss_lines(scores) + ["dates and models:", *detail_lines(present, by_name)]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("batch", type=int, help="batch number (gold/bN-*.json)")
    parser.add_argument("--log", action="store_true", help="append the scores to LOG.md")
    parser.add_argument("--misses", action="store_true", help="list every miss and count kinds")
    parser.add_argument("--command", default=DEFAULT_COMMAND, help="extraction command")
    parser.add_argument("--gold-dir", type=Path, default=HERE / "gold")
    parser.add_argument("--scratch-dir", type=Path, default=HERE / "scratch")
    parser.add_argument("--log-file", type=Path, default=HERE / "LOG.md")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        print("\n".join(score_batch(args)))
    except BatchError as error:
        print(f"score_batch: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
