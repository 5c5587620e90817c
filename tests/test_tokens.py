"""The tokenizer: offsets, kinds, wrapped lines, and immutable tokens."""

from __future__ import annotations

import pytest

from danvan_nlp.tokens import Token, is_capitalised, phrase_index, tokenize, words_at


def test_tokens_keep_offsets_kinds_and_lower_case() -> None:
    text = "Ông H'Liên (TP.HCM) nói:\tđạt 95%."
    tokens = tokenize(text)
    assert [t.text for t in tokens] == ["Ông", "H'Liên", "(", "TP.HCM", ")", "nói", ":",
                                        "đạt", "95", "%", "."]
    assert all(text[t.start:t.end] == t.text for t in tokens)
    assert [t.kind for t in tokens[:3]] == ["word", "word", "punct"]
    assert tokens[3].lower == "tp.hcm"


def test_a_line_break_is_a_token_unless_it_wraps_after_a_comma() -> None:
    tokens = tokenize("Hà Nội,\nHuế\n\nĐà Nẵng  \n")
    assert [t.kind for t in tokens] == ["word", "word", "punct", "word", "newline", "word",
                                        "word", "newline"]
    assert [t.start for t in tokens if t.kind == "newline"] == [11, 22]


def test_every_character_outside_spaces_lands_in_one_token() -> None:
    text = "\u00a0 Xã  Tà Xùa \r\n— 1.200 hộ; “Dân vận khéo” & K'Lưm_2 "
    tokens = tokenize(text)
    covered = "".join(text[t.start:t.end] for t in tokens)
    assert covered == "".join(ch for ch in text if not ch.isspace() or ch == "\n")
    assert [t.start for t in tokens] == sorted(t.start for t in tokens)


def test_tokens_cannot_be_changed() -> None:
    token = tokenize("Nguyễn")[0]
    assert token == Token("Nguyễn", 0, 6, "word", "nguyễn", True)
    with pytest.raises(AttributeError):
        token.text = "Lê"  # type: ignore[misc]


def test_capitalised_and_upper_words() -> None:
    tokens = {t.text: t for t in tokenize("Nguyễn UBND ThS K'Lưm xã , T.Ư")}
    assert tokens["Nguyễn"].is_capitalised and tokens["K'Lưm"].is_capitalised
    assert not tokens["xã"].is_capitalised and not tokens[","].is_capitalised
    assert [t for t in tokens if tokens[t].is_upper_word] == ["UBND", "ThS", "T.Ư"]


def test_words_at_finds_the_longest_listed_phrase() -> None:
    phrases = phrase_index(["Ủy ban", "Ủy ban nhân dân", "Hội"])
    tokens = tokenize("Ủy ban nhân dân tỉnh; ủy ban")
    assert words_at(tokens, 0, phrases) == 4
    assert words_at(tokens, 6, phrases) == 2
    assert words_at(tokens, 4, phrases) == 0
    assert words_at(tokens, 99, phrases) == 0


@pytest.mark.parametrize(("word", "expected"), [
    ("Nguyễn", True), ("A", True), ("H'Liên", True), ("K'lưm", True), ("xã", False),
    ("UBND", False), ("ThS", False), ("Nguyễn2", False), ("H'LIÊN", False),
])
def test_is_capitalised_is_filled_by_tokenize(word: str, expected: bool) -> None:
    (token,) = tokenize(word)
    assert token.is_capitalised is expected
    assert is_capitalised(word) is expected
