"""The officials NER fallback: names next to posts no one holds, confirmed by underthesea."""

from __future__ import annotations

import subprocess
import sys

import pytest

from danvan_nlp import extract
from danvan_nlp.article import Article
from danvan_nlp.errors import MissingDependencyError
from danvan_nlp.stages.meta import read_meta
from danvan_nlp.stages.officials import ner_fallback, ner_people
from danvan_nlp.stages.officials.article_tokens import article_tokens
from danvan_nlp.stages.officials.ner_people import NerRow
from danvan_nlp.tokens import tokenize

RULE = "official.ner-fallback"


def before_officials(text: str) -> Article:
    """The article as the fallback would see it if the rules had found nobody: the fallback
    is tested alone, whatever the rules learn later."""
    return extract(text, stages=[read_meta])


def recovered(text: str) -> dict[str, list[str]]:
    """Officials the fallback adds on its own, with their positions' surfaces."""
    article = before_officials(text)
    ner_fallback.add_confirmed(article)
    assert {o.rule for o in article.officials} <= {RULE}
    return {o.name: [p.surface for p in o.positions] for o in article.officials}


SHARED_LIST = ("Đến dự có các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch UBND "
               "tỉnh: Lê Minh Khang; Hồ Thị Loan.")
BRACKETS = ("Ba Phó Bí thư Huyện ủy gồm: bà Đỗ Thị Ngân (Phó Bí thư Thường trực), "
            "ông Kiều Văn Thạch (Chủ tịch UBND huyện).")
POST_THEN_NAME = "Trên cương vị Trưởng thôn, ông Lò Văn Piềng đã vận động bà con hiến đất."
NAME_LINE = ("Bài và ảnh:\nThạc sỹ Lương Thị Hạnh\nPhó Trưởng ban Dân vận Huyện ủy Bảo Lạc,\n"
             "Chủ tịch Hội Khuyến học huyện\n\nNhững năm qua, công tác dân vận có chuyển biến.")


@pytest.mark.parametrize(("text", "expected"), [
    (SHARED_LIST, {"Lê Minh Khang": ["Ủy viên Ban Thường vụ Tỉnh ủy", "Phó Chủ tịch UBND tỉnh"],
                   "Hồ Thị Loan": ["Ủy viên Ban Thường vụ Tỉnh ủy", "Phó Chủ tịch UBND tỉnh"]}),
    (BRACKETS, {"Đỗ Thị Ngân": ["Phó Bí thư Huyện ủy", "Phó Bí thư Thường trực"],
                "Kiều Văn Thạch": ["Phó Bí thư Huyện ủy", "Chủ tịch UBND huyện"]}),
    (POST_THEN_NAME, {"Lò Văn Piềng": ["Trưởng thôn"]}),
    (NAME_LINE, {"Lương Thị Hạnh": ["Phó Trưởng ban Dân vận Huyện ủy Bảo Lạc",
                                    "Chủ tịch Hội Khuyến học huyện"]}),
])
def test_names_next_to_posts_are_recovered_with_their_posts(
        text: str, expected: dict[str, list[str]]) -> None:
    assert recovered(text) == expected
    assert set(expected) <= {o.name for o in extract(text).officials}  # the whole pipeline


def test_honorifics_stay_apart_from_recovered_names() -> None:
    article = before_officials(BRACKETS)
    ner_fallback.add_confirmed(article)
    honorifics = {o.name: o.honorific for o in article.officials}
    assert honorifics == {"Đỗ Thị Ngân": "bà", "Kiều Văn Thạch": "ông"}


@pytest.mark.parametrize("text", [
    "Chủ tịch UBND xã cho biết, tuyến đường Lý Thường Kiệt đã được trải nhựa xong.",
    "Phát biểu tại hội nghị, Chủ tịch UBND huyện nhấn mạnh vai trò của Mặt trận Tổ quốc.",
    "Tham dự có Phó Chủ tịch UBND tỉnh và đại diện Nhà văn hóa Trịnh Công Sơn.",
    "Làm theo tấm gương đạo đức Chủ tịch Hồ Chí Minh, đoàn viên ra quân dọn rác.",
    "Nguyễn Trãi\nChủ tịch Hội đồng trường phát biểu khai mạc năm học.",
])
def test_streets_and_organisations_next_to_a_bare_post_are_not_officials(text: str) -> None:
    assert extract(text).officials == []


def test_a_person_the_rules_found_is_not_added_twice() -> None:
    text = ("Đồng chí Vi Thị Hằng, Bí thư Đảng ủy xã, dự họp. Các Phó Bí thư Đảng ủy xã: "
            "Vi Thị Hằng; Nông Văn Dũng.")
    names = [o.name for o in extract(text).officials]
    assert sorted(names) == ["Nông Văn Dũng", "Vi Thị Hằng"]


def _no_person_tagger(sentence: str) -> list[NerRow]:
    """A tagger that finds nobody: each word is outside any entity."""
    return [(word, "N", "B-NP", "O") for word in sentence.split()]


def test_a_candidate_ner_does_not_confirm_is_dropped() -> None:
    article = before_officials(SHARED_LIST)
    ner_fallback.add_confirmed(article, _no_person_tagger)
    assert article.officials == []


def test_candidates_come_only_from_the_four_layouts() -> None:
    article = before_officials(BRACKETS + " Ông Hà Văn Tuấn dự lễ khánh thành cầu Bản Chang.")
    tokens = article_tokens(article)
    every, orphans = ner_fallback.posts_in(article, tokens)
    found = ner_fallback.find_candidates(tokens, every, orphans)
    names = [" ".join(t.text for t in tokens[c.name[0]:c.name[1]]) for c in found]
    assert names == ["Đỗ Thị Ngân", "Kiều Văn Thạch"]


def test_text_whose_posts_all_have_names_never_imports_underthesea() -> None:
    program = ("import sys\nfrom danvan_nlp import extract\n"
               "extract('Ông Trần Văn Bình, Chủ tịch UBND xã, dự lễ ra quân.')\n"
               "print('underthesea' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "False"


def test_without_underthesea_the_fallback_says_what_to_do(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "underthesea", None)
    ner_people._underthesea_ner.cache_clear()
    try:
        with pytest.raises(MissingDependencyError, match="pip install underthesea"):
            extract(NAME_LINE)
    finally:
        ner_people._underthesea_ner.cache_clear()


def test_tagged_words_become_offsets_in_the_text() -> None:
    sentence = "Bà Đinh Thị Hoa (Chủ tịch Hội) dự họp"
    rows: list[NerRow] = [("Bà", "Nc", "B-NP", "O"), ("Đinh Thị Hoa", "Np", "B-NP", "B-PER"),
                          ("(", "CH", "O", "O"), ("Chủ_tịch", "N", "B-NP", "O"),
                          ("Hội", "Np", "B-NP", "B-ORG"), (")", "CH", "O", "O"),
                          ("dự", "V", "B-VP", "O"), ("họp", "V", "B-VP", "O")]
    tagged = ner_people.tag_sentence(sentence, 100, lambda _: rows)
    assert tagged.people == {(103, 115)}
    assert tagged.proper_nouns == {(103, 115), (126, 129)}
    assert sentence[3:15] == "Đinh Thị Hoa"


def test_recovered_officials_fit_the_output_schema() -> None:
    import jsonschema

    from danvan_nlp.schema import article_schema

    output = extract(NAME_LINE).to_dict()  # a layout the rules do not read
    jsonschema.validate(output, article_schema())
    assert RULE in {official["rule"] for official in output["officials"]}


def test_a_province_is_never_a_name_shaped_run() -> None:
    # on a real page the tagger took "Ninh Bình" (after "tân Bí thư Tỉnh ủy", before ", Chủ
    # tịch nước") for a person; a run that spells a province is refused before it is asked
    tokens = tokenize("Bí thư Tỉnh ủy Ninh Bình, Chủ tịch nước dự.")
    assert ner_fallback.name_shaped_run(tokens, 4) is None
    tokens = tokenize("Bí thư Tỉnh ủy Lò Văn Páo, Chủ tịch nước dự.")
    assert ner_fallback.name_shaped_run(tokens, 4) == (4, 7)
