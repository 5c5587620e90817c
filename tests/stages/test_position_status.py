"""Position status: current, former ("nguyên", "khi đó là"), acting ("Quyền"), new."""

import pytest

from danvan_nlp import extract
from danvan_nlp.records import PositionStatus


def _posts(text: str) -> dict[str, list[tuple[str, str]]]:
    return {o.name: [(p.surface, p.status.value) for p in o.positions]
            for o in extract(text).officials}


@pytest.mark.parametrize(
    ("text", "name", "posts"),
    [
        ("Tới dự có ông Đinh Công Khải, nguyên Phó Bí thư Tỉnh ủy, nguyên Chủ tịch HĐND tỉnh.",
         "Đinh Công Khải", [("Phó Bí thư Tỉnh ủy", "former"), ("Chủ tịch HĐND tỉnh", "former")]),
        ("Bà Lưu Thị Yến - Ủy viên Trung ương Hội, nguyên Chủ tịch Hội LHPN tỉnh phát biểu.",
         "Lưu Thị Yến", [("Ủy viên Trung ương Hội", "current"),
                         ("Chủ tịch Hội LHPN tỉnh", "former")]),
        ("Buổi gặp mặt có Nguyên Phó Thủ tướng Hà Quang Vinh.",
         "Hà Quang Vinh", [("Phó Thủ tướng", "former")]),
        ("Ông Sầm Văn Lực, khi đó là Chủ tịch UBND xã, đi vận động từng hộ.",
         "Sầm Văn Lực", [("Chủ tịch UBND xã", "former")]),
        ("Chủ trì có đồng chí Nông Thị Hoa, Quyền Giám đốc Sở Nội vụ.",
         "Nông Thị Hoa", [("Quyền Giám đốc Sở Nội vụ", "acting")]),
        ("Năm 2021, anh Bàn Văn Quý về làm Bí thư Chi bộ bản Nà Khum.",
         "Bàn Văn Quý", [("Bí thư Chi bộ bản Nà Khum", "new")]),
        ("Tháng 5, ông Cao Đức Thịnh được bổ nhiệm giữ chức Phó Giám đốc Sở Tài chính.",
         "Cao Đức Thịnh", [("Phó Giám đốc Sở Tài chính", "new")]),
        ("Phát biểu tại buổi làm việc, đồng chí Lã Văn Toàn, Bí thư Huyện ủy cho biết.",
         "Lã Văn Toàn", [("Bí thư Huyện ủy", "current")]),
    ],
)
def test_status_of_each_position(text: str, name: str, posts: list[tuple[str, str]]) -> None:
    assert _posts(text)[name] == posts


def test_a_cue_given_once_sticks_when_the_post_is_named_again() -> None:
    text = ("Ông Mạc Văn Tiến, nguyên Chủ tịch UBND xã Tân Lập, kể lại chuyện cũ. "
            "Theo ông Mạc Văn Tiến - Chủ tịch UBND xã, bà con đã góp đất.")
    assert _posts(text)["Mạc Văn Tiến"] == [("Chủ tịch UBND xã Tân Lập", "former")]


def test_status_is_in_the_output() -> None:
    article = extract("Dự lễ có ông Đinh Công Khải, nguyên Bí thư Tỉnh ủy.")
    position = article.to_dict()["officials"][0]["positions"][0]
    assert position["status"] == PositionStatus.FORMER.value == "former"


@pytest.mark.parametrize(
    ("head", "normalized"),
    [
        ("Thứ Năm, 16/10/2025\n", "Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy Thái Nguyên"),
        ("Thứ Hai, 16/6/2025\n", "Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy Bắc Kạn"),
    ],
)
def test_the_province_of_a_post_follows_the_2025_merger(head: str, normalized: str) -> None:
    text = (head + "Bắc Kạn: gặp mặt người có uy tín\nĐồng chí Hà Thị Liễu, Trưởng Ban "
            "TG&DV Tỉnh ủy phát biểu tại buổi gặp mặt ở tỉnh Bắc Kạn.")
    (official,) = extract(text).officials
    assert official.positions[0].normalized == normalized


def _dated_posts(text: str, published: str | None) -> list[tuple[str, str]]:
    return [(p.surface, p.status.value) for o in extract(text, published=published).officials
            for p in o.positions]


def test_a_post_held_in_a_year_before_the_article_is_former() -> None:
    text = "Bà Giàng Thị Mỷ, Chủ tịch Hội Phụ nữ xã (năm 2020 là Trưởng bản Tả Phìn) kể lại."
    assert _dated_posts(text, "2024-05-02") == [("Chủ tịch Hội Phụ nữ xã", "current"),
                                                ("Trưởng bản Tả Phìn", "former")]


@pytest.mark.parametrize("published", ["2020-03-01", None])
def test_a_year_post_of_the_articles_own_year_or_an_unknown_date_stays_current(
        published: str | None) -> None:
    text = "Bà Giàng Thị Mỷ, Chủ tịch Hội Phụ nữ xã (năm 2020 là Trưởng bản Tả Phìn) kể lại."
    assert ("Trưởng bản Tả Phìn", "current") in _dated_posts(text, published)


def test_a_post_in_a_province_that_no_longer_exists_is_former() -> None:
    text = ("Lễ tưởng niệm đồng chí Trần Văn Lâm, Bí thư Tỉnh ủy Hà Sơn Bình, diễn ra "
            "trang trọng.")
    official = extract(text).officials[0]
    assert [(p.surface, p.status.value) for p in official.positions] == [
        ("Bí thư Tỉnh ủy Hà Sơn Bình", "former")]
    # a commune that bears such a name is no dissolved province
    text = "Ông Lê Văn Hai, Chủ tịch UBND xã Vĩnh Phú, cho biết."
    assert extract(text).officials[0].positions[0].status.value == "current"
