"""Stages declare what they read and fill; ``extract(stages=...)`` checks the order."""

from __future__ import annotations

import re

import pytest

from danvan_nlp import extract
from danvan_nlp.article import Article
from danvan_nlp.components import check_order, declaration
from danvan_nlp.errors import DanvanError, StageOrderError
from danvan_nlp.pipeline import default_stages
from danvan_nlp.stages.documents import find_documents
from danvan_nlp.stages.figures import find_figures
from danvan_nlp.stages.meta import read_meta
from danvan_nlp.stages.models import find_models, label_domains
from danvan_nlp.stages.officials import find_officials

TEXT = ("Tỉnh Lào Cai: Chủ tịch UBND tỉnh Nguyễn Văn Hùng dự buổi gặp mặt, "
        "huyện đã hỗ trợ 15 hộ nghèo làm nhà.")


def test_every_default_stage_declares_what_it_reads_and_fills() -> None:
    for stage in default_stages():
        declared = declaration(stage)
        assert declared is not None, stage.__name__
        assert declared.assigns


def test_the_default_order_passes_its_own_check() -> None:
    check_order(default_stages())
    assert extract(TEXT).province == "Lào Cai"


def test_officials_alone_says_the_province_is_missing() -> None:
    with pytest.raises(StageOrderError) as raised:
        extract(TEXT, stages=[find_officials])
    message = str(raised.value)
    assert "officials.find_officials reads province" in message
    assert "run meta.read_meta before it" in message
    assert isinstance(raised.value, DanvanError)


def test_officials_after_meta_keep_the_province() -> None:
    article = extract(TEXT, stages=[read_meta, find_officials])
    assert article.province == "Lào Cai"
    assert [official.name for official in article.officials] == ["Nguyễn Văn Hùng"]


def test_figures_before_documents_are_refused() -> None:
    with pytest.raises(StageOrderError, match=re.escape("figures.find_figures reads documents")):
        extract(TEXT, stages=[read_meta, find_figures, find_documents])


def test_domains_need_the_models_first() -> None:
    with pytest.raises(StageOrderError, match=re.escape("run models.find_models before it")):
        check_order([label_domains, find_models])


def test_a_date_the_caller_gives_counts_as_filled() -> None:
    article = extract(TEXT, published="2024-05-01", stages=[find_documents])
    assert article.published == "2024-05-01"
    missing = re.escape("documents.find_documents reads published")
    with pytest.raises(StageOrderError, match=missing):
        extract(TEXT, stages=[find_documents])


def test_an_undeclared_stage_may_fill_anything() -> None:
    def set_province(article: Article) -> None:
        article.province = "Hà Giang"

    article = extract(TEXT, stages=[set_province, find_officials])
    assert article.province == "Hà Giang"
    assert len(article.officials) == 1
