"""The JSON Schemas of danvan-nlp's output: one article (:meth:`danvan_nlp.Article.to_dict`)
and one line of a batch result file (``danvan extract --input ... --out RESULT``).

The result-line schema is built from the article schema (an extracted line is an article
plus where it came from and its checksum), so the two cannot drift apart; the shipped
``result.schema.json`` is that schema written out (``python -m danvan_nlp.schema``
rewrites it, and a test checks it is current).
"""

from __future__ import annotations

import copy
import json
from importlib import resources
from typing import Any

RESULT_FILE = "result.schema.json"
_HEX = {"16": "^[0-9a-f]{16}$", "64": "^[0-9a-f]{64}$"}


def article_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) every extraction result validates against."""
    text = resources.files(__package__).joinpath("article.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def result_schema() -> dict[str, Any]:
    """The JSON Schema of one batch result line: an extracted article or a failure."""
    article = article_schema()
    extracted = {key: copy.deepcopy(value) for key, value in article.items()
                 if key not in ("$schema", "$id", "$defs", "title", "description")}
    extracted["properties"].update({
        "id": {"type": "string", "pattern": _HEX["16"],
               "description": "first 16 hex digits of the SHA-1 of the article's URL or path"},
        "site": {"type": ["string", "null"], "description": "site definition that fetched it"},
        "sha256": {"type": "string", "pattern": _HEX["64"],
                   "description": "SHA-256 of the line's JSON without this field"},
        "path": {"type": ["string", "null"],
                 "description": "the .txt file's path inside an input folder, else null"},
    })
    extracted["required"] = ["id", *extracted["required"]]
    return {
        "$schema": article["$schema"],
        "$id": article["$id"].replace("article.schema.json", RESULT_FILE),
        "title": "danvan-nlp batch result line",
        "description": "One line of the JSONL written by danvan extract --input SOURCE --out "
                       "RESULT: an extracted article with its origin, or a failure.",
        "oneOf": [extracted, {"$ref": "#/$defs/failure"}],
        "$defs": {**copy.deepcopy(article["$defs"]), "failure": _failure()},
    }


def _failure() -> dict[str, Any]:
    text_or_null = {"type": ["string", "null"]}
    return {
        "type": "object",
        "required": ["id", "url", "path", "error", "error_kind"],
        "properties": {
            "id": {"type": "string", "pattern": _HEX["16"]},
            "url": text_or_null, "path": text_or_null,
            "error": {"type": "string", "description": "why the article was not extracted"},
            "error_kind": {"enum": ["input", "internal", "timeout"]},
            "sha256": {"type": "string", "pattern": _HEX["64"]},
        },
        "additionalProperties": False,
    }


def write_result_schema() -> None:
    """Rewrite the shipped ``result.schema.json`` from :func:`result_schema`."""
    path = resources.files(__package__).joinpath(RESULT_FILE)
    text = json.dumps(result_schema(), ensure_ascii=False, indent=1) + "\n"
    with open(str(path), "w", encoding="utf-8") as stream:
        stream.write(text)
