"""danvan classify, train-domains and evaluate-domains through danvan_nlp.cli.main."""

import json
import pickle
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from danvan_nlp.classify.artifact import ARTIFACT_ENV, clear_cache
from danvan_nlp.cli import main
from tests.classify.conftest import TINY


@pytest.fixture(autouse=True)
def _restore_artifact_choice(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv(ARTIFACT_ENV, "")  # so that the value is restored afterwards
    monkeypatch.delenv(ARTIFACT_ENV)
    yield
    clear_cache()


@pytest.fixture
def tiny_tsv(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.tsv"
    rows = [f"{label}\t{text}" for label, texts in TINY.items() for text in texts]
    path.write_text("# source: written for these tests\nlabel\ttext\n" + "\n".join(rows) + "\n",
                    encoding="utf-8")
    return path


@pytest.fixture
def lines_file(tmp_path: Path) -> Path:
    path = tmp_path / "descriptions.txt"
    path.write_text("Tổ tự quản ANTT\n\nHiến đất làm đường liên thôn\n", encoding="utf-8")
    return path


def test_classify_jsonl_gives_one_object_per_line_in_order(
    lines_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["classify", str(lines_file), "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [row["text"] for row in rows] == ["Tổ tự quản ANTT", "", "Hiến đất làm đường liên thôn"]
    assert rows[0]["label"] == "quoc_phong_an_ninh" and 0 < rows[0]["score"] <= 1
    assert rows[1]["label"] is None and "empty line" in rows[1]["note"]
    assert rows[2]["label"] == "nong_thon_moi_moi_truong"


def test_classify_text_format_reads_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    class _Stdin:
        buffer = __import__("io").BytesIO("Tổ tự quản ANTT\nThe quick brown fox\n".encode())

    monkeypatch.setattr("sys.stdin", _Stdin)
    assert main(["classify", "-"]) == 0
    first, second = capsys.readouterr().out.splitlines()
    assert first.startswith("quoc_phong_an_ninh\t") and first.endswith("Tổ tự quản ANTT")
    assert "low confidence" in second


def test_classify_missing_file_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["classify", str(tmp_path / "none.txt")]) == 2
    assert "none.txt: no such file" in capsys.readouterr().err


def test_evaluate_domains_prints_accuracy_f1_and_confusion(
    tiny_tsv: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["evaluate-domains", "--data", str(tiny_tsv), "--folds", "2",
                 "--algorithm", "svm"]) == 0
    out = capsys.readouterr().out
    assert "accuracy: " in out and "macro-F1: " in out and "± " in out
    assert "confusion matrix" in out and "kinh_te" in out


def test_train_domains_writes_a_usable_artifact(
    tiny_tsv: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_dir = tmp_path / "models"
    assert main(["train-domains", "--data", str(tiny_tsv), "--out", str(out_dir),
                 "--folds", "2"]) == 0
    assert "chosen: " in capsys.readouterr().out
    artifacts = sorted(out_dir.glob("domains-v1-*.npz"))
    assert not list(out_dir.glob("*.joblib"))
    assert len(artifacts) == 1 and artifacts[0].with_suffix(".card.json").is_file()
    card = json.loads(artifacts[0].with_suffix(".card.json").read_text(encoding="utf-8"))
    assert card["n_examples"] == {"main": 28, "extra": 0}
    assert len(card["cross_validation"]["results"]) == 3
    assert main(["classify", str(tiny_tsv), "--model", str(artifacts[0])]) == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("text\nchỉ một cột\n", "columns 'label' and 'text'"),
        ("label\ttext\nthe_thao\tBóng đá\n", "unknown label 'the_thao'"),
        ("label\ttext\nkinh_te\t\n", "the text is empty"),
    ],
)
def test_bad_training_data_is_a_clear_error(
    tmp_path: Path, content: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "bad.tsv"
    data.write_text(content, encoding="utf-8")
    assert main(["evaluate-domains", "--data", str(data), "--algorithm", "nb"]) == 2
    assert message in capsys.readouterr().err


def test_too_few_folds_is_refused(tiny_tsv: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate-domains", "--data", str(tiny_tsv), "--folds", "1"]) == 2
    assert "--folds must be at least 2" in capsys.readouterr().err


def test_classify_model_choice_does_not_outlive_the_test() -> None:
    import os

    assert ARTIFACT_ENV not in os.environ


@pytest.mark.parametrize(
    ("length", "echoed_length", "cut"),
    [(199, 199, False), (200, 200, False), (201, 200, True), (50_000, 200, True)],
)
@pytest.mark.parametrize("fmt", ["text", "jsonl"])
def test_classify_echoes_a_long_line_cut_to_200_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str,
    length: int, echoed_length: int, cut: bool,
) -> None:
    line = ("Hiến đất làm đường liên thôn " * 2000)[:length]
    path = tmp_path / "dai.txt"
    path.write_text(line + "\n", encoding="utf-8")
    assert main(["classify", str(path), "--format", fmt]) == 0
    (out,) = capsys.readouterr().out.splitlines()
    echoed = json.loads(out)["text"] if fmt == "jsonl" else out.split("\t")[2]
    assert len(echoed) == echoed_length and echoed.endswith("…") is cut
    assert line.startswith(echoed.rstrip("…"))


@pytest.mark.parametrize("content", [b"", b"\xef\xbb\xbf"])
def test_classify_an_empty_file_says_so_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes
) -> None:
    path = tmp_path / "rong.txt"
    path.write_bytes(content)
    assert main(["classify", str(path)]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and "empty; nothing to classify" in captured.err


class _Payload:
    """Unpickling this object creates the file ``marker``."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Callable[[Path], None], tuple[Path]]:
        return (Path.touch, (self.marker,))


@pytest.mark.parametrize("how", ["--model", "environment"])
def test_a_pickled_model_is_refused_in_one_line_and_never_run(
    tmp_path: Path, lines_file: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch, how: str,
) -> None:
    marker = tmp_path / "payload-ran"
    evil = tmp_path / "domains-v1-2026-01-01.joblib"
    evil.write_bytes(pickle.dumps(_Payload(marker)))
    argv = ["classify", str(lines_file)]
    if how == "--model":
        argv += ["--model", str(evil)]
    else:
        monkeypatch.setenv(ARTIFACT_ENV, str(evil))
    clear_cache()
    assert main(argv) == 3
    (line,) = capsys.readouterr().err.splitlines()
    assert "looks like a pickle" in line and "danvan train-domains" in line
    assert not marker.exists()
