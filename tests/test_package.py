"""What the installed package carries besides code: licence, changelog, domains, schema."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

from danvan_nlp.article import SCHEMA_VERSION
from danvan_nlp.schema import article_schema
from danvan_nlp.versions import domain_model_version

ROOT = Path(__file__).resolve().parent.parent


def test_domains_guide_ships_with_the_labels_of_the_model() -> None:
    guide = resources.files("danvan_nlp.data").joinpath("DOMAINS.md").read_text(encoding="utf-8")
    labels = re.findall(r"^\| `(\w+)` \|", guide, flags=re.MULTILINE)
    models = resources.files("danvan_nlp").joinpath("models")
    card_name = next(e.name for e in models.iterdir() if e.name.endswith(".card.json")
                     and domain_model_version() in e.name)
    card = json.loads(models.joinpath(card_name).read_text(encoding="utf-8"))
    assert labels == card["labels"]


def test_schema_id_and_const_carry_the_schema_version() -> None:
    schema = article_schema()
    assert schema["properties"]["schema_version"]["const"] == SCHEMA_VERSION
    assert schema["$id"].endswith(f"/{SCHEMA_VERSION}/article.schema.json")


def test_changelog_records_the_current_schema_version() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    schema_notes = changelog.split("### Schema")[1:]
    assert any(re.search(rf"^- {re.escape(SCHEMA_VERSION)}:", part, flags=re.MULTILINE)
               for part in schema_notes)


def test_licence_is_the_mit_text_pyproject_claims() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'license = "MIT"' in pyproject
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")


def test_lower_bound_constraints_match_pyproject() -> None:
    import tomllib

    from packaging.requirements import Requirement
    from packaging.version import Version

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = list(project["dependencies"])
    for extra in ("parquet", "dask", "examples"):
        declared += project["optional-dependencies"][extra]
    pinned = {}
    for line in (ROOT / "ci" / "constraints-min.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, version = line.split("==")
            pinned[name.strip().lower()] = Version(version)
    for text in declared:
        requirement = Requirement(text)
        (bound,) = [spec for spec in requirement.specifier if spec.operator == ">="]
        assert pinned[requirement.name.lower()] == Version(bound.version), requirement.name
        for extra_package in requirement.extras:
            assert extra_package.lower() in pinned, f"{requirement.name}[{extra_package}]"
