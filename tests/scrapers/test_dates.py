"""Dates as Vietnamese pages and feeds write them."""

from __future__ import annotations

import pytest

from danvan_nlp.scrapers.dates import iso_date


@pytest.mark.parametrize(("text", "expected"), [
    ("2024-07-23", "2024-07-23"),
    ("2024-07-23T08:15:00+07:00", "2024-07-23"),
    ("2024-07-22T18:30:00Z", "2024-07-23"),            # 01:30 on the 23rd in Vietnam
    ("Mon, 22 Jul 2024 18:00:00 GMT", "2024-07-23"),
    ("Tue, 23 Jul 2024 08:00:00 +0700", "2024-07-23"),
    ("23/7/2024", "2024-07-23"),
    ("Thứ Ba, 23/07/2024 - 08:15", "2024-07-23"),
    ("Cập nhật: 05.12.2023 10:20", "2023-12-05"),
    ("Bắc Kạn, ngày 23 tháng 7 năm 2024", "2024-07-23"),
    ("31/02/2024", None),
    ("không có ngày", None),
    ("", None),
    (None, None),
])
def test_iso_date(text: str | None, expected: str | None) -> None:
    assert iso_date(text) == expected
