"""Numbers that are not figures: dates, years, codes, names, ordinals, times, phones, the
exponent of a unit written apart ("150 m 2") and a page's visitor counter.

Each check looks only at the few characters around the number and answers with the
reason it is not a figure, or None.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from danvan_nlp import lexicon
from danvan_nlp.context import ArticleContext
from danvan_nlp.numerals import Number
from danvan_nlp.stages.figures.labels import UnitKind, UnitRule
from danvan_nlp.stages.figures.lexicon import mentions, role_alternation
from danvan_nlp.stages.figures.units import CountedUnit, non_units

_CODE_AFTER = re.compile(
    r"""
    (?: [-/] [A-ZĐ]          # "06-ĐA/TU", "1092/QĐ-UBND": a document code
      | /\d{2,4}/            # "539/2024/QĐ": a code with a year inside
      | [:h]\d               # "08:42", "7h30": a clock time
    )
    """,
    re.VERBOSE,
)

_PHONE = re.compile(
    r"""
    0 \d{2,3} [ .]?   # "0912", "028": the prefix
    \d{3} [ .]?       # "345"
    \d{3,4}           # "678", "6789"
    """,
    re.VERBOSE,
)

_METRE_BEFORE = re.compile(
    r"""
    \d [ ]* (?:k|c)? m [ ] $   # "150 m 2": the "2" is the square of the metre before it
    """,
    re.VERBOSE,
)

_ONLINE_AFTER = re.compile(
    r"""
    [^\n.]{0,60}?                  # on the same line as the number ("83 khách và ...")
    đang [ ]+ (?:online|trực[ ]tuyến) (?!\w)  # "đang online": a page's visitor counter
    """,
    re.VERBOSE | re.IGNORECASE,
)

_DIGIT_GROUP_BEFORE = re.compile(r"\d[ ]$")  # "1900 8086": a group of a longer number

_WORD_BEFORE = re.compile(
    r"""
    (?P<lead>^|[\s(\[,;:"'-])     # what stands before the word (start, space, punctuation)
    (?P<word>[^\W\d_]+)           # the word right before the number
    [ ]+ $                        # separated from it by spaces only
    """,
    re.VERBOSE,
)

PHONE_REACH = 25

_QUOTED_NAME = re.compile(
    r"""
    (?<! : ) (?<! :[ ] )        # not a quotation of speech ("cho biết: "...")
    " [^".;:!?\n]{1,60} "       # a short quoted name: "Mỗi đảng viên phụ trách 10 hộ"
    """,
    re.VERBOSE,
)


_NON_UNIT_AFTER = re.compile(
    r"""
    [ ]*                                  # after the number
    (?P<word>[^\W\d_]+ (?:[ ]+[^\W\d_]+)?)  # one or two words ("giờ", "điểm tuần")
    """,
    re.VERBOSE,
)
_CLAUSE_END = re.compile(r"[.;\n]")  # a phone line's mention stops reaching here
_WORD_AND_SPACE_END = re.compile(r"\w[ ]$")  # a word, then one space, at the end
_WORD_AND_SPACES_END = re.compile(r"\w[ ]+$")  # a word, then spaces, at the end


@lru_cache(maxsize=1)
def _name_word_regex() -> re.Pattern[str]:
    words = lexicon.alternation(list(lexicon.words("figure_name_words.txt")))
    return re.compile(
        r"""
        (?<!\w) (?P<name>""" + words + r""")  # "xóm", "số", "lần thứ", "năm", "Đề án"
        [ ]+ $                                 # right before the number
        """,
        re.VERBOSE | re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _spelled_after_regex() -> re.Pattern[str]:
    """What makes a spelled number after it a time or a name ("mỗi năm", "cả ba")."""
    return re.compile(
        r"""
        (?: \d                                                    # a digit ("2 ba")
          | (?<!\w) (?:""" + role_alternation("spelled_time_lead") + r""")  # "mỗi", "hằng"
        ) [ ]* $                                                  # right before the number
        """,
        re.VERBOSE | re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _qualifier_words() -> frozenset[str]:
    return frozenset(row[0].split()[0] for row in lexicon.table("qualifiers.tsv"))


class Rejection(str, Enum):
    """Why a number is not a figure: the name of the rejection rule that answered."""

    NO_UNIT = "no_unit"
    CODE_OR_TIME = "code_or_time"
    PHONE = "phone"
    NAME_OR_DATE = "name_or_date"
    INSIDE_NAME = "inside_name"
    TIME_OR_GRADE = "time_or_grade"
    YEAR_OR_DATE = "year_or_date"
    ZERO = "zero"
    SPELLED_TIME = "spelled_time"
    SPELLED_NAME = "spelled_name"
    QUOTED_NAME = "quoted_name"
    MULTIPLIER = "multiplier"
    UNIT_EXPONENT = "unit_exponent"
    VISITOR_COUNTER = "visitor_counter"


@dataclass(frozen=True, slots=True)
class Candidate:
    """A number with the unit read after it, and the text around it the rules read."""

    ctx: ArticleContext
    number: Number
    unit: CountedUnit | None
    before: str  # the 40 characters before the number
    written: str  # the number as written


@dataclass(frozen=True, slots=True)
class RejectRule:
    """One rejection rule: its name, the lexicon files and roles it reads, its test."""

    name: Rejection
    reads: tuple[str, ...]
    rejects: Callable[[Candidate], bool]


# The rejection registry, tried in order; the first rule that rejects names the reason.
# Cheap tests on the number alone come before those reading the words around it.
REJECTIONS: tuple[RejectRule, ...] = (
    RejectRule(Rejection.NO_UNIT, (), lambda c: c.unit is None),
    RejectRule(Rejection.CODE_OR_TIME, (),
               lambda c: bool(_CODE_AFTER.match(c.ctx.text, c.number.end))),
    RejectRule(Rejection.PHONE, (), lambda c: _phone(c.written, c.before)),
    RejectRule(Rejection.NAME_OR_DATE, ("figure_name_words.txt",),
               lambda c: not _measured(c.unit) and _after_name_word(c.before)),
    RejectRule(Rejection.INSIDE_NAME, ("figure_name_exceptions.txt", "place_types.txt"),
               lambda c: _after_capitalised_word(c.before)
               and not _acronym_count(c.before, c.unit) and not _place_count(c.before, c.unit)),
    RejectRule(Rejection.TIME_OR_GRADE, ("figure_non_units.txt",),
               lambda c: _before_non_unit(c.ctx.text, c.number, c.unit)),
    RejectRule(Rejection.YEAR_OR_DATE, (),
               lambda c: _year_or_date(c.written, c.number, c.unit)),
    RejectRule(Rejection.ZERO, (), lambda c: c.number.value == 0),
    RejectRule(Rejection.SPELLED_TIME, ("spelled_time_lead",),
               lambda c: c.number.spelled and bool(_spelled_after_regex().search(c.before))),
    RejectRule(Rejection.SPELLED_NAME, (),
               lambda c: _spelled_name(c.ctx.text, c.number, c.before)),
    RejectRule(Rejection.QUOTED_NAME, (), lambda c: _inside_quoted_name(c.ctx, c.number)),
    RejectRule(Rejection.MULTIPLIER, (), lambda c: _multiplier(c.ctx.text, c.number, c.before)),
    RejectRule(Rejection.UNIT_EXPONENT, (),
               lambda c: c.written in ("2", "3") and bool(_METRE_BEFORE.search(c.before))),
    RejectRule(Rejection.VISITOR_COUNTER, (),
               lambda c: bool(_ONLINE_AFTER.match(c.ctx.text, c.number.end))),
)


def rejection(ctx: ArticleContext, number: Number, unit: CountedUnit | None) -> Rejection | None:
    """Why ``number`` (with the unit read after it) is not a figure, or None if it is."""
    text = ctx.text
    candidate = Candidate(ctx, number, unit, text[max(0, number.start - 40):number.start],
                          text[number.start:number.end])
    return next((rule.name for rule in REJECTIONS if rule.rejects(candidate)), None)


@lru_cache(maxsize=1)
def _name_exception_regex() -> re.Pattern[str]:
    words = lexicon.alternation(list(lexicon.words("figure_name_exceptions.txt")))
    return re.compile(
        r"""
        (?<!\w) (?:""" + words + r""")  # "tổng số", "nâng cấp": a count follows after all
        [ ]+ $                          # right before the number
        """,
        re.VERBOSE | re.IGNORECASE,
    )


def _measured(unit: CountedUnit | None) -> bool:
    """A measure, money or share from the table ("tuyến lộ 2,3 km" is a length, not a name)."""
    return unit is not None and unit.rule is UnitRule.TABLE and unit.kind in (
        UnitKind.MEASURE, UnitKind.MONEY, UnitKind.PERCENT)


def _phone(written: str, before: str) -> bool:
    """ "0912.345.678", "1900 8086", "đường dây nóng 1800 ...": a phone number."""
    if _PHONE.fullmatch(written.replace(" ", "")) or _DIGIT_GROUP_BEFORE.search(before):
        return True
    line = list(mentions("phone").finditer(before))
    rest = before[line[-1].end():] if line else ""
    return bool(line) and len(rest) <= PHONE_REACH and not _CLAUSE_END.search(rest)


def _after_name_word(before: str) -> bool:
    """ "xóm 6", "lần thứ 2", "năm 2020" (but not "nâng cấp 12 km", "tổng số 500 hộ")."""
    if _name_word_regex().search(before) is None:
        return False
    return _name_exception_regex().search(before) is None


def _after_capitalised_word(before: str) -> bool:
    """ "bản Mốc 13", "Quốc phòng 313": a number inside a proper name."""
    match = _WORD_BEFORE.search(before)
    if match is None or not match["word"][0].isupper():
        return False
    if match["word"].lower() in _qualifier_words():
        return False
    inside_sentence = _WORD_AND_SPACE_END.search(before[:match.end("lead")]) is not None
    return match["lead"] == " " and inside_sentence


def _spelled_name(text: str, number: Number, before: str) -> bool:
    """ "ông Ba hội viên chi hội cùng 2 hội viên": a capitalised number word inside a
    sentence is a name ("Ba", "Năm", "Út Sáu"), not a count."""
    capitalised = number.spelled and text[number.start].isupper()
    return capitalised and _WORD_AND_SPACES_END.search(before) is not None


def _acronym_count(before: str, unit: CountedUnit | None) -> bool:
    """ "Chủ tịch Ủy ban MTTQ 8 huyện, thành phố": after an organisation's acronym, a
    number with a counted noun from the table counts its branches."""
    match = _WORD_BEFORE.search(before)
    acronym = match is not None and len(match["word"]) > 1 and match["word"].isupper()
    table_count = unit is not None and unit.rule is UnitRule.TABLE and unit.kind is UnitKind.COUNT
    return acronym and table_count


_MAX_NAME_WORDS = 3  # capitalised words of a place's or people's name before a count


@lru_cache(maxsize=1)
def _place_labels() -> frozenset[str]:
    return frozenset({*lexicon.words("place_types.txt"), "dân tộc"})


def _place_count(before: str, unit: CountedUnit | None) -> bool:
    """"huyện Mường Tè 45 người", "dân tộc Mông 540 người", "huyện Phước Long 96.000 m2": a
    count or a measure right after a named place or people, not a number inside the name."""
    if unit is None or unit.rule is not UnitRule.TABLE \
            or unit.kind not in (UnitKind.COUNT, UnitKind.PERCENT, UnitKind.MEASURE):
        return False
    words = before.split()
    for size in range(1, min(_MAX_NAME_WORDS, len(words) - 1) + 1):
        if not words[-size][0].isupper():
            return False
        label = words[-size - 1:-size] if size < len(words) else []
        label2 = words[-size - 2:-size] if size + 1 < len(words) else []
        if _is_place_label(label) or _is_place_label(label2) \
                or (label and label[0][-1] in ";:"):  # "; Khơ Mú 60 người"
            return True
    return False


def _is_place_label(words: list[str]) -> bool:
    """"huyện", "(dân tộc": a place type or "dân tộc", maybe opening a bracket."""
    return " ".join(words).lower().lstrip("([") in _place_labels()


def _before_non_unit(text: str, number: Number, unit: CountedUnit | None) -> bool:
    match = _NON_UNIT_AFTER.match(text, number.end)
    if match is None:
        return False
    words = match["word"].lower().split()
    phrase = len(words) > 1 and " ".join(words) in non_units()
    if unit is not None and unit.rule is UnitRule.TABLE:
        return phrase  # "hai con số", "5120 lượt xem": a longer phrase than the unit
    return words[0] in non_units() or phrase


_YEAR_MONTH = re.compile(
    r"""
    (?:19|20) \d{2}       # a year: "2025"
    [-–]                  # a dash
    (?:0[1-9]|1[0-2]) $   # a month in two digits: "2025-04" is a date, not a range
    """,
    re.VERBOSE,
)


def _year_or_date(written: str, number: Number, unit: CountedUnit | None) -> bool:
    if _YEAR_MONTH.match(written):
        return True
    if number.total is not None:
        month_year = number.value <= 12 and 1900 <= number.total <= 2100
        day_month = number.value <= 31 and number.total <= 12 and (
            unit is None or unit.rule is not UnitRule.TABLE)
        return month_year or day_month
    plain_year = written.isdigit() and len(written) == 4 and 1900 <= number.value <= 2100
    return plain_year and (unit is None or unit.rule is not UnitRule.TABLE)


_TIMES_AFTER = re.compile(r"[ ]*lần(?!\w)", re.IGNORECASE)  # "2 lần": occurrences or times
_MULTIPLYING = re.compile(r"(?<!\w)(?:gấp|tăng|giảm)[ ]+$", re.IGNORECASE)  # "gấp 2 lần"


def _multiplier(text: str, number: Number, before: str) -> bool:
    """"gấp 2 lần", "tăng 1,5 lần": a multiplier, not a count of occurrences ("tuần tra
    320 lần" is one)."""
    return bool(_TIMES_AFTER.match(text, number.end)) and bool(_MULTIPLYING.search(before))


def _inside_quoted_name(ctx: ArticleContext, number: Number) -> bool:
    """A number inside a short quoted name ("Phiên chợ 0 đồng"), not a reported count.

    Quoted names never hold a line break, so those of the whole text, found once, are
    those of each line."""
    return ctx.match_spans(_QUOTED_NAME).encloses(number.start, number.end)
