"""Document references: code, kind, date (year from publication when missing), issuer."""

import pytest

from danvan_nlp import extract


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thực hiện Đề án 06-ĐA/TU ngày 14/12/2017 của Tỉnh ủy Bắc Kạn về phong trào.",
         [("06-ĐA/TU", "Đề án", "2017-12-14", "Tỉnh ủy Bắc Kạn")]),
        ("Theo Quyết định số 1091/QĐ-UBND do UBND tỉnh ban hành ngày 6/5, tỉnh khen thưởng.",
         [("1091/QĐ-UBND", "Quyết định", "2024-05-06", "UBND tỉnh")]),
        ("Triển khai Kế hoạch số 01 của Ban Chỉ đạo xã.",
         [("01", "Kế hoạch", None, "Ban Chỉ đạo xã")]),
        ("Nghị quyết 35-NQ/TW và Chỉ thị số 05-CT/TU đã đi vào cuộc sống.",
         [("35-NQ/TW", "Nghị quyết", None, None), ("05-CT/TU", "Chỉ thị", None, None)]),
        ("Chương trình phối hợp số 05/CTPH-MTTQ ngày 12/3/2021 giữa các đoàn thể.",
         [("05/CTPH-MTTQ", "Chương trình", "2021-03-12", None)]),
        ("Nghị quyết số 202/2025/QH15 của Quốc hội về sắp xếp đơn vị hành chính.",
         [("202/2025/QH15", "Nghị quyết", None, "Quốc hội")]),
        ("Theo tinh thần 120-KL/TU, các xã rà soát lại.", [("120-KL/TU", "Kết luận", None, None)]),
    ],
)
def test_documents(text: str, expected: list[tuple[str, str, str | None, str | None]]) -> None:
    article = extract(text, published="2024-05-08")
    assert [(d.code, d.kind, d.date, d.issuer) for d in article.documents] == expected


def test_a_bare_number_after_the_full_code_is_the_same_document() -> None:
    text = "Đề án 06-ĐA/TU ngày 14/12/2017 được triển khai. Kết quả thực hiện Đề án 06 rất tốt."
    assert [d.code for d in extract(text).documents] == ["06-ĐA/TU"]


@pytest.mark.parametrize(
    "text",
    [
        "Năm 2023, xã có 120 hộ; ngày 14/12/2017 khai mạc hội thi lần thứ IV.",
        "Quốc lộ 2 đi qua thôn 6; tổ dân phố số 8 có 45 hộ.",
    ],
)
def test_numbers_that_are_not_documents(text: str) -> None:
    assert extract(text).documents == []
