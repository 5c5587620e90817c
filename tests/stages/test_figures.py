"""Figures: value, unit, qualifier, outcome, awarder, and the numbers that are not figures.

Every sentence here is written for the test; none is taken from the dev articles.
"""

import unicodedata

import pytest

from danvan_nlp import extract
from danvan_nlp.records import Figure

Row = tuple[float, str, str, str]


def _rows(text: str) -> list[Row]:
    return [(f.value, f.unit, f.qualifier.value, f.outcome.value) for f in extract(text).figures]


def _figures(text: str) -> list[Figure]:
    return extract(text).figures


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # registered: "đăng ký" before or after the counted thing
        ("Năm 2023, toàn huyện có hơn 1.500 mô hình được đăng ký thực hiện.",
         [(1500, "mô hình", "more_than", "registered")]),
        ("Toàn xã có 320 hộ đăng ký xây dựng gia đình văn hóa.",
         [(320, "hộ", "exact", "registered")]),
        ("Tổng số mô hình đăng ký trong năm là 1.240.",
         [(1240, "mô hình", "exact", "registered")]),
        # recognized
        ("Ban Thường vụ Huyện ủy đã công nhận 45 mô hình tiêu biểu.",
         [(45, "mô hình", "exact", "recognized")]),
        ("Đến nay 18/20 xã được công nhận đạt chuẩn nông thôn mới.",
         [(18, "xã", "exact", "recognized")]),
        # implemented: works verbs, passive "đã được", "do X xây dựng"
        ("Các đơn vị đã nhựa hóa 12,5 km đường liên xã.",
         [(12.5, "km", "exact", "implemented")]),
        ("Năm nay xã làm mới 4 km đường bê tông, nâng cấp 6 km kênh mương.",
         [(4, "km", "exact", "implemented"), (6, "km", "exact", "implemented")]),
        ("Dân số toàn xã là 12.400 người.",
         [(12400, "người", "exact", "other")]),
        ("Toàn bộ (100%) thôn, bản đã được bê tông hóa đường trục.",
         [(100, "%", "exact", "implemented")]),
        ("Có 80 mô hình do Hội Nông dân xây dựng đã đạt hiệu quả cao.",
         [(80, "mô hình", "exact", "implemented")]),
        # mobilized: land, labour, money, people, items handed in
        ("Nhân dân trong xã đã hiến gần 12 nghìn m2 đất và đóng góp trên 3.000 ngày công.",
         [(12000, "m²", "nearly", "mobilized"), (3000, "ngày công", "more_than", "mobilized")]),
        ("Hội Nông dân xã đã vận động 150 hội viên tham gia làm đường.",
         [(150, "hội viên", "exact", "mobilized")]),
        ("Tổ dân vận đã kiên trì vận động, thuyết phục 12 hộ giải phóng mặt bằng.",
         [(12, "hộ", "exact", "mobilized")]),
        ("Hơn 20 tỷ đồng đã được huy động để làm đường giao thông.",
         [(20e9, "đồng", "more_than", "mobilized")]),
        ("Hơn 2.000 hộ dân đã tự nguyện hiến đất làm đường.",
         [(2000, "hộ", "more_than", "mobilized")]),
        ("Nhân dân đã ủng hộ trên 5 tỷ.",
         [(5e9, "đồng", "more_than", "mobilized")]),
        # other: background, support, events, verbs outside the lexicon
        ("Xã hiện có 1.250 hộ với khoảng 5.300 nhân khẩu.",
         [(1250, "hộ", "exact", "other"), (5300, "nhân khẩu", "about", "other")]),
        ("Đoàn thanh niên thu gom gần 300 kg rác thải, trao 100 cây xanh cho người dân.",
         [(300, "kg", "nearly", "other"), (100, "cây xanh", "exact", "other")]),
        ("Ít nhất 5 người bị thương trong vụ sạt lở.",
         [(5, "người", "at_least", "other")]),
        ("Huyện đã hoàn thành 19/19 tiêu chí huyện nông thôn mới.",
         [(19, "tiêu chí", "exact", "other")]),
        ("Gia đình chị được hỗ trợ 40 triệu đồng để sửa nhà.",
         [(40e6, "đồng", "exact", "other")]),
        ("Ban tổ chức đã tiếp nhận xấp xỉ 900 ý kiến của cử tri.",
         [(900, "ý kiến", "about", "other")]),
        ("Lực lượng vũ trang đã giúp dân 1.300 ngày công, nạo vét 8 km kênh mương.",
         [(1300, "ngày công", "exact", "mobilized"), (8, "km", "exact", "implemented")]),
        ('Trưởng thôn cho biết: "Năm nay thôn có 14 hộ đăng ký làm nhà".',
         [(14, "hộ", "exact", "registered")]),
    ],
)
def test_value_unit_qualifier_outcome(text: str, expected: list[Row]) -> None:
    rows: list[object] = [(pytest.approx(v), u, q, o) for v, u, q, o in expected]
    assert _rows(text) == rows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a total and its parts after "trong đó", brackets, a colon, a semicolon list
        ("Toàn tỉnh đã xây dựng 2.400 mô hình, trong đó 600 mô hình được công nhận là điển hình.",
         [(2400, "mô hình", "implemented"), (600, "mô hình", "recognized")]),
        ("Huyện công nhận 30 mô hình (18 tập thể, 12 cá nhân) là mô hình tiêu biểu.",
         [(30, "mô hình", "recognized"), (18, "tập thể", "recognized"),
          (12, "cá nhân", "recognized")]),
        ("Toàn tỉnh triển khai 900 mô hình: 400 mô hình kinh tế, 300 mô hình văn hóa "
         "và 200 mô hình khác.",
         [(900, "mô hình", "implemented"), (400, "mô hình", "implemented"),
          (300, "mô hình", "implemented"), (200, "mô hình", "implemented")]),
        ("Toàn tỉnh có 5.000 mô hình được công nhận, trong đó có 2.000 tập thể và 3.000 cá nhân.",
         [(5000, "mô hình", "recognized"), (2000, "tập thể", "recognized"),
          (3000, "cá nhân", "recognized")]),
        ("Cụ thể, huyện công nhận 20 mô hình về kinh tế; 15 mô hình về văn hóa, xã hội.",
         [(20, "mô hình", "recognized"), (15, "mô hình", "recognized")]),
        # "mỗi X N" restates a total for each of its members
        ("Có 100% chi hội đăng ký xây dựng mô hình, mỗi chi hội ít nhất 02 mô hình.",
         [(100, "%", "registered"), (2, "mô hình", "registered")]),
        # bare numbers in the parts of a total count what the total counts
        ("Đến nay 900 mô hình được công nhận, trong đó lĩnh vực kinh tế 500, văn hóa 400.",
         [(900, "mô hình", "recognized"), (500, "mô hình", "recognized"),
          (400, "mô hình", "recognized")]),
        # a clause of its own after the semicolon keeps its own outcome
        ("Xã thành lập 12 tổ tự quản; các tổ hiện có 150 thành viên.",
         [(12, "tổ", "implemented"), (150, "thành viên", "other")]),
        # a part with its own verb
        ("Huyện xây dựng 300 mô hình, trong số đó hơn 60% mô hình phát huy hiệu quả.",
         [(300, "mô hình", "implemented"), (60, "%", "other")]),
        # the figure doing the work is not what was built
        ("Năm 2024, 12 đơn vị đã xây dựng 50 mô hình dân vận khéo.",
         [(12, "đơn vị", "other"), (50, "mô hình", "implemented")]),
        ("Có 45 xã đăng ký 120 mô hình mới.",
         [(45, "xã", "other"), (120, "mô hình", "registered")]),
        ("Năm nay có 310 mô hình đăng ký và 95 mô hình được công nhận.",
         [(310, "mô hình", "registered"), (95, "mô hình", "recognized")]),
        ("Tám đồn biên phòng đã xây dựng, duy trì 40 mô hình.",
         [(8, "đồn", "other"), (40, "mô hình", "implemented")]),
        # one verb shared by a list joined with "và"
        ("Có 12 tập thể và 20 cá nhân có thành tích xuất sắc đã được tặng Giấy khen.",
         [(12, "tập thể", "commended"), (20, "cá nhân", "commended")]),
        # a list of things handed in shares the "do ... giao nộp" after it
        ("Công an xã tiếp nhận 5 khẩu súng kíp, 30 viên đạn do người dân giao nộp.",
         [(5, "khẩu", "mobilized"), (30, "viên", "mobilized")]),
        # a new subject after a comma is not the object of the verb before it
        ("Khi triển khai xây dựng nông thôn mới, 9/15 xã nằm trong diện khó khăn.",
         [(9, "xã", "other")]),
        # a model kept up in N hamlets: the places say where, not what was done (every
        # "ở/tại N" place in the gold sets and real batches is ``other``)
        ("Mô hình được duy trì ở 87 thôn, bản trên địa bàn huyện.",
         [(87, "thôn", "other")]),
        # but a place opening the sentence is not the subject of the verb after the comma
        ("Ở hai xã Tân Lập, Tân Tiến, mô hình được nhân rộng.",
         [(2, "xã", "other")]),
        # partners of a verb are not what it acted on
        ("Mặt trận phối hợp với 95 chùa vận động đồng bào giữ gìn an ninh.",
         [(95, "chùa", "other")]),
        # money and labour: the verb after them says what they paid for
        ("Nhân dân đóng góp 12 tỷ đồng và 900 ngày công chỉnh trang 14 tuyến ngõ.",
         [(12e9, "đồng", "mobilized"), (900, "ngày công", "mobilized"),
          (14, "tuyến", "implemented")]),
        ("Nhà văn hóa được xây dựng với tổng kinh phí 1,2 tỷ đồng.",
         [(1.2e9, "đồng", "other")]),
        # an award named before "trao cho" N
        ('Kỷ niệm chương "Vì sự nghiệp Dân vận" được trao cho ba cá nhân.',
         [(3, "cá nhân", "commended")]),
        ("Đồn Biên phòng còn xây tặng 4 căn nhà cho hộ nghèo.",
         [(4, "căn", "implemented")]),
        # field names hold verbs that govern nothing
        ("Huyện công nhận 80 mô hình: kinh tế 50 mô hình, xây dựng hệ thống chính trị 30 mô hình.",
         [(80, "mô hình", "recognized"), (50, "mô hình", "recognized"),
          (30, "mô hình", "recognized")]),
        ("Các xã đã thành lập tổ công nghệ số với 640 thành viên.",
         [(640, "thành viên", "other")]),
        ("Lực lượng vũ trang phát động phong trào, với 42 đơn vị đăng ký thực hiện.",
         [(42, "đơn vị", "registered")]),
        # the value of a thing shares its outcome; a cost does not
        ("Bà con đã hiến 800 m2 đất trị giá 2,4 tỷ đồng để làm đường.",
         [(800, "m²", "mobilized"), (2.4e9, "đồng", "mobilized")]),
        ("Huyện đã xây mới 120 căn nhà với tổng kinh phí gần 6 tỷ đồng.",
         [(120, "căn", "implemented"), (6e9, "đồng", "other")]),
        # parallel items of one list keep the list's verb past their own modifiers
        ("Xã công nhận 7 mô hình giữ gìn, phát huy bản sắc văn hóa và 4 mô hình về an ninh.",
         [(7, "mô hình", "recognized"), (4, "mô hình", "recognized")]),
        # a bare number borrows the unit of the number it moves to
        ("Số hộ nghèo giảm từ 420 xuống 310 hộ.",
         [(420, "hộ", "other"), (310, "hộ", "other")]),
        ("Tỷ lệ hộ nghèo giảm từ 12,5% xuống còn 8,1%.",
         [(12.5, "%", "other"), (8.1, "%", "other")]),
    ],
)
def test_outcome_from_the_clause(text: str, expected: list[tuple[float, str, str]]) -> None:
    got = [(f.value, f.unit, f.outcome.value) for f in _figures(text)]
    rows: list[object] = [(pytest.approx(v), u, o) for v, u, o in expected]
    assert got == rows


@pytest.mark.parametrize(
    ("text", "awarders"),
    [
        ("Có 12 tập thể và 20 cá nhân đã được Chủ tịch UBND huyện tặng Giấy khen.",
         ["Chủ tịch UBND huyện", "Chủ tịch UBND huyện"]),
        ("Dịp này, Ban Dân vận Tỉnh ủy biểu dương, khen thưởng 25 tập thể.",
         ["Ban Dân vận Tỉnh ủy"]),
        ("UBND xã đề nghị Chủ tịch UBND huyện khen thưởng hai tập thể và ba cá nhân.",
         ["Chủ tịch UBND huyện", "Chủ tịch UBND huyện"]),
        ("Có 35 người có uy tín (NCUT) đã được UBND tỉnh biểu dương.", ["UBND tỉnh"]),
        ("Dịp này, 14 hội viên được nhận Giấy khen của Hội Cựu chiến binh tỉnh vì thành tích.",
         ["Hội Cựu chiến binh tỉnh"]),
        ("Chủ tịch UBND tỉnh đã ký quyết định tặng Bằng khen cho 06 tập thể.",
         ["Chủ tịch UBND tỉnh"]),
        ("Đồng chí Phó Chủ tịch UBND huyện trao Giấy khen cho 9 hộ gia đình.",
         ["Phó Chủ tịch UBND huyện"]),
        ("Ban Tuyên giáo và Dân vận Tỉnh ủy tặng Giấy khen cho 11 cá nhân.",
         ["Ban Tuyên giáo và Dân vận Tỉnh ủy"]),
        ('Tại lễ, 6 cá nhân được trao Kỷ niệm chương "Vì sự nghiệp Dân vận" của Ban Dân vận '
         "Trung ương.", ["Ban Dân vận Trung ương"]),
        ("Sơn Hà tôn vinh 40 gương điển hình tiên tiến.", [None]),
        ("Có 12 tập thể được Ban Thường vụ Huyện ủy, UBND huyện tặng Giấy khen.",
         ["Ban Thường vụ Huyện ủy, UBND huyện"]),
    ],
)
def test_awarder(text: str, awarders: list[str | None]) -> None:
    figures = _figures(text)
    assert [f.outcome.value for f in figures] == ["commended"] * len(awarders)
    assert [f.awarder for f in figures] == awarders


@pytest.mark.parametrize(
    "text",
    [
        "Ngày 15/10/2023, Đảng bộ tổ chức Đại hội lần thứ XX, nhiệm kỳ 2020 - 2025.",
        "Thực hiện Kế hoạch số 45-KH/HU ngày 2/3/2022 của Huyện ủy về dân vận.",
        "Ông Lò Văn Sơn, 67 tuổi, trú tại xóm 7, xã Yên Bình.",
        "Kỷ niệm 95 năm Ngày truyền thống, sau 10 năm thực hiện phong trào.",
        "Ngôi nhà cấp 4 nằm cạnh Quốc lộ 3 và Tỉnh lộ 279.",
        "Đại biểu Quốc hội khóa XV tiếp xúc cử tri lúc 14 giờ 30 tại nhà văn hóa.",
        "Mọi thắc mắc xin gọi đường dây nóng 0912.345.678.",
        "Hưởng ứng chiến dịch 100 ngày đêm, phong trào lần thứ 3 diễn ra sôi nổi.",
        'Mô hình "Mỗi hội viên nuôi 5 con gà" được nhiều hộ hưởng ứng.',
        'Khu dân cư duy trì mô hình "Tổ tự quản 5 không, 3 sạch" nhiều năm liền.',
        "Nhiều mô hình và hàng chục tỷ đồng được huy động.",
        "Chính quyền địa phương 2 cấp vận hành từ ngày 1/7/2025.",
        "Tổ dân phố số 8 và thôn 11 ra quân dọn vệ sinh.",
        "Bão số 3 gây mưa lớn, gió giật cấp 8.",
        "Anh là con thứ hai trong gia đình, học hết lớp 9.",
        "Mỗi hội viên giúp đỡ một hộ nghèo.",
        "Sáng 31/3, cán bộ và nhân dân ra quân.",
        "Ảnh chụp trước tháng 01/2020 tại bản Mốc 13 của xã.",
        "Đồng chí Đinh Văn Năm phát biểu tại buổi lễ.",
        "Huyện xếp hạng 5/12 huyện về chỉ số cải cách hành chính.",
        "Dịp 27/7 hằng năm, đoàn viên dọn dẹp nghĩa trang liệt sĩ.",
        "Đường dây hỗ trợ 1900 8086 hoạt động cả ngày nghỉ.",
        "Xã được thành lập trên cơ sở sáp nhập xã Ba Đồn và xã Quảng Hòa.",
    ],
)
def test_not_figures(text: str) -> None:
    assert _rows(text) == []


def test_bulleted_items_take_the_outcome_of_the_total_that_opens_the_list() -> None:
    text = ("Năm 2024, huyện công nhận 50 mô hình, cụ thể:\n"
            "- Lĩnh vực kinh tế: 28 mô hình;\n"
            "- Lĩnh vực an ninh: 22 mô hình.\n"
            "Mặt trận xã có 9 thành viên.")
    assert [(f.value, f.outcome.value) for f in _figures(text)] == [
        (50, "recognized"), (28, "recognized"), (22, "recognized"), (9, "other")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lào Cai: Biểu dương 52 tập thể, cá nhân điển hình", (52, "tập thể", "commended")),
        ("Nhờ vậy tuyến lộ 2,3 km về ấp được làm xong.", (2.3, "km", "implemented")),
        ("Có hai vị sư được đề xuất tặng Bằng khen.", (2, "vị", "commended")),
    ],
)
def test_single_figure(text: str, expected: tuple[float, str, str]) -> None:
    (figure,) = _figures(text)
    assert (figure.value, figure.unit, figure.outcome.value) == expected


def test_one_counts_only_beside_another_figure() -> None:
    rows = _rows("Hội Phụ nữ đã trao một suất học bổng và hai chiếc xe đạp cho học sinh nghèo.")
    assert rows == [(1, "suất", "exact", "other"), (2, "chiếc", "exact", "other")]


def test_numbers_inside_a_document_code_are_skipped() -> None:
    rows = _rows("Quyết định số 1092/QĐ-UBND ngày 10/5/2023 công nhận 12 mô hình tiêu biểu.")
    assert rows == [(12, "mô hình", "exact", "recognized")]


def test_same_fact_told_twice_is_one_figure() -> None:
    text = ("Lạng Giang biểu dương 40 điển hình tiên tiến\n\n"
            "Sáng 5/6, huyện tổ chức hội nghị; 40 điển hình tiên tiến đã được biểu dương.")
    assert _rows(text) == [(40, "điển hình", "exact", "commended")]


def test_shares_of_different_things_are_different_figures() -> None:
    text = "Có 100% thôn có tổ hòa giải. Năm tới phấn đấu 100% xã đạt chuẩn."
    assert [(f.value, f.unit) for f in _figures(text)] == [(100, "%"), (100, "%")]


def test_a_verbless_headline_is_the_fact_the_body_tells() -> None:
    text = ("Bình Liêu: 1.260 mô hình dân vận khéo\n\n"
            "Đến nay, toàn huyện đã xây dựng 1.260 mô hình dân vận khéo.")
    assert _rows(text) == [(1260, "mô hình", "exact", "implemented")]


@pytest.mark.parametrize(
    "text",
    ["Xã có 50 hộ nghèo. Năm nay 50 hộ nghèo đã được công nhận thoát nghèo.",
     "Toàn huyện hiện có 278 mô hình. Năm qua, huyện công nhận 278 mô hình."],
)
def test_same_number_with_another_outcome_is_another_figure(text: str) -> None:
    assert [f.outcome.value for f in _figures(text)] == ["other", "recognized"]


def test_range_total_and_period() -> None:
    text = ("Giai đoạn 2021 – 2025, kinh phí hỗ trợ mỗi hộ từ 40 - 60 triệu đồng; "
            "27/30 xã được công nhận.")
    money, communes = _figures(text)
    assert (money.value, money.value_max, money.unit) == (40e6, 60e6, "đồng")
    assert (communes.value, communes.total, communes.outcome.value) == (27, 30, "recognized")
    assert money.period == communes.period == "Giai đoạn 2021 – 2025"


def test_span_sentence_evidence_and_rule_point_into_the_caller_text() -> None:
    text = unicodedata.normalize("NFD", "Mở đầu.\nĐến nay có hơn 2.700 mô hình được đăng ký.")
    (figure,) = _figures(text)
    assert text[figure.span.start:figure.span.end] == figure.span.text
    assert unicodedata.normalize("NFC", figure.span.text) == "2.700 mô hình"
    assert unicodedata.normalize("NFC", figure.sentence.text).startswith("Đến nay")
    assert "2.700 mô hình" in unicodedata.normalize("NFC", figure.evidence)
    assert figure.evidence in text  # evidence quotes the caller's text as given
    assert figure.rule.startswith("figure.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 1. a sentence opening with "Trong đó," lists the parts of the previous total
        ("Năm qua, cấp ủy các cấp đã công nhận 640 mô hình. Trong đó, lĩnh vực kinh tế "
         "210 mô hình, văn hóa - xã hội 180 mô hình.",
         [(640, "mô hình", "recognized"), (210, "mô hình", "recognized"),
          (180, "mô hình", "recognized")]),
        ("Toàn huyện đã xây dựng 420 mô hình. Trong số đó, 120 mô hình về kinh tế.",
         [(420, "mô hình", "implemented"), (120, "mô hình", "implemented")]),
        ("Huyện đã nhân rộng 75 mô hình. Trong đó, kinh tế 40, an ninh 35.",
         [(75, "mô hình", "implemented"), (40, "mô hình", "implemented"),
          (35, "mô hình", "implemented")]),
        ("Huyện đã công nhận 300 mô hình. Trong đó, 40 mô hình được khen thưởng.",
         [(300, "mô hình", "recognized"), (40, "mô hình", "commended")]),
        ("Tỉnh có 1.200 mô hình được công nhận, với 30 tỷ đồng được huy động. Trong đó, "
         "500 mô hình kinh tế.",
         [(1200, "mô hình", "recognized"), (30e9, "đồng", "mobilized"),
          (500, "mô hình", "recognized")]),
        # ... but money is no part of a count of collectives
        ("Tỉnh đã khen thưởng 16 tập thể. Trong số này có anh A, mỗi năm thu lãi 90 triệu đồng.",
         [(16, "tập thể", "commended"), (90e6, "đồng", "other")]),
        # ... and a sentence not opening with it is a clause of its own
        ("Xã đã công nhận 30 mô hình. Lĩnh vực kinh tế có 12 mô hình.",
         [(30, "mô hình", "recognized"), (12, "mô hình", "other")]),
        # 2. a share after "đạt" restates the count before it
        ("Các cấp ủy đã công nhận 640 mô hình, đạt 75,4%.",
         [(640, "mô hình", "recognized"), (75.4, "%", "recognized")]),
        ("Đến nay 1.050/1.300 căn nhà hoàn thành, bàn giao, đạt 80,8%.",
         [(1050, "căn", "implemented"), (80.8, "%", "implemented")]),
        ("Toàn huyện đã huy động 1.500 lượt người, đạt 120%.",
         [(1500, "lượt", "mobilized"), (120, "%", "mobilized")]),
        # ... but not a target, a plan or a ratio to another count
        ("Huyện đã xây dựng 200 mô hình, đạt 120% chỉ tiêu.",
         [(200, "mô hình", "implemented"), (120, "%", "other")]),
        ("Năm tới, huyện phấn đấu có 480 hộ tham gia, đạt 100%.",
         [(480, "hộ", "other"), (100, "%", "other")]),
        ("Đã có 700 mô hình được triển khai, đạt 85% so với đăng ký.",
         [(700, "mô hình", "implemented"), (85, "%", "other")]),
        ("Huyện đã công nhận 900 mô hình, tỷ lệ mô hình hiệu quả đạt 80%.",
         [(900, "mô hình", "recognized"), (80, "%", "other")]),
        ("Huyện công nhận 900 mô hình, các mô hình hoạt động hiệu quả đạt 80%.",
         [(900, "mô hình", "recognized"), (80, "%", "other")]),
        ("Xã đã hoàn thành 18/19 tiêu chí, đạt 95%.",
         [(18, "tiêu chí", "other"), (95, "%", "other")]),
        ("Năm 2025 phấn đấu 100% thôn có tổ tự quản.", [(100, "%", "other")]),
        ("Huyện đã hoàn thành 105% chỉ tiêu được giao.", [(105, "%", "other")]),
        # 3. a verb after the counted noun governs it when none comes before
        ("Đến nay, 740/900 căn hoàn thành.", [(740, "căn", "implemented")]),
        ("Đến nay, 600 căn hoàn thành, 150 căn đang thi công.",
         [(600, "căn", "implemented"), (150, "căn", "implemented")]),
        # 4. a mobilising verb governs the chain after its object
        ("Hội Khuyến học đã vận động các doanh nghiệp trao 120 suất học bổng.",
         [(120, "suất", "mobilized")]),
        ("Tỉnh đoàn đã huy động 4.000 lượt đoàn viên tham gia với gần 18 nghìn ngày công "
         "giúp dân sửa đường.",
         [(4000, "lượt", "mobilized"), (18000, "ngày công", "mobilized")]),
        ("Bà con tự nguyện đóng góp, lắp đặt khoảng 2.100 bóng đèn.",
         [(2100, "bóng đèn", "mobilized")]),
        ("Các nhà hảo tâm ủng hộ 80 triệu đồng xây nhà văn hóa.",
         [(80e6, "đồng", "mobilized")]),
        ("Hội đã vận động, kết nối các nhà hảo tâm trao 50 suất quà.",
         [(50, "suất", "mobilized")]),
        # ... but an event held stays other, and a comma ends the chain
        ("Xã huy động nguồn lực tổ chức 12 buổi tuyên truyền.", [(12, "buổi", "other")]),
        ("Mặt trận vận động được 12 nhà hảo tâm, trao 60 suất quà.",
         [(12, "nhà", "mobilized"), (60, "suất", "other")]),
        # ... while a works verb coordinated with another keeps its own class
        ("Xã đã sửa chữa, nâng cấp 6 km kênh mương.", [(6, "km", "implemented")]),
        # 5. a list shares one verb, joined by "và" or by commas
        ("Năm qua, huyện thành lập mới 28 tổ hợp tác và 11 hợp tác xã.",
         [(28, "tổ", "implemented"), (11, "hợp tác xã", "implemented")]),
        ("Các cấp hội đã thành lập mới 35 chi hội, 120 tổ hội, 6 hợp tác xã.",
         [(35, "chi hội", "implemented"), (120, "tổ", "implemented"),
          (6, "hợp tác xã", "implemented")]),
        # ... also when the verb comes after items with modifiers of their own
        ("Năm qua, có 46 tổ hợp tác và 19 hợp tác xã được thành lập mới.",
         [(46, "tổ", "implemented"), (19, "hợp tác xã", "implemented")]),
        ("Có 12 tập thể xuất sắc và 20 cá nhân tiêu biểu được khen thưởng.",
         [(12, "tập thể", "commended"), (20, "cá nhân", "commended")]),
        ("Đã có 35 chi hội, 120 tổ hội nghề nghiệp, 6 hợp tác xã được thành lập.",
         [(35, "chi hội", "implemented"), (120, "tổ", "implemented"),
          (6, "hợp tác xã", "implemented")]),
        # ... but not across "với" (what the first item has)
        ("Xã có 1.250 hộ với 5.300 nhân khẩu được tuyên truyền.",
         [(1250, "hộ", "other"), (5300, "nhân khẩu", "other")]),
        # 6. counted co-agents of a named person carry out the work
        ("Bà Lò Thị Xoan cùng 12 hộ trong bản duy trì mô hình nuôi ong.",
         [(12, "hộ", "implemented")]),
        ("Chị Hà và 7 hội viên của chi hội vận hành mô hình tiết kiệm.",
         [(7, "hội viên", "implemented")]),
        # ... a place after a figure that is no co-agent still blocks the bare verb
        ("Xã có 300 hộ trong diện nghèo.", [(300, "hộ", "other")]),
        # 7. a level of support per unit is not works done
        ("Mức hỗ trợ mỗi căn nhà xây mới từ 40 - 60 triệu đồng, nhà sửa chữa 25 triệu đồng.",
         [(40e6, "đồng", "other"), (25e6, "đồng", "other")]),
        ("Tổng kinh phí xây nhà văn hóa là 300 triệu đồng.", [(300e6, "đồng", "other")]),
        ("Nhà xây mới được hỗ trợ 60 triệu đồng/căn; nhà sửa chữa 30 triệu đồng/căn.",
         [(60e6, "đồng", "other"), (30e6, "đồng", "other")]),
        # 8. what an activity brought to light is a result, not a work
        ("Tổ an ninh đã giúp phát hiện, làm rõ 25 vụ việc vi phạm.",
         [(25, "vụ việc", "other")]),
        # 9. after an organisation's acronym, a count of its branches is a figure
        ("Dự hội nghị có Chủ tịch Ủy ban MTTQ 6 huyện, thị xã và đại diện các sở.",
         [(6, "huyện", "other")]),
        # ... and a capitalised number word inside a sentence is a name, not a count
        ("Gia đình ông Ba hội viên chi hội cùng 2 hội viên khác đã hiến đất.",
         [(2, "hội viên", "mobilized")]),
        ("Ba hội viên đã hiến đất.", [(3, "hội viên", "mobilized")]),
    ],
)
def test_outcome_on_unseen_patterns(text: str, expected: list[tuple[float, str, str]]) -> None:
    got = [(f.value, f.unit, f.outcome.value) for f in _figures(text)]
    rows: list[object] = [(pytest.approx(v), u, o) for v, u, o in expected]
    assert got == rows
