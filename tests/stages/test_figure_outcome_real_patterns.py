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
    text = ("Đến nay, cả huyện có 58 mô hình dân vận khéo ở nhiều lĩnh vực đang triển khai "
            "tại 23 thôn, bản.")
    assert _outcomes(text) == [(58.0, "mô hình", "implemented"), (23.0, "thôn", "other")]
    assert _rules(text) == ["figure.unit_table.marker", "figure.unit_table.place_of_verb"]


def test_a_registering_list_with_a_place_after_its_verb() -> None:
    figures = _outcomes("Năm nay có 415 tập thể, cá nhân đăng ký ở ba nhóm danh hiệu thi đua.")
    assert figures[0] == (415.0, "tập thể", "registered")
    assert figures[-1] == (3.0, "nhóm", "other")


def test_a_preposition_of_place_far_from_the_number_does_not_count() -> None:
    figures = _outcomes("Người có uy tín được công nhận tại Quyết định số 12/QĐ-UBND của UBND "
                        "tỉnh là 730 người.")
    assert (730.0, "người", "recognized") in figures


def test_the_verb_after_an_agreeing_verb_decides() -> None:
    text = ("Gần 90% hộ dân trong xóm có vườn nằm trong dự án đều đồng thuận hiến đất làm "
            "đường.")
    assert _outcomes(text) == [(90.0, "%", "mobilized")]
    assert _rules(text) == ["figure.unit_table.marker"]


def test_a_verb_starting_with_an_agreeing_word_is_still_read_whole() -> None:
    figures = _outcomes("Với tinh thần đồng lòng, 37 hộ dân đã tự nguyện hiến đất vườn để làm "
                        "đường.")
    assert figures[0] == (37.0, "hộ", "mobilized")


def test_two_verbs_joined_by_va_share_the_deciding_one() -> None:
    text = ("Những năm qua, toàn xã đã xây dựng và phát huy hiệu quả của 64 mô hình làm tốt "
            "công tác dân vận.")
    assert _outcomes(text) == [(64.0, "mô hình", "implemented")]


def test_steps_joined_by_a_comma_keep_their_own_verb() -> None:
    text = ("Mô hình tuần tra do đồn biên phòng phối hợp với các trưởng bản thực hiện, tổ "
            "chức 31 đợt tuần tra chung trong năm.")
    assert _outcomes(text) == [(31.0, "đợt", "other")]


def test_a_reason_clause_after_a_list_does_not_take_the_list_from_its_verb() -> None:
    text = ("Chủ tịch UBND huyện tặng Giấy khen cho 08 tập thể, 11 cá nhân, vì đã có nhiều "
            "đóng góp cho phong trào.")
    assert _outcomes(text) == [(8.0, "tập thể", "commended"), (11.0, "cá nhân", "commended")]


def test_a_trong_do_sentence_breaks_down_the_total_of_its_own_unit() -> None:
    text = ("Đến nay, toàn xã có 52 mô hình dân vận khéo đang thực hiện tại 14 thôn. Trong "
            "đó, có 30 mô hình tập thể và 22 mô hình cá nhân.")
    assert _outcomes(text) == [(52.0, "mô hình", "implemented"), (14.0, "thôn", "other"),
                               (30.0, "mô hình", "implemented"),
                               (22.0, "mô hình", "implemented")]


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
    text = ("Tiêu biểu như: mô hình hỗ trợ sửa nhà cho hộ nghèo (95 triệu đồng); vận động "
            "tặng quà học sinh nghèo (48 triệu đồng); mô hình thắp sáng đường quê.")
    assert _outcomes(text) == [(95000000.0, "đồng", "other"),
                               (48000000.0, "đồng", "mobilized")]


def test_a_count_in_brackets_keeps_its_own_reading() -> None:
    text = "Hội đã vận động các nhà hảo tâm xây nhà tình nghĩa (12 hộ được nhận nhà)."
    assert _outcomes(text) == [(12.0, "hộ", "other")]


def test_goods_listed_with_a_sum_after_a_giving_verb_are_mobilized() -> None:
    text = ("Năm nay, các thôn ủng hộ 15 triệu đồng cùng 2,5 tấn gạo giúp đồng bào miền Trung "
            "bị bão lũ.")
    assert _outcomes(text) == [(15000000.0, "đồng", "mobilized"), (2.5, "tấn", "mobilized")]


def test_a_describing_verb_after_the_count_yields_to_the_deciding_verb() -> None:
    text = ("Có 64 gia đình cư trú hai bên đường liên ấp tự nguyện hiến đất để huyện nắn "
            "thẳng con đường.")
    assert _outcomes(text) == [(64.0, "gia đình", "mobilized")]
    assert _rules(text) == ["figure.unit_table.bare"]


def test_a_marked_verb_after_a_long_subject_with_commas() -> None:
    text = ("Năm 2023, toàn tỉnh có 1.640 mô hình được đăng ký, trong đó có 1.502 mô hình "
            "trên các lĩnh vực kinh tế, văn hóa, xã hội, quốc phòng, an ninh được triển khai "
            "hiệu quả.")
    assert _outcomes(text) == [(1640.0, "mô hình", "registered"),
                               (1502.0, "mô hình", "implemented")]


def test_models_registered_after_a_list_of_who_owns_them() -> None:
    text = ("Cả huyện có 1.200 mô hình của tập thể, cá nhân đăng ký ở hai nhóm danh hiệu thi "
            "đua.")
    assert _outcomes(text)[0] == (1200.0, "mô hình", "registered")


def test_a_copula_ends_the_subject() -> None:
    text = ("Năm nay, 12/12 xã đều có kế hoạch lãnh đạo thực hiện ở địa phương với giải pháp "
            "cụ thể.")
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
    text = ("Dự hội nghị có đại diện 12/40 xã, phường và các tập thể, cá nhân được khen thưởng "
            "trong phong trào.")
    assert _outcomes(text) == [(12.0, "xã", "other")]


def test_elders_broken_down_from_people_recognized_not_from_their_villages() -> None:
    text = ("Tỉnh có 520 vị được công nhận là người có uy tín thuộc 300/410 thôn. Trong đó có "
            "210 già làng; số còn lại là trưởng thôn.")
    assert _outcomes(text) == [(520.0, "vị", "recognized"), (300.0, "thôn", "other"),
                               (210.0, "già làng", "recognized")]


def test_gifts_raised_in_a_list_and_then_given_stay_mobilized() -> None:
    text = "Hội đã vận động 350 triệu đồng, 2 tấn gạo, 500 suất quà tặng hộ nghèo."
    assert [f[2] for f in _outcomes(text)] == ["mobilized"] * 3


def test_gifts_handed_out_without_raising_stay_other() -> None:
    text = "Hội trao 20 suất học bổng, 500 suất quà tặng hộ nghèo."
    assert [f[2] for f in _outcomes(text)] == ["other", "other"]


def test_a_verb_before_a_list_of_counts_applies_to_each() -> None:
    text = "Năm qua, huyện đã công nhận 12 mô hình, 30 tập thể và 5 cá nhân điển hình."
    assert [f[2] for f in _outcomes(text)] == ["recognized"] * 3


def test_a_medal_handed_to_people_by_a_body_commends_them() -> None:
    text = ("Nhân dịp này, 24 cá nhân được Ban Dân vận Tỉnh ủy trao tặng Kỷ niệm chương "
            "“Vì sự nghiệp Dân vận”.")
    figures = extract(text).figures
    assert [(f.value, f.outcome.value) for f in figures] == [(24.0, "commended")]
    assert figures[0].awarder == "Ban Dân vận Tỉnh ủy"


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
    text = "Các đại biểu đóng góp ý kiến vào chương trình công tác và 9 Đề án của tỉnh."
    assert _outcomes(text) == [(9.0, "Đề án", "other")]


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
    text = ("Ban tổ chức đã chọn được 7 tập thể để tuyên dương, 25 cá nhân xuất sắc để trao "
            "giải.")
    assert _outcomes(text) == [(7.0, "tập thể", "commended"), (25.0, "cá nhân", "commended")]


def test_what_each_period_holds_takes_no_outcome_from_the_total_before() -> None:
    text = ("Hội đồng chọn 12 cá nhân để khen thưởng. Trong đó, mỗi đợt có 3 giải tập thể, "
            "8 giải cá nhân.")
    assert _outcomes(text) == [(12.0, "cá nhân", "commended"), (3.0, "giải", "other"),
                               (8.0, "giải", "other")]
    assert _rules(text)[1] == "figure.unit_table.per_period"


def test_the_share_of_a_part_does_not_undo_the_verb_of_its_total() -> None:
    text = ("Hội đồng đã công nhận 75 mô hình, trong đó có 60 tập thể, 15 cá nhân chiếm 80% "
            "số đăng ký.")
    assert _outcomes(text)[:3] == [(75.0, "mô hình", "recognized"),
                                   (60.0, "tập thể", "recognized"),
                                   (15.0, "cá nhân", "recognized")]


def test_a_share_verb_of_a_figure_alone_still_says_other() -> None:
    assert _outcomes("Năm nay 420 hộ nghèo chiếm 6% dân số xã.")[0] == (420.0, "hộ nghèo",
                                                                        "other")


def test_a_change_from_one_width_to_another_keeps_the_verb_for_the_new_width() -> None:
    text = ("Khi xóm bàn việc nới rộng con ngõ từ 2,5m lên 5m, cán bộ đến từng nhà vận "
            "động.")
    assert _outcomes(text) == [(2.5, "m", "other"), (5.0, "m", "implemented")]
    assert _rules(text) == ["figure.unit_table.moved_from", "figure.unit_table.moved_to"]


def test_land_told_along_with_a_donation_is_donated_too() -> None:
    text = ("Năm ấy, ông hiến 300m2 đất vườn làm đường, cùng với đó là hơn 150m2 đất để xã "
            "xây nhà văn hóa.")
    assert _outcomes(text) == [(300.0, "m²", "mobilized"), (150.0, "m²", "mobilized")]
    assert _rules(text)[1] == "figure.unit_table.told_with_before"


def test_the_width_right_after_the_length_of_donated_land_is_donated() -> None:
    text = "Bà hiến khoảng 50m dài, rộng 2m đất để xã mở rộng đường liên thôn."
    assert _outcomes(text) == [(50.0, "m", "mobilized"), (2.0, "m", "mobilized")]


def test_a_width_far_from_the_length_keeps_its_own_reading() -> None:
    text = "Năm nay huyện làm 5 km đường bê tông liên xã, mặt đường rộng 4m."
    assert _outcomes(text) == [(5.0, "km", "implemented"), (4.0, "m", "other")]


def test_land_ceded_is_mobilized_and_works_finished_are_implemented() -> None:
    assert _outcomes("Để mở đường, nhiều hộ phải nhường gần 80m² đất vườn.") == [
        (80.0, "m²", "mobilized")]
    assert _outcomes("Chi đoàn hoàn thiện 200 m2 sân bê tông cho thôn.") == [
        (200.0, "m²", "implemented")]


def test_two_verbs_of_agreeing_across_a_comma_lead_to_the_verb() -> None:
    text = ("Tháng trước, 9 hộ dân xóm Đồng, thôn Cầu (xã Tân Lập) đã đồng lòng, tự nguyện "
            "hiến đất để đổ bê tông đường.")
    assert _outcomes(text) == [(9.0, "hộ", "mobilized")]
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
    text = ("Các xã đã khen thưởng 300 tập thể, 250 cá nhân, trong đó đã lựa chọn 60 mô hình "
            "về dự hội nghị của tỉnh.")
    assert _outcomes(text)[-1] == (60.0, "mô hình", "other")


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
    assert _outcomes("Cả thôn có 9 hộ đã đồng ý hiến đất mở đường.") == [
        (9.0, "hộ", "mobilized")]


def test_a_rate_raised_after_a_mobilising_verb_takes_the_raising_verb() -> None:
    text = "Xã vận động nâng tỷ lệ hộ dùng nước sạch từ 60% lên 85%."
    assert _outcomes(text) == [(60.0, "%", "other"), (85.0, "%", "other")]
    assert _rules(text) == ["figure.unit_table.moved_from", "figure.unit_table.moved_to"]
    text = "Thôn vận động bà con hiến đất mở rộng đường từ 3m lên 6m."
    assert _outcomes(text) == [(3.0, "m", "other"), (6.0, "m", "implemented")]
