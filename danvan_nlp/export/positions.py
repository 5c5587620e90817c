"""Split a position into its title and its organisation, for the officials export.

"Phó Trưởng Ban Dân vận Tỉnh ủy" is title "Phó Trưởng Ban" of organisation
"Ban Dân vận Tỉnh ủy"; the titles are data (``lang/vi/org_split_titles.tsv``).
"""

from __future__ import annotations

from functools import lru_cache

from danvan_nlp import lexicon
from danvan_nlp.normalize import normalize_str

TITLES_FILE = "org_split_titles.tsv"


@lru_cache(maxsize=1)
def _titles() -> tuple[tuple[tuple[str, ...], int], ...]:
    """(title words casefolded, words shared with the organisation), longest first."""
    entries = [
        (tuple(row[0].casefold().split()), int(row[1]) if len(row) > 1 else 0)
        for row in lexicon.table(TITLES_FILE)
    ]
    return tuple(sorted(entries, key=lambda entry: len(entry[0]), reverse=True))


def split_position(position: str) -> tuple[str, str]:
    """(title, organisation) of a position; the organisation is "" when no title is known."""
    words = normalize_str(position).split()
    folded = tuple(word.casefold() for word in words)
    for title, shared in _titles():
        if folded[: len(title)] == title:
            return " ".join(words[: len(title)]), " ".join(words[len(title) - shared:])
    return " ".join(words), ""
