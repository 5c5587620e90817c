"""Saving and loading the trained domain classifier with its model card.

An artifact is two files side by side: ``domains-v1-2026-12-07.npz`` (the
exported classifier as plain arrays: vocabularies, idf, weights, calibration;
see ``scorer.py``) and ``domains-v1-2026-12-07.card.json`` (version, data
digest, labels, library versions, date, scores and the SHA-256 of the ``.npz``).
The bundled artifact lives in ``danvan_nlp/models/`` so it is installed with the
package; ``DANVAN_DOMAINS_MODEL`` may name another ``.npz`` file.

Nothing here unpickles: the ``.npz`` is opened with ``allow_pickle=False`` after
its checksum matched the card, and a pickle (the old ``.joblib`` format) is
refused before it is read any further. Loading needs neither scikit-learn (any
version will do, or none) nor numpy: classifying scores with the plain-Python
:class:`~danvan_nlp.classify.plain.PlainScorer`; ``LoadedModel.scorer``, the numpy
scorer that training and export compare against, is read on first use.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import struct
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from danvan_nlp.classify.plain import PlainScorer, plain_scorer, read_npz
from danvan_nlp.errors import ModelArtifactError

if TYPE_CHECKING:
    from danvan_nlp.classify.scorer import DomainScorer

TASK = "domains"
ARTIFACT_ENV = "DANVAN_DOMAINS_MODEL"
ARTIFACT_SUFFIX = ".npz"
RETRAIN_HINT = (
    "retrain it with: danvan train-domains --data models/data/model_domains.tsv "
    "--extra models/data/model_domains_extra.tsv --out danvan_nlp/models "
    "(or python models/train_domains.py)"
)
PICKLE_SUFFIXES = (".joblib", ".pkl", ".pickle")
_ZIP_MAGIC = b"PK\x03\x04"  # an .npz file is a zip archive of .npy arrays
_PICKLE_MAGIC = b"\x80"  # pickle protocols 2 and later start with the PROTO opcode
_MALFORMED = (OSError, ValueError, KeyError, TypeError, EOFError, SyntaxError, MemoryError,
              RecursionError, struct.error, zipfile.BadZipFile)  # what a damaged file raises
_NAME = re.compile(
    r"""
    ^domains-v(?P<version>\d+)       # task and version: "domains-v1"
    -(?P<date>\d{4}-\d{2}-\d{2})     # training date: "-2026-12-07"
    \.npz$                           # the plain-data arrays
    """,
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class LoadedModel:
    """An exported classifier and the card that describes it."""

    plain: PlainScorer
    card: dict[str, Any]
    path: Path

    @property
    def scorer(self) -> DomainScorer:
        """The same classifier as numpy arrays (read from the checked file on first use)."""
        return _numpy_scorer(str(self.path))


def artifact_stem(version: int, date: str) -> str:
    """The file stem of an artifact: ``domains-v1-2026-12-07``."""
    return f"{TASK}-v{version}-{date}"


def card_path(artifact: Path) -> Path:
    """The card beside an artifact: ``X.npz`` → ``X.card.json``."""
    return artifact.with_suffix(".card.json")


def bundled_dir() -> Path:
    """The folder of artifacts installed with the package."""
    return Path(str(resources.files("danvan_nlp").joinpath("models")))


def find_artifact(directory: Path | None = None) -> Path:
    """The artifact to use: ``$DANVAN_DOMAINS_MODEL``, else the newest in ``directory``."""
    override = os.environ.get(ARTIFACT_ENV)
    if override and directory is None:
        return Path(override)
    if directory is None:
        return _newest_bundled()
    return _newest_in(directory)


@lru_cache(maxsize=1)
def _newest_bundled() -> Path:
    """The newest bundled artifact, looked for once (every article's models ask for it)."""
    return _newest_in(bundled_dir())


def _newest_in(folder: Path) -> Path:
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
    _numpy_scorer.cache_clear()
    _newest_bundled.cache_clear()


def save_model(scorer: DomainScorer, card: dict[str, Any], out_dir: Path) -> Path:
    """Write the exported classifier and its card into ``out_dir``; returns the ``.npz``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    artifact = out_dir / f"{artifact_stem(card['version'], card['date'])}{ARTIFACT_SUFFIX}"
    partial = artifact.with_name(artifact.name + ".partial")
    import numpy as np

    from danvan_nlp.classify.scorer import to_arrays

    with partial.open("wb") as stream:
        savez: Callable[..., None] = np.savez_compressed  # numbers and bytes: never pickled
        savez(stream, **to_arrays(scorer))
    partial.replace(artifact)
    card = {**card, "artifact": artifact.name, "artifact_format": "npz",
            "artifact_bytes": artifact.stat().st_size, "artifact_sha256": file_sha256(artifact)}
    card_path(artifact).write_text(json.dumps(card, ensure_ascii=False, indent=2) + "\n", "utf-8")
    _newest_bundled.cache_clear()  # it may be the newest bundled artifact now
    return artifact


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes, in hex."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_card(artifact: Path) -> dict[str, Any]:
    """The model card of ``artifact``; :class:`ModelArtifactError` if missing or bad."""
    path = card_path(artifact)
    try:
        card = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ModelArtifactError(
            f"cannot read the model card {path} ({error}); {RETRAIN_HINT}"
        ) from error
    if not isinstance(card, dict) or not isinstance(card.get("artifact_sha256"), str):
        raise ModelArtifactError(
            f"the model card {path} has no 'artifact_sha256' (an older format?); {RETRAIN_HINT}")
    return card


def check_checksum(card: dict[str, Any], artifact: Path) -> None:
    """Refuse an artifact whose bytes are not the ones its card describes."""
    found = file_sha256(artifact)
    if found != card["artifact_sha256"]:
        raise ModelArtifactError(
            f"{artifact} does not match the SHA-256 in its model card (changed or damaged "
            f"after training: {found[:12]}… instead of {card['artifact_sha256'][:12]}…); "
            f"{RETRAIN_HINT}"
        )


def refuse_pickles(artifact: Path) -> None:
    """Refuse anything but an ``.npz`` file, naming pickles for what they are."""
    with artifact.open("rb") as stream:
        start = stream.read(len(_ZIP_MAGIC))
    if artifact.suffix in PICKLE_SUFFIXES or start.startswith(_PICKLE_MAGIC):
        raise ModelArtifactError(
            f"{artifact} looks like a pickle (the old .joblib format); danvan-nlp never "
            "unpickles a model file, since unpickling runs any code in it. Give the "
            f"plain-data {ARTIFACT_SUFFIX} artifact instead, or {RETRAIN_HINT}"
        )
    if start != _ZIP_MAGIC:
        raise ModelArtifactError(
            f"{artifact} is not an {ARTIFACT_SUFFIX} model artifact; {RETRAIN_HINT}")


@lru_cache(maxsize=4)
def _load_cached(path_name: str) -> LoadedModel:
    artifact = Path(path_name)
    if not artifact.exists():
        raise ModelArtifactError(f"the artifact {artifact} does not exist; {RETRAIN_HINT}")
    if not artifact.is_file():  # a folder, a FIFO or a device would never read as one
        raise ModelArtifactError(f"the artifact {artifact} is not a regular file; give the "
                                 f"{ARTIFACT_SUFFIX} file itself")
    refuse_pickles(artifact)
    card = read_card(artifact)
    check_checksum(card, artifact)
    try:
        scorer = plain_scorer(read_npz(artifact))
    except _MALFORMED as error:
        raise ModelArtifactError(f"cannot load {artifact} ({error}); {RETRAIN_HINT}") from error
    if "labels" in card and sorted(card["labels"]) != sorted(scorer.classes):
        raise ModelArtifactError(
            f"{artifact} scores {', '.join(scorer.classes)}, but its card lists "
            f"{', '.join(map(str, card['labels']))}; {RETRAIN_HINT}")
    return LoadedModel(scorer, card, artifact)


@lru_cache(maxsize=4)
def _numpy_scorer(path_name: str) -> DomainScorer:
    """The numpy scorer of an artifact :func:`_load_cached` has checked."""
    import numpy as np

    from danvan_nlp.classify.scorer import from_arrays

    artifact = Path(path_name)
    check_checksum(read_card(artifact), artifact)
    try:
        with np.load(artifact, allow_pickle=False) as stored:
            return from_arrays({name: stored[name] for name in stored.files})
    except _MALFORMED as error:
        raise ModelArtifactError(f"cannot load {artifact} ({error}); {RETRAIN_HINT}") from error


def _listing(folder: Path) -> list[Path]:
    try:
        return list(folder.iterdir())
    except OSError:
        return []


def _version_and_date(path: Path) -> tuple[int, str]:
    match = _NAME.match(path.name)
    assert match is not None
    return int(match["version"]), match["date"]
