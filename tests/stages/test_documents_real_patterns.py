"""Documents as real pages cite them (issue 8), in our own sentences."""

from danvan_nlp import extract


def test_a_bare_number_with_a_letter_after_it() -> None:
    article = extract("Xã nằm trong vùng được hưởng Nghị quyết 30a của Chính phủ.")
    assert [(d.code, d.kind) for d in article.documents] == [("30a", "Nghị quyết")]


def test_a_bare_number_before_a_word_is_still_read() -> None:
    article = extract("Thực hiện Nghị quyết 57 của Bộ Chính trị, tỉnh đã làm nhiều việc.")
    assert [(d.code, d.kind) for d in article.documents] == [("57", "Nghị quyết")]
