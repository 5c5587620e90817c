"""Reading the texts the command line is given: files, ``-`` for stdin, or the sample."""

from __future__ import annotations

import os
import stat
import sys
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from danvan_nlp.errors import InputError
from danvan_nlp.textio import decode_text, read_capped, read_regular_file

SAMPLE_NAME = "backan-2024-07-23-dan-van-kheo.txt"
MAX_FILE_BYTES = 20_000_000


@dataclass(frozen=True, slots=True)
class InputText:
    """One input: where it came from and its decoded text."""

    path: str
    text: str


def sample_input() -> InputText:
    """The seed article shipped with the package."""
    ref = resources.files("danvan_nlp.data.sample").joinpath(SAMPLE_NAME)
    return InputText(path=f"<sample>/{SAMPLE_NAME}", text=ref.read_text(encoding="utf-8"))


def stdin_is_piped() -> bool:
    """True when standard input is a pipe, a socket or a redirected file: text to read.

    A terminal, ``/dev/null`` (a character device) or a closed stdin is not: a user who
    typed ``danvan extract`` alone meant the sample, not to type an article.
    """
    try:
        mode = os.fstat(sys.stdin.fileno()).st_mode
    except (OSError, ValueError, AttributeError):
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISREG(mode) or stat.S_ISSOCK(mode)


def read_input(name: str) -> InputText:
    """Decode one named input (``-`` is stdin); bad input raises :class:`InputError`."""
    if name == "-":
        return InputText(path="-", text=decode_text(read_capped(sys.stdin.buffer, MAX_FILE_BYTES)))
    path = Path(name)
    if not path.exists():
        raise InputError("no such file; check the path")
    if path.is_dir():
        raise InputError(f"is a folder; give the .txt files in it (e.g. {name}/*.txt)")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise InputError(f"{size / 1e6:.1f} MB is too large for one article; split it")
    try:
        data = read_regular_file(path, MAX_FILE_BYTES)
    except OSError as error:
        raise InputError(f"cannot be read ({error.strerror})") from error
    return InputText(path=name, text=decode_text(data))
