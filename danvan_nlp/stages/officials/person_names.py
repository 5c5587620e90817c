"""Where a person's name starts and ends, in tokens: family name + 1-3 given names."""

from __future__ import annotations

from functools import lru_cache

from danvan_nlp import lexicon
from danvan_nlp.lexicon import provinces
from danvan_nlp.normalize import VOWELS
from danvan_nlp.tokens import PhraseIndex, Token, phrase_index, words_at

_MAX_GIVEN = 4
# capitalised words that begin a title or a body, never a given name
_BLOCKING_GIVEN = frozenset({"Ủy", "Uỷ", "Ban", "Phó", "Chủ", "Bí", "Trưởng", "Tỉnh", "Huyện",
                             "Xã", "Đảng", "Hội", "Sở", "Bộ", "Mặt", "Thường", "Tổ", "Chi",
                             "Đồn", "Thủ", "Thứ", "Giám", "Cục", "Học", "Báo", "Ảnh", "Vụ",
                             "Người", "Quận", "Phường", "Thôn", "Xóm", "Bản", "Trường"})


_APOSTROPHES = frozenset({"'", "’"})
_MIDDLE_NAMES = frozenset({"Thị", "Văn", "Công", "Hữu", "Đức"})
_COMMON_GIVEN = frozenset({"Trường"})  # a blocking word that is a common given name too
_PARTY_COMMITTEES = frozenset({"ủy", "uỷ"})  # "Huyện ủy Trần Đề" names a district
_HONORIFIC = frozenset({"ông", "bà", "anh", "chị", "cô", "chú", "cụ", "em", "thầy"})


@lru_cache(maxsize=1)
def _not_person() -> PhraseIndex:
    """Listed non-person phrases, and every province's name ("Hà Giang", "Thái Nguyên").
    The provinces of the past are not listed: their names are common given names ("Nguyễn
    Thị Nam Hà", "Minh Hải"); a post reads them whole after "tỉnh" (:mod:`.positions`)."""
    names = [province.name for province in provinces()]
    return phrase_index([*lexicon.words("not_person_names.txt"), *names])


def listed_not_person(tokens: list[Token], start: int, end: int) -> bool:
    """The run ``tokens[start:end]`` is a listed non-person phrase or a province's name."""
    return words_at(tokens, start, _not_person()) >= end - start


@lru_cache(maxsize=1)
def _namesake_openers() -> PhraseIndex:
    return phrase_index(lexicon.words("namesake_openers.txt"))


def _after_namesake_opener(tokens: list[Token], index: int) -> bool:
    """"Trường THCS Lê Lợi": right after a school's level the run is its namesake."""
    return any(index - size >= 0 and words_at(tokens, index - size, _namesake_openers()) == size
               for size in (1, 2, 3, 4))


@lru_cache(maxsize=1)
def _place_types() -> PhraseIndex:
    """Place words, and units named after their place ("Đồn Biên phòng", "Hải đội")."""
    return phrase_index([*lexicon.words("place_types.txt"), *lexicon.words("named_units.txt")])


def name_end(tokens: list[Token], index: int, *, introduced: bool = False) -> int | None:
    """End (exclusive) of a person's name starting at ``tokens[index]``, if one does.

    ``introduced`` is true after an honorific, rank or title: then the family name
    need not be in the lexicon ("ông Ksor Blêu").
    """
    if not _may_open(tokens[index]):  # the cheapest tests first: the word, the length
        return None
    end = _given_names_end(tokens, index)
    if end - index < 2 and not (introduced and "'" in tokens[index].text):
        return None
    if not _can_start_name(tokens, index, introduced):
        return None
    return end if _whole_name(tokens, index, end, introduced) else None


def may_start_name(tokens: list[Token], index: int) -> bool:
    """False where no name can start, whatever stands before: the cheap tests of
    :func:`name_end` (a capitalised word that opens no title, then a given name or an
    apostrophe in the word itself), asked of every capitalised token before the rest."""
    first = tokens[index]
    return _may_open(first) and (
        "'" in first.text or _given_names_end(tokens, index) - index >= 2)


def _may_open(first: Token) -> bool:
    """A capitalised word that is neither a title's or body's first word nor an honorific."""
    return first.is_capitalised and first.text not in _BLOCKING_GIVEN \
        and first.lower not in _HONORIFIC


def _can_start_name(tokens: list[Token], index: int, introduced: bool) -> bool:
    first = tokens[index]
    if not first.is_capitalised or first.text in _BLOCKING_GIVEN or first.lower in _HONORIFIC:
        return False
    if not introduced and first.text not in lexicon.surnames() and not _marked_given(first.text) \
            and not _female_middle_follows(tokens, index):
        return False
    if words_at(tokens, index, _not_person()) or _after_namesake_opener(tokens, index):
        return False
    return not _after_place_word(tokens, index) or _middle_name_follows(tokens, index) \
        or _not_a_province(tokens, index) or _village_head_named(tokens, index)


def _female_middle_follows(tokens: list[Token], index: int) -> bool:
    """"Văn Thị Bạch Tuyết", "Khổng Thị Hằng": "Thị" then a given name make the word
    before it a family name, listed or not."""
    return index + 2 < len(tokens) and tokens[index + 1].text == "Thị" \
        and tokens[index + 2].is_capitalised


def _marked_given(word: str) -> bool:
    """"H'Yim Kđoh": an Ê Đê or Gia Rai woman's name opens with the mark "H'" (a "K'" of
    Cơ Ho names also opens places, "K'Bang", so it needs an honorific or title as before)."""
    return len(word) > 2 and word[0] == "H" and word[1] in _APOSTROPHES and word[2].isupper()


def _given_names_end(tokens: list[Token], index: int) -> int:
    end = index + 1
    while end < len(tokens) and end - index <= _MAX_GIVEN and _is_given(tokens[end]):
        if words_at(tokens, end, _not_person()):
            return _province_as_given_end(tokens, index, end)
        end += 1
    return end + 1 if _blocked_last_given(tokens, end) else end


def _province_as_given_end(tokens: list[Token], index: int, end: int) -> int:
    """"Phó Thủ tướng Nguyễn Hòa Bình": right after a listed family name, a province's
    name that ends the capitalised run is the given names ("Hòa Bình", "Thái Bình")."""
    size = words_at(tokens, end, _province_names())
    after = end + size
    if not size or end != index + 1 or tokens[index].text not in lexicon.surnames() \
            or tokens[index].text in _MIDDLE_NAMES or _inside_capitalised_run(tokens, index):
        return end
    following = tokens[after] if after < len(tokens) else None
    return after if following is None or not following.is_capitalised else end


def _inside_capitalised_run(tokens: list[Token], index: int) -> bool:
    """A capitalised word before, unless it ends a province's name ("Đà Nẵng Trần ...")."""
    return index > 0 and tokens[index - 1].is_capitalised and not _province_ends_at(tokens, index)


@lru_cache(maxsize=1)
def _province_names() -> PhraseIndex:
    return phrase_index([province.name for province in provinces()])


def _blocked_last_given(tokens: list[Token], index: int) -> bool:
    """"Trần Đức Quận", "Lê Văn Bộ": a word that usually opens a title or a place is the
    last given name after a middle name when the capitalised run ends with it."""
    if index >= len(tokens) or tokens[index].text not in _BLOCKING_GIVEN \
            or (tokens[index - 1].text not in _MIDDLE_NAMES
                and tokens[index].text not in _COMMON_GIVEN):
        return False
    after = tokens[index + 1] if index + 1 < len(tokens) else None
    return after is None or not (after.is_capitalised or after.text[:1].isupper())


def _whole_name(tokens: list[Token], index: int, end: int, introduced: bool) -> bool:
    """Two words at least ("ông K'Brơi" aside), and not a district after "Huyện ủy"."""
    if end - index < 2:
        return introduced and "'" in tokens[index].text
    if end - index == 2 and index and tokens[index - 1].lower in _PARTY_COMMITTEES \
            and not _marked_given(tokens[index].text):
        return False
    return not _place_then_name(tokens, index, end)


def _place_then_name(tokens: list[Token], index: int, end: int) -> bool:
    """"Tỉnh ủy Kiên Giang Nguyễn Hoàng Phúc", "xã Đồng Văn Lò Văn Tư".

    Mid-way through a capitalised run, or right after a place word, a run that a full
    name starting one or two words later would end at the same place begins with the
    tail of a place name, not with a person.
    """
    before = tokens[index - 1] if index else None
    if before is None or before.lower in _HONORIFIC or end - index < 4 \
            or _province_ends_at(tokens, index):
        return False
    if before.is_capitalised:
        return _full_name_ends_at(tokens, index + 1, end)
    return _after_place_word(tokens, index) and any(
        _full_name_ends_at(tokens, start, end) for start in (index + 1, index + 2))


def _province_ends_at(tokens: list[Token], index: int) -> bool:
    """"Thành ủy Đà Nẵng Lương Nguyễn Minh Triết": a whole province's name right before
    the run ends the place, so a double family name may follow it."""
    return any(index - size >= 0 and words_at(tokens, index - size, province_index()) == size
               for size in (1, 2, 3, 4))


def _full_name_ends_at(tokens: list[Token], start: int, end: int) -> bool:
    later = tokens[start].text
    return end - start >= 2 and later in lexicon.surnames() and later not in _MIDDLE_NAMES \
        and _given_run_end(tokens, start) == end


def _given_run_end(tokens: list[Token], index: int) -> int:
    end = index + 1
    while end < len(tokens) and end - index <= _MAX_GIVEN and _is_given(tokens[end]):
        end += 1
    return end


def _middle_name_follows(tokens: list[Token], index: int) -> bool:
    """"huyện Triệu Thị Mai": "Thị"/"Văn" then a given name make a person, not a place."""
    return (index + 2 < len(tokens) and tokens[index + 1].text in _MIDDLE_NAMES
            and tokens[index + 2].is_capitalised)


HEAD_OF_PLACE = frozenset({"trưởng"})  # "Trưởng thôn", "Trưởng bản": a title, not a place


def _village_head_named(tokens: list[Token], index: int) -> bool:
    """ "Trưởng thôn Trần Quang Lộc": after a title made of "Trưởng" and a place word, a
    full name of three words or more that ends the capitalised run is the person."""
    if index < 2 or tokens[index - 2].lower not in HEAD_OF_PLACE:
        return False
    if words_at(tokens, index - 1, _place_types()) != 1:
        return False
    end = _given_run_end(tokens, index)
    following = tokens[end] if end < len(tokens) else None
    return end - index >= 3 and tokens[index].text in lexicon.surnames() and (
        following is None or not following.is_capitalised)


def _not_a_province(tokens: list[Token], index: int) -> bool:
    """After "tỉnh" only a province can follow: "tỉnh Đinh Công Lực" is a person."""
    if index == 0 or tokens[index - 1].lower != "tỉnh":
        return False
    return not words_at(tokens, index, province_index())


@lru_cache(maxsize=1)
def province_index() -> PhraseIndex:
    """Every spelling of every province ("Kiên Giang", "TP.HCM"), as a phrase index."""
    return phrase_index(list(lexicon.province_spellings()))


def _is_given(token: Token) -> bool:
    return token.is_capitalised and token.text not in _BLOCKING_GIVEN \
        and whole_syllable(token.lower)


_SYLLABLE_VOWELS = frozenset(VOWELS)  # the plain and the toned vowels, lower case


def whole_syllable(word: str) -> bool:
    """A given name has a vowel after its onset: "T" or "Qu" where a page's excerpt was
    cut mid-name ("Nguyễn M", "Lê Qu") is no given name."""
    rest = word[2:] if word.startswith("qu") else word
    return not _SYLLABLE_VOWELS.isdisjoint(rest)


def _after_place_word(tokens: list[Token], index: int) -> bool:
    """True in the first two words after a place type: "tỉnh Hà Giang", "thôn Lô Lô Chải"."""
    for first in (index, index - 1):
        if first < index and not tokens[first].is_capitalised:
            break
        for size in (1, 2, 3):
            start = first - size
            if start >= 0 and words_at(tokens, start, _place_types()) == size:
                return True
    return False
