"""Where chunks run: in this process, on local worker processes, or on a Dask cluster.

Every engine takes a chunk (a list of :class:`SourceArticle`) and hands back a
future whose ``result()`` is the chunk's result lines, so the runner does not
care which one it drives and the lines are the same whichever runs them.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import threading
import uuid
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any, Protocol

from danvan_nlp.batch.sources import SourceArticle
from danvan_nlp.batch.work import Job, extract_chunk, library_version
from danvan_nlp.errors import DanvanError, MissingDependencyError

DASK_CONNECT_TIMEOUT = "15s"
DASK_MESSAGE_LOG = 10


class ChunkFuture(Protocol):
    """A chunk being extracted: ``result()`` waits for its result lines."""

    def result(self) -> list[dict[str, Any]]: ...


class Engine(Protocol):
    """Runs chunks; ``slots`` is how many run at once."""

    slots: int

    def submit(self, chunk: list[SourceArticle]) -> ChunkFuture: ...

    def close(self) -> None: ...


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


class SerialEngine:
    """One worker: extract in this process (no start-up cost, same results)."""

    slots = 1

    def __init__(self, job: Job) -> None:
        self._job = job

    def submit(self, chunk: list[SourceArticle]) -> ChunkFuture:
        future: Future[list[dict[str, Any]]] = Future()
        future.set_result(extract_chunk(chunk, self._job))
        return future

    def close(self) -> None:
        """Nothing to release."""


class LocalEngine:
    """Worker processes on this machine (started fresh, so no thread state is forked)."""

    def __init__(self, workers: int, job: Job) -> None:
        self.slots = workers
        self._job = job
        context = multiprocessing.get_context("spawn")
        self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)

    def submit(self, chunk: list[SourceArticle]) -> ChunkFuture:
        return self._pool.submit(extract_chunk, chunk, self._job)

    def close(self) -> None:
        """Stop the workers; chunks not started are dropped (their articles are redone later)."""
        self._pool.shutdown(wait=True, cancel_futures=True)


class DaskEngine:
    """A dask.distributed cluster: the one at ``scheduler``, or a local one on 127.0.0.1."""

    def __init__(self, workers: int, scheduler: str | None, job: Job) -> None:
        distributed = _import_distributed()
        self._job = job
        self._cluster: Any = None
        self._client: Any = None
        self._config = _lean_message_logs()
        try:
            self.slots = self._start(distributed, workers, scheduler)
        except BaseException:
            self.close()
            raise

    def _start(self, distributed: Any, workers: int, scheduler: str | None) -> int:
        """Connect (starting a local cluster if needed); returns the cluster's threads."""
        if scheduler:
            self._client = _connect(distributed, scheduler)
        else:
            with _sigint_ignored():  # Ctrl-C stops the run here, which stops the cluster
                self._cluster = distributed.LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True,
                    host="127.0.0.1", dashboard_address=None, silence_logs=logging.ERROR,
                )
            self._client = distributed.Client(self._cluster)
        _check_workers(self._client, scheduler)
        threads: dict[str, int] = self._client.nthreads()
        return max(1, sum(threads.values()))

    def submit(self, chunk: list[SourceArticle]) -> ChunkFuture:
        key = f"danvan-chunk-{uuid.uuid4().hex}"
        future: ChunkFuture = self._client.submit(
            extract_chunk, chunk, self._job, key=key, pure=False
        )
        return future

    def close(self) -> None:
        """Disconnect, and stop the local cluster if this engine started it."""
        if self._client is not None:
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()
        self._config.__exit__(None, None, None)


@contextmanager
def _sigint_ignored() -> Iterator[None]:
    """Processes started inside inherit an ignored SIGINT (only the main thread can do this)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _lean_message_logs() -> Any:
    """Keep few sent messages for debugging (by default 1,000 per connection, and every
    message holds a whole chunk of articles): applied now, undone by ``__exit__``."""
    import dask

    return dask.config.set({"distributed.admin.low-level-log-length": DASK_MESSAGE_LOG})


def _import_distributed() -> Any:
    try:
        import distributed
    except ImportError as error:
        raise MissingDependencyError(
            "--engine dask needs dask.distributed: pip install 'danvan-nlp[dask]' "
            "(or run with the default --engine local)"
        ) from error
    return distributed


def _connect(distributed: Any, scheduler: str) -> Any:
    try:
        return distributed.Client(scheduler, timeout=DASK_CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as error:
        raise DanvanError(
            f"cannot reach the Dask scheduler at {scheduler} ({error}); start it with "
            "'dask scheduler' and workers with 'dask worker ADDRESS', or leave out "
            "--scheduler to use a local cluster"
        ) from error


def _check_workers(client: Any, scheduler: str | None) -> None:
    """Fail early, with advice, when the cluster's workers lack this danvan-nlp version."""
    where = scheduler or "the local cluster"
    try:
        versions = set(client.run(library_version).values())
    except ImportError as error:
        raise DanvanError(f"the Dask workers at {where} cannot import danvan_nlp; install "
                          f"danvan-nlp {library_version()} on every worker") from error
    check_versions(versions, library_version(), where)


def check_versions(versions: set[str], here: str, where: str) -> None:
    """Raise when the workers' danvan-nlp versions are not all this machine's."""
    if versions - {here}:
        raise DanvanError(
            f"the Dask workers at {where} have danvan-nlp {', '.join(sorted(versions))}, "
            f"this machine {here}: install the same version everywhere"
        )


def make_engine(engine: str, workers: int, scheduler: str | None, job: Job) -> Engine:
    """The engine for ``--engine`` / ``--workers`` / ``--scheduler``."""
    if engine == "dask":
        return DaskEngine(workers, scheduler, job)
    if engine != "local":
        raise DanvanError(f"unknown engine {engine!r}; use 'local' or 'dask'")
    if workers == 1:
        return SerialEngine(job)
    return LocalEngine(workers, job)
