"""Officials: names, honorifics, ranks, positions in both orders, merging, roles."""

import pytest

from danvan_nlp import extract
from danvan_nlp.records import Role


def officials(text: str) -> dict[str, list[str]]:
    return {o.name: [p.surface for p in o.positions] for o in extract(text).officials}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # name - title, title (dash)
            "Đồng chí Hoàng Văn Minh - Phó Bí thư Thường trực Huyện ủy, Chủ tịch HĐND huyện "
            "phát biểu tại hội nghị.",
            {"Hoàng Văn Minh": ["Phó Bí thư Thường trực Huyện ủy", "Chủ tịch HĐND huyện"]},
        ),
        (  # title name
            "Phát biểu tại buổi lễ, Phó Chủ tịch UBND tỉnh Lương Thị Hằng đề nghị các xã tiếp tục.",
            {"Lương Thị Hằng": ["Phó Chủ tịch UBND tỉnh"]},
        ),
        (  # list after "các đồng chí:" separated by ";"
            "Dự hội nghị có các đồng chí: Tạ Quang Huy, Ủy viên BTV Tỉnh ủy, Trưởng ban Tổ chức "
            "Tỉnh ủy; Đinh Thị Lan, Giám đốc Sở Nội vụ.",
            {"Tạ Quang Huy": ["Ủy viên BTV Tỉnh ủy", "Trưởng ban Tổ chức Tỉnh ủy"],
             "Đinh Thị Lan": ["Giám đốc Sở Nội vụ"]},
        ),
        (  # a shared prefix gives its position to every name of the list
            "Tham dự có các Ủy viên Trung ương Đảng: Bộ trưởng Bộ Nội vụ Phan Văn Lực, "
            "Phó Chủ tịch Quốc hội Đào Minh Tâm.",
            {"Phan Văn Lực": ["Bộ trưởng Bộ Nội vụ", "Ủy viên Trung ương Đảng"],
             "Đào Minh Tâm": ["Phó Chủ tịch Quốc hội", "Ủy viên Trung ương Đảng"]},
        ),
        (  # title chain before the name, with a dash
            "Bí thư Huyện ủy, Chủ tịch HĐND huyện - Lò Văn Pấng trao quà cho các hộ.",
            {"Lò Văn Pấng": ["Bí thư Huyện ủy", "Chủ tịch HĐND huyện"]},
        ),
        (  # a photo note in brackets between the name and the chain
            "Đồng chí Vi Thị Ngọc (thứ ba từ trái sang), Trưởng Ban Dân vận Huyện ủy tặng hoa.",
            {"Vi Thị Ngọc": ["Trưởng Ban Dân vận Huyện ủy"]},
        ),
        (  # descriptors before the post are skipped; the village name stays in the post
            "Ông Sùng A Chứ, dân tộc Mông, Người có uy tín, Trưởng thôn Pải Lủng: gia đình ông "
            "hiến 300m² đất.",
            {"Sùng A Chứ": ["Trưởng thôn Pải Lủng"]},
        ),
        (  # past posts count
            "Ông Trịnh Văn Lộc, khi đó là Bí thư Chi bộ, Trưởng xóm, đã vận động bà con hiến đất.",
            {"Trịnh Văn Lộc": ["Bí thư Chi bộ", "Trưởng xóm"]},
        ),
        (  # a post held later in the clause
            "Thượng úy Giàng A Dình, cán bộ Đồn Biên phòng, được tăng cường về xã giữ chức "
            "Phó Bí thư Đảng ủy xã.",
            {"Giàng A Dình": ["Phó Bí thư Đảng ủy xã"]},
        ),
        (  # residents, members and model owners are not officials
            "Anh Lý Văn Sình, hội viên Hội Nông dân xã, nuôi 20 con bò. Bà Hà Thị Mỵ, người có "
            "uy tín ở bản, vận động con cháu.",
            {},
        ),
        (  # a place name after a place word is not a person
            "Ban Dân vận Huyện ủy Hà Quảng phối hợp với Ủy ban MTTQ tỉnh Hà Giang.",
            {},
        ),
        (  # ... unless "Thị"/"Văn" shows a person
            "Cùng dự có Phó Chủ tịch UBND huyện Triệu Thị Mây.",
            {"Triệu Thị Mây": ["Phó Chủ tịch UBND huyện"]},
        ),
        (  # a position of the next person in a "Title Name, Title Name" list is not taken
            "Cùng dự có Bộ trưởng Bộ Tư pháp Lê Thành Long, Thứ trưởng Bộ Tư pháp Nguyễn Thanh Tú.",
            {"Lê Thành Long": ["Bộ trưởng Bộ Tư pháp"],
             "Nguyễn Thanh Tú": ["Thứ trưởng Bộ Tư pháp"]},
        ),
        (  # the body of a position ends at the verb
            "Đồng chí Mã Thị Hương, Trưởng Ban Tuyên giáo và Dân vận Huyện ủy cho biết như vậy.",
            {"Mã Thị Hương": ["Trưởng Ban Tuyên giáo và Dân vận Huyện ủy"]},
        ),
        (  # a comma-continued body: "công tác dân tộc, tôn giáo (...)"
            "- Ông Bế Văn Khải, Phó Vụ trưởng Vụ Chính sách dân tộc, tôn giáo (Bộ Dân tộc và "
            "Tôn giáo);",
            {"Bế Văn Khải": ["Phó Vụ trưởng Vụ Chính sách dân tộc, tôn giáo (Bộ Dân tộc và "
                             "Tôn giáo)"]},
        ),
        (  # Ê Đê names with an apostrophe, after an honorific
            "Bà H'Bla Êban, Giám đốc Hợp tác xã Nông nghiệp Cư Né cho biết như vậy.",
            {"H'Bla Êban": ["Giám đốc Hợp tác xã Nông nghiệp Cư Né"]},
        ),
        (  # after "tỉnh" only a province can follow: the rest is a person
            "Giám đốc Trung tâm Phục vụ hành chính công tỉnh Đinh Công Toản cho biết thêm.",
            {"Đinh Công Toản": ["Giám đốc Trung tâm Phục vụ hành chính công tỉnh"]},
        ),
        (  # two words after "Huyện ủy" name the district, not a person
            "Cùng đi có đồng chí Lâm Văn Mẫn, Bí thư Huyện ủy Trần Đề.",
            {"Lâm Văn Mẫn": ["Bí thư Huyện ủy Trần Đề"]},
        ),
        (  # a past post in brackets right after the chain
            "Ông Vàng Seo Phủ, Trưởng thôn Sín Chải (năm 2020 là Bí thư Chi bộ thôn) chia sẻ.",
            {"Vàng Seo Phủ": ["Trưởng thôn Sín Chải", "Bí thư Chi bộ thôn"]},
        ),
        (  # a two-word place then a full name inside a title-first post
            "Dự có Bí thư Tỉnh ủy Kiên Giang Nguyễn Hoàng Lâm và các đại biểu.",
            {"Nguyễn Hoàng Lâm": ["Bí thư Tỉnh ủy Kiên Giang"]},
        ),
        (  # ... and a village name whose last word is also a family name
            "Bí thư Huyện ủy Sìn Hồ Tẩn Láo Sử đề nghị các xã tiếp tục.",
            {"Tẩn Láo Sử": ["Bí thư Huyện ủy Sìn Hồ"]},
        ),
        (  # Khmer family names, "Tỉnh ủy viên", and "Trưởng sóc"
            "Cùng dự có các đồng chí: Danh Thị Kim Sa, Tỉnh ủy viên, Phó Chủ tịch HĐND tỉnh; "
            "Điểu Minh Hùng, Trưởng sóc Bù Lư.",
            {"Danh Thị Kim Sa": ["Tỉnh ủy viên", "Phó Chủ tịch HĐND tỉnh"],
             "Điểu Minh Hùng": ["Trưởng sóc Bù Lư"]},
        ),
        (  # a list item opens with a name the lexicon does not know
            "Dự có các đồng chí: Touneh Thị Mai, Phó Chủ tịch Ủy ban MTTQ Việt Nam tỉnh; "
            "Hoàng Văn Phúc, Giám đốc Sở Dân tộc và Tôn giáo.",
            {"Touneh Thị Mai": ["Phó Chủ tịch Ủy ban MTTQ Việt Nam tỉnh"],
             "Hoàng Văn Phúc": ["Giám đốc Sở Dân tộc và Tôn giáo"]},
        ),
        (  # a shared prefix over a comma list stops at the ";"
            "Dự có các Phó Chủ tịch UBND tỉnh: Mai Sơn Hà, Đào Văn Khánh; Ngô Thị Huyền, "
            "Trưởng Ban Dân vận Tỉnh ủy.",
            {"Mai Sơn Hà": ["Phó Chủ tịch UBND tỉnh"], "Đào Văn Khánh": ["Phó Chủ tịch UBND tỉnh"],
             "Ngô Thị Huyền": ["Trưởng Ban Dân vận Tỉnh ủy"]},
        ),
        (  # "nguyên ..., nay là ..." and a one-word K'Ho name after an honorific
            "Ông Thân Văn Hợi, nguyên Chủ tịch UBND huyện, nay là Bí thư Đảng ủy xã. Ông K'Brơi, "
            "Trưởng thôn Bon Rơm B, cho biết.",
            {"Thân Văn Hợi": ["Chủ tịch UBND huyện", "Bí thư Đảng ủy xã"],
             "K'Brơi": ["Trưởng thôn Bon Rơm B"]},
        ),
        (  # religious posts; the saint's name stays in the name, the title of address apart
            "Linh mục Phêrô Lê Văn Hòa, Chánh xứ Giáo xứ Thạnh Mỹ, vận động giáo dân.",
            {"Phêrô Lê Văn Hòa": ["Chánh xứ Giáo xứ Thạnh Mỹ"]},
        ),
        (  # "do chị X làm Chi hội trưởng": a post after "làm"
            "Chi hội Phụ nữ ấp Vĩnh Mẫu do chị Đặng Thị Thu làm Chi hội trưởng có 126 hội viên.",
            {"Đặng Thị Thu": ["Chi hội trưởng"]},
        ),
        (  # a Chăm dignitary's rank; a place after "tại"; another person is no descriptor
            "Cả sư Thông Văn Chẩn, Phó Chủ tịch Hội đồng Chức sắc Hồi giáo Bàni tỉnh, vận động "
            "bà con. Cũng tại Phan Hiệp, anh Đàng Văn Tài, Trưởng thôn Bình Minh, đến từng nhà.",
            {"Thông Văn Chẩn": ["Phó Chủ tịch Hội đồng Chức sắc Hồi giáo Bàni tỉnh"],
             "Đàng Văn Tài": ["Trưởng thôn Bình Minh"]},
        ),
        (  # "tổ dân phố Đồng Đạt" is a place; "Huyện ủy Văn Chấn" a district
            "Bà Lưu Thị Mơ, Tổ trưởng tổ dân phố Đồng Đạt, kiến nghị. Dự có Bí thư Huyện ủy "
            "Văn Chấn Nguyễn Đức Thịnh.",
            {"Lưu Thị Mơ": ["Tổ trưởng tổ dân phố Đồng Đạt"],
             "Nguyễn Đức Thịnh": ["Bí thư Huyện ủy Văn Chấn"]},
        ),
    ],
)
def test_officials_and_positions(text: str, expected: dict[str, list[str]]) -> None:
    assert officials(text) == expected


def test_one_record_per_person_keeps_the_longest_form() -> None:
    text = ("Bà Nông Thị Huệ, Phó Chủ tịch HĐND tỉnh dự lễ. Cuối buổi, bà Nông Thị Huệ, "
            "Phó Chủ tịch HĐND tỉnh Cao Bằng trao quà.")
    (person,) = extract(text).officials
    assert [p.surface for p in person.positions] == ["Phó Chủ tịch HĐND tỉnh Cao Bằng"]
    assert len(person.mentions) == 2


def test_abbreviations_and_old_tone_merge_into_one_post() -> None:
    text = ("Đồng chí Lục Văn Bình, TVTU, Trưởng Ban Dân vận Tỉnh uỷ phát biểu. Đồng chí Lục Văn "
            "Bình, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Dân vận Tỉnh ủy kết luận.")
    (person,) = extract(text).officials
    assert len(person.positions) == 2


def test_honorific_and_rank_are_kept_apart_from_the_name() -> None:
    text = "Thiếu tướng Hồ Sỹ Thanh - Phó Tư lệnh Quân khu 4 dự lễ."
    (person,) = extract(text).officials
    assert (person.name, person.rank) == ("Hồ Sỹ Thanh", "Thiếu tướng")
    text = "Bà Chu Thị Lành, Chủ tịch Hội LHPN huyện phát biểu."
    (person,) = extract(text).officials
    assert (person.name, person.honorific) == ("Chu Thị Lành", "bà")


def test_positions_are_normalised_and_resolved_to_the_province() -> None:
    text = ("Thứ Hai, 3/6/2024\nBắc Kạn tổng kết\nĐồng chí Hà Văn Tâm, Phó Chủ tịch UBND tỉnh "
            "dự. Tỉnh Bắc Kạn có nhiều mô hình.")
    (person,) = extract(text).officials
    assert person.positions[0].normalized == "Phó Chủ tịch Ủy ban nhân dân tỉnh Bắc Kạn"


def test_spans_point_into_the_callers_text() -> None:
    text = "Đồng chí Ma Văn Đức - Bí thư Đảng uỷ xã phát biểu."
    (person,) = extract(text).officials
    span = person.positions[0].span
    assert text[span.start:span.end] == span.text == "Bí thư Đảng uỷ xã"
    assert person.positions[0].rule.startswith("official.")


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Đồng chí Tô Văn Hùng, Bí thư Huyện ủy phát biểu chỉ đạo.", Role.SPEAKS),
        ("Chủ trì hội nghị có đồng chí: Tô Văn Hùng, Bí thư Huyện ủy.", Role.CHAIRS),
        ("Đến dự có các đồng chí: Tô Văn Hùng, Bí thư Huyện ủy.", Role.ATTENDS),
        ("Đồng chí Tô Văn Hùng, Bí thư Huyện ủy trao Giấy khen cho 12 tập thể.", Role.AWARDS),
    ],
)
def test_roles(text: str, role: Role) -> None:
    (person,) = extract(text).officials
    assert role in person.roles


def test_a_given_name_alone_after_an_honorific_refers_back() -> None:
    text = ("Ông Lê Văn Thuận, Trưởng thôn Khe Lụa, hiến 200m² đất. Ông Thuận nguyên là Chủ tịch "
            "Hội Cựu chiến binh xã.")
    (person,) = extract(text).officials
    assert [p.surface for p in person.positions] == ["Trưởng thôn Khe Lụa",
                                                     "Chủ tịch Hội Cựu chiến binh xã"]


def test_a_past_post_far_away_is_not_taken() -> None:
    text = ("Đồng chí Hà Văn Nam, Phó Bí thư Tỉnh ủy ghi nhận những đóng góp của đội ngũ cán bộ "
            "qua các thời kỳ, trong đó có nhiều đồng chí từng là đại biểu Quốc hội khóa XIV.")
    (person,) = extract(text).officials
    assert [p.surface for p in person.positions] == ["Phó Bí thư Tỉnh ủy"]
