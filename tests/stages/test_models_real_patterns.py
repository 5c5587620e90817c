"""Models as real pages present them (issue 8): each case a pattern, in our own sentences."""

import pytest

from danvan_nlp import extract


def _titles(text: str) -> list[str]:
    return [model.title for model in extract(text).models]


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        ('Nhiều mô hình hay được nhân rộng. Tiêu biểu như: "Tổ liên gia tự quản"; '
         '"Camera an ninh"; "Thắp sáng đường quê".',
         ["Tổ liên gia tự quản", "Camera an ninh", "Thắp sáng đường quê"]),
        ('Các hội đoàn thể có nhiều mô hình như: "Ngõ phố văn minh", "Tủ sách cộng đồng".',
         ["Ngõ phố văn minh", "Tủ sách cộng đồng"]),
        ('Huyện duy trì các mô hình "Ngôi nhà xanh", "Vườn mẫu nông thôn" ở nhiều bản.',
         ["Ngôi nhà xanh", "Vườn mẫu nông thôn"]),
        ('Cán bộ xã thực hiện "Ngày thứ Bảy cùng dân" để giúp bà con gặt lúa.',
         ["Ngày thứ Bảy cùng dân"]),
        ('Mô hình "Dân vận khéo 1+10" giúp mỗi đảng viên phụ trách mười hộ gia đình.',
         ["Dân vận khéo 1+10"]),
        ('Xã làm theo mô hình "4 quản" trong quản lý đất đai.', ["4 quản"]),
    ],
)
def test_model_titles(text: str, titles: list[str]) -> None:
    assert _titles(text) == titles


@pytest.mark.parametrize(
    "text",
    [
        'Phong trào "Dân vận khéo" năm 2024 được triển khai ở mọi thôn.',
        "Phong trào được làm sâu rộng, bám sát thực tiễn, 85% mô hình duy trì hiệu quả.",
        'Ông được tôn vinh tại chương trình "Vầng sáng bản làng" năm 2024.',
        'Tỉnh thực hiện "Năm dân vận chính quyền" trong toàn hệ thống.',
    ],
)
def test_campaigns_fragments_and_ceremonies_are_no_models(text: str) -> None:
    assert _titles(text) == []


@pytest.mark.parametrize(
    "text",
    [
        'Chi bộ xây dựng mô hình "Dân vận khéo" vận động nhân dân tổ 5, phường Tân Hà quét '
        "dọn đường phố vào sáng Chủ nhật hằng tuần.",
        'Đảng ủy phường chọn mô hình "Dân vận khéo" vận động bà con khu phố Bình Minh, phường '
        "Đông Sơn (thành phố Thanh Hóa) quét dọn đường phố vào sáng Chủ nhật hằng tuần.",
    ],
)
def test_the_title_is_the_activity_after_whom_and_where(text: str) -> None:
    assert _titles(text) == ["quét dọn đường phố vào sáng Chủ nhật hằng tuần"]


def test_a_mobilising_title_without_a_place_stays_whole() -> None:
    assert _titles("Chi bộ xây dựng mô hình vận động nhân dân hiến đất làm đường.") == [
        "vận động nhân dân hiến đất làm đường"]


def _titles_and_rules(text: str) -> list[tuple[str, str]]:
    return [(model.title, model.rule) for model in extract(text).models]


def test_activities_listed_after_a_described_model_are_models() -> None:
    text = ("Nổi bật như: Mô hình sửa nhà cho hộ khó khăn (90 triệu đồng); trao học bổng cho "
            "học sinh vượt khó (120 triệu đồng); thu gom rác thải nhựa đổi quà; cùng các mô "
            'hình "Ngõ xóm sáng đèn", "Tổ tự quản bến sông".')
    assert _titles_and_rules(text) == [
        ("sửa nhà cho hộ khó khăn", "described"),
        ("trao học bổng cho học sinh vượt khó", "listed_activity"),
        ("thu gom rác thải nhựa đổi quà", "listed_activity"),
        ("Ngõ xóm sáng đèn", "quoted_name"),
        ("Tổ tự quản bến sông", "quoted_name"),
    ]


def test_a_listed_activity_ends_at_the_result_it_reached() -> None:
    text = ("Điển hình gồm: Mô hình dọn kênh mương nội đồng; cấp nước sạch cho bản vùng cao "
            "đạt 95%; thực hiện việc trả trợ cấp qua tài khoản ngân hàng.")
    assert _titles(text) == ["dọn kênh mương nội đồng", "cấp nước sạch cho bản vùng cao",
                             "thực hiện việc trả trợ cấp qua tài khoản ngân hàng"]


def test_a_described_model_without_a_list_opener_takes_no_items() -> None:
    text = "Xã làm mô hình nuôi cá lồng trên sông; năm nay các hộ mở thêm 20 lồng cá."
    assert _titles(text) == ["nuôi cá lồng trên sông"]


def test_a_compound_noun_does_not_end_a_title() -> None:
    assert _titles("Hội Cựu chiến binh có mô hình sửa chữa nhà ở cho hội viên nghèo.") == [
        "sửa chữa nhà ở cho hội viên nghèo"]


def test_a_fixed_term_ending_in_a_stop_word_ends_a_title() -> None:
    assert _titles("Chi bộ thôn có mô hình góp công góp sức xây dựng nông thôn mới.") == [
        "góp công góp sức xây dựng nông thôn mới"]


def test_a_cue_inside_a_quoted_document_title_ends_at_the_closing_quote() -> None:
    text = ('Ban Dân vận làm đề tài "Đánh giá thực tiễn về mô hình Tổ tương trợ" và đề xuất '
            "nhân rộng trong toàn tỉnh.")
    assert _titles(text) == ["Tổ tương trợ"]


def test_a_quoted_list_goes_on_after_a_description_of_its_item() -> None:
    text = ('Các mô hình tiêu biểu như: "Bò giống luân chuyển", mỗi hộ nhận một con bê và '
            'trả lại một con sau hai năm, nhiều hộ đã thoát nghèo; "Góp vốn xoay vòng"; '
            '"Vườn cây dinh dưỡng".')
    assert _titles(text) == ["Bò giống luân chuyển", "Góp vốn xoay vòng", "Vườn cây dinh dưỡng"]


@pytest.mark.parametrize(
    "text",
    [
        'Với huyện, mô hình Dân vận khéo chính là "điều làm nên thay đổi" ở các bản.',
        'Nhiều người nói mô hình ấy là "nhân tố quyết định" thành công.',
        "Người có uy tín giúp bà con đổi mới nếp nghĩ, cách làm trồng trọt và chăn nuôi.",
        "Họ góp phần thay đổi cách nghĩ, cách làm kinh tế của đồng bào.",
    ],
)
def test_abstract_phrases_and_ways_of_doing_are_no_models(text: str) -> None:
    assert _titles(text) == []


def test_a_model_named_in_the_headline_is_described_by_the_paragraph_explaining_it() -> None:
    text = ('Về bản xem mô hình "Chiều thứ Sáu cùng bà con"\n\n'
            'Từ năm 2021, Đảng ủy xã duy trì mô hình "Chiều thứ Sáu cùng bà con" để cán bộ '
            "giúp hộ nghèo làm chuồng trại, chọn giống, vay vốn sản xuất và tăng thu nhập.")
    models = extract(text).models
    assert [model.title for model in models] == ["Chiều thứ Sáu cùng bà con"]
    assert "giúp hộ nghèo làm chuồng trại" in models[0].context
    assert models[0].domain == "kinh_te"


def test_each_model_keeps_its_repeats_in_order() -> None:
    from danvan_nlp.stages.models.repeats import each_with_repeats

    titles = ["nuôi ong lấy mật", "trồng cam sành", "nuôi ong lấy mật rừng", "trồng cam sành"]
    assert each_with_repeats((title, index) for index, title in enumerate(titles)) == [
        [0, 2], [1, 3]]


@pytest.mark.parametrize(
    ("titles", "kept"),
    [
        # 5 of 7 words (71%) of a long description: told again in other words
        (["nuôi lợn rừng lai theo hướng an toàn sinh học", "nuôi lợn rừng theo hướng hữu cơ"],
         ["nuôi lợn rừng lai theo hướng an toàn sinh học"]),
        # 4 of 7 words (57%): two models, however long
        (["tổ hòa giải ở cơ sở thôn bản", "tổ an ninh ở cơ sở xóm mới"],
         ["tổ hòa giải ở cơ sở thôn bản", "tổ an ninh ở cơ sở xóm mới"]),
    ],
)
def test_long_descriptions_told_again_share_fewer_words(titles: list[str],
                                                       kept: list[str]) -> None:
    from danvan_nlp.stages.models.repeats import first_of_each

    assert first_of_each((title, title) for title in titles) == kept


@pytest.mark.parametrize(
    "deed",
    [
        "hiến hơn 800m2 đất vườn để làm đường liên thôn",
        "hiến gần 2 ha đất nương rẫy làm sân thể thao",
    ],
)
def test_land_given_with_a_qualifier_and_a_kind_of_land_is_a_deed(deed: str) -> None:
    text = ("Tấm gương tiêu biểu của thôn là gia đình ông Đinh Văn Thơ. Năm 2023, khi xã "
            f"vận động, ông bà đã {deed}.")
    assert _titles_and_rules(text) == [(deed, "deed")]


def test_a_listed_activity_drops_its_doing_the_work_of_opener() -> None:
    text = ("Tiêu biểu như: Mô hình sửa đường làng ngõ xóm; làm tốt công tác tiếp sức mùa thi "
            "cho học sinh; thực hiện công tác hòa giải mâu thuẫn dân sự…")
    assert _titles(text) == ["sửa đường làng ngõ xóm", "tiếp sức mùa thi cho học sinh",
                             "hòa giải mâu thuẫn dân sự"]


@pytest.mark.parametrize(
    "text",
    [
        'Năm nay, Hội Nông dân huyện chọn "Cánh đồng mẫu lớn" làm mô hình trọng tâm.',
        '"Cánh đồng mẫu lớn" là một mô hình dân vận khéo do Hội Nông dân xã khởi xướng.',
    ],
)
def test_a_quoted_name_before_a_copula_and_the_cue_is_the_model(text: str) -> None:
    assert _titles_and_rules(text) == [("Cánh đồng mẫu lớn", "named_before")]


def test_a_campaign_before_a_copula_is_no_model() -> None:
    assert _titles('Xã lấy "Dân vận khéo" làm mô hình để các thôn học tập.') == []


def test_limit_as_a_verb_does_not_make_a_sentence_of_shortcomings() -> None:
    text = ('Trưởng bản kiên trì với cách làm "Mỗi nhà một lời hứa", vận động bà con hạn chế '
            "rượu chè trong đám cưới.")
    assert _titles(text) == ["Mỗi nhà một lời hứa"]


@pytest.mark.parametrize(
    "text",
    [
        'Hội nghị chỉ ra một số hạn chế: mô hình "Vườn thuốc nam" duy trì chưa đều.',
        'Những mặt tồn tại, hạn chế của mô hình "Chợ phiên sạch" cần được khắc phục.',
    ],
)
def test_a_sentence_listing_shortcomings_gives_no_model(text: str) -> None:
    assert _titles(text) == []


def test_a_deed_mobilising_a_counted_number_of_households_is_presented_by_tieu_bieu_la() -> None:
    text = ("Tiêu biểu là cách làm của bà Lò Thị Xoan, Trưởng bản Phiêng Ban. Năm qua, bà "
            "vận động 23 hộ dân góp đất mở rộng sân văn hóa bản.")
    assert _titles_and_rules(text) == [
        ("vận động 23 hộ dân góp đất mở rộng sân văn hóa bản", "deed")]


def test_a_deed_in_a_paragraph_that_only_praises_models_as_tieu_bieu_is_no_model() -> None:
    text = ("Huyện có 30 mô hình, trong đó 5 mô hình tiêu biểu được khen. Cán bộ đã vận động "
            "nhân dân giao nộp 4 khẩu súng tự chế.")
    assert _titles(text) == []


def test_a_listed_model_after_its_owner_and_a_comma() -> None:
    text = ("Nhiều cách làm hay được nhân rộng như: mô hình Nuôi bò vỗ béo (Hội Cựu chiến binh "
            "xã), trồng cây ăn quả trên đất dốc ở thôn Nà Pục.")
    assert _titles(text) == ["Nuôi bò vỗ béo", "trồng cây ăn quả trên đất dốc"]


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        ("Năm nay, bà con xóm Bãi Sậy được cả huyện biết đến nhờ phong trào “Dân vận khéo” – "
         "góp đất để mở rộng đường liên thôn.",
         ["góp đất để mở rộng đường liên thôn"]),
        ('Xã nhân rộng mô hình "Dân vận khéo" - thu gom rác thải nhựa tại bến chợ, '
         "được người dân đồng tình.",
         ["thu gom rác thải nhựa"]),
    ],
)
def test_an_initiative_after_a_campaign_and_a_dash(text: str, titles: list[str]) -> None:
    assert _titles(text) == titles


def test_a_campaign_followed_by_a_dash_and_no_initiative_gives_no_model() -> None:
    assert _titles('Phong trào "Dân vận khéo" – năm 2024 được triển khai ở mọi thôn.') == []


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        ("Nhiều việc làm Dân vận khéo của đoàn viên gắn với ngày hội của xã như: dọn vệ sinh "
         "đường làng trước lễ hội; trang trí cờ hoa dọc trục chính.",
         ["dọn vệ sinh đường làng trước lễ hội", "trang trí cờ hoa dọc trục chính"]),
        ('Các hoạt động "Dân vận khéo" gồm: hướng dẫn bà con đăng ký khám bệnh trực tuyến.',
         ["hướng dẫn bà con đăng ký khám bệnh trực tuyến"]),
    ],
)
def test_activities_listed_after_a_campaigns_activities(text: str, titles: list[str]) -> None:
    assert _titles(text) == titles


@pytest.mark.parametrize(
    "text",
    [
        "Nhiều hoạt động văn hóa của xã như: hát then, múa xòe được duy trì.",
        "Hoạt động Dân vận khéo được đánh giá cao tại hội nghị sơ kết.",
    ],
)
def test_activities_without_a_campaign_or_a_list_give_no_model(text: str) -> None:
    assert _titles(text) == []


def test_a_movement_a_place_started_is_its_model() -> None:
    text = ("Thôn Nà Lầu là nơi đầu tiên của xã khởi xướng phong trào mỗi hộ trồng một hàng "
            "cây xanh ven suối.")
    assert _titles(text) == ["mỗi hộ trồng một hàng cây xanh ven suối"]


@pytest.mark.parametrize(
    "text",
    [
        "Tỉnh ủy khởi xướng phong trào thi đua yêu nước trong toàn tỉnh.",
        'Năm 2019, xã khởi phát phong trào "Dân vận khéo" trong toàn xã.',
        "Ban Dân vận phát động phong trào xây dựng nông thôn mới ở các bản.",
    ],
)
def test_campaigns_launched_or_started_are_no_models(text: str) -> None:
    assert _titles(text) == []


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        ('Chi đoàn duy trì phần việc "Áo ấm cho em vùng cao", tặng 120 chiếc áo.',
         ["Áo ấm cho em vùng cao"]),
        ('Đây là phần việc "Dân vận khéo" mà hội chọn làm trọng tâm.', []),
        ("Mỗi chi hội đăng ký một phần việc cụ thể.", []),
    ],
)
def test_a_quoted_name_after_phan_viec_is_a_model(text: str, titles: list[str]) -> None:
    assert _titles(text) == titles


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        ('Hội Cựu chiến binh đã thành lập 12 "Tổ tuần tra bờ sông" với 90 hội viên.',
         ["Tổ tuần tra bờ sông"]),
        ('Mặt trận xã vận động xây dựng 7 "Nhà đại đoàn kết" và sửa chữa 4 "Bếp ăn bán trú".',
         ["Nhà đại đoàn kết", "Bếp ăn bán trú"]),
        ('Trong năm, 30 "Điểm giao dịch một cửa" được mở ở các xã.', []),
        ('Xã tổ chức 2 lần "Dân vận khéo" cho cán bộ thôn.', []),
    ],
)
def test_a_quoted_name_set_up_a_number_of_times(text: str, titles: list[str]) -> None:
    assert _titles(text) == titles


def test_a_quoted_list_opened_later_in_the_clause_of_a_plural_cue() -> None:
    text = ("Những mô hình hay mà các chi đoàn, chi hội ở mười hai thôn của xã gây dựng từ nhiều "
            "năm nay vẫn giữ được sức sống, như: “Bữa sáng cho em”, “Tủ đồ dùng chung”.")
    assert _titles(text) == ["Bữa sáng cho em", "Tủ đồ dùng chung"]


def test_a_quoted_list_opened_by_tu_and_cho_den() -> None:
    text = ("Nhiều xã biên giới có những mô hình sáng tạo, từ “Loa phát thanh bản làng” cho đến "
            "“Tổ tuần tra nhân dân”.")
    assert _titles(text) == ["Loa phát thanh bản làng", "Tổ tuần tra nhân dân"]


def test_a_years_theme_is_no_model() -> None:
    assert _titles("Huyện tiếp tục thực hiện “Năm dân vận chính quyền 2024”.") == []
    assert _titles("Chi hội duy trì mô hình “Năm tốt” ở các thôn.") == ["Năm tốt"]


def test_models_listed_each_with_its_cue_are_separate() -> None:
    text = "Hội viên có nhiều mô hình hiệu quả như mô hình trồng cam sành, mô hình nuôi dê lai."
    assert _titles(text) == ["trồng cam sành", "nuôi dê lai"]
    assert _titles("Hội duy trì mô hình nuôi gà thả vườn và mô hình trồng nấm.") == [
        "nuôi gà thả vườn", "trồng nấm"]


def test_activities_listed_after_nhu_and_a_described_model_without_a_colon() -> None:
    text = ("Các cách làm hay của xã như mô hình vận động hội viên góp gạo nấu cháo cho người "
            "bệnh; vận động chủ hộ xây tường rào thấp theo quy cách chung của thôn Khe Mạ; vận "
            "động doanh nghiệp góp vốn giúp hộ nghèo mua bò giống.")
    assert _titles_and_rules(text) == [
        ("vận động hội viên góp gạo nấu cháo cho người bệnh", "described"),
        ("vận động chủ hộ xây tường rào thấp theo quy cách chung", "listed_activity"),
        ("vận động doanh nghiệp góp vốn giúp hộ nghèo mua bò giống", "listed_activity"),
    ]


def test_a_listed_activity_is_measured_without_its_kheo_van_dong_opener() -> None:
    text = ("Một số cách làm hay của xã như mô hình khéo vận động hội viên góp tiền mua máy cày "
            "chung; khéo vận động thanh niên quét vôi gốc cây dọc đường liên thôn; khéo vận động "
            "tiểu thương, chủ nhà trọ góp quỹ mua sách vở, áo ấm cho học trò.")
    assert _titles_and_rules(text) == [
        ("khéo vận động hội viên góp tiền mua máy cày chung", "described"),
        ("thanh niên quét vôi gốc cây dọc đường liên thôn", "listed_activity"),
        ("tiểu thương, chủ nhà trọ góp quỹ mua sách vở, áo ấm cho học trò", "listed_activity"),
    ]


def test_an_item_longer_than_fifteen_words_after_its_opener_ends_the_list() -> None:
    text = ("Xã có nhiều cách làm như mô hình nuôi gà đồi; vận động tiểu thương, chủ nhà trọ góp "
            "quỹ mua sách vở, áo ấm cho học trò nghèo.")
    assert _titles(text) == ["nuôi gà đồi"]


def test_a_cue_needing_its_opening_words_does_not_stop_a_listed_item() -> None:
    from danvan_nlp.stages.models import lexicon as lex

    assert lex.cues_in("dựng cổng ngõ đúng quy cách") == []
    assert [cue.starts_with for cue in lex.cues_in("nhờ cách vận động khéo")] == ["vận động"]


@pytest.mark.parametrize(
    "text",
    [
        "Chị Thào Thị Dua bảo: theo tôi, mô hình gì cũng phải giúp bà con có thêm thu nhập.",
        "Ông trưởng bản hiểu rằng mô hình cũng cần người dân đồng thuận mới bền lâu.",
    ],
)
def test_a_saying_about_any_model_is_no_model(text: str) -> None:
    assert _titles(text) == []


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        ('Năm 2025, phong trào "Đoàn kết, kỷ luật, đổi mới, nâng cao hiệu quả công tác" thu hút '
         "hầu hết cán bộ tham gia.", []),
        ('Xã quán triệt mô hình "Dân chủ - Kỷ cương - Trách nhiệm - Hành động" ở mọi chi bộ.', []),
        ('Đoàn viên duy trì mô hình "Bến sông xanh, sạch, đẹp" ở xóm Chài.',
         ["Bến sông xanh, sạch, đẹp"]),
    ],
)
def test_a_slogan_of_values_is_no_model(text: str, titles: list[str]) -> None:
    assert _titles(text) == titles


def test_two_quoted_names_of_one_list_sharing_words_are_two_models() -> None:
    text = ('Đơn vị có các mô hình như: "Xóm chài xanh, sạch, đẹp", "Phối hợp giữ xóm chài xanh, '
            'sạch, đẹp, an toàn", "Bữa sáng cho em".')
    assert _titles(text) == ["Xóm chài xanh, sạch, đẹp",
                             "Phối hợp giữ xóm chài xanh, sạch, đẹp, an toàn", "Bữa sáng cho em"]


def test_a_quoted_name_told_again_in_another_sentence_is_kept_once() -> None:
    text = ('Đồn duy trì mô hình "Xóm chài xanh, sạch, đẹp". Năm nay, mô hình "Xóm chài xanh, '
            'sạch, đẹp, an toàn" được nhân rộng.')
    assert _titles(text) == ["Xóm chài xanh, sạch, đẹp"]


def test_a_quoted_name_carries_its_quotes_to_the_telling_apart() -> None:
    import re

    from danvan_nlp.stages.models.found import Found, ModelRule

    match = re.search(r'"(?P<name>[^"]+)"', 'Xã lập "Tổ gác đê" ở thôn 1.')
    assert match is not None
    named = Found.of_name(match, ModelRule.COUNTED_NAME)
    assert (named.start, named.end, named.quoted) == (8, 17, True)
    assert not Found(0, 5, ModelRule.DESCRIBED).quoted


def test_items_told_apart_are_never_one_group() -> None:
    from danvan_nlp.stages.models.repeats import each_with_repeats

    titles = [("nuôi ong lấy mật", 0), ("nuôi ong lấy mật rừng", 1), ("nuôi ong lấy mật", 2)]
    assert each_with_repeats(titles) == [[0, 1, 2]]
    assert each_with_repeats(titles, lambda later, kept: {later, kept} == {0, 1}) == [
        [0, 2], [1]]


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        ('Nổi bật là cách làm "Lớp học chữ Chăm" ở thôn Văn Lâm, nơi các chức sắc dạy chữ cho '
         '80 em; "Tủ thuốc cộng đồng" do Hội Chữ thập đỏ xã quản lý; và "Đêm hội trăng rằm" ở '
         "bản Lũng.",
         ["Lớp học chữ Chăm", "Tủ thuốc cộng đồng", "Đêm hội trăng rằm"]),
        ('Ngoài ra còn có các mô hình "Ruộng mẫu liên kết" ở xã Hòa Bình và "Bếp ấm bệnh viện" '
         "của Hội Phụ nữ huyện.",
         ["Ruộng mẫu liên kết", "Bếp ấm bệnh viện"]),
        ('Đáng chú ý là phần việc "Sổ tay số cho ông bà", đã được nhân rộng ra 40 thôn; và '
         '"Góc đọc sách ven đê" của Chi đoàn thôn Đông.',
         ["Sổ tay số cho ông bà", "Góc đọc sách ven đê"]),
        ('Xã duy trì mô hình "Tổ hòa giải giỏi" ở thôn 3 và "ai cũng phải biết luật" trở thành '
         "câu cửa miệng.",
         ["Tổ hòa giải giỏi"]),
        ('Mô hình "Cổng trường an toàn" ở xã Yên Lạc được phụ huynh tin tưởng và "Liên hoan '
         'Búp sen hồng" mùa hè này quy tụ nhiều đội thiếu nhi.',
         ["Cổng trường an toàn"]),
        ('Đồn duy trì mô hình "Tủ áo biên cương" ở bản Pa Vệ; "Tạp chí Biên phòng" đã giới '
         "thiệu kinh nghiệm này.",
         ["Tủ áo biên cương"]),
        ('Xã có mô hình "Giờ đọc sách chung" ở thôn Mới, được giáo viên hưởng ứng, và "Sân chơi '
         'cuối tuần" vừa lan sang hai xã bạn.',
         ["Giờ đọc sách chung"]),
        ('Tiêu biểu là cách làm "Chợ quê không túi ni lông" ở xã Hòa Phú; và "Đêm trăng cho em" '
         "tổ chức mỗi rằm tháng Tám.",
         ["Chợ quê không túi ni lông", "Đêm trăng cho em"]),
    ],
)
def test_quoted_names_listed_on_after_a_clause_describing_the_one_before(
        text: str, titles: list[str]) -> None:
    assert _titles(text) == titles


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        ("Hồ sơ đăng ký\nTên mô hình: Tổ nữ tự quản đường làng; 10 năm không có người vi phạm "
         "pháp luật.\nĐơn vị thực hiện: Chi hội Phụ nữ thôn 2.",
         ["Tổ nữ tự quản đường làng; 10 năm không có người vi phạm pháp luật"]),
        ("- Tên cách làm: Phong trào toàn dân làm đường vào bản Nậm Ty\n- Năm thực hiện: 2022",
         ["Phong trào toàn dân làm đường vào bản Nậm Ty"]),
        ("Cán bộ xã đặt tên mô hình: mỗi người một việc nhỏ.", []),
    ],
)
def test_a_label_line_names_the_model_in_the_rest_of_the_line(
        text: str, titles: list[str]) -> None:
    assert _titles_and_rules(text) == [(title, "labelled") for title in titles]


def test_a_quoted_list_whose_items_open_with_their_owner() -> None:
    text = ("Đồn Biên phòng có nhiều mô hình, như: Đội công tác xã Sín Thầu với “Bát cháo biên "
            "cương”; “Tủ sách quân dân” của Trạm kiểm soát Mốc 0; Tổ công tác bản Tả Khoa có "
            "“Ánh sáng đường biên” và “Góc học tập cho em”.")
    assert _titles(text) == ["Bát cháo biên cương", "Tủ sách quân dân", "Ánh sáng đường biên",
                             "Góc học tập cho em"]


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        ("Điển hình là trường hợp bà Lâm Thị Hoa (70 tuổi, ấp Tân Lợi) đã hai lần tự nguyện hiến "
         "đất để làm đường giao thông nông thôn.",
         ["tự nguyện hiến đất để làm đường giao thông nông thôn"]),
        ("Năm qua, 40 hộ dân trong ấp tự nguyện hiến đất để làm đường giao thông nông thôn.", []),
    ],
)
def test_land_given_of_ones_own_accord_is_a_deed_where_exemplars_are_presented(
        text: str, titles: list[str]) -> None:
    assert _titles(text) == titles


def test_the_polices_emulation_campaign_is_no_model() -> None:
    text = ('Công an xã sơ kết phong trào "Công an nhân dân học tập, làm theo lời Bác dạy" gắn '
            'với mô hình "Camera giám sát đầu ngõ".')
    assert _titles(text) == ["Camera giám sát đầu ngõ"]


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        ('Ở xã Tà Năng, cụm từ "Rau sạch cùng bản" đã quen thuộc với bà con. Đây là cách làm '
         "do Hội Nông dân xã khởi xướng từ năm 2021.",
         ["Rau sạch cùng bản"]),
        ('Năm 2022, Hội Nông dân xã lập "Tổ vay vốn xoay vòng". Mô hình này giúp 30 hộ thoát '
         "nghèo.",
         ["Tổ vay vốn xoay vòng"]),
        ('Bà Hoa kể: "Chúng tôi làm vì bà con." Đây là cách làm được nhiều xã học theo.', []),
        ('Xã có "Tổ đổi công" ở thôn 1, "Tổ bắt sâu" ở thôn 2. Đây là mô hình của Hội Nông '
         "dân.", []),
        ('Phong trào "Dân vận khéo" được phát động rộng rãi. Đây là cách làm hiệu quả.', []),
        ('Đội văn nghệ bản ngân nga bài "Mùa xuân trên đỉnh đồi". Mô hình này được bà con '
         "ưa chuộng.", []),
        ('Chi bộ cho mỗi đảng viên đọc tạp chí "Nông thôn mới ngày nay". Đây là cách làm hay.',
         []),
        ('Hội diễn "Lời ru bên suối" quy tụ cả trăm diễn viên nhí. Đây là cách làm sáng tạo '
         "do xã triển khai.", []),
        ('Người dân vẫn nhắc câu "Đường làng sạch như sân nhà". Đây là cách làm hay.', []),
    ],
)
def test_a_sentence_pointing_back_names_the_quoted_model_before_it(
        text: str, titles: list[str]) -> None:
    models = extract(text).models
    assert [model.title for model in models] == titles
    assert all(text[m.span.start:m.span.end] == m.title for m in models)


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        ('Chi đoàn thôn có "Tổ thanh niên tuần tra bến đò" gồm 12 đoàn viên, tuần tra 90 lượt '
         "trong năm.", ["Tổ thanh niên tuần tra bến đò"]),
        ('Hội Cựu chiến binh phường lập thêm "Đội dân phòng ban đêm" bao gồm 9 hội viên.',
         ["Đội dân phòng ban đêm"]),
        ('Xã tổ chức cuộc "đi bộ vì sức khỏe" với 500 người tham gia.', []),
    ],
)
def test_a_quoted_name_with_its_members_counted_is_a_model(text: str, titles: list[str]) -> None:
    assert _titles(text) == titles


@pytest.mark.parametrize(
    "text",
    [
        'Giải đua thuyền "Sông quê mùa nước nổi" với 400 người tham gia đã khép lại hôm qua.',
        'Hội thi "Nhà nông đua tài" với gần 200 hội viên dự thi diễn ra ở trung tâm xã.',
        'Lễ ra quân "Xuân tình nguyện ấm bản" với hơn 250 người tham dự được tổ chức sáng nay.',
        'Cuộc thi "Em yêu biển đảo quê hương" gồm 150 đoàn viên dự thi vòng chung kết.',
        'Đoàn xã mở lớp "Bơi an toàn mùa lũ" với 60 chị em tham gia.',
    ],
)
def test_a_crowd_counted_after_an_event_is_no_model(text: str) -> None:
    assert _titles(text) == []


def test_event_and_media_nouns_and_their_lookalikes() -> None:
    from danvan_nlp.stages.models import lexicon as lex

    assert lex.after_event_noun("Cả xã theo dõi Giải bóng chuyền ")
    assert lex.after_event_noun("Các cháu hát bài ")
    assert not lex.after_event_noun("Xã đã giải quyết dứt điểm ")
    assert not lex.after_event_noun("Cán bộ gửi báo cáo về ")
    assert not lex.after_event_noun("Giải bóng chuyền năm nay có thêm đội ")
    assert lex.opens_with_event_noun("Tạp chí Cộng sản")
    assert not lex.opens_with_event_noun("Giải pháp xanh cho đồng ruộng")


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        # a count of members or a measure told after the title stays out of it
        ("Năm ngoái, Hội Phụ nữ xã ra mắt mô hình đan lát mây tre với 14 thành viên, "
         "vốn góp 30 triệu đồng.", ["đan lát mây tre"]),
        ("Xã nhân rộng mô hình trồng sả hữu cơ trên diện tích 42,5 ha/38 hộ tham gia.",
         ["trồng sả hữu cơ"]),
        ("Hội Nông dân xây dựng mô hình nuôi lươn không bùn với quy mô 1.200 m2 bể.",
         ["nuôi lươn không bùn"]),
        ("Theo ông trưởng thôn, mô hình Chợ phiên vùng cao qua 12 năm duy trì, bằng nhiều "
         "cách làm linh hoạt đã giữ được nét riêng của bản.", ["Chợ phiên vùng cao"]),
        # a measure told as a quality is part of the title: "với quy mô lớn"
        ("Huyện khuyến khích mô hình trồng dứa với quy mô lớn của các hợp tác xã.",
         ["trồng dứa với quy mô lớn"]),
    ],
)
def test_a_title_stops_before_counts_and_measures(text: str, titles: list[str]) -> None:
    assert _titles(text) == titles


def test_an_abbreviation_spelled_out_in_brackets_stays_in_the_title() -> None:
    text = ("Mô hình Câu lạc bộ (CLB) trồng nấm rơm của Đoàn xã Tân Lợi giúp thanh niên có "
            "việc làm.")
    assert _titles(text) == ["Câu lạc bộ (CLB) trồng nấm rơm"]


def test_a_bracket_that_is_no_abbreviation_still_ends_the_title() -> None:
    text = "Xã triển khai mô hình làm mắm cá linh (ấp Phú Hòa) và bán ra thị trường."
    assert _titles(text) == ["làm mắm cá linh"]


def test_the_speaker_after_a_comma_is_not_part_of_the_title() -> None:
    text = ("Chị Lan kể: “Nhờ mô hình nuôi chim bồ câu, tôi có thêm tiền cho con đi học.”")
    assert _titles(text) == ["nuôi chim bồ câu"]


@pytest.mark.parametrize(
    "text",
    [
        'Đảng ủy xã biểu dương 12 tập thể điển hình "Dân vận khéo năm 2024" tại hội nghị.',
        "Lãnh đạo tỉnh đề nghị xã sớm làm quen với mô hình chính quyền mới, gắn với việc "
        "chuẩn bị tốt các kỳ họp.",
        "Cán bộ phường được tập huấn để vận hành mô hình chính quyền hai cấp thông suốt.",
    ],
)
def test_a_campaign_year_and_the_new_government_structure_are_no_models(text: str) -> None:
    assert _titles(text) == []


def test_a_counted_slogan_name_ending_in_khong_is_a_title() -> None:
    text = ("Tiêu biểu là mô hình tổ dân phố 4 không: “Không rác thải - Không trộm cắp - "
            "Không tảo hôn - Không nợ đọng” ở thị trấn Mường Khương.")
    assert _titles(text) == ["tổ dân phố 4 không"]


def test_a_level_after_a_number_still_ends_no_title() -> None:
    text = "Huyện chọn mô hình ít nhưng sâu, gắn với chính quyền địa phương 2 cấp."
    assert all(not title.endswith("2 cấp") for title in _titles(text))


def test_a_quoted_name_set_up_again_in_the_passive_is_a_model() -> None:
    text = "Tháng 3/2024, “Bếp ăn nghĩa tình số 4” tiếp tục được mở tại thôn Đắk Răng."
    assert _titles(text) == ["Bếp ăn nghĩa tình số 4"]


def test_a_comma_list_ending_in_an_ellipsis_gives_one_model_per_item() -> None:
    text = ("Xã nhân rộng mô hình nuôi vịt trời, trồng gừng dưới tán rừng, ép dầu lạc thủ "
            "công... Nhờ đó nhiều hộ thoát nghèo.")
    assert _titles(text) == ["nuôi vịt trời", "trồng gừng dưới tán rừng", "ép dầu lạc thủ công"]


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        # no ellipsis: the items describe one model
        ("Xã nhân rộng mô hình nuôi vịt trời, trồng gừng dưới tán rừng, ép dầu lạc thủ công.",
         ["nuôi vịt trời, trồng gừng dưới tán rừng, ép dầu lạc thủ công"]),
        # two items only: one model told by two verbs
        ("Hội Phụ nữ duy trì mô hình thu gom phế liệu, bán lấy tiền… Chị em rất hào hứng.",
         ["thu gom phế liệu, bán lấy tiền"]),
    ],
)
def test_other_comma_lists_stay_one_title(text: str, titles: list[str]) -> None:
    assert _titles(text) == titles


def test_an_abbreviation_told_later_names_the_same_model() -> None:
    text = ("Mô hình Câu lạc bộ (CLB) đan lưới của Hội Phụ nữ xã Long Hữu có hiệu quả. "
            "Năm 2022, xã ra mắt mô hình CLB đan lưới xuất khẩu với 25 thành viên.")
    assert _titles(text) == ["Câu lạc bộ (CLB) đan lưới"]


def test_an_abbreviation_whose_letters_do_not_fit_spells_nothing_out() -> None:
    text = ("Mô hình Câu lạc bộ (HTX) đan lưới của Hội Phụ nữ xã Long Hữu có hiệu quả. "
            "Năm 2022, xã ra mắt mô hình HTX đan lưới xuất khẩu với 25 thành viên.")
    assert _titles(text) == ["Câu lạc bộ (HTX) đan lưới", "HTX đan lưới xuất khẩu"]


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        ("Cán bộ đồn hướng dẫn bà con làm mô hình trồng trọt để có thêm thu nhập.", []),
        ("Xã giới thiệu mô hình chăn nuôi của gia đình ông Tư cho các hộ khác.", []),
        # a sector noun with what it raises or grows is a practice of its own
        ("Xã giới thiệu mô hình chăn nuôi dê sinh sản của hộ ông Tư.",
         ["chăn nuôi dê sinh sản"]),
    ],
)
def test_a_bare_sector_noun_is_no_model(text: str, titles: list[str]) -> None:
    assert _titles(text) == titles
