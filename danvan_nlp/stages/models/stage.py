"""Models and exemplary practices an article presents, and their domains.

Found after a cue (``lang/vi/model_cues.tsv``: "mô hình", "cách làm", ...) as
``labelled`` (a line ``Tên mô hình: A``), ``quoted_name`` (``mô hình "Hũ gạo thiện
tâm"``, and names chained to it), ``quoted_list`` (``nhiều mô hình, như "A" ở ...; "B"
của ...``) or ``described`` (``mô hình nuôi ong của gia đình anh ...`` → "nuôi ong"),
with the ";"-separated activities listed after such a description as
``listed_activity`` (``như: Mô hình A; B; C``), or after a campaign and a dash as
``after_dash`` (``phong trào "Dân vận khéo" – hiến đất ...``); as ``quoted_passive``
(``"Lớp dạy chữ Khmer" được duy trì``); as ``counted_name`` (``thành lập 64 "Tổ tàu
thuyền an toàn"``); as ``campaign_activity`` (``hoạt động Dân vận khéo ... như: A;
B``); and, in a sentence with no cue in a paragraph presenting exemplars, as a
mobilising ``deed`` (``vận động bà con tự nguyện hiến đất ...``). Campaign names ("Dân
vận khéo", ...), mottos ("dân bàn, dân làm, dân hưởng"), slogans of values ("Đoàn kết,
sáng tạo, ...") and abstract phrases ("điều tạo ra ...") are never models; a cue used
as a common noun ("các mô hình", "mô hình được công nhận", "cách làm hay") gives
nothing; sentences listing shortcomings are skipped; a model told twice (titles sharing
most words) is kept once, but two quoted names listed in one sentence are two models.
The order in which all this is tried is declared in :mod:`.cascade`.
:func:`label_domains` weighs each model's title and its words around
(``classify.api.classify_described``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from danvan_nlp.article import Article
from danvan_nlp.components import component
from danvan_nlp.errors import ModelArtifactError
from danvan_nlp.records import Model
from danvan_nlp.stages.models import lexicon as lex
from danvan_nlp.stages.models.cascade import find_in_sentence
from danvan_nlp.stages.models.found import Found, ModelRule, SentenceSite
from danvan_nlp.stages.models.repeats import each_with_repeats

__all__ = ["ModelRule", "find_models", "label_domains"]

CONTEXT_WORDS_BEFORE = 12
CONTEXT_WORDS_AFTER = 15
_WORD = re.compile(r"\S+")  # a word of the context, with its punctuation
_OR = re.compile(r"(?<!\w)hay(?!\w)")  # "hay": a list's next item starts


@component(assigns=("models",))
def find_models(article: Article) -> None:
    """Append a :class:`Model` for each model or exemplary practice the article presents
    (the order in which titles are sought is in :mod:`.cascade`)."""
    told: list[tuple[str, _Told]] = []
    for number, (start, end) in enumerate(article.sentences):
        sentence = article.ntext[start:end]
        found = find_in_sentence(SentenceSite(sentence, article.context, start))
        for index, item in enumerate(found):
            context = _context(sentence, found, index)
            plain, model = _record(article, start, item, context)
            told.append((plain, _Told(model, plain, number, item.quoted)))
    groups = each_with_repeats(_abbreviations_spelled_out(told), _told_apart)
    article.models.extend(_with_fullest_context([told.model for told in group])
                          for group in groups)


_ABBREVIATION = re.compile(
    r"""
    (?P<words>(?:\w+\s+){2,8}?)   # the words an abbreviation stands for, ...
    \((?P<short>[A-ZĐ]{2,8})\)    # ... then the abbreviation in brackets: "Tổ hợp tác (THT)"
    """,
    re.VERBOSE,
)


def _abbreviations_spelled_out(told: list[tuple[str, _Told]]) -> list[tuple[str, _Told]]:
    """The plain words of each title with every abbreviation a title spells out ("Tổ hợp
    tác (THT) nuôi cá") replaced by its words, so that "THT nuôi cá thương phẩm" told later
    is the same model."""
    spelled: dict[str, str] = {}
    for _, mention in told:
        for match in _ABBREVIATION.finditer(mention.model.title):
            words = match["words"].split()[-len(match["short"]):]
            if "".join(word[0] for word in words).upper() == match["short"]:
                spelled[match["short"].lower()] = " ".join(words).lower()
    if not spelled:
        return told
    return [(" ".join(spelled.get(word, word) for word in plain.split()), mention)
            for plain, mention in told]


@dataclass(frozen=True, slots=True)
class _Told:
    """One mention of a model: the model, its title's plain words, its sentence's number,
    and whether its title was a quoted name."""

    model: Model
    plain: str
    sentence: int
    quoted: bool


def _told_apart(later: _Told, earlier: _Told) -> bool:
    """Two quoted names of one sentence are two models unless their words are the same:
    a list of names ("Vì môi trường xanh, sạch, đẹp", "Phối hợp ... xanh sạch, đẹp, ...")
    does not name a model twice."""
    return (later.sentence == earlier.sentence and later.plain != earlier.plain
            and later.quoted and earlier.quoted)


def _with_fullest_context(group: list[Model]) -> Model:
    """The first mention of a model told several times, described by the mention whose
    clause says the most about it: a headline names a model a later paragraph explains."""
    first = group[0]
    first.context = max((model.context for model in group),
                        key=lambda context: len(_WORD.findall(context)))
    return first


def _record(
    article: Article, offset: int, found: Found, context: tuple[int, int]
) -> tuple[str, Model]:
    span = article.span(offset + found.start, offset + found.end)
    described = article.span(offset + context[0], offset + context[1]).text
    return lex.plain(span.text), Model(span.text.strip(), span, described, found.rule)


def _context(sentence: str, found: list[Found], index: int) -> tuple[int, int]:
    """The words that describe ``found[index]``: its clause, without its neighbours.

    The clause ends at semicolons; it is cut at the models listed before and after
    in the same sentence and at a list's "hay", and kept to a few words each side.
    """
    item = found[index]
    if item.start < 0:  # a name in the sentence before: this sentence describes it
        return 0, len(sentence)
    previous_end = found[index - 1].end if index else 0
    start = max(sentence.rfind(";", previous_end, item.start) + 1, previous_end)
    semicolon = sentence.find(";", item.end)
    end = len(sentence) if semicolon < 0 else semicolon
    if index + 1 < len(found):
        end = min(end, found[index + 1].start)
    before = [m.start() for m in _WORD.finditer(sentence[start : item.start])]
    first = start + before[-CONTEXT_WORDS_BEFORE] if len(before) >= CONTEXT_WORDS_BEFORE else start
    right = _OR.split(sentence[item.end : end], maxsplit=1)[0]
    after = [m.end() for m in _WORD.finditer(right)][:CONTEXT_WORDS_AFTER]
    last = item.end + after[-1] if after else item.end
    while first < item.start and sentence[first].isspace():
        first += 1
    return first, last


# ---------------------------------------------------------------- domains


@component(requires=("models",), assigns=("models.domain",))
def label_domains(article: Article) -> None:
    """Fill each model's ``domain`` and ``domain_score`` from its title and its words around."""
    if not article.models:
        return
    from danvan_nlp.classify.api import classify_described

    titles = [model.title for model in article.models]
    contexts = [model.context or model.title for model in article.models]
    try:
        labelled = classify_described(titles, contexts)
    except ModelArtifactError as error:
        article.warnings.append(f"model domains not labelled: {error}")
        return
    for model, best in zip(article.models, labelled, strict=True):
        model.domain, model.domain_score = best.label, round(best.score, 4)
