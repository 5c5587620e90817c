"""Long texts: extraction work grows in step with the text, not with its square.

No timing here: the work is counted as Python function calls (``sys.setprofile``), which
grow about twofold when the text doubles if no stage rescans the line, paragraph or
sentence for every figure. Every sentence here is written for the test.
"""

import sys
from collections.abc import Callable
from types import FrameType
from typing import Any

import pytest

from danvan_nlp import extract
from danvan_nlp.records import Outcome

SMALL_COPIES = 150
LINEAR_SLACK = 2.3  # doubling the text may cost this many times the calls (2.0 = linear)


def _sentences(count: int, separator: str) -> str:
    """``count`` figure sentences, each with its own value (no two merge)."""
    return "".join(f"Hội Nông dân xã đã vận động xây dựng {n} căn nhà{separator}"
                   for n in range(1, count + 1))


def _calls(run: Callable[[], Any]) -> int:
    count = 0

    def counter(_frame: FrameType, event: str, _arg: object) -> None:
        nonlocal count
        count += event in ("call", "c_call")

    sys.setprofile(counter)
    try:
        run()
    finally:
        sys.setprofile(None)
    return count


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
    small = _calls(lambda: extract(text_of(SMALL_COPIES)))
    double = _calls(lambda: extract(text_of(2 * SMALL_COPIES)))
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
