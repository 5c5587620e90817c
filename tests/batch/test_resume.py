"""Killing a run part-way loses nothing, and the rerun does every article exactly once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from danvan_nlp.batch.runner import run_batch
from danvan_nlp.batch.sources import article_id
from tests.batch.helpers import many_articles, read_lines, write_jsonl

REPO = Path(__file__).resolve().parents[2]
COUNT = 40
KILL_AFTER_LINES = 4

RUN_SLOWLY = """
import sys
from danvan_nlp.batch.runner import run_batch
from tests.batch.helpers import slow_extract
run_batch(sys.argv[1], sys.argv[2], workers=2, chunk_size=2, extract_fn=slow_extract,
          progress=False)
"""


def _lines_in(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


def _start_and_kill(source: Path, out: Path) -> None:
    """Start a slow run in its own process group; kill the group once some lines are in."""
    run = subprocess.Popen([sys.executable, "-c", RUN_SLOWLY, str(source), str(out)],
                           cwd=REPO, start_new_session=True)
    try:
        while _lines_in(out) < KILL_AFTER_LINES and run.poll() is None:
            time.sleep(0.02)
    finally:
        os.killpg(run.pid, signal.SIGKILL)
        run.wait()


def test_a_killed_run_resumes_and_does_every_article_once(tmp_path: Path) -> None:
    records = many_articles(COUNT)
    source = write_jsonl(tmp_path / "a.jsonl", records)
    out = tmp_path / "result.jsonl"
    _start_and_kill(source, out)
    written = out.read_bytes()
    written = written[: written.rfind(b"\n") + 1]  # whole lines: a kill may tear the last
    assert KILL_AFTER_LINES <= written.count(b"\n") < COUNT
    with out.open("ab") as stream:  # what a kill in the middle of a write leaves behind
        stream.write(b'{"id": "0123456789abcdef", "url": "https://example.vn/x", "fig')
    summary = run_batch(source, out, workers=1, progress=False)
    ids = Counter(line["id"] for line in read_lines(out))
    assert ids == Counter({article_id(record["url"]): 1 for record in records})
    assert out.read_bytes().startswith(written)
    assert summary.skipped == written.count(b"\n")
    assert summary.done == COUNT - summary.skipped
