"""Scrapers: fetch Vietnamese provincial news politely into a local article archive.

One generic scraper reads site definitions (``scrapers/sites/*.json``): it discovers
article pages from listing pages, feeds and sitemaps (:mod:`scrapers.discover`),
fetches them politely (:mod:`scrapers.fetch`), extracts the article
(:mod:`scrapers.extract`) and keeps it in a SQLite archive (:mod:`scrapers.archive`)
that ``danvan extract --input`` reads through :func:`scrapers.archive.iter_articles`.
Definitions may inherit a CMS template (``scrapers/sites/templates/``); pages rendered by
JavaScript are read from their embedded JSON (:mod:`scrapers.embedded`).
"""

from __future__ import annotations
