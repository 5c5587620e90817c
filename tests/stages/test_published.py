"""Publication date: the page's own date line or url, never a date from the body."""

import pytest

from danvan_nlp import extract
from danvan_nlp.published import Evidence, agrees_with_event, candidates, lead_event

BODY = "\nXã tổ chức buổi ra quân làm đường giao thông nông thôn rất sôi nổi.\n"


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("Thứ Tư, 9/4/2025" + BODY, "2025-04-09"),
        ("Đăng ngày: 02/03/2024" + BODY, "2024-03-02"),
        ("Tác giả: Minh Hà | Cập nhật lúc 9:05, 12/6/2023" + BODY, "2023-06-12"),
        ("05/01/2026 - 16:20" + BODY, "2026-01-05"),
        ("Thứ Sáu, 12/9/2025 08:40 (GMT+7)" + BODY, "2025-09-12"),
        ("Thứ Năm, 11/06/2020, 07:45 [GMT+7]" + BODY, "2020-06-11"),
        ("Đăng vào Chủ nhật, ngày 14/07/2024" + BODY, "2024-07-14"),
        ("Ngày đăng 03 - 11 - 2023" + BODY, "2023-11-03"),
        ("Minh Thư-Quốc Bảo - 16:05, 22/02/2024" + BODY, "2024-02-22"),
        ("Văn Hòa | 30/08/2021 10:12" + BODY, "2021-08-30"),
        ("In bài Thứ Sáu, 07/02/2020 15:40 Nguồn" + BODY, "2020-02-07"),
    ],
)
def test_date_lines_of_the_page(text: str, published: str) -> None:
    article = extract(text)
    assert article.published == published
    assert not [w for w in article.warnings if w.startswith("published")]


def test_an_anniversary_bracket_is_no_publication_date() -> None:
    text = ("Hội thi tìm hiểu lịch sử Mặt trận\nNhân kỷ niệm 95 năm Ngày thành lập Mặt trận"
            " (18/11/1930 - 18/11/2025), xã tổ chức hội thi cho các chi hội." + BODY)
    article = extract(text)
    assert article.published is None
    assert "published: no date line or url date; left empty" in article.warnings


def test_a_cited_document_date_is_no_publication_date() -> None:
    text = "Theo Kế hoạch số 12/KH-UBND ngày 20/5/2024 của UBND huyện, các xã triển khai." + BODY
    assert extract(text).published is None


def test_the_url_wins_over_a_banner_and_says_so() -> None:
    text = "Thứ Hai, 7/12/2026\nBà con góp đất mở rộng đường thôn" + BODY
    article = extract(text, url="https://baoxyz.vn/2024/03/15/ba-con-gop-dat.html")
    assert article.published == "2024-03-15"
    assert any("2026-12-07" in w for w in article.warnings)


def test_a_clocked_date_line_wins_over_a_weekday_banner() -> None:
    article = extract("Thứ Hai, 1/3/2021\nThứ Tư, 4/11/2020 09:15'(GMT+7)" + BODY)
    assert article.published == "2020-11-04"
    assert any("over 2021-03-01" in w for w in article.warnings)


def test_a_url_timestamp_gives_the_day() -> None:
    article = extract(BODY, url="https://tinxyz.vn/xa-lam-duong-moi-20230517093012.htm")
    assert article.published == "2023-05-17"


def test_a_cued_line_wins_over_a_weekday_banner() -> None:
    text = "Thứ Hai, 7/12/2026\nTrang chủ > Xã hội\nCập nhật lúc 10:30, 21/5/2024" + BODY
    article = extract(text)
    assert article.published == "2024-05-21"
    assert any(w.startswith("published: 2024-05-21 from the cued") for w in article.warnings)


def test_a_weekday_banner_against_the_lead_event_is_left_empty() -> None:
    text = ("Thứ Hai, 7/12/2026\nNông dân góp công làm cầu\n"
            "Sáng 14/3, xã khánh thành cây cầu do bà con cùng góp sức xây dựng." + BODY)
    article = extract(text)
    assert article.published is None
    assert any("disagrees with the lead's event date" in w for w in article.warnings)


def test_a_weekday_that_does_not_fit_the_date_is_thrown_out() -> None:
    found, notes = candidates("Thứ Hai, 9/4/2025" + BODY, None)  # 9/4/2025 was a Wednesday
    assert found == []
    assert notes and "weekday does not match" in notes[0]


def test_candidates_carry_their_evidence() -> None:
    found, _ = candidates("Thứ Tư, 9/4/2025\n08/04/2025 07:10" + BODY,
                          "https://a.vn/tin-20250407.html")
    assert [c.evidence for c in found] == [Evidence.URL, Evidence.WEEKDAY_LINE,
                                           Evidence.DATE_LINE]
    assert [c.day.isoformat() for c in found] == ["2025-04-07", "2025-04-09", "2025-04-08"]


def test_the_lead_event_and_its_window() -> None:
    text = "Thứ Tư, 9/4/2025\nChiều ngày 7/4, hội nghị diễn ra theo Quyết định ngày 2/1."
    event = lead_event(text, 0)
    assert event == (7, 4)
    found, _ = candidates(text, None)
    assert agrees_with_event(found[0].day, event)
    assert not agrees_with_event(found[0].day, (10, 4))  # an event after publication
    assert agrees_with_event(found[0].day, None)


def test_a_stored_copy_date_marker_opening_the_text() -> None:
    assert extract(" date 2025-10-15 Buổi gặp mặt ấm cúng" + BODY).published == "2025-10-15"
    assert extract(" date 2025-06 Tin mới" + BODY).published is None  # a month alone


def test_a_long_line_closed_by_a_date_is_no_byline() -> None:
    text = ("Hội nghị sơ kết công tác dân vận sáu tháng đầu năm của huyện diễn ra trong không khí"
            " phấn khởi - 08:30, 15/07/2024" + BODY)
    assert extract(text).published is None


def test_a_byline_date_needs_its_clock() -> None:
    assert extract("Minh Thư - 22/02/2024" + BODY).published is None


def test_a_date_beside_the_banner_contacts_is_the_fetch_day() -> None:
    text = "Thứ Năm 05/03/2026 10:02\nHotline: 0123.456.789\nTin địa phương" + BODY
    article = extract(text)
    assert article.published is None
    assert any("opens the site's banner" in w for w in article.warnings)


def test_a_framed_stamp_needs_weekday_and_clock() -> None:
    assert extract("In bài 07/02/2020 Nguồn" + BODY).published is None


def test_a_listing_headline_closed_by_its_day() -> None:
    text = "Bà con xóm Nà Lầy góp đất mở đường (04/05/2019)" + BODY
    assert extract(text).published == "2019-05-04"


def test_a_bracketed_day_in_a_later_line_is_no_headline_date() -> None:
    text = "Bà con góp đất mở đường\nHội nghị tổng kết được tổ chức (04/05/2019)" + BODY
    assert extract(text).published is None


def test_the_lead_event_beats_a_headline_date() -> None:
    text = ("Xã ra quân làm đường (04/05/2019)\nSáng 20/9, xã ra quân làm đường giao thông "
            "nông thôn." + BODY)
    assert extract(text).published is None


def test_a_view_counter_after_the_clock_of_a_date_line() -> None:
    # NukeViet-style pages print the views after the stamp: "Thứ hai - 14/10/2024 09:10 532"
    assert extract("Thứ hai - 14/10/2024 09:10 532" + BODY).published == "2024-10-14"
    # with no clock, a number after the date is no view counter
    assert extract("Thứ hai - 14/10/2024 532" + BODY).published is None


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("5/11/2023 8:05:40 PM", "2023-11-05"),  # a twelve-hour clock with seconds
        ("Ngày phát hành: 05/11/2023", "2023-11-05"),
        ("Thời gian cập nhật: 8:05, 05/11/2023", "2023-11-05"),
    ],
)
def test_more_date_line_shapes(line: str, published: str) -> None:
    assert extract(line + BODY).published == published


def test_a_date_beside_a_weather_box_is_the_fetch_day() -> None:
    text = "Thứ Hai, 02/03/2026\nĐà Lạt 14° - 22°C\nTin địa phương" + BODY
    article = extract(text)
    assert article.published is None
    assert any("opens the site's banner" in w for w in article.warnings)


def test_a_temperature_in_the_lead_is_no_weather_box() -> None:
    text = "Thứ Hai, 05/08/2024 10:30\nTrời nắng 39°C, bà con vẫn ra quân làm đường." + BODY
    assert extract(text).published == "2024-08-05"


def test_a_clock_before_the_weekday_of_a_date_line() -> None:
    assert extract("Tiêu đề\n07:15:00 - Thứ Ba, 12/03/2024" + BODY).published == "2024-03-12"
