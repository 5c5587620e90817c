"""Schema of ``lang/vi/figure_roles.tsv``: phrase, role, category; every role read by code."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import danvan_nlp
from danvan_nlp import lexicon
from danvan_nlp.stages.figures.lexicon import Category, role_categories, roles_in

FIGURES = Path(danvan_nlp.__file__).resolve().parent / "stages" / "figures"
_ROLE_CALL = re.compile(
    r"""
    (?:role_words|role_alternation|before_number|mentions)  # a reader of one role
    \( " (?P<role>[a-z_]+) "                                # called with the role's name
    """,
    re.VERBOSE,
)


def _raw_rows() -> list[list[str]]:
    raw = resources.files("danvan_nlp.lang.vi").joinpath("figure_roles.tsv").read_text(
        encoding="utf-8")
    return [line.split("\t") for line in raw.splitlines()
            if line.strip() and not line.startswith("#")]


def test_the_file_keeps_its_sources_and_names_its_columns() -> None:
    raw = resources.files("danvan_nlp.lang.vi").joinpath("figure_roles.tsv").read_text(
        encoding="utf-8")
    comments = [line for line in raw.splitlines() if line.startswith("#")]
    assert raw.splitlines()[1].startswith("# source:")
    assert sum(line.startswith("# source:") for line in comments) >= 4
    assert "# columns: phrase\trole\tcategory" in comments


def test_every_row_has_a_phrase_a_role_and_a_known_category() -> None:
    rows = _raw_rows()
    assert len(rows) > 150
    for row in rows:
        assert len(row) == 3, row
        phrase, role, category = (cell.strip() for cell in row)
        assert phrase and re.fullmatch(r"[a-z_]+", role), row
        assert category in {member.value for member in Category}, row


def test_no_phrase_is_listed_twice_under_one_role() -> None:
    pairs = [(row[0], row[1]) for row in lexicon.table("figure_roles.tsv")]
    assert len(pairs) == len(set(pairs))


def test_each_role_has_one_category() -> None:
    seen: dict[str, set[str]] = {}
    for row in lexicon.table("figure_roles.tsv"):
        seen.setdefault(row[1], set()).add(row[2])
    assert {role: found for role, found in seen.items() if len(found) != 1} == {}
    assert roles_in(Category.COPULA) == ("copula", "restate_verb")
    assert roles_in(Category.PART_OPENER) == ("part_opener", "sentence_part_opener")


def test_the_code_reads_exactly_the_roles_of_the_file() -> None:
    read = {match["role"] for path in FIGURES.glob("*.py")
            for match in _ROLE_CALL.finditer(path.read_text(encoding="utf-8"))}
    assert read == set(role_categories())
