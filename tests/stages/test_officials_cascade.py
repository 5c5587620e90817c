"""The officials registries: rule names match the Enums, and each step decides as its
place in the cascade says (docstring of danvan_nlp/stages/officials/cascade.py)."""

from __future__ import annotations

from pathlib import Path

import danvan_nlp
from danvan_nlp.stages.officials.cascade import (
    NAME_READING,
    POST_READING,
    NameDraft,
    NameStep,
    PostDraft,
    PostStep,
    Slot,
    posts_in_order,
    read_name,
    read_posts,
)
from danvan_nlp.stages.officials.layout import Scan, introducers, scan_of
from danvan_nlp.tokens import tokenize

LANG = Path(danvan_nlp.__file__).resolve().parent / "lang" / "vi"


def _scan(text: str) -> Scan:
    return scan_of(tokenize(text))


def _index_of(scan: Scan, word: str) -> int:
    return next(i for i, token in enumerate(scan.tokens) if token.text == word)


def _posts(text: str, first_name_word: str) -> tuple[PostDraft, list[str]]:
    scan = _scan(text)
    index = _index_of(scan, first_name_word)
    _, _, intro_start = introducers(scan.tokens, index)
    reading = read_name(scan, NameDraft(index, intro_start))
    assert reading is not None
    draft = read_posts(scan, PostDraft((index, reading.end), intro_start))
    words = [" ".join(t.text for t in scan.tokens[start:end])
             for start, end in posts_in_order(draft)]
    return draft, words


def test_the_enums_list_exactly_the_registered_rules_in_order() -> None:
    assert [rule.name for rule in NAME_READING] == list(NameStep)
    assert [rule.name for rule in POST_READING] == list(PostStep)


def test_every_lexicon_file_a_rule_declares_exists() -> None:
    reads = [rule.reads for rule in NAME_READING] + [rule.reads for rule in POST_READING]
    declared = {name for names in reads for name in names if name.endswith((".txt", ".tsv"))}
    assert declared and all((LANG / name).is_file() for name in declared)


def test_a_listed_family_name_needs_no_cue_but_an_unlisted_one_does() -> None:
    scan = _scan("Hôm qua Nguyễn Văn Tường về thôn.")
    index = _index_of(scan, "Nguyễn")
    reading = read_name(scan, NameDraft(index, index))
    assert reading is not None and reading.step is NameStep.LISTED_FAMILY_NAME
    assert reading.end == index + 3
    scan = _scan("Hôm qua ông Nai Văn Blêu về thôn.")
    index = _index_of(scan, "Nai")
    assert read_name(scan, NameDraft(index, index)) is None
    reading = read_name(scan, NameDraft(index, index - 1))
    assert reading is not None and reading.step is NameStep.INTRODUCED


def test_a_chain_after_the_name_fills_the_after_slot_before_held_post_is_asked() -> None:
    draft, words = _posts("Ông Lê Văn Tám, Chủ tịch UBND xã, sau đó giữ chức Bí thư "
                          "Đảng ủy xã.", "Lê")
    assert words == ["Chủ tịch UBND xã", "Bí thư Đảng ủy xã"]
    assert set(draft.found) == {Slot.AFTER, Slot.LATER}


def test_posts_are_listed_before_then_after_then_shared() -> None:
    draft, words = _posts("Dự có các Ủy viên Ban Thường vụ Tỉnh ủy: Trưởng Ban Dân vận "
                          "Tỉnh ủy Hà Thị Nga, Bí thư Thành ủy.", "Hà")
    assert set(draft.found) == {Slot.BEFORE, Slot.AFTER, Slot.SHARED}
    assert words[0] == "Trưởng Ban Dân vận Tỉnh ủy"
    assert words[-1] == "Ủy viên Ban Thường vụ Tỉnh ủy"


def test_a_fronted_role_answers_only_when_no_title_chain_ends_at_the_name() -> None:
    draft, words = _posts("Với vai trò là Trưởng thôn, ông Vàng A Sử đã vận động bà con.",
                          "Vàng")
    assert words == ["Trưởng thôn"] and set(draft.found) == {Slot.BEFORE}
