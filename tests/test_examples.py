"""The examples run as a user would run them (the demo site is served on 127.0.0.1)."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

from tests.views.browser import png_colours

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_crawl_extract_plot_on_the_demo_site(tmp_path: Path) -> None:
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, str(EXAMPLES / "crawl_extract_plot.py"), "--out",
                           str(out)], capture_output=True, text=True, check=False, timeout=300,
                          cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "extract: 3 articles, 0 failed" in done.stdout
    with (out / "figures.csv").open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    models = {(row["province"], row["outcome"], float(row["value"])) for row in rows
              if row["unit"] == "mô hình"}
    assert ("Lào Cai", "recognized", 214.0) in models
    assert ("Thái Nguyên", "registered", 1120.0) in models
    assert {row["province"] for row in rows} == {"Lào Cai", "Tuyên Quang", "Thái Nguyên"}
    assert png_colours(out / "models-by-province.png") > 20
