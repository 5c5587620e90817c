"""The JSON Schema of :meth:`danvan_nlp.Article.to_dict` output."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def article_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) every extraction result validates against."""
    text = resources.files(__package__).joinpath("article.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
