"""``danvan rules-report GOLD_DIR [GOLD_DIR ...]``: how often each rule fires, and how often
it is right, per gold set.

Every registered rule is listed (figures: each unit rule and each outcome rule; officials,
documents and models: each rule), with, per gold set, the facts it produced and the share
of them that match a gold fact. Predicted facts are matched to gold facts greedily in gold
order, as ``score.py`` does: figures by value and unit (an outcome rule is right when the
outcome matches too), officials by name, documents by code, models by shared title words;
a post read by another rule than its official's is tallied under its own rule.
``--scorer PATH`` borrows the normalising and matching functions of a ``score.py`` so the
numbers agree with it exactly; without it, built-in equivalents are used.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from danvan_nlp.errors import InputError
from danvan_nlp.normalize import normalize_str

MODEL_OVERLAP = 0.6  # share of the shorter title's words a matching title shares
Match = Callable[[dict[str, Any], dict[str, Any]], bool]


@dataclass(slots=True)
class Tally:
    """How often one rule fired on one gold set, and how often it was right."""

    fired: int = 0
    right: int = 0

    def precision(self) -> float | None:
        return self.right / self.fired if self.fired else None


@dataclass(slots=True)
class Report:
    """Tallies per rule (in registry order) and gold set."""

    sets: list[str]
    rules: list[str]
    tallies: dict[tuple[str, str], Tally] = field(default_factory=dict)

    def add(self, gold_set: str, rule: str, right: bool) -> None:
        tally = self.tallies.setdefault((rule, gold_set), Tally())
        tally.fired += 1
        tally.right += int(right)

    def never_fired(self) -> list[str]:
        """Registered rules that fired on no gold set."""
        return [rule for rule in self.rules
                if not any(self.tallies.get((rule, s), Tally()).fired for s in self.sets)]


def registered_rules() -> list[str]:
    """Every rule name the stages' registries declare, stage by stage."""
    from danvan_nlp.stages.documents import DocumentRule
    from danvan_nlp.stages.figures.labels import FINAL_HOWS, UnitRule
    from danvan_nlp.stages.models.stage import ModelRule
    from danvan_nlp.stages.officials.stage import OfficialRule

    return ([f"figure unit: {rule.value}" for rule in UnitRule]
            + [f"figure outcome: {how.value}" for how in FINAL_HOWS]
            + [rule.value for rule in OfficialRule] + [rule.value for rule in DocumentRule]
            + [f"model: {rule.value}" for rule in ModelRule])


# ---------------------------------------------------------------- matching


def _words(text: str) -> list[str]:
    return re.findall(r"[\w%²]+", normalize_str(text or "").lower().replace("m2", "m²"))


def _same_start(first: list[str], second: list[str]) -> bool:
    short, long_ = sorted((first, second), key=len)
    return bool(short) and long_[:len(short)] == short


def _value_match(gold: Any, pred: Any) -> bool:
    try:
        expected, found = float(gold), float(pred)
    except (TypeError, ValueError):
        return False
    return abs(expected - found) <= 1e-6 * max(1.0, abs(expected))


class Matcher:
    """Fact matching: built in, or borrowed from a ``score.py`` given by path."""

    def __init__(self, scorer: ModuleType | None = None) -> None:
        self.scorer = scorer

    def figure(self, gold: dict[str, Any], pred: dict[str, Any]) -> bool:
        if self.scorer is not None:
            return bool(self.scorer.value_match(gold["value"], pred.get("value"))
                        and self.scorer.unit_match(gold["unit"], str(pred.get("unit") or "")))
        return _value_match(gold["value"], pred.get("value")) and _same_start(
            _words(gold["unit"]), _words(str(pred.get("unit") or "")))

    def official(self, gold: dict[str, Any], pred: dict[str, Any]) -> bool:
        if self.scorer is not None:
            return bool(self.scorer.norm(gold["name"]) == self.scorer.norm(pred["name"]))
        return _words(gold["name"]) == _words(pred["name"])

    def document(self, gold: dict[str, Any], pred: dict[str, Any]) -> bool:
        if self.scorer is not None:
            return bool(self.scorer.code_match(gold["code"], str(pred.get("code") or "")))
        return "".join(_words(gold["code"])) == "".join(_words(str(pred.get("code") or "")))

    def model(self, gold: dict[str, Any], pred: dict[str, Any]) -> bool:
        expected, found = set(_words(gold["title"])), set(_words(str(pred.get("title") or "")))
        if self.scorer is not None:
            expected = set(self.scorer.norm(gold["title"]).split())
            found = set(self.scorer.norm(str(pred.get("title") or "")).split())
        shorter = min(len(expected), len(found))
        return bool(shorter) and len(expected & found) / shorter >= MODEL_OVERLAP


def _pairs(gold: list[dict[str, Any]], pred: list[dict[str, Any]],
           match: Match) -> dict[int, int]:
    """Predicted index → gold index, each used once, gold facts taken in order."""
    paired: dict[int, int] = {}
    for gold_index, expected in enumerate(gold):
        for pred_index, found in enumerate(pred):
            if pred_index not in paired and match(expected, found):
                paired[pred_index] = gold_index
                break
    return paired


# ---------------------------------------------------------------- tallying


def _figure_parts() -> dict[str, tuple[str, str]]:
    """Figure rule value → (unit rule value, outcome rule value)."""
    from itertools import product

    from danvan_nlp.stages.figures.labels import FINAL_HOWS, UnitRule, figure_rule

    return {figure_rule(unit, how).value: (unit.value, how.value)
            for unit, how in product(UnitRule, FINAL_HOWS)}


def _tally_figures(report: Report, name: str, gold: dict[str, Any], pred: dict[str, Any],
                   matcher: Matcher) -> None:
    golds, preds = gold.get("figures", []), pred["figures"]
    parts = _figure_parts()
    for index, gold_index in _paired_or_none(golds, preds, matcher.figure):
        unit_rule, how = parts[preds[index]["rule"]]
        matched = gold_index is not None
        right_outcome = matched and golds[gold_index or 0].get("outcome") == preds[index][
            "outcome"]
        report.add(name, f"figure unit: {unit_rule}", matched)
        report.add(name, f"figure outcome: {how}", right_outcome)


def _paired_or_none(golds: list[dict[str, Any]], preds: list[dict[str, Any]],
                    match: Match) -> Iterator[tuple[int, int | None]]:
    paired = _pairs(golds, preds, match)
    return ((index, paired.get(index)) for index in range(len(preds)))


def _tally_others(report: Report, name: str, gold: dict[str, Any], pred: dict[str, Any],
                  matcher: Matcher) -> None:
    kinds: tuple[tuple[str, Match, str], ...] = (
        ("officials", matcher.official, ""), ("documents", matcher.document, ""),
        ("models", matcher.model, "model: "))
    for key, match, prefix in kinds:
        preds = pred[key]
        for index, gold_index in _paired_or_none(gold.get(key, []), preds, match):
            report.add(name, prefix + preds[index]["rule"], gold_index is not None)


def gold_articles(folder: Path) -> list[tuple[str, dict[str, Any]]]:
    """(article text, gold annotation) for each ``*.json`` with a ``.txt`` beside it."""
    if not folder.is_dir():
        raise InputError(f"{folder} is not a folder: give folders of gold .txt/.json pairs")
    found = [(path.with_suffix(".txt").read_text(encoding="utf-8"),
              json.loads(path.read_text(encoding="utf-8")))
             for path in sorted(folder.glob("*.json")) if path.with_suffix(".txt").exists()]
    if not found:
        raise InputError(f"{folder} holds no gold pairs (NAME.txt beside NAME.json)")
    return found


def build_report(folders: list[Path], matcher: Matcher) -> Report:
    """Extract every gold article of ``folders`` and tally each fact under its rule."""
    from danvan_nlp import extract

    report = Report([folder.name if folder.name != "gold" else str(folder) for folder in
                     folders], registered_rules())
    for name, folder in zip(report.sets, folders, strict=True):
        for text, gold in gold_articles(folder):
            pred = extract(text).to_dict()
            _tally_figures(report, name, gold, pred, matcher)
            _tally_others(report, name, gold, pred, matcher)
            _tally_borrowed_posts(report, name, gold, pred, matcher)
    return report


def _tally_borrowed_posts(report: Report, name: str, gold: dict[str, Any], pred: dict[str, Any],
                          matcher: Matcher) -> None:
    """A post read by another rule than its official's ("ông An nguyên là ..." after the
    full name: ``official.short-name``) is tallied under its own rule, right when the
    paired gold official holds it."""
    golds, preds = gold.get("officials", []), pred["officials"]
    for index, gold_index in _paired_or_none(golds, preds, matcher.official):
        held = [_words(post) for post in golds[gold_index]["positions"]] \
            if gold_index is not None else []
        for post in preds[index]["positions"]:
            if post["rule"] != preds[index]["rule"]:
                right = any(_same_start(_words(post["surface"]), words) for words in held)
                report.add(name, post["rule"], right)


# ---------------------------------------------------------------- printing


def _cell(tally: Tally | None) -> str:
    if tally is None or not tally.fired:
        return f"{'0':>6} {'-':>6}"
    return f"{tally.fired:>6} {tally.precision() or 0.0:>6.2f}"


def render(report: Report) -> str:
    """The report as a table: per rule, fired and precision per gold set."""
    width = max(len(rule) for rule in report.rules) + 2
    header = "rule".ljust(width) + "".join(f"{s[-13:]:>14}" for s in report.sets)
    lines = [header, " " * width + "   fired  prec." * len(report.sets)]
    for rule in report.rules:
        cells = [_cell(report.tallies.get((rule, s))) for s in report.sets]
        lines.append(rule.ljust(width) + "".join(f" {cell}" for cell in cells))
    silent = report.never_fired()
    lines.append(f"rules that fired on no gold set: {', '.join(silent) if silent else 'none'}")
    return "\n".join(lines)


def load_scorer(path: Path) -> ModuleType:
    """The ``score.py`` at ``path``, imported as a module (its matching functions)."""
    spec = importlib.util.spec_from_file_location("danvan_gold_scorer", path)
    if not path.is_file() or spec is None or spec.loader is None:
        raise InputError(f"{path} is not a readable score.py: give the scorer's path")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run(args: argparse.Namespace) -> int:
    matcher = Matcher(load_scorer(args.scorer) if args.scorer else None)
    report = build_report(list(args.gold_dirs), matcher)
    print(render(report))
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "rules-report", help="per rule: how often it fires and its precision on gold sets",
        description=__doc__)
    parser.add_argument("gold_dirs", nargs="+", type=Path, metavar="GOLD_DIR",
                        help="folders of gold NAME.txt / NAME.json pairs")
    parser.add_argument("--scorer", type=Path, default=None,
                        help="a score.py whose matching functions to use")
    parser.set_defaults(handler=run)
