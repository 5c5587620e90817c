"""Quality gate: the extractor's scores on gold articles stay above the kept floors.

Runs the shared scorer (``../shared/eval/score.py``) on the shared dev set and on our own
gold articles in ``tests/gold``. Floors live in ``tests/quality_floors.json`` and only
move up. Without ``../shared`` (or ``DANVAN_SHARED``) the gate is skipped on a developer's
machine but fails under CI (``CI`` set), where the shared folder must be present.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("DANVAN_SHARED", ROOT.parent / "shared"))
SCORER = SHARED / "eval" / "score.py"
FLOORS = json.loads((Path(__file__).parent / "quality_floors.json").read_text(encoding="utf-8"))
GOLD_DIRS = {"shared_dev": SHARED / "gold" / "dev", "tests_gold": Path(__file__).parent / "gold"}

needs_scorer = pytest.mark.skipif(
    not SCORER.exists() and not os.environ.get("CI"),
    reason=f"the shared scorer is not at {SCORER} (set DANVAN_SHARED)")


def _score(gold_dir: Path) -> dict[str, object]:
    assert SCORER.exists(), f"CI must provide the shared scorer at {SCORER} (or DANVAN_SHARED)"
    command = f"{sys.executable} -m danvan_nlp extract --format jsonl"
    done = subprocess.run([sys.executable, str(SCORER), str(gold_dir), "--run", command, "--json"],
                          capture_output=True, text=True, check=True)
    scores: dict[str, object] = json.loads(done.stdout)
    return scores


def _metric(scores: dict[str, object], name: str) -> float:
    value: object = scores
    for part in name.split("."):
        assert isinstance(value, dict)
        value = value[part]
    assert isinstance(value, int | float), f"{name} has no score"
    return float(value)


@needs_scorer
@pytest.mark.parametrize("which", sorted(GOLD_DIRS))
def test_scores_stay_above_floors(which: str) -> None:
    scores = _score(GOLD_DIRS[which])
    below = {name: (round(_metric(scores, name), 4), floor)
             for name, floor in FLOORS[which].items() if _metric(scores, name) < floor}
    assert not below, f"{which}: scores below their floors (score, floor): {below}"


def test_floors_never_go_below_the_promised_targets() -> None:
    for which in GOLD_DIRS:
        for name, target in FLOORS["targets"].items():
            if name in FLOORS[which]:
                assert FLOORS[which][name] >= target, f"{which} floor for {name} under target"
