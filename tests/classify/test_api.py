"""classify_domain on descriptions written for these tests (not in the training data)."""

import pytest

import danvan_nlp
from danvan_nlp.classify import LABELS, DomainPrediction, classify_domain, classify_domains
from danvan_nlp.classify.api import classify_described, tiebreak_label
from danvan_nlp.errors import InputError


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Hộ nông dân trồng bưởi da xanh theo tiêu chuẩn VietGAP", "kinh_te"),
        ("Hội Nông dân liên kết với doanh nghiệp bao tiêu sản phẩm cho người trồng sắn",
         "kinh_te"),
        ("Bà con góp đất, góp công bê tông hóa đường ngõ xóm", "nong_thon_moi_moi_truong"),
        ("Thu gom, phân loại rác thải sinh hoạt tại nguồn", "nong_thon_moi_moi_truong"),
        ("Quỹ học bổng tiếp sức học sinh nghèo đến trường", "van_hoa_xa_hoi"),
        ("Xây nhà tình nghĩa tặng gia đình chính sách", "van_hoa_xa_hoi"),
        ("Tổ tự quản ANTT", "quoc_phong_an_ninh"),
        ("Nhóm dân phòng tuần tra, phòng chống trộm cắp ban đêm", "quoc_phong_an_ninh"),
        ("Chi bộ phân công đảng viên phụ trách hộ gia đình", "xay_dung_he_thong_chinh_tri"),
        ("Nâng cao chất lượng sinh hoạt chi hội cựu chiến binh", "xay_dung_he_thong_chinh_tri"),
        ("Hướng dẫn người dân làm thủ tục hành chính trên Cổng dịch vụ công",
         "chinh_quyen_cchc"),
        ("Chủ tịch UBND xã tiếp công dân, đối thoại định kỳ", "chinh_quyen_cchc"),
        ("Người có uy tín vận động đồng bào Mông bỏ tục cưới tảo hôn", "dan_toc_ton_giao"),
        ("Giáo xứ đoàn kết lương giáo, sống tốt đời đẹp đạo", "dan_toc_ton_giao"),
    ],
)
def test_descriptions_get_their_domain(text: str, label: str) -> None:
    assert classify_domain(text)[0].label == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("To tu quan an ninh trat tu thon", "quoc_phong_an_ninh"),
        ("Hien dat mo rong duong lien thon", "nong_thon_moi_moi_truong"),
        ("Nguoi co uy tin van dong dong bao bo hu tuc", "dan_toc_ton_giao"),
    ],
)
def test_text_without_diacritics_still_classifies(text: str, label: str) -> None:
    assert classify_domain(text)[0].label == label


def test_result_lists_every_label_once_by_falling_score() -> None:
    ranking = danvan_nlp.classify_domain("Tổ tự quản ANTT")
    assert all(isinstance(item, DomainPrediction) for item in ranking)
    assert sorted(item.label for item in ranking) == sorted(LABELS)
    scores = [item.score for item in ranking]
    assert scores == sorted(scores, reverse=True)
    assert sum(scores) == pytest.approx(1.0)


@pytest.mark.parametrize("text", ["The quick brown fox jumps over the lazy dog", "1234 5678"])
def test_other_languages_get_a_low_score(text: str) -> None:
    assert classify_domain(text)[0].score < 0.5


def test_very_long_text_is_classified() -> None:
    ranking = classify_domain("Phân loại rác thải tại hộ gia đình. " * 5_000)
    assert ranking[0].label == "nong_thon_moi_moi_truong"


@pytest.mark.parametrize("text", ["", "   \n\t"])
def test_empty_description_is_refused_clearly(text: str) -> None:
    with pytest.raises(InputError, match="empty"):
        classify_domain(text)


def test_batch_keeps_order_and_refuses_a_bare_string() -> None:
    rankings = classify_domains(["Tổ tự quản ANTT", "Hiến đất làm đường"])
    assert [r[0].label for r in rankings] == ["quoc_phong_an_ninh", "nong_thon_moi_moi_truong"]
    assert classify_domains([]) == []
    with pytest.raises(InputError, match="list of descriptions"):
        classify_domains("Tổ tự quản ANTT")


@pytest.mark.parametrize(
    ("title", "label"),
    [
        ("Chức sắc Phật giáo vận động Phật tử hiến đất làm đường", "nong_thon_moi_moi_truong"),
        ("Già làng góp đất mở rộng đường vào bản", "nong_thon_moi_moi_truong"),
        ("Đồn biên phòng chung tay dựng nhà cho hộ nghèo", "van_hoa_xa_hoi"),
        ("Hiến 300 m² đất để hộ nghèo có chỗ làm nhà", "van_hoa_xa_hoi"),
        ("Tổ tự quản an ninh trật tự", None),
    ],
)
def test_tie_breaks_of_the_domain_definitions(title: str, label: str) -> None:
    assert tiebreak_label(title) == label


def test_described_models_weigh_title_and_context() -> None:
    (best,) = classify_described(["Tiếng kẻng bình yên"],
                                 ["các thôn gõ kẻng báo động khi có trộm cắp, giữ an ninh trật tự"])
    assert best.label == "quoc_phong_an_ninh" and 0.5 < best.score <= 1
    (forced,) = classify_described(["Giáo xứ hiến đất làm đường"], ["giáo dân đồng lòng"])
    assert forced.label == "nong_thon_moi_moi_truong"
    with pytest.raises(ValueError, match="one context per title"):
        classify_described(["a"], [])
