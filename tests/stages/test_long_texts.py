"""Long texts: extraction work grows in step with the text, not with its square.

No timing here: the work is counted as Python function calls (``sys.setprofile``), which
grow about twofold when the text doubles if no stage rescans the line, paragraph or
sentence for every figure. Every sentence here is written for the test.
"""

from collections.abc import Callable

import pytest

from danvan_nlp import extract
from danvan_nlp.records import Outcome
from tests.operation_counts import calls

SMALL_COPIES = 150
LINEAR_SLACK = 2.3  # doubling the text may cost this many times the calls (2.0 = linear)


def _sentences(count: int, separator: str) -> str:
    """``count`` figure sentences, each with its own value (no two merge)."""
    return "".join(f"Hội Nông dân xã đã vận động xây dựng {n} căn nhà{separator}"
                   for n in range(1, count + 1))




@pytest.mark.parametrize(
    "text_of",
    [
        lambda n: _sentences(n, ". "),  # one paragraph of short sentences
        lambda n: _sentences(n, ", "),  # one very long sentence
        lambda n: _sentences(n, ".\n"),  # one sentence a line
        lambda n: _sentences(n, '. "Mô hình số 7" được duy trì. '),  # quoted names between
        lambda n: "".join(f'Xã có mô hình "Phiên chợ {k} đồng" được duy trì, hỗ trợ {k} hộ. '
                          for k in range(n)),  # many models sharing most title words
        lambda n: "Toàn tỉnh công nhận 64 mô hình, cụ thể:\n" + "".join(
            f"- Thôn {k}: trong đó {k} hộ được hỗ trợ {k} triệu đồng;\n" for k in range(n)),
    ],
    ids=["full_stops", "commas", "lines", "quotes", "models", "bullets"],
)
def test_work_grows_linearly(text_of: Callable[[int], str]) -> None:
    extract(text_of(10))  # load lexicons and models before counting
    small = calls(lambda: extract(text_of(SMALL_COPIES)))
    double = calls(lambda: extract(text_of(2 * SMALL_COPIES)))
    assert double <= LINEAR_SLACK * small


@pytest.mark.parametrize("separator", [". ", ", "], ids=["full_stops", "commas"])
def test_long_text_keeps_every_figure(separator: str) -> None:
    count = 3000  # about 200 KB of text
    figures = extract(_sentences(count, separator)).figures
    assert sorted(figure.value for figure in figures) == list(range(1, count + 1))
    assert {figure.unit for figure in figures} == {"căn"}


def test_long_paragraph_reads_each_sentence_alone() -> None:
    figures = extract(_sentences(3000, ". ")).figures
    assert {figure.outcome for figure in figures} == {Outcome.IMPLEMENTED}


TEN_TIMES_SLACK = 13.0  # ten times the items may cost this many times the calls (10 = linear)
_FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi")
_GIVEN = ("Văn Khải", "Thị Mai", "Minh Tâm", "Quốc Toàn", "Thu Trang", "Văn Phúc", "Thị Hoa",
          "Đức Thắng")


def _model_list(count: int) -> str:
    """One sentence listing ``count`` figures joined by "và" (one list, one clause)."""
    items = " và ".join(f"{n} mô hình" for n in range(1, count + 1))
    return f"Năm nay, các xã đã xây dựng {items}."


def _name_list(count: int) -> str:
    """One sentence listing ``count`` people's names after a colon, split by commas."""
    names = ", ".join(f"{_FAMILY[k % 8]} {_GIVEN[(k // 8) % 8]}" for k in range(count))
    return f"Đến dự buổi gặp mặt có các đồng chí: {names}."


@pytest.mark.parametrize("text_of", [_model_list, _name_list], ids=["list_items", "names"])
def test_a_list_ten_times_longer_costs_ten_times_the_work(text_of: Callable[[int], str]) -> None:
    extract(text_of(10))  # load lexicons before counting
    small = calls(lambda: extract(text_of(200)))
    large = calls(lambda: extract(text_of(2000)))
    assert large <= TEN_TIMES_SLACK * small


def test_every_item_of_a_long_list_keeps_its_outcome() -> None:
    figures = extract(_model_list(2000)).figures
    assert sorted(figure.value for figure in figures) == list(range(1, 2001))
    assert {figure.outcome for figure in figures} == {Outcome.IMPLEMENTED}
