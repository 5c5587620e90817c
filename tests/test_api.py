"""The Python API a user expects: exports, ``extract_many``, ``Article.from_dict``,
``published=`` validation and a short ``repr``."""

from __future__ import annotations

import datetime as dt
import inspect
import json
from enum import Enum
from importlib import resources
from typing import Any

import jsonschema
import pytest

import danvan_nlp
from danvan_nlp import Article, InputError, errors, extract, extract_many, records
from danvan_nlp.schema import article_schema

SAMPLE = resources.files("danvan_nlp.data.sample").joinpath(
    "backan-2024-07-23-dan-van-kheo.txt").read_text(encoding="utf-8")
SHORT = ("Thứ Hai, 3/6/2024\nHội nghị dân vận\nĐồng chí Hà Văn Tâm - Phó Chủ tịch UBND tỉnh "
         "Bắc Kạn phát biểu. Toàn tỉnh có hơn 2.700 mô hình được đăng ký.\n")


def test_every_error_and_label_class_is_exported() -> None:
    wanted = {name for name, value in inspect.getmembers(errors, inspect.isclass)
              if issubclass(value, errors.DanvanError)}
    wanted |= {name for name, value in inspect.getmembers(records, inspect.isclass)
               if issubclass(value, Enum) and value.__module__ == records.__name__}
    assert wanted <= set(danvan_nlp.__all__)
    for name in wanted:
        assert getattr(danvan_nlp, name) is getattr(errors, name, None) or getattr(
            danvan_nlp, name) is getattr(records, name, None)


def test_round_trip_of_the_sample_through_from_dict() -> None:
    article = extract(SAMPLE, url="https://example.org/bai", published="2024-07-23")
    data = article.to_dict()
    again = Article.from_dict(json.loads(json.dumps(data)), article.text)
    assert again.to_dict() == data
    assert again.text == article.text
    assert again.figures[0].qualifier is article.figures[0].qualifier
    jsonschema.validate(again.to_dict(), article_schema())


def test_from_dict_ignores_result_line_keys_and_refuses_bad_facts() -> None:
    data: dict[str, Any] = extract(SHORT).to_dict()
    line = {"id": "0123456789abcdef", "path": "a.txt", **data}
    assert Article.from_dict(line).to_dict() == data
    broken = json.loads(json.dumps(data))
    broken["figures"][0]["qualifier"] = "roughly"
    with pytest.raises(InputError, match=r"figures\[0\]\.qualifier"):
        Article.from_dict(broken)
    broken = json.loads(json.dumps(data))
    broken["officials"][0]["nickname"] = "x"
    with pytest.raises(InputError, match="unknown field"):
        Article.from_dict(broken)


@pytest.mark.parametrize(
    "bad", ["23/7/2024", "2024-13-01", "2024-07-23T08:00", "yesterday", 20240723])
def test_published_must_be_an_iso_day(bad: object) -> None:
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        extract(SHORT, published=bad)  # type: ignore[arg-type]


def test_published_accepts_a_date_object() -> None:
    assert extract(SHORT, published=dt.date(2024, 7, 23)).published == "2024-07-23"  # type: ignore[arg-type]


def test_repr_is_short_and_says_what_was_found() -> None:
    text = repr(extract(SAMPLE))
    assert text.startswith("<Article ") and len(text) < 200
    assert "officials" in text and "figures" in text


def test_extract_many_keeps_order_and_metadata() -> None:
    items: list[str | dict[str, Any]] = [SHORT, {"text": SAMPLE, "url": "https://e.org/2"}]
    found = list(extract_many(items * 3, batch_size=2))
    assert len(found) == 6
    assert [a.url for a in found] == [None, "https://e.org/2"] * 3
    assert found[1].to_dict() == extract(SAMPLE, url="https://e.org/2").to_dict()


def test_extract_many_is_lazy() -> None:
    def endless() -> Any:
        while True:
            yield SHORT
    stream = extract_many(endless(), batch_size=4)
    assert next(stream).officials[0].name == "Hà Văn Tâm"


def test_extract_many_raises_or_skips_bad_input() -> None:
    with pytest.raises(InputError, match="input 1"):
        list(extract_many([SHORT, "", SHORT]))
    assert len(list(extract_many([SHORT, "", SHORT], on_error="skip"))) == 2


def test_extract_many_in_two_processes_equals_one() -> None:
    texts = [SHORT, SAMPLE, "", SHORT]
    one = [a.to_dict() for a in extract_many(texts, on_error="skip")]
    two = [a.to_dict() for a in extract_many(texts, n_process=2, batch_size=1, on_error="skip")]
    assert one == two and len(one) == 3
    with pytest.raises(InputError, match="input 2"):
        list(extract_many(texts, n_process=2, batch_size=1))
