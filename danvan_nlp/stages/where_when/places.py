"""Place mentions in an article: "huyện Chợ Đồn", "xã Sủng Là", "toàn tỉnh", "cả nước".

Each mention has its level (from ``lang/vi/place_levels.tsv``) and, when the text names
it, its name. Mentions joined by a comma, a dash, a bracket or "thuộc" form a chain
("thôn Pác Ngòi, xã Nam Mẫu, huyện Ba Bể"): the chain's most specific unit is the place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from danvan_nlp import lexicon
from danvan_nlp.records import PlaceLevel

LEVELS_FILE = "place_levels.tsv"
COMMUNES_FILE = "communes_2025.tsv"
MAX_NAME_WORDS = 4
CITY = "city"
LEVEL_ORDER = (PlaceLevel.VILLAGE, PlaceLevel.COMMUNE, PlaceLevel.DISTRICT,
               PlaceLevel.PROVINCE, PlaceLevel.NATIONAL)


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place written in the normalised text: ``start:end``, its type word, level, name."""

    start: int
    end: int
    word: str
    level: PlaceLevel
    name: str | None


def _upper_letters() -> str:
    """Every capital letter Vietnamese writes (A-Z and the accented ones, Đ)."""
    return "".join(chr(code) for code in range(0x41, 0x1F00)
                   if chr(code).isalpha() and chr(code).isupper())


@lru_cache(maxsize=1)
def _levels() -> dict[str, tuple[str, str]]:
    """Type word (casefolded) -> (level or "city", kind)."""
    return {row[0].casefold(): (row[1], row[2]) for row in lexicon.table(LEVELS_FILE)}


def _lower(word: str) -> str:
    """``word`` in lower case when that keeps its length: the type words are matched in
    any case, and "Tỉnh ủy", "tỉnh" then share one branch of the alternation."""
    lowered = word.lower()
    return lowered if len(lowered) == len(word) else word


@lru_cache(maxsize=1)
def _mention_regex() -> re.Pattern[str]:
    types = [_lower(row[0]) for row in lexicon.table(LEVELS_FILE)]
    words = lexicon.alternation(types)
    firsts = re.escape("".join(sorted({word[:1] for word in types})))
    upper = re.escape(_upper_letters())
    name_word = rf"(?:[{upper}][^\W\d_]*|\d{{1,2}}(?!\d))"
    return re.compile(
        r"""
        (?i:(?=[""" + firsts + r"""]))             # a type word's first letter, tested first
        (?<![^\W\d_])                              # a whole word: no letter before
        (?P<word>(?i:""" + words + r"""))          # a type word, any case ("Huyện", "xã")
        (?![^\W\d_])                               # ending as a word
        (?: [ ]                                    # then, if any, its name:
            (?P<name>""" + name_word + r"""        #   a capitalised word (or "Quận 1")
               (?:[ -]""" + name_word + r"""){0,""" + str(MAX_NAME_WORDS - 1) + r"""}
            )                                      #   and up to three more
            (?![^\W\d_])                           #   ending as a word
        )?
        """,
        re.VERBOSE,
    )


@lru_cache(maxsize=1)
def _compounds() -> frozenset[str]:
    return frozenset(word.casefold() for word in lexicon.words("place_compounds.txt"))


def find_mentions(text: str, people: Iterable[str] = ()) -> list[PlaceMention]:
    """Every place mention of ``text`` in order. A name that is, or runs into, a person's
    name (one of ``people``, or "Surname Thị/Văn") is cut before it; a type word with
    no name counts only where it means a unit ("toàn tỉnh", ", huyện đã")."""
    names = _People.of(people)
    found: list[PlaceMention] = []
    for match in _mention_regex().finditer(text):
        mention = _mention(text, match, names.cut(match["name"]))
        if mention is not None:
            found.append(mention)
    return found


PERSON_MIDDLES = ("Thị", "Văn")


@dataclass(frozen=True, slots=True)
class _People:
    """People's names, and every run of their first words (to see a name begin)."""

    names: frozenset[str]
    openings: frozenset[str]

    @classmethod
    def of(cls, people: Iterable[str]) -> _People:
        names = frozenset(" ".join(name.split()) for name in people if name.strip())
        openings = frozenset(" ".join(name.split()[:count]) for name in names
                             for count in range(1, len(name.split()) + 1))
        return cls(names, openings)

    def cut(self, name: str | None) -> str | None:
        """``name`` up to where a person's name starts in it (None when it is all one)."""
        words = name.split() if name else []
        full = len(words) == MAX_NAME_WORDS  # the name may go on past what was read
        for index in range(len(words)):
            if self._person_starts(words[index:], full):
                words = words[:index]
                break
        return " ".join(words) or None

    def _person_starts(self, words: list[str], full: bool) -> bool:
        """Whether a person's name starts at ``words[0]``: a known name, or "Surname
        Thị/Văn Given" ("huyện Đồng Văn" stays: no given name follows)."""
        if " ".join(words) in self.openings:
            return True
        if any(" ".join(words[:count]) in self.names for count in range(1, len(words) + 1)):
            return True
        given = len(words) >= 3 or (full and len(words) == 2)
        return given and words[0] in lexicon.surnames() and words[1] in PERSON_MIDDLES


def _mention(text: str, match: re.Match[str], name: str | None) -> PlaceMention | None:
    word = match["word"]
    level, kind = _levels()[word.casefold()]
    before = text[max(0, match.start() - 12):match.start()].split()
    if before and f"{before[-1]} {word}".casefold() in _compounds():
        return None
    if kind == "whole":
        return PlaceMention(match.start(), match.end(), word, PlaceLevel(level), None)
    if name is None and kind != "body" and not _stands_alone(
            text, match.start(), match.end("word"), level):
        return None
    end = match.start("name") + len(name) if name else match.end("word")
    return PlaceMention(match.start(), end, word, _level(level, name), name)


_WHOLE_UNIT = re.compile(r"(?<![^\W\d_])(?:(?i:toàn|cả|địa\ bàn|của)|UBND|HĐND)[ ]$")
_CLAUSE_OPENS = re.compile(r"(?:^|[,.;:\n])[ ]*$")  # ", huyện đã": the word opens a clause
JOINING_WORDS = ("và", "hoặc")  # "xã và phường" lists units, it does not name one
SUBJECT_LEVELS = ("province", "district", CITY, "commune")


def _stands_alone(text: str, start: int, end: int, level: str) -> bool:
    """Whether a type word without a name still means a unit: "toàn tỉnh", "của huyện",
    "UBND huyện", or a province, district or commune opening a clause and followed by a
    lower-case word ("Xã có 21 thôn", ", huyện đã công nhận"; not "21 xã, thị trấn;").
    A Party or youth body ("Huyện ủy", "Thành đoàn") always does."""
    before = text[max(0, start - 12):start]
    if _WHOLE_UNIT.search(before):
        return True
    return (level in SUBJECT_LEVELS and _CLAUSE_OPENS.search(before) is not None
            and _lower_word_follows(text, end)
            and not _listed_after_another(text, start))


def _lower_word_follows(text: str, end: int) -> bool:
    """Whether a lower-case word, not "và"/"hoặc", follows: "Xã có", not "xã, thị trấn"."""
    following = text[end:end + 12].split(" ")
    return (len(following) > 1 and following[0] == "" and following[1][:1].islower()
            and following[1] not in JOINING_WORDS)


def _listed_after_another(text: str, start: int) -> bool:
    """Whether a type word follows another and a comma: "21 xã, thị trấn" counts units."""
    words = text[max(0, start - 20):start].rstrip().removesuffix(",").split()
    return bool(words) and words[-1].casefold() in _level_last_words()


@lru_cache(maxsize=1)
def _level_last_words() -> frozenset[str]:
    """The last word of each type word ("trấn" of "thị trấn"), built once, not per mention."""
    return frozenset(word.split()[-1] for word in _levels())


def _level(level: str, name: str | None) -> PlaceLevel:
    if level != CITY:
        return PlaceLevel(level)
    return PlaceLevel.PROVINCE if name and is_city_province(name) else PlaceLevel.DISTRICT


def is_city_province(name: str) -> bool:
    """Whether ``name`` is a centrally-run city ("Hà Nội", "Cần Thơ")."""
    from danvan_nlp.lexicon import province_by_spelling

    province = province_by_spelling(name)
    return province is not None and province.province_2025.startswith("Thành phố")


_CHAIN_GAP = re.compile(
    r"""
    [ ]* (?: ,                    # "thôn A, xã B"
           | -                    # "xã A - huyện B"
           | \(                   # "xã A (huyện B)"
           | [ ] (?:thuộc|của)    # "làng A thuộc xã B"
         ) [ ]*
    """,
    re.VERBOSE,
)


def chain_of(text: str, mentions: Sequence[PlaceMention], index: int) -> list[PlaceMention]:
    """The named mentions chained with ``mentions[index]`` (itself included), in order."""
    first = last = index
    while first > 0 and _chained(text, mentions[first - 1], mentions[first]):
        first -= 1
    while last + 1 < len(mentions) and _chained(text, mentions[last], mentions[last + 1]):
        last += 1
    return list(mentions[first:last + 1])


def _chained(text: str, left: PlaceMention, right: PlaceMention) -> bool:
    if left.name is None or right.name is None:
        return False
    return _CHAIN_GAP.fullmatch(text, left.end, right.start) is not None


def most_specific(chain: list[PlaceMention]) -> PlaceMention:
    """The mention of the lowest level in a chain (the first of them)."""
    return min(chain, key=lambda mention: LEVEL_ORDER.index(mention.level))


@lru_cache(maxsize=1)
def communes_2025() -> dict[tuple[str, str], str]:
    """(province_2025, commune name casefolded) -> "xã Name" / "phường Name"."""
    return {(row[0], row[2].casefold()): f"{row[1]} {row[2]}"
            for row in lexicon.table(COMMUNES_FILE)}
