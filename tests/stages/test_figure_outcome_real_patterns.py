"""Outcomes of figures as real pages write them (issues 8 and 13), in our own sentences.

Each test is one PATTERN seen on the real-text batches, written anew; where it matters the
rule that decided is checked too, so a change of cascade shows where the figure went.
"""

from danvan_nlp import extract


def _outcomes(text: str) -> list[tuple[float, str, str]]:
    return [(f.value, f.unit, f.outcome.value) for f in extract(text).figures]


def _rules(text: str) -> list[str]:
    return [f.rule for f in extract(text).figures]


def test_a_place_after_the_verb_is_where_not_what() -> None:
    text = "Tới nay, thị trấn có 33 mô hình tự quản ở nhiều mảng đang duy trì tại 11 khu phố."
    assert _outcomes(text) == [(33.0, "mô hình", "implemented"), (11.0, "khu phố", "other")]
    assert _rules(text) == ["figure.unit_table.marker", "figure.unit_table.place_of_verb"]


def test_a_registering_list_with_a_place_after_its_verb() -> None:
    figures = _outcomes("Đợt này có 236 đơn vị, hội viên đăng ký ở bốn nhóm giải thưởng.")
    assert figures[0] == (236.0, "đơn vị", "registered")
    assert figures[-1] == (4.0, "nhóm", "other")


def test_a_preposition_of_place_far_from_the_number_does_not_count() -> None:
    figures = _outcomes("Các gia đình văn hóa được công nhận tại Quyết định số 45/QĐ-UBND của "
                        "UBND huyện là 1.320 hộ.")
    assert (1320.0, "hộ", "recognized") in figures


def test_the_verb_after_an_agreeing_verb_decides() -> None:
    text = ("Gần 90% hộ dân trong xóm có vườn nằm trong dự án đều đồng thuận hiến đất làm "
            "đường.")
    assert _outcomes(text) == [(90.0, "%", "mobilized")]
    assert _rules(text) == ["figure.unit_table.marker"]


def test_a_verb_starting_with_an_agreeing_word_is_still_read_whole() -> None:
    figures = _outcomes("Với quyết tâm chung, 37 gia đình đã tự nguyện hiến đất vườn để mở ngõ.")
    assert figures[0] == (37.0, "gia đình", "mobilized")


def test_two_verbs_joined_by_va_share_the_deciding_one() -> None:
    text = ("Từ năm 2021, phường đã xây dựng và phát huy hiệu quả của 38 mô hình tự quản ở "
            "khu dân cư.")
    assert _outcomes(text) == [(38.0, "mô hình", "implemented")]


def test_steps_joined_by_a_comma_keep_their_own_verb() -> None:
    text = ("Mô hình tuần tra do đồn biên phòng phối hợp với các trưởng bản thực hiện, tổ "
            "chức 31 đợt tuần tra chung trong năm.")
    assert _outcomes(text) == [(31.0, "đợt", "other")]


def test_a_reason_clause_after_a_list_does_not_take_the_list_from_its_verb() -> None:
    text = ("Chủ tịch UBND huyện tặng Giấy khen cho 08 tập thể, 11 cá nhân, vì đã có nhiều "
            "đóng góp cho phong trào.")
    assert _outcomes(text) == [(8.0, "tập thể", "commended"), (11.0, "cá nhân", "commended")]


def test_a_trong_do_sentence_breaks_down_the_total_of_its_own_unit() -> None:
    text = ("Hiện phường có 44 mô hình tự quản đang triển khai tại 9 khu phố. Trong đó, có 26 "
            "mô hình tập thể và 18 mô hình cá nhân.")
    assert _outcomes(text) == [(44.0, "mô hình", "implemented"), (9.0, "khu phố", "other"),
                               (26.0, "mô hình", "implemented"),
                               (18.0, "mô hình", "implemented")]


def test_a_sentence_without_figures_may_stand_between_a_total_and_its_parts() -> None:
    text = ("Năm 2024, Ban Chỉ đạo huyện đã công nhận 75 mô hình dân vận khéo. Ảnh: Các đại "
            "biểu chụp ảnh lưu niệm tại hội nghị.\n\nTrong đó có 41 mô hình tập thể và 34 mô "
            "hình cá nhân.")
    assert [f[2] for f in _outcomes(text)] == ["recognized"] * 3


def test_across_other_sentences_only_a_total_of_the_same_unit_is_broken_down() -> None:
    text = ("Năm 2024, huyện đã công nhận 75 mô hình dân vận khéo. Ảnh: Các đại biểu chụp ảnh "
            "lưu niệm tại hội nghị. Trong đó có 41 tập thể tham gia hội thi.")
    assert _outcomes(text)[-1] == (41.0, "tập thể", "other")


def test_an_amount_in_brackets_takes_the_verb_before_the_bracket() -> None:
    text = ("Nổi bật có: mô hình hỗ trợ hộ khó khăn mua bò giống (70 triệu đồng); vận động "
            "góp quỹ khuyến học (36 triệu đồng); mô hình cột cờ Tổ quốc.")
    assert _outcomes(text) == [(70000000.0, "đồng", "other"),
                               (36000000.0, "đồng", "mobilized")]


def test_a_count_in_brackets_keeps_its_own_reading() -> None:
    text = "Hội đã vận động các nhà hảo tâm xây nhà tình nghĩa (12 hộ được nhận nhà)."
    assert _outcomes(text) == [(12.0, "hộ", "other")]


def test_goods_listed_with_a_sum_after_a_giving_verb_are_mobilized() -> None:
    text = "Tháng trước, chi hội ủng hộ 9 triệu đồng cùng 600 kg gạo cho bà con vùng sạt lở."
    assert _outcomes(text) == [(9000000.0, "đồng", "mobilized"), (600.0, "kg", "mobilized")]


def test_a_describing_verb_after_the_count_yields_to_the_deciding_verb() -> None:
    text = ("Có 64 gia đình cư trú hai bên đường liên ấp tự nguyện hiến đất để huyện nắn "
            "thẳng con đường.")
    assert _outcomes(text) == [(64.0, "gia đình", "mobilized")]
    assert _rules(text) == ["figure.unit_table.bare"]


def test_a_marked_verb_after_a_long_subject_with_commas() -> None:
    text = ("Năm 2022, toàn huyện có 420 mô hình được đăng ký, trong đó có 388 mô hình trên "
            "các mảng sản xuất, môi trường, giáo dục, y tế, trật tự được triển khai hiệu quả.")
    assert _outcomes(text) == [(420.0, "mô hình", "registered"),
                               (388.0, "mô hình", "implemented")]


def test_models_registered_after_a_list_of_who_owns_them() -> None:
    text = "Toàn phường có 215 mô hình của chi hội, hội viên đăng ký ở hai nhóm giải thưởng."
    assert _outcomes(text)[0] == (215.0, "mô hình", "registered")


def test_a_copula_ends_the_subject() -> None:
    text = ("Năm nay, 9/9 chi bộ đều có nghị quyết chuyên đề triển khai ở đơn vị với lộ trình "
            "rõ ràng.")
    assert _outcomes(text)[0][2] == "other"


def test_a_marked_verb_that_decides_nothing_ends_the_subject() -> None:
    text = "Hơn 900 hộ nghèo được hỗ trợ xây mới, sửa chữa nhà ở trong năm."
    assert _outcomes(text) == [(900.0, "hộ nghèo", "other")]


def test_a_verb_after_a_fronted_place_is_not_the_count_s() -> None:
    text = "Ở bốn bản Nà Lừa, Pá Khoang, Huổi Một, Co Mận, mô hình bản không ma túy được duy trì."
    assert _outcomes(text) == [(4.0, "bản", "other")]


def test_one_of_a_set_is_said_of_the_one_not_of_the_set() -> None:
    text = ("Là một trong số 1.130 người có uy tín của tỉnh, ông Lò Văn Pành được tôn vinh "
            "tại hội nghị toàn quốc.")
    assert _outcomes(text) == [(1130.0, "người", "other")]
    assert _rules(text) == ["figure.unit_table.set_of"]


def test_delegates_of_units_are_not_the_units_commended() -> None:
    text = ("Tham dự buổi lễ có đại diện 7/25 thôn, tổ dân phố và các hộ gia đình được biểu "
            "dương trong cuộc vận động.")
    assert _outcomes(text) == [(7.0, "thôn", "other")]


def test_elders_broken_down_from_people_recognized_not_from_their_villages() -> None:
    text = ("Năm nay huyện có 146 vị được công nhận là người có uy tín thuộc 70/92 buôn. Trong "
            "đó có 58 già làng; số còn lại là người sản xuất giỏi.")
    assert _outcomes(text) == [(146.0, "vị", "recognized"), (70.0, "buôn", "other"),
                               (58.0, "già làng", "recognized")]


def test_gifts_raised_in_a_list_and_then_given_stay_mobilized() -> None:
    text = "Hội đã vận động 350 triệu đồng, 2 tấn gạo, 500 suất quà tặng hộ nghèo."
    assert [f[2] for f in _outcomes(text)] == ["mobilized"] * 3


def test_gifts_handed_out_without_raising_stay_other() -> None:
    text = "Hội trao 20 suất học bổng, 500 suất quà tặng hộ nghèo."
    assert [f[2] for f in _outcomes(text)] == ["other", "other"]


def test_a_verb_before_a_list_of_counts_applies_to_each() -> None:
    text = "Trong đợt này, thị xã đã công nhận 9 câu lạc bộ, 14 chi hội và 6 hội viên tiêu biểu."
    assert [f[2] for f in _outcomes(text)] == ["recognized"] * 3


def test_a_medal_handed_to_people_by_a_body_commends_them() -> None:
    text = ("Tại buổi gặp mặt, 17 đồng chí được Ban Dân vận Huyện ủy trao tặng Kỷ niệm chương "
            "“Vì sự nghiệp Dân vận”.")
    figures = extract(text).figures
    assert [(f.value, f.outcome.value) for f in figures] == [(17.0, "commended")]
    assert figures[0].awarder == "Ban Dân vận Huyện ủy"


def test_a_commending_verb_without_a_subject_has_the_one_before() -> None:
    text = ("Tại buổi lễ, Chủ tịch UBND tỉnh đã tặng Bằng khen 21 tập thể, 9 cá nhân có nhiều "
            "thành tích; tặng Bằng khen 11 tập thể làm tốt dân vận chính quyền và Bằng khen 4 "
            "tập thể giữ tốt quy chế dân chủ.")
    figures = extract(text).figures
    assert [f.value for f in figures] == [21.0, 9.0, 11.0, 4.0]
    assert {f.awarder for f in figures} == {"Chủ tịch UBND tỉnh"}


def test_prizes_listed_after_a_giving_verb_have_its_subject_as_awarder() -> None:
    text = ("Khép lại liên hoan, Ban Tổ chức đã trao: giải Đặc biệt cho đội Hòa Bình, giải "
            "Nhì cho đội Vĩnh Lộc, 3 giải Ba và 4 giải Khuyến khích.")
    figures = extract(text).figures
    assert [(f.outcome.value, f.awarder) for f in figures] == [("commended", "Ban Tổ chức")] * 2


def test_giving_opinions_on_schemes_mobilises_nothing() -> None:
    text = ("Hội nghị dành thời gian để các chi bộ đóng góp ý kiến vào dự thảo báo cáo và 4 Đề "
            "án của huyện.")
    assert _outcomes(text) == [(4.0, "Đề án", "other")]


def test_the_nearest_planning_verb_is_not_the_building_verb_before_it() -> None:
    text = "Thị xã giải phóng mặt bằng, làm chợ mới rồi quy hoạch chừng 120ha ruộng muối."
    assert _outcomes(text) == [(120.0, "ha", "other")]


def test_a_road_surfaced_with_asphalt_is_implemented() -> None:
    text = "Con đường liên xóm có chiều rộng 5m đã được trải áp phan bằng tiền dân góp."
    assert _outcomes(text) == [(5.0, "m", "implemented")]
    assert _outcomes("Nay 90% đường ngõ được trải nhựa phẳng phiu.") == [
        (90.0, "%", "implemented")]


def test_a_road_opened_then_its_length_is_implemented_and_the_next_part_too() -> None:
    text = ("Năm ngoái, xóm vận động các hộ mở thành công đường ra bãi sông dài 1,8km; gần "
            "6km đường nội đồng.")
    assert _outcomes(text) == [(1.8, "km", "implemented"), (6.0, "km", "implemented")]


def test_an_adverb_may_stand_between_a_verb_and_its_object() -> None:
    # "mở" alone is no outcome verb: only "mở đường" read through the adverb decides
    text = "Mùa khô vừa rồi, bản mở thành công đường lên khu sản xuất dài 700m."
    assert _outcomes(text) == [(700.0, "m", "implemented")]
    assert extract(text).figures[0].rule == "figure.unit_table.verb_before"
    # a phrase holding the adverb itself is still read whole
    assert _outcomes("Tổ hòa giải đã hòa giải thành công 40 vụ việc.") == [
        (40.0, "vụ việc", "other")]


def test_a_verbless_total_takes_the_verb_after_its_parts() -> None:
    text = ("Đợt này, phường có 130 mô hình, trong đó 90 mô hình tổ dân phố, 40 mô hình hộ "
            "gia đình đăng ký thực hiện trong năm.")
    assert _outcomes(text) == [(130.0, "mô hình", "registered"),
                               (90.0, "mô hình", "registered"), (40.0, "mô hình", "registered")]
    assert _rules(text)[:2] == ["figure.unit_table.verb_of_parts"] * 2


def test_one_part_with_a_verb_may_be_a_subset_so_the_total_keeps_its_own() -> None:
    text = "Huyện có 150 mô hình, trong đó 35 mô hình được công nhận."
    assert _outcomes(text) == [(150.0, "mô hình", "other"), (35.0, "mô hình", "recognized")]


def test_parts_whose_verb_decides_nothing_leave_the_total_alone() -> None:
    text = "Xã có 600 hộ, trong đó 320 hộ khá, 45 hộ nghèo được hỗ trợ vốn."
    assert [outcome for _, _, outcome in _outcomes(text)] == ["other", "other", "other"]


def test_a_count_after_voi_is_not_the_object_of_the_verb_before() -> None:
    text = ("Sau một tháng mở cổng, hơn 3.500 học sinh đăng ký tham gia cuộc thi với 6.120 "
            "lượt bài gửi về.")
    assert _outcomes(text) == [(3500.0, "học sinh", "registered"), (6120.0, "lượt", "other")]


def test_counts_picked_to_be_praised_or_given_prizes_are_commended() -> None:
    text = "Hội đồng thi đua đã chọn được 5 đội để tuyên dương, 18 học sinh giỏi để trao giải."
    assert _outcomes(text) == [(5.0, "đội", "commended"), (18.0, "học sinh", "commended")]


def test_what_each_period_holds_takes_no_outcome_from_the_total_before() -> None:
    text = ("Ban giám khảo chọn 9 hội viên để khen thưởng. Trong đó, mỗi tháng có 2 giải chi "
            "hội, 5 giải hội viên.")
    assert _outcomes(text) == [(9.0, "hội viên", "commended"), (2.0, "giải", "other"),
                               (5.0, "giải", "other")]
    assert _rules(text)[1] == "figure.unit_table.per_period"


def test_the_share_of_a_part_does_not_undo_the_verb_of_its_total() -> None:
    text = ("Ban Chỉ đạo đã công nhận 48 mô hình, trong đó có 31 chi hội, 17 hội viên chiếm "
            "76% số mô hình dự xét.")
    assert _outcomes(text)[:3] == [(48.0, "mô hình", "recognized"),
                                   (31.0, "chi hội", "recognized"),
                                   (17.0, "hội viên", "recognized")]


def test_a_share_verb_of_a_figure_alone_still_says_other() -> None:
    assert _outcomes("Năm nay 420 hộ nghèo chiếm 6% dân số xã.")[0] == (420.0, "hộ nghèo",
                                                                        "other")


def test_a_change_from_one_width_to_another_keeps_the_verb_for_the_new_width() -> None:
    text = ("Khi xóm bàn việc nới rộng con ngõ từ 2,5m lên 5m, cán bộ đến từng nhà vận "
            "động.")
    assert _outcomes(text) == [(2.5, "m", "other"), (5.0, "m", "implemented")]
    assert _rules(text) == ["figure.unit_table.moved_from", "figure.unit_table.moved_to"]


def test_land_told_along_with_a_donation_is_donated_too() -> None:
    text = ("Mùa xuân vừa qua, bà hiến 420m2 ruộng để đào kênh, cùng với đó là gần 90m2 đất "
            "ao cho trường mẫu giáo.")
    assert _outcomes(text) == [(420.0, "m²", "mobilized"), (90.0, "m²", "mobilized")]
    assert _rules(text)[1] == "figure.unit_table.told_with_before"


def test_the_width_right_after_the_length_of_donated_land_is_donated() -> None:
    text = "Gia đình anh Tư hiến chừng 35m dài, rộng 1,5m đất vườn để làm ngõ."
    assert _outcomes(text) == [(35.0, "m", "mobilized"), (1.5, "m", "mobilized")]


def test_a_width_far_from_the_length_keeps_its_own_reading() -> None:
    text = "Năm nay huyện làm 5 km đường bê tông liên xã, mặt đường rộng 4m."
    assert _outcomes(text) == [(5.0, "km", "implemented"), (4.0, "m", "other")]


def test_land_ceded_is_mobilized_and_works_finished_are_implemented() -> None:
    assert _outcomes("Để mở đường, nhiều hộ phải nhường gần 80m² đất vườn.") == [
        (80.0, "m²", "mobilized")]
    assert _outcomes("Chi đoàn hoàn thiện 200 m2 sân bê tông cho thôn.") == [
        (200.0, "m²", "implemented")]


def test_two_verbs_of_agreeing_across_a_comma_lead_to_the_verb() -> None:
    text = ("Đầu năm, 11 gia đình ở tổ 4, khu Bắc (phường Hòa Lạc) đã đồng lòng, tự nguyện "
            "hiến đất để lát gạch ngõ.")
    assert _outcomes(text) == [(11.0, "gia đình", "mobilized")]
    assert _rules(text) == ["figure.unit_table.marker"]


def test_a_semicolon_item_after_a_place_takes_the_verb_of_the_item_before() -> None:
    text = ("Bà con góp tiền đổ bê tông các đoạn đường hay sạt như đường Nà Hin hơn 120m; "
            "bản Cốc được 250m đường bê tông và 03 sân bóng chuyền.")
    assert _outcomes(text) == [(120.0, "m", "implemented"), (250.0, "m", "implemented"),
                               (3.0, "sân", "implemented")]
    assert _rules(text)[1] == "figure.unit_table.semicolon_item"


def test_a_semicolon_clause_with_a_weak_verb_of_its_own_borrows_nothing() -> None:
    text = "Hội vận động 20 hộ hiến đất; các tổ hiện có 516 thành viên."
    assert _outcomes(text) == [(20.0, "hộ", "mobilized"), (516.0, "thành viên", "other")]


def test_a_clause_after_va_with_its_own_verb_does_not_take_the_verb_before() -> None:
    text = ("Năm nay, khối phố có 140 gia đình thực hiện trồng rau sạch và 60 hội viên "
            "thường xuyên sử dụng phân hữu cơ.")
    assert _outcomes(text) == [(140.0, "gia đình", "implemented"),
                               (60.0, "hội viên", "other")]


def test_an_object_after_the_predicate_of_the_figure_before_still_takes_its_verb() -> None:
    assert _outcomes("Năm qua, 120 hộ tự nguyện hiến 3.400 m2 đất làm đường.") == [
        (120.0, "hộ", "mobilized"), (3400.0, "m²", "mobilized")]


def test_a_part_chosen_to_attend_has_a_verb_of_its_own() -> None:
    text = ("Huyện đã biểu dương 120 chi hội, 95 hội viên, trong đó đã lựa chọn 25 mô hình về "
            "dự diễn đàn của tỉnh.")
    assert _outcomes(text)[-1] == (25.0, "mô hình", "other")


def test_parts_that_do_not_add_up_to_the_total_keep_the_last_verb_to_the_last_part() -> None:
    text = ("Huyện có 45 chi hội, trong đó 20 chi hội vùng cao, 8 chi hội được công nhận "
            "vững mạnh.")
    assert _outcomes(text) == [(45.0, "chi hội", "other"), (20.0, "chi hội", "other"),
                               (8.0, "chi hội", "recognized")]
    text = "Tổ có 70 đoàn viên, trong đó 30 đoàn viên nam, 12 đoàn viên được tuyên dương."
    assert [outcome for _, _, outcome in _outcomes(text)] == ["other", "other", "commended"]


def test_a_figure_after_ngoai_ra_with_a_negated_verb_of_its_own_is_not_mobilized() -> None:
    text = ("Năm qua, bà con đã hiến 300m2 đất làm đường, ngoài ra còn 15 hộ chưa đồng ý "
            "hiến đất.")
    assert _outcomes(text) == [(300.0, "m²", "mobilized"), (15.0, "hộ", "other")]
    assert _outcomes("Cả thôn có 9 hộ vẫn không hiến đất mở đường.") == [
        (9.0, "hộ", "other")]
    assert _outcomes("Cả thôn có 9 hộ không tham gia hiến đất mở đường.") == [
        (9.0, "hộ", "other")]
    assert _outcomes("Năm nay còn 15 mô hình chưa được công nhận.") == [
        (15.0, "mô hình", "other")]
    assert _outcomes("Có 20 hộ không những hiến đất mà còn góp tiền.") == [
        (20.0, "hộ", "mobilized")]  # "không những" (not only) negates nothing
    assert _outcomes("Cả thôn có 9 hộ đã đồng ý hiến đất mở đường.") == [
        (9.0, "hộ", "mobilized")]


def test_a_rate_raised_after_a_mobilising_verb_takes_the_raising_verb() -> None:
    text = "Xã vận động nâng tỷ lệ hộ dùng nước sạch từ 60% lên 85%."
    assert _outcomes(text) == [(60.0, "%", "other"), (85.0, "%", "other")]
    assert _rules(text) == ["figure.unit_table.moved_from", "figure.unit_table.moved_to"]
    text = "Thôn vận động bà con hiến đất mở rộng đường từ 3m lên 6m."
    assert _outcomes(text) == [(3.0, "m", "other"), (6.0, "m", "implemented")]
