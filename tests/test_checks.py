"""Input checks: clear errors for text that cannot be an article."""

import pytest

from danvan_nlp import InputError, extract

VIETNAMESE = "Hội nghị triển khai phong trào “Dân vận khéo” được tổ chức tại tỉnh Bắc Kạn. " * 5


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("   \n\t ", "empty"),
        ("\x00\x01\x02binary" * 50, "binary"),
        ("Hội nghá»‹ triá»ƒn khai phong trÃ o DÃ¢n váº­n khÃ©o " * 20, "mis-decoded"),
        ("The provincial committee held a meeting on mass mobilisation. " * 10, "Vietnamese"),
        (VIETNAMESE * 10_000, "characters"),
    ],
)
def test_bad_text_raises_a_clear_input_error(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        extract(text)


def test_short_text_is_accepted_without_language_verdict() -> None:
    article = extract("Đồng chí Nguyễn Văn An - Bí thư Huyện ủy")
    assert article.officials[0].name == "Nguyễn Văn An"


def test_max_chars_can_be_raised() -> None:
    article = extract(VIETNAMESE * 10, max_chars=10_000_000)
    assert article.province == "Bắc Kạn"
