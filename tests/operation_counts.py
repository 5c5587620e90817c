"""Growth tested by counting operations, never by timing: the calls a piece of work makes."""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import FrameType
from typing import Any


def calls(run: Callable[[], Any]) -> int:
    """How many Python and C function calls ``run()`` makes (``sys.setprofile`` events)."""
    count = 0

    def counter(_frame: FrameType, event: str, _arg: object) -> None:
        nonlocal count
        count += event in ("call", "c_call")

    sys.setprofile(counter)
    try:
        run()
    finally:
        sys.setprofile(None)
    return count
