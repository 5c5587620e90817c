"""How each step of the model cascade (:mod:`.cascade`) finds titles in a sentence.

The functions here do the reading; the order in which they are tried, and why, is in
:mod:`.cascade`.
"""

from __future__ import annotations

import re
import unicodedata

from danvan_nlp.context import ArticleContext
from danvan_nlp.stages.models import lexicon as lex
from danvan_nlp.stages.models.found import Found, ModelRule

MIN_TITLE_WORDS = 2
COUNTED_WORDS = ("không", "có")  # what a slogan name counts: "5 không", "3 có"
MAX_DESCRIBED_WORDS = 20
LIST_GAP = 80  # characters allowed between two quoted names of one list
ITEM_GAP = 300  # ... when the gap describes the name before and ends in ";"
MAX_ITEM_WORDS = 15  # an activity listed without a cue, after its opener: "vận động tặng quà"
LOOKBACK = 200  # characters before a cue or deed that the checks on what precedes read
LOOKAHEAD = 2000  # characters after a cue that a described title may take

DASH_AFTER = re.compile(
    r"""
    \s*            # the space after the campaign name
    [-\u2013\u2014] # a hyphen, en dash or em dash
    \s+            # and the space before the initiative
    """,
    re.VERBOSE,
)


def words_before(sentence: str, position: int) -> str:
    """The last :data:`LOOKBACK` characters before ``position`` (what a check reads)."""
    return sentence[max(0, position - LOOKBACK) : position]


def at_an_event(before: str) -> bool:
    """The cue follows "tại": a ceremony or programme is named, not a model."""
    words = before.lower().split()
    return bool(words) and words[-1] == "tại"


def skip_campaigns(sentence: str, position: int) -> int:
    """Past campaign names after the cue: ``mô hình "Dân vận khéo" X``.

    Names listed right after a campaign (``"Toàn dân ...", "Xây dựng ..."``) are
    its sibling campaigns and are passed too; so is an unquoted campaign name
    before a quoted one (``mô hình dân vận khéo "Nhà sạch, vườn đẹp"``).
    """
    unquoted = lex.unquoted_campaign_re().match(sentence, position)
    if unquoted:
        return unquoted.end()
    quoted = lex.QUOTED_AT.match(sentence, position)
    if not quoted or not lex.is_campaign(quoted["name"]):
        return position
    position = quoted.end()
    while chained := lex.CHAINED_QUOTE.match(sentence, position):
        position = chained.end()
    return position


def quoted_chain(sentence: str, first: re.Match[str]) -> list[Found]:
    """The quoted name after a cue, the quoted names chained to it by a separator, and
    the names listed on after a clause describing the one before (:func:`listed_on`)."""
    found: list[Found] = []
    match: re.Match[str] | None = first
    while match:
        launched = lex.launched_from_above(sentence, match.end())
        if not launched and not lex.not_a_model(match["name"]):
            found.append(Found.of_name(match, ModelRule.QUOTED_NAME))
        match = lex.CHAINED_QUOTE.match(sentence, match.end()) or listed_on(sentence, match.end())
    return found


_LIST_GOES_ON = re.compile(
    r"""
    (?: ;\s*(?:và\s+)?    # "; " or "; và ": the next item of a list
      | ,?\s+và\s+        # " và ", ", và ": its last item
    )$                     # right before the next quoted name
    """,
    re.VERBOSE,
)


def listed_on(sentence: str, position: int) -> re.Match[str] | None:
    """The next quoted name of a list after a clause describing the name before it
    (``"A" ở xã X, nơi ...; "B" do ... ; và "C"``): a capitalised name, the clause short,
    opening no title of its own (a naming verb, "được nhân rộng", may stand in it), and
    ending in "; " or "và"; the name opened by no event or media noun ("Báo ...") and
    followed by a clause describing it or the sentence end, not a predicate of its own."""
    match = lex.ANY_QUOTED.search(sentence, position)
    if not match or not match["name"][:1].isupper() or lex.opens_with_event_noun(match["name"]):
        return None
    gap = sentence[position : match.start()]
    if len(gap) > ITEM_GAP or not _LIST_GOES_ON.search(gap) or not _described_after(
            sentence, match.end()):
        return None
    return match if all(cue.kind is lex.CueKind.NAME for cue in lex.cues_in(gap)) else None


def _described_after(sentence: str, position: int) -> bool:
    """What follows a listed name describes it: punctuation, the sentence end, the next
    name of a list, or a describing word (``model_item_describers.txt``: "ở", "của")."""
    return bool(lex.describing_after_re().match(sentence, position)
                or lex.CHAINED_QUOTE.match(sentence, position))


_OWNER_AFTER_ITEM = re.compile(
    r"""
    ;\s*[^;"]{1,60}?   # after an item's ";", an owner ("Ban Chỉ huy Quân sự huyện X")
    \s(?:với|có)\s*$   # "có" or "với" right before the next quoted name
    """,
    re.VERBOSE,
)


def quoted_list(sentence: str, position: int) -> list[Found]:
    """Quoted names from ``position`` on, while the gaps between them stay short."""
    found: list[Found] = []
    for match in lex.ANY_QUOTED.finditer(sentence, position):
        gap = sentence[position : match.start()]
        long_gap = gap.rstrip().endswith(";") or _OWNER_AFTER_ITEM.search(gap)
        limit = ITEM_GAP if long_gap else LIST_GAP
        if len(gap) > limit or lex.cue_re().search(gap):
            break
        if not lex.not_a_model(match["name"]):
            found.append(Found.of_name(match, ModelRule.QUOTED_LIST))
        position = match.end()
    cut = _CUT_LAST_ITEM.match(sentence, position) if found else None
    if cut and _has_vowel(cut["name"].split()[-1]):  # the excerpt stops in the last name,
        # after a whole syllable ("... hòa nhập cộng", not "... k"): keep the words it has
        found.append(Found.of_name(cut, ModelRule.QUOTED_LIST))
    return found


_CUT_LAST_ITEM = re.compile(
    r"""
    \s*[;,]\s*"          # the next item of the list opens its quote
    (?P<name>[^"\n]*\w)   # words running to the end of the text, never closed
    \s*$                  # (only spaces left after them)
    """,
    re.VERBOSE,
)


def _has_vowel(word: str) -> bool:
    """Whether ``word`` holds a vowel: every Vietnamese syllable does, a cut-off "ch" not."""
    bare = unicodedata.normalize("NFD", word.lower())
    return any(letter in "aeiouy" for letter in bare)


def described(
    sentence: str, position: int, starts_with: str, *, in_quotes: bool
) -> Found | None:
    """The unquoted description after a cue, up to its owner, place or result.

    ``in_quotes``: the cue opened a quotation (``nhờ "Mô hình nuôi ..."``), so the
    closing quote ends the description.
    """
    while position < len(sentence) and sentence[position].isspace():
        position += 1
    rest = sentence[position : position + LOOKAHEAD]
    if starts_with and not rest.lower().startswith(starts_with + " "):
        return None
    if not rest[:1].isalpha() or lex.title_stop_re().match(rest):
        return None
    addressees = lex.addressees_re().match(rest)
    if addressees:  # the title is the activity, not whom and where it mobilises
        position, rest = position + addressees.end(), rest[addressees.end():]
    title = cut_description(rest, in_quotes=in_quotes)
    if not can_be_title(title) or lex.is_generic_practice(title):
        return None
    return Found(position, position + len(title), ModelRule.DESCRIBED)


MIN_OPEN_LIST_ITEMS = 3  # "A, B, C...": fewer items read as one title ("hiến đất, làm đường")
OPEN_LIST_END = re.compile(
    r"""
    \s*(?:\.\.\.|…)   # an ellipsis, three dots or one sign: the list goes on
    """,
    re.VERBOSE,
)


def open_list_items(sentence: str, title: Found) -> list[Found]:
    """ "Mô hình nuôi dê, trồng sả, ép mía...": a described title of three or more comma
    items closed by an ellipsis is an open list of models, one title per item; any other
    title stays whole."""
    words = sentence[title.start : title.end]
    items = words.split(",")
    if len(items) < MIN_OPEN_LIST_ITEMS or not OPEN_LIST_END.match(sentence, title.end):
        return [title]
    found, start = [], title.start
    for item in items:
        lead = len(item) - len(item.lstrip())
        if not can_be_title(item.strip()):
            return [title]
        found.append(Found(start + lead, start + len(item.rstrip()), ModelRule.DESCRIBED))
        start += len(item) + 1
    return found


def cut_description(rest: str, *, in_quotes: bool) -> str:
    """``rest`` up to the first end marker (or closing quote), at most one long clause,
    and before the next model of a list ("trồng cam, mô hình nuôi dê")."""
    end_match = lex.title_end(rest)
    title = rest[: end_match.start() if end_match else len(rest)]
    next_model = lex.next_model_re().search(title)
    title = title[: next_model.start()] if next_model else title
    if in_quotes and '"' in title:
        title = title[: title.index('"')]
    if len(title.split()) > MAX_DESCRIBED_WORDS and "," in title:
        title = title[: title.index(",")]
    return title.rstrip(" ,")


def inside_quotes(sentence: str, position: int) -> bool:
    """Whether ``position`` lies in a quotation: right after a quote, or after an odd
    number of them (``đề tài "... về mô hình Hội quán" và``)."""
    before = sentence[:position]
    return words_before(sentence, position).rstrip().endswith('"') or before.count('"') % 2 == 1


def semicolon_items(sentence: str, position: int) -> list[Found]:
    """The activities listed after ``position``, one per ";"-separated item, up to an item
    that is not one (a cue, a capital, a number, too long)."""
    found: list[Found] = []
    while (semicolon := sentence.find(";", position)) >= 0:
        item = _item_at(sentence, semicolon + 1)
        if item is None:
            break
        found.append(item)
        position = semicolon + 1
    return found


_OWNER_THEN_COMMA = re.compile(
    r"""
    \s*\([^()]{1,80}\)   # the owner of the title before, in brackets ("(Hội Nông dân tỉnh)")
    \s*,                  # then a comma: the next model of the list follows
    """,
    re.VERBOSE,
)


def listed_items(sentence: str, position: int) -> list[Found]:
    """The activities listed after the title ending at ``position``: ";"-separated items,
    or the item after its bracketed owner and a comma ("mô hình A (Hội Nông dân), B")."""
    items = semicolon_items(sentence, position)
    owner = _OWNER_THEN_COMMA.match(sentence, position)
    if items or owner is None:
        return items
    item = _item_at(sentence, owner.end())
    return [item] if item else []


def _item_at(sentence: str, start: int) -> Found | None:
    """The activity listed from ``start`` to the next ";", if it can be one."""
    while start < len(sentence) and sentence[start].isspace():
        start += 1
    end_of_item = sentence.find(";", start)
    item = sentence[start : end_of_item if end_of_item >= 0 else len(sentence)]
    title = cut_description(item, in_quotes=False)
    opener = lex.item_opener_re().match(title)
    skipped = opener.end() if opener and can_be_title(title[opener.end():]) else 0
    if not _can_be_item(item, title[skipped:]):
        return None
    return Found(start + skipped, start + len(title), ModelRule.LISTED_ACTIVITY)


def _can_be_item(item: str, title: str) -> bool:
    """A listed activity: starts lower-case, no cue of its own, short, a title."""
    return (item[:1].islower() and all(cue.kind is lex.CueKind.NAME for cue in lex.cues_in(item))
            and len(title.split()) <= MAX_ITEM_WORDS and can_be_title(title))


def can_be_title(title: str) -> bool:
    """Long enough, not ending in a stop word, with no demonstrative or percentage."""
    words = title.lower().split()
    if len(words) < MIN_TITLE_WORDS:
        return False
    if (lex.title_stop_re().fullmatch(words[-1]) and not lex.ends_in_compound(title)
            and not _counted_last_word(words)):
        return False
    rejects = lex.lower("model_title_rejects.txt")
    return not any(word in words or (not word.isalnum() and word in title) for word in rejects)


def _counted_last_word(words: list[str]) -> bool:
    """ "ấp 5 không", "chi bộ 3 có": "không" or "có" after a number is the counted part
    of a slogan name, not a word the title runs on to ("2 cấp" still ends nothing)."""
    return len(words) >= MIN_TITLE_WORDS and words[-2].isdigit() and words[-1] in COUNTED_WORDS


def campaign_activities(sentence: str) -> list[Found]:
    """ "Nhiều hoạt động Dân vận khéo ... như: A; B": the activities a campaign's list
    opens, named without a cue."""
    opener = lex.activity_list_re().search(sentence)
    if not opener:
        return []
    first = described(sentence, opener.end(), "", in_quotes=False)
    if not first:
        return []
    items = semicolon_items(sentence, first.end)
    return [Found(item.start, item.end, ModelRule.CAMPAIGN_ACTIVITY)
            for item in (first, *items)]


def counted_names(sentence: str, found: tuple[Found, ...]) -> list[Found]:
    """ "thành lập 64 "Tổ tàu thuyền an toàn"": a quoted name set up a number of times, a
    verb of setting up earlier in its clause; and a quoted name whose members are counted
    right after it."""
    taken = {item.start for item in found}
    counted: list[Found] = []
    for match in lex.COUNTED_QUOTE.finditer(sentence):
        clause = re.split(r"[.;:]", sentence[: match.start()])[-1]
        name = match["name"]
        if (match.start("name") in taken or not name[:1].isupper()
                or not lex.count_verb_re().search(clause) or lex.not_a_model(name)):
            continue
        counted.append(Found.of_name(match, ModelRule.COUNTED_NAME))
        taken.add(match.start("name"))
    return counted + _membered_names(sentence, taken)


def _membered_names(sentence: str, taken: set[int]) -> list[Found]:
    """ ""Tổ thanh niên xung kích" gồm 15 đoàn viên": a capitalised quoted name whose
    members are counted right after it is a team or club set up as a model, unless an
    event noun stands before it ("Cuộc thi "..." gồm 300 đoàn viên")."""
    return [Found.of_name(match, ModelRule.COUNTED_NAME)
            for match in lex.membered_quote_re().finditer(sentence)
            if match.start("name") not in taken and match["name"][:1].isupper()
            and not lex.not_a_model(match["name"])
            and not lex.after_event_noun(words_before(sentence, match.start()))]


def presented_by_passive(sentence: str, found: tuple[Found, ...]) -> list[Found]:
    """``"Lớp dạy chữ Khmer dịp hè" được duy trì``: a named initiative, no cue needed."""
    taken = {item.start for item in found}
    return [
        Found.of_name(match, ModelRule.QUOTED_PASSIVE)
        for match in lex.passive_re().finditer(sentence)
        if match.start("name") not in taken and not lex.not_a_model(match["name"])
        and not lex.names_something_else(words_before(sentence, match.start()))
        and not _counted_before(sentence, match.start())
    ]


def _counted_before(sentence: str, position: int) -> bool:
    """ "30 "Điểm giao dịch" được mở": a number right before the quote counts places
    opened, it does not present one named initiative."""
    return sentence[:position].rstrip()[-1:].isdigit()


def deeds(sentence: str) -> list[Found]:
    """Mobilising deeds told as a clause: "vận động bà con hiến đất ...", "hiến 200 m² đất để"."""
    found: list[Found] = []
    end = -1  # where the last deed's clause ends (the next deed may end there too)
    for match in lex.deed_re().finditer(sentence):
        before = words_before(sentence, match.start()).lower().rstrip()
        nominalised = any(before.endswith(w) for w in lex.lower("model_deed_nominalisers.txt"))
        if nominalised or before.endswith('"'):
            continue
        if end < match.end():  # no end marker lies between the last deed's and this one
            end_match = lex.title_end_re().search(sentence, match.end())
            end = end_match.start() if end_match else len(sentence)
        found.append(Found(match.start(), end, ModelRule.DEED))
    return found


_SENTENCE_END = re.compile(r"[.!?\n]")  # where the sentence before the one read starts
_SPOKEN = re.compile(r"[.!?…]")  # punctuation inside quotes: a quoted utterance, not a name


def pointed_back(sentence: str, ctx: ArticleContext, offset: int) -> list[Found]:
    """ "Đây là cách làm do ...": the one capitalised quoted name of the sentence before
    is the model the sentence points back to (its span lies before ``offset``, so the
    Found's positions, relative to the sentence, are negative)."""
    if not lex.pointing_back_re().match(sentence):
        return []
    before = ctx.text[max(0, offset - 2 * LOOKBACK) : offset]
    ends = [m.end() for m in _SENTENCE_END.finditer(before.rstrip()[:-1])]
    start = ends[-1] if ends else 0
    names = [match for match in lex.ANY_QUOTED.finditer(before, start)
             if _can_be_pointed_back_to(match["name"])]
    if len({match["name"] for match in names}) != 1 or not _model_like(
            before[start : names[0].start()], before[start:] + " " + sentence):
        return []
    shift = len(before)
    return [Found(names[0].start("name") - shift, names[0].end("name") - shift,
                  ModelRule.POINTED_BACK)]


def _model_like(before_name: str, sentences: str) -> bool:
    """A name pointed back to is a model: no event, media or work noun before it ("hát bài
    "..."", "báo "...""), and a cue or a verb of setting up or running it in its sentence
    or the pointing one (``sentences``)."""
    if lex.after_event_noun(before_name) or lex.names_something_else(before_name):
        return False
    running = lex.running_verb_re().search(sentences)
    return running is not None or lex.cue_re().search(before_name) is not None


def _can_be_pointed_back_to(name: str) -> bool:
    """A capitalised, short quoted name, no utterance ("Chúng tôi ... .") nor campaign."""
    return (name[:1].isupper() and not _SPOKEN.search(name)
            and len(name.split()) <= MAX_ITEM_WORDS and not lex.not_a_model(name))


def presents_deeds(ctx: ArticleContext, offset: int) -> bool:
    """Whether the paragraph at ``offset`` (or its list's intro line) presents exemplars."""
    return ctx.memo(_lines_presenting_deeds)[ctx.line_of(offset)]


def _lines_presenting_deeds(ctx: ArticleContext) -> list[bool]:
    """For each line of the article: whether it (a bulleted line: with the last line before
    it that is neither blank nor bulleted) names an exemplar-presenting word."""
    presenters = lex.lower("model_deed_presenters.txt")
    answers, intro = [], ""
    for line in ctx.text.split("\n"):
        scope = line
        if lex.BULLET.match(line):
            scope += " " + intro
        elif line.strip():
            intro = line
        lowered = scope.lower()
        answers.append(any(word in lowered for word in presenters))
    return answers
