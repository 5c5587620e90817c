"""From a news site to a chart: crawl, extract, export figures, plot them by province.

    pip install 'danvan-nlp[examples]'          # pandas and matplotlib
    python examples/crawl_extract_plot.py --out demo-output

With no START_URL the script serves the small demo site in ``examples/demo_site/`` on
127.0.0.1 (three invented articles in the markup of the "cms-post" family of provincial
papers) and crawls that, so it runs anywhere without the network. Give a real listing
page and ``--site`` to crawl a real paper politely (mind ``--contact``).

It writes, in ``--out``: ``news.sqlite`` (the archive), ``result.jsonl`` (the
extraction), ``figures.csv`` (the tidy table) and ``models-by-province.png`` (models
counted by province and outcome).
"""

from __future__ import annotations

import argparse
import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only: no screen needed

import matplotlib.pyplot as plt
import pandas as pd

from danvan_nlp.batch import run_batch
from danvan_nlp.export import export_table
from danvan_nlp.scrapers import crawl

DEMO_SITE = Path(__file__).resolve().parent / "demo_site"


class _DemoPages(SimpleHTTPRequestHandler):
    """The demo site's files, ``/dan-van`` for ``dan-van.html``, no request log."""

    def translate_path(self, path: str) -> str:
        local = super().translate_path(path)
        return local + ".html" if Path(local + ".html").is_file() else local

    def log_message(self, format: str, *args: object) -> None:
        return


@contextmanager
def demo_site() -> Iterator[str]:
    """Serve ``demo_site/`` on 127.0.0.1 for as long as the block runs; yields its listing."""
    handler = functools.partial(_DemoPages, directory=str(DEMO_SITE))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/dan-van"
    finally:
        server.shutdown()
        server.server_close()


def plot_models(figures: pd.DataFrame, out: Path) -> Path:
    """Bar chart of models counted, by province and outcome; returns the PNG path."""
    models = figures[figures["unit"] == "mô hình"]
    table = models.pivot_table(index="province", columns="outcome", values="value",
                               aggfunc="sum", fill_value=0)
    axes = table.plot.barh(figsize=(8, 1.2 + 0.9 * len(table)))  # side by side: recognised
    # models are usually a part of the registered ones, so the bars are not stacked
    axes.set_xlabel("models (as reported)")
    axes.set_ylabel("")
    axes.set_title("'Dân vận khéo' models by province and outcome")
    plt.tight_layout()
    path = out / "models-by-province.png"
    plt.savefig(path, dpi=120)
    plt.close("all")
    return path


def run(start_url: str, site: str, out: Path, contact: str) -> pd.DataFrame:
    """Crawl, extract and export into ``out``; returns the figures table."""
    archive, result, table = out / "news.sqlite", out / "result.jsonl", out / "figures.csv"
    stats = crawl(start_url, archive, site=site, delay=0.2, contact=contact)
    print(f"crawl: {stats.summary()}")
    summary = run_batch(archive, result, workers=1)
    print(f"extract: {summary.done} articles, {summary.failed} failed")
    export_table("figures", result, table)
    return pd.read_csv(table)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("start_url", nargs="?", help="listing page (default: the demo site)")
    parser.add_argument("--site", default="baolaocai",
                        help="site definition (default baolaocai: the demo's markup family)")
    parser.add_argument("--out", type=Path, default=Path("demo-output"))
    parser.add_argument("--contact", default="", help="your e-mail, put in the User-Agent")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.start_url:
        figures = run(args.start_url, args.site, args.out, args.contact)
    else:
        with demo_site() as start_url:
            figures = run(start_url, args.site, args.out, args.contact)
    print(f"chart: {plot_models(figures, args.out)}")


if __name__ == "__main__":
    main()
