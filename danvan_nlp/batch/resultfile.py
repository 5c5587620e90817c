"""The result file: JSONL, one line per article, only ever appended to.

A run appends whole chunks and flushes them to disk, so killing it loses nothing
already written; at most the last line is torn, and the next run cuts it off
before appending. Lines start with the article id so a rerun can list what is
done without parsing every extraction. A file that is not a result (its first
line is not a JSON object with an ``id``, or its torn tail does not start like a
result line) is refused untouched: it may be someone's notes given as ``--out``.

Every line ends with a checksum of its content, ``"sha256"``: the SHA-256 (hex)
of the line's UTF-8 JSON without that field (the line up to ``, "sha256"`` then
``}``). A line that fails it was damaged after it was written: a rerun does its
article again and an export counts it unreadable. Lines written before checksums
existed (no ``"sha256"``) are trusted when they parse as a JSON object with an id.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
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

_CHECKED_END = re.compile(
    rb"""
    ,\ "sha256":\ "       # the checksum is the last field of a line written here
    ([0-9a-f]{64})          # SHA-256 of the line without this field, in hex
    "\}\n                  # closing the object and the line
    """,
    re.VERBOSE,
)

CHECK_KEY = "sha256"
CHECKED_END_BYTES = len(f', "{CHECK_KEY}": "{"0" * 64}"}}\n')
RESULT_START = b'{"id": "'
FIRST_LINE_BYTES = 16_000_000
Reporter = Callable[[str], None]


def check_out_path(path: Path, option: str = "--out") -> None:
    """Refuse, before anything is written, an output path whose file could not be made."""
    if path.is_dir():
        raise InputError(f"{path} is a folder; {option} takes a file name")
    if path.exists() and not stat.S_ISREG(path.stat().st_mode):
        raise InputError(f"{path} is not a regular file (a FIFO, device or socket); "
                         f"{option} takes a file name")
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
    if (whole and not _whole_result(first)) or (not whole and not _torn_result(first)):
        raise InputError(
            f"{path}: exists and is not a danvan result (its first line is not a JSON object "
            "with an \"id\"); left untouched: give a new file, or the result of an earlier run"
        )


def _whole_result(line: bytes) -> bool:
    """Whether a whole line is a result line, sound or damaged after it was written."""
    return line.startswith(RESULT_START) or _parse(line, full=True)[0] is not None


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


def sealed_line(record: dict[str, Any]) -> str:
    """The record's JSON line, ending with its ``"sha256"`` checksum."""
    body = json.dumps({key: value for key, value in record.items() if key != CHECK_KEY},
                      ensure_ascii=False)
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
    return f'{body[:-1]}, "{CHECK_KEY}": "{digest}"}}\n'


def done_ids(path: Path, report: Reporter | None = None) -> set[str]:
    """Ids of the articles the result file holds on sound lines (extracted or failed)."""
    ids: set[str] = set()
    redo = None if report is None else _redo_reporter(report)
    for record in _lines(path, redo, full=False):
        ids.add(str(record["id"]))
    return ids


def _redo_reporter(report: Reporter) -> Reporter:
    return lambda message: report(f"{message} (its article, if in the input, is done again)")


def read_results(path: Path, report: Reporter | None = None) -> Iterator[dict[str, Any]]:
    """Every sound line of a result file (without its checksum); others reported and skipped."""
    return _lines(path, report, full=True)


def _lines(path: Path, report: Reporter | None, *, full: bool) -> Iterator[dict[str, Any]]:
    if not path.exists():
        return
    with path.open("rb") as stream:
        for number, line in enumerate(stream, start=1):
            record, problem = _parse(line, full=full)
            if record is not None:
                yield record
            elif line.strip() and report is not None:
                report(f"{path}: line {number} {problem}; skipped")


def _parse(line: bytes, *, full: bool) -> tuple[dict[str, Any] | None, str]:
    """The line's record (only its id unless ``full``), or ``None`` and what is wrong."""
    if not line.endswith(b"\n"):
        return None, "is not a complete result line"
    end = _CHECKED_END.fullmatch(line[-CHECKED_END_BYTES:])
    if end is None:
        return _unchecked(line)
    body = line[:-CHECKED_END_BYTES] + b"}"
    if hashlib.sha256(body).hexdigest().encode("ascii") != end.group(1):
        return None, "fails its checksum (damaged after it was written)"
    match = _ID_PREFIX.match(body)
    if match and not full:
        return {"id": match.group(1).decode("utf-8")}, ""
    return _unchecked(body)


def _unchecked(line: bytes) -> tuple[dict[str, Any] | None, str]:
    """A line without checksum (or its checked body) parsed whole."""
    try:
        record = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return None, "is not a complete result line"
    if not isinstance(record, dict) or "id" not in record:
        return None, "is not a result line (no JSON object with an \"id\")"
    if CHECK_KEY in record:
        return None, "fails its checksum (damaged after it was written)"
    return record, ""


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
        text = "".join(sealed_line(record) for record in records)
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
