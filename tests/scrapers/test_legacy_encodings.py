"""Older provincial pages: windows-1258, TCVN3 (ABC) and VNI, as bytes or re-saved as UTF-8,
come out as Unicode NFC; what still looks mis-decoded is refused, never stored."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from danvan_nlp import InputError, extract
from danvan_nlp.cli import main
from danvan_nlp.scrapers.archive import iter_articles
from danvan_nlp.scrapers.encoding import decode_page, misdecoding
from danvan_nlp.scrapers.legacy import tcvn3_table, vni_table
from tests.scrapers.server import FixtureServer, Reply
from tests.scrapers.test_encoding import windows_1258

TEXT = ("Đảng bộ huyện Na Rì phát động phong trào dân vận khéo, người dân hiến 3.200 mét vuông "
        "đất làm đường liên thôn. Ông Hoàng Văn Quyết, Bí thư chi bộ, cho biết những tuyến "
        "đường mới giúp trẻ em đến trường an toàn hơn, bà con phấn khởi góp công sức.")
LATIN1 = "text/html; charset=iso-8859-1"


def to_tcvn3(text: str) -> bytes:
    reverse = {letter: code for code, letter in tcvn3_table().items()}
    return bytes(reverse.get(char, ord(char)) for char in text)


def to_vni(text: str) -> bytes:
    reverse = {letter: sequence for sequence, letter in vni_table().items()}
    reverse.update({"í": "í", "ì": "ì", "Í": "Í", "Ì": "Ì"})
    return "".join(reverse.get(char, char) for char in text).encode("latin-1")


def html(body: bytes, font: str = "") -> bytes:
    style = f"<style>p {{font-family: '{font}'}}</style>".encode() if font else b""
    return b"<html><head><title>Tin</title>" + style + b"</head><body><p>" + body + \
        b"</p></body></html>"


def test_the_helpers_really_make_legacy_bytes() -> None:
    assert to_tcvn3("Việt Nam") == b"Vi\xd6t Nam"
    assert to_vni("Việt Nam") == b"Vie\xe4t Nam"
    assert to_vni("người") == "ngöôøi".encode("latin-1")


@pytest.mark.parametrize(("body", "content_type", "encoding"), [
    (html(to_tcvn3(TEXT), ".VnTime"), LATIN1, "tcvn3"),
    (html(to_tcvn3(TEXT)), LATIN1, "tcvn3"),                      # by its bytes alone
    (html(to_tcvn3(TEXT)), None, "tcvn3"),
    (html(to_vni(TEXT), "VNI-Times"), "text/html; charset=windows-1252", "vni"),
    (html(to_vni(TEXT)), LATIN1, "vni"),                          # by its bytes alone
    (html(to_vni(TEXT)), None, "vni"),
    (html(windows_1258(TEXT)), None, "cp1258"),
    (html(windows_1258(TEXT)), LATIN1, "cp1258"),
    (html(windows_1258(TEXT)), "text/html; charset=utf-8", "cp1258"),  # a header that lies
])
def test_legacy_pages_become_unicode(body: bytes, content_type: str | None,
                                     encoding: str) -> None:
    text, used = decode_page(body, content_type)
    assert used == encoding
    assert TEXT in text and unicodedata.is_normalized("NFC", text)
    assert misdecoding(text) is None


def test_a_utf8_header_over_windows_1258_loses_no_character() -> None:
    body = html(windows_1258(TEXT))
    text, _ = decode_page(body, "text/html; charset=utf-8")
    assert "\ufffd" not in text
    assert sum(1 for char in text if not char.isascii()) == \
        sum(1 for char in TEXT if not char.isascii())


@pytest.mark.parametrize(("saved", "encoding"), [
    (to_vni(TEXT).decode("latin-1"), "utf-8+vni"),
    (to_tcvn3(TEXT).decode("latin-1"), "utf-8+tcvn3"),
])
def test_legacy_text_re_saved_as_utf8_is_converted(saved: str, encoding: str) -> None:
    text, used = decode_page(html(saved.encode("utf-8")), "text/html; charset=utf-8")
    assert (used, TEXT in text) == (encoding, True)


def test_unicode_vietnamese_and_foreign_names_are_left_alone() -> None:
    page = f"<p>{TEXT} Đoàn khách gồm ông Müller, bà Peña và ông Søren.</p>".encode()
    text, used = decode_page(page, "text/html; charset=utf-8")
    assert used == "utf-8" and "Müller, bà Peña và ông Søren" in text


@pytest.mark.parametrize("garbage", [
    TEXT.encode("utf-8").decode("cp1252", errors="replace"),      # UTF-8 read as cp1252
    TEXT.replace("ư", "\ufffd").replace("ế", "\ufffd"),           # lossy decode upstream
    TEXT.encode("utf-8").decode("cp1250", errors="replace"),      # cp1250 garbage
])
def test_text_that_still_looks_misdecoded_is_named(garbage: str) -> None:
    assert misdecoding(garbage) is not None
    assert misdecoding(TEXT) is None


def serve_and_crawl(server: FixtureServer, body: bytes, content_type: str,
                    archive: Path) -> int:
    server.routes["/robots.txt"] = Reply(status=404)
    server.routes["/na-ri-dan-van-kheo-post12345.html"] = Reply(
        body=body, headers={"Content-Type": content_type})
    return main(["scrape", server.base + "/na-ri-dan-van-kheo-post12345.html", "--site",
                 "baobackan", "--archive", str(archive), "--delay", "0", "--retries", "0"])


def article_page(body: bytes, font: str = "") -> bytes:
    style = f"<style>p {{font-family: '{font}'}}</style>".encode() if font else b""
    return (b"<html><head><title>Na R\xec</title>" + style + b"</head><body>"
            b"<h1 class='article__title'>Na R\xec</h1><div class='article__body cms-body'><p>"
            + body + b"</p><p>" + body + b"</p></div></body></html>")


@pytest.mark.parametrize(("body", "font"), [
    (to_tcvn3(TEXT), ".VnTime"), (to_vni(TEXT), "VNI-Times"), (to_vni(TEXT), "")])
def test_crawl_stores_legacy_pages_as_unicode(server: FixtureServer, tmp_path: Path,
                                              body: bytes, font: str) -> None:
    archive = tmp_path / "tin.sqlite"
    assert serve_and_crawl(server, article_page(body, font), LATIN1, archive) == 0
    stored = list(iter_articles(archive))
    assert len(stored) == 1 and TEXT in stored[0]["text"]


def test_crawl_refuses_a_misdecoded_page_and_stores_no_text(
        server: FixtureServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    garbage = TEXT.encode("utf-8").decode("cp1252", errors="replace").encode("utf-8")
    archive = tmp_path / "tin.sqlite"
    status = serve_and_crawl(server, article_page(garbage), "text/html; charset=utf-8", archive)
    assert status == 1 and "looks mis-decoded" in capsys.readouterr().err
    assert list(iter_articles(archive)) == []


def test_extract_refuses_vni_saved_as_unicode() -> None:
    vni_text = to_vni(TEXT + " " + TEXT).decode("latin-1")
    with pytest.raises(InputError, match="VNI-encoded Vietnamese saved as Unicode"):
        extract(vni_text)
    assert extract(TEXT) is not None
