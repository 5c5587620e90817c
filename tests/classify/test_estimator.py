"""DomainClassifier follows scikit-learn's estimator conventions."""

from typing import Any

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import Pipeline

from danvan_nlp.classify.estimator import DomainClassifier
from danvan_nlp.classify.features import prepare, prepare_stripped, strip_diacritics


@pytest.mark.parametrize("algorithm", ["svm", "logreg", "nb"])
def test_fit_returns_self_and_learns_sorted_classes(
    algorithm: str, tiny_data: tuple[list[str], list[str]],
) -> None:
    texts, labels = tiny_data
    model = DomainClassifier(algorithm=algorithm)
    assert model.fit(texts, labels) is model
    assert list(model.classes_) == sorted(set(labels))
    assert hasattr(model, "pipeline_")


@pytest.mark.parametrize("calibrate", [True, False])
def test_predict_proba_rows_sum_to_one_in_classes_order(
    calibrate: bool, tiny_data: tuple[list[str], list[str]],
) -> None:
    texts, labels = tiny_data
    model = DomainClassifier(calibrate=calibrate).fit(texts, labels)
    probabilities = model.predict_proba(["Tổ tự quản an ninh trật tự", "Hiến đất làm đường"])
    assert probabilities.shape == (2, len(model.classes_))
    np.testing.assert_allclose(probabilities.sum(axis=1), 1.0)
    assert set(model.predict(["Hiến đất làm đường"])) <= set(model.classes_)


@pytest.mark.parametrize("method", ["predict", "predict_proba"])
def test_unfitted_estimator_raises_not_fitted(method: str) -> None:
    with pytest.raises(NotFittedError):
        getattr(DomainClassifier(), method)(["Tổ tự quản an ninh trật tự"])


def test_get_set_params_and_clone() -> None:
    model = DomainClassifier(algorithm="logreg", C=2.0, stripped_view=False)
    params = model.get_params()
    assert params["algorithm"] == "logreg" and params["C"] == 2.0
    assert params["stripped_view"] is False
    assert model.set_params(C=5.0) is model and model.C == 5.0
    copy = clone(model)
    assert copy is not model and copy.get_params() == model.get_params()


def test_clone_of_fitted_estimator_is_unfitted(tiny_data: tuple[list[str], list[str]]) -> None:
    fitted = DomainClassifier().fit(*tiny_data)
    with pytest.raises(NotFittedError):
        clone(fitted).predict(["Đường hoa"])


def test_works_inside_pipeline_and_grid_search(tiny_data: tuple[list[str], list[str]]) -> None:
    texts, labels = tiny_data
    search = GridSearchCV(Pipeline([("domains", DomainClassifier(calibrate=False))]),
                          {"domains__C": [0.5, 1.0]}, cv=2, scoring="f1_macro")
    search.fit(texts, labels)
    assert search.best_params_["domains__C"] in (0.5, 1.0)
    assert len(search.predict(["Nuôi bò sinh sản"])) == 1


@pytest.mark.parametrize(
    ("X", "y", "message"),
    [
        ("một chuỗi", ["kinh_te"], "not one string"),
        (["a", "b"], ["kinh_te"], "2 descriptions but y has 1"),
        (["a", 3], ["kinh_te", "kinh_te"], "must be a str"),
        (["a", "b"], ["kinh_te", "kinh_te"], "at least two different labels"),
    ],
)
def test_fit_rejects_bad_input_clearly(X: list[Any], y: list[str], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        DomainClassifier().fit(X, y)


def test_unknown_algorithm_is_refused_at_fit(tiny_data: tuple[list[str], list[str]]) -> None:
    with pytest.raises(ValueError, match="algorithm must be one of"):
        DomainClassifier(algorithm="forest").fit(*tiny_data)


@pytest.mark.parametrize(
    ("text", "prepared", "stripped"),
    [
        ("Tổ tự quản ANTT", "tổ tự quản antt", "to tu quan antt"),
        ("Uỷ ban  MTTQ hoà giải", "ủy ban mttq hòa giải", "uy ban mttq hoa giai"),
        ("Ðường hoa", "đường hoa", "duong hoa"),
    ],
)
def test_feature_views_normalise_and_strip_diacritics(
    text: str, prepared: str, stripped: str,
) -> None:
    assert prepare(text) == prepared
    assert prepare_stripped(text) == stripped
    assert strip_diacritics("Đồng bào") == "Dong bao"


def test_defaults_are_the_shipped_configuration() -> None:
    from danvan_nlp.classify.artifact import load_model

    assert DomainClassifier().get_params() == load_model().card["params"]
    assert DomainClassifier().algorithm == "nb" and DomainClassifier().C == 3.0
