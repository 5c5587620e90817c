"""What each pipeline stage reads and fills, declared where the stage is defined.

As spaCy's ``Language.component(requires=..., assigns=...)``, a stage says which
:class:`~danvan_nlp.article.Article` fields it reads (``requires``) and which it fills
(``assigns``). :func:`check_order` reads a list of stages the way ``analyze_pipes``
does and refuses one whose stage would read a field no stage before it fills: run alone,
the officials stage would otherwise silently lose the province it reads.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import TypeVar

from danvan_nlp.errors import StageOrderError


class RuleName(str, Enum):
    """The base of every rule-name Enum: a rule's serialised name is its value, so a
    record's ``rule`` reads as the same string whether it holds the member or the text.
    Each stage generates its members from its registries (``RuleName("FigureRule", ...)``).
    """


# fields every article has before any stage runs
BASE_FIELDS = frozenset({"text", "ntext", "sentences", "context"})

StageFunction = TypeVar("StageFunction", bound=Callable[..., None])


@dataclass(frozen=True, slots=True)
class Declaration:
    """The fields one stage reads and fills."""

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


_DECLARED: dict[Callable[..., None], Declaration] = {}


def component(*, requires: Iterable[str] = (),
              assigns: Iterable[str] = ()) -> Callable[[StageFunction], StageFunction]:
    """Declare what the decorated stage reads and fills (the stage itself is unchanged)."""

    def register(stage: StageFunction) -> StageFunction:
        module = stage.__module__.removeprefix("danvan_nlp.stages.").removesuffix(".stage")
        name = f"{module}.{stage.__name__}"
        _DECLARED[stage] = Declaration(name, tuple(requires), tuple(assigns))
        return stage

    return register


def declaration(stage: Callable[..., None]) -> Declaration | None:
    """What ``stage`` declared, or None for a stage defined without :func:`component`."""
    return _DECLARED.get(stage)


def check_order(stages: Sequence[Callable[..., None]], given: Iterable[str] = ()) -> None:
    """Raise :class:`StageOrderError` when a stage reads a field that neither ``given``
    (fields the caller filled) nor a declared stage before it fills. After a stage that
    declared nothing, nothing more is checked: it may fill anything."""
    filled = set(BASE_FIELDS) | set(given)
    for stage in stages:
        declared = declaration(stage)
        if declared is None:
            return
        missing = [name for name in declared.requires if name not in filled]
        if missing:
            raise StageOrderError(_missing_message(declared, missing))
        filled.update(declared.assigns)


def _missing_message(declared: Declaration, missing: list[str]) -> str:
    providers = sorted({other.name for other in _DECLARED.values()
                        for name in missing if name in other.assigns})
    fix = (f"run {' and '.join(providers)} before it" if providers
           else "fill it before this stage runs")
    return (f"stage {declared.name} reads {', '.join(missing)}, which no stage before it "
            f"fills: {fix}, or leave out stages= to run the default stages in order")
