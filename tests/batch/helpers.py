"""Small literal articles and writers for the three batch sources, shared by the tests."""

from __future__ import annotations

import gzip
import json
import os
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

from danvan_nlp.article import Article
from danvan_nlp.deadline import current_deadline
from danvan_nlp.pipeline import extract

ARTICLES: list[dict[str, Any]] = [
    {
        "url": "https://example.vn/dan-van-kheo-xa-nam-cuong",
        "title": "Xã Nam Cường nhân rộng mô hình Dân vận khéo",
        "published": "2024-05-12", "source": "baobackan.vn", "site": "baobackan",
        "text": (
            "Xã Nam Cường nhân rộng mô hình Dân vận khéo\n\n"
            "Năm 2023, toàn xã đã đăng ký thực hiện hơn 25 mô hình \"Dân vận khéo\" trên "
            "các lĩnh vực. Đồng chí Nguyễn Văn Hùng, Bí thư Đảng ủy xã cho biết nhân dân "
            "đã tự nguyện hiến 3.500 m2 đất để mở rộng đường giao thông nông thôn, đóng góp "
            "gần 1,2 tỷ đồng và hơn 800 ngày công lao động. Tiêu biểu là mô hình "
            "\"Đường hoa tự quản\" của Chi hội Phụ nữ thôn Nà Ngằn, giúp đường làng "
            "sáng, xanh, sạch, đẹp."
        ),
    },
    {
        "url": "https://example.vn/huyen-ba-be-tong-ket",
        "title": "Ba Bể tổng kết phong trào thi đua",
        "published": "2024-06-03", "source": "baobackan.vn", "site": "baobackan",
        "text": (
            "Ba Bể tổng kết phong trào thi đua Dân vận khéo\n\n"
            "Theo Kế hoạch số 15-KH/HU ngày 10/3/2021 của Huyện ủy, các cơ quan, đơn vị "
            "đã xây dựng 120 mô hình, trong đó 45 mô hình được công nhận. Bà Hoàng Thị Lan, "
            "Trưởng Ban Dân vận Huyện ủy đề nghị khen thưởng 12 tập thể và 20 cá nhân có "
            "thành tích xuất sắc."
        ),
    },
    {
        "url": "https://example.vn/doan-thanh-nien-ra-quan",
        "title": "Đoàn thanh niên ra quân làm đường",
        "published": "2024-07-21", "source": "thainguyen.dcs.vn", "site": "thainguyen",
        "text": (
            "Đoàn thanh niên ra quân làm đường\n\n"
            "Sáng 20/7, Huyện đoàn Đại Từ ra quân bê tông hóa 2 km đường liên thôn. "
            "Hơn 300 đoàn viên tham gia, vận động được khoảng 150 triệu đồng từ các nhà "
            "hảo tâm. Anh Trần Minh Đức, Bí thư Huyện đoàn phát biểu tại buổi lễ."
        ),
    },
]

NOT_VIETNAMESE = {
    "url": "https://example.vn/english-page",
    "title": "An English page", "published": "2024-01-01", "source": "example.vn",
    "site": "example",
    "text": (
        "This page was written in English and has nothing to do with the provincial news "
        "that the extractor reads. It goes on for a while so that the language check has "
        "enough letters to decide, and it mentions no mobilisation work at all, only the "
        "weather, the football results and a recipe for bread with butter and jam."
    ),
}


def many_articles(count: int) -> list[dict[str, Any]]:
    """``count`` articles: the literal ones again and again under new URLs."""
    return [
        {**ARTICLES[index % len(ARTICLES)],
         "url": f"{ARTICLES[index % len(ARTICLES)]['url']}-{index}"}
        for index in range(count)
    ]


def write_jsonl(path: Path, records: list[dict[str, Any]], extra_lines: tuple[str, ...] = ()
                ) -> Path:
    """A ``danvan archive export`` style JSONL file (gzip when the name ends in .gz)."""
    lines = [json.dumps(record, ensure_ascii=False) for record in records] + list(extra_lines)
    data = ("\n".join(lines) + "\n").encode("utf-8")
    path.write_bytes(gzip.compress(data) if path.name.endswith(".gz") else data)
    return path


ARCHIVE_SCHEMA = """
CREATE TABLE articles (
    url TEXT PRIMARY KEY, site TEXT, status INTEGER, fetched_at TEXT, title TEXT,
    lead TEXT, text TEXT, published TEXT, author TEXT, source TEXT, content_hash TEXT,
    raw_html BLOB, error TEXT, etag TEXT, last_modified TEXT
)
"""


def write_sqlite(path: Path, records: list[dict[str, Any]]) -> Path:
    """An archive with the scraper's schema; also one failed fetch and one row without text."""
    with sqlite3.connect(path) as connection:
        connection.execute(ARCHIVE_SCHEMA)
        for record in records:
            connection.execute(
                "INSERT INTO articles (url, site, status, title, text, published, source) "
                "VALUES (?, ?, 200, ?, ?, ?, ?)",
                (record["url"], record["site"], record["title"], record["text"],
                 record["published"] + "T08:00:00+07:00", record["source"]),
            )
        connection.execute("INSERT INTO articles (url, status, error) VALUES "
                           "('https://example.vn/het-thoi-gian', 0, 'timeout')")
        connection.execute("INSERT INTO articles (url, status, text) VALUES "
                           "('https://example.vn/chua-tai', 200, NULL)")
    return path


def write_folder(folder: Path, records: list[dict[str, Any]]) -> Path:
    """One ``.txt`` per article."""
    folder.mkdir(parents=True, exist_ok=True)
    for index, record in enumerate(records):
        (folder / f"bai-{index:03d}.txt").write_text(record["text"], encoding="utf-8")
    return folder


def read_lines(path: Path) -> list[dict[str, Any]]:
    """The JSON lines of a result file."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


GATE_FD_ENV = "DANVAN_TEST_GATE_FD"
GATE_AFTER_ENV = "DANVAN_TEST_GATE_AFTER"
_extracted_here = 0


def gated_extract(text: str, **options: Any) -> Article:
    """:func:`extract`, until ``$DANVAN_TEST_GATE_AFTER`` articles are done: then it writes
    one byte to the pipe ``$DANVAN_TEST_GATE_FD`` and waits for ever, so a test knows the run
    is mid-way when it kills it (one worker: every article passes through this process)."""
    global _extracted_here
    if _extracted_here == int(os.environ[GATE_AFTER_ENV]):
        os.write(int(os.environ[GATE_FD_ENV]), b"!")
        threading.Event().wait()
    _extracted_here += 1
    return extract(text, **options)


def broken_extract(text: str, **options: Any) -> Article:
    """An extractor whose installation is broken: every article fails."""
    raise RuntimeError("lexicon file missing")


def picky_extract(text: str, **options: Any) -> Article:
    """An extractor with a bug that only one of the literal articles triggers."""
    if "Ba Bể" in text:
        raise KeyError("Ba Bể")
    return extract(text, **options)


def stuck_extract(text: str, **options: Any) -> Article:
    """An extractor that never ends on one of the literal articles (as a runaway regex would)."""
    while "Ba Bể" in text:
        time.sleep(0.01)
    return extract(text, **options)


_warmed = False


def warm_up() -> None:
    """Extract once without a time limit (lexicons and model load), once per process."""
    global _warmed
    if not _warmed:
        extract(ARTICLES[0]["text"], time_limit=None)
        _warmed = True


def stall_until_deadline(article: Article) -> None:
    """A stage that is slow on purpose: it returns only once the extraction's time is up."""
    deadline = current_deadline()
    assert deadline is not None, "stall_until_deadline needs a time limit"
    while not deadline.expired():
        time.sleep(0.01)


def stalling_extract(text: str, **options: Any) -> Article:
    """:func:`extract`, but the article on Ba Bể gets only :func:`stall_until_deadline` as
    its stage (module-level, so Dask workers can import it). The first call in a process
    extracts once without a limit, so loading lexicons and the model does not count."""
    warm_up()
    if "Ba Bể" in text:
        return extract(text, stages=[stall_until_deadline], **options)
    return extract(text, **options)
