"""Saving and loading the trained domain classifier with its model card.

An artifact is two files side by side: ``domains-v1-2026-11-26.joblib`` (the
fitted :class:`~danvan_nlp.classify.estimator.DomainClassifier`) and
``domains-v1-2026-11-26.card.json`` (data hash, labels, library versions, date,
scores). The bundled artifact lives in ``danvan_nlp/models/`` so it is installed
with the package; ``DANVAN_DOMAINS_MODEL`` may name another ``.joblib`` file.
The card is read first: an artifact trained with another scikit-learn version
is refused before it is unpickled.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import joblib
import sklearn

from danvan_nlp.classify.estimator import DomainClassifier
from danvan_nlp.errors import ModelArtifactError

TASK = "domains"
ARTIFACT_ENV = "DANVAN_DOMAINS_MODEL"
RETRAIN_HINT = (
    "retrain it with: danvan train-domains --data models/data/model_domains.tsv "
    "--extra models/data/model_domains_extra.tsv --out danvan_nlp/models "
    "(or python models/train_domains.py)"
)
_NAME = re.compile(
    r"""
    ^domains-v(?P<version>\d+)       # task and version: "domains-v1"
    -(?P<date>\d{4}-\d{2}-\d{2})     # training date: "-2026-11-26"
    \.joblib$                        # the pickled estimator
    """,
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class LoadedModel:
    """A fitted classifier and the card that describes it."""

    estimator: DomainClassifier
    card: dict[str, Any]
    path: Path


def artifact_stem(version: int, date: str) -> str:
    """The file stem of an artifact: ``domains-v1-2026-11-26``."""
    return f"{TASK}-v{version}-{date}"


def card_path(artifact: Path) -> Path:
    """The card beside an artifact: ``X.joblib`` → ``X.card.json``."""
    return artifact.with_suffix(".card.json")


def bundled_dir() -> Path:
    """The folder of artifacts installed with the package."""
    return Path(str(resources.files("danvan_nlp").joinpath("models")))


def find_artifact(directory: Path | None = None) -> Path:
    """The artifact to use: ``$DANVAN_DOMAINS_MODEL``, else the newest in ``directory``."""
    override = os.environ.get(ARTIFACT_ENV)
    if override and directory is None:
        return Path(override)
    folder = directory or bundled_dir()
    found = [path for path in _listing(folder) if _NAME.match(path.name)]
    if not found:
        raise ModelArtifactError(f"no domain classifier artifact in {folder}; {RETRAIN_HINT}")
    return max(found, key=_version_and_date)


def load_model(path: Path | None = None) -> LoadedModel:
    """Load (once, then from cache) the artifact at ``path`` or the bundled one."""
    return _load_cached(str(find_artifact() if path is None else path))


def clear_cache() -> None:
    """Forget loaded artifacts (after retraining, or in tests)."""
    _load_cached.cache_clear()


def save_model(estimator: DomainClassifier, card: dict[str, Any], out_dir: Path) -> Path:
    """Write the estimator and its card into ``out_dir``; returns the artifact path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    artifact = out_dir / f"{artifact_stem(card['version'], card['date'])}.joblib"
    joblib.dump(estimator, artifact, compress=3)
    card = {**card, "artifact": artifact.name, "artifact_bytes": artifact.stat().st_size}
    card_path(artifact).write_text(json.dumps(card, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return artifact


def read_card(artifact: Path) -> dict[str, Any]:
    """The model card of ``artifact``; :class:`ModelArtifactError` if missing or bad."""
    path = card_path(artifact)
    try:
        card = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ModelArtifactError(
            f"cannot read the model card {path} ({error}); {RETRAIN_HINT}"
        ) from error
    if not isinstance(card, dict) or "libraries" not in card:
        raise ModelArtifactError(f"the model card {path} has no 'libraries'; {RETRAIN_HINT}")
    return card


def check_versions(card: dict[str, Any], artifact: Path) -> None:
    """Refuse an artifact trained with another scikit-learn than the installed one."""
    trained_with = card["libraries"].get("scikit-learn")
    if trained_with != sklearn.__version__:
        raise ModelArtifactError(
            f"{artifact.name} was trained with scikit-learn {trained_with}, but "
            f"{sklearn.__version__} is installed; install scikit-learn=={trained_with} "
            f"or {RETRAIN_HINT}"
        )


@lru_cache(maxsize=4)
def _load_cached(path_name: str) -> LoadedModel:
    artifact = Path(path_name)
    if not artifact.is_file():
        raise ModelArtifactError(f"the artifact {artifact} does not exist; {RETRAIN_HINT}")
    card = read_card(artifact)
    check_versions(card, artifact)
    return LoadedModel(_unpickle(artifact), card, artifact)


def _unpickle(artifact: Path) -> DomainClassifier:
    try:
        estimator = joblib.load(artifact)
    except Exception as error:  # a corrupt pickle raises almost anything
        raise ModelArtifactError(f"cannot load {artifact} ({error!r}); {RETRAIN_HINT}") from error
    if not isinstance(estimator, DomainClassifier) or not hasattr(estimator, "pipeline_"):
        raise ModelArtifactError(f"{artifact} holds no fitted DomainClassifier; {RETRAIN_HINT}")
    return estimator


def _listing(folder: Path) -> list[Path]:
    try:
        return list(folder.iterdir())
    except OSError:
        return []


def _version_and_date(path: Path) -> tuple[int, str]:
    match = _NAME.match(path.name)
    assert match is not None
    return int(match["version"]), match["date"]
