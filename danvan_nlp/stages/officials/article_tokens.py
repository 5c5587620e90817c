"""The officials stage's tokens of one article, built once and shared by its steps."""

from __future__ import annotations

from danvan_nlp.article import Article
from danvan_nlp.context import ArticleContext
from danvan_nlp.stages.officials import positions as pos
from danvan_nlp.tokens import Token, tokenize


def _build(context: ArticleContext) -> list[Token]:
    return tokenize(context.text)


def article_tokens(article: Article) -> list[Token]:
    """Tokens of ``article.ntext``, tokenized on the first call for this article."""
    return article.context.memo(_build)


def _build_title_starts(context: ArticleContext) -> list[int]:
    return pos.title_starts(context.memo(_build))


def article_title_starts(article: Article) -> list[int]:
    """Where a title head word starts in :func:`article_tokens`, found once per article
    (the scan of the officials and the NER fallback's search for posts both read it)."""
    return article.context.memo(_build_title_starts)
