"""Finding models in articles, on Vietnamese snippets written for these tests."""

import unicodedata
from pathlib import Path

import pytest

from danvan_nlp.classify.artifact import ARTIFACT_ENV, clear_cache
from danvan_nlp.pipeline import extract
from danvan_nlp.stages.models import find_models, label_domains
from danvan_nlp.stages.models.repeats import first_of_each


def _found(text: str) -> list[tuple[str, str]]:
    article = extract(text, stages=[find_models])
    return [(model.title, model.rule) for model in article.models]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Hội Phụ nữ xã duy trì mô hình "Tủ sách khuyến học" ở các thôn.',
         [("Tủ sách khuyến học", "quoted_name")]),
        ("Tiêu biểu là mô hình nuôi dê nhốt chuồng của gia đình anh Lò Văn Minh, bản Nà Hẩu.",
         [("nuôi dê nhốt chuồng", "described")]),
        ("Chi đoàn duy trì mô hình thắp sáng đường quê, góp phần giữ an ninh thôn xóm.",
         [("thắp sáng đường quê", "described")]),
        ('Nhiều mô hình đã lan tỏa, như "Ánh sáng đường quê" ở xã Tân An; "Tổ hòa giải giỏi" '
         "của thôn Đông.",
         [("Ánh sáng đường quê", "quoted_list"), ("Tổ hòa giải giỏi", "quoted_list")]),
        ('Mô hình được công nhận là "Camera an ninh vì bình yên khu phố" của Công an phường.',
         [("Camera an ninh vì bình yên khu phố", "quoted_list")]),
        ('Đoàn thanh niên hưởng ứng phong trào "Ngày thứ Bảy tình nguyện" của Thành đoàn.',
         [("Ngày thứ Bảy tình nguyện", "quoted_name")]),
        ('Xã có mô hình "Dân vận khéo" vận động hộ chăn nuôi xây hầm biogas của Hội Nông dân.',
         [("vận động hộ chăn nuôi xây hầm biogas", "described")]),
        ('Anh Tráng A Pao vươn lên nhờ "Mô hình trồng nấm rơm", mỗi năm thu 100 triệu đồng.',
         [("trồng nấm rơm", "described")]),
        ("Tổ dân phố có cách vận động hiến đất mở ngõ của Chi bộ khu 3.",
         [("vận động hiến đất mở ngõ", "described")]),
        ('Xã có các mô hình như: "Ánh sáng đường quê", "Camera an ninh" ở các thôn.',
         [("Ánh sáng đường quê", "quoted_list"), ("Camera an ninh", "quoted_list")]),
        ('Chi hội xây dựng mô hình mang tên "Bữa sáng yêu thương" cho học sinh.',
         [("Bữa sáng yêu thương", "quoted_list")]),
        ('Tổ dân vận có mô hình "Vận động nhân dân hiến đất xây dựng nông thôn mới".',
         [("Vận động nhân dân hiến đất xây dựng nông thôn mới", "quoted_name")]),
        ('Mô hình dân vận khéo "Nhà sạch, vườn đẹp" của Chi hội Phụ nữ thôn 2 được nhân rộng.',
         [("Nhà sạch, vườn đẹp", "quoted_name")]),
        ('Tại nhiều chùa, "Lớp dạy chữ Chăm dịp hè" được duy trì đều đặn.',
         [("Lớp dạy chữ Chăm dịp hè", "quoted_passive")]),
        ('Đơn vị xây tặng 5 ngôi nhà "Mái ấm đồng đội" cho hộ nghèo.',
         [("Mái ấm đồng đội", "quoted_name")]),
        ('Cùng với cách làm "cán bộ đồn phụ trách hộ", anh thường xuyên đến từng nhà.',
         [("cán bộ đồn phụ trách hộ", "quoted_name")]),
        ("Xã đang nhân rộng cách làm vận động hiến đất mở đường ra các thôn còn lại.",
         [("vận động hiến đất mở đường", "described")]),
    ],
)
def test_models_presented_by_a_cue_are_found(text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        'Toàn huyện có 120 mô hình "Dân vận khéo" được công nhận.',
        'Các mô hình "Dân vận khéo", "Đơn vị dân vận tốt" tiếp tục được nhân rộng.',
        'Thực hiện phong trào thi đua "Chung sức xây dựng nông thôn mới", xã làm 5 km đường.',
        'Xã hưởng ứng phong trào "Ngày hội xanh" do Tỉnh đoàn phát động.',
        "Huyện xây dựng 1.088 mô hình cây trồng, vật nuôi cho giá trị kinh tế cao.",
        "Nhiều mô hình hay, cách làm hiệu quả được biểu dương.",
        "Còn một số hạn chế: mô hình nuôi cá lồng chưa bền vững.",
        'Với cách làm "dân biết, dân bàn, dân làm", xã đã về đích nông thôn mới.',
        "Nhờ cách làm bài bản đó, huyện về đích sớm.",
        'Năm 2023, đây là mô hình "Dân vận khéo" năm 2023 của huyện.',
        'Đây là mô hình "Dân vận khéo" xuất sắc của tỉnh.',
        'Huyện đã công nhận mô hình "Dân vận khéo" tập thể và cá nhân.',
        "Mô hình ra đời từ năm 2019 và giúp bà con thay đổi nhận thức.",
        "Xã đã nhân rộng mô hình ra 10 thôn.",
        "Mô hình chính quyền địa phương 2 cấp đi vào hoạt động.",
        'Chương trình "Mục tiêu quốc gia giảm nghèo bền vững" được triển khai.',
        'Hội viên hưởng ứng phong trào "Bắc Giang chung tay vì người nghèo".',
        'Xã giữ cách làm "dân bàn, dân làm, dân hưởng" trong mọi việc.',
        'Theo cách làm "tỉnh lấy xã, huyện lấy thôn", cả tỉnh cùng vào cuộc.',
        "Các hộ tham gia mô hình giảm còn chưa đến 9%.",
        "Xã chọn mô hình sát với thực tiễn, tránh chạy theo số lượng.",
        '"Dân vận khéo" được triển khai sâu rộng.',
        'Đề án "Nâng cao hiệu quả công tác dân vận" được triển khai ở 20 xã.',
        'Danh hiệu "Gia đình văn hóa" được công nhận cho 300 hộ.',
    ],
)
def test_cue_words_used_as_common_nouns_give_no_model(text: str) -> None:
    assert _found(text) == []


def test_models_sharing_only_some_words_are_both_kept() -> None:
    text = ('Đồn duy trì mô hình "Con nuôi đồn Biên phòng"; cùng với cách làm '
            '"đảng viên đồn Biên phòng phụ trách hộ gia đình".')
    assert [title for title, _ in _found(text)] == [
        "Con nuôi đồn Biên phòng", "đảng viên đồn Biên phòng phụ trách hộ gia đình"]


def test_the_same_model_told_twice_is_kept_once() -> None:
    text = ('Mô hình "Đường hoa phụ nữ" ra đời ở xã Tân An.\n\n'
            'Đến nay, mô hình "Đường hoa phụ nữ" được nhân rộng ra 12 thôn.')
    assert _found(text) == [("Đường hoa phụ nữ", "quoted_name")]


@pytest.mark.parametrize(
    ("intro", "expected"),
    [
        ("Một số gương điển hình được giới thiệu tại hội nghị:",
         [("vận động bà con hiến 500 m² đất làm đường vào bản", "deed")]),
        ("Đại biểu dự hội nghị gồm:", []),
    ],
)
def test_deeds_count_only_where_presented_as_exemplary(
    intro: str, expected: list[tuple[str, str]]
) -> None:
    text = (f"{intro}\n- Ông Hoàng Văn Sử, trưởng bản Nà Lầu: năm 2024 đã "
            "vận động bà con hiến 500 m² đất làm đường vào bản.")
    assert _found(text) == expected


def test_span_and_context_point_into_the_callers_text() -> None:
    text = unicodedata.normalize("NFD", 'Hội Nông dân duy trì mô hình "Tổ hợp tác trồng chè" '
                                        "của xã Tân Cương; mô hình nuôi ong của thôn Đồng.")
    models = extract(text, stages=[find_models]).models
    first, second = models
    assert text[first.span.start:first.span.end] == first.span.text
    assert unicodedata.normalize("NFC", first.title) == "Tổ hợp tác trồng chè"
    assert "nuôi ong" not in first.context and "Tân Cương" in unicodedata.normalize(
        "NFC", first.context)
    assert unicodedata.normalize("NFC", second.title) == "nuôi ong"


def test_list_items_get_their_own_context() -> None:
    text = ('Nhiều mô hình đã thành nếp, như "Tiếng loa an ninh" của Công an xã; '
            '"Bữa cơm nghĩa tình" hay "Vườn rau dinh dưỡng" của Hội Phụ nữ.')
    models = extract(text, stages=[find_models]).models
    assert [m.title for m in models] == ["Tiếng loa an ninh", "Bữa cơm nghĩa tình",
                                        "Vườn rau dinh dưỡng"]
    assert "Bữa cơm" not in models[0].context and "Vườn rau" not in models[1].context


@pytest.mark.parametrize(
    ("text", "domain"),
    [
        ('Các thôn duy trì mô hình "Tiếng kẻng bình yên", báo động khi có trộm cắp.',
         "quoc_phong_an_ninh"),
        ('Chi hội phụ nữ có mô hình "Hũ gạo nghĩa tình" giúp hội viên nghèo.', "van_hoa_xa_hoi"),
        ("Tiêu biểu là mô hình trồng cam sành của hộ anh Ma Văn Hùng, thu 300 triệu đồng mỗi năm.",
         "kinh_te"),
    ],
)
def test_domains_come_from_title_and_context(text: str, domain: str) -> None:
    article = extract(text, stages=[find_models, label_domains])
    (model,) = article.models
    assert model.domain == domain
    assert model.domain_score is not None and 0 < model.domain_score <= 1


def test_unloadable_artifact_leaves_a_warning_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ARTIFACT_ENV, str(tmp_path / "domains-v1-2020-01-01.joblib"))
    clear_cache()
    article = extract('Xã có mô hình "Đường hoa phụ nữ" ở thôn Đông.',
                      stages=[find_models, label_domains])
    clear_cache()
    assert article.models[0].domain is None
    assert any("danvan train-domains" in warning for warning in article.warnings)


@pytest.mark.parametrize(
    ("titles", "kept"),
    [
        # 4 of 5 shared words (80%) of the shorter title: told twice
        (["hũ gạo tình thương chi hội", "hũ gạo tình thương xóm"], ["hũ gạo tình thương chi hội"]),
        # 3 of 4 (75%): two models
        (["phiên chợ 0 đồng", "phiên chợ 1 đồng"], ["phiên chợ 0 đồng", "phiên chợ 1 đồng"]),
        # a shorter title inside a longer one, either way round
        (["con nuôi đồn biên phòng", "mô hình con nuôi đồn biên phòng tỉnh"],
         ["con nuôi đồn biên phòng"]),
        (["mô hình con nuôi đồn biên phòng tỉnh", "con nuôi đồn biên phòng"],
         ["mô hình con nuôi đồn biên phòng tỉnh"]),
        # a title of no words repeats nothing
        (["", "nuôi ong", ""], ["", "nuôi ong", ""]),
    ],
)
def test_a_model_told_twice_is_kept_once(titles: list[str], kept: list[str]) -> None:
    assert first_of_each((title, title) for title in titles) == kept


def test_many_titles_sharing_common_words_are_all_kept() -> None:
    titles = [f"phiên chợ {n} đồng" for n in range(2000)]
    assert first_of_each((title, title) for title in titles) == titles
