"""A crawl killed with SIGKILL part-way resumes and ends with every article exactly once.

No timing is involved: the fixture site answers three articles, then holds the request
for the fourth until the test has killed the crawl, so the kill always lands mid-run,
with exactly three articles stored and one in flight."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from danvan_nlp.scrapers.archive import iter_articles
from tests.scrapers.server import FixtureServer, Gate, Reply, page

COMMUNES = [
    ("Quảng Chu", 12), ("Yên Cư", 7), ("Thanh Mai", 9), ("Như Cố", 15), ("Bình Văn", 4),
    ("Cao Kỳ", 11), ("Hòa Mục", 6), ("Thanh Vận", 8), ("Mai Lạp", 5), ("Nông Hạ", 10),
]
KEPT_BEFORE_KILL = 3  # articles answered before the crawl is held, then killed
RUN_LIMIT = 120.0  # guards against a hung resumed crawl; nothing is measured


def article_html(commune: str, models: int) -> str:
    return f"""<html><head><meta charset="utf-8"><title>Xã {commune} nhân rộng mô hình</title>
<meta property="article:published_time" content="2024-07-2{models % 9}T08:00:00+07:00"></head>
<body><article><h1>Xã {commune} nhân rộng mô hình dân vận khéo</h1>
<p>Năm 2024, xã {commune} có {models} mô hình “Dân vận khéo” được Ban Dân vận Huyện ủy công
nhận, tập trung vào phát triển kinh tế hộ gia đình và giữ gìn vệ sinh môi trường.</p>
<p>Cán bộ, đảng viên của xã {commune} đã đến từng thôn vận động bà con hiến đất, góp công
làm đường giao thông nông thôn.</p></article></body></html>"""


def resumable_site(server: FixtureServer, gate: Gate) -> list[str]:
    paths = [f"/tin-tuc/xa-nhan-rong-mo-hinh-{6000 + number}.html"
             for number in range(len(COMMUNES))]
    links = "".join(f'<li><a href="{path}">Tin {number}</a></li>'
                    for number, path in enumerate(paths))
    server.routes["/robots.txt"] = Reply(status=404)
    server.routes["/tin-tuc"] = page(f"<html><body><ul>{links}</ul></body></html>")
    for path, (commune, models) in zip(paths, COMMUNES, strict=True):
        server.routes[path] = gate.guard(page(article_html(commune, models)))
    return paths


def stored_urls(archive: Path) -> set[str]:
    """URLs of the rows stored without error (read-only, as the killed crawl left them)."""
    with closing(sqlite3.connect(f"file:{archive}?mode=ro", uri=True)) as db:
        rows = db.execute("SELECT url FROM articles WHERE error IS NULL").fetchall()
    return {url for (url,) in rows}


def crawl_command(server: FixtureServer, archive: Path) -> list[str]:
    return [sys.executable, "-m", "danvan_nlp", "scrape", server.base + "/tin-tuc",
            "--archive", str(archive), "--delay", "0", "--timeout", "30", "--retries", "0"]


def kill_when_held(process: subprocess.Popen[bytes], gate: Gate, log: Path) -> None:
    """SIGKILL the crawl once the site holds its request for the next article."""
    try:
        while not gate.held.wait(0.1):  # polls only to notice a crawl that ended early
            if process.poll() is not None:
                pytest.fail(f"the crawl ended ({process.returncode}) before it was held: "
                            f"{log.read_text(encoding='utf-8')}")
        process.send_signal(signal.SIGKILL)
        process.wait()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        gate.release()


def test_killed_crawl_resumes_with_each_article_once(server: FixtureServer,
                                                     tmp_path: Path) -> None:
    gate = Gate(passes=KEPT_BEFORE_KILL)
    paths = resumable_site(server, gate)
    archive, log = tmp_path / "tin.sqlite", tmp_path / "crawl.log"
    with log.open("wb") as errors:
        process = subprocess.Popen(crawl_command(server, archive), stdout=subprocess.DEVNULL,
                                   stderr=errors)
        kill_when_held(process, gate, log)
    assert process.returncode == -signal.SIGKILL
    kept = stored_urls(archive)
    in_flight = [path for path in paths if server.hits(path) and server.base + path not in kept]
    assert (len(kept), len(in_flight)) == (KEPT_BEFORE_KILL, 1)
    done = subprocess.run(crawl_command(server, archive), capture_output=True, text=True,
                          timeout=RUN_LIMIT, check=False)
    assert done.returncode == 0, done.stderr
    urls = [item["url"] for item in iter_articles(archive)]
    assert sorted(urls) == sorted(server.base + path for path in paths)
    assert {path: server.hits(path) for path in paths} == {
        path: 2 if path in in_flight else 1 for path in paths}  # only the one in flight again
    assert f"new {len(paths) - KEPT_BEFORE_KILL}, unchanged {KEPT_BEFORE_KILL}," in done.stdout
