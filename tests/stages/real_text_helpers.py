"""Small readers of an extraction shared by the real-text pattern tests."""

from typing import Any

from danvan_nlp import extract


def facts_of(text: str) -> dict[str, Any]:
    """The article's facts as plain JSON values."""
    facts: dict[str, Any] = extract(text).to_dict()
    return facts


def positions_of(facts: dict[str, Any], name: str) -> list[dict[str, Any]]:
    """The positions of the official named ``name`` (the test fails when there is none)."""
    for official in facts["officials"]:
        if official["name"] == name:
            positions: list[dict[str, Any]] = official["positions"]
            return positions
    raise AssertionError(f"{name} not found among {[o['name'] for o in facts['officials']]}")
