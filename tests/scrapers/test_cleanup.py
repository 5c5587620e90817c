"""Text clean-up rules: junk lines, boilerplate, date line, source line, repeated title."""

from __future__ import annotations

import pytest

from danvan_nlp.scrapers.cleanup import clean_body, strip_lead_prefix
from danvan_nlp.scrapers.sites import load_sites

SITES = load_sites()
BODY = "Huyện Na Rì có 35 mô hình dân vận khéo được công nhận."


@pytest.mark.parametrize(("lines", "paragraphs", "date", "source"), [
    (["Thứ Ba, 23/7/2024", "Tiêu đề bài", BODY, "(baobackan.org.vn)", "Gửi cho bạn bè",
      "Phản hồi", "Xem nhiều nhất", "Tin khác ở Cao Bằng"], [BODY], "2024-07-23",
     "baobackan.org.vn"),
    (["Chủ nhật, 5/5/2024 08:30", BODY, "(Theo Báo Lạng Sơn)"], [BODY], "2024-05-05",
     "Báo Lạng Sơn"),
    ([BODY, "(Nguồn: Báo Cao Bằng)"], [BODY], None, "Báo Cao Bằng"),
    ([BODY, "(Còn nữa)"], [BODY, "(Còn nữa)"], None, None),             # not a source
    ([BODY, "Các tin khác:", "Một tin khác"], [BODY], None, None),
    (["Phản hồi của cử tri được tiếp thu", BODY], ["Phản hồi của cử tri được tiếp thu", BODY],
     None, None),                                                          # not boilerplate
    ([BODY, BODY, "0:00 / 0:00", "Cán bộ đến từng nhà."], [BODY, "Cán bộ đến từng nhà."],
     None, None),
])
def test_danvan_rules(lines: list[str], paragraphs: list[str], date: str | None,
                      source: str | None) -> None:
    cleaned = clean_body(lines, SITES["danvan"].text, "Tiêu đề bài")
    assert (cleaned.paragraphs, cleaned.date_line, cleaned.source) == (paragraphs, date, source)


@pytest.mark.parametrize(("lead", "expected"), [
    ("BBK - Sáng 23/7, Chợ Mới tổ chức hội nghị.", "Sáng 23/7, Chợ Mới tổ chức hội nghị."),
    ("BBK- Năm 2024, toàn tỉnh có 42 mô hình.", "Năm 2024, toàn tỉnh có 42 mô hình."),
    ("Năm 2024, BBK - không phải tiền tố.", "Năm 2024, BBK - không phải tiền tố."),
    ("0:00 / 0:00 BBK – Sáng 23/7, huyện Ba Bể họp.", "Sáng 23/7, huyện Ba Bể họp."),
])
def test_baobackan_lead_prefix(lead: str, expected: str) -> None:
    assert strip_lead_prefix(lead, SITES["baobackan"].text) == expected
