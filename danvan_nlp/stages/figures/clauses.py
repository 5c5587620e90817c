"""A clause view of an article: outcome verbs, clause boundaries and markers, as offsets.

The view is built once per article. Its text is the normalised text lower-cased, with
what stands inside quotation marks blanked out (model names such as "Vận động nhân dân
hiến đất" hold verbs that govern nothing), so offsets stay those of ``Article.ntext``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from danvan_nlp import lexicon
from danvan_nlp.records import Outcome
from danvan_nlp.stages.figures.labels import Strength
from danvan_nlp.stages.figures.lexicon import role_alternation

_QUOTED = re.compile(
    r"""
    (?<!:) (?<!:[ ])        # not quoted speech ("cho biết: "...")
    " [^"\n]{1,120} "       # a quoted name on one line
    """,
    re.VERBOSE,
)
_ASIDE = re.compile(
    r"""
    \( [^()\d\n]{1,40} \)   # "(DTTS)", "(xã An Châu)": words in brackets, no clause break
    """,
    re.VERBOSE,
)

_LEFT_BOUNDARY = re.compile(
    r"""
    [;:()\n]                                       # punctuation that opens a new part
    | (?<!\w) (?:trong\s+đó|trong\s+số\s+(?:đó|này)|qua\s+đó|bao\s+gồm) (?!\w)  # parts
    """,
    re.VERBOSE,
)

_RIGHT_BOUNDARY = re.compile(
    r"""
    [;:()\n]                                       # punctuation that closes the clause
    | [,;] \s* (?:trong\s+đó|trong\s+số\s+đó|qua\s+đó) (?!\w)  # ", trong đó" starts a part
    """,
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class VerbHit:
    """An outcome verb found in the text."""

    start: int
    end: int
    phrase: str
    outcome: Outcome
    strength: Strength


@lru_cache(maxsize=1)
def _verb_table() -> dict[str, tuple[Outcome, Strength]]:
    return {row[0].lower(): (Outcome(row[1]), Strength(row[2]))
            for row in lexicon.table("outcome_verbs.tsv")}


@lru_cache(maxsize=1)
def _inner_adverbs() -> list[str]:
    """Adverbs that may stand inside a verb phrase ("mở thành công đường")."""
    return [row[0] for row in lexicon.table("figure_clause_words.tsv") if row[1] == "inner_adverb"]


@lru_cache(maxsize=1)
def _verb_regex() -> re.Pattern[str]:
    adverb = lexicon.alternation(_inner_adverbs())
    between_words = r"\ (?:(?:" + adverb + r")\ )?"  # a space, maybe around an adverb
    return re.compile(
        r"""
        (?<!\w)                                                    # a whole word
        (?:""" + lexicon.alternation(list(_verb_table()), between_words) + r""")  # a verb
        (?!\w)
        """,
        re.VERBOSE,
    )


def _phrase_of(written: str) -> str:
    """The lexicon phrase of a verb as written, without an adverb inside it."""
    if written in _verb_table():
        return written
    for adverb in _inner_adverbs():
        written = written.replace(f" {adverb} ", " ", 1)
    return written


@lru_cache(maxsize=1)
def _noun_marker_regex() -> re.Pattern[str]:
    words = lexicon.alternation(list(lexicon.words("outcome_noun_markers.txt")))
    return re.compile(
        r"""
        (?<!\w) (?:""" + words + r""")  # "các", "Sở": the verb after it is a noun
        [ ]+ $                          # right before the verb
        """,
        re.VERBOSE,
    )


@cache
def clause_words(role: str) -> re.Pattern[str]:
    """A regex of the ``figure_clause_words.tsv`` entries with ``role``."""
    entries = [row[0] for row in lexicon.table("figure_clause_words.tsv") if row[1] == role]
    return re.compile(
        r"""
        (?<!\w) (?:""" + lexicon.alternation(entries) + r""") (?!\w)  # a whole phrase
        """,
        re.VERBOSE,
    )


@cache
def _place_gap() -> re.Pattern[str]:
    return re.compile(
        r"""
        \s* (?:""" + role_alternation("place") + r""")  # "tại", "ở"
        (?: \s+ [^\W\d]+ ){0,2}       # at most two words ("các", "hơn"), no number
        \s* $                         # then the number: nothing else stands between
        """,
        re.VERBOSE,
    )


def place_of_verb(gap: str) -> bool:
    """Whether the words between a verb and a number are a preposition of place and at most
    two words ("thực hiện tại 14 thôn", "ở các 5 xã"): the number says where the verb
    happened, not what it acted on."""
    return bool(_place_gap().match(gap))


class ClauseView:
    """Outcome verbs and clause boundaries of one normalised text."""

    def __init__(self, ntext: str) -> None:
        self.original = ntext
        self.text = _blank_asides(_blank_quotes(_lower_same_length(ntext)))
        self.hits = [hit for hit in self._find_hits()
                     if hit.strength is not Strength.LABEL and not self._is_noun(hit)]
        self.hit_starts = [hit.start for hit in self.hits]
        self.left_bounds = [(m.start(), m.end(), m.group()) for m in
                            _LEFT_BOUNDARY.finditer(self.text)]
        self.left_bound_ends = [end for _, end, _ in self.left_bounds]
        self.right_bounds = [m.start() for m in _RIGHT_BOUNDARY.finditer(self.text)]
        self.item_lines: dict[int, int] = {}  # list intro end → lines read as items up to
        # (pattern, end) → the last search's start and its match: see first_match
        self.searched: dict[tuple[re.Pattern[str], int], tuple[int, re.Match[str] | None]] = {}

    def _find_hits(self) -> list[VerbHit]:
        table = _verb_table()
        phrases = [(m, _phrase_of(m.group())) for m in _verb_regex().finditer(self.text)]
        return [VerbHit(m.start(), m.end(), phrase, *table[phrase]) for m, phrase in phrases]

    def _is_noun(self, hit: VerbHit) -> bool:
        """ "các tổ chức", "Sở Xây dựng": a verb used as (or inside) a noun."""
        before = self.text[max(0, hit.start - 20):hit.start]
        if _noun_marker_regex().search(before):
            return True
        first = self.original[hit.start]
        words = self.original[max(0, hit.start - 20):hit.start].split()
        inside_name = bool(words) and words[-1][:1].isupper() and words[-1][-1].isalnum()
        return first.isupper() and inside_name

    def hits_between(self, start: int, end: int) -> list[VerbHit]:
        """The verbs lying wholly inside ``start:end``, in order."""
        first = bisect.bisect_left(self.hit_starts, start)
        last = bisect.bisect_left(self.hit_starts, end, lo=first)
        return [hit for hit in self.hits[first:last] if hit.end <= end]

    def hits_back(self, start: int, end: int) -> Iterator[VerbHit]:
        """The verbs lying wholly inside ``start:end``, nearest ``end`` first (read lazily,
        for walking back over a few of many)."""
        first = bisect.bisect_left(self.hit_starts, start)
        last = bisect.bisect_left(self.hit_starts, end, lo=first)
        hits = (self.hits[index] for index in range(last - 1, first - 1, -1))
        return (hit for hit in hits if hit.end <= end)

    def left_limit(self, start: int, sentence_start: int) -> tuple[int, str]:
        """Where the clause holding ``start`` begins, and what opens it ("", "(", "trong đó")."""
        before = bisect.bisect_right(self.left_bound_ends, start)  # bounds ending by ``start``
        if before == 0 or self.left_bounds[before - 1][0] < sentence_start:
            return sentence_start, ""
        _, b_end, text = self.left_bounds[before - 1]
        return b_end, " ".join(text.split())

    def right_limit(self, end: int, sentence_end: int) -> int:
        """Where the clause holding ``end`` stops."""
        index = bisect.bisect_left(self.right_bounds, end)
        if index < len(self.right_bounds):
            return min(self.right_bounds[index], sentence_end)
        return sentence_end

    def first_match(self, pattern: re.Pattern[str], start: int,
                    end: int) -> re.Match[str] | None:
        """``pattern.search(self.text, start, end)``, remembered: the items of a long list
        all search on to the same clause end, so a later item reuses the answer of the item
        before when that answer lies at or after its start (every position between was
        tried and failed, on the same text cut at the same end)."""
        earlier = self.searched.get((pattern, end))
        if earlier is not None and earlier[0] <= start:
            match = earlier[1]
            if match is None or match.start() >= start:
                return match
        match = pattern.search(self.text, start, end)
        self.searched[(pattern, end)] = (start, match)
        return match

    def has_comma(self, start: int, end: int) -> bool:
        """Whether a comma lies in ``start:end``."""
        return "," in self.text[start:end]


def _lower_same_length(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


def _blank_asides(text: str) -> str:
    return _ASIDE.sub(lambda m: " " * len(m.group()), text)


def _blank_quotes(text: str) -> str:
    return _QUOTED.sub(lambda m: '"' + "_" * (len(m.group()) - 2) + '"', text)
