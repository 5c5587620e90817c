"""The result file: JSONL, one line per article, only ever appended to.

A run appends whole chunks and flushes them to disk, so killing it loses nothing
already written; at most the last line is torn, and the next run cuts it off
before appending. Lines start with the article id so a rerun can list what is
done without parsing every extraction. A file that is not a result (its first
line is not a JSON object with an ``id``, or its torn tail does not start like a
result line) is refused untouched: it may be someone's notes given as ``--out``.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from danvan_nlp.errors import ArchiveError, InputError

try:
    import fcntl
except ImportError:  # pragma: no cover - not on Windows
    fcntl = None  # type: ignore[assignment]

_ID_PREFIX = re.compile(
    rb"""
    ^\{"id":\ "([^"\\]+)"   # a line this module wrote starts with the article id
    """,
    re.VERBOSE,
)

RESULT_START = b'{"id": "'
FIRST_LINE_BYTES = 16_000_000
Reporter = Callable[[str], None]


def check_out_path(path: Path, option: str = "--out") -> None:
    """Refuse, before anything is written, an output path whose file could not be made."""
    if path.is_dir():
        raise InputError(f"{path} is a folder; {option} takes a file name")
    folder = path.parent
    if not folder.is_dir():
        raise InputError(f"{folder}: no such folder; create it first or give {option} "
                         "in an existing folder")
    target = path if path.exists() else folder
    if not os.access(target, os.W_OK):
        raise InputError(f"{target}: not writable; give {option} where you may write")


def check_result_file(path: Path) -> None:
    """Refuse an existing file that is not a result file (it is never touched)."""
    if not path.is_file() or path.stat().st_size == 0:
        return
    with path.open("rb") as stream:
        first = stream.readline(FIRST_LINE_BYTES)
    whole = first.endswith(b"\n")
    if (whole and _parse(first, full=True) is None) or (not whole and not _torn_result(first)):
        raise InputError(
            f"{path}: exists and is not a danvan result (its first line is not a JSON object "
            "with an \"id\"); left untouched: give a new file, or the result of an earlier run"
        )


def _torn_result(tail: bytes) -> bool:
    """Whether a line without its newline is the start of a line this module writes."""
    return tail.startswith(RESULT_START) or RESULT_START.startswith(tail)


def repair_tail(path: Path) -> bool:
    """Cut a torn last line (no newline: the run was killed while writing); True if cut.

    Only a tail that starts like a result line (``{"id": "``) is cut; anything else
    is refused with :class:`InputError` and the file is left as it is.
    """
    if not path.exists() or path.stat().st_size == 0:
        return False
    with path.open("rb+") as stream:
        stream.seek(-1, os.SEEK_END)
        if stream.read(1) == b"\n":
            return False
        keep = _end_of_last_line(stream)
        stream.seek(keep)
        if not _torn_result(stream.read(len(RESULT_START))):
            raise InputError(f"{path}: the last line is not a result line and has no newline; "
                             "left untouched: is this a danvan result? give another --out")
        stream.truncate(keep)
    return True


def _end_of_last_line(stream: IO[bytes]) -> int:
    """Offset just after the last newline of a file (0 when there is none)."""
    position = stream.seek(0, os.SEEK_END)
    while position > 0:
        step = min(65536, position)
        position -= step
        stream.seek(position)
        block = stream.read(step)
        newline = block.rfind(b"\n")
        if newline >= 0:
            return position + newline + 1
    return 0


def done_ids(path: Path, report: Reporter | None = None) -> set[str]:
    """Ids of the articles the result file already holds (extracted or failed)."""
    ids: set[str] = set()
    for record in _lines(path, report, full=False):
        ids.add(str(record["id"]))
    return ids


def read_results(path: Path, report: Reporter | None = None) -> Iterator[dict[str, Any]]:
    """Every readable line of a result file; unreadable lines are reported and skipped."""
    return _lines(path, report, full=True)


def _lines(path: Path, report: Reporter | None, *, full: bool) -> Iterator[dict[str, Any]]:
    if not path.exists():
        return
    with path.open("rb") as stream:
        for number, line in enumerate(stream, start=1):
            record = _parse(line, full=full)
            if record is not None:
                yield record
            elif line.strip() and report is not None:
                report(f"{path}: line {number} is not a complete result line; skipped")


def _parse(line: bytes, *, full: bool) -> dict[str, Any] | None:
    if not line.endswith(b"\n"):
        return None
    match = _ID_PREFIX.match(line)
    if match and not full and line.rstrip().endswith(b"}"):
        return {"id": match.group(1).decode("utf-8")}
    try:
        record = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return None
    return record if isinstance(record, dict) and "id" in record else None


class ResultWriter:
    """Appends result lines chunk by chunk, flushed and synced; one writer per file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._stream: IO[str] | None = None

    def __enter__(self) -> ResultWriter:
        try:
            stream = self.path.open("a", encoding="utf-8", newline="\n")
        except OSError as error:
            raise InputError(f"{self.path}: cannot open the result for writing "
                             f"({error.strerror}); give another --out") from error
        try:
            _lock(stream, self.path)
        except ArchiveError:
            stream.close()
            raise
        self._stream = stream
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        stream, self._stream = self._stream, None
        if stream is None:
            return
        try:
            stream.close()
        except OSError as close_error:  # only when a write already failed: that error stands
            if error is None:
                raise ArchiveError(f"{self.path}: cannot close the result "
                                   f"({close_error.strerror})") from close_error

    def write(self, records: Iterable[dict[str, Any]]) -> None:
        """Append the records, one JSON line each, and push them to disk."""
        if self._stream is None:
            raise ArchiveError("the result file is not open; use ResultWriter in a with block")
        text = "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
        try:
            self._stream.write(text)
            self._stream.flush()
            os.fsync(self._stream.fileno())
        except OSError as error:
            raise ArchiveError(
                f"{self.path}: cannot write the result ({error.strerror}); what was written "
                "is kept: make room and rerun the same command to resume"
            ) from error


def _lock(stream: IO[str], path: Path) -> None:
    if fcntl is None:
        return
    try:
        fcntl.flock(stream.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as error:
        raise ArchiveError(
            f"{path}: another run is writing this result file; wait for it to end "
            "or give another --out"
        ) from error
