"""Officials as real pages write them (issue 8): each case a pattern, in our own sentences."""

import pytest

from danvan_nlp import extract
from danvan_nlp.records import Role
from danvan_nlp.stages.officials.article_tokens import unwrapped
from danvan_nlp.tokens import tokenize


def _posts(text: str) -> dict[str, list[str]]:
    return {o.name: [p.surface for p in o.positions] for o in extract(text).officials}


def test_a_shared_title_chain_gives_both_posts_to_every_name_split_by_semicolons() -> None:
    text = ("Dự hội nghị có các đồng chí Ủy viên Trung ương Đảng, Phó Trưởng ban Kinh tế "
            "Trung ương: Lê Văn Sáu; Đỗ Thị Hằng. Các đồng chí Phó Trưởng ban Kinh tế Trung "
            "ương: Hồ Văn Bảy; Phan Thị Lan; Vũ Minh Khôi.")
    posts = _posts(text)
    both = ["Ủy viên Trung ương Đảng", "Phó Trưởng ban Kinh tế Trung ương"]
    assert posts["Lê Văn Sáu"] == posts["Đỗ Thị Hằng"] == both
    for name in ("Hồ Văn Bảy", "Phan Thị Lan", "Vũ Minh Khôi"):
        assert posts[name] == ["Phó Trưởng ban Kinh tế Trung ương"]


def test_a_comma_list_under_a_shared_title_still_ends_at_a_semicolon() -> None:
    text = ("Tham dự có các Phó Chủ tịch UBND tỉnh: Đoàn Văn Tú, Mã Thị Lệ; "
            "Tống Văn Khang, Giám đốc Sở Xây dựng.")
    posts = _posts(text)
    assert posts["Mã Thị Lệ"] == ["Phó Chủ tịch UBND tỉnh"]
    assert posts["Tống Văn Khang"] == ["Giám đốc Sở Xây dựng"]


def test_posts_in_brackets_after_names_under_a_list_title() -> None:
    text = ("Các Phó Chủ tịch UBND tỉnh gồm có: Bà Lưu Thị Hà (Phó Chủ tịch Thường trực), "
            "ông Kiều Văn Nam (Giám đốc Sở Tài chính).")
    posts = _posts(text)
    assert posts["Lưu Thị Hà"] == ["Phó Chủ tịch Thường trực", "Phó Chủ tịch UBND tỉnh"]
    assert posts["Kiều Văn Nam"] == ["Giám đốc Sở Tài chính", "Phó Chủ tịch UBND tỉnh"]


def test_a_photo_note_in_brackets_is_still_no_post() -> None:
    text = "Đồng chí Vũ Văn An (thứ hai từ trái sang) - Bí thư Huyện ủy phát biểu."
    assert _posts(text) == {"Vũ Văn An": ["Bí thư Huyện ủy"]}


def test_roles_of_a_list_introduced_by_du_hoi_nghi() -> None:
    text = ("Dự hội nghị có các đồng chí Ủy viên Trung ương Đảng, Phó Trưởng ban Kinh tế "
            "Trung ương: Lê Văn Sáu; Đỗ Thị Hằng.")
    roles = {o.name: o.roles for o in extract(text).officials}
    assert roles == {"Lê Văn Sáu": [Role.ATTENDS], "Đỗ Thị Hằng": [Role.ATTENDS]}


def test_ministry_names_with_a_comma_are_kept_whole() -> None:
    text = ("Tham dự có bà Đào Thị Nga, Thứ trưởng Bộ Lao động, Thương binh và Xã hội; ông Hà "
            "Minh Đức, Giám đốc Sở Văn hóa, Thể thao và Du lịch tỉnh Hòa Bình.")
    assert _posts(text) == {
        "Đào Thị Nga": ["Thứ trưởng Bộ Lao động, Thương binh và Xã hội"],
        "Hà Minh Đức": ["Giám đốc Sở Văn hóa, Thể thao và Du lịch tỉnh Hòa Bình"]}


def test_a_post_never_ends_inside_a_two_syllable_word() -> None:
    text = ("Về dự có ông Tôn Thất Bảo, Trưởng Ban liên lạc Hội đồng hương Quảng Trị, và ông "
            "Kha Văn Lực, Chính ủy Bộ đội Biên phòng tỉnh Lai Châu.")
    assert _posts(text) == {
        "Tôn Thất Bảo": ["Trưởng Ban liên lạc Hội đồng hương Quảng Trị"],
        "Kha Văn Lực": ["Chính ủy Bộ đội Biên phòng tỉnh Lai Châu"]}


def test_a_former_post_after_a_comma_is_a_post_of_its_own() -> None:
    text = "Ông Vi Văn Đông - Ủy viên Trung ương Hội, nguyên Bộ trưởng Bộ Thủy sản đã dự."
    assert _posts(text) == {"Vi Văn Đông": ["Ủy viên Trung ương Hội", "Bộ trưởng Bộ Thủy sản"]}


def test_a_post_given_later_in_the_clause() -> None:
    text = ("Ông Mông Văn Thức - Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh được bầu giữ chức "
            "Bí thư Tỉnh ủy Cao Bằng nhiệm kỳ mới.")
    (official,) = extract(text).officials
    assert [(p.surface, p.status.value) for p in official.positions] == [
        ("Phó Bí thư Tỉnh ủy", "current"), ("Chủ tịch UBND tỉnh", "current"),
        ("Bí thư Tỉnh ủy Cao Bằng", "new")]


def test_thuong_truc_ban_bi_thu_is_a_post_of_its_own() -> None:
    text = "Đồng chí Lương Văn Cảnh, Thường trực Ban Bí thư dự và phát biểu chỉ đạo."
    (official,) = extract(text).officials
    assert [p.surface for p in official.positions] == ["Thường trực Ban Bí thư"]


def test_a_given_name_that_is_also_a_place_word() -> None:
    assert _posts("Ông Trần Đức Quận - Bí thư Chi bộ thôn cho biết.") == {
        "Trần Đức Quận": ["Bí thư Chi bộ thôn"]}
    assert _posts("Bí thư Chi bộ thôn Trần Đức Quận cho biết.") == {
        "Trần Đức Quận": ["Bí thư Chi bộ thôn"]}


def test_a_bracketed_place_between_title_and_name() -> None:
    assert _posts("Chủ tịch UBND xã (Tân Lập) Nguyễn Văn Quận cho biết.") == {
        "Nguyễn Văn Quận": ["Chủ tịch UBND xã (Tân Lập)"]}


def test_two_dash_joined_titles_before_a_name() -> None:
    text = "Trưởng Ban Dân vận Huyện ủy - Chủ tịch Ủy ban MTTQ huyện Vi Thị Hồng phát biểu."
    assert _posts(text) == {"Vi Thị Hồng": ["Trưởng Ban Dân vận Huyện ủy",
                                            "Chủ tịch Ủy ban MTTQ huyện"]}


def test_a_monk_who_holds_a_post() -> None:
    text = "Về dự buổi lễ có Thượng tọa Thích Minh Quang, Phó Chủ tịch Ủy ban MTTQ tỉnh."
    assert _posts(text) == {"Thích Minh Quang": ["Phó Chủ tịch Ủy ban MTTQ tỉnh"]}


def test_roles_from_a_sentence_opening_du_and_from_du_va_phat_bieu() -> None:
    text = ("Dự hội nghị có đồng chí Lò Văn Pành, Phó Bí thư Tỉnh ủy và đồng chí Cầm Thị "
            "Nga, Phó Chủ tịch UBND tỉnh. Đồng chí Lương Văn Cảnh, Thường trực Ban Bí thư "
            "dự và phát biểu chỉ đạo.")
    roles = {o.name: o.roles for o in extract(text).officials}
    assert roles == {"Lò Văn Pành": [Role.ATTENDS], "Cầm Thị Nga": [Role.ATTENDS],
                     "Lương Văn Cảnh": [Role.SPEAKS]}


def test_a_post_in_a_fronted_role_clause() -> None:
    text = "Với vai trò là Trưởng thôn, ông Hà Văn Tỉnh đã đến từng nhà vận động bà con."
    assert _posts(text) == {"Hà Văn Tỉnh": ["Trưởng thôn"]}
    assert _posts("Với vai trò người đứng đầu, ông Hà Văn Tỉnh đi trước.") == {}


def test_a_post_with_its_parent_body_after_a_comma() -> None:
    text = "Bà Hồ Thị Lan, Phó Vụ trưởng Vụ Địa phương II, Văn phòng Trung ương Đảng dự."
    assert _posts(text) == {"Hồ Thị Lan": [
        "Phó Vụ trưởng Vụ Địa phương II, Văn phòng Trung ương Đảng"]}
    text = "Ông Tạ Văn Cường, Vụ trưởng Vụ Địa phương III, Bộ trưởng Bộ Nội vụ cùng dự."
    assert _posts(text) == {"Tạ Văn Cường": ["Vụ trưởng Vụ Địa phương III",
                                             "Bộ trưởng Bộ Nội vụ"]}


def test_short_and_long_form_of_one_post_kept_once_the_long_one() -> None:
    text = ("Dự buổi lễ có Phó Thủ tướng Mai Văn Chính. Phát biểu, đồng chí Mai Văn Chính, Phó "
            "Thủ tướng Chính phủ nước Cộng hòa xã hội chủ nghĩa Việt Nam nhấn mạnh.")
    assert _posts(text) == {"Mai Văn Chính": [
        "Phó Thủ tướng Chính phủ nước Cộng hòa xã hội chủ nghĩa Việt Nam"]}
    assert _posts("Ông Lê Văn Tư, Chủ tịch UBND xã chủ động vận động bà con.") == {
        "Lê Văn Tư": ["Chủ tịch UBND xã"]}


def test_a_listed_lower_case_phrase_goes_on_after_a_capitalised_word_of_a_post() -> None:
    text = ("Tới dự có đồng chí Phạm Văn Lợi, Ủy viên Dự khuyết Ban Chấp hành Trung ương "
            "Đảng, Bí thư Tỉnh ủy Hậu Giang; đồng chí Mai Thị Hoa, Giám đốc Sở Tài chính.")
    posts = _posts(text)
    assert posts["Phạm Văn Lợi"] == ["Ủy viên Dự khuyết Ban Chấp hành Trung ương Đảng",
                                     "Bí thư Tỉnh ủy Hậu Giang"]
    assert posts["Mai Thị Hoa"] == ["Giám đốc Sở Tài chính"]


def test_the_party_committee_of_the_bloc_of_agencies_is_one_body() -> None:
    text = ("Cùng dự có ông Đặng Quốc Bảo, Bí thư Đảng ủy khối các Cơ quan và Doanh nghiệp "
            "tỉnh, và ông Kiều Văn Sơn.")
    assert _posts(text) == {"Đặng Quốc Bảo": [
        "Bí thư Đảng ủy khối các Cơ quan và Doanh nghiệp tỉnh"]}


def test_a_bracket_naming_only_the_province_is_not_part_of_the_post() -> None:
    text = ("Bí thư Huyện ủy Bắc Hà (Lào Cai) Vàng Văn Páo tặng quà các hộ. Ông Lý Văn Tùng, "
            "Phó Trưởng Ban Quản lý (Khu kinh tế Vân Đồn) cùng dự.")
    posts = _posts(text)
    assert posts["Vàng Văn Páo"] == ["Bí thư Huyện ủy Bắc Hà"]
    assert posts["Lý Văn Tùng"] == ["Phó Trưởng Ban Quản lý (Khu kinh tế Vân Đồn)"]


def test_hamlet_heads_of_the_south_and_their_deputies_and_a_parish_priest_hold_posts() -> None:
    text = ("Ông Tô Văn Chín, Trưởng khóm Tân Lợi, và bà Kim Thị Sa Rết, Phó Trưởng ấp Trà "
            "Cú, cùng vận động bà con. Linh mục Đỗ Văn Huy, Quản xứ Giáo xứ Mỹ Hòa, dự.")
    posts = _posts(text)
    assert posts["Tô Văn Chín"] == ["Trưởng khóm Tân Lợi"]
    assert posts["Kim Thị Sa Rết"] == ["Phó Trưởng ấp Trà Cú"]
    assert posts["Đỗ Văn Huy"] == ["Quản xứ Giáo xứ Mỹ Hòa"]


def test_the_youth_union_is_a_body_not_a_person_named_doan() -> None:
    text = ("Chị Vi Thị Mến, Bí thư Đoàn Thanh niên xã Tân Lập, cho biết. Bí thư Tỉnh đoàn "
            "Đoàn Minh Khang trao quà.")
    assert _posts(text) == {"Vi Thị Mến": ["Bí thư Đoàn Thanh niên xã Tân Lập"],
                            "Đoàn Minh Khang": ["Bí thư Tỉnh đoàn"]}


def test_a_regional_academy_keeps_its_region() -> None:
    text = "Ông Mạc Văn Tiến, Phó Giám đốc Học viện Chính trị khu vực III, dự."
    assert _posts(text) == {"Mạc Văn Tiến": ["Phó Giám đốc Học viện Chính trị khu vực III"]}


def test_a_school_named_after_a_historical_figure_is_no_person() -> None:
    text = ("Thầy Sầm Văn Kiên, Hiệu trưởng Trường THCS Nguyễn Du, cho biết. Hiệu trưởng "
            "Trường Tiểu học Kim Đồng Mai Thị Thơm cũng dự.")
    assert _posts(text) == {"Sầm Văn Kiên": ["Hiệu trưởng Trường THCS Nguyễn Du"],
                            "Mai Thị Thơm": ["Hiệu trưởng Trường Tiểu học Kim Đồng"]}


def test_a_highlands_name_marked_h_and_a_five_word_name_follow_their_titles() -> None:
    text = ("Phó Bí thư Huyện ủy H'Bia Niê trao quà. Đồng chí Y Khoa Mlô Duôn Du, Chủ tịch "
            "UBND xã Ea Tul, cùng dự. Bí thư Huyện ủy K'Bang Đinh Văn Ba phát biểu.")
    assert _posts(text) == {"H'Bia Niê": ["Phó Bí thư Huyện ủy"],
                            "Y Khoa Mlô Duôn Du": ["Chủ tịch UBND xã Ea Tul"],
                            "Đinh Văn Ba": ["Bí thư Huyện ủy K'Bang"]}


def test_a_post_after_cuu_is_a_former_post_and_toi_du_co_gives_attends() -> None:
    (person,) = extract("Ông Mã Văn Lực, cựu Chủ tịch UBND xã, góp 20 ngày công.").officials
    assert [(p.surface, p.status.value) for p in person.positions] == [
        ("Chủ tịch UBND xã", "former")]
    people = extract("Tới dự có Phó Chủ tịch UBND huyện Nông Văn Sự; Giám đốc Sở Y tế "
                     "Hoàng Thị Nhi.").officials
    assert [[r.value for r in o.roles] for o in people] == [["attends"], ["attends"]]


def test_dash_joined_office_names_and_other_long_bodies_stay_whole() -> None:
    posts = _posts("Bà Lục Thị Vân, Trưởng phòng Văn hóa - Xã hội xã Bằng Thành, cho biết.")
    assert posts == {"Lục Thị Vân": ["Trưởng phòng Văn hóa - Xã hội xã Bằng Thành"]}
    posts = _posts("Ông Hứa Văn Sềnh, Trưởng phòng Kinh tế - Hạ tầng huyện - Bí thư Chi bộ "
                   "phòng, phát biểu.")
    assert posts == {"Hứa Văn Sềnh": ["Trưởng phòng Kinh tế - Hạ tầng huyện",
                                      "Bí thư Chi bộ phòng"]}
    posts = _posts("Dự có ông Ngô Văn Khải, Giám đốc Ngân hàng Chính sách xã hội chi nhánh "
                   "tỉnh; bà Tăng Thị Xuân, Chủ tịch Liên hiệp các Hội Văn học nghệ thuật tỉnh; "
                   "ông Âu Văn Dư, Phó Tổng cục trưởng Tổng cục Thống kê.")
    assert posts == {
        "Ngô Văn Khải": ["Giám đốc Ngân hàng Chính sách xã hội chi nhánh tỉnh"],
        "Tăng Thị Xuân": ["Chủ tịch Liên hiệp các Hội Văn học nghệ thuật tỉnh"],
        "Âu Văn Dư": ["Phó Tổng cục trưởng Tổng cục Thống kê"]}


def test_the_commune_military_commander_is_a_post() -> None:
    assert _posts("Chủ tịch UBND xã - Xã đội trưởng Hà Văn Tuyên cho biết.") == {
        "Hà Văn Tuyên": ["Chủ tịch UBND xã", "Xã đội trưởng"]}


def test_a_commune_named_like_a_person_then_the_official() -> None:
    text = "Bí thư Đảng ủy xã Đồng Văn Sùng Mí Chứ cùng dự. Chủ tịch UBND huyện Hà Thị Lý dự."
    assert _posts(text) == {"Sùng Mí Chứ": ["Bí thư Đảng ủy xã Đồng Văn"],
                            "Hà Thị Lý": ["Chủ tịch UBND huyện"]}


def test_residential_areas_and_national_programmes_stay_in_the_body() -> None:
    text = ("Ông Đào Văn Lộc, Trưởng Ban Chỉ đạo Chương trình mục tiêu quốc gia huyện, và bà "
            "Trịnh Thị Nụ, Trưởng khu dân cư Hòa Bình, cùng dự.")
    assert _posts(text) == {
        "Đào Văn Lộc": ["Trưởng Ban Chỉ đạo Chương trình mục tiêu quốc gia huyện"],
        "Trịnh Thị Nụ": ["Trưởng khu dân cư Hòa Bình"]}


def test_a_plural_title_before_bare_names_goes_to_every_name() -> None:
    text = ("Tham dự có các đồng chí Phó Chủ tịch UBND tỉnh Bế Văn Lâm, Tô Thị Hạnh và Lưu "
            "Văn Thành. Phó Chủ tịch HĐND huyện Lăng Văn Khoa và ông Chu Văn Nhì trao quà.")
    posts = _posts(text)
    for name in ("Bế Văn Lâm", "Tô Thị Hạnh", "Lưu Văn Thành"):
        assert posts[name] == ["Phó Chủ tịch UBND tỉnh"]
    assert posts["Lăng Văn Khoa"] == ["Phó Chủ tịch HĐND huyện"] and "Chu Văn Nhì" not in posts


def test_the_short_forms_of_provincial_and_district_committee_members() -> None:
    assert _posts("Ông Mông Văn Tài - TUV, Bí thư Huyện ủy chủ trì.") == {
        "Mông Văn Tài": ["TUV", "Bí thư Huyện ủy"]}


def test_two_posts_joined_by_va_are_two_posts() -> None:
    text = ("Phát biểu tại hội nghị, đồng chí Nguyễn Văn Tùng, Phó Bí thư Tỉnh ủy và Trưởng "
            "Đoàn đại biểu Quốc hội tỉnh, nhấn mạnh vai trò của công tác dân vận.")
    assert _posts(text) == {"Nguyễn Văn Tùng": ["Phó Bí thư Tỉnh ủy",
                                                "Trưởng Đoàn đại biểu Quốc hội tỉnh"]}


def test_va_inside_a_body_name_stays() -> None:
    text = "Bà Lê Thị Hoa, Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy, dự hội nghị."
    assert _posts(text) == {"Lê Thị Hoa": ["Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy"]}


@pytest.mark.parametrize(
    ("text", "posts"),
    [
        ("Phó Chủ tịch UBND tỉnh là ông Trần Văn Lộc (52 tuổi, quê Nghệ An).",
         {"Trần Văn Lộc": ["Phó Chủ tịch UBND tỉnh"]}),
        ("Một Phó Bí thư Huyện ủy khác là ông Lê Văn Hòa.",
         {"Lê Văn Hòa": ["Phó Bí thư Huyện ủy"]}),
        ("Người phát biểu đầu tiên là ông Lê Văn Tám.", {}),
    ],
)
def test_a_post_linked_to_the_name_by_la(text: str, posts: dict[str, list[str]]) -> None:
    assert _posts(text) == posts


def test_every_name_of_a_list_after_a_plural_post_and_la_shares_the_post() -> None:
    text = "Ba Phó Giám đốc Sở Y tế khác là bà Đinh Thị Mai, Hà Văn Quý và Tô Minh Đạt."
    shared = ["Phó Giám đốc Sở Y tế"]
    assert _posts(text) == {"Đinh Thị Mai": shared, "Hà Văn Quý": shared,
                            "Tô Minh Đạt": shared}


def test_a_list_after_a_single_post_and_la_gives_the_post_to_the_first_name_only() -> None:
    text = "Chủ tịch Hội Nông dân xã là ông Lò Văn Pọm, Đào Văn Hữu và Cầm Thị Nga cùng dự."
    posts = _posts(text)
    assert posts["Lò Văn Pọm"] == ["Chủ tịch Hội Nông dân xã"]
    assert posts.get("Đào Văn Hữu", []) == [] and posts.get("Cầm Thị Nga", []) == []


def test_heads_of_a_congress_subcommittee() -> None:
    text = ("Hội nghị nghe bài phát biểu của đồng chí Lê Văn Minh, Trưởng Tiểu ban Văn kiện "
            "Đại hội của Đảng bộ tỉnh, và đồng chí Vũ Thị Yến, Phó Trưởng Tiểu ban Nhân sự.")
    assert _posts(text) == {"Lê Văn Minh": ["Trưởng Tiểu ban Văn kiện Đại hội của Đảng bộ tỉnh"],
                            "Vũ Thị Yến": ["Phó Trưởng Tiểu ban Nhân sự"]}


def test_kien_toan_after_a_post_is_a_verb_not_part_of_the_body() -> None:
    text = "Ông Nguyễn Văn An, Chủ tịch UBND xã kiện toàn Ban Chỉ đạo phong trào."
    assert _posts(text) == {"Nguyễn Văn An": ["Chủ tịch UBND xã"]}


def test_a_steering_committee_name_goes_on_after_va_thuc_hien() -> None:
    text = ("Bà Vi Thị Hạnh - Phó Trưởng ban Ban Chỉ đạo phong trào “Dân vận khéo” và thực "
            "hiện quy chế dân chủ ở cơ sở huyện, phát biểu.")
    assert _posts(text) == {"Vi Thị Hạnh": [
        "Phó Trưởng ban Ban Chỉ đạo phong trào “Dân vận khéo” và thực hiện quy chế dân chủ "
        "ở cơ sở huyện"]}


def test_a_post_still_ends_at_va_before_other_lower_case_words() -> None:
    text = "Ông Hà Văn Thạch, Phó Chủ tịch UBND huyện và lãnh đạo các xã cùng dự."
    assert _posts(text) == {"Hà Văn Thạch": ["Phó Chủ tịch UBND huyện"]}


def test_a_sentence_opening_with_la_and_a_post_speaks_of_the_short_name_it_then_names() -> None:
    text = ("Ông Hoàng Văn Khiêm năm nay đã ngoài 70. Là Tổ trưởng Tổ dân phố kiêm Chi hội "
            "trưởng Chi hội Người cao tuổi, sáng nào cũng dậy sớm, ông Khiêm đi gõ cửa "
            "từng nhà.")
    assert _posts(text) == {"Hoàng Văn Khiêm": [
        "Tổ trưởng Tổ dân phố", "Chi hội trưởng Chi hội Người cao tuổi"]}


def test_a_fronted_la_post_is_not_given_past_another_name() -> None:
    text = ("Ông Hoàng Văn Khiêm đã ngoài 70. Là Tổ trưởng Tổ dân phố, theo lời bà Nông Thị "
            "Lụa, ông Khiêm vẫn đi gõ cửa từng nhà.")
    assert _posts(text) == {}


def _statuses(text: str) -> dict[str, list[tuple[str, str]]]:
    return {o.name: [(p.surface, p.status.value) for p in o.positions]
            for o in extract(text).officials}


def test_a_career_told_after_a_short_name_gives_past_posts_to_the_last_namesake() -> None:
    text = ("Ông Đặng Văn Tâm, Chủ tịch UBND tỉnh, và ông Ngô Quang Tâm, Bí thư Tỉnh ủy, dự. "
            "Ông Ngô Quang Tâm sinh năm 1970. Trước đó, ông Tâm từng công tác tại Trường Chính "
            "trị tỉnh, kiêm Giám đốc Sở Tư pháp, Phó Chủ tịch và Tổng Thư ký Hội Luật gia "
            "tỉnh.")
    posts = _statuses(text)
    assert posts["Đặng Văn Tâm"] == [("Chủ tịch UBND tỉnh", "current")]
    assert posts["Ngô Quang Tâm"] == [
        ("Bí thư Tỉnh ủy", "current"), ("Giám đốc Sở Tư pháp", "former"),
        ("Phó Chủ tịch", "former"), ("Tổng Thư ký Hội Luật gia tỉnh", "former")]


def test_a_career_cue_gives_no_post_past_another_name() -> None:
    text = ("Ông Ngô Quang Tâm sinh năm 1970. Ông Tâm từng công tác tại xã, cùng ông Lý Văn "
            "Sử, Giám đốc Sở Nội vụ.")
    assert _posts(text) == {"Lý Văn Sử": ["Giám đốc Sở Nội vụ"]}


def test_a_steering_committee_named_by_what_it_carries_out_after_ve_thuc_hien() -> None:
    text = ("Bà Chu Thị Lan, Trưởng Ban chỉ đạo của Huyện ủy về thực hiện Chỉ thị 05 phát "
            "biểu. Ông Mạc Văn Hải, Chủ tịch UBND xã về dự.")
    assert _posts(text) == {
        "Chu Thị Lan": ["Trưởng Ban chỉ đạo của Huyện ủy về thực hiện Chỉ thị 05"],
        "Mạc Văn Hải": ["Chủ tịch UBND xã"]}


def test_a_career_told_right_after_a_full_name_gives_past_posts() -> None:
    text = ("Bà Trịnh Thị Duyên từng công tác tại Huyện đoàn, kiêm Chủ tịch Hội Liên hiệp "
            "Thanh niên huyện, Bí thư Đảng ủy xã Tân Hòa.")
    assert _statuses(text) == {"Trịnh Thị Duyên": [
        ("Chủ tịch Hội Liên hiệp Thanh niên huyện", "former"),
        ("Bí thư Đảng ủy xã Tân Hòa", "former")]}


def test_a_task_force_post_keeps_what_it_helps_carry_out() -> None:
    text = ("Có mặt ông Tạ Đức Hòa, Tổ trưởng Tổ công tác giúp việc triển khai Nghị quyết số "
            "57 của Bộ Chính trị cùng lãnh đạo các sở.")
    assert _posts(text) == {"Tạ Đức Hòa": [
        "Tổ trưởng Tổ công tác giúp việc triển khai Nghị quyết số 57 của Bộ Chính trị"]}


@pytest.mark.parametrize(
    ("text", "posts"),
    [
        ("Dự có các đồng chí: Nguyễn Văn Tám – Ủy viên dự khuyết TW Đảng, Bí thư thứ nhất "
         "Trung ương Đoàn; lãnh đạo tỉnh.",
         {"Nguyễn Văn Tám": ["Ủy viên dự khuyết TW Đảng", "Bí thư thứ nhất Trung ương Đoàn"]}),
        ("Kỳ họp bầu đồng chí Võ Văn Lành, Phó Bí thư Huyện ủy, giữ chức vụ Chủ tịch UBND huyện.",
         {"Võ Văn Lành": ["Phó Bí thư Huyện ủy", "Chủ tịch UBND huyện"]}),
        ("Ông Lê Văn Bình về thay đồng chí Hồ Văn Thái nhận nhiệm vụ Bí thư Thành ủy.",
         {"Hồ Văn Thái": ["Bí thư Thành ủy"]}),
        ("Bí thư Chi bộ, Trưởng thôn Trần Quang Lộc chia sẻ về cách làm.",
         {"Trần Quang Lộc": ["Bí thư Chi bộ", "Trưởng thôn"]}),
        ("Ông Hà Văn Sáu, Trưởng bản Nà Pục, cho biết.", {"Hà Văn Sáu": ["Trưởng bản Nà Pục"]}),
    ],
)
def test_posts_real_pages_frame_in_other_ways(text: str, posts: dict[str, list[str]]) -> None:
    assert _posts(text) == posts


def test_a_kho_name_after_a_commune_post() -> None:
    text = "Theo Bí thư Đảng ủy xã Đạ Tông Ya Bông, phong trào được bà con hưởng ứng."
    assert _posts(text) == {"Ya Bông": ["Bí thư Đảng ủy xã Đạ Tông"]}


def test_truong_as_the_last_given_name() -> None:
    text = "Ông Hồ Xuân Trường, Phó Bí thư Tỉnh ủy, phát biểu tại hội nghị."
    assert _posts(text) == {"Hồ Xuân Trường": ["Phó Bí thư Tỉnh ủy"]}
    assert _posts("Thầy Lê Văn Tám, Hiệu trưởng Trường THCS Lê Lợi dự.") == {
        "Lê Văn Tám": ["Hiệu trưởng Trường THCS Lê Lợi"]}


def test_a_province_name_as_the_given_names_after_a_family_name() -> None:
    text = "Phát biểu chỉ đạo, Phó Thủ tướng Chính phủ Trần Thái Bình yêu cầu các tỉnh làm tốt."
    assert _posts(text) == {"Trần Thái Bình": ["Phó Thủ tướng Chính phủ"]}
    # so is a province's name of the past ("Minh Hải"), after a whole province's name too
    assert _posts("Giám đốc Công an Thành phố Cần Thơ Trần Minh Hải dự.") == {
        "Trần Minh Hải": ["Giám đốc Công an Thành phố Cần Thơ"]}
    # the province itself, after its place word, stays a place
    assert _posts("Bí thư Tỉnh ủy Thái Bình Phạm Văn Cường dự.") == {
        "Phạm Văn Cường": ["Bí thư Tỉnh ủy Thái Bình"]}


def test_a_name_cut_off_by_the_end_of_an_excerpt_is_no_person() -> None:
    text = "Dự hội nghị có đồng chí Chủ tịch UBND tỉnh Hà Nam Trần Q"
    assert "Trần Q" not in _posts(text)
    assert _posts("Các đồng chí Ủy viên Trung ương Đảng: Lê Qu") == {}


def test_a_central_body_seated_in_a_province_keeps_its_seat() -> None:
    text = ("Đến dự có Phó Vụ trưởng Cơ quan đại diện Ban Tuyên giáo và Dân vận Trung ương tại "
            "Đà Nẵng Trần Minh Hải.")
    assert _posts(text) == {"Trần Minh Hải": [
        "Phó Vụ trưởng Cơ quan đại diện Ban Tuyên giáo và Dân vận Trung ương tại Đà Nẵng"]}
    # "tại" before anything but a province ends the post
    assert _posts("Ông Lê Văn Tám, Bí thư Huyện ủy tại hội nghị, phát biểu.") == {
        "Lê Văn Tám": ["Bí thư Huyện ủy"]}


def test_a_double_family_name_right_after_a_whole_province_name() -> None:
    text = "Sáng 3-4, Bí thư Thành ủy Cần Thơ Trương Nguyễn Văn Hậu dự buổi làm việc."
    assert _posts(text) == {"Trương Nguyễn Văn Hậu": ["Bí thư Thành ủy Cần Thơ"]}
    # the tail of a province's name is still no family name
    assert _posts("Chủ tịch UBND tỉnh Kiên Giang Lâm Minh Thành dự.") == {
        "Lâm Minh Thành": ["Chủ tịch UBND tỉnh Kiên Giang"]}


def test_a_central_lecturer_is_a_post() -> None:
    text = "Bà Hà Thị Lan, Báo cáo viên Trung ương, trao đổi chuyên đề với cán bộ."
    assert _posts(text) == {"Hà Thị Lan": ["Báo cáo viên Trung ương"]}


def test_a_byline_name_in_capitals_before_its_posts() -> None:
    text = "TRẦN VĂN HÙNG, Trưởng Ban Dân vận Tỉnh ủy\nCông tác dân vận là nhiệm vụ chung."
    assert _posts(text) == {"TRẦN VĂN HÙNG": ["Trưởng Ban Dân vận Tỉnh ủy"]}
    text = "Bài viết\nHOÀNG THỊ MAI, UVTƯ Đảng, Bí thư Tỉnh ủy\nNội dung bài."
    assert _posts(text) == {"HOÀNG THỊ MAI": ["UVTƯ Đảng", "Bí thư Tỉnh ủy"]}
    # capitals that are no family name, or not at a line's start, stay abbreviations
    assert _posts("BAN DÂN VẬN, Trưởng ban phát biểu.") == {}
    assert _posts("Theo ông, LÊ VĂN HÙNG, Trưởng ban, nói.") == {}


def test_a_unit_named_after_its_place_is_no_person() -> None:
    text = "Đại úy Lê Văn Hậu, Đội trưởng Đồn Biên phòng Đinh Lập, cho biết bà con giúp đỡ."
    assert _posts(text) == {"Lê Văn Hậu": ["Đội trưởng Đồn Biên phòng Đinh Lập"]}


def test_a_cooperative_named_by_lower_case_words_and_its_place() -> None:
    text = ("Bà Lê Thị Hồng, Giám đốc Hợp tác xã rau an toàn Tân Lộc, nguyên Chủ tịch Hội "
            "Phụ nữ xã, chia sẻ.")
    assert _posts(text) == {"Lê Thị Hồng": ["Giám đốc Hợp tác xã rau an toàn Tân Lộc",
                                            "Chủ tịch Hội Phụ nữ xã"]}
    # a verb's object closed by no comma is no part of the cooperative's name
    text = "Ông Hà Văn Ba, Giám đốc Hợp tác xã, giúp bà con lập Quỹ Vì người nghèo của xã."
    assert _posts(text) == {"Hà Văn Ba": ["Giám đốc Hợp tác xã"]}


@pytest.mark.parametrize(
    "text",
    [
        "QUẢNG TRỊ - Phó Chủ tịch UBND tỉnh kiểm tra công trình.",  # a dateline, with its dash
        "NINH THUẬN, Chủ tịch UBND tỉnh\nNội dung bài.",  # a province, though with a comma
        "HOÀNG VĂN THỤ, Bí thư Chi bộ khu phố nói bà con đồng tình.",  # a sentence to its stop
    ],
)
def test_capitals_at_a_line_start_that_are_no_byline(text: str) -> None:
    assert _posts(text) == {}


def test_names_of_past_provinces_stay_given_names() -> None:
    assert _posts("Phó Chủ tịch UBND tỉnh Lê Thị Nam Hà phát biểu.") == {
        "Lê Thị Nam Hà": ["Phó Chủ tịch UBND tỉnh"]}
    assert _posts("Ông Phạm Văn Thuận Hải, Chủ tịch UBND xã, cho biết.") == {
        "Phạm Văn Thuận Hải": ["Chủ tịch UBND xã"]}


def test_a_post_does_not_run_into_a_verb_or_an_ordinary_seat() -> None:
    assert _posts("Ông Lê Văn Tâm, Giám đốc hợp tác xã vừa trở về từ Đà Lạt.") == {
        "Lê Văn Tâm": ["Giám đốc hợp tác xã"]}
    assert _posts("Ông Lê Văn Tâm, Phó Giám đốc Sở Tài chính tại Cần Thơ cho biết.") == {
        "Lê Văn Tâm": ["Phó Giám đốc Sở Tài chính"]}


def test_a_shared_title_over_items_written_post_then_name() -> None:
    text = ("Đến dự có các Ủy viên Trung ương Đảng: Phó Chủ tịch Quốc hội Trần Văn Hai; Phó "
            "Chủ tịch Ủy ban Trung ương MTTQ Việt Nam Lê Thị Ba.")
    assert _posts(text) == {
        "Trần Văn Hai": ["Phó Chủ tịch Quốc hội", "Ủy viên Trung ương Đảng"],
        "Lê Thị Ba": ["Phó Chủ tịch Ủy ban Trung ương MTTQ Việt Nam", "Ủy viên Trung ương Đảng"]}


def test_abbreviated_and_ranked_heads_of_posts() -> None:
    text = "Bằng khen tặng bà Lê Thị Lan, Phó GĐ Đài PT-TH tỉnh; ông Đỗ Văn Sáu, GĐ Sở Xây dựng."
    assert _posts(text) == {"Lê Thị Lan": ["Phó GĐ Đài PT-TH tỉnh"],
                            "Đỗ Văn Sáu": ["GĐ Sở Xây dựng"]}
    text = ("Phó Chủ tịch nước, Phó Chủ tịch thứ nhất Hội đồng Thi đua - Khen thưởng Trung ương "
            "Võ Thị Hoa dự.")
    assert _posts(text) == {"Võ Thị Hoa": [
        "Phó Chủ tịch nước", "Phó Chủ tịch thứ nhất Hội đồng Thi đua - Khen thưởng Trung ương"]}
    text = "Đồng chí Lê Văn Hai, Phó trưởng đoàn chuyên trách Đoàn ĐBQH tỉnh, chủ trì."
    assert _posts(text) == {"Lê Văn Hai": ["Phó trưởng đoàn chuyên trách Đoàn ĐBQH tỉnh"]}


def test_an_unlisted_family_name_before_thi() -> None:
    assert _posts("Bí thư Huyện ủy Khúc Thị Duyên trao giấy khen.") == {
        "Khúc Thị Duyên": ["Bí thư Huyện ủy"]}


def test_a_late_leader_commemorated_is_no_official() -> None:
    assert _posts("Nhân kỷ niệm Ngày sinh Chủ tịch Tôn Đức Thắng, xã khánh thành cầu.") == {}


def test_a_hard_wrapped_text_keeps_a_name_broken_across_lines() -> None:
    text = ("Hội nghị có các đại biểu là chức sắc, tu sĩ, văn nghệ\nsĩ, trí thức, người có uy "
            "tín trong cộng\nđồng. Tại hội nghị, TS. Hoàng\nMinh Đức - Phó Giám đốc Sở Nội vụ "
            "trình bày.")
    assert _posts(text) == {"Hoàng Minh Đức": ["Phó Giám đốc Sở Nội vụ"]}
    # a page's own lines keep their breaks: a caption line does not run into the next line
    tokens = tokenize("Ông Lê Văn Hai\nPhó Giám đốc Sở Nội vụ trình bày tại hội nghị.")
    assert [t.kind for t in unwrapped(tokens)].count("newline") == 1


def test_a_rank_between_the_post_and_the_name() -> None:
    assert _posts("Phó Chủ tịch Quốc hội, Thượng tướng Lê Văn Bảy thăm đơn vị.") == {
        "Lê Văn Bảy": ["Phó Chủ tịch Quốc hội"]}
    assert _posts("Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Đại tá Lê Văn Bảy dự.") == {
        "Lê Văn Bảy": ["Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh"]}


def test_a_parent_place_between_the_post_and_a_dashed_name() -> None:
    text = "Chủ tịch UBND xã Hòa Lạc, huyện Phú Tân - Trần Văn Chín cho biết, xã đã làm đường."
    assert _posts(text) == {"Trần Văn Chín": ["Chủ tịch UBND xã Hòa Lạc"]}


def test_a_counted_plural_title_over_a_list() -> None:
    text = ("Hai Phó Chủ tịch UBND tỉnh gồm các ông: Lê Văn Bảy, Ủy viên Ban Thường vụ Tỉnh "
            "ủy; và Trần Văn Tám.")
    assert _posts(text) == {
        "Lê Văn Bảy": ["Ủy viên Ban Thường vụ Tỉnh ủy", "Phó Chủ tịch UBND tỉnh"],
        "Trần Văn Tám": ["Phó Chủ tịch UBND tỉnh"]}


def test_a_campaign_in_curly_quotes_and_its_year_inside_a_post() -> None:
    text = ("Phó Chủ tịch UBND tỉnh, Trưởng Ban Chỉ đạo Chiến dịch “Mùa đông ấm” năm 2024 "
            "Hà Thị Mai phát biểu.")
    assert _posts(text) == {"Hà Thị Mai": [
        "Phó Chủ tịch UBND tỉnh", "Trưởng Ban Chỉ đạo Chiến dịch “Mùa đông ấm” năm 2024"]}


def test_a_post_given_to_a_person_after_doi_voi() -> None:
    text = ("Ban Thường vụ Tỉnh ủy chuẩn y Bí thư Huyện ủy nhiệm kỳ 2020-2025 đối với ông Lê "
            "Văn Năm, Phó Bí thư Huyện ủy.")
    assert _posts(text) == {"Lê Văn Năm": ["Bí thư Huyện ủy", "Phó Bí thư Huyện ủy"]}
    # care "đối với" a person gives no post
    assert _posts("Chủ tịch UBND xã luôn quan tâm đối với ông Lê Văn Năm.") == {}
