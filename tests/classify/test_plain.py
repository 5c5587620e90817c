"""The plain-Python scorer gives the numpy scorer's probabilities without numpy."""

import io
import json
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from danvan_nlp.classify import api
from danvan_nlp.classify.api import ScorerChoice, classify_domains
from danvan_nlp.classify.artifact import load_model
from danvan_nlp.classify.estimator import DomainClassifier
from danvan_nlp.classify.export import export_estimator
from danvan_nlp.classify.plain import plain_scorer, read_npy, read_npz
from danvan_nlp.classify.scorer import DomainScorer, to_arrays

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = ROOT / "tests" / "gold" / "lang-son-2025-11-25-tong-ket-dvk-2021-2025.txt"
PROBES = [
    "Tổ tự quản an ninh trật tự",
    "Hiến đất mở đường bê tông nông thôn, hiến đất hiến đất",
    "HŨ GẠO TÌNH THƯƠNG",
    "Dan van kheo xay nha nhan ai",
    "!!! ???",  # no known term in any view
    "Chi bộ đảng viên giúp đồng bào dân tộc làm kinh tế, " * 12,
    "The villagers built a road together",
]


def _stored(scorer: DomainScorer, path: Path) -> Path:
    """Save ``scorer``'s arrays as the artifact does (compressed ``.npz``)."""
    savez: Callable[..., None] = np.savez_compressed  # typed loosely, as artifact.py does
    savez(path, **to_arrays(scorer))
    return path


def _assert_same(scorer: DomainScorer, texts: list[str], path: Path) -> None:
    plain = plain_scorer(read_npz(_stored(scorer, path)))
    expected = scorer.predict_proba(texts)
    found = plain.predict_proba(texts)
    assert plain.classes == scorer.classes
    assert np.array(found).shape == expected.shape
    np.testing.assert_allclose(found, expected, rtol=1e-12, atol=1e-15)
    assert (np.argmax(found, axis=1) == expected.argmax(axis=1)).all()


def test_the_shipped_model_scores_the_same_in_plain_python(tmp_path: Path) -> None:
    _assert_same(load_model().scorer, PROBES, tmp_path / "shipped.npz")


@pytest.mark.parametrize(
    "params",
    [{}, {"algorithm": "nb", "calibrate": False}, {"algorithm": "svm", "calibrate": False},
     {"algorithm": "logreg", "C": 1.0}, {"algorithm": "nb", "char_ngrams": False}],
    ids=lambda params: "-".join(f"{k}={v}" for k, v in params.items()) or "shipped",
)
def test_every_response_and_calibration_scores_the_same(
    params: dict[str, Any], tiny_data: tuple[list[str], list[str]], tmp_path: Path
) -> None:
    scorer = export_estimator(DomainClassifier(**params).fit(*tiny_data))
    _assert_same(scorer, [*tiny_data[0], *PROBES], tmp_path / "model.npz")


def test_loaded_model_scores_with_the_plain_scorer_and_reads_numpy_on_demand() -> None:
    loaded = load_model()
    (plain_row,) = loaded.plain.predict_proba(["Camera an ninh thôn xóm"])
    (numpy_row,) = loaded.scorer.predict_proba(["Camera an ninh thôn xóm"])
    assert plain_row == pytest.approx(list(numpy_row), rel=1e-12)
    assert loaded.plain.classes[plain_row.index(max(plain_row))] == "quoc_phong_an_ninh"


def _npy(array: Any) -> bytes:
    buffer = io.BytesIO()
    np.save(buffer, array, allow_pickle=True)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("array", "message"),
    [
        (np.array([object()], dtype=object), "unexpected array type"),
        (np.arange(6, dtype=np.int64), "unexpected array type"),
        (np.asfortranarray(np.ones((2, 3))), "unexpected array layout"),
    ],
    ids=["pickled-objects", "integers", "fortran-order"],
)
def test_other_arrays_are_refused_unread(array: Any, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        read_npy(_npy(array))


def test_a_cut_or_foreign_member_is_refused() -> None:
    raw = _npy(np.ones(4))
    with pytest.raises(ValueError, match="holds 24 bytes"):
        read_npy(raw[:-8])
    with pytest.raises(ValueError, match=r"not an \.npy array"):
        read_npy(b"PK\x03\x04 something else")


def test_arrays_read_back_as_numpy_wrote_them(tmp_path: Path) -> None:
    path = tmp_path / "a.npz"
    np.savez_compressed(path, floats=np.array([[1.5, -2.25], [3e-300, 7.0]]),
                        text=np.frombuffer("Hòa giải".encode(), dtype=np.uint8))
    stored = read_npz(path)
    assert stored["floats"].shape == (2, 2)
    assert list(stored["floats"].floats()) == [1.5, -2.25, 3e-300, 7.0]
    assert stored["text"].text() == "Hòa giải"
    with zipfile.ZipFile(path) as archive:
        assert sorted(archive.namelist()) == ["floats.npy", "text.npy"]


def test_extract_with_models_never_imports_numpy() -> None:
    script = (
        "import json, sys\n"
        "from danvan_nlp import extract\n"
        f"article = extract(open({str(ARTICLE)!r}, encoding='utf-8').read())\n"
        "print(json.dumps([[m.domain for m in article.models], 'numpy' in sys.modules]))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=True, cwd=ROOT)
    domains, numpy_loaded = json.loads(done.stdout)
    assert len(domains) >= 3 and all(domains)
    assert numpy_loaded is False


def test_a_short_run_scores_in_plain_python_and_a_long_one_with_numpy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    loaded = load_model()
    monkeypatch.delitem(sys.modules, "numpy")  # as in a fresh `danvan extract`
    choice = ScorerChoice(numpy_after=10)
    assert choice.choose(loaded, 6) is loaded.plain
    assert choice.choose(loaded, 4) is loaded.plain
    assert choice.choose(loaded, 1) is loaded.scorer  # the eleventh description
    monkeypatch.undo()
    assert ScorerChoice().choose(loaded, 1) is loaded.scorer  # numpy is there: use it


def test_both_twins_label_descriptions_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [*PROBES, "Tổ hòa giải ở cơ sở", "Nhà văn hóa thôn", "Dân vận khéo trong cải cách"]
    with_numpy = classify_domains(texts)
    monkeypatch.delitem(sys.modules, "numpy")
    monkeypatch.setattr(api, "_SCORERS", ScorerChoice())
    assert classify_domains(texts) == with_numpy
