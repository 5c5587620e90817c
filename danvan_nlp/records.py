"""Records that flow out of the pipeline: dataclasses with ``(str, Enum)`` labels.

Every extracted fact carries a :class:`Span` into the text the caller gave and the
name of the rule that produced it, so a reader can always go back to the words.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import Enum
from typing import Any


class Qualifier(str, Enum):
    """How the number relates to the true quantity ("hơn 2.700" is ``more_than``)."""

    EXACT = "exact"
    MORE_THAN = "more_than"
    AT_LEAST = "at_least"
    LESS_THAN = "less_than"
    NEARLY = "nearly"
    ABOUT = "about"


class Outcome(str, Enum):
    """What happened to the counted thing, decided by the governing verb."""

    REGISTERED = "registered"
    IMPLEMENTED = "implemented"
    RECOGNIZED = "recognized"
    COMMENDED = "commended"
    MOBILIZED = "mobilized"
    OTHER = "other"


class Role(str, Enum):
    """What an official does in the event the article reports."""

    CHAIRS = "chairs"
    SPEAKS = "speaks"
    ATTENDS = "attends"
    AWARDS = "awards"
    RECEIVES = "receives"


class PositionStatus(str, Enum):
    """Whether a position is held now: ``former`` ("nguyên ..."), ``acting`` ("Quyền ..."),
    ``new`` (appointed or moved to it: "được bổ nhiệm", "về làm")."""

    CURRENT = "current"
    FORMER = "former"
    ACTING = "acting"
    NEW = "new"


@dataclass(frozen=True, slots=True)
class Span:
    """Characters ``start:end`` of the caller's text, and what they say."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Position:
    """One post an official holds, as written and with abbreviations expanded."""

    surface: str
    normalized: str
    span: Span
    rule: str
    status: PositionStatus = PositionStatus.CURRENT


@dataclass(slots=True)
class Official:
    """A named person with at least one position; one record however often named."""

    name: str
    positions: list[Position]
    mentions: list[Span]
    rule: str
    honorific: str | None = None
    rank: str | None = None
    roles: list[Role] = field(default_factory=list)


@dataclass(slots=True)
class Figure:
    """A quantity of something, what it counts and what happened to it."""

    value: float
    unit: str
    qualifier: Qualifier
    outcome: Outcome
    span: Span
    sentence: Span
    rule: str
    value_max: float | None = None
    total: float | None = None
    awarder: str | None = None
    period: str | None = None
    evidence: str = ""


@dataclass(slots=True)
class DocumentRef:
    """A reference to a Party or state document with a code."""

    code: str
    kind: str
    span: Span
    rule: str
    date: str | None = None
    issuer: str | None = None


@dataclass(slots=True)
class Model:
    """A "Dân vận khéo" model or exemplary practice the article presents."""

    title: str
    span: Span
    context: str
    rule: str
    domain: str | None = None
    domain_score: float | None = None


def to_plain(obj: Any) -> Any:
    """A dataclass record (or list of them) as plain JSON-ready values."""
    if isinstance(obj, list):
        return [to_plain(item) for item in obj]
    return _enum_values(asdict(obj))


def _enum_values(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dict):
        return {key: _enum_values(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_enum_values(item) for item in value]
    return value
