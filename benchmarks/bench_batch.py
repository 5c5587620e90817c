"""Scale benchmark of ``danvan extract --input ARCHIVE --out RESULT`` (run by hand).

Builds a SQLite archive (the scraper's schema) of many articles made from the dev
articles, with their officials' names and their counts varied, then runs the command
with 1 and 2 local workers and on a local Dask cluster, each in a fresh process, and
reports articles/s, the peak memory of the whole process tree (summed RSS, sampled
every 0.1 s; RSS counts shared pages once per process, so it overstates a little), the
CPU time per article of all processes, and the 5-minute load average: on a busy machine
the rate says little and the CPU time per article says more.

    .venv/bin/python benchmarks/bench_batch.py --articles 10000
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import psutil  # type: ignore[import-untyped]

REPO = Path(__file__).resolve().parents[1]
DEV = REPO.parent / "shared" / "gold" / "dev"
SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ma",
            "Nông", "Triệu", "Lục", "Hà", "Lò", "Giàng", "Sùng")
MIDDLES = ("Văn", "Thị", "Đức", "Minh", "Thanh", "Quang", "Ngọc", "Hữu", "Kim", "Xuân")
GIVENS = ("Hùng", "Lan", "Dũng", "Hoa", "Tuấn", "Mai", "Khánh", "Thắng", "Hương", "Phúc",
          "Nam", "Yến", "Cường", "Thảo", "Sơn", "Na", "Lực", "Vân")
COUNT = re.compile(
    r"""
    (?<![\d/.,-])          # not inside a date, code or decimal
    (\d{1,3}(?:\.\d{3})*)  # a count, thousands grouped with dots
    (?=\s+[^\W\d])         # followed by a word (the counted noun)
    """,
    re.VERBOSE,
)
SCHEMA = """
CREATE TABLE articles (
    url TEXT PRIMARY KEY, site TEXT, status INTEGER, fetched_at TEXT, title TEXT,
    lead TEXT, text TEXT, published TEXT, author TEXT, source TEXT, content_hash TEXT,
    raw_html BLOB, error TEXT, etag TEXT, last_modified TEXT
)
"""


@dataclass(frozen=True, slots=True)
class Base:
    """One dev article: its text, publication day and officials' names."""

    stem: str
    text: str
    published: str | None
    names: tuple[str, ...]


def load_bases(folder: Path) -> list[Base]:
    bases = []
    for text_file in sorted(folder.glob("*.txt")):
        gold_file = text_file.with_suffix(".json")
        gold = json.loads(gold_file.read_text(encoding="utf-8")) if gold_file.exists() else {}
        names = tuple(official["name"] for official in gold.get("officials", []))
        bases.append(Base(text_file.stem, text_file.read_text(encoding="utf-8"),
                          gold.get("published"), names))
    return bases


def vary(base: Base, rng: random.Random) -> str:
    """The base text with other names for its officials and other counts."""
    text = base.text
    for name in base.names:
        text = text.replace(name, " ".join((rng.choice(SURNAMES), rng.choice(MIDDLES),
                                            rng.choice(GIVENS))))
    return COUNT.sub(lambda match: _other_count(match.group(1), rng), text)


def _other_count(written: str, rng: random.Random) -> str:
    value = int(written.replace(".", ""))
    new = max(1, round(value * rng.uniform(0.5, 1.5)))
    return f"{new:,}".replace(",", ".")


def build_archive(path: Path, bases: list[Base], count: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    with sqlite3.connect(path) as connection:
        connection.execute(SCHEMA)
        for index in range(count):
            base = bases[index % len(bases)]
            text = vary(base, rng)
            title = next((line for line in text.splitlines() if line.strip()), base.stem)
            connection.execute(
                "INSERT INTO articles (url, site, status, title, text, published, source) "
                "VALUES (?, 'bench', 200, ?, ?, ?, 'bench.example')",
                (f"https://bench.example/{index}/{base.stem}", title, text, base.published),
            )


@dataclass(frozen=True, slots=True)
class Measure:
    label: str
    seconds: float
    articles: int
    peak_mb: float
    cpu_seconds: float
    load: float
    summary: str

    @property
    def rate(self) -> float:
        return self.articles / self.seconds

    @property
    def cpu_ms_per_article(self) -> float:
        return self.cpu_seconds / self.articles * 1000


def tree_rss(process: psutil.Process) -> int:
    total = 0
    for member in [process, *process.children(recursive=True)]:
        try:
            total += member.memory_info().rss
        except psutil.Error:
            continue
    return total


def measure(label: str, archive: Path, out: Path, articles: int, extra: list[str]) -> Measure:
    command = [sys.executable, "-m", "danvan_nlp", "extract", "--input", str(archive),
               "--out", str(out), *extra]
    started, cpu_before = time.perf_counter(), _children_cpu()
    run = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    process, peak = psutil.Process(run.pid), 0
    while run.poll() is None:
        peak = max(peak, tree_rss(process))
        time.sleep(0.1)
    seconds = time.perf_counter() - started
    stderr = run.stderr.read() if run.stderr else ""
    summary = next((line for line in stderr.splitlines() if "extracted" in line), stderr[-500:])
    return Measure(label, seconds, articles, peak / 1e6, _children_cpu() - cpu_before,
                   os.getloadavg()[1], summary.strip())


def _children_cpu() -> float:
    """CPU seconds (user + system) of every finished child process and its descendants."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def compare(workdir: Path, number: int) -> str:
    """Whether two result files are identical, else which fields differ (code may have
    changed between runs when others edit the tree)."""
    first = (workdir / "result-0.jsonl").read_text(encoding="utf-8").splitlines()
    other = (workdir / f"result-{number}.jsonl").read_text(encoding="utf-8").splitlines()
    if first == other:
        return "identical"
    fields: Counter[str] = Counter()
    for line_a, line_b in zip(first, other, strict=False):
        a, b = json.loads(line_a), json.loads(line_b)
        fields.update(key for key in a.keys() | b.keys() if a.get(key) != b.get(key))
    return f"{len(first)} vs {len(other)} lines; lines differing by field: {dict(fields)}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--dev", type=Path, default=DEV, help="folder of dev .txt/.json")
    parser.add_argument("--workdir", type=Path, default=None, help="keep files here")
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask run")
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="danvan-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    archive = workdir / "archive.sqlite"
    if not archive.exists():
        build_archive(archive, load_bases(args.dev), args.articles)
    runs = RUNS[:2] if args.no_dask else RUNS
    results = [run_one(number, label, extra, archive, workdir, args.articles)
               for number, (label, extra) in enumerate(runs)]
    report(results, workdir, len(runs))
    return 0


RUNS = (
    ("local, 1 worker", ["--workers", "1"]),
    ("local, 2 workers", ["--workers", "2"]),
    ("dask LocalCluster, 2 workers", ["--workers", "2", "--engine", "dask"]),
)


def run_one(number: int, label: str, extra: list[str], archive: Path, workdir: Path,
            articles: int) -> Measure:
    out = workdir / f"result-{number}.jsonl"
    out.unlink(missing_ok=True)
    result = measure(label, archive, out, articles, extra)
    print(f"{label:30} {result.rate:8.1f} articles/s  {result.seconds:7.1f} s  "
          f"peak {result.peak_mb:7.0f} MB  {result.cpu_ms_per_article:5.1f} CPU ms/article  "
          f"load {result.load:4.1f}\n    {result.summary}", flush=True)
    return result


def report(results: list[Measure], workdir: Path, runs: int) -> None:
    for number in range(1, runs):
        print(f"result {number} vs result 0: {compare(workdir, number)}")
    two = next((m for m in results if m.label == "local, 2 workers"), None)
    dask = next((m for m in results if m.label.startswith("dask")), None)
    if two:
        print(f"2 workers: {'meets' if two.rate >= 50 else 'MISSES'} >= 50 articles/s; "
              f"{'meets' if two.peak_mb < 1000 else 'MISSES'} < 1 GB peak")
    if two and dask:
        gap = (two.rate - dask.rate) / two.rate * 100
        print(f"dask is {gap:.0f}% slower than local ({'within' if gap <= 25 else 'OVER'} 25%)")
    print(json.dumps([{"label": m.label, "articles_per_s": round(m.rate, 1),
                       "seconds": round(m.seconds, 1), "peak_mb": round(m.peak_mb),
                       "cpu_ms_per_article": round(m.cpu_ms_per_article, 1),
                       "load_5min": round(m.load, 1)} for m in results]))


if __name__ == "__main__":
    sys.exit(main())
