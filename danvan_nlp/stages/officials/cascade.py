"""The officials cascades: where a name ends, and which posts around it are the person's.

Both are ordered registries of small named rules over one article's :class:`.layout.Scan`;
each rule declares the lexicon files it reads. The stage (:mod:`.stage`) walks the
capitalised tokens, asks ``NAME_READING`` where a name starting there ends, then asks
``POST_READING`` for the posts around it.

``NAME_READING`` - the first rule that answers gives the name's end:

1. ``listed_family_name``: a family name of ``surnames.txt`` and one to four given names
   ("Nguyễn Văn An"), or a name opening with the mark H' ("H'Yim Kđoh") - the word alone
   vouches for it, so it is tried first and needs nothing around the name;
2. ``introduced``: an honorific or a rank right before ("ông Ksor Blêu", "Đại tá Y Wang"):
   the family name need not be listed - the cheapest of the context cues, second;
3. ``list_item_with_post``: the run opens a list item and a post follows it
   ("...: Nai Thị Phương, Phó Chủ tịch ...") - last, since it reads the post after the
   name, the costliest check.

(A rule "the run starts where a post ends" was deleted: a post's body takes in every
capitalised word that does not open a name with a listed family name, so it never
answered after rule 1 had not - on none of 230 texts.)

``POST_READING`` - each rule fills one slot with the post spans it reads (none: it does
not answer); within a slot the first rule that answers wins, and a filled slot is not
asked again. Rules run in this order because the later
ones read where the earlier ones ended:

1. ``chain_after`` (slot ``after``): "Name - Title, Title", "Name (Title)" - the most
   common layout of a report, and the most explicit;
2. ``held_post`` (``after``): "Name, cán bộ ..., giữ chức Title" - a post given later
   in the clause after a connector, only when no chain follows the name;
3. ``later_post`` (``later``): "A - Phó Bí thư, được bầu giữ chức Bí thư" - a second post
   after a chain; it starts where 1 or 2 ended, so it comes after them;
4. ``past_post`` (``past``): "khi đó là Bí thư Chi bộ" - a past post in the few tokens
   after everything read so far;
5. ``career_post`` (``career``): "A từng công tác tại ..., kiêm Title, Title" - the
   posts of a career told right after everything read so far, all past;
6. ``chain_before`` (``before``): "Title, Title Name" - read back from the name within
   its clause (a bracketed place between title and name does not end the clause);
7. ``fronted_role`` (``before``): "Với vai trò là Trưởng thôn, ông A" - only when no
   title chain ends at the name;
8. ``post_then_copula`` (``before``): "Phó Chủ tịch UBND tỉnh là ông A" - the post opens
   the clause and "là" links it to the introduced name; after 6 and 7, which read posts
   that touch the name. When "khác" marks the post as held by several ("Hai Phó Bí thư
   khác là ông A, B"), the bare names after the first of the list share it. An
   appointment told as "chuẩn y Bí thư Tỉnh ủy nhiệm kỳ ... đối với ông A" links the same
   way, the post anywhere in its sentence and its term stepped over;
9. ``shared_prefix`` (``shared``): "các Ủy viên Trung ương Đảng: A, B; C" - the list's
   opener gives its post to every item, read last as it is the farthest from the name;
10. ``plural_title_list`` (``shared``): "các đồng chí Phó Bí thư Tỉnh ủy A, B và C" -
   with no colon, a plural title before a list of bare names gives its posts to the names after
   the first (the first reads it by 6); tried only when 9 did not answer.

A mention's posts are listed as written: ``before``, ``after``, ``later``, ``past``,
``career``, ``shared``. The official's rule is ``official.title-name`` when the ``before``
slot is filled, else ``official.name-title``.

A later pass (``official.short-name``, in :mod:`.stage`) reads "ông An" after the full
name was told; it needs every full mention first, so it runs once they are all found.
Besides the chain after the short name and a past post, it reads a sentence that opens
with "Là <posts>," before it, and a career ("ông An từng công tác tại ..., kiêm <posts>"
- past posts, from ``career_cues.txt``); of namesakes, the one named in full last wins.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

from danvan_nlp.stages.officials import positions as pos
from danvan_nlp.stages.officials.layout import (
    Scan,
    TokenSpan,
    fronted_role,
    list_item_with_post,
    plural_title_list,
    post_then_copula,
    shared_prefix,
    title_clause_start,
)
from danvan_nlp.stages.officials.person_names import name_end

LATER_REACH = 30  # tokens after the chain where "được bầu giữ chức ..." still speaks of it
PAST_REACH = 10  # tokens after the chain where "khi đó là ..." still speaks of the person

_NAME_LEXICON = ("surnames.txt", "not_person_names.txt", "place_types.txt", "named_units.txt",
                 "namesake_openers.txt")
_POST_LEXICON = ("titles.txt", "org_words.txt", "org_comma_parts.txt", "org_and_parts.txt",
                 "org_open_heads.txt", "org_seated_bodies.txt", "dissolved_provinces.txt",
                 "position_stops.txt")


class NameStep(str, Enum):
    """The rules of ``NAME_READING``."""

    LISTED_FAMILY_NAME = "listed_family_name"
    INTRODUCED = "introduced"
    LIST_ITEM_WITH_POST = "list_item_with_post"


class PostStep(str, Enum):
    """The rules of ``POST_READING``."""

    CHAIN_AFTER = "chain_after"
    HELD_POST = "held_post"
    LATER_POST = "later_post"
    PAST_POST = "past_post"
    CAREER_POST = "career_post"
    CHAIN_BEFORE = "chain_before"
    FRONTED_ROLE = "fronted_role"
    POST_THEN_COPULA = "post_then_copula"
    SHARED_PREFIX = "shared_prefix"
    PLURAL_TITLE_LIST = "plural_title_list"


class Slot(str, Enum):
    """Where a post stands relative to the name; the order is the order posts are listed."""

    BEFORE = "before"
    AFTER = "after"
    LATER = "later"
    PAST = "past"
    CAREER = "career"
    SHARED = "shared"


@dataclass(frozen=True, slots=True)
class NameDraft:
    """A capitalised token where a name may start, and where its introducers start."""

    index: int
    intro_start: int  # == index when no honorific or rank stands before


@dataclass(frozen=True, slots=True)
class NameReading:
    end: int  # token index, exclusive
    step: NameStep


@dataclass(frozen=True, slots=True)
class NameRule:
    name: NameStep
    reads: tuple[str, ...]
    decide: Callable[[Scan, NameDraft], NameReading | None]


def _listed_family_name(scan: Scan, draft: NameDraft) -> NameReading | None:
    end = name_end(scan.tokens, draft.index)
    return NameReading(end, NameStep.LISTED_FAMILY_NAME) if end is not None else None


def _introduced_name(scan: Scan, draft: NameDraft, step: NameStep) -> NameReading | None:
    """The name read with any family name, as after an honorific, rank or post."""
    end = name_end(scan.tokens, draft.index, introduced=True)
    return NameReading(end, step) if end is not None else None


def _introduced(scan: Scan, draft: NameDraft) -> NameReading | None:
    if draft.intro_start == draft.index:
        return None
    return _introduced_name(scan, draft, NameStep.INTRODUCED)


def _list_item(scan: Scan, draft: NameDraft) -> NameReading | None:
    if not list_item_with_post(scan.tokens, draft.index):
        return None
    return _introduced_name(scan, draft, NameStep.LIST_ITEM_WITH_POST)


NAME_READING: tuple[NameRule, ...] = (
    NameRule(NameStep.LISTED_FAMILY_NAME, _NAME_LEXICON, _listed_family_name),
    NameRule(NameStep.INTRODUCED, ("honorifics.txt", "ranks.txt", *_NAME_LEXICON), _introduced),
    NameRule(NameStep.LIST_ITEM_WITH_POST, (*_POST_LEXICON, *_NAME_LEXICON), _list_item),
)


def read_name(scan: Scan, draft: NameDraft) -> NameReading | None:
    """The end of the name starting at ``draft.index``, by the first rule that answers."""
    for rule in NAME_READING:
        reading = rule.decide(scan, draft)
        if reading is not None:
            return reading
    return None


@dataclass(slots=True)
class PostDraft:
    """A name read, and the posts read around it so far, slot by slot."""

    name: TokenSpan
    intro_start: int
    found: dict[Slot, list[TokenSpan]] = field(default_factory=dict)

    def last_end(self) -> int:
        """Where the posts after the name read so far end (the name's end if none)."""
        for slot in (Slot.LATER, Slot.AFTER):
            if spans := self.found.get(slot):
                return spans[-1][1]
        return self.name[1]


@dataclass(frozen=True, slots=True)
class PostRule:
    name: PostStep
    slot: Slot
    reads: tuple[str, ...]
    decide: Callable[[Scan, PostDraft], list[TokenSpan]]


def _later_post(scan: Scan, draft: PostDraft) -> list[TokenSpan]:
    if Slot.AFTER not in draft.found:
        return []
    return pos.held_post(scan.tokens, draft.last_end(), LATER_REACH)


def _chain_before(scan: Scan, draft: PostDraft) -> list[TokenSpan]:
    clause_start = title_clause_start(scan, draft.intro_start)
    return pos.chain_before(scan.tokens, draft.intro_start, clause_start, scan.title_starts)


POST_READING: tuple[PostRule, ...] = (
    PostRule(PostStep.CHAIN_AFTER, Slot.AFTER, _POST_LEXICON,
             lambda scan, draft: pos.chain_after(scan.tokens, draft.name[1])),
    PostRule(PostStep.HELD_POST, Slot.AFTER, (*_POST_LEXICON, "position_frames.tsv"),
             lambda scan, draft: pos.held_post(scan.tokens, draft.name[1])),
    PostRule(PostStep.LATER_POST, Slot.LATER, (*_POST_LEXICON, "position_frames.tsv"),
             _later_post),
    PostRule(PostStep.PAST_POST, Slot.PAST, (*_POST_LEXICON, "position_frames.tsv"),
             lambda scan, draft: pos.held_post(scan.tokens, draft.last_end(), PAST_REACH,
                                               past=True)),
    PostRule(PostStep.CAREER_POST, Slot.CAREER, (*_POST_LEXICON, "career_cues.txt"),
             lambda scan, draft: pos.career_posts(scan.tokens, draft.last_end())),
    PostRule(PostStep.CHAIN_BEFORE, Slot.BEFORE, _POST_LEXICON, _chain_before),
    PostRule(PostStep.FRONTED_ROLE, Slot.BEFORE, (*_POST_LEXICON, "position_frames.tsv"),
             lambda scan, draft: fronted_role(scan, draft.intro_start)),
    PostRule(PostStep.POST_THEN_COPULA, Slot.BEFORE, (*_POST_LEXICON, "honorifics.txt"),
             lambda scan, draft: post_then_copula(scan, draft.intro_start)),
    PostRule(PostStep.SHARED_PREFIX, Slot.SHARED, (*_POST_LEXICON, "honorifics.txt"),
             lambda scan, draft: shared_prefix(scan, draft.intro_start)),
    PostRule(PostStep.PLURAL_TITLE_LIST, Slot.SHARED, (*_POST_LEXICON, "honorifics.txt"),
             lambda scan, draft: plural_title_list(scan, draft.intro_start)),
)


def read_posts(scan: Scan, draft: PostDraft) -> PostDraft:
    """Fill ``draft``'s slots: in each, the first rule of ``POST_READING`` that answers."""
    for rule in POST_READING:
        if rule.slot in draft.found:
            continue
        spans = rule.decide(scan, draft)
        if spans:
            draft.found[rule.slot] = spans
    return draft


def posts_in_order(draft: PostDraft) -> list[TokenSpan]:
    """The posts of a mention as written: before the name, after it, then shared."""
    return [span for slot in Slot for span in draft.found.get(slot, [])]
