"""Sentence boundaries."""

import pytest

from danvan_nlp.sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hội nghị khai mạc. Đồng chí A phát biểu.",
         ["Hội nghị khai mạc.", "Đồng chí A phát biểu."]),
        ("Thứ Ba, 23/7/2024\nBắc Kạn: Hội nghị", ["Thứ Ba, 23/7/2024", "Bắc Kạn: Hội nghị"]),
        ("Trưởng Ban Dân vận,\nChủ tịch Ủy ban MTTQ",
         ["Trưởng Ban Dân vận,\nChủ tịch Ủy ban MTTQ"]),
        ("TP. Bắc Giang có 16 phường. Hết.", ["TP. Bắc Giang có 16 phường.", "Hết."]),
        ("Ảnh: T.D Phó Chủ tịch dự.", ["Ảnh: T.D Phó Chủ tịch dự."]),
        ("Đạt 2.700 mô hình. 1.100 mô hình được công nhận.",
         ["Đạt 2.700 mô hình.", "1.100 mô hình được công nhận."]),
        ("   ", []),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in split_sentences(text)] == expected
