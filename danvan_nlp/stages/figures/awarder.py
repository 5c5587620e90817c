"""Who gives the award a commended figure received, as written next to it.

Three places say it: the agent of a passive ("được Chủ tịch UBND tỉnh tặng Bằng
khen"), the subject of an active verb ("Ban Dân vận Tỉnh ủy đã biểu dương ... 23 tập
thể") and an award's owner ("Giấy khen của UBND huyện").
"""

from __future__ import annotations

import re
from functools import lru_cache

from danvan_nlp import lexicon
from danvan_nlp.stages.figures.clauses import ClauseView, VerbHit
from danvan_nlp.stages.figures.lexicon import role_alternation, role_words

MAX_WORDS = 10



@lru_cache(maxsize=1)
def _function_words() -> re.Pattern[str]:
    """Verbs and adverbs around an awarder's name ("đề xuất", "đã"), lower case only."""
    return re.compile(
        r"""
        (?<!\w) (?:""" + role_alternation("awarder_function_word", r"\s+") + r""") (?!\w)
        """,
        re.VERBOSE,
    )


@lru_cache(maxsize=1)
def _owner() -> re.Pattern[str]:
    """ "Giấy khen của UBND huyện vì ...": the owner after an award word."""
    return re.compile(
        r"""
        (?: \s* "[^"\n]{1,80}" )?                  # maybe the award's name in quotes
        \s+ của \s+                               # "Giấy khen của ..."
        (?P<owner>[^,;.:()\n]+?)                  # the owner
        (?= \s+ (?:""" + role_alternation("awarder_owner_end") + r""")(?!\w)  # "vì", "cho"
          | [,;.:()\n] | $ )                       # or punctuation, or the end
        """,
        re.VERBOSE,
    )



_VERB_JOINER = re.compile(
    r"""
    \s* (?: , | và )? \s*    # ", " or "và" (or nothing) between two chained verbs
    """,
    re.VERBOSE,
)


def passive_agent(view: ClauseView, marker_end: int, hit: VerbHit) -> str | None:
    """The agent between "được" and the verb, if it names someone (upper-case start)."""
    return _named(view.original[marker_end:hit.start])


def active_subject(view: ClauseView, hit: VerbHit, left: int) -> str | None:
    """The subject before an active commending verb (and the verbs chained before it)."""
    start = _chain_start(view, hit, left)
    comma = view.text.rfind(",", left, start)
    return _named(view.original[max(left, comma + 1):start])


def award_owner(view: ClauseView, hit: VerbHit) -> str | None:
    """The owner in "Bằng khen của Chủ tịch UBND tỉnh", right after an award word."""
    if not any(word in hit.phrase for word in role_words("award_word")):
        return None
    match = _owner().match(view.original, hit.end)
    return _named(match["owner"]) if match else None


def _chain_start(view: ClauseView, hit: VerbHit, left: int) -> int:
    """Back over verbs joined by ", " or "và" ("biểu dương, khen thưởng")."""
    start = hit.start
    for previous in view.hits_back(left, hit.start):
        gap = view.text[previous.end:start]
        if not _VERB_JOINER.fullmatch(gap):
            break
        start = previous.start
    return start


@lru_cache(maxsize=1)
def _head_regex() -> re.Pattern[str]:
    heads = lexicon.alternation(list(lexicon.words("awarder_heads.txt")))
    return re.compile(
        r"""
        (?:""" + heads + r""")  # "Chủ tịch", "Ủy ban", "Ban Dân vận" ...
        (?!\w)                # as whole words
        """,
        re.VERBOSE | re.IGNORECASE,
    )


def _named(text: str) -> str | None:
    """The body or post named last in ``text`` ("Ủy ban MTTQ tỉnh đề xuất <Ủy ban TW MTTQ>")."""
    for chunk in reversed(_function_words().split(text)):
        words = chunk.split()
        for first in (i for i, word in enumerate(words) if word[:1].isupper()):
            name = " ".join(words[first:]).strip(" ,;:-")
            if _head_regex().match(name) and len(name.split()) <= MAX_WORDS:
                return name  # "Đồng chí Chủ tịch UBND tỉnh" gives "Chủ tịch UBND tỉnh"
    return None
