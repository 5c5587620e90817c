"""A static check that a site definition's regex cannot backtrack catastrophically.

Python's ``re`` backtracks, so a pattern whose quantifiers can share the same characters
(``(a+)+``, ``[^/]*-[^/]*-[^/]*``, ``.*-\\d+``) takes polynomial or exponential time on a
hostile URL such as a link with 10,000 dashes. Definitions are data anyone may add, so
every pattern is refused at load time unless, by construction:

* no unbounded repeat holds another repeat (``(?:x+)+``); a small bounded outer repeat
  such as ``(?:[^/]+/){1,2}`` is fine;
* two unbounded repeats in a row never share a character when only characters the first
  one also matches stand between them (``[^/]*-[^/]*`` shares everything);
* an unanchored pattern does not open with an unbounded repeat that its search can start
  inside again and again (``\\d+x``): some character before it must be one the repeat
  cannot match (``-post\\d+`` is fine: ``p`` is not a digit).

The check works on the parse tree of Python's own regex parser, with character classes
compared over a probe alphabet (ASCII and the Vietnamese letters URLs carry).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Iterator
from typing import Any

_PARSER: Any = importlib.import_module("re._parser")
_CONST: Any = importlib.import_module("re._constants")
SMALL_BOUND = 10  # a bounded repeat up to this many times may hold another repeat
PROBE = frozenset([chr(code) for code in range(128)] + list("đĐưƯăâêôơáàảãạéè–…\u00a0"))
_CATEGORY_PROBES = {"CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D",
                    "CATEGORY_SPACE": r"\s", "CATEGORY_NOT_SPACE": r"\S",
                    "CATEGORY_WORD": r"\w", "CATEGORY_NOT_WORD": r"\W"}
Item = tuple[Any, Any]


def unsafe_reason(pattern: str, flags: int = 0) -> str | None:
    """Why ``pattern`` may take more than linear time on some input, or None if it cannot."""
    tree = _PARSER.parse(pattern, flags)
    ignore_case = bool(tree.state.flags & re.IGNORECASE)
    items = list(tree)
    return (_check_sequence(items, ignore_case)
            or _check_search_start(items, ignore_case))


def _is_repeat(op: Any) -> bool:
    return op in (_CONST.MAX_REPEAT, _CONST.MIN_REPEAT, _CONST.POSSESSIVE_REPEAT)


def _unbounded(item: Item) -> bool:
    return _is_repeat(item[0]) and item[1][1] is _CONST.MAXREPEAT


def _children(item: Item) -> Iterator[list[Item]]:
    """The sub-sequences an item holds (group bodies, repeat bodies, branches, lookarounds)."""
    op, arg = item
    if _is_repeat(op):
        yield list(arg[2])
    elif op in (_CONST.SUBPATTERN, _CONST.ATOMIC_GROUP, _CONST.ASSERT, _CONST.ASSERT_NOT):
        yield list(arg[-1])
    elif op is _CONST.BRANCH:
        yield from (list(branch) for branch in arg[1])
    elif op is _CONST.GROUPREF_EXISTS:
        yield from (list(part) for part in arg[1:] if part is not None)


def _holds_repeat(items: Iterable[Item]) -> bool:
    for item in items:
        if _is_repeat(item[0]) and item[1][1] != 1:
            return True
        if any(_holds_repeat(child) for child in _children(item)):
            return True
    return False


def _check_sequence(items: list[Item], ignore_case: bool) -> str | None:
    """Nested repeats anywhere, overlapping neighbours in this sequence and below."""
    for item in items:
        op, arg = item
        if _is_repeat(op) and (arg[1] is _CONST.MAXREPEAT or arg[1] > SMALL_BOUND) \
                and (_holds_repeat(arg[2]) or _holds_branch(arg[2])):
            return "a repeat holds another repeat or an alternation (nested quantifiers)"
        for child in _children(item):
            problem = _check_sequence(child, ignore_case)
            if problem:
                return problem
    return _check_neighbours(_flatten(items), ignore_case)


def _holds_branch(items: Iterable[Item]) -> bool:
    return any(item[0] is _CONST.BRANCH or any(_holds_branch(child) for child in _children(item))
               for item in items)


def _flatten(items: list[Item], group: int = 0) -> list[tuple[Item, int]]:
    """Plain groups and bounded repeats opened up, so ``[^/]*(?:-[^/]*)?`` is seen as one
    sequence; each item carries the optional group it sits in (0: always present)."""
    flat: list[tuple[Item, int]] = []
    for op, arg in items:
        if op is _CONST.SUBPATTERN:
            flat.extend(_flatten(list(arg[-1]), group))
        elif _is_repeat(op) and arg[1] is not _CONST.MAXREPEAT and _single_set(
                list(arg[2]), False) is None:
            flat.extend(_flatten(list(arg[2]), id(arg) if arg[0] == 0 else group))
        else:
            optional = _is_repeat(op) and arg[0] == 0 and arg[1] is not _CONST.MAXREPEAT
            flat.append(((op, arg), id(arg) if optional else group))
    return flat


def _check_neighbours(flat: list[tuple[Item, int]], ignore_case: bool) -> str | None:
    for index, (item, group) in enumerate(flat):
        if not _unbounded(item):
            continue
        first = _single_set(list(item[1][2]), ignore_case)
        if first is not None and _overlaps_later(first, group, flat[index + 1:], ignore_case):
            return "two unbounded repeats can match the same characters (overlapping quantifiers)"
    return None


def _overlaps_later(first: frozenset[str], first_group: int, rest: list[tuple[Item, int]],
                    ignore_case: bool) -> bool:
    """True when a later unbounded repeat shares characters with ``first`` and the text
    between them can split in many ways: each thing standing between may be absent, or
    could be swallowed by both repeats."""
    between_ok = True  # every item between can be absent or matched by both repeats
    separators: list[frozenset[str]] = []
    for item, group in rest:
        if item[0] is _CONST.AT:
            continue
        body = list(item[1][2]) if _is_repeat(item[0]) else [item]
        chars = _single_set(body, ignore_case)
        if chars is None:
            return False
        if _unbounded(item):
            shared = all(bool(seen & chars) for seen in separators)
            return bool(chars & first) and between_ok and shared
        if group not in (0, first_group):
            continue  # may be absent: the repeats can meet without it
        if not chars <= first:
            return False
        separators.append(chars)
    return False


def _check_search_start(items: list[Item], ignore_case: bool) -> str | None:
    """An unanchored pattern's first unbounded repeat needs a character before it that the
    repeat cannot match; otherwise each search position rescans the same stretch."""
    for branch in _branches(items):
        if branch and branch[0][0] == (_CONST.AT, _CONST.AT_BEGINNING):
            continue
        if not _has_stopper(branch, ignore_case):
            return "the pattern opens with an unbounded repeat: anchor it with ^ or a literal"
    return None


def _branches(items: list[Item]) -> list[list[tuple[Item, int]]]:
    """A pattern that is one alternation is checked branch by branch."""
    flat = _flatten(items)
    if len(flat) == 1 and flat[0][0][0] is _CONST.BRANCH:
        return [_flatten(list(branch)) for branch in flat[0][0][1][1]]
    return [flat]


def _has_stopper(branch: list[tuple[Item, int]], ignore_case: bool) -> bool:
    before: list[frozenset[str]] = []
    for item, group in branch:
        if _unbounded(item):
            chars = _single_set(list(item[1][2]), ignore_case)
            return chars is not None and any(not seen <= chars for seen in before)
        single = _single_set([item], ignore_case)
        if single is not None and group == 0:
            before.append(single)
    return True


def _single_set(items: list[Item], ignore_case: bool) -> frozenset[str] | None:
    """The probe characters a one-character item matches (None for anything longer)."""
    if len(items) != 1:
        return None
    op, arg = items[0]
    if op is _CONST.LITERAL:
        return _cased({chr(arg)}, ignore_case)
    if op is _CONST.NOT_LITERAL:
        return PROBE - _cased({chr(arg)}, ignore_case)
    if op is _CONST.ANY:
        return PROBE
    if op is _CONST.IN:
        return _class_set(arg, ignore_case)
    return None


def _class_set(members: list[Item], ignore_case: bool) -> frozenset[str]:
    chars: set[str] = set()
    negate = False
    for op, arg in members:
        if op is _CONST.NEGATE:
            negate = True
        elif op is _CONST.LITERAL:
            chars.add(chr(arg))
        elif op is _CONST.RANGE:
            chars.update(char for char in PROBE if arg[0] <= ord(char) <= arg[1])
        elif op is _CONST.CATEGORY:
            probe = re.compile(_CATEGORY_PROBES.get(str(arg), r"[\s\S]"))
            chars.update(char for char in PROBE if probe.fullmatch(char))
    cased = _cased(chars, ignore_case)
    return PROBE - cased if negate else cased


def _cased(chars: set[str], ignore_case: bool) -> frozenset[str]:
    if not ignore_case:
        return frozenset(chars)
    return frozenset(chars | {char.swapcase() for char in chars})
