"""Placeholder while the skeleton is laid; replaced in this change."""

from danvan_nlp.article import Article


def find_officials(article: Article) -> None:
    """Fill ``article.officials``."""
