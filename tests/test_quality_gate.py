"""Quality gate: pinned gold, floors that only rise, and scores above the floors.

- Every gold set (the shared dev set, ``tests/gold``, and ``tests/gold_blind`` when present)
  is pinned by the SHA-256 of each file in ``tests/gold_digests.json``: a silent edit, an
  added or a removed file fails, with the command that re-pins on purpose
  (``python tests/pin_gold.py``).
- ``tests/quality_floors.json`` must equal the last entry of the append-only
  ``tests/floors_history.jsonl``, whose entries never lower a floor unless they carry an
  ``"allow_drop"`` reason (``python tests/pin_gold.py --record-floors WHY``).
- The shared scorer (``../shared/eval/score.py``) runs on each gold set and every score
  must stay at or above its floor. ``tests/gold_blind`` is the never-tuned split: skipped
  while the folder is absent, and once present it needs floors under ``"gold_blind"``.

Without ``../shared`` (or ``DANVAN_SHARED``) the shared parts are skipped on a developer's
machine but fail under CI (``CI`` set), where the shared folder must be present.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests import pin_gold

ROOT = Path(__file__).resolve().parent.parent
SHARED = pin_gold.shared_folder()
SCORER = SHARED / "eval" / "score.py"
FLOORS = json.loads(pin_gold.FLOORS.read_text(encoding="utf-8"))
GOLD_DIRS = pin_gold.gold_dirs()
IN_CI = bool(os.environ.get("CI"))

needs_scorer = pytest.mark.skipif(
    not SCORER.exists() and not IN_CI,
    reason=f"the shared scorer is not at {SCORER} (set DANVAN_SHARED)")


def _skip_if_absent(which: str) -> None:
    folder = GOLD_DIRS[which]
    if folder.is_dir():
        return
    if which == "gold_blind":
        pytest.skip("tests/gold_blind/ is absent (the blind split is optional until added)")
    if which == "shared_dev" and not IN_CI:
        pytest.skip(f"the shared dev set is not at {folder} (set DANVAN_SHARED)")
    pytest.fail(f"{which}: gold folder {folder} is missing")


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


# ---------------------------------------------------------------- pinned gold


@pytest.mark.parametrize("which", sorted(GOLD_DIRS))
def test_gold_sets_match_their_pinned_digests(which: str) -> None:
    pins = pin_gold.load_pins()
    if which == "gold_blind" and not GOLD_DIRS[which].is_dir() and which not in pins:
        pytest.skip("tests/gold_blind/ is absent and was never pinned")
    _skip_if_absent(which)
    assert which in pins, f"{which} is not pinned: run `{pin_gold.RE_PIN}` and commit the digests"
    changes = pin_gold.digest_changes(pins[which], pin_gold.file_digests(GOLD_DIRS[which]))
    assert not changes, (f"{which}: gold changed since it was pinned ({'; '.join(changes[:10])}). "
                         f"If the change is deliberate, run `{pin_gold.RE_PIN}` and commit "
                         "tests/gold_digests.json with the reason.")


def test_digest_changes_name_every_added_removed_and_edited_file(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text("{}", encoding="utf-8")
    (tmp_path / "b.txt").write_text("văn bản", encoding="utf-8")
    (tmp_path / ".hidden").write_text("x", encoding="utf-8")
    pinned = pin_gold.file_digests(tmp_path)
    assert sorted(pinned) == ["a.json", "b.txt"]
    (tmp_path / "a.json").write_text('{"id": 1}', encoding="utf-8")
    (tmp_path / "b.txt").unlink()
    (tmp_path / "c.json").write_text("{}", encoding="utf-8")
    changes = pin_gold.digest_changes(pinned, pin_gold.file_digests(tmp_path))
    assert changes == ["added c.json", "removed b.txt", "edited a.json"]


def test_pin_writes_digests_that_then_match(tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "x.json").write_text("{}", encoding="utf-8")
    digests = tmp_path / "digests.json"
    report = pin_gold.pin({"set": gold, "absent": tmp_path / "nowhere"}, digests)
    assert report == ["set: added x.json", f"absent: {tmp_path / 'nowhere'} is absent, "
                      "its pin is kept as it was"]
    pins = pin_gold.load_pins(digests)
    assert pin_gold.digest_changes(pins["set"], pin_gold.file_digests(gold)) == []
    assert "absent" not in pins


# ---------------------------------------------------------------- floors only rise


def test_floors_history_is_an_unbroken_chain_that_never_drops_silently() -> None:
    lines = pin_gold.history_lines()
    assert lines, "tests/floors_history.jsonl is empty: record the floors with --record-floors"
    problems = pin_gold.history_problems(lines)
    assert not problems, "; ".join(problems)


def test_floors_file_equals_the_last_history_entry() -> None:
    last = json.loads(pin_gold.history_lines()[-1])["floors"]
    assert pin_gold.floors_state(FLOORS) == last, (
        "tests/quality_floors.json differs from the last entry of tests/floors_history.jsonl: "
        "record the change with `python tests/pin_gold.py --record-floors WHY` "
        "(and --allow-drop REASON if a floor goes down)")


def test_history_check_flags_a_silent_drop_and_accepts_a_flagged_one() -> None:
    first = json.dumps({"prev": None, "floors": {"tests_gold": {"names.f1": 0.98}}})
    silent = json.dumps({"prev": pin_gold.line_digest(first),
                         "floors": {"tests_gold": {"names.f1": 0.9}}})
    flagged = json.dumps({"prev": pin_gold.line_digest(first), "allow_drop": "gold re-annotated",
                          "floors": {"tests_gold": {"names.f1": 0.9}}})
    assert pin_gold.history_problems([first, silent]) == [
        "line 2: tests_gold.names.f1: 0.98 -> 0.9 without 'allow_drop'"]
    assert pin_gold.history_problems([first, flagged]) == []


def test_history_check_flags_a_removed_floor_and_a_rewritten_entry() -> None:
    first = json.dumps({"prev": None, "floors": {"dev": {"names.f1": 0.9, "outcome": 0.9}}})
    second = json.dumps({"prev": pin_gold.line_digest(first),
                         "floors": {"dev": {"names.f1": 0.95}}})
    rewritten_first = first.replace("0.9,", "0.91,")
    problems = pin_gold.history_problems([rewritten_first, second])
    assert problems == ["line 2: 'prev' is not the digest of line 1 (the history is append-only)",
                        "line 2: dev.outcome: 0.9 -> None without 'allow_drop'"]


def test_record_floors_refuses_a_drop_without_a_reason(tmp_path: Path) -> None:
    floors, history = tmp_path / "floors.json", tmp_path / "history.jsonl"
    floors.write_text(json.dumps({"_comment": "x", "dev": {"names.f1": 0.95}}), encoding="utf-8")
    pin_gold.record_floors("seed", None, floors, history)
    floors.write_text(json.dumps({"dev": {"names.f1": 0.9}}), encoding="utf-8")
    with pytest.raises(ValueError, match="--allow-drop"):
        pin_gold.record_floors("lower", None, floors, history)
    pin_gold.record_floors("lower", "re-annotated gold", floors, history)
    lines = pin_gold.history_lines(history)
    assert len(lines) == 2
    assert json.loads(lines[1])["allow_drop"] == "re-annotated gold"
    assert pin_gold.history_problems(lines) == []


# ---------------------------------------------------------------- scores above floors


@needs_scorer
@pytest.mark.parametrize("which", sorted(GOLD_DIRS))
def test_scores_stay_above_floors(which: str) -> None:
    _skip_if_absent(which)
    assert which in FLOORS, (f"{which} has no floors: score it once (blind) and record its "
                             "scores as floors under that name")
    scores = _score(GOLD_DIRS[which])
    below = {name: (round(_metric(scores, name), 4), floor)
             for name, floor in FLOORS[which].items() if _metric(scores, name) < floor}
    assert not below, f"{which}: scores below their floors (score, floor): {below}"


def test_floors_never_go_below_the_promised_targets() -> None:
    for which in ("shared_dev", "tests_gold"):
        for name, target in FLOORS["targets"].items():
            if name in FLOORS[which]:
                assert FLOORS[which][name] >= target, f"{which} floor for {name} under target"
