"""Figures and outcomes as real pages write them (issue 8), in our own sentences."""

from danvan_nlp import extract


def _figures(text: str) -> list[tuple[float, str, str]]:
    return [(f.value, f.unit, f.outcome.value) for f in extract(text).figures]


def test_parts_split_by_semicolons_keep_the_total_of_the_first_part() -> None:
    text = ("Năm 2023, tỉnh có 1.150 người được bầu chọn là người có uy tín (trong đó nam "
            "1.100 người; nữ 50 người).")
    assert _figures(text) == [(1150.0, "người", "recognized"), (1100.0, "người", "recognized"),
                              (50.0, "người", "recognized")]


def test_a_figure_in_a_bracketed_aside_is_not_the_total_of_the_parts() -> None:
    text = ("Số người có uy tín được công nhận là 980 người (tăng 4 người so với năm trước), "
            "trong đó nam 900 người; nữ 80 người.")
    assert _figures(text) == [(980.0, "người", "recognized"), (4.0, "người", "other"),
                              (900.0, "người", "recognized"), (80.0, "người", "recognized")]


def test_a_semicolon_clause_with_its_own_verb_is_not_a_part() -> None:
    text = ("Huyện công nhận 40 mô hình, trong đó kinh tế 25 mô hình; các chi hội tiếp nhận "
            "12 suất quà.")
    assert _figures(text)[-1] == (12.0, "suất", "other")
