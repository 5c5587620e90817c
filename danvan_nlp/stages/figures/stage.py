"""Figures: quantities an article reports, with unit, qualifier, outcome and awarder.

The stage finds every number (:mod:`danvan_nlp.numerals`), reads its unit (the cascade
of :mod:`.unit_cascade`), drops numbers that are not figures (the registry of
:mod:`.filters`: dates, codes, names, ordinals, durations...), decides each outcome from
the clause (:mod:`.outcome`, the cascade of :mod:`.cascade`) and merges the same fact
told twice.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from itertools import accumulate

from danvan_nlp.article import Article
from danvan_nlp.components import component
from danvan_nlp.context import ArticleContext
from danvan_nlp.numerals import find_numbers
from danvan_nlp.records import Figure, Outcome, Span
from danvan_nlp.stages.figures.clauses import ClauseView
from danvan_nlp.stages.figures.context import evidence_bounds, period_bounds, qualifier
from danvan_nlp.stages.figures.drafts import Draft
from danvan_nlp.stages.figures.filters import rejection
from danvan_nlp.stages.figures.labels import How
from danvan_nlp.stages.figures.outcome import decide_outcomes
from danvan_nlp.stages.figures.reading import listed_together
from danvan_nlp.stages.figures.unit_cascade import NumberAt, unit_of

MAX_LIST_GAP = 30

_SENTENCE_PARTS = re.compile(
    r"""
    \s* trong \s+ (?:số\s+)? (?:đó|này)     # a sentence opening with "Trong đó"
    \s* ,                                  # and a comma: "Trong đó, kinh tế 300"
    """,
    re.VERBOSE | re.IGNORECASE,
)


@component(requires=("documents",), assigns=("figures",))
def find_figures(article: Article) -> None:
    """Append the article's figures to ``article.figures``."""
    view = article.context.memo(_clause_view)
    drafts = list(_drafts(article))
    decide_outcomes(view, drafts)
    kept = [d for i, d in enumerate(drafts) if _counts(view, drafts, i)]
    sentences: dict[tuple[int, int], Span] = {}  # figures of one sentence share its span
    figures = [(_figure(article, d, sentences), d.how is How.NO_VERB) for d in kept]
    article.figures.extend(_merge_repeats(figures))


def _clause_view(ctx: ArticleContext) -> ClauseView:
    return ClauseView(ctx.text)


def _drafts(article: Article) -> Iterator[Draft]:
    text, ctx, previous = article.ntext, article.context, None
    documents = _DocumentSpans(article)
    for number in find_numbers(text):
        if documents.overlap(article.span(number.start, number.end)):
            continue
        sentence = article.sentence_at(number.start)
        unit = unit_of(NumberAt(ctx, number, sentence[0],
                                _total_before(text, previous, sentence)))
        if unit is None or rejection(ctx, number, unit) is not None:
            continue
        previous = Draft(number, unit, sentence, qualifier(text, number.start, unit.end))
        yield previous


def _total_before(text: str, previous: Draft | None, sentence: tuple[int, int]) -> Draft | None:
    """The figure whose parts a sentence may list: the one before in the sentence, or the
    last of the sentence before when this one opens with "Trong đó," ("Trong số đó,")."""
    if previous is None or previous.sentence == sentence:
        return previous
    adjacent = not text[previous.sentence[1]:sentence[0]].strip()
    return previous if adjacent and _SENTENCE_PARTS.match(text, sentence[0]) else None


class _DocumentSpans:
    """The article's document references, sorted, to ask whether a span overlaps one."""

    def __init__(self, article: Article) -> None:
        spans = sorted((doc.span.start, doc.span.end) for doc in article.documents)
        self.starts = [start for start, _ in spans]
        self.furthest_ends = list(accumulate((end for _, end in spans), max))

    def overlap(self, span: Span) -> bool:
        """Whether a reference starts before ``span`` ends and ends after it starts."""
        count = bisect.bisect_left(self.starts, span.end)
        return count > 0 and self.furthest_ends[count - 1] > span.start


def _counts(view: ClauseView, drafts: list[Draft], index: int) -> bool:
    """ "một" counts only beside another figure ("một tập thể và hai cá nhân")."""
    draft = drafts[index]
    if not (draft.number.spelled and draft.number.value == 1):
        return True
    neighbours = drafts[max(0, index - 1):index] + drafts[index + 1:index + 2]
    return any(_side_by_side(view, *sorted((draft, other), key=lambda d: d.start))
               for other in neighbours if other.sentence == draft.sentence)


def _side_by_side(view: ClauseView, first: Draft, second: Draft) -> bool:
    """ "một suất học bổng và hai chiếc xe": two counts joined in one short list."""
    if listed_together(view, first, second):
        return True
    gap = view.text[first.unit_end:second.start]
    joined = " và " in gap or "," in gap
    return joined and len(gap) <= MAX_LIST_GAP and not view.hits_between(first.unit_end,
                                                                         second.start)


def _figure(article: Article, draft: Draft, sentences: dict[tuple[int, int], Span]) -> Figure:
    text, number = article.ntext, draft.number
    start, end = number.start, draft.unit_end
    return Figure(
        value=number.value,
        unit=draft.unit.unit,
        qualifier=draft.qualifier,
        outcome=draft.outcome or Outcome.OTHER,
        span=article.span(start, end),
        sentence=sentences.get(draft.sentence) or sentences.setdefault(
            draft.sentence, article.span(*draft.sentence)),
        rule=draft.rule,
        value_max=number.value_max,
        total=number.total,
        awarder=draft.awarder,
        period=_written(article, period_bounds(article.context, draft.sentence)),
        evidence=_written(article, evidence_bounds(text, start, end, draft.sentence)) or "",
    )


def _written(article: Article, bounds: tuple[int, int] | None) -> str | None:
    """The caller's text at ``bounds`` of the normalised text, on one line."""
    return " ".join(article.span(*bounds).text.split()) if bounds else None


_ITEM_GAP = 30  # characters between two equal items of one list


def _merge_repeats(figures: list[tuple[Figure, bool]]) -> list[Figure]:
    """The same fact told twice (same value, unit and outcome) is one figure.

    A mention with no verb at all ("Hà Giang: 6.848 mô hình" in a headline) is the same
    fact as a mention of that quantity whose verb says what happened to it. Each figure
    comes with whether its clause had no verb.
    """
    kept: dict[tuple[object, ...], Figure] = {}
    verbless = {id(figure) for figure, no_verb in figures if no_verb}
    before: Figure | None = None  # the figure told right before, whatever its value
    for figure, _ in figures:
        share_of = figure.span.text.lower() if figure.unit == "%" else ""  # "100% xã" ≠ "100% hộ"
        key = _same_sentence_item(kept, (figure.value, figure.value_max, figure.unit.lower(),
                                         figure.outcome.value, share_of, 0), (figure, before))
        before = figure
        first = kept.setdefault(key, figure)
        if first is not figure and first.awarder is None:
            first.awarder = figure.awarder
    told = {_fact(key) for key, figure in kept.items() if id(figure) not in verbless}
    return [figure for key, figure in kept.items()
            if not (id(figure) in verbless and _fact(key) in told)]


def _same_sentence_item(kept: dict[tuple[object, ...], Figure], key: tuple[object, ...],
                        told: tuple[Figure, Figure | None]) -> tuple[object, ...]:
    """The key of a figure: equal items of one sentence ("dân tộc Tày 6 người; dân tộc Dao
    6 người", "3 giải đội, 9 giải thí sinh, 1 giải nhất, 3 giải nhì") are facts of
    their own, so a repeat in the same sentence gets the next count (the last part of the
    key) when it follows its equal or the figure told right before it as a list item."""
    (figure, before), base, last = told, key, None
    while (first := kept.get(key)) is not None and first.sentence == figure.sentence \
            and first is not figure:
        key, last = (*key[:-1], int(str(key[-1])) + 1), first
    listed = before is not None and before.sentence == figure.sentence and _next_item(
        before, figure)
    if last is None or listed or _next_item(last, figure):
        return key
    return base


def _next_item(earlier: Figure, figure: Figure) -> bool:
    """Whether ``figure`` is the next item of a list after ``earlier``: a short gap holding
    a list separator ("Kinh 6 người; Xinh Mun 6 người")."""
    gap = figure.span.start - earlier.span.end
    between = earlier.sentence.text[earlier.span.end - earlier.sentence.start:
                                    figure.span.start - earlier.sentence.start]
    return 0 <= gap <= _ITEM_GAP and any(mark in between for mark in ",;")


def _fact(key: tuple[object, ...]) -> tuple[object, ...]:
    """A merge key without the outcome: value, upper bound, unit, what a share is of and
    which equal item of its sentence it is."""
    return key[:3] + key[4:]

