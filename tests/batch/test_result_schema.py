"""Every line of a batch result validates against the shipped result-line schema."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from danvan_nlp.batch import run_batch
from danvan_nlp.schema import RESULT_FILE, article_schema, result_schema
from tests.batch.helpers import ARTICLES, NOT_VIETNAMESE, read_lines, write_jsonl


def test_extracted_and_failed_lines_validate(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "a.jsonl", [*ARTICLES, NOT_VIETNAMESE])
    run_batch(source, tmp_path / "r.jsonl", workers=1, progress=False)
    lines = read_lines(tmp_path / "r.jsonl")
    assert {"error" in line for line in lines} == {True, False}
    validator = jsonschema.Draft202012Validator(result_schema())
    for line in lines:
        validator.validate(line)


def test_damaged_lines_do_not_validate(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "a.jsonl", [ARTICLES[0], NOT_VIETNAMESE])
    run_batch(source, tmp_path / "r.jsonl", workers=1, progress=False)
    extracted, failed = read_lines(tmp_path / "r.jsonl")
    validator = jsonschema.Draft202012Validator(result_schema())
    for damaged in ({**failed, "error_kind": "oops"}, {**failed, "id": "XYZ"},
                    {key: value for key, value in failed.items() if key != "error"},
                    {**extracted, "figures": "none"}, {**extracted, "sha256": "short"},
                    {key: value for key, value in extracted.items() if key != "id"}):
        with pytest.raises(jsonschema.ValidationError):
            validator.validate(damaged)


def test_shipped_result_schema_is_current_and_versioned() -> None:
    shipped = json.loads(resources.files("danvan_nlp.schema").joinpath(RESULT_FILE)
                         .read_text(encoding="utf-8"))
    assert shipped == result_schema(), "run: python -m danvan_nlp.schema"
    version = article_schema()["properties"]["schema_version"]["const"]
    assert f"/{version}/" in shipped["$id"]
