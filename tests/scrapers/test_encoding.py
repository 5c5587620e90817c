"""Decoding pages: BOM, HTTP charset, meta charset, detection; NFC text in the end."""

from __future__ import annotations

import unicodedata

import pytest

from danvan_nlp.scrapers.encoding import decode_page
from danvan_nlp.scrapers.fetch import FetchConfig, Fetcher
from tests.scrapers.server import FixtureServer, Reply

SENTENCE = "Đồng chí Trưởng Ban Dân vận Tỉnh ủy biểu dương 19 tập thể tiêu biểu."
TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def windows_1258(text: str) -> bytes:
    """Text as a windows-1258 page spells it: base letters plus combining tone marks."""
    encoded = bytearray()
    for char in text:
        try:
            encoded += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", char)
        tones = "".join(mark for mark in parts if mark in TONE_MARKS)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONE_MARKS))
        encoded += (base + tones).encode("cp1258")
    return bytes(encoded)


def html(charset_meta: str = "") -> str:
    head = f"<head>{charset_meta}<title>Tin</title></head>"
    return f"<html>{head}<body><p>{SENTENCE}</p></body></html>"


@pytest.mark.parametrize(("body", "content_type", "encoding"), [
    (html().encode("utf-8"), "text/html; charset=utf-8", "utf-8"),
    (windows_1258(html()), "text/html; charset=windows-1258", "cp1258"),
    (windows_1258(html('<meta charset="windows-1258">')), "text/html", "cp1258"),
    (windows_1258(html('<meta http-equiv="Content-Type" content="text/html; '
                       'charset=windows-1258">')), None, "cp1258"),
    (html().encode("utf-16"), "text/html; charset=utf-16", "utf-16"),
    (html().encode("utf-16"), "text/html", "utf-16"),                  # the BOM says so
    (b"\xef\xbb\xbf" + html().encode("utf-8"), "text/html", "utf-8-sig"),
    (html().encode("utf-8"), "text/html; charset=x-unknown-label", "utf-8"),  # detected
])
def test_decode_page(body: bytes, content_type: str | None, encoding: str) -> None:
    text, used = decode_page(body, content_type)
    assert used == encoding
    assert SENTENCE in text
    assert unicodedata.is_normalized("NFC", text)


def test_windows_1258_really_uses_combining_marks() -> None:
    raw = windows_1258(SENTENCE).decode("cp1258")
    assert not unicodedata.is_normalized("NFC", raw)


@pytest.mark.parametrize(("body", "content_type"), [
    (windows_1258(html()), "text/html; charset=windows-1258"),
    (html().encode("utf-16-le"), "text/html; charset=utf-16le"),
])
def test_fetched_page_in_another_charset(server: FixtureServer, body: bytes,
                                         content_type: str) -> None:
    server.routes["/trang"] = Reply(body=body, headers={"Content-Type": content_type})
    fetcher = Fetcher(FetchConfig(delay=0, timeout=1, retries=0), {"127.0.0.1"})
    assert SENTENCE in fetcher.get(server.base + "/trang").text()
