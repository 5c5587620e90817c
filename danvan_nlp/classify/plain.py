"""Score descriptions with the exported domain model in plain Python (no numpy).

``danvan extract`` labels one article's few models: importing numpy would cost the
command more than the scoring does (about a quarter of its start). This module reads
the ``.npz`` artifact with :mod:`zipfile` (an ``.npz`` is a zip of ``.npy`` arrays:
a short header, then the raw little-endian numbers) and repeats the arithmetic of
:class:`~danvan_nlp.classify.scorer.DomainScorer` step by step, in the same order
(counts of sorted columns, idf, L2 norm, one response per class summed entry by
entry, softmax or Platt's sigmoid), so both give the same probabilities (tested).
It never unpickles: an array of any other type than float64 or bytes is refused.
"""

from __future__ import annotations

import ast
import json
import math
import re
import struct
import sys
import zipfile
from array import array
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from functools import reduce
from operator import add, itemgetter, mul
from pathlib import Path
from typing import Any, Protocol

from danvan_nlp.classify.text import PREPROCESSORS

FORMAT_VERSION = 1
WORD_CACHE_SIZE = 50_000  # words whose character n-gram columns are remembered
SYLLABLE = re.compile(r"(?u)\b\w+\b")  # the token pattern of the syllable views
_NPY_MAGIC = b"\x93NUMPY"  # every .npy array starts so, then its version and header size
_TYPECODES = {"<f8": "d", "|u1": "B"}  # the only stored types: float64 and UTF-8 bytes


class Analyzer(str, Enum):
    """How a view cuts prepared text into terms (scikit-learn's ``analyzer``)."""

    WORD = "word"  # syllable n-grams
    CHAR_WB = "char_wb"  # character n-grams inside space-padded words


class Response(str, Enum):
    """What the classifier computes from the features."""

    LINEAR = "linear"  # decision function: features · weights + intercept
    COMPLEMENT_NB = "complement_nb"  # class probabilities: softmax of features · weights


class Calibration(str, Enum):
    """How responses become probabilities."""

    SIGMOID = "sigmoid"  # one sigmoid per class (Platt), rows normalised to sum 1
    NONE = "none"  # softmax of a linear response; naive Bayes probabilities as they are


@dataclass(frozen=True, slots=True)
class StoredArray:
    """One ``.npy`` member of the artifact: its type code, shape and raw numbers."""

    typecode: str  # "d" (float64) or "B" (bytes)
    shape: tuple[int, ...]
    data: bytes

    def floats(self) -> array[float]:
        """The numbers, in this machine's byte order."""
        if self.typecode != "d":
            raise ValueError(f"expected float64 numbers, got type code {self.typecode!r}")
        numbers = array("d", self.data)
        if sys.byteorder != "little":
            numbers.byteswap()
        return numbers

    def text(self) -> str:
        """The bytes of a text array, decoded."""
        if self.typecode != "B" or len(self.shape) != 1:
            raise ValueError(f"expected UTF-8 bytes, got type code {self.typecode!r}")
        return self.data.decode("utf-8")


def read_npz(path: Path) -> dict[str, StoredArray]:
    """The arrays of an ``.npz`` file by name; ``ValueError``/``BadZipFile`` if malformed."""
    with zipfile.ZipFile(path) as archive:
        return {name.removesuffix(".npy"): read_npy(archive.read(name))
                for name in archive.namelist()}


def read_npy(raw: bytes) -> StoredArray:
    """One ``.npy`` array (format 1.0 to 3.0, C order, float64 or bytes)."""
    if not raw.startswith(_NPY_MAGIC) or len(raw) < 10:
        raise ValueError("a member of the artifact is not an .npy array")
    size_format = "<H" if raw[6] == 1 else "<I"  # version 1 has a 2-byte header size
    begin = 8 + struct.calcsize(size_format)
    (size,) = struct.unpack_from(size_format, raw, 8)
    header = ast.literal_eval(raw[begin : begin + size].decode("latin-1"))
    if not isinstance(header, dict) or header.get("descr") not in _TYPECODES:
        raise ValueError(f"unexpected array type in the artifact: {header!r:.80}")
    shape = header.get("shape")
    if header.get("fortran_order") or not isinstance(shape, tuple):
        raise ValueError(f"unexpected array layout in the artifact: {header!r:.80}")
    typecode = _TYPECODES[header["descr"]]
    data = raw[begin + size :]
    if len(data) != math.prod(shape) * array(typecode).itemsize:
        raise ValueError(f"an array of shape {shape} holds {len(data)} bytes")
    return StoredArray(typecode, shape, data)


class TermView(Protocol):
    """What a TF-IDF view of either scorer holds to find the columns of a text."""

    @property
    def preprocessor(self) -> str: ...
    @property
    def analyzer(self) -> Analyzer: ...
    @property
    def ngram_range(self) -> tuple[int, int]: ...
    @property
    def vocabulary(self) -> dict[str, int]: ...
    @property
    def word_columns(self) -> dict[str, tuple[int, ...]]: ...


def known_columns(view: TermView, text: str) -> list[int]:
    """The vocabulary column of each known term of ``text`` in ``view``, repeated as it
    recurs; a word's character n-gram columns are remembered (words recur a lot; the cache
    is emptied when it reaches ``WORD_CACHE_SIZE``)."""
    prepared = PREPROCESSORS[view.preprocessor](text)
    low, high = view.ngram_range
    find = view.vocabulary.get
    if view.analyzer is Analyzer.WORD:
        terms = word_ngrams(SYLLABLE.findall(prepared), low, high)
        return [column for term in terms if (column := find(term)) is not None]
    found: list[int] = []
    cache = view.word_columns
    for word in prepared.split():
        known = cache.get(word)
        if known is None:
            known = tuple(column for gram in char_wb_ngrams(word, low, high)
                          if (column := find(gram)) is not None)
            if len(cache) >= WORD_CACHE_SIZE:
                cache.clear()
            cache[word] = known
        found.extend(known)
    return found


@dataclass(frozen=True, slots=True, eq=False)
class PlainView:
    """One TF-IDF view: its text preparation, its terms and their idf."""

    name: str
    preprocessor: str
    analyzer: Analyzer
    ngram_range: tuple[int, int]
    sublinear_tf: bool
    vocabulary: dict[str, int]
    idf: list[float]
    word_columns: dict[str, tuple[int, ...]] = field(default_factory=dict)

    def columns(self, text: str) -> list[int]:
        """The vocabulary column of each known term of ``text``, repeated as it recurs."""
        return known_columns(self, text)

    def weigh(self, text: str) -> tuple[list[int], list[float]]:
        """The known columns of ``text`` in order and their L2-normalised TF-IDF values."""
        counts = Counter(self.columns(text))
        columns = sorted(counts)
        idf = self.idf
        if self.sublinear_tf:  # 1 + log(count), looked up for the usual small counts
            values = [_sublinear(counts[column]) * idf[column] for column in columns]
        else:
            values = [float(counts[column]) * idf[column] for column in columns]
        length = math.sqrt(reduce(add, map(mul, values, values), 0.0))
        return columns, [value / length for value in values]

@dataclass(frozen=True, slots=True, eq=False)
class PlainScorer:
    """An exported domain classifier: ``predict_proba`` in plain Python."""

    classes: tuple[str, ...]
    views: tuple[PlainView, ...]
    class_weights: tuple[list[float], ...]  # per class, its weight of every feature
    intercept: tuple[float, ...]
    response: Response
    calibration: Calibration
    slopes: tuple[float, ...]  # Platt's a: p = 1 / (1 + exp(a·f + b)); empty if NONE
    offsets: tuple[float, ...]  # Platt's b

    def predict_proba(self, texts: Sequence[str]) -> list[list[float]]:
        """Probabilities, one row per text, columns in ``classes`` order."""
        if isinstance(texts, str):
            raise ValueError("texts must be a list of descriptions, not one string")
        return [self._probabilities(self._responses(text)) for text in texts]

    def _responses(self, text: str) -> list[float]:
        """Intercept plus each known feature's value times its weight, added one by one."""
        scores = list(self.intercept)
        offset = 0
        for view in self.views:
            columns, values = view.weigh(text)
            if columns:
                pick = itemgetter(*[column + offset for column in columns], -1)  # -1: a tuple
                for label, weights in enumerate(self.class_weights):
                    products = map(mul, values, pick(weights))  # stops before the extra -1
                    scores[label] = reduce(add, products, scores[label])
            offset += len(view.idf)
        return _softmax(scores) if self.response is Response.COMPLEMENT_NB else scores

    def _probabilities(self, responses: list[float]) -> list[float]:
        if self.calibration is Calibration.NONE:
            return responses if self.response is Response.COMPLEMENT_NB else _softmax(responses)
        proba = [_expit(-(slope * response + offset))
                 for slope, response, offset in zip(self.slopes, responses, self.offsets,
                                                    strict=True)]
        total = reduce(add, proba, 0.0)
        if total == 0:
            return [1.0 / len(self.classes)] * len(self.classes)
        normalised = [value / total for value in proba]
        return [1.0 if 1.0 < value <= 1.0 + 1e-5 else value for value in normalised]  # as sklearn


def plain_scorer(arrays: Mapping[str, StoredArray]) -> PlainScorer:
    """The scorer stored in an artifact's arrays; ``ValueError``/``KeyError`` if malformed."""
    settings = json.loads(arrays["settings"].text())
    if settings.get("format") != FORMAT_VERSION:
        raise ValueError(f"artifact format {settings.get('format')!r}, expected {FORMAT_VERSION}")
    views = tuple(_view(spec, arrays[f"view{index}_terms"], arrays[f"view{index}_idf"])
                  for index, spec in enumerate(settings["views"]))
    classes = tuple(str(label) for label in settings["classes"])
    weights = arrays["weights"]
    features = sum(len(view.idf) for view in views)
    intercept = tuple(arrays["intercept"].floats())
    if weights.shape != (features, len(classes)) or len(intercept) != len(classes):
        raise ValueError(f"weights {weights.shape} do not fit {features} features "
                         f"and {len(classes)} classes")
    flat = weights.floats()
    calibration = Calibration(settings["calibration"])
    slopes, offsets = tuple(arrays["slopes"].floats()), tuple(arrays["offsets"].floats())
    if calibration is Calibration.SIGMOID and not len(slopes) == len(offsets) == len(classes):
        raise ValueError("the calibration needs one slope and one offset per class")
    return PlainScorer(
        classes=classes, views=views,
        class_weights=tuple(flat[label :: len(classes)].tolist() for label in range(len(classes))),
        intercept=intercept, response=Response(settings["response"]),
        calibration=calibration, slopes=slopes, offsets=offsets,
    )


def _view(spec: Mapping[str, Any], terms: StoredArray, idf: StoredArray) -> PlainView:
    if spec["preprocessor"] not in PREPROCESSORS:
        raise ValueError(f"unknown text preparation {spec['preprocessor']!r}")
    low, high = (int(value) for value in spec["ngram_range"])
    words = terms.text().split("\n")
    weights = idf.floats()
    if len(words) != len(weights):
        raise ValueError(f"view {spec['name']}: {len(words)} terms, {len(weights)} idf values")
    return PlainView(
        name=str(spec["name"]), preprocessor=str(spec["preprocessor"]),
        analyzer=Analyzer(spec["analyzer"]), ngram_range=(low, high),
        sublinear_tf=bool(spec["sublinear_tf"]),
        vocabulary=dict(zip(words, range(len(words)), strict=True)), idf=weights.tolist(),
    )


def word_ngrams(tokens: Sequence[str], low: int, high: int) -> list[str]:
    """Every run of ``low`` to ``high`` tokens, joined by one space."""
    return [
        " ".join(tokens[start : start + size])
        for size in range(low, high + 1)
        for start in range(len(tokens) - size + 1)
    ]


def char_wb_ngrams(text: str, low: int, high: int) -> list[str]:
    """Character n-grams of each space-padded word (scikit-learn's ``char_wb``).

    A padded word no longer than n gives itself once, and no longer n-grams.
    """
    grams: list[str] = []
    for word in text.split():
        padded = f" {word} "
        for size in range(low, high + 1):
            last_start = max(0, len(padded) - size)
            grams.extend(padded[start : start + size] for start in range(last_start + 1))
            if last_start == 0:
                break
    return grams


_SUBLINEAR = [math.log(count) + 1.0 if count else 0.0 for count in range(256)]


def _sublinear(count: int) -> float:
    """``log(count) + 1``, the sublinear term frequency."""
    return _SUBLINEAR[count] if count < len(_SUBLINEAR) else math.log(count) + 1.0


def _softmax(scores: list[float]) -> list[float]:
    top = max(scores)
    shifted = [math.exp(score - top) for score in scores]
    total = reduce(add, shifted, 0.0)
    return [value / total for value in shifted]


def _expit(value: float) -> float:
    """The logistic function as numpy's ``exp(-logaddexp(0, -value))`` computes it."""
    return math.exp(-_logaddexp_zero(-value))


def _logaddexp_zero(value: float) -> float:
    """``log(1 + exp(value))`` as numpy's ``logaddexp(0.0, value)`` computes it."""
    if value == 0.0:
        return math.log(2.0)
    if value < 0.0:
        return math.log1p(math.exp(value))
    return value + math.log1p(math.exp(-value))
