"""Pin the gold sets by SHA-256 digests, and record every change of the quality floors.

    python tests/pin_gold.py                         # re-pin tests/gold_digests.json
    python tests/pin_gold.py --record-floors WHY     # append quality_floors.json to the history
    python tests/pin_gold.py --record-floors WHY --allow-drop REASON   # ... when a floor drops

``tests/test_quality_gate.py`` fails when a gold file is edited, added or removed without a
re-pin, when ``tests/quality_floors.json`` differs from the last entry of
``tests/floors_history.jsonl``, and when that history ever lowers a floor without an
``"allow_drop"`` reason. Each history line carries the SHA-256 of the line before it
(``"prev"``), so rewriting an old entry breaks the chain: the file is append-only.
Re-pin or record only on purpose, and say why in the commit.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import os
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
DIGESTS = TESTS / "gold_digests.json"
FLOORS = TESTS / "quality_floors.json"
HISTORY = TESTS / "floors_history.jsonl"
RE_PIN = "python tests/pin_gold.py"


def shared_folder() -> Path:
    return Path(os.environ.get("DANVAN_SHARED", ROOT.parent / "shared"))


def gold_dirs() -> dict[str, Path]:
    """Every gold set the quality gate scores, by the name its floors use."""
    return {"shared_dev": shared_folder() / "gold" / "dev", "tests_gold": TESTS / "gold",
            "gold_blind": TESTS / "gold_blind"}


def file_digests(folder: Path) -> dict[str, str]:
    """SHA-256 of every file in ``folder`` (recursively; hidden files and caches left out)."""
    digests = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if path.is_file() and not any(part.startswith((".", "__")) for part in relative.parts):
            digests[relative.as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return digests


def digest_changes(pinned: dict[str, str], current: dict[str, str]) -> list[str]:
    """What differs between a pinned and a current digest table, one line per file."""
    changes = [f"added {name}" for name in sorted(current.keys() - pinned.keys())]
    changes += [f"removed {name}" for name in sorted(pinned.keys() - current.keys())]
    changes += [f"edited {name}" for name in sorted(pinned.keys() & current.keys())
                if pinned[name] != current[name]]
    return changes


def load_pins(path: Path = DIGESTS) -> dict[str, dict[str, str]]:
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {name: files for name, files in data.items() if not name.startswith("_")}


def pin(dirs: dict[str, Path], path: Path = DIGESTS) -> list[str]:
    """Write the digests of every gold set present; returns the changes made."""
    pins = load_pins(path)
    report = []
    for name, folder in dirs.items():
        if not folder.is_dir():
            report.append(f"{name}: {folder} is absent, its pin is kept as it was")
            continue
        current = file_digests(folder)
        report += [f"{name}: {change}" for change in digest_changes(pins.get(name, {}), current)]
        pins[name] = current
    comment = (f"SHA-256 of every gold file, checked by tests/test_quality_gate.py. "
               f"Re-pin on purpose only: {RE_PIN}")
    path.write_text(json.dumps({"_comment": comment, **pins}, ensure_ascii=False, indent=1)
                    + "\n", encoding="utf-8")
    return report


def line_digest(line: str) -> str:
    return hashlib.sha256(line.encode("utf-8")).hexdigest()


def floors_state(floors: dict[str, object]) -> dict[str, dict[str, float]]:
    """The floors file without its comments: {split or "targets": {metric: floor}}."""
    state: dict[str, dict[str, float]] = {}
    for key, metrics in floors.items():
        if not key.startswith("_") and isinstance(metrics, dict):
            state[key] = {metric: float(value) for metric, value in metrics.items()}
    return state


def floor_drops(before: dict[str, dict[str, float]],
                after: dict[str, dict[str, float]]) -> list[str]:
    """Every floor of ``before`` that ``after`` lowers or removes."""
    drops = []
    for split, metrics in before.items():
        for metric, floor in metrics.items():
            new = after.get(split, {}).get(metric)
            if new is None or new < floor:
                drops.append(f"{split}.{metric}: {floor} -> {new}")
    return drops


def history_problems(lines: list[str]) -> list[str]:
    """Broken links of the hash chain, and floor drops without an "allow_drop" reason."""
    problems: list[str] = []
    previous_line: str | None = None
    previous_state: dict[str, dict[str, float]] | None = None
    for number, line in enumerate(lines, start=1):
        entry = json.loads(line)
        expected: str | None = line_digest(previous_line) if previous_line is not None else None
        if entry.get("prev") != expected:
            problems.append(f"line {number}: 'prev' is not the digest of line {number - 1}"
                            " (the history is append-only)")
        state = entry["floors"]
        if previous_state is not None and not entry.get("allow_drop"):
            problems += [f"line {number}: {drop} without 'allow_drop'"
                         for drop in floor_drops(previous_state, state)]
        previous_line, previous_state = line, state
    return problems


def history_lines(path: Path = HISTORY) -> list[str]:
    if not path.exists():
        return []
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def record_floors(reason: str, allow_drop: str | None, floors_path: Path = FLOORS,
                  history_path: Path = HISTORY) -> str:
    """Append the current floors to the history; refuses a silent drop. Returns the entry."""
    state = floors_state(json.loads(floors_path.read_text(encoding="utf-8")))
    lines = history_lines(history_path)
    if lines:
        drops = floor_drops(json.loads(lines[-1])["floors"], state)
        if drops and not allow_drop:
            raise ValueError(f"floors drop ({'; '.join(drops)}): pass --allow-drop REASON "
                             "if this is deliberate")
    entry: dict[str, object] = {
        "date": datetime.date.today().isoformat(), "reason": reason,
        "prev": line_digest(lines[-1]) if lines else None, "floors": state}
    if allow_drop:
        entry["allow_drop"] = allow_drop
    line = json.dumps(entry, ensure_ascii=False, sort_keys=True)
    with history_path.open("a", encoding="utf-8") as handle:
        handle.write(line + "\n")
    return line


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--record-floors", metavar="WHY",
                        help="append tests/quality_floors.json to tests/floors_history.jsonl")
    parser.add_argument("--allow-drop", metavar="REASON", help="accept a lower floor")
    args = parser.parse_args(argv)
    try:
        if args.record_floors:
            print(record_floors(args.record_floors, args.allow_drop))
        else:
            print("\n".join(pin(gold_dirs())) or "no change")
    except (ValueError, OSError) as error:
        print(f"pin_gold: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
