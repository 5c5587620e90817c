"""The numpy scorer gives the estimator's probabilities, and the shipped model its own."""

from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from danvan_nlp.classify.artifact import load_model
from danvan_nlp.classify.estimator import DomainClassifier
from danvan_nlp.classify.export import export_estimator
from danvan_nlp.classify.scorer import char_wb_ngrams, from_arrays, to_arrays, word_ngrams
from danvan_nlp.classify.text import strip_diacritics
from danvan_nlp.classify.training import read_examples

DATA = Path(__file__).resolve().parents[2] / "models" / "data"
ODD_TEXTS = [
    "!!! ???",  # no term at all: every view is empty
    "a",
    "ANTT",
    "Camera an ninh",
    "Một mô hình rất  dài, " * 40,
    "Ðoàn thanh niên giúp dân gặt lúa",  # Ð (eth) for Đ
    "The villagers built a road together",
    "xã có 12 tổ hòa giải, 3 tổ tự quản",
    "Tổ\tliên\ngia an toàn",
]


@pytest.fixture(scope="module")
def examples() -> tuple[list[str], list[str]]:
    main, extra = (read_examples(DATA / name)
                   for name in ("model_domains.tsv", "model_domains_extra.tsv"))
    return main.texts + extra.texts, main.labels + extra.labels


@pytest.fixture(scope="module")
def probe_texts(examples: tuple[list[str], list[str]]) -> list[str]:
    """Many texts the models have seen, variants they have not, and odd ones."""
    texts = examples[0][::3]
    variants = [strip_diacritics(text) for text in texts[:60]]
    variants += [text.upper() for text in texts[60:120]]
    variants += [" ".join(reversed(text.split())) for text in texts[120:180]]
    return texts + variants + ODD_TEXTS


@pytest.mark.parametrize(
    "params",
    [
        {},  # the shipped configuration: complement naive Bayes, calibrated
        {"algorithm": "nb", "calibrate": False},
        {"algorithm": "svm", "C": 0.3},
        {"algorithm": "svm", "calibrate": False},
        {"algorithm": "logreg", "C": 1.0},
        {"algorithm": "logreg", "calibrate": False, "char_ngrams": False},
        {"algorithm": "nb", "stripped_view": False},
    ],
    ids=lambda params: "-".join(f"{k}={v}" for k, v in params.items()) or "shipped",
)
def test_exported_weights_give_the_estimators_probabilities(
    params: dict[str, Any], examples: tuple[list[str], list[str]], probe_texts: list[str]
) -> None:
    texts, labels = examples
    # a third of the rows (an eighth for logistic regression) keeps the other models quick
    step = 1 if not params else 8 if params["algorithm"] == "logreg" else 3
    estimator = DomainClassifier(**params).fit(texts[::step], labels[::step])
    scorer = export_estimator(estimator)
    expected = estimator.predict_proba(probe_texts)
    found = scorer.predict_proba(probe_texts)
    assert len(probe_texts) > 400
    assert scorer.classes == tuple(estimator.classes_)
    np.testing.assert_allclose(found, expected, rtol=0, atol=1e-9)
    assert (found.argmax(axis=1) == expected.argmax(axis=1)).all()


def test_stored_arrays_give_the_same_scorer(
    tiny_data: tuple[list[str], list[str]], probe_texts: list[str]
) -> None:
    scorer = export_estimator(DomainClassifier().fit(*tiny_data))
    again = from_arrays(to_arrays(scorer))
    assert [view.vocabulary for view in again.views] == [view.vocabulary for view in scorer.views]
    np.testing.assert_array_equal(again.predict_proba(probe_texts),
                                  scorer.predict_proba(probe_texts))


def test_shipped_artifact_is_the_shipped_configuration_trained_on_the_data(
    examples: tuple[list[str], list[str]], probe_texts: list[str]
) -> None:
    """Refitting ``DomainClassifier()`` on ``models/data`` reproduces the shipped model: to
    1e-9 with the scikit-learn that trained it, to 1e-6 with another (the oldest allowed
    version's fit differs in the seventh decimal; the labels never do)."""
    import sklearn

    shipped = load_model()
    assert DomainClassifier().get_params() == shipped.card["params"]
    refitted = DomainClassifier().fit(*examples)
    same_library = shipped.card["libraries"]["scikit-learn"] == sklearn.__version__
    expected, found = shipped.scorer.predict_proba(probe_texts), refitted.predict_proba(probe_texts)
    np.testing.assert_allclose(expected, found, rtol=0, atol=1e-9 if same_library else 1e-6)
    assert (expected.argmax(axis=1) == found.argmax(axis=1)).all()


@pytest.mark.parametrize("text", [*ODD_TEXTS, "tổ tự quản an ninh trật tự ở khu dân cư"])
def test_term_analyzers_match_scikit_learn(text: str) -> None:
    words = TfidfVectorizer(token_pattern=r"(?u)\b\w+\b", ngram_range=(1, 2), lowercase=False)
    chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), lowercase=False)
    tokens = words.build_tokenizer()(text)
    assert Counter(word_ngrams(tokens, 1, 2)) == Counter(words.build_analyzer()(text))
    assert Counter(char_wb_ngrams(text, 2, 5)) == Counter(chars.build_analyzer()(text))


def test_a_short_word_gives_itself_once() -> None:
    assert char_wb_ngrams("an", 2, 5) == [" a", "an", "n ", " an", "an ", " an "]
    assert word_ngrams(["tổ", "tự", "quản"], 1, 2) == ["tổ", "tự", "quản", "tổ tự", "tự quản"]


def test_a_bare_string_is_refused(tiny_data: tuple[list[str], list[str]]) -> None:
    scorer = export_estimator(DomainClassifier().fit(*tiny_data))
    with pytest.raises(ValueError, match="not one string"):
        scorer.predict_proba("Hiến đất làm đường")  # a str is a Sequence[str] to mypy
    assert scorer.predict_proba([]).shape == (0, 7)


def test_two_label_models_are_not_exported(tiny_data: tuple[list[str], list[str]]) -> None:
    texts, labels = tiny_data
    two = [(text, label) for text, label in zip(texts, labels, strict=True)
           if label in ("kinh_te", "dan_toc_ton_giao")]
    estimator = DomainClassifier(calibrate=False).fit(*zip(*two, strict=True))
    with pytest.raises(ValueError, match="three or more labels"):
        export_estimator(estimator)


def test_the_word_cache_stays_bounded_and_changes_nothing(
    monkeypatch: pytest.MonkeyPatch, tiny_data: tuple[list[str], list[str]],
    probe_texts: list[str],
) -> None:
    from danvan_nlp.classify import plain as plain_module

    fresh = export_estimator(DomainClassifier().fit(*tiny_data))
    expected = fresh.predict_proba(probe_texts)
    monkeypatch.setattr(plain_module, "WORD_CACHE_SIZE", 5)
    small = from_arrays(to_arrays(fresh))
    np.testing.assert_array_equal(small.predict_proba(probe_texts), expected)
    assert all(len(view.word_columns) <= 5 for view in small.views)
    assert sum(len(view.word_columns) for view in fresh.views) > 5
