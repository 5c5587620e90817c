"""Every language data file opens with where its entries come from and holds entries."""

from importlib import resources

import pytest

from danvan_nlp import lexicon

SOURCE_WITHIN = 3  # a first descriptive line may come before the "# source:" line

DATA_FILES = sorted(
    entry.name for entry in resources.files("danvan_nlp.lang.vi").iterdir()
    if entry.is_file() and entry.name.endswith((".txt", ".tsv"))
)


def _head(name: str) -> list[str]:
    text = resources.files("danvan_nlp.lang.vi").joinpath(name).read_text(encoding="utf-8")
    return text.splitlines()[:SOURCE_WITHIN]


def test_data_files_are_found() -> None:
    assert "units.tsv" in DATA_FILES and "titles.txt" in DATA_FILES


@pytest.mark.parametrize("name", DATA_FILES)
def test_file_opens_with_its_source(name: str) -> None:
    assert any(line.startswith("# source:") for line in _head(name))


@pytest.mark.parametrize("name", DATA_FILES)
def test_file_holds_entries(name: str) -> None:
    assert lexicon.words(name)
