"""The Dask engine, on a local cluster of processes on 127.0.0.1, matches the local engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from danvan_nlp.batch import engines
from danvan_nlp.batch.runner import run_batch
from danvan_nlp.errors import DanvanError
from tests.batch.helpers import ARTICLES, NOT_VIETNAMESE, read_lines, write_jsonl

dask = pytest.importorskip("dask")
pytest.importorskip("distributed")


def test_dask_local_cluster_writes_the_same_result_as_local_processes(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "a.jsonl", [*ARTICLES * 4, NOT_VIETNAMESE])
    local, dask = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    by_local = run_batch(source, local, workers=2, chunk_size=3, progress=False)
    by_dask = run_batch(source, dask, workers=2, engine="dask", chunk_size=3, progress=False)
    assert (by_dask.done, by_dask.failed) == (by_local.done, by_local.failed) == (3, 1)
    assert read_lines(dask) == read_lines(local)
    assert dask.read_bytes() == local.read_bytes()


def test_an_unreachable_scheduler_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engines, "DASK_CONNECT_TIMEOUT", "1s")
    source = write_jsonl(tmp_path / "a.jsonl", ARTICLES)
    log_length = dask.config.get("distributed.admin.low-level-log-length")
    with pytest.raises(DanvanError, match="cannot reach the Dask scheduler"):
        run_batch(source, tmp_path / "r.jsonl", engine="dask",
                  scheduler="tcp://127.0.0.1:9", progress=False)
    assert dask.config.get("distributed.admin.low-level-log-length") == log_length


@pytest.mark.parametrize(
    ("versions", "fails"),
    [({"0.1.0"}, False), (set(), False), ({"0.0.9"}, True), ({"0.1.0", "0.2.0"}, True)],
)
def test_workers_must_have_this_version(versions: set[str], fails: bool) -> None:
    if fails:
        with pytest.raises(DanvanError, match="same version"):
            engines.check_versions(versions, "0.1.0", "tcp://127.0.0.1:8786")
    else:
        engines.check_versions(versions, "0.1.0", "tcp://127.0.0.1:8786")
