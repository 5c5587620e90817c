"""Archive-scale extraction: read many articles, extract them in parallel, append results.

>>> from danvan_nlp.batch import run_batch                  # doctest: +SKIP
>>> summary = run_batch("archive.sqlite", "result.jsonl")   # doctest: +SKIP

``danvan extract --input SOURCE --out RESULT`` is the command-line face of
:func:`~danvan_nlp.batch.runner.run_batch`; see the README section
"Archive-scale runs and exports".
"""

from __future__ import annotations

from danvan_nlp.batch.runner import RunSummary, run_batch
from danvan_nlp.batch.sources import SourceArticle, article_id, open_source

__all__ = ["RunSummary", "SourceArticle", "article_id", "open_source", "run_batch"]
