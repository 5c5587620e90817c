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
        ("!!! ??? 12345 67890", "no letters"),
        ("Short English note.", "Vietnamese"),
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


def test_decomposed_vietnamese_is_still_vietnamese() -> None:
    import unicodedata

    text = unicodedata.normalize("NFD", VIETNAMESE * 3 + " Đồng chí Lò Văn Pấng - Bí thư Huyện ủy.")
    article = extract(text)
    assert article.officials[0].name == unicodedata.normalize("NFD", "Lò Văn Pấng")
