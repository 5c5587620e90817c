"""Figures and outcomes as real pages write them (issue 8), in our own sentences."""

from danvan_nlp import extract


def _figures(text: str) -> list[tuple[float, str, str]]:
    return [(f.value, f.unit, f.outcome.value) for f in extract(text).figures]


def test_parts_split_by_semicolons_keep_the_total_of_the_first_part() -> None:
    text = ("Năm 2021, huyện có 430 người được bầu chọn làm tổ trưởng tổ hòa giải (trong đó "
            "nam 390 người; nữ 40 người).")
    assert _figures(text) == [(430.0, "người", "recognized"), (390.0, "người", "recognized"),
                              (40.0, "người", "recognized")]


def test_a_figure_in_a_bracketed_aside_is_not_the_total_of_the_parts() -> None:
    text = ("Số hội viên được công nhận là 760 người (tăng 9 người so với năm 2022), trong đó "
            "nam 610 người; nữ 150 người.")
    assert _figures(text) == [(760.0, "người", "recognized"), (9.0, "người", "other"),
                              (610.0, "người", "recognized"), (150.0, "người", "recognized")]


def test_a_semicolon_clause_with_its_own_verb_is_not_a_part() -> None:
    text = ("Huyện công nhận 40 mô hình, trong đó kinh tế 25 mô hình; các chi hội tiếp nhận "
            "12 suất quà.")
    assert _figures(text)[-1] == (12.0, "suất", "other")


def test_from_to_is_one_range() -> None:
    assert [(f.value, f.value_max, f.unit) for f in extract(
        "Mỗi lớp tập huấn có từ 40 đến 50 cán bộ tham dự.").figures] == [(40.0, 50.0, "cán bộ")]


def test_a_year_span_is_still_no_figure() -> None:
    assert _figures("Từ 2020 đến 2025, huyện làm mới 40 km đường.") == [
        (40.0, "km", "implemented")]


def test_durations_in_tieng_are_no_figures() -> None:
    assert _figures("Buổi đối thoại với bà con kéo dài 2 tiếng đồng hồ.") == []


def test_counts_in_lan_are_figures_but_multipliers_are_not() -> None:
    assert _figures("Tổ công tác đã tuần tra 320 lần trên tuyến biên giới.") == [
        (320.0, "lần", "other")]
    assert _figures("Thu nhập của bà con tăng gấp 2 lần so với trước.") == []
    assert _figures("Đây là lần thứ 3 hội thi được tổ chức ở huyện.") == []


def test_the_scale_word_van() -> None:
    assert _figures("Dân số toàn tỉnh trên 62 vạn người.") == [(620000.0, "người", "other")]


def test_number_words_before_kilomet() -> None:
    assert _figures("Bà con hiến đất làm gần hai mươi kilomet đường.") == [
        (20.0, "kilomet", "implemented")]


def test_a_count_right_after_a_named_place_or_people() -> None:
    text = ("Toàn tỉnh có 1.300 người có uy tín, trong đó dân tộc Mông 540 người; "
            "Khơ Mú 60 người; riêng huyện Mường Tè 45 người.")
    assert [f.value for f in extract(text).figures] == [1300.0, 540.0, 60.0, 45.0]
    assert _figures("Đồn Biên phòng Mốc 13 phối hợp tuần tra.") == []


def test_shares_after_named_peoples_in_brackets() -> None:
    text = "Người dân tộc thiểu số chiếm 80% (dân tộc Mông 40,5%, dân tộc Thái 20,2%)."
    assert [f.value for f in extract(text).figures] == [80.0, 40.5, 20.2]


def test_a_count_after_mot_trong_so() -> None:
    assert _figures("Chị là một trong số 640 đại biểu trẻ của huyện.") == [
        (640.0, "đại biểu", "other")]


def test_equal_counts_in_a_breakdown_are_each_a_figure() -> None:
    text = "Bản có 30 người có uy tín, trong đó dân tộc Tày 6 người; dân tộc Dao 6 người."
    assert [f.value for f in extract(text).figures] == [30.0, 6.0, 6.0]


def test_one_count_told_twice_in_a_sentence_is_one_figure() -> None:
    text = ("Về chương trình liên kết 4 huyện ven biển, chiều 14/3, đoàn khảo sát 4 huyện đã "
            "có buổi làm việc.")
    assert _figures(text) == [(4.0, "huyện", "other")]


def test_prizes_given_out_after_a_contest_are_commended() -> None:
    figures = extract("Kết thúc hội thi, huyện trao tặng 6 giải Nhì và 9 giải Ba.").figures
    assert [(f.value, f.outcome.value) for f in figures] == [(6.0, "commended"),
                                                            (9.0, "commended")]


def test_prizes_without_a_giving_verb_stay_other() -> None:
    figures = extract("Cuộc thi năm nay có 12 giải dành cho học sinh.").figures
    assert [(f.value, f.outcome.value) for f in figures] == [(12.0, "other")]


def test_a_giving_verb_with_a_colon_governs_the_prize_list() -> None:
    figures = extract("Khép lại ngày hội, ban giám khảo đã trao: giải Đặc biệt cho thôn Đông, "
                      "giải Nhì cho thôn Đoài, 4 giải Ba, 7 giải Khuyến khích và 1 giải phụ cho "
                      "đội có tiết mục hay.").figures
    assert [(f.value, f.outcome.value) for f in figures] == [
        (4.0, "commended"), (7.0, "commended"), (1.0, "commended")]


def test_models_granted_a_certificate_are_recognized() -> None:
    figures = extract("Sau khi xét duyệt, hội đồng phường cấp giấy chứng nhận 16 câu lạc bộ "
                      "tự quản.").figures
    assert [(f.value, f.outcome.value) for f in figures] == [(16.0, "recognized")]


def test_abbreviated_counted_nouns_are_units_as_written() -> None:
    text = ("Sau sắp xếp, huyện còn 14 ĐVHC cấp xã; toàn huyện có 23 HTX và 9 CLB "
            "dân vận khéo.")
    assert [(value, unit) for value, unit, _ in _figures(text)] == [
        (14.0, "ĐVHC"), (23.0, "HTX"), (9.0, "CLB")]


def test_committee_members_are_counted() -> None:
    text = "Đại hội bầu 45 Ủy viên Ban Chấp hành Đảng bộ xã nhiệm kỳ mới."
    assert [(value, unit) for value, unit, _ in _figures(text)] == [(45.0, "ủy viên")]


def test_administrative_units_keep_their_whole_name() -> None:
    text = "Huyện nhập 14 đơn vị hành chính cấp xã thành 6 đơn vị hành chính."
    assert [(value, unit) for value, unit, _ in _figures(text)] == [
        (14.0, "đơn vị hành chính"), (6.0, "đơn vị hành chính")]


def test_money_given_for_works_is_mobilised() -> None:
    text = "Các hộ ủng hộ làm sân thể thao của thôn được 120 triệu đồng."
    assert _figures(text) == [(120000000.0, "đồng", "mobilized")]
    text = "Hội viên đóng góp kinh phí xây dựng nhà văn hóa được 80 triệu đồng và 300 ngày công."
    assert _figures(text) == [(80000000.0, "đồng", "mobilized"), (300.0, "ngày công", "mobilized")]


def test_money_spent_on_works_stays_a_cost() -> None:
    assert _figures("Xã xây dựng sân thể thao 450 triệu đồng.") == [
        (450000000.0, "đồng", "other")]


def test_founding_party_and_state_bodies_is_other_but_founding_groups_is_implemented() -> None:
    assert _figures("Sau sắp xếp, tỉnh thành lập 24 đảng bộ xã mới.") == [
        (24.0, "đảng bộ", "other")]
    assert _figures("Huyện đã thành lập được 9 cơ quan chuyên môn.") == [
        (9.0, "cơ quan", "other")]
    assert _figures("Hội Nông dân thành lập 15 tổ hợp tác trồng rau.") == [
        (15.0, "tổ", "implemented")]


def test_founding_a_self_managed_board_is_implemented() -> None:
    assert _figures("Xã đã thành lập 10 ban tự quản đường làng.") == [
        (10.0, "ban", "implemented")]


def test_a_length_in_metres_is_recorded_m_however_written() -> None:
    units = [unit for _, unit, _ in _figures("Thôn mở rộng đường thêm 3 mét, lát 450 m vỉa hè.")]
    assert units == ["m", "m"]


def test_square_metres_written_with_a_hyphen_or_a_spaced_exponent_are_one_area() -> None:
    assert _figures("Ông Tòng hiến 420 mét-vuông đất vườn cho thôn.") == [
        (420.0, "m²", "mobilized")]
    assert _figures("Gia đình chị Mai hiến gần 95 m 2 đất làm ngõ xóm.") == [
        (95.0, "m²", "mobilized")]


def test_a_second_count_after_a_unit_and_a_slash_is_a_figure() -> None:
    assert _figures("Bản Khe Sanh có 312 hộ/1.408 khẩu, đa số là đồng bào Vân Kiều.") == [
        (312.0, "hộ", "other"), (1408.0, "khẩu", "other")]
    assert [f[:2] for f in _figures("Ruộng mẫu rộng 22,5 ha/48 hộ tham gia.")] == [
        (22.5, "ha"), (48.0, "hộ")]


def test_a_slash_inside_a_date_or_code_gives_no_second_figure() -> None:
    assert [f[:2] for f in _figures("Đến ngày 15/6 xã có 40 tổ tự quản theo Kế hoạch 12/KH-UBND.")
            ] == [(40.0, "tổ")]


def test_an_abbreviated_village_count_is_a_figure() -> None:
    assert [f[:2] for f in _figures("Năm nay có 57 LVH giữ vững danh hiệu.")] == [(57.0, "LVH")]


def test_a_year_and_month_written_with_a_dash_is_a_date() -> None:
    assert _figures("Cập nhật 2024-11 Bình Phước ra quân làm đường giao thông nông thôn.") == []


def test_medals_handed_out_are_commended_by_who_gives_them() -> None:
    figures = extract("Dịp này, Chủ tịch nước tặng 48 Huân chương Lao động cho các đơn vị và "
                      "công nhân.").figures
    assert [(f.value, f.unit, f.outcome.value, f.awarder) for f in figures] == [
        (48.0, "huân chương", "commended", "Chủ tịch nước")]


def test_received_commendation_is_commended() -> None:
    assert _figures("Qua 5 năm, phường có hơn 170 tập thể, cá nhân được nhận khen thưởng của "
                    "thành phố.") == [(170.0, "tập thể", "commended")]


def test_jobs_and_hospitals_are_counted_but_a_top_rank_is_not() -> None:
    text = ("Khu công nghiệp tạo ra 8.000 việc làm và đưa huyện vào top 5 địa phương thu hút "
            "đầu tư; hội hỗ trợ bệnh nhân tại 02 Bệnh viện.")
    assert [(value, unit) for value, unit, _ in _figures(text)] == [
        (8000.0, "việc làm"), (2.0, "bệnh viện")]


def test_counts_and_areas_listed_after_named_places() -> None:
    text = ("Kết quả, xã Tân Lập đạt 6 giải, thị trấn Yên Bình 3 giải; bà con hiến 20.000 m2 đất, "
            "riêng huyện Lục Yên 7.500 m2.")
    assert [(value, unit) for value, unit, _ in _figures(text)] == [
        (6.0, "giải"), (3.0, "giải"), (20000.0, "m²"), (7500.0, "m²")]


def test_spelled_counts_of_occurrences_boards_and_resolutions_are_figures() -> None:
    assert _figures("Bà con trong xóm đã ba lần hiến đất để làm đường liên thôn.") == [
        (3.0, "lần", "mobilized")]
    assert _figures("Từ khi sáp nhập hai ban, cơ quan sắp xếp lại các phòng.") == [
        (2.0, "ban", "other")]
    assert _figures("Buổi lễ đã công bố hai Nghị quyết về sắp xếp đơn vị hành chính.") == [
        (2.0, "Nghị quyết", "other")]


def test_a_capital_after_a_spelled_number_is_still_a_name_unless_a_counted_document() -> None:
    assert _figures("Đoàn công tác ghé thăm ba Đồn biên phòng ven biển.") == []
    assert [f.unit for f in extract("Tỉnh ủy triển khai 14 Đề án trọng điểm.").figures] == [
        "Đề án"]


def test_equal_prize_counts_further_down_one_list_are_each_a_figure() -> None:
    text = ("Mỗi vòng có 3 giải đồng đội, 9 giải cá nhân gồm 1 giải nhất, 3 giải nhì, "
            "3 giải ba, 2 giải khuyến khích.")
    assert [f.value for f in extract(text).figures] == [3.0, 9.0, 1.0, 3.0, 3.0, 2.0]


def test_page_counters_and_digit_counts_are_no_figures() -> None:
    assert _figures("Bài viết có 5120 lượt xem.") == []
    assert _figures("Tỉnh phấn đấu tăng trưởng hai con số trong năm tới.") == []
    assert _figures("Hội tặng 4 con bò giống cho hộ nghèo.")[0][:2] == (4.0, "con")


def test_a_superscript_square_metre_in_markup_is_one_area() -> None:
    assert _figures("Vợ chồng anh Bảy hiến gần 260m<sup>2</sup> đất vườn.") == [
        (260.0, "m²", "mobilized")]


def test_counts_of_deputies_and_battalions_are_figures() -> None:
    assert _figures("Ban Thường trực có 4 vị: Chủ tịch và 3 Phó Chủ tịch.")[-1] == (
        3.0, "Phó Chủ tịch", "other")
    assert _figures("Ba Phó Bí thư khác là ông A, ông B và ông C.")[0][:2] == (3.0, "Phó Bí thư")
    assert [f.unit for f in extract("Do 10 đồn và 01 Tiểu đoàn cơ động quản lý.").figures] == [
        "đồn", "Tiểu đoàn"]


def test_forming_models_and_works_is_implemented_but_forming_communes_is_other() -> None:
    text = "Từ các điểm chỉ đạo, huyện hình thành 37 mô hình, 52 công trình thiết thực."
    assert _figures(text) == [
        (37.0, "mô hình", "implemented"), (52.0, "công trình", "implemented")]
    assert _figures("Sau sắp xếp, tỉnh hình thành 48 đơn vị hành chính cấp xã mới.")[0] == (
        48.0, "đơn vị hành chính", "other")


def test_businesses_founded_are_a_background_statistic() -> None:
    assert _figures("Cả năm tỉnh thành lập mới gần 960 doanh nghiệp.") == [
        (960.0, "doanh nghiệp", "other")]


def test_labour_given_through_ho_tro_is_other_but_through_giup_is_mobilized() -> None:
    assert _figures("Bà con trong xóm còn hỗ trợ 410 ngày công đào móng cống.") == [
        (410.0, "ngày công", "other")]
    assert _figures("Đoàn viên giúp dân 180 ngày công gặt lúa.") == [
        (180.0, "ngày công", "mobilized")]


def test_delegates_elected_to_a_congress_are_not_recognized() -> None:
    assert _figures("Dự đại hội có 212 đại biểu chính thức được bầu chọn từ các chi bộ.")[0] == (
        212.0, "đại biểu", "other")
    assert _figures("Toàn huyện có 96 người được bầu chọn là người có uy tín.") == [
        (96.0, "người", "recognized")]


def test_a_count_after_trong_is_the_set_the_clause_picks_from() -> None:
    assert _figures("Trong 36 mô hình của Hội Phụ nữ, có nhiều mô hình được nhân rộng.")[0] == (
        36.0, "mô hình", "other")


def test_groups_that_mobilise_others_are_not_mobilised_but_givers_are() -> None:
    assert _figures("Năm qua, ba đội xung kích ở ấp Tân Phú đã vận động được 420 triệu đồng.") == [
        (3.0, "đội", "other"), (420000000.0, "đồng", "mobilized")]
    assert _figures("Có 18 hộ ở xóm Đồng Bằng đã hiến 950 m² đất làm đường.") == [
        (18.0, "hộ", "mobilized"), (950.0, "m²", "mobilized")]


def test_a_verb_negated_through_a_modal_decides_nothing() -> None:
    assert _figures("Huyện có 12 xã đủ điều kiện không phải thực hiện sáp nhập.") == [
        (12.0, "xã", "other")]


def test_places_a_work_links_are_not_the_work() -> None:
    text = "Xã khánh thành cây cầu mới nối liền 3 thôn Phú Lộc, Phú Hòa và Phú An."
    assert _figures(text)[0] == (3.0, "thôn", "other")


def test_the_verb_before_a_model_decides_over_the_verb_naming_what_it_grows() -> None:
    assert _figures("Hội Nông dân nhân rộng mô hình trồng 15 ha bưởi da xanh.") == [
        (15.0, "ha", "implemented")]
    assert _figures("Gia đình anh Sáng trồng 3 ha cà phê xen sầu riêng.") == [
        (3.0, "ha", "other")]


def test_a_visitor_counter_of_the_page_is_no_figure() -> None:
    text = "Xã đón 1.200 khách tham quan làng nghề.\nHiện có 57 khách và 2 thành viên đang online"
    assert _figures(text) == [(1200.0, "khách", "other")]
