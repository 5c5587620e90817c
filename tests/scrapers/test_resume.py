"""A crawl killed with SIGKILL part-way resumes and ends with every article exactly once."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from scrapers.archive import iter_articles
from tests.scrapers.server import FixtureServer, Reply, page

COMMUNES = [
    ("Quảng Chu", 12), ("Yên Cư", 7), ("Thanh Mai", 9), ("Như Cố", 15), ("Bình Văn", 4),
    ("Cao Kỳ", 11), ("Hòa Mục", 6), ("Thanh Vận", 8), ("Mai Lạp", 5), ("Nông Hạ", 10),
]
ARTICLE_PAUSE = 0.25
WAIT_LIMIT = 30.0


def article_html(commune: str, models: int) -> str:
    return f"""<html><head><meta charset="utf-8"><title>Xã {commune} nhân rộng mô hình</title>
<meta property="article:published_time" content="2024-07-2{models % 9}T08:00:00+07:00"></head>
<body><article><h1>Xã {commune} nhân rộng mô hình dân vận khéo</h1>
<p>Năm 2024, xã {commune} có {models} mô hình “Dân vận khéo” được Ban Dân vận Huyện ủy công
nhận, tập trung vào phát triển kinh tế hộ gia đình và giữ gìn vệ sinh môi trường.</p>
<p>Cán bộ, đảng viên của xã {commune} đã đến từng thôn vận động bà con hiến đất, góp công
làm đường giao thông nông thôn.</p></article></body></html>"""


def resumable_site(server: FixtureServer) -> list[str]:
    paths = [f"/tin-tuc/xa-nhan-rong-mo-hinh-{6000 + number}.html"
             for number in range(len(COMMUNES))]
    links = "".join(f'<li><a href="{path}">Tin {number}</a></li>'
                    for number, path in enumerate(paths))
    server.routes["/robots.txt"] = Reply(status=404)
    server.routes["/tin-tuc"] = page(f"<html><body><ul>{links}</ul></body></html>")
    for path, (commune, models) in zip(paths, COMMUNES, strict=True):
        reply = page(article_html(commune, models))
        reply.pause = ARTICLE_PAUSE
        server.routes[path] = reply
    return paths


def usable_rows(archive: Path) -> int:
    try:
        with sqlite3.connect(f"file:{archive}?mode=ro", uri=True) as db:
            found = db.execute("SELECT count(*) FROM articles WHERE error IS NULL").fetchone()
    except sqlite3.Error:
        return 0
    return int(found[0])


def crawl_command(server: FixtureServer, archive: Path) -> list[str]:
    return [sys.executable, "-m", "danvan_nlp", "scrape", server.base + "/tin-tuc",
            "--archive", str(archive), "--delay", "0", "--timeout", "5", "--retries", "0"]


def kill_after(process: subprocess.Popen[bytes], archive: Path, rows: int) -> int:
    deadline = time.monotonic() + WAIT_LIMIT
    while usable_rows(archive) < rows and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    return usable_rows(archive)


def test_killed_crawl_resumes_with_each_article_once(server: FixtureServer,
                                                     tmp_path: Path) -> None:
    paths = resumable_site(server)
    archive = tmp_path / "tin.sqlite"
    process = subprocess.Popen(crawl_command(server, archive), stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    kept = kill_after(process, archive, rows=3)
    assert process.returncode == -signal.SIGKILL
    assert 3 <= kept < len(paths)
    done = subprocess.run(crawl_command(server, archive), capture_output=True, text=True,
                          timeout=WAIT_LIMIT, check=False)
    assert done.returncode == 0, done.stderr
    urls = [item["url"] for item in iter_articles(archive)]
    assert sorted(urls) == sorted(server.base + path for path in paths)
    refetched = sum(server.hits(path) for path in paths) - len(paths)
    assert refetched <= 1  # at most the page in flight when the crawl was killed
    assert f"unchanged {kept}" in done.stdout
