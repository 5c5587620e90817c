"""Vietnamese numerals: digits, scale words, number words, ranges, ratios and units.

Vietnamese writes thousands with "." and decimals with ",": "2.700" is 2700, "338,3"
is 338.3. Scale words multiply ("23 tỷ" is 23e9, "40 nghìn tỷ" is 4e13) and a smaller
scale after a number adds ("1 tỷ 200 triệu"). Numbers may be spelled out ("hai mươi
mốt"). A range "500 - 700 triệu" keeps both bounds, a ratio "105/130" its total.

The word lists live in ``lang/vi/number_words.tsv``, ``scale_words.tsv`` and
``units.tsv``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from danvan_nlp import lexicon

_DIGITS = r"""
    (?: \d{1,3} (?: \.\d{3} )+ (?: ,\d+ )?   # thousands with dots: 2.700, 1.234,5
      | \d+ ,\d+                             # decimal comma: 1,5  338,3
      | \d+                                  # plain: 23, 01
    )
"""


@dataclass(frozen=True, slots=True)
class Number:
    """A number found in text: offsets, value, and the range or ratio it is part of."""

    start: int
    end: int
    value: float
    value_max: float | None = None
    total: float | None = None
    scaled: bool = False
    spelled: bool = False


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit read after a number: what the figure records, its kind, where it ends."""

    unit: str
    kind: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with the unit written after it ("338,3 ha", "31,4%", "23 tỷ đồng")."""

    value: float
    unit: str | None
    value_max: float | None = None
    total: float | None = None


def parse_digits(text: str) -> float:
    """The value of a digit string: "2.700" → 2700, "1,5" → 1.5, "01" → 1."""
    return float(text.replace(".", "").replace(",", "."))


@lru_cache(maxsize=1)
def _scales() -> dict[str, float]:
    return {word: float(value) for word, value in lexicon.mapping("scale_words.tsv").items()}


@lru_cache(maxsize=1)
def _number_words() -> dict[str, tuple[int, str]]:
    return {row[0]: (int(row[1]), row[2]) for row in lexicon.table("number_words.tsv")}


def parse_words(text: str) -> int | None:
    """The value of a spelled-out number ("hai mươi mốt" → 21), or None if not one."""
    state = _WordState()
    for word in text.lower().split():
        if not state.feed(word):
            return None
    return state.result()


class _WordState:
    """Reads number words one by one: digits, "mười", "mươi", "trăm" and scale words."""

    def __init__(self) -> None:
        self.total = 0
        self.group = 0
        self.pending: int | None = None
        self.previous = ""
        self.seen = False

    def feed(self, word: str) -> bool:
        if word in _scales():
            return self._scale(_scales()[word])
        entry = _number_words().get(word)
        if entry is None:
            return False
        value, role = entry
        ok = getattr(self, "_" + role)(value)
        self.previous, self.seen = role, True
        return bool(ok)

    def _digit(self, value: int) -> bool:
        if self.pending is not None:
            return False
        self.pending = value
        return True

    def _unit_only(self, value: int) -> bool:
        if self.previous not in ("ten", "tens") or self.pending is not None:
            return False
        self.pending = value
        return True

    def _ten(self, value: int) -> bool:
        if self.pending is not None:
            return False
        self.group += value
        return True

    def _tens(self, value: int) -> bool:
        if self.pending is None:
            return False
        self.group += self.pending * value
        self.pending = None
        return True

    def _hundred(self, value: int) -> bool:
        if not self.seen:
            return False  # "trăm" alone is vague ("hàng trăm")
        self.group += (1 if self.pending is None else self.pending) * value
        self.pending = None
        return True

    def _link(self, value: int) -> bool:
        return self.previous == "hundred"

    def _scale(self, factor: float) -> bool:
        if not self.seen:
            return False
        amount = self.group + (self.pending or 0)
        if amount == 0 and self.previous == "scale":
            self.total = int(self.total * factor)
        else:
            self.total += int((amount or 1) * factor)
        self.group, self.pending, self.previous = 0, None, "scale"
        return True

    def result(self) -> int | None:
        if not self.seen:
            return None
        return self.total + self.group + (self.pending or 0)


@lru_cache(maxsize=1)
def _scale_alternation() -> str:
    return lexicon.alternation(list(_scales()))


@lru_cache(maxsize=1)
def _number_regex() -> re.Pattern[str]:
    scale = r"(?:" + _scale_alternation() + r")(?!\w)(?!\s+(?:lệ|trọng))"  # not "tỷ lệ"
    return re.compile(
        r"""
        (?: (?<![\w.,/-])                              # not inside a word, code or number,
          | (?P<slash>(?<=[^\W\d_]/)) )                  # or after a word and a slash (checked)
        (?P<from>(?<=[Tt]ừ[ ]))?                       # after "từ": "đến" may close a range
        (?P<num>""" + _DIGITS + r""")
        (?: / (?P<total>""" + _DIGITS + r""") )?        # ratio: 105/130
        (?P<scale> (?: \s* """ + scale + r""" )+ )?    # scale words: nghìn, triệu tỷ
        (?: \s+ (?P<rest>\d+) \s* (?P<rest_scale>""" + scale + r""") )?  # 1 tỷ 200 triệu
        (?: (?: \s* [-–] \s*                          # range: 500 - 700,
              | (?(from) \s+ (?:đến|tới) \s+ | (?!)) )  # từ 40 đến 50
            (?P<max>""" + _DIGITS + r""")
            (?P<max_scale> (?: \s* """ + scale + r""" )+ )? )?
        (?! \d | [.,/]\d )                             # the whole number, not a part
        """,
        re.VERBOSE | re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _word_regex() -> re.Pattern[str]:
    words = _number_words()
    starters = [w for w, (_, role) in words.items() if role in ("digit", "ten")]
    anyword = list(words) + list(_scales())
    return re.compile(
        r"""
        (?<!\w)
        (?P<words>
          (?:""" + lexicon.alternation(starters) + r""")  # a number starts with 1-10
          (?: \s+ (?:""" + lexicon.alternation(anyword) + r""") (?!\w) )*  # more number words
        )
        (?!\w)
        """,
        re.VERBOSE | re.IGNORECASE,
    )


def _scale_product(text: str | None) -> float:
    product = 1.0
    for word in (text or "").lower().split():
        product *= _scales().get(word, 1.0)
    return product


def _digit_number(match: re.Match[str]) -> Number:
    scale = _scale_product(match["scale"])
    max_scale = _scale_product(match["max_scale"])
    if match["max"] and not match["scale"]:
        scale = max_scale
    value = parse_digits(match["num"]) * scale
    if match["rest"]:
        value += parse_digits(match["rest"]) * _scale_product(match["rest_scale"])
    value_max = parse_digits(match["max"]) * max_scale if match["max"] else None
    total = parse_digits(match["total"]) if match["total"] else None
    scaled = bool(match["scale"] or match["max_scale"])
    return Number(match.start(), match.end(), value, value_max, total, scaled)


def find_numbers(text: str) -> list[Number]:
    """Every number in ``text``, in order: digits (with scales, ranges, ratios) and words."""
    numbers = [_digit_number(m) for m in _digit_matches(text)]
    digit_starts = [n.start for n in numbers]  # in order, not overlapping: ends rise too
    digit_ends = [n.end for n in numbers]
    for match in _word_regex().finditer(text):
        value = parse_words(match["words"])
        first_after = bisect.bisect_right(digit_ends, match.start())  # the first digit
        overlaps = first_after < len(digit_starts) and digit_starts[first_after] < match.end()
        if value and not overlaps:
            scaled = any(w in _scales() for w in match["words"].lower().split())
            numbers.append(Number(match.start(), match.end(), float(value), scaled=scaled,
                                  spelled=True))
    return sorted(numbers, key=lambda n: n.start)


_DIGIT_RUN = re.compile(r"\d+")  # where a number written in digits may start


def _digit_matches(text: str) -> list[re.Match[str]]:
    """``_number_regex().finditer(text)``, tried only where a run of digits starts.

    Every match starts a run of digits (nothing of a word may come before it), and
    the engine finds the runs far faster than it tries the whole regex at every
    character; a run inside the last match is skipped, as ``finditer`` would.
    """
    pattern = _number_regex()
    matches: list[re.Match[str]] = []
    end = 0
    for run in _DIGIT_RUN.finditer(text):
        if run.start() >= end and (match := pattern.match(text, run.start())):
            if match["slash"] is not None and not _after_counted_slash(text, match.start()):
                continue
            matches.append(match)
            end = match.end()
    return matches


_COUNTED_SLASH = re.compile(
    r"""
    \d [ ]* (?P<unit>[^\W\d_]+ (?:[ ][^\W\d_]+)?)  # a number and its unit: "744 hộ"
    / $                                             # then the slash before this number
    """,
    re.VERBOSE,
)
COUNTED_SLASH_REACH = 30  # characters before a slash where "744 hộ" may stand


def _after_counted_slash(text: str, start: int) -> bool:
    """ "744 hộ/3.210 khẩu", "140,5 ha/67 hộ": a second count after a counted number."""
    match = _COUNTED_SLASH.search(text[max(0, start - COUNTED_SLASH_REACH):start])
    return match is not None and match["unit"].lower() in _unit_table()


def parse_number(text: str) -> Number | None:
    """The number that ``text`` is, whole ("1,3 triệu", "500 - 700", "hai mươi"), or None."""
    stripped = text.strip()
    found = find_numbers(stripped)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(stripped):
        return found[0]
    return None


@lru_cache(maxsize=1)
def _unit_table() -> dict[str, tuple[str, str]]:
    return {row[0].lower(): (row[1], row[2]) for row in lexicon.table("units.tsv")}


@lru_cache(maxsize=1)
def _unit_regex() -> re.Pattern[str]:
    return re.compile(
        r"""
        (?P<space>[ ]*)                                   # spaces (none for 70m2, 31,4%)
        (?P<unit>""" + lexicon.alternation(list(_unit_table())) + r""")  # longest unit
        (?!\w)                                            # ends at a word boundary
        """,
        re.VERBOSE | re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _not_currency() -> re.Pattern[str]:
    """The word after "đồng" that makes it no currency ("đồng bào", ``dong_compounds.txt``)."""
    return re.compile(
        r"""
        \s+ (?:""" + lexicon.alternation(lexicon.words("dong_compounds.txt")) + r""")  # "bào"
        (?!\w)                                   # as a whole word
        """,
        re.VERBOSE,
    )


def read_unit(text: str, pos: int) -> Unit | None:
    """The unit written at ``pos`` (right after a number), from ``units.tsv``."""
    match = _unit_regex().match(text, pos)
    if match is None:
        return None
    unit, kind = _unit_table()[match["unit"].lower()]
    attached_ok = kind in ("measure", "percent", "money")
    if not match["space"] and not attached_ok:
        return None
    if kind == "money" and _not_currency().match(text, match.end()):
        return None  # "đồng bào", "đồng thời": not the currency
    return Unit(unit, kind, match.start("unit"), match.end())


def parse_quantity(text: str) -> Quantity | None:
    """A number with the unit after it: "338,3 ha" → (338.3, "ha"), "100 %" → (100, "%")."""
    stripped = text.strip()
    numbers = find_numbers(stripped)
    if not numbers or numbers[0].start != 0:
        return None
    number = numbers[0]
    unit = read_unit(stripped, number.end)
    return Quantity(number.value, unit.unit if unit else None, number.value_max, number.total)
