"""Pipeline stages: each reads the :class:`~danvan_nlp.article.Article` and fills its part."""
