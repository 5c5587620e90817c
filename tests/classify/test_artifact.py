"""The artifact loads once, and refuses clearly when missing, corrupt or out of date."""

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import sklearn

from danvan_nlp.classify import LABELS
from danvan_nlp.classify.artifact import (
    ARTIFACT_ENV,
    card_path,
    clear_cache,
    find_artifact,
    load_model,
    save_model,
)
from danvan_nlp.classify.estimator import DomainClassifier
from danvan_nlp.classify.training import CVResult, build_card
from danvan_nlp.errors import ModelArtifactError


@pytest.fixture(autouse=True)
def _fresh_cache(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv(ARTIFACT_ENV, "")  # so that the value is restored afterwards
    monkeypatch.delenv(ARTIFACT_ENV)
    clear_cache()
    yield
    clear_cache()


@pytest.fixture
def tiny_artifact(tmp_path: Path, tiny_data: tuple[list[str], list[str]]) -> Path:
    model = DomainClassifier(calibrate=False).fit(*tiny_data)
    result = CVResult("linear_svm", [0.5, 0.6], 0.55, [[0] * 7 for _ in range(7)])
    data = tmp_path / "tiny.tsv"
    data.write_text("label\ttext\n", encoding="utf-8")
    return save_model(model, build_card(model, [result], [data], folds=2), tmp_path / "out")


def test_bundled_artifact_loads_with_a_complete_card() -> None:
    loaded = load_model()
    assert loaded.path.name.startswith("domains-v") and loaded.path.suffix == ".joblib"
    assert set(loaded.estimator.classes_) == set(LABELS)
    card = loaded.card
    assert card["labels"] == list(LABELS)
    assert card["libraries"]["scikit-learn"] == sklearn.__version__
    assert len(card["data_sha256"]) == 64
    assert card["cross_validation"]["results"][0]["macro_f1_mean"] >= 0.85
    assert {r["name"] for r in card["cross_validation"]["without_extra"]} == {
        "linear_svm", "logistic_regression", "complement_nb"}
    assert card["n_examples"]["main"] == 560 and card["n_examples"]["extra"] > 0


def test_artifact_is_loaded_once_then_cached() -> None:
    assert load_model() is load_model()


def test_saved_artifact_round_trips_with_its_card(tiny_artifact: Path) -> None:
    loaded = load_model(tiny_artifact)
    assert card_path(tiny_artifact).is_file()
    assert loaded.card["artifact"] == tiny_artifact.name
    assert loaded.estimator.predict(["Tổ tự quản an ninh trật tự"])[0] in LABELS


def test_version_mismatch_says_how_to_retrain(tiny_artifact: Path) -> None:
    card = json.loads(card_path(tiny_artifact).read_text(encoding="utf-8"))
    card["libraries"]["scikit-learn"] = "0.24.2"
    card_path(tiny_artifact).write_text(json.dumps(card), encoding="utf-8")
    with pytest.raises(ModelArtifactError, match=r"scikit-learn 0\.24\.2.*danvan train-domains"):
        load_model(tiny_artifact)


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        ("delete_artifact", "does not exist"),
        ("delete_card", "cannot read the model card"),
        ("corrupt_artifact", "cannot load"),
        ("corrupt_card", "cannot read the model card"),
    ],
)
def test_missing_or_corrupt_files_give_model_artifact_error(
    tiny_artifact: Path, damage: str, message: str,
) -> None:
    target = card_path(tiny_artifact) if damage.endswith("card") else tiny_artifact
    if damage.startswith("delete"):
        target.unlink()
    else:
        target.write_bytes(b"\x00not a pickle nor json")
    with pytest.raises(ModelArtifactError, match=message) as caught:
        load_model(tiny_artifact)
    assert "danvan train-domains" in str(caught.value)


def test_empty_folder_has_no_artifact(tmp_path: Path) -> None:
    with pytest.raises(ModelArtifactError, match="no domain classifier artifact"):
        find_artifact(tmp_path)


def test_newest_version_and_date_wins(tmp_path: Path) -> None:
    for name in ("domains-v1-2026-01-02.joblib", "domains-v2-2025-05-01.joblib",
                 "domains-v2-2025-12-01.joblib", "notes.joblib"):
        (tmp_path / name).write_bytes(b"")
    assert find_artifact(tmp_path).name == "domains-v2-2025-12-01.joblib"


def test_environment_variable_chooses_the_artifact(
    tiny_artifact: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(ARTIFACT_ENV, str(tiny_artifact))
    assert load_model().path == tiny_artifact
