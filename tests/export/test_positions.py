"""Splitting a post into title and organisation for the who's-who."""

from __future__ import annotations

import pytest

from danvan_nlp.export.positions import split_position


@pytest.mark.parametrize(
    ("position", "title", "organisation"),
    [
        ("Phó Trưởng Ban Dân vận Tỉnh ủy", "Phó Trưởng Ban", "Ban Dân vận Tỉnh ủy"),
        ("Trưởng ban Dân vận Huyện ủy Ba Bể", "Trưởng ban", "ban Dân vận Huyện ủy Ba Bể"),
        ("Chủ tịch UBND tỉnh Cao Bằng", "Chủ tịch", "UBND tỉnh Cao Bằng"),
        ("Phó Chủ tịch Thường trực HĐND huyện", "Phó Chủ tịch Thường trực", "HĐND huyện"),
        ("Ủy viên Ban Thường vụ Tỉnh ủy", "Ủy viên Ban Thường vụ", "Tỉnh ủy"),
        ("Bí thư Chi bộ thôn Nà Mèo", "Bí thư", "Chi bộ thôn Nà Mèo"),
        ("Trưởng thôn Khuổi Luông", "Trưởng thôn", "thôn Khuổi Luông"),
        ("Trưởng khu phố 3", "Trưởng khu phố", "khu phố 3"),
        ("Chánh Văn phòng Tỉnh ủy", "Chánh Văn phòng", "Văn phòng Tỉnh ủy"),
        ("Bí thư", "Bí thư", ""),
        ("Hội viên  nông dân", "Hội viên nông dân", ""),
    ],
)
def test_split_position(position: str, title: str, organisation: str) -> None:
    assert split_position(position) == (title, organisation)
