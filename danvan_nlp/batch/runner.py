"""``danvan extract --input SOURCE --out RESULT``: extract a whole archive, resumably.

Articles stream from the source in chunks to an engine (local processes or a
Dask cluster); finished chunks are appended to the result in the order they
were sent, so the result file is the same whichever engine ran it. A rerun skips
every article whose id the result already holds.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from danvan_nlp.batch.engines import ChunkFuture, Engine, default_workers, make_engine
from danvan_nlp.batch.resultfile import (
    ResultWriter,
    check_out_path,
    check_result_file,
    done_ids,
    repair_tail,
)
from danvan_nlp.batch.sources import Source, SourceArticle, open_source
from danvan_nlp.batch.work import INTERNAL, ExtractFn, Job
from danvan_nlp.deadline import ARTICLE_SECONDS
from danvan_nlp.errors import DanvanError, InputError
from danvan_nlp.progress import progress_disabled
from danvan_nlp.textio import MAX_LINE_BYTES

MAX_CHUNK = 32
CHUNKS_PER_SLOT = 4
MAX_MESSAGES = 20


@dataclass(slots=True)
class RunSummary:
    """What a run did: counts of articles, and how long it took."""

    done: int = 0
    skipped: int = 0
    repeated: int = 0
    failed: int = 0
    bad_input: int = 0
    elapsed: float = 0.0

    @property
    def rate(self) -> float:
        """Articles processed (extracted or failed) per second."""
        return (self.done + self.failed) / self.elapsed if self.elapsed > 0 else 0.0

    def line(self, out: Path | str) -> str:
        """The one-line summary printed at the end of a run."""
        return (
            f"danvan: {self.done} extracted, {self.skipped} skipped (already done), "
            f"{self.repeated} repeated in the input (done once), "
            f"{self.failed} failed, {self.bad_input} bad input items skipped; "
            f"{self.elapsed:.1f} s, {self.rate:.1f} articles/s -> {out}"
        )


class _Messages:
    """Problem reports on stderr (through tqdm, so the bar stays whole), at most a few."""

    def __init__(self, limit: int = MAX_MESSAGES) -> None:
        self.count = 0
        self._limit = limit

    def __call__(self, message: str) -> None:
        self.count += 1
        if self.count <= self._limit:
            tqdm.write(f"danvan: {message}", file=sys.stderr)
        elif self.count == self._limit + 1:
            tqdm.write("danvan: further problems are counted, not shown", file=sys.stderr)


def run_from_args(args: argparse.Namespace) -> int:
    """Run ``danvan extract --input ... --out ...``; 1 when any article failed."""
    summary = run_batch(
        args.input, args.out, workers=args.workers, engine=args.engine, scheduler=args.scheduler,
        article_seconds=args.article_seconds, max_line_bytes=args.max_line_bytes,
    )
    print(summary.line(args.out), file=sys.stderr)
    if summary.failed:
        print(f"danvan: the failed articles are the lines with \"error\" in {args.out}",
              file=sys.stderr)
    return 1 if summary.failed or summary.bad_input else 0


def run_batch(
    source: str | Path,
    out: str | Path,
    *,
    workers: int | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    chunk_size: int | None = None,
    extract_fn: ExtractFn | None = None,
    article_seconds: float = ARTICLE_SECONDS,
    max_line_bytes: int = MAX_LINE_BYTES,
    progress: bool | None = None,
) -> RunSummary:
    """Extract every article of ``source`` not yet in ``out``, appending to ``out``.

    ``extract_fn`` replaces :func:`danvan_nlp.extract` (a module-level function, so
    worker processes can import it); an article taking over ``article_seconds`` is
    stopped and recorded as a ``timeout`` (0: no limit); JSONL input lines over
    ``max_line_bytes`` are skipped and reported; ``progress=None`` shows the bar on a terminal.
    """
    started = time.perf_counter()
    out_path = _check_paths(source, out, engine, scheduler)
    workers = _check_workers(workers)
    _check_limits(article_seconds, max_line_bytes)
    messages = _Messages()
    articles = open_source(source, messages, max_line_bytes)
    summary = RunSummary()
    with ResultWriter(out_path) as writer:
        done = _resume(out_path, messages)
        runner = make_engine(engine, workers, scheduler, Job(extract_fn, article_seconds))
        try:
            _extract_all(runner, articles, done, writer, summary,
                         chunk_size=chunk_size, progress=progress)
        finally:
            runner.close()
    summary.bad_input = articles.bad_items
    summary.elapsed = time.perf_counter() - started
    return summary


def _resume(out_path: Path, messages: _Messages) -> set[str]:
    """Ids already in the result, after cutting a torn last line."""
    if repair_tail(out_path):
        messages(f"{out_path}: cut a torn last line left by an interrupted run")
    return done_ids(out_path, messages)


def _extract_all(
    engine: Engine, articles: Source, done: set[str], writer: ResultWriter,
    summary: RunSummary, *, chunk_size: int | None, progress: bool | None,
) -> None:
    count = articles.count()
    size = chunk_size or _chunk_size(count, len(done), engine.slots)
    total = max(count - len(done), 0) if count is not None else None
    chunks = _chunks(_pending(articles.articles(), done, summary), size)
    disable = progress_disabled() if progress is None else not progress
    with tqdm(total=total, unit=" articles", desc="extract", disable=disable,
              file=sys.stderr) as bar:
        for lines in _run_chunks(engine, chunks):
            _stop_if_broken(lines, summary)
            writer.write(lines)
            _count(lines, summary)
            bar.update(len(lines))


def _check_paths(source: str | Path, out: str | Path, engine: str, scheduler: str | None) -> Path:
    out_path = Path(out)
    if scheduler and engine != "dask":
        raise InputError("--scheduler goes with --engine dask")
    if out_path.is_dir():
        raise InputError(f"{out_path} is a folder; --out takes a .jsonl file name")
    if out_path.exists() and Path(source).exists() and out_path.samefile(source):
        raise InputError("--out is the --input file; give a new file for the result")
    check_out_path(out_path)
    check_result_file(out_path)
    return out_path


def _check_workers(workers: int | None) -> int:
    if workers is None:
        return default_workers()
    if workers < 1:
        raise InputError(f"--workers {workers}: give 1 or more worker processes")
    return workers


def _check_limits(article_seconds: float, max_line_bytes: int) -> None:
    if not 0 <= article_seconds < math.inf:
        raise InputError(f"article_seconds={article_seconds}: give seconds, 0 for no limit")
    if max_line_bytes < 1:
        raise InputError(f"max_line_bytes={max_line_bytes}: give a size of at least 1 byte")


def _chunk_size(count: int | None, done: int, slots: int) -> int:
    """Chunks big enough to keep overhead low, small enough to feed every slot."""
    if count is None:
        return MAX_CHUNK
    pending = max(count - done, 1)
    return max(1, min(MAX_CHUNK, math.ceil(pending / (slots * CHUNKS_PER_SLOT))))


def _pending(
    articles: Iterable[SourceArticle], done: set[str], summary: RunSummary
) -> Iterator[SourceArticle]:
    """The articles not done yet; an id seen again in the source is counted, not redone."""
    seen: set[str] = set()
    for article in articles:
        if article.id in seen:
            summary.repeated += 1
        elif article.id in done:
            summary.skipped += 1
        else:
            yield article
        seen.add(article.id)


def _chunks(articles: Iterator[SourceArticle], size: int) -> Iterator[list[SourceArticle]]:
    chunk: list[SourceArticle] = []
    for article in articles:
        chunk.append(article)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _run_chunks(
    engine: Engine, chunks: Iterator[list[SourceArticle]]
) -> Iterator[list[dict[str, object]]]:
    """Result lines of each chunk, in the order sent; a few chunks per slot in flight.

    When the source fails mid-way (a damaged archive page), the chunks already sent
    are still finished and handed back before the error is raised.
    """
    window = engine.slots * 2 + 1
    in_flight: deque[ChunkFuture] = deque()
    source_error: DanvanError | None = None
    while True:
        try:
            chunk = next(chunks, None)
        except DanvanError as error:
            source_error = error
            break
        if chunk is None:
            break
        in_flight.append(engine.submit(chunk))
        if len(in_flight) >= window:
            yield _result(in_flight.popleft())
    while in_flight:
        yield _result(in_flight.popleft())
    if source_error is not None:
        raise source_error


def _result(future: ChunkFuture) -> list[dict[str, object]]:
    try:
        return future.result()
    except BrokenProcessPool as error:
        raise DanvanError(
            "a worker process died (out of memory?); what was written is kept: "
            "rerun the same command to resume, perhaps with fewer --workers"
        ) from error


def _stop_if_broken(lines: list[dict[str, object]], summary: RunSummary) -> None:
    """Stop before writing when the first chunk failed whole inside the extractor.

    Every article failing with an internal error means a broken installation or
    stage, not bad articles: recording them all as done would only hide them.
    """
    if summary.done or summary.failed or not lines:
        return
    if all(line.get("error_kind") == INTERNAL for line in lines):
        raise DanvanError(
            f"every article of the first chunk failed inside the extractor "
            f"({lines[0]['error']}); nothing was written: fix the installation "
            "(or report the bug) and rerun"
        )


def _count(lines: list[dict[str, object]], summary: RunSummary) -> None:
    for line in lines:
        if "error" in line:
            summary.failed += 1
        else:
            summary.done += 1
