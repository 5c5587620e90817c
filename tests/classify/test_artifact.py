"""The artifact is plain data: it loads once, checks its checksum, and never unpickles."""

import json
import os
import pickle
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pytest

from danvan_nlp.classify import LABELS
from danvan_nlp.classify.artifact import (
    ARTIFACT_ENV,
    card_path,
    clear_cache,
    file_sha256,
    find_artifact,
    load_model,
    save_model,
)
from danvan_nlp.classify.estimator import DomainClassifier
from danvan_nlp.classify.export import export_estimator
from danvan_nlp.classify.training import CVResult, build_card
from danvan_nlp.errors import ModelArtifactError

ROOT = Path(__file__).resolve().parents[2]


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
    result = CVResult("complement_nb", [0.5, 0.6], 0.55, [[0] * 7 for _ in range(7)])
    data = tmp_path / "tiny.tsv"
    data.write_text("label\ttext\n", encoding="utf-8")
    card = build_card(model, [result], [data], folds=2)
    return save_model(export_estimator(model), card, tmp_path / "out")


class _Payload:
    """Unpickling this object creates the file ``marker`` (as a hostile artifact would)."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Callable[[Path], None], tuple[Path]]:
        return (Path.touch, (self.marker,))


def _with_card(artifact: Path) -> Path:
    """Give ``artifact`` a card whose checksum matches it, as an attacker could."""
    card = {"task": "domains", "version": 1, "artifact_sha256": file_sha256(artifact)}
    card_path(artifact).write_text(json.dumps(card), encoding="utf-8")
    return artifact


def test_bundled_artifact_loads_with_a_complete_card() -> None:
    loaded = load_model()
    assert loaded.path.name.startswith("domains-v") and loaded.path.suffix == ".npz"
    assert set(loaded.scorer.classes) == set(LABELS)
    card = loaded.card
    assert card["labels"] == list(LABELS)
    assert card["artifact_sha256"] == file_sha256(loaded.path)
    assert card["artifact_format"] == "npz" and card["artifact"] == loaded.path.name
    assert card["libraries"]["scikit-learn"].count(".") >= 1
    assert len(card["data_sha256"]) == 64
    assert card["cross_validation"]["results"][0]["macro_f1_mean"] >= 0.935
    assert {r["name"] for r in card["cross_validation"]["without_extra"]} == {
        "linear_svm", "logistic_regression", "complement_nb"}
    assert card["n_examples"]["main"] == 560 and card["n_examples"]["extra"] > 0


def test_no_pickle_is_shipped() -> None:
    shipped = sorted(path.suffix for path in (ROOT / "danvan_nlp" / "models").iterdir())
    assert shipped == [".json", ".npz"]


def test_artifact_is_loaded_once_then_cached() -> None:
    assert load_model() is load_model()


def test_saved_artifact_round_trips_with_its_card(tiny_artifact: Path) -> None:
    loaded = load_model(tiny_artifact)
    assert card_path(tiny_artifact).is_file()
    assert loaded.card["artifact"] == tiny_artifact.name
    assert loaded.card["artifact_sha256"] == file_sha256(tiny_artifact)
    (row,) = loaded.scorer.predict_proba(["Tổ tự quản an ninh trật tự"])
    assert loaded.scorer.classes[int(np.argmax(row))] == "quoc_phong_an_ninh"


def test_a_changed_artifact_fails_its_checksum(tiny_artifact: Path) -> None:
    data = bytearray(tiny_artifact.read_bytes())
    data[-30] ^= 0xFF
    tiny_artifact.write_bytes(bytes(data))
    with pytest.raises(ModelArtifactError, match=r"SHA-256.*danvan train-domains"):
        load_model(tiny_artifact)


def test_loads_without_scikit_learn_or_scipy(tiny_artifact: Path) -> None:
    """The artifact needs numpy only, so any scikit-learn version (or none) will do."""
    script = (
        "import sys\n"
        "sys.modules.update(sklearn=None, scipy=None, joblib=None)  # importing them fails\n"
        "from pathlib import Path\n"
        "from danvan_nlp.classify.artifact import load_model\n"
        f"model = load_model(Path({str(tiny_artifact)!r})).scorer\n"
        "print(model.classes[model.predict_proba(['Hiến đất làm đường'])[0].argmax()])\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=False, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() in LABELS


@pytest.mark.parametrize("name", ["domains-v1-2026-01-01.joblib", "domains-v1-2026-01-01.npz",
                                  "model.pkl"])
def test_a_crafted_pickle_is_refused_and_never_run(tmp_path: Path, name: str) -> None:
    marker = tmp_path / "payload-ran"
    artifact = tmp_path / name
    artifact.write_bytes(pickle.dumps(_Payload(marker)))
    pickle.loads(artifact.read_bytes())  # the payload works when unpickled...
    assert marker.exists()
    marker.unlink()
    with pytest.raises(ModelArtifactError, match="looks like a pickle") as caught:
        load_model(_with_card(artifact))
    assert not marker.exists()  # ...but loading the artifact never unpickles it
    assert "danvan train-domains" in str(caught.value)


def test_an_npz_holding_a_pickled_object_is_refused_and_never_run(
    tmp_path: Path, tiny_artifact: Path
) -> None:
    marker = tmp_path / "payload-ran"
    artifact = tmp_path / "domains-v9-2026-01-01.npz"
    with np.load(tiny_artifact) as stored:
        arrays = {name: stored[name] for name in stored.files}
    arrays["weights"] = np.array([_Payload(marker)], dtype=object)
    np.savez(artifact, allow_pickle=True, **arrays)
    with pytest.raises(ModelArtifactError, match="cannot load"):
        load_model(_with_card(artifact))
    assert not marker.exists()


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        ("delete_artifact", "does not exist"),
        ("delete_card", "cannot read the model card"),
        ("corrupt_artifact", "is not an .npz model artifact"),
        ("corrupt_card", "cannot read the model card"),
        ("truncate_artifact", "cannot load"),
        ("old_card", "no 'artifact_sha256'"),
    ],
)
def test_missing_or_corrupt_files_give_model_artifact_error(
    tiny_artifact: Path, damage: str, message: str
) -> None:
    card = card_path(tiny_artifact)
    if damage == "delete_artifact":
        tiny_artifact.unlink()
    elif damage == "delete_card":
        card.unlink()
    elif damage == "corrupt_artifact":
        tiny_artifact.write_bytes(b"\x00neither a zip nor json")
    elif damage == "corrupt_card":
        card.write_bytes(b"\x00neither a zip nor json")
    elif damage == "truncate_artifact":
        tiny_artifact.write_bytes(tiny_artifact.read_bytes()[:2000])
        _with_card(tiny_artifact)
    else:
        card.write_text(json.dumps({"libraries": {"scikit-learn": "1.9.1"}}), encoding="utf-8")
    with pytest.raises(ModelArtifactError, match=message) as caught:
        load_model(tiny_artifact)
    assert "danvan train-domains" in str(caught.value)


def test_a_card_naming_other_labels_is_refused(tiny_artifact: Path) -> None:
    card = json.loads(card_path(tiny_artifact).read_text(encoding="utf-8"))
    card["labels"] = [*card["labels"][:-1], "the_thao"]
    card_path(tiny_artifact).write_text(json.dumps(card), encoding="utf-8")
    with pytest.raises(ModelArtifactError, match=r"its card lists .*the_thao"):
        load_model(tiny_artifact)


def test_mismatched_arrays_are_refused(tmp_path: Path, tiny_artifact: Path) -> None:
    artifact = tmp_path / "domains-v9-2026-01-01.npz"
    with np.load(tiny_artifact) as stored:
        arrays = {name: stored[name] for name in stored.files}
    arrays["weights"] = arrays["weights"][:-1]
    np.savez(artifact, **arrays)
    with pytest.raises(ModelArtifactError, match=r"cannot load .*do not fit"):
        load_model(_with_card(artifact))


def test_a_folder_or_a_fifo_is_refused_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "domains-v1-2026-01-01.npz"
    os.mkfifo(fifo)
    for path in (tmp_path, fifo):
        with pytest.raises(ModelArtifactError, match="not a regular file"):
            load_model(path)


def test_empty_folder_has_no_artifact(tmp_path: Path) -> None:
    with pytest.raises(ModelArtifactError, match="no domain classifier artifact"):
        find_artifact(tmp_path)


def test_newest_version_and_date_wins(tmp_path: Path) -> None:
    for name in ("domains-v1-2026-01-02.npz", "domains-v2-2025-05-01.npz",
                 "domains-v2-2025-12-01.npz", "domains-v3-2026-01-01.joblib", "notes.npz"):
        (tmp_path / name).write_bytes(b"")
    assert find_artifact(tmp_path).name == "domains-v2-2025-12-01.npz"


def test_environment_variable_chooses_the_artifact(
    tiny_artifact: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ARTIFACT_ENV, str(tiny_artifact))
    assert load_model().path == tiny_artifact
