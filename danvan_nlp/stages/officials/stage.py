"""Officials: named people with their positions, one record per person.

Where a name ends and which posts around it are the person's are decided by the two
registries of :mod:`.cascade` ("Name - Title, Title", "Title Name", a shared prefix
"các Ủy viên Trung ương Đảng: A, B", ...). Mentions of one person are merged, keeping the
longest form of each position. Honorifics and ranks stay apart from the name.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from danvan_nlp.article import Article
from danvan_nlp.components import RuleName, component
from danvan_nlp.records import Official, Position, PositionStatus, Span
from danvan_nlp.stages.officials import positions as pos
from danvan_nlp.stages.officials.article_tokens import article_title_starts, article_tokens
from danvan_nlp.stages.officials.cascade import (
    PAST_REACH,
    NameDraft,
    PostDraft,
    Slot,
    posts_in_order,
    read_name,
    read_posts,
)
from danvan_nlp.stages.officials.layout import (
    Scan,
    fronted_sentence_post,
    honorifics,
    introducers,
    scan_of,
)
from danvan_nlp.stages.officials.person_names import may_start_name
from danvan_nlp.stages.officials.position_forms import merge_position, normalized_position
from danvan_nlp.stages.officials.roles import roles_of
from danvan_nlp.stages.officials.status import (
    dated_past,
    of_dissolved_province,
    status_before,
    written_start,
)
from danvan_nlp.tokens import Token, words_at


class OfficialRule(RuleName):
    """How an official (and each position read with the name) was found."""

    TITLE_NAME = "official.title-name"  # "Bí thư Tỉnh ủy Nguyễn Văn A"
    NAME_TITLE = "official.name-title"  # "Nguyễn Văn A - Bí thư Tỉnh ủy"
    SHORT_NAME = "official.short-name"  # "ông A" after the full name was told
    NER_FALLBACK = "official.ner-fallback"  # NER confirms a name by an unheld post

@dataclass(slots=True)
class _Mention:
    """One place a person is named, with what stands around the name."""

    name: str
    name_span: tuple[int, int]  # token indices
    honorific: str | None = None
    rank: str | None = None
    positions: list[tuple[int, int]] = field(default_factory=list)
    rule: OfficialRule = OfficialRule.NAME_TITLE
    career: list[tuple[int, int]] = field(default_factory=list)  # past posts, no cue of their own


@component(requires=("province", "published"), assigns=("officials",))
def find_officials(article: Article) -> None:
    """Append one :class:`Official` per named person holding a position."""
    tokens = article_tokens(article)
    people: dict[str, Official] = {}
    mentions = _mentions(scan_of(tokens, article_title_starts(article)))
    for mention in mentions + _short_mentions(tokens, mentions):
        if mention.positions:
            _add(article, tokens, people, mention)
    article.officials.extend(people.values())


def _mentions(scan: Scan) -> list[_Mention]:
    found: list[_Mention] = []
    tokens, index = scan.tokens, 0
    while index < len(tokens):
        token = tokens[index]  # the upper-case test first: most tokens fail it cheaply
        capitalised = token.text[0].isupper() and token.is_capitalised
        mention = _mention_at(scan, index) if capitalised else None
        if mention is None:
            index += 1
            continue
        found.append(mention)
        index = mention.name_span[1]
    return found


def _mention_at(scan: Scan, index: int) -> _Mention | None:
    tokens = scan.tokens
    if not may_start_name(tokens, index):  # four capitalised tokens in five start no name
        return None
    rank, honorific, intro_start = introducers(tokens, index)
    reading = read_name(scan, NameDraft(index, intro_start))
    if reading is None:
        return None
    name = " ".join(t.text for t in tokens[index:reading.end])
    mention = _Mention(name, (index, reading.end), honorific, rank)
    posts = read_posts(scan, PostDraft(mention.name_span, intro_start))
    mention.positions = posts_in_order(posts)
    mention.career = posts.found.get(Slot.CAREER, [])
    before = Slot.BEFORE in posts.found
    mention.rule = OfficialRule.TITLE_NAME if before else OfficialRule.NAME_TITLE
    return mention


def _short_mentions(tokens: list[Token], full: list[_Mention]) -> list[_Mention]:
    """"ông Thuận nguyên là ..." after "ông Nguyễn Văn Thuận": the given name alone.

    An honorific and one capitalised word naming the last syllable of a person already
    found is that person (of several, the one named in full last before it); the posts
    after it are read as usual.
    """
    by_given: dict[str, list[_Mention]] = {}
    for mention in full:
        by_given.setdefault(mention.name.split()[-1], []).append(mention)
    found: list[_Mention] = []
    for index in range(1, len(tokens)):
        bearers = by_given.get(tokens[index].text)
        if not bearers or not words_at(tokens, index - 1, honorifics()):
            continue
        name = _named_by_given(bearers, index)
        if name is None:
            continue
        if index + 1 < len(tokens) and tokens[index + 1].is_capitalised:
            continue
        mention = _Mention(name, (index, index + 1), rule=OfficialRule.SHORT_NAME)
        mention.positions = (pos.chain_after(tokens, index + 1)
                             or pos.held_post(tokens, index + 1, PAST_REACH, past=True)
                             or fronted_sentence_post(tokens, index - 1))
        mention.career = pos.career_posts(tokens, index + 1)
        mention.positions = mention.positions or mention.career
        found.append(mention)
    return found


def _named_by_given(full: list[_Mention], index: int) -> str | None:
    """The person a given name alone at ``index`` names: the only one bearing it, else the
    one of them named in full last before it ("ông Châu" after "Ông Lê Tiến Châu quê ...",
    though "Lê Ngọc Châu" was named earlier)."""
    if len({mention.name for mention in full}) == 1:
        return full[0].name
    before = [mention for mention in full if mention.name_span[1] <= index]
    return before[-1].name if before else None


def _add(article: Article, tokens: list[Token], people: dict[str, Official],
         mention: _Mention) -> None:
    first, last = tokens[mention.name_span[0]], tokens[mention.name_span[1] - 1]
    name_span = article.span(first.start, last.end)
    official = people.get(mention.name)
    if official is None:
        shown = mention.name if mention.rule is OfficialRule.SHORT_NAME else " ".join(
            name_span.text.split())  # a hard-wrapped name ("Phan\nDuy Khiêm") on one line
        official = Official(name=shown, positions=[], mentions=[], rule=mention.rule,
                            honorific=mention.honorific, rank=mention.rank)
        people[mention.name] = official
    official.mentions.append(name_span)
    official.honorific = official.honorific or mention.honorific
    official.rank = official.rank or mention.rank
    for start, end in mention.positions:
        position = _position(article, tokens, start, end, mention.rule)
        if (start, end) in mention.career:
            position.status = PositionStatus.FORMER
        merge_position(official.positions, position)
    for role in roles_of(tokens, mention.name_span, mention.positions):
        if role not in official.roles:
            official.roles.append(role)


def _position(article: Article, tokens: list[Token], start: int, end: int, rule: OfficialRule,
              ) -> Position:
    end = pos.without_province_note(tokens, start, end)
    span: Span = article.span(tokens[written_start(tokens, start)].start, tokens[end - 1].end)
    status = status_before(tokens, start)
    if status is PositionStatus.CURRENT and (dated_past(tokens, start, article.published)
                                             or of_dissolved_province(tokens, start, end)):
        status = PositionStatus.FORMER
    return Position(surface=span.text, normalized=normalized_position(span.text, article),
                    span=span, rule=rule, status=status)
