"""Article extraction from fixture pages shaped like each site's real pages."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from danvan_nlp.scrapers.extract import TRAFILATURA, ExtractedArticle, extract_article
from danvan_nlp.scrapers.sites import load_sites

FIXTURES = Path(__file__).parent / "fixtures"
SITES = load_sites()
URL = "http://127.0.0.1/bai-viet"


def extract(name: str, site: str) -> ExtractedArticle:
    html = (FIXTURES / name).read_text(encoding="utf-8")
    return extract_article(html, URL, SITES[site])


@pytest.mark.parametrize(("name", "site", "title", "published", "author", "source"), [
    ("baobackan/bbk-101.html", "baobackan", "Chợ Mới: Dân vận khéo ở Na Rì", "2024-07-20",
     "Hà Linh", "baobackan.vn"),
    ("baobackan/bbk-104.html", "baobackan", "Pác Nặm giảm nghèo bền vững nhờ dân vận",
     "2023-12-05", "Hoàng Nam", "baobackan.vn"),
    ("danvan/dv-30001.html", "danvan", "Bắc Kạn: Hội nghị triển khai phong trào “Dân vận khéo”",
     "2024-07-23", None, "baobackan.org.vn"),
    ("danvan/dv-30002.html", "danvan", "Cao Bằng biểu dương mô hình dân vận khéo",
     "2024-05-15", None, "Báo Cao Bằng"),
    ("danvan/dv-30003.html", "danvan", "Lạng Sơn đẩy mạnh dân vận chính quyền",
     "2024-05-10", None, "baolangson.vn"),
    ("generic/a-5001.html", "generic", "Thái Nguyên ra mắt mô hình dân vận khéo",
     "2024-07-24", "Phóng viên Thanh Hà", "127.0.0.1"),
])
def test_fields(name: str, site: str, title: str, published: str, author: str | None,
                source: str) -> None:
    article = extract(name, site)
    assert (article.title, article.published, article.author, article.source) == (
        title, published, author, source)


@pytest.mark.parametrize(("name", "site", "starts", "contains", "absent"), [
    ("baobackan/bbk-101.html", "baobackan",
     "Năm 2024, huyện Chợ Mới có 42 mô hình",
     ["tổng diện tích hơn 3.000 m2", "Quang cảnh buổi làm việc"],
     ["BBK -", "0:00 / 0:00", "Tin liên quan", "Một tin khác", "Cơ quan chủ quản", "Dân vận\n"]),
    ("danvan/dv-30001.html", "danvan",
     "Ngày 22/7, Ban Dân vận Tỉnh ủy Bắc Kạn",
     ["900 mô hình được công nhận", "Phan Thị Na, Phó Trưởng Ban Dân vận Tỉnh ủy"],
     ["Thứ Ba", "(baobackan.org.vn)", "Gửi cho bạn bè", "Phản hồi", "Xem nhiều nhất",
      "Các tin khác"]),
    ("danvan/dv-30002.html", "danvan",
     "Tỉnh Cao Bằng biểu dương 35 tập thể",
     ["bản sắc văn hóa dân tộc"],
     ["Theo Báo Cao Bằng", "Lạng Sơn đẩy mạnh", "Thứ Tư"]),
    ("danvan/dv-30003.html", "danvan",
     "Năm 2024, Ủy ban nhân dân tỉnh Lạng Sơn",
     ["120 cuộc đối thoại trực tiếp"],
     ["Trang chủ", "Xem nhiều nhất", "(baolangson.vn)"]),
    ("generic/a-5002.html", "generic",
     "Người dân thôn Khuôn Khích đã hiến hơn 2.500 m2",
     ["rộng 5 m"],
     ["Trang chủ", "Một tin khác", "Bản quyền"]),
])
def test_text(name: str, site: str, starts: str, contains: list[str], absent: list[str]) -> None:
    article = extract(name, site)
    text = article.text or ""
    title, first = text.split("\n\n")[:2]
    assert title == article.title and text.count(title) == 1
    assert first.startswith(starts)
    assert all(part in text for part in contains)
    assert not [part for part in absent if part in text]
    assert unicodedata.is_normalized("NFC", text)


def test_lead_is_kept_once_without_dateline() -> None:
    article = extract("baobackan/bbk-102.html", "baobackan")
    assert article.lead == ("Sáu tháng đầu năm, Chợ Đồn vận động Nhân dân đóng góp hơn "
                            "1,2 tỷ đồng xây dựng nông thôn mới.")
    assert (article.text or "").count("Sáu tháng đầu năm") == 1


@pytest.mark.parametrize(("name", "site", "field", "how"), [
    ("baobackan/bbk-101.html", "baobackan", "body", "div.article__body.cms-body"),
    ("baobackan/bbk-101.html", "baobackan", "date", ".article__meta time[datetime]@datetime"),
    ("danvan/dv-30001.html", "danvan", "date", "text:date line"),
    ("danvan/dv-30003.html", "danvan", "body", TRAFILATURA),
    ("generic/a-5001.html", "generic", "body", TRAFILATURA),
])
def test_how_each_field_was_found(name: str, site: str, field: str, how: str) -> None:
    assert extract(name, site).how[field] == how


@pytest.mark.parametrize("html", [
    "",
    "<html><body></body></html>",
    "<html><body><div class='article__body cms-body'><p>Bài viết bị cắt giữa chừng",
])
def test_empty_or_truncated_pages_do_not_crash(html: str) -> None:
    article = extract_article(html, URL, SITES["baobackan"])
    assert article.text is None or article.text.endswith("Bài viết bị cắt giữa chừng")
