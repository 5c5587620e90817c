"""The model cascade is declared in one place: its registries name every rule, read only
lexicons that exist, and decide in the documented order."""

from __future__ import annotations

import re
from pathlib import Path

from danvan_nlp import lexicon
from danvan_nlp.pipeline import extract
from danvan_nlp.stages.models import cascade
from danvan_nlp.stages.models import lexicon as lex
from danvan_nlp.stages.models.found import CueSite, ModelRejection, ModelRule
from danvan_nlp.stages.models.stage import ModelRule as StageModelRule


def test_the_rule_enum_is_exactly_the_finding_steps() -> None:
    rules = cascade.finding_rules()
    assert len(rules) == len(set(rules))
    assert set(rules) == set(ModelRule)
    assert StageModelRule is ModelRule


def test_every_rejecting_step_is_registered_once() -> None:
    names = [rejection.name for rejection in cascade.SENTENCE_REJECTIONS]
    names += [step.name for step in cascade.CUE_STEPS if isinstance(step.name, ModelRejection)]
    assert sorted(names) == sorted(ModelRejection)


def test_the_docstring_numbers_the_cue_steps_in_registry_order() -> None:
    doc = cascade.__doc__ or ""
    cue_part = doc[doc.index("``CUE_STEPS`` - "):]
    listed = re.findall(r"^\d+\. ``(\w+)``", cue_part, re.MULTILINE)
    assert listed == [step.name.value for step in cascade.CUE_STEPS]


def test_every_lexicon_a_step_reads_exists() -> None:
    for name in cascade.lexicons_read():
        assert lexicon.words(name) or lexicon.table(name), name


def test_every_model_lexicon_is_read_by_a_declared_step() -> None:
    folder = Path(lexicon.__file__).parent / "lang" / "vi"
    files = {path.name for path in folder.glob("model_*")}
    assert files and files <= cascade.lexicons_read()


def _cue_site(sentence: str) -> CueSite:
    """The site of the cue "mô hình" in ``sentence``."""
    match = next(m for m in lex.cue_re().finditer(sentence) if m["cue"].lower() == "mô hình")
    return CueSite(sentence, match, lex.cues()[match["cue"].lower()], match.end())


def test_a_rejecting_cue_step_stops_the_cue_with_nothing() -> None:
    site = _cue_site("Xã có các mô hình nuôi bò vỗ béo ở thôn Bản Xèo.")
    answers = {step.name: step.decide(site) for step in cascade.CUE_STEPS}
    assert answers[ModelRejection.COMMON_NOUN] == []
    assert answers[ModelRule.DESCRIBED] != []  # alone, the last step would take a title
    assert cascade.after_cue(site) == []


def test_a_quoted_name_wins_over_a_description() -> None:
    site = _cue_site('Chi hội duy trì mô hình "Nồi cháo nghĩa tình" ở bệnh viện huyện.')
    found = cascade.after_cue(site)
    assert [(site.sentence[f.start:f.end], f.rule) for f in found] == [
        ("Nồi cháo nghĩa tình", ModelRule.QUOTED_NAME)]


def test_a_sentence_of_shortcomings_gives_no_model() -> None:
    text = ("Bên cạnh kết quả, một số mô hình nuôi cá lồng còn hạn chế, "
            "chưa phát huy hiệu quả.")
    assert extract(text).models == []
