"""Score where/when fields of extracted figures against the written gold of this folder.

Gold figures are matched to extracted figures of the same article by value, in text
order. For each field, a hit is a matched figure whose field equals the gold's; every
other extracted value is a false positive and every other gold value a miss.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from danvan_nlp import extract

GOLD = Path(__file__).resolve().parent
FIELDS = ("place", "place_level", "period", "province_2025", "commune_2025",
          "period_months", "as_of")


@dataclass(slots=True)
class Tally:
    """Hits, false positives and misses of one field."""

    hits: int = 0
    extra: int = 0
    missed: int = 0

    @property
    def f1(self) -> float:
        found, wanted = self.hits + self.extra, self.hits + self.missed
        if not found and not wanted:
            return 1.0
        precision = self.hits / found if found else 0.0
        recall = self.hits / wanted if wanted else 0.0
        both = precision + recall
        return 2 * precision * recall / both if both else 0.0


def gold_articles() -> list[Path]:
    """The gold articles (``.txt`` with a ``.json`` beside it)."""
    return sorted(path for path in GOLD.glob("*.txt") if path.with_suffix(".json").exists())


def _value(record: dict[str, Any], field: str) -> Any:
    if field == "period":
        start, end = record.get("period_start"), record.get("period_end")
        return None if start is None and end is None else (start, end)
    return record.get(field)


def _pairs(gold: list[dict[str, Any]], found: list[dict[str, Any]]) -> list[tuple[Any, Any]]:
    """(gold, extracted) pairs matched by value; unmatched ones paired with ``None``."""
    unused = list(found)
    pairs: list[tuple[Any, Any]] = []
    for wanted in gold:
        match = next((item for item in unused
                      if abs(item["value"] - wanted["value"]) < 1e-9), None)
        if match is not None:
            unused.remove(match)
        pairs.append((wanted, match))
    return pairs + [(None, item) for item in unused]


def score_article(path: Path, tallies: dict[str, Tally]) -> list[str]:
    """Add one article's counts to ``tallies``; returns its disagreements, for a report."""
    gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    text = path.read_text(encoding="utf-8")
    found = extract(text, published=gold["published"]).to_dict()["figures"]
    wrong: list[str] = []
    for wanted, got in _pairs(gold["figures"], found):
        for field in FIELDS:
            expected = _value(wanted, field) if wanted else None
            given = _value(got, field) if got else None
            tally = tallies[field]
            if expected is not None and expected == given:
                tally.hits += 1
                continue
            tally.extra += given is not None
            tally.missed += expected is not None
            if expected != given:
                label = wanted["text"] if wanted else got["span"]["text"]
                wrong.append(f"{path.stem}: {label!r} {field}: gold {expected!r}, got {given!r}")
    return wrong


def score_all() -> tuple[dict[str, Tally], list[str]]:
    """Tallies of every field over the whole gold set, and every disagreement."""
    tallies = {field: Tally() for field in FIELDS}
    wrong: list[str] = []
    for path in gold_articles():
        wrong += score_article(path, tallies)
    return tallies, wrong


if __name__ == "__main__":
    scores, disagreements = score_all()
    print("\n".join(disagreements))
    for name, tally in scores.items():
        print(f"{name:14} F1 {tally.f1:.3f}  (hits {tally.hits}, extra {tally.extra}, "
              f"missed {tally.missed})")
