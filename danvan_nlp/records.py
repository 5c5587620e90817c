"""Records that flow out of the pipeline: dataclasses with ``(str, Enum)`` labels.

Every extracted fact carries a :class:`Span` into the text the caller gave and the
name of the rule that produced it, so a reader can always go back to the words.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import asdict, dataclass, field
from enum import Enum
from typing import Any, TypeVar

from danvan_nlp.errors import InputError

RecordT = TypeVar("RecordT")


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


class PlaceLevel(str, Enum):
    """The administrative level of the unit a figure counts in."""

    PROVINCE = "province"
    DISTRICT = "district"
    COMMUNE = "commune"
    VILLAGE = "village"
    NATIONAL = "national"


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
    place: str | None = None
    place_level: PlaceLevel | None = None
    province_2025: str | None = None
    commune_2025: str | None = None
    period_start: int | None = None
    period_end: int | None = None
    period_months: int | None = None
    period_inferred: bool = False
    as_of: str | None = None


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


def from_plain(cls: type[RecordT], value: Any, where: str = "") -> RecordT:
    """The record of type ``cls`` that :func:`to_plain` turned into ``value``.

    Driven by the dataclass's own field types, so a field added to a record needs no
    change here. Keys a record does not have are refused with
    :class:`~danvan_nlp.errors.InputError` naming where they were found.
    """
    built: RecordT = _build(cls, value, where or cls.__name__)
    return built


def _build(kind: Any, value: Any, where: str) -> Any:
    """``value`` as an instance of the annotation ``kind`` (records, enums, lists, unions)."""
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        return _build_union(typing.get_args(kind), value, where)
    if origin is list:
        if not isinstance(value, list):
            raise InputError(f"{where}: expected a list, got {type(value).__name__}")
        (item_kind,) = typing.get_args(kind)
        return [_build(item_kind, item, f"{where}[{index}]") for index, item in enumerate(value)]
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        return _build_record(kind, value, where)
    if isinstance(kind, type) and issubclass(kind, Enum):
        try:
            return kind(value)
        except ValueError as error:
            raise InputError(f"{where}: {value!r} is not a {kind.__name__} label") from error
    return _build_scalar(kind, value, where)


def _build_union(options: tuple[Any, ...], value: Any, where: str) -> Any:
    if value is None and type(None) in options:
        return None
    real = [option for option in options if option is not type(None)]
    return _build(real[0], value, where)


def _build_record(kind: type[Any], value: Any, where: str) -> Any:
    if not isinstance(value, dict):
        raise InputError(f"{where}: expected an object, got {type(value).__name__}")
    hints = typing.get_type_hints(kind)
    names = {item.name for item in dataclasses.fields(kind)}
    unknown = sorted(set(value) - names)
    if unknown:
        raise InputError(f"{where}: unknown field(s) {', '.join(unknown)}")
    return kind(**{name: _build(hints[name], item, f"{where}.{name}")
                   for name, item in value.items()})


def _build_scalar(kind: Any, value: Any, where: str) -> Any:
    if kind is float and isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if kind is Any or (isinstance(kind, type) and isinstance(value, kind)):
        return value
    raise InputError(f"{where}: expected {getattr(kind, '__name__', kind)}, "
                     f"got {type(value).__name__}")
