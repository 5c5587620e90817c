"""Placeholder while the skeleton is laid; replaced in this change."""

from danvan_nlp.article import Article


def find_models(article: Article) -> None:
    """Fill ``article.models``."""


def label_domains(article: Article) -> None:
    """Fill each model's ``domain``."""
