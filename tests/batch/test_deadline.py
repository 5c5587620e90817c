"""The per-article time limit: extract(time_limit=), danvan extract FILE, and the Dask engine.

Slow stages are simulated: a stage moves a fake clock forward (in this process), or
waits until the deadline has passed (in Dask workers); nothing asserts on elapsed time.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from danvan_nlp import deadline as deadline_module
from danvan_nlp.article import Article
from danvan_nlp.batch.runner import run_batch
from danvan_nlp.cli import main
from danvan_nlp.deadline import check_deadline, current_deadline, deadline_for
from danvan_nlp.errors import DanvanError, ExtractTimeout
from danvan_nlp.pipeline import Stage, extract
from tests.batch.helpers import ARTICLES, read_lines, stalling_extract, warm_up, write_jsonl

TEXT = ARTICLES[0]["text"]


class FakeClock:
    """A monotonic clock that only moves when a test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    fake = FakeClock()
    monkeypatch.setattr(deadline_module, "monotonic", fake)
    return fake


def _stages(clock: FakeClock, seconds: float, ran: list[str]) -> list[Stage]:
    """Three stages: the middle one takes ``seconds`` of the fake clock."""

    def first(article: Article) -> None:
        ran.append("first")

    def slow(article: Article) -> None:
        ran.append("slow")
        clock.now += seconds

    def last(article: Article) -> None:
        ran.append("last")

    return [first, slow, last]


def test_a_stage_over_the_limit_stops_the_extraction_before_the_next(clock: FakeClock) -> None:
    ran: list[str] = []
    with pytest.raises(ExtractTimeout, match="took over 5 s") as caught:
        extract(TEXT, stages=_stages(clock, 6, ran), time_limit=5)
    assert ran == ["first", "slow"]
    assert isinstance(caught.value, DanvanError)


def test_the_default_limit_is_a_minute(clock: FakeClock) -> None:
    ran: list[str] = []
    extract(TEXT, stages=_stages(clock, 59, ran))
    assert ran == ["first", "slow", "last"]
    with pytest.raises(ExtractTimeout, match="took over 60 s"):
        extract(TEXT, stages=_stages(clock, 61, []))


@pytest.mark.parametrize("limit", [None, 0])
def test_no_limit_lets_a_slow_stage_finish(limit: float | None, clock: FakeClock) -> None:
    ran: list[str] = []
    article = extract(TEXT, stages=_stages(clock, 10_000, ran),
                      time_limit=limit)
    assert ran == ["first", "slow", "last"] and article.ntext


def test_a_stage_can_poll_the_deadline_inside_its_loop(clock: FakeClock) -> None:
    rounds: list[int] = []

    def long_loop(article: Article) -> None:
        for round_number in range(100):
            check_deadline()
            rounds.append(round_number)
            clock.now += 1

    with pytest.raises(ExtractTimeout):
        extract(TEXT, stages=[long_loop], time_limit=10)
    assert rounds == list(range(10))
    assert current_deadline() is None, "the deadline must not outlive its extraction"


def test_a_negative_limit_is_refused() -> None:
    with pytest.raises(ValueError, match="positive"):
        deadline_for(-1)


def test_the_command_stops_an_article_over_article_seconds(
    clock: FakeClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def slow(article: Article) -> None:
        clock.now += 8

    def with_slow_stage(text: str, **options: Any) -> Article:
        return extract(text, stages=[slow], **options)

    monkeypatch.setattr("danvan_nlp.cli.extract_cmd.extract", with_slow_stage)
    path = tmp_path / "bai.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert main(["extract", "--article-seconds", "7", "--format", "jsonl", str(path)]) == 1
    captured = capsys.readouterr()
    assert "took over 7 s" in captured.err and "Traceback" not in captured.err
    assert "took over 7 s" in captured.out  # the jsonl error line
    assert main(["extract", "--article-seconds", "9", str(path)]) == 0


@pytest.mark.parametrize("value", ["-1", "abc", "nan", "inf"])
def test_article_seconds_must_be_a_number_of_seconds(
    value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["extract", "--article-seconds", value])
    assert stopped.value.code == 2
    assert "number of seconds" in capsys.readouterr().err


def test_the_local_engine_records_a_cooperative_timeout(tmp_path: Path) -> None:
    warm_up()  # here the alarm of the local engine would count the loading too
    out = tmp_path / "result.jsonl"
    summary = run_batch(write_jsonl(tmp_path / "a.jsonl", ARTICLES), out, workers=1,
                        extract_fn=stalling_extract, article_seconds=1, progress=False)
    assert (summary.done, summary.failed) == (2, 1)
    assert [line.get("error_kind") for line in read_lines(out)] == [None, "timeout", None]


def test_the_dask_engine_records_a_timeout_and_goes_on(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    out = tmp_path / "result.jsonl"
    summary = run_batch(write_jsonl(tmp_path / "a.jsonl", ARTICLES), out, workers=1,
                        engine="dask", extract_fn=stalling_extract, article_seconds=1,
                        progress=False)
    lines = read_lines(out)
    assert (summary.done, summary.failed) == (2, 1)
    assert [line.get("error_kind") for line in lines] == [None, "timeout", None]
    assert "took over 1 s" in lines[1]["error"]


def test_batch_options_reach_run_batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from danvan_nlp.batch import runner

    given: dict[str, Any] = {}

    def recording_run_batch(source: str, out: str, **options: Any) -> runner.RunSummary:
        given.update(options)
        return runner.RunSummary(done=1)

    monkeypatch.setattr(runner, "run_batch", recording_run_batch)
    assert main(["extract", "--input", str(tmp_path / "a.jsonl"), "--out",
                 str(tmp_path / "r.jsonl"), "--article-seconds", "2.5",
                 "--max-line-mb", "3"]) == 0
    assert (given["article_seconds"], given["max_line_bytes"]) == (2.5, 3_000_000)
