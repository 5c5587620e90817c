"""A time limit for one extraction, checked cooperatively (works in any thread).

:func:`danvan_nlp.extract` starts a :class:`Deadline` and checks it between
stages. A stage with a long loop may poll it too, so a runaway article stops
inside the loop rather than at the next stage::

    from danvan_nlp.deadline import check_deadline

    for item in items:
        check_deadline()          # raises ExtractTimeout once the time is up
        ...

The deadline uses no signals, so it also holds in threads (Dask workers); the
price is that a single long call between two checks is not interrupted. Where a
signal can be used (the main thread on Unix: the command line, the local batch
engine's processes), :func:`interrupt_after` also stops such a call.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from time import monotonic
from typing import TypeVar

from danvan_nlp.errors import ExtractTimeout

ARTICLE_SECONDS = 60.0
_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class Deadline:
    """When the time for one article is up; ``seconds`` is the limit it was given."""

    seconds: float
    ends_at: float

    @classmethod
    def after(cls, seconds: float) -> Deadline:
        """A deadline ``seconds`` from now."""
        return cls(seconds, monotonic() + seconds)

    def expired(self) -> bool:
        """Whether the time is up."""
        return monotonic() >= self.ends_at

    def check(self) -> None:
        """Raise :class:`ExtractTimeout` once the time is up."""
        if self.expired():
            raise ExtractTimeout(timeout_message(self.seconds))


def timeout_message(seconds: float) -> str:
    """What a timed-out article is told (the batch's ``timeout`` lines say the same)."""
    return (f"extraction took over {seconds:g} s; stopped (usually a runaway pattern: "
            "report the article, or raise the limit with --article-seconds / time_limit=)")


_CURRENT: ContextVar[Deadline | None] = ContextVar("danvan_deadline", default=None)


def stages_until(deadline: Deadline | None, stages: Iterable[_T]) -> Iterator[_T]:
    """The stages, the deadline checked before each and after the last.

    While they run, ``deadline`` is the one :func:`check_deadline` sees in this thread.
    """
    token = _CURRENT.set(deadline)
    try:
        for stage in stages:
            if deadline is not None:
                deadline.check()
            yield stage
        if deadline is not None:
            deadline.check()
    finally:
        _CURRENT.reset(token)


def current_deadline() -> Deadline | None:
    """The deadline of the extraction running in this thread, if it has one."""
    return _CURRENT.get()


def check_deadline() -> None:
    """Raise :class:`ExtractTimeout` when the running extraction's time is up (cheap)."""
    deadline = _CURRENT.get()
    if deadline is not None:
        deadline.check()


def deadline_for(time_limit: float | None) -> Deadline | None:
    """The deadline of a ``time_limit`` in seconds (``None`` or 0: no limit)."""
    if time_limit is None or time_limit == 0:
        return None
    if time_limit < 0:
        raise ValueError(f"time_limit must be positive seconds (or None), not {time_limit}")
    return Deadline.after(time_limit)


class _Interrupted(BaseException):
    """Raised by the alarm (a BaseException, so no stage's ``except Exception`` swallows it)."""


def _interrupt(signum: int, frame: object) -> None:
    raise _Interrupted


@contextmanager
def interrupt_after(seconds: float | None) -> Iterator[None]:
    """Stop the block with :class:`ExtractTimeout` after ``seconds``, even inside one long call.

    Uses SIGALRM, so only in the main thread on Unix; elsewhere (and for ``None`` or 0)
    it does nothing and the cooperative :class:`Deadline` is the only limit.
    """
    if not seconds or seconds <= 0 or not hasattr(signal, "setitimer") or (
        threading.current_thread() is not threading.main_thread()
    ):
        yield
        return
    previous = signal.signal(signal.SIGALRM, _interrupt)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _Interrupted:
        raise ExtractTimeout(timeout_message(seconds)) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
