"""The errors danvan-nlp raises: one small hierarchy whose messages say what to do next."""

from __future__ import annotations


class DanvanError(Exception):
    """Base class: every error the library raises on purpose derives from it."""

    exit_code = 1


class InputError(DanvanError):
    """The input cannot be processed as given (missing, empty, not UTF-8, not Vietnamese...)."""

    exit_code = 2


class ModelArtifactError(DanvanError):
    """A trained artifact is missing, unreadable or was built with other library versions."""

    exit_code = 3


class FetchError(DanvanError):
    """A page could not be fetched (network, robots.txt, size cap, bad status)."""

    exit_code = 4


class ArchiveError(DanvanError):
    """The article archive cannot be opened, read or written."""

    exit_code = 5


class PageError(FetchError):
    """A page answered, but not with something we can use (HTTP status, type, size, robots.txt).

    ``status`` is the HTTP status of the answer when there was one, else None."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class BodyReadError(FetchError):
    """A page started to arrive but its body was cut off or stalled (retried before raised)."""


class StageOrderError(DanvanError):
    """``extract(stages=...)`` runs a stage before the stages that fill what it reads."""

    exit_code = 2
