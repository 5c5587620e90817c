"""What a number counts: the unit after it, or one the clause lends it.

The unit comes from ``lang/vi/units.tsv`` (longest entry wins); failing that, the one
or two lower-case words after the number that are not function words. A number with
no unit may borrow one: "giảm từ 358 xuống 50 xóm" (from the number it moves to) and
"số mô hình đăng ký ... là 2.360" (from the "số X" subject).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from danvan_nlp import lexicon
from danvan_nlp.context import ArticleContext
from danvan_nlp.numerals import Number, Unit, find_numbers, read_unit
from danvan_nlp.stages.figures.labels import UnitKind, UnitRule
from danvan_nlp.stages.figures.lexicon import mentions, role_alternation

_WORDS_AFTER = re.compile(
    r"""
    [ ]+ (?P<first>\w+)           # the first word after the number
    (?: [ ]+ (?P<second>\w+) )?   # and maybe a second one
    """,
    re.VERBOSE,
)


_SUBJECT_TOTAL = re.compile(
    r"""
    (?:tổng\s+)? số \s+ (?:lượng\s+)?  # "số", "tổng số", "số lượng"
    (?P<noun>[^\W\d]+(?:\s+[^\W\d]+)?)  # the counted noun after it
    [^.;:]*? \s (?:là|đạt|gồm) \s* $   # ... "là" right before the number
    """,
    re.VERBOSE | re.IGNORECASE,
)


_SENTENCE_STOP = re.compile(r"[.\n]")  # money is spoken of in the same sentence
_CLAUSE_STOP = re.compile(r"[.;:]")  # a "số X ... là" subject never spans these
MONEY_REACH = 300  # characters before a bare scaled number where money may be spoken of
SUBJECT_REACH = 400  # characters before a bare number its "số X ... là" subject may take


@dataclass(frozen=True, slots=True)
class CountedUnit:
    """The unit a figure records and the end of the unit phrase in the text."""

    unit: str
    end: int
    kind: UnitKind
    rule: UnitRule


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    return frozenset(lexicon.words("figure_stop_words.txt"))


@lru_cache(maxsize=1)
def non_units() -> frozenset[str]:
    """Words after a number that make it a time, age or grade ("năm", "cấp", "tuổi")."""
    return frozenset(lexicon.words("figure_non_units.txt"))


QUOTED_UNIT_REACH = 40  # characters of a quoted name where its counted noun may be
_QUOTED_NAME = re.compile(
    r"""
    [ ]+ ["“]      # a space and an opening quote: a name follows
    (?=\w)         # its first word right after the quote
    """,
    re.VERBOSE,
)


def _quoted_unit(text: str, number: Number) -> Unit | None:
    """ "xây dựng 14 “Tổ tự quản đường biên”": the counted noun opens the quoted name."""
    quote = _QUOTED_NAME.match(text, number.end)
    if quote is None or number.spelled:
        return None
    shift = quote.end() - 1  # read from the quote, as if it were the space
    unit = read_unit(" " + text[quote.end():quote.end() + QUOTED_UNIT_REACH], 0)
    if unit is None or unit.kind != "count":
        return None
    return Unit(unit.unit, unit.kind, unit.start + shift, unit.end + shift)


def unit_after(ctx: ArticleContext, number: Number) -> CountedUnit | None:
    """The unit written right after ``number``, from the table or the words there."""
    text = ctx.text
    unit = read_unit(text, number.end) or _quoted_unit(text, number)
    if unit is not None and number.spelled and text[unit.start].isupper() and (
            not unit.unit[0].isupper()):  # the table writes "Nghị quyết" capitalised
        return None  # "ba Đồn": a place name, not three outposts
    if unit is not None:
        end = unit.end
        counted = read_unit(text, end) if unit.kind == "percent" else None
        if counted is not None and counted.kind == "count":
            end = counted.end  # "100% xã, phường": the share of what
        if unit.kind == "classifier":
            end = _noun_end(text, end)  # "26 khẩu súng": the unit is "khẩu", the phrase goes on
        return CountedUnit(unit.unit, _list_end(text, end), UnitKind(unit.kind), UnitRule.TABLE)
    if number.spelled:
        return None
    return _open_noun(ctx, number)


def _open_noun(ctx: ArticleContext, number: Number) -> CountedUnit | None:
    text = ctx.text
    match = _WORDS_AFTER.match(text, number.end)
    nouns = _nouns_after(match) if match else []
    if match is None or not nouns:
        return _money_default(ctx, number)
    end = match.end(("first", "second")[len(nouns) - 1])
    return CountedUnit(" ".join(nouns), _list_end(text, end), UnitKind.COUNT,
                       UnitRule.NOUN_AFTER)


def _noun_end(text: str, end: int) -> int:
    """The end of the noun a counting word classifies ("căn | nhà", "lượt | đoàn viên")."""
    match = _WORDS_AFTER.match(text, end)
    nouns = _nouns_after(match) if match else []
    return match.end(("first", "second")[len(nouns) - 1]) if match and nouns else end


@lru_cache(maxsize=1)
def _verbs() -> frozenset[str]:
    return frozenset(row[0] for row in lexicon.table("outcome_verbs.tsv"))


def _nouns_after(match: re.Match[str]) -> list[str]:
    """The one or two words after a number that may name what it counts (not a verb)."""
    words = [w for w in (match["first"], match["second"]) if w]
    if " ".join(words).lower() in _verbs():
        return []
    kept: list[str] = []
    for word in words:
        if not _can_be_noun(word) or word.lower() in _verbs():
            break
        if kept and word.lower() in _verb_heads():
            break  # "95 chùa vận động": the second word starts a verb
        kept.append(word)
    return kept


@lru_cache(maxsize=1)
def _verb_heads() -> frozenset[str]:
    return frozenset(verb.split()[0] for verb in _verbs() if " " in verb)


def _can_be_noun(word: str) -> bool:
    lowered = word.lower()
    return (word.islower() and word.isalpha() and lowered not in _stop_words()
            and lowered not in non_units())


def _money_default(ctx: ArticleContext, number: Number) -> CountedUnit | None:
    """ "hơn 5 tỷ" with no unit: money when the scale is a billion or money is spoken of."""
    text = ctx.text
    written = text[number.start:number.end].lower()
    if not number.scaled:
        return None
    sentence_start = ctx.match_spans(_SENTENCE_STOP).last_end_before(number.start)
    lookback = max(sentence_start, number.start - MONEY_REACH)
    if "tỷ" in written or "tỉ" in written or mentions("money_context").search(
            text, lookback, number.start):
        return CountedUnit("đồng", number.end, UnitKind.MONEY, UnitRule.MONEY_DEFAULT)
    return None


_LIST_ITEM = re.compile(
    r"""
    ,[ ]+                          # a comma
    (?P<noun>\w+ (?:[ ]+\w+)?)     # and the next noun of the list ("phường", "thị trấn")
    """,
    re.VERBOSE,
)


def _list_end(text: str, end: int) -> int:
    """The end of a list of counted nouns ("xã, phường, thị trấn"): one figure, first noun."""
    while True:
        match = _LIST_ITEM.match(text, end)
        if match is None:
            return end
        unit = read_unit(text, match.start("noun") - 1)
        if unit is None or unit.kind != "count":
            return end
        end = unit.end


@lru_cache(maxsize=1)
def _moves_to() -> re.Pattern[str]:
    """ "từ 358 xuống 50 xóm": a number moving to another, which has the unit."""
    return re.compile(
        r"""
        \s+ (?:""" + role_alternation("move_verb") + r""")  # "xuống", "lên", "giảm"
        (?: \s+ (?:""" + role_alternation("move_filler") + r""") )?  # "xuống còn", "lên tới"
        \s+ (?=\d)                  # the number it moves to comes next
        """,
        re.VERBOSE | re.IGNORECASE,
    )


def moved_unit(ctx: ArticleContext, number: Number) -> CountedUnit | None:
    """ "từ 358 xuống 50 xóm": the unit of the number a bare number moves to."""
    text = ctx.text
    move = _moves_to().match(text, number.end)
    if move is not None:
        target = next((n for n in find_numbers(text[move.end():move.end() + 40])), None)
        if target is not None and target.start == 0:
            shifted = Number(move.end(), move.end() + target.end, target.value)
            unit = unit_after(ctx, shifted)
            if unit is not None:
                return CountedUnit(unit.unit, number.end, unit.kind, UnitRule.BORROWED)
    return None


def subject_unit(ctx: ArticleContext, number: Number, clause_start: int) -> CountedUnit | None:
    """ "số hộ tham gia ... là 120": the noun of a "số X ... là" subject before the number."""
    text = ctx.text
    part_start = ctx.match_spans(_CLAUSE_STOP).last_end_before(number.start)
    lookback = max(clause_start, part_start, number.start - SUBJECT_REACH)
    match = _SUBJECT_TOTAL.search(text, lookback, number.start)
    if match is None:
        return None
    unit = read_unit(text, match.start("noun") - 1)
    if unit is None:
        return None
    return CountedUnit(unit.unit, number.end, UnitKind(unit.kind),
                       UnitRule.FROM_SUBJECT)
