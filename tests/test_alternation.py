"""lexicon.alternation: a trie-shaped regex that matches as the flat list, longest first."""

from __future__ import annotations

import random
import re

import pytest

from danvan_nlp import lexicon

PLACES = ["tỉnh", "Tỉnh ủy", "thành phố", "thị xã", "thị trấn", "thôn", "TP", "TP.", "xã",
          "Xã", "huyện", "phường", "quận", "ấp", "bản", "buôn", "tổ dân phố", "tổ"]


def _flat(entries: list[str]) -> str:
    """The plain alternation, longest entry first: what the trie must match like."""
    return "|".join(re.escape(entry) for entry in sorted(set(entries), key=len, reverse=True))


def _spans(pattern: str, text: str, flags: int) -> list[tuple[int, int]]:
    return [match.span() for match in re.finditer(pattern, text, flags)]


def test_the_longest_entry_wins_and_shorter_ones_remain_for_backtracking() -> None:
    pattern = "(?:" + lexicon.alternation(["a", "ab", "abc", "b"]) + ")"
    assert re.fullmatch(pattern + "c", "abc")  # "ab" then "c", after "abc" left none
    assert [m.group() for m in re.finditer(pattern, "abcab b a")] == ["abc", "ab", "b", "a"]


def test_entries_are_shared_by_their_first_letters() -> None:
    guard = "(?=[tx])"  # the letters the entries start with, tried first
    assert lexicon.alternation(["thôn", "thị xã", "xã"]) in (
        f"(?:{guard}{trie})" for trie in (
            r"(?:th(?:ôn|ị\ xã)|xã)", r"(?:th(?:ị\ xã|ôn)|xã)", r"(?:xã|th(?:ôn|ị\ xã))",
            r"(?:xã|th(?:ị\ xã|ôn))"))


def test_the_first_letter_guard_is_left_out_where_it_could_refuse_a_match() -> None:
    assert lexicon.alternation(["", "a"]) == "(?:a|)"  # an empty entry matches anywhere
    assert not lexicon.alternation([" a", "b"]).startswith("(?:(?=")  # any space may start it
    assert lexicon.alternation(["a.b", "-c"]) == r"(?:(?=[\-a])(?:\-c|a\.b))" or \
        lexicon.alternation(["a.b", "-c"]) == r"(?:(?=[\-a])(?:a\.b|\-c))"
    guarded = "(?:" + lexicon.alternation(["Tỉnh", "xã"]) + ")"
    assert [m.group() for m in re.finditer(guarded, "TỈNH, Xã", re.IGNORECASE)] == ["TỈNH", "Xã"]


@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
@pytest.mark.parametrize("after", ["", r"(?!\w)", r"\s+\w"])
def test_matches_as_the_flat_list_on_random_text(flags: int, after: str) -> None:
    rng = random.Random(12)
    letters = [*sorted(set("".join(PLACES))), " ", "x", "\n"]
    trie = "(?:" + lexicon.alternation(PLACES) + ")" + after
    flat = "(?:" + _flat(PLACES) + ")" + after
    for _ in range(400):
        words = [place if rng.random() < 0.6 else place[: rng.randint(0, len(place))]
                 + rng.choice(letters) for place in rng.sample(PLACES, 5)]
        text = " ".join(words)
        text = text.upper() if rng.random() < 0.2 else text
        assert _spans(trie, text, flags) == _spans(flat, text, flags), text


def test_letters_equal_but_for_case_keep_the_longest_first_under_ignorecase() -> None:
    pattern = "(?:" + lexicon.alternation(["Tỉnh ủy", "tỉnh", "TỈNH ĐOÀN"]) + ")"
    found = [m.group() for m in re.finditer(pattern, "tỉnh ủy, Tỉnh đoàn, TỈNH", re.IGNORECASE)]
    assert found == ["tỉnh ủy", "Tỉnh đoàn", "TỈNH"]


def test_a_space_pattern_joins_the_words_of_each_entry() -> None:
    phrases = ["từ năm", "từ ngày", "giai đoạn", "từ", "đến  nay"]
    pattern = "(?:" + lexicon.alternation(phrases, space=r"\s+") + r")(?!\w)"
    text = "Từ   năm 2020, giai\nđoạn mới, từ ngày, từng, đến nay"
    found = [m.group() for m in re.finditer(pattern, text, re.IGNORECASE)]
    assert found == ["Từ   năm", "giai\nđoạn", "từ ngày", "đến nay"]
