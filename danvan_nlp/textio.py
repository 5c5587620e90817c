"""Reading article bytes safely, and decoding them: UTF-8 (with or without a BOM) or a clear error.

Shared by the command line's file inputs and the batch runner's inputs. Every
read has a cap, and only regular files are opened, so a FIFO, ``/dev/zero`` or a
runaway line ends in one clear :class:`InputError`, never a hang or ``MemoryError``.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from danvan_nlp.errors import InputError

UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
MAX_LINE_BYTES = 8_000_000
SKIP_BLOCK = 1 << 20
NOT_REGULAR = ("is not a regular file (a FIFO, device or socket); save the text to a file, "
               "or pipe it in with '-'")


def decode_text(data: bytes) -> str:
    """UTF-8 text (a BOM is dropped); UTF-16 and other bytes raise :class:`InputError`."""
    if data.startswith(UTF16_BOMS):
        raise InputError("UTF-16: re-save the file as UTF-8 (it starts with a UTF-16 "
                         "byte-order mark)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            f"not valid UTF-8 (byte {error.start}); re-save the file as UTF-8"
        ) from error


def check_regular(path: Path) -> None:
    """Raise :class:`InputError` unless ``path`` is a regular file (it is not opened)."""
    if not stat.S_ISREG(path.stat().st_mode):
        raise InputError(f"{path} {NOT_REGULAR}")


def read_regular_file(path: Path, cap: int) -> bytes:
    """The bytes of a regular file of at most ``cap`` bytes, else :class:`InputError`.

    The file is opened without blocking and checked before reading, so a FIFO is
    refused at once instead of waiting for a writer.
    """
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(descriptor, "rb") as stream:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise InputError(NOT_REGULAR)
        return read_capped(stream, cap)


def read_capped(stream: IO[bytes], cap: int) -> bytes:
    """At most ``cap`` bytes of a stream; more raises :class:`InputError` (reads cap+1 at most)."""
    data = stream.read(cap + 1)
    if len(data) > cap:
        raise InputError(f"more than {cap / 1e6:g} MB is too large for one article; split it")
    return data


def capped_lines(stream: IO[bytes], cap: int = MAX_LINE_BYTES) -> Iterator[bytes | None]:
    """The lines of a binary stream; ``None`` for a line over ``cap`` bytes.

    A long line is skipped a block at a time, so memory stays under ``cap`` plus one
    block whatever the line's length.
    """
    while line := stream.readline(cap + 1):
        if len(line) > cap and not line.endswith(b"\n"):
            _skip_to_line_end(stream)
            yield None
        else:
            yield line


def _skip_to_line_end(stream: IO[bytes]) -> None:
    while block := stream.readline(SKIP_BLOCK):
        if block.endswith(b"\n"):
            return
