"""Logging and progress-bar settings shared by every ``danvan`` sub-command."""

from __future__ import annotations

import logging
import os
import sys

from danvan_nlp.progress import QUIET_ENV

LOGGER_NAMES = ("danvan_nlp",)


def configure_logging(*, verbose: int, quiet: bool) -> None:
    """Send the project's log records to stderr at the level ``-v``/``-q`` asks for.

    Default WARNING, ``-v`` INFO, ``-vv`` DEBUG, ``-q`` ERROR. ``-q`` also sets
    ``DANVAN_QUIET`` so that progress bars (:func:`progress_disabled`) stay off,
    in worker processes too.
    """
    level = logging.ERROR if quiet else {0: logging.WARNING, 1: logging.INFO}.get(
        verbose, logging.DEBUG)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("danvan: %(levelname)s: %(message)s"))
    for name in LOGGER_NAMES:
        logger = logging.getLogger(name)
        logger.handlers[:] = [handler]
        logger.setLevel(level)
        logger.propagate = False
    if quiet:
        os.environ[QUIET_ENV] = "1"
    else:
        os.environ.pop(QUIET_ENV, None)
