"""Article facts: date line, source line, title, province and its 2025 province."""

import pytest

from danvan_nlp import extract

BODY = "\nHội nghị tổng kết phong trào thi đua được tổ chức trang trọng.\n"


@pytest.mark.parametrize(
    ("head", "published"),
    [
        ("Thứ Ba, 23/7/2024", "2024-07-23"),
        ("Chủ Nhật, 15/9/2024", "2024-09-15"),
        ("Cập nhật lúc 07:35, 04/12/2023", "2023-12-04"),
        ("17/11/2025 | 08:42 (GMT+7)", "2025-11-17"),
        ("Trang chủ > Tin tức\n08/05/2024 09:15", "2024-05-08"),
        ("Tin tức", None),
    ],
)
def test_published_from_the_date_line(head: str, published: str | None) -> None:
    assert extract(head + BODY).published == published


def test_caller_values_win_over_the_text() -> None:
    article = extract("Thứ Ba, 23/7/2024" + BODY, published="2024-07-24", source="x.vn")
    assert (article.published, article.source) == ("2024-07-24", "x.vn")


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (BODY + "\n(baobackan.org.vn)\n\nGửi cho bạn bè\n", "baobackan.org.vn"),
        ("(Baonghean.vn) - Sáng 11/10, hội nghị diễn ra." + BODY, "baonghean.vn"),
        (BODY, None),
    ],
)
def test_source_line(text: str, source: str | None) -> None:
    assert extract(text).source == source


@pytest.mark.parametrize(
    ("text", "province", "province_2025"),
    [
        ("Thứ Ba, 23/7/2024\nBắc Kạn: Hội nghị triển khai phong trào" + BODY, "Bắc Kạn",
         "Thái Nguyên"),
        ("Hà Giang: xóa nhà tạm cho hộ nghèo" + BODY + "tỉnh Hà Giang", "Hà Giang", "Tuyên Quang"),
        ("Nghệ An biểu dương điển hình" + BODY, "Nghệ An", "Nghệ An"),
        (BODY + "\n(baobacgiang.vn)\n", "Bắc Giang", "Bắc Ninh"),
        (BODY, None, None),
    ],
)
def test_province_and_2025_province(text: str, province: str | None,
                                    province_2025: str | None) -> None:
    article = extract(text)
    assert (article.province, article.province_2025) == (province, province_2025)


def test_title_is_the_first_real_line() -> None:
    text = "Thứ Năm, 26/6/2025\nBắc Kạn biểu dương 39 tập thể điển hình" + BODY
    assert extract(text).title == "Bắc Kạn biểu dương 39 tập thể điển hình"
