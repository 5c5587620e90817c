"""Every extraction validates against the shipped JSON Schema, and spans are honest."""

import glob
from pathlib import Path

import jsonschema
import pytest

from danvan_nlp import extract
from danvan_nlp.cli.inputs import sample_input
from danvan_nlp.schema import article_schema

GOLD = sorted(glob.glob(str(Path(__file__).parent / "gold" / "*.txt")))


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = article_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("path", [None, *GOLD])
def test_output_validates(validator: jsonschema.Draft202012Validator, path: str | None) -> None:
    text = sample_input().text if path is None else Path(path).read_text(encoding="utf-8")
    result = extract(text).to_dict()
    validator.validate(result)
    for span in _spans(result):
        start, end = span["start"], span["end"]
        assert isinstance(start, int) and isinstance(end, int)
        assert text[start:end] == span["text"]


def test_schema_rejects_a_wrong_label(validator: jsonschema.Draft202012Validator) -> None:
    result = extract(sample_input().text).to_dict()
    result["officials"] = [{**result["officials"][0], "roles": ["celebrates"]}]
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(result)


def _spans(node: object) -> list[dict[str, object]]:
    if isinstance(node, dict):
        found = [node] if set(node) == {"start", "end", "text"} else []
        return found + [s for value in node.values() for s in _spans(value)]
    if isinstance(node, list):
        return [s for item in node for s in _spans(item)]
    return []
