"""Versions a user reports with a result: package, output schema and domain model."""

from __future__ import annotations

import json
from importlib import resources

from danvan_nlp import __version__
from danvan_nlp.article import SCHEMA_VERSION


def domain_model_version() -> str:
    """``domains-v1-2026-11-26`` style name of the newest bundled domain model card,
    read from its JSON card without loading the model; ``none`` when none is shipped."""
    folder = resources.files("danvan_nlp").joinpath("models")
    cards = sorted(entry.name for entry in folder.iterdir() if entry.name.endswith(".card.json"))
    if not cards:
        return "none"
    card = json.loads(folder.joinpath(cards[-1]).read_text(encoding="utf-8"))
    return f"{card.get('task', 'domains')}-v{card.get('version', '?')}-{card.get('date', '?')}"


def version_lines() -> list[str]:
    """What ``danvan --version`` prints, one fact a line."""
    return [
        f"danvan-nlp {__version__}",
        f"output schema {SCHEMA_VERSION}",
        f"domain model {domain_model_version()}",
    ]
