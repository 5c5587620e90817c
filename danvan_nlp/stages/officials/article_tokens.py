"""The officials stage's tokens of one article, built once and shared by its steps."""

from __future__ import annotations

from danvan_nlp.article import Article
from danvan_nlp.context import ArticleContext
from danvan_nlp.tokens import Token, tokenize


def _build(context: ArticleContext) -> list[Token]:
    return tokenize(context.text)


def article_tokens(article: Article) -> list[Token]:
    """Tokens of ``article.ntext``, tokenized on the first call for this article."""
    return article.context.memo(_build)
