"""Views people look at: one article with its facts highlighted, and a report of a batch.

Both are single self-contained HTML files (inline CSS, inline SVG, a few lines of inline
script; no network, no CDN), readable on a phone.
"""

from danvan_nlp.views.article_view import article_html
from danvan_nlp.views.report_view import report_html

__all__ = ["article_html", "report_html"]
