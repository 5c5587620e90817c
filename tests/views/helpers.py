"""Helpers of the view tests: the marks of a page, grouped by the fact they belong to."""

from __future__ import annotations

from collections import defaultdict
from importlib import resources

from bs4 import BeautifulSoup

SAMPLE = resources.files("danvan_nlp.data.sample").joinpath(
    "backan-2024-07-23-dan-van-kheo.txt").read_text(encoding="utf-8")


def marked_pieces(html: str) -> dict[str, str]:
    """Fact id -> the text of its marks joined in document order (innermost text only once)."""
    soup = BeautifulSoup(html, "lxml")
    pieces: dict[str, list[str]] = defaultdict(list)
    for mark in soup.select("div.text mark"):
        pieces[str(mark["data-fact"])].append(mark.get_text())
    return {fact: "".join(parts) for fact, parts in pieces.items()}
MODELS_TEXT = ("Thứ Hai, 3/6/2024\nCao Bằng nhân rộng mô hình dân vận khéo\nNăm 2024, xã Đức Long "
               "xây dựng mô hình \"Tổ tự quản an ninh trật tự bản biên giới\", giúp giữ vững an "
               "ninh. Hội Phụ nữ xã duy trì mô hình \"Nuôi lợn đen tăng thu nhập\" với 35 hộ "
               "tham gia.\n")
