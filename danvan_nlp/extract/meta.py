"""Placeholder while the skeleton is laid; replaced in this change."""

from danvan_nlp.article import Article


def read_meta(article: Article) -> None:
    """Fill ``article.meta fields``."""
