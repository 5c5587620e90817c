"""Scrapers: fetch Vietnamese provincial news politely into a local article archive.

One generic scraper reads site definitions (``scrapers/sites/*.json``): it discovers
article pages from listing pages, feeds and sitemaps (:mod:`danvan_nlp.scrapers.discover`),
fetches them politely (:mod:`danvan_nlp.scrapers.fetch`), extracts the article
(:mod:`danvan_nlp.scrapers.extract`) and keeps it in a SQLite archive
(:mod:`danvan_nlp.scrapers.archive`)
that ``danvan extract --input`` reads through :func:`danvan_nlp.scrapers.archive.iter_articles`.
Definitions may inherit a CMS template (``scrapers/sites/templates/``); pages rendered by
JavaScript are read from their embedded JSON (:mod:`danvan_nlp.scrapers.embedded`).
"""

from __future__ import annotations

from danvan_nlp.scrapers.api import crawl

__all__ = ["crawl"]
