"""`danvan extract` with models loads neither scikit-learn/scipy nor the scraper libraries."""

import json
import subprocess
import sys
from pathlib import Path
from typing import TypedDict

import pytest

from danvan_nlp.cli import COMMAND_MODULES, COMMANDS, build_parser, modules_for

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = ROOT / "tests" / "gold" / "lang-son-2025-11-25-tong-ket-dvk-2021-2025.txt"
NOT_FOR_EXTRACT = ("sklearn", "scipy", "joblib", "underthesea", "trafilatura", "htmldate",
                   "requests", "urllib3", "bs4", "lxml", "courlan", "dask", "pyarrow")
_CHILD = """
import json, sys
command, watched = json.loads(sys.argv[1]), set(json.loads(sys.argv[2]))
sys.argv = ["danvan", *command]
from danvan_nlp.cli import main
status = main()
loaded = sorted({name.split(".")[0] for name in sys.modules} & watched)
print(json.dumps({"status": status, "loaded": loaded}), file=sys.stderr)
"""


class _Report(TypedDict):
    """What the child interpreter prints on its last stderr line."""

    status: int
    loaded: list[str]


def _run(command: list[str]) -> tuple[_Report, str]:
    """Run ``danvan COMMAND`` in a fresh interpreter: its report and its output."""
    argv = [sys.executable, "-c", _CHILD, json.dumps(command), json.dumps(NOT_FOR_EXTRACT)]
    done = subprocess.run(argv, capture_output=True, text=True, check=False, cwd=ROOT)
    return json.loads(done.stderr.strip().splitlines()[-1]), done.stdout


def test_extract_with_models_imports_no_heavy_library() -> None:
    report, output = _run(["extract", "--format", "json", str(ARTICLE)])
    assert report == {"status": 0, "loaded": []}
    models = json.loads(output)["models"]
    assert len(models) >= 3
    assert all(model["domain"] and model["domain_score"] > 0 for model in models)


def test_classify_imports_no_heavy_library_either(tmp_path: Path) -> None:
    lines = tmp_path / "mo-hinh.txt"
    lines.write_text("Tổ tự quản an ninh trật tự\nHiến đất làm đường\n", encoding="utf-8")
    report, output = _run(["classify", str(lines)])
    assert report == {"status": 0, "loaded": []}
    assert [line.split("\t")[0] for line in output.splitlines()] == [
        "quoc_phong_an_ninh", "nong_thon_moi_moi_truong"]


def test_the_check_sees_a_heavy_import_when_there_is_one() -> None:
    report, _ = _run(["sites"])  # the scraper commands need the scraper libraries
    assert report["status"] == 0 and "requests" in report["loaded"]


def test_every_command_is_mapped_to_the_module_that_registers_it() -> None:
    every = build_parser(None)._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert isinstance(every, dict)  # argparse keeps the sub-commands as {name: parser}
    assert set(every) == set(COMMANDS)
    assert set(COMMANDS.values()) == set(COMMAND_MODULES)
    for command, module in COMMANDS.items():
        assert modules_for([command, "--help"]) == (module,)
        alone = build_parser([command])._subparsers._group_actions[0].choices  # type: ignore[union-attr]
        assert isinstance(alone, dict)
        assert command in alone


@pytest.mark.parametrize("argv", [[], ["--help"], ["--version"], ["nonsense"], None])
def test_help_and_unknown_commands_see_every_command(argv: list[str] | None) -> None:
    assert modules_for(argv) == COMMAND_MODULES
