"""The scrapers install under the ``danvan_nlp`` namespace: no top-level ``scrapers``
package to collide with a user's own folder of that name."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def _python(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True,
                          check=False, timeout=120)


def test_no_top_level_scrapers_package_is_installed(tmp_path: Path) -> None:
    done = _python("-c", "import scrapers", cwd=tmp_path)
    assert done.returncode != 0 and "No module named 'scrapers'" in done.stderr
    done = _python("-c", "import danvan_nlp.scrapers.fetch as f; print(f.__name__)", cwd=tmp_path)
    assert done.returncode == 0 and done.stdout.strip() == "danvan_nlp.scrapers.fetch"


def test_the_command_works_beside_a_users_scrapers_folder(tmp_path: Path) -> None:
    own = tmp_path / "scrapers"
    own.mkdir()
    (own / "__init__.py").write_text("raise SystemExit('the user folder was imported')\n",
                                     encoding="utf-8")
    (own / "cli.py").write_text("raise SystemExit('the user folder was imported')\n",
                                encoding="utf-8")
    for command in (["sites"], ["extract", "--sample", "--format", "jsonl"]):
        done = _python("-m", "danvan_nlp", *command, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        assert "user folder" not in done.stdout + done.stderr
