"""Killing a run part-way loses nothing, and the rerun does every article exactly once.

The run to kill extracts through :func:`tests.batch.helpers.gated_extract`, which
says on a pipe when it has done ``GATE_AFTER`` articles and then waits for ever:
the test kills the run only once it is known to be mid-way, whatever the speed.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from danvan_nlp.batch.runner import run_batch
from danvan_nlp.batch.sources import article_id
from tests.batch.helpers import (
    GATE_AFTER_ENV,
    GATE_FD_ENV,
    many_articles,
    read_lines,
    write_jsonl,
)

REPO = Path(__file__).resolve().parents[2]
COUNT = 24

RUN_UNTIL_THE_GATE = """
import sys
from danvan_nlp.batch.runner import run_batch
from tests.batch.helpers import gated_extract
run_batch(sys.argv[1], sys.argv[2], workers=1, chunk_size=2, extract_fn=gated_extract,
          article_seconds=0, progress=False)
"""
TORN = b'{"id": "0123456789abcdef", "url": "https://example.vn/x", "fig'


def _run_and_kill_mid_way(source: Path, out: Path, gate_after: int) -> bytes:
    """Run in a process group until the gate, kill the group; what the gate pipe said."""
    read_end, write_end = os.pipe()
    env = {**os.environ, GATE_FD_ENV: str(write_end), GATE_AFTER_ENV: str(gate_after)}
    run = subprocess.Popen([sys.executable, "-c", RUN_UNTIL_THE_GATE, str(source), str(out)],
                           cwd=REPO, env=env, pass_fds=(write_end,), start_new_session=True)
    os.close(write_end)
    try:
        with os.fdopen(read_end, "rb") as gate:
            return gate.read(1)  # b"" if the run ended or crashed before the gate
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(run.pid, signal.SIGKILL)
        run.wait()


@pytest.mark.parametrize(("gate_after", "torn_tail"), [(14, TORN), (20, b"")])
def test_a_killed_run_resumes_and_does_every_article_once(
    gate_after: int, torn_tail: bytes, tmp_path: Path
) -> None:
    records = many_articles(COUNT)
    source = write_jsonl(tmp_path / "a.jsonl", records)
    out = tmp_path / "result.jsonl"
    assert _run_and_kill_mid_way(source, out, gate_after) == b"!"
    written = out.read_bytes()
    assert written.endswith(b"\n") and 0 < written.count(b"\n") <= gate_after
    with out.open("ab") as stream:  # what a kill in the middle of a write leaves behind
        stream.write(torn_tail)
    summary = run_batch(source, out, workers=1, progress=False)
    ids = Counter(line["id"] for line in read_lines(out))
    assert ids == Counter({article_id(record["url"]): 1 for record in records})
    assert out.read_bytes().startswith(written)
    assert summary.skipped == written.count(b"\n")
    assert summary.done == COUNT - summary.skipped
