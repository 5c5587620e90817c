"""Whether progress bars show: only on a terminal, and never after ``-q``.

``danvan -q`` sets ``DANVAN_QUIET`` (see :mod:`danvan_nlp.cli.logs`), so worker processes
started by a run see it too.
"""

from __future__ import annotations

import os

QUIET_ENV = "DANVAN_QUIET"


def progress_disabled() -> bool | None:
    """The ``disable`` argument for tqdm: off with ``-q``, else only on a terminal."""
    return True if os.environ.get(QUIET_ENV) else None
