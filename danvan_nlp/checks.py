"""Input checks run before extraction: say clearly what is wrong with a text."""

from __future__ import annotations

import re
import unicodedata

from danvan_nlp.errors import InputError

MAX_CHARS = 2_000_000
_SHORT_TEXT_LETTERS = 200  # below this, one Vietnamese letter is enough
_CONTROLS = tuple(chr(code) for code in range(32) if chr(code) not in "\n\r\t\f\v")
_VIETNAMESE_ONLY = set(
    "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"
    "ĂÂĐÊÔƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ"
)
_CONTROL_CHARACTERS = re.compile("[" + re.escape("".join(_CONTROLS)) + "]")
_VIETNAMESE_LETTERS = re.compile(  # the letters of _VIETNAMESE_ONLY, counted in one pass
    "[" + "".join(sorted(c for c in _VIETNAMESE_ONLY if c.isalpha())) + "]")
_MOJIBAKE = re.compile(
    r"""
    Ã[\x80-\xbf¡-¿]      # UTF-8 lead byte C3 read as Latin-1/cp1252
    | á»|áº             # E1 BB / E1 BA: Vietnamese letters read as cp1252
    | Ä['\x91\x90‘]      # C4 91/90: đ/Đ read as cp1252
    | \ufffd             # replacement character left by a lossy decode
    """,
    re.VERBOSE,
)
_VNI_AS_UNICODE = re.compile(
    r"""
    [aeouyAEOUYôöÔÖ] [øûïåäüëØÛÏÅÄÜË]    # a VNI mark byte (no Vietnamese letter) after a vowel
    | [ñÑ] (?=[aeiouyâêôöAEIOUYÂÊÔÖ])   # VNI's đ (ñ) before a vowel
    """,
    re.VERBOSE,
)


def check_text(text: str, *, max_chars: int = MAX_CHARS) -> None:
    """Raise :class:`InputError` when ``text`` cannot be a Vietnamese news article."""
    if not text.strip():
        raise InputError("the text is empty: give the article's text (UTF-8)")
    if len(text) > max_chars:
        raise InputError(
            f"the text has {len(text):,} characters, over the limit of {max_chars:,}: "
            "an article is rarely over 200,000; split the file into articles "
            "(or pass max_chars= to extract())"
        )
    _check_binary(text)
    _check_mojibake(text)
    _check_vni(text)
    _check_language(text)


def _check_binary(text: str) -> None:
    sample = text[:20_000]
    controls = len(_CONTROL_CHARACTERS.findall(sample))  # one scan for all of them
    if "\x00" in sample or controls > len(sample) * 0.01:
        raise InputError("the input looks binary, not text: give a UTF-8 text file")


def _check_mojibake(text: str) -> None:
    _refuse_when_frequent(_MOJIBAKE, text, (
        "the text looks mis-decoded (mojibake such as 'Ã' or 'á»'): it was probably "
        "UTF-8 read as Latin-1 or cp1252; re-save the file as UTF-8"))


def _check_vni(text: str) -> None:
    _refuse_when_frequent(_VNI_AS_UNICODE, text, (
        "the text looks like VNI-encoded Vietnamese saved as Unicode ('Vieät Nam' for "
        "'Việt Nam'): convert it to Unicode first (danvan scrape converts such pages)"))


def _refuse_when_frequent(signature: re.Pattern[str], text: str, message: str) -> None:
    """InputError when ``signature`` (a mis-decoding's tell-tale) is frequent in the text's
    first 20,000 characters: at least 5 times and in over 0.2 % of them."""
    sample = text[:20_000]
    hits = len(signature.findall(sample))
    if hits >= 5 and hits > len(sample) * 0.002:
        raise InputError(message)


def _check_language(text: str) -> None:
    """Vietnamese letters must make up a fair share (any share at all in a short text)."""
    sample = unicodedata.normalize("NFC", text[:20_000])
    letters = sum(map(str.isalpha, sample))
    if not letters:
        raise InputError("the text has no letters at all: give the article's text")
    share = len(_VIETNAMESE_LETTERS.findall(sample)) / letters
    if share < (0.03 if letters >= _SHORT_TEXT_LETTERS else 1e-9):
        raise InputError(
            "the text does not look Vietnamese (almost no Vietnamese letters such as "
            "'ư', 'đ', 'ạ'): danvan extracts from Vietnamese news only"
        )
