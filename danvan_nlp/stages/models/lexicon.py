"""Language data and patterns for finding models: cues, stop words, campaigns, mottos.

Every list lives in ``danvan_nlp/lang/vi/model_*.txt|tsv`` (see their ``# source:``
lines); this module turns them into patterns and small predicates that
:mod:`danvan_nlp.stages.models` uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import cache, lru_cache

from danvan_nlp import lexicon

MAX_PLACE_WORDS = 3  # a place before a campaign's name: "Nghệ An", "Thành phố Huế"
MIN_SUFFIX_CAMPAIGN_WORDS = 5  # "chung tay vì người nghèo", not "vì người nghèo"


class CueKind(str, Enum):
    """What may follow a cue word (column 2 of ``model_cues.tsv``)."""

    ANY = "any"  # a quoted name or a described title ("mô hình", "cách làm")
    QUOTED = "quoted"  # a quoted name only ("điển hình", "phong trào")
    NAME = "name"  # a naming verb or noun: a quoted name only, and no list or described title


@dataclass(frozen=True, slots=True)
class Cue:
    """How a cue word may be followed by a model title (see ``model_cues.tsv``)."""

    kind: CueKind
    starts_with: str  # words the title must start with (kept in it), or ""



@lru_cache(maxsize=1)
def cues() -> dict[str, Cue]:
    rows = lexicon.table("model_cues.tsv")
    return {row[0].lower(): Cue(CueKind(row[1]), row[2] if len(row) > 2 else "") for row in rows}


@lru_cache(maxsize=1)
def cue_re() -> re.Pattern[str]:
    return re.compile(
        r"""
        (?<!\w)                  # a whole word: not "khoảng cách" read as "cách"
        (?P<cue>""" + lexicon.alternation(list(cues())) + r""")
        (?!\w)                   # nor "mô hình" inside a longer word
        """,
        re.VERBOSE | re.IGNORECASE,
    )


def cues_in(text: str) -> list[Cue]:
    """The cues standing in ``text``, leaving out a cue whose title must open with words
    that do not follow it ("quy cách" holds "cách", but no "cách vận động")."""
    found = []
    for match in cue_re().finditer(text):
        cue = cues()[match["cue"].lower()]
        after = text[match.end():].lstrip().lower()
        if not cue.starts_with or after.startswith(cue.starts_with + " "):
            found.append(cue)
    return found


@lru_cache(maxsize=1)
def pointing_back_re() -> re.Pattern[str]:
    """A sentence opening on a free cue that points back: "Đây là cách làm ...",
    "Mô hình này ..." (the model is named in the sentence before)."""
    free = lexicon.alternation([cue for cue, how in cues().items() if how.kind is CueKind.ANY])
    return re.compile(
        r"""
        \s*(?:
          đây\s+(?:chính\s+)?là\s+(?:một\s+)?(?:""" + free + r""")  # "Đây là cách làm"
          | (?:""" + free + r""")\s+(?:này|ấy)      # "Mô hình này"
        )(?!\w)                                     # as whole words
        """,
        re.VERBOSE | re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def next_model_re() -> re.Pattern[str]:
    """A comma, semicolon or "và" before a cue that opens any title: the next model of a
    list ("mô hình trồng cam, mô hình nuôi dê")."""
    free = [cue for cue, how in cues().items() if how.kind is CueKind.ANY]
    return re.compile(
        r"""
        \s*(?:[,;]|\s và)\s+      # a list separator
        (?:""" + lexicon.alternation(free) + r""")  # then a cue of a free title
        (?!\w)                     # as a whole word
        """,
        re.VERBOSE | re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def title_stop_re() -> re.Pattern[str]:
    return re.compile(
        r"""
        \s*(?:""" + lexicon.alternation(lexicon.words("model_title_stops.txt")) + r""")
        (?!\w)                   # the stop word is whole: "trong" but not "trồng"
        """,
        re.VERBOSE | re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def title_end_re() -> re.Pattern[str]:
    return re.compile(
        r"""
        \s*\((?!(?-i:[A-ZĐ]{2,8})\))    # a bracket, not one spelling out an abbreviation
                                        #   in the title: "Tổ hợp tác (THT) nuôi cá"
        | (?<!(?-i:[A-ZĐ]))\)           # ... nor the one closing it
        | \s*[;:\[\]!?…]                 # punctuation that closes a description,
        | \.(?!\d)                      # and a full stop, not the one in "8.600"
        | \s+-\s                        # a dash clause
        | ,?\s+(?:với|qua|trên|sau)\s+   # a count or measure told of the model:
          (?:(?:tổng\s+)?(?:diện\s+tích|quy\s+mô)\s+)?  # "với 12 hộ", "qua 15 năm",
          (?:hơn\s+|gần\s+|khoảng\s+)?\d  #   "trên diện tích 80 ha" (not "quy mô lớn")
        | ,\s+(?:tôi|em|chúng\s+tôi|chúng\s+em|mình)(?!\w)  # the speaker after a comma:
                                        #   "Tham gia mô hình nuôi dê, tôi ..."
        | ,?\s+(?:""" + lexicon.alternation(lexicon.words("model_title_ends.txt")) + r""")
          (?!\w)                        # owner, place or result: "của", "ở", "góp phần"
        """,
        re.VERBOSE | re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def item_opener_re() -> re.Pattern[str]:
    return re.compile(
        r"""
        (?:""" + lexicon.alternation(lexicon.words("model_item_openers.txt")) + r""")
        \s+                     # "thực hiện công tác " before the activity itself
        """,
        re.VERBOSE | re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def plural_before_re() -> re.Pattern[str]:
    return re.compile(
        r"""
        (?:(?<!\w)(?:""" + lexicon.alternation(lexicon.words("model_plural_words.txt")) + r""")
          | \d[\d.,]*                   # a number: "1.088 mô hình cây trồng"
        )
        (?:\s+lượt)?\s*$                # "202 lượt mô hình"
        """,
        re.VERBOSE | re.IGNORECASE,
    )


@cache
def lower(name: str) -> tuple[str, ...]:
    """The entries of a lexicon file, lower-cased."""
    return tuple(entry.lower() for entry in lexicon.words(name))


@lru_cache(maxsize=1)
def unquoted_campaign_re() -> re.Pattern[str]:
    names = lexicon.alternation(lexicon.words("model_campaigns.txt"))
    return re.compile(
        r"""
        \s* (?:""" + names + r""")  # a campaign's name, unquoted ("dân vận khéo")
        \s* (?=")                  # then a quote
        """,
        re.VERBOSE | re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def activity_list_re() -> re.Pattern[str]:
    openers = lexicon.alternation(lexicon.words("model_activity_openers.txt"))
    names = lexicon.alternation(lexicon.words("model_campaigns.txt"))
    return re.compile(
        r"""
        (?<!\w)(?:""" + openers + r""")  # "hoạt động", "việc làm"
        \s+"?(?:""" + names + r""")"?   # then a campaign's name, quoted or not
        (?!\w)[^".;:]{0,150}?            # a few words within the clause
        (?<!\w)(?:như|gồm|gồm\ có)      # "such as", "including"
        \s*:\s*                          # and a colon before the first activity
        """,
        re.VERBOSE | re.IGNORECASE,
    )


COUNTED_QUOTE = re.compile(
    r"""
    (?<![\w.,])\d{1,5}         # a whole count, not a part of "1.500" or "2,5"
    \s+(?:lần\s+)?             # then "times", maybe
    "(?P<name>[^"\n]{2,120}?)"  # and a quoted name
    """,
    re.VERBOSE,
)


@lru_cache(maxsize=1)
def membered_quote_re() -> re.Pattern[str]:
    members = alternation_of("model_member_nouns.txt")
    return re.compile(
        r"""
        "(?P<name>[^"\n]{2,120}?)"          # a quoted name,
        \s+(?:bao\s+)?gồm(?:\s+có)?\s+       # "gồm", "bao gồm", "gồm có": made of (not "với")
        (?:(?:hơn|trên|gần|khoảng)\s+)?     # maybe a qualifier
        \d[\d.]*\s+(?:""" + members + r""")  # a count of members: "15 đoàn viên"
        (?!\w)                              # the member noun whole, not a longer word's start
        """,
        re.VERBOSE | re.IGNORECASE,
    )


MAX_EVENT_GAP = 2  # words between an event noun and its quoted name: "Lễ phát động "...""
_CLAUSE_BREAK = re.compile(r"[.;:,()\"]")  # where the words read before a quoted name stop


@lru_cache(maxsize=1)
def _lookalike_re() -> re.Pattern[str]:
    return re.compile(
        r"""
        (?<!\S)(?:""" + alternation_of("model_event_lookalikes.txt") + r""")  # "giải quyết"
        (?!\S)                                # as whole words
        """,
        re.VERBOSE,
    )


@lru_cache(maxsize=1)
def _event_before_re() -> re.Pattern[str]:
    return re.compile(
        r"""
        (?<!\S)(?:""" + alternation_of("model_event_nouns.txt") + r""")  # "giải", "hội thi"
        (?:\s+\S+){0,""" + str(MAX_EVENT_GAP) + r"""}  # then at most two words ("chạy")
        $                                      # right before the quoted name
        """,
        re.VERBOSE,
    )


def _event_words(text: str) -> str:
    """``text`` as plain words, each compound that only looks like an event noun ("giải
    quyết", "thông báo") replaced by "~"."""
    return _lookalike_re().sub("~", plain(text))


def after_event_noun(before_quote: str) -> bool:
    """The quote opens a few words after an event, media or work noun of its clause
    ("Giải chạy "...", "hát bài "...", "báo "..."): it names no model."""
    clause = _CLAUSE_BREAK.split(before_quote)[-1]
    return _event_before_re().search(_event_words(clause)) is not None


def opens_with_event_noun(name: str) -> bool:
    """ "Hội thi Tiếng hát dân ca", "Báo Nhân Dân": a name opened by an event or media noun."""
    words = f"{_event_words(name)} "
    return any(words.startswith(f"{noun} ") for noun in lower("model_event_nouns.txt"))


@lru_cache(maxsize=1)
def describing_after_re() -> re.Pattern[str]:
    return re.compile(
        r"""
        \s*(?:
          [.,;:()!?…\u2013\u2014-]    # punctuation closing or setting off the name
          | $                           # or the sentence's end
          | (?:""" + alternation_of("model_item_describers.txt") + r""")(?!\w)  # "ở", "của"
        )
        """,
        re.VERBOSE | re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def running_verb_re() -> re.Pattern[str]:
    verbs = alternation_of("model_running_verbs.txt")
    return re.compile(r"(?<!\w)(?:" + verbs + r")(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=1)
def count_verb_re() -> re.Pattern[str]:
    verbs = lexicon.alternation(lexicon.words("model_count_verbs.txt"))
    return re.compile(r"(?<!\w)(?:" + verbs + r")(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=1)
def campaigns() -> tuple[str, ...]:
    return tuple(plain(name) for name in lower("model_campaigns.txt"))


QUOTED_AT = re.compile(
    r"""
    \s*"                         # an opening quote right here
    (?P<name>[^"\n]{2,250}?)     # the quoted name
    "                            # its closing quote
    """,
    re.VERBOSE,
)
CHAINED_QUOTE = re.compile(
    r"""
    \s*(?:,|;|hay|và|hoặc)\s*    # a list separator
    "(?P<name>[^"\n]{2,250}?)"   # the next quoted name
    """,
    re.VERBOSE,
)
LIST_OPENER = re.compile(
    r"""
    [^".;:]{0,120}?              # the words after the cue, within the clause
    (?<!\w)(?:
      như\s*:\s*[^".;:]{1,60}?\s(?:với|có)\s+  # "như: Ban X với "A"": an owner first
      | (?:như|là|từ|mang\ tên|có\ tên|tên\ gọi)\s*:?\s*  # "such as", "is", "named"
    )(?=")                       # right before a quoted name ("như: "A", "B"")
    """,
    re.VERBOSE | re.IGNORECASE,
)
NAMED_BEFORE = re.compile(
    r"""
    "(?P<name>[^"\n]{2,250}?)"      # a quoted name,
    \s+(?:chính\ )?(?:là|làm)       # then "là" (is) or "làm" (taken as): the cue names it
    \s+(?:một\s+)?$                 # maybe "một" (a), right before the cue
    """,
    re.VERBOSE | re.IGNORECASE,
)
LABEL_BEFORE = re.compile(
    r"""
    \s*(?:[-+•*]\s*)?   # a line, maybe a bullet,
    tên\s*$            # opened by "Tên" right before the cue: "Tên mô hình"
    """,
    re.VERBOSE | re.IGNORECASE,
)
LABEL_COLON = re.compile(r"\s*:\s*")  # the colon after the label: "Tên mô hình: "
LIST_INTRO = re.compile(
    r"""
    (?<!\w)(?:
      (?:như|là|gồm|gồm\ có)\s*:    # "such as", "is", "including", then a colon
      | như                          # or "such as" alone ("như mô hình A; B; C")
    )\s*$                            # right before the cue
    """,
    re.VERBOSE | re.IGNORECASE,
)
ANY_QUOTED = re.compile(
    r"""
    " (?P<name>[^"\n]{2,250}?) "   # a quoted name on one line
    """,
    re.VERBOSE,
)
BULLET = re.compile(r"\s*[-+•*]\s")  # a list item: "- Anh Đặng Văn Lưu, ..."
_MOTTO_PART = re.compile(
    r"""
    ,                 # "dân bàn, dân làm"
    | \s và \s        # "huyện lấy thôn và xã lấy từng hộ"
    """,
    re.VERBOSE,
)
_CLAUSE_OR_QUOTE = re.compile(r"[;\"]")  # where the words after a quoted name stop
_WORD = re.compile(r"\w+")  # a word, without its punctuation


@lru_cache(maxsize=1)
def deed_re() -> re.Pattern[str]:
    people = lexicon.alternation(lexicon.words("model_deed_people.txt"))
    verbs = lexicon.alternation(lexicon.words("model_deed_verbs.txt"))
    return re.compile(
        r"""
        (?<!\w)vận\ động\s+(?:""" + people + r"""   # "vận động bà con"
          | \d[\d.]*\s+hộ(?:\ dân|\ gia\ đình)?)   # "vận động 64 hộ"
        \s+(?:""" + verbs + r""")(?!\w)                 # "hiến", "giao nộp", "tháo dỡ"
        | (?<!\w)hiến\s+                              # "hiến"
          (?:(?:trên|hơn|gần|khoảng)\s+)?              # maybe "trên": "hiến trên 1.500m2"
          \d[\d.,]*\s*(?:m²|m2|ha)                     # "2.000m²"
          \s+đất(?:\s+\w+){0,2}?                      # "đất", "đất sản xuất", "đất vườn"
          \s+(?:để|làm|xây)(?!\w)                      # "để xây dựng ...", "làm đường"
        | (?<!\w)tự\ nguyện\s+hiến\s+đất               # "tự nguyện hiến đất" (no amount)
          \s+(?:để|làm|xây|phục\ vụ)(?!\w)              # for works: "phục vụ xây dựng ..."
        """,
        re.VERBOSE | re.IGNORECASE,
    )


def is_campaign(name: str) -> bool:
    """A campaign's name, maybe after a place ("Bắc Giang chung tay vì người nghèo")."""
    words = f" {plain(name)} "
    return any((words.startswith(padded) and not _numbered_variant(name, c))
               or _after_place(words, padded, size) for c, padded, size in _padded_campaigns())


@lru_cache(maxsize=1)
def _padded_campaigns() -> tuple[tuple[str, str, int], ...]:
    """Each campaign, space-padded (" dân vận khéo "), and its number of words: built once,
    not for every name checked."""
    return tuple((c, f" {c} ", len(c.split())) for c in campaigns())


CAMPAIGN_YEAR = re.compile(
    r"""
    ^(?:năm\s+)?         # "năm" maybe written before the year
    (?:19|20)\d\d$       # a year alone: the campaign's round, not a numbered model
    """,
    re.VERBOSE | re.IGNORECASE,
)


def _numbered_variant(name: str, campaign: str) -> bool:
    """"Dân vận khéo 1+10": a campaign's name and a number after it names a model; a year
    after it ("Dân vận khéo năm 2024") is the campaign's round, not a model."""
    rest = " ".join(name.split()[len(campaign.split()):])
    return any(char.isdigit() for char in rest) and not CAMPAIGN_YEAR.match(rest)


def _after_place(words: str, padded: str, size: int) -> bool:
    return (size >= MIN_SUFFIX_CAMPAIGN_WORDS and words.endswith(padded)
            and len(words.split()) - size <= MAX_PLACE_WORDS)


def is_motto(name: str) -> bool:
    """A slogan of parallel parts sharing a word in one place: "dân bàn, dân làm, dân
    hưởng", "tỉnh lấy xã, huyện lấy thôn và xã lấy từng hộ" (mottos are not models)."""
    parts = [part.split() for part in _MOTTO_PART.split(name.lower()) if part.strip()]
    if len(parts) < 2:
        return False
    return any(all(len(part) > place for part in parts)
               and len({part[place] for part in parts}) == 1 for place in (0, 1))


def names_something_else(before_quote: str) -> bool:
    """The quote opened after a document, contest, award or motto word (``Đề án "``)."""
    lowered = before_quote.lower().rstrip()
    return any(lowered.endswith(f" {word}") or lowered == word
               for word in lower("model_name_holders.txt"))


def not_a_model(name: str) -> bool:
    """A quoted name that is a campaign, a motto, a slogan of values, an abstract noun
    phrase or a year's theme, not a model."""
    return (is_campaign(name) or is_motto(name) or is_value_slogan(name) or is_abstract(name)
            or is_theme_year(name))


MIN_SLOGAN_PARTS = 3  # "Kỷ cương, trách nhiệm, hành động": three values at least
_SLOGAN_PART = re.compile(
    r"""
    ,           # "Đoàn kết, sáng tạo"
    | \s[-–]\s  # "Dân chủ - Kỷ cương"
    """,
    re.VERBOSE,
)


def is_value_slogan(name: str) -> bool:
    """ "Đoàn kết, sáng tạo, ... hiệu quả": a string of abstract values, most of its three
    or more parts opened by a value word of ``model_slogan_values.txt`` (a slogan)."""
    parts = [f"{plain(part)} " for part in _SLOGAN_PART.split(name) if part.strip()]
    values = lower("model_slogan_values.txt")
    valued = sum(any(part.startswith(f"{value} ") for value in values) for part in parts)
    return len(parts) >= MIN_SLOGAN_PARTS and 2 * valued > len(parts)


THEME_YEAR = re.compile(
    r"""
    ^Năm\s             # "Năm ...": the theme a Party committee gives a year
    .+\s(?:19|20)\d\d$  # ... ending with that year ("Năm dân vận chính quyền 2019")
    """,
    re.VERBOSE | re.IGNORECASE,
)


def is_theme_year(name: str) -> bool:
    """ "Năm dân vận chính quyền 2019": a year's theme, not a model."""
    return THEME_YEAR.match(name.strip()) is not None


def is_generic_practice(title: str) -> bool:
    """ "chăn nuôi", "trồng trọt để tăng thu nhập": a bare sector noun, maybe with its
    purpose after "để", names a kind of practice, not a model."""
    words = plain(title.split(" để ")[0])
    return words in lower("model_generic_practices.txt")


def is_abstract(name: str) -> bool:
    """ "điều tạo ra sự khác biệt": a phrase opened by an abstract head noun."""
    words = f"{plain(name)} "
    return any(words.startswith(f"{head} ") for head in lower("model_abstract_heads.txt"))


def title_end(rest: str, start: int = 0) -> re.Match[str] | None:
    """The first end of a title in ``rest`` from ``start`` that does not close a compound
    noun ("nhà ở" is housing, not "nhà" and a place)."""
    compounds = lower("model_title_compounds.txt")
    for match in title_end_re().finditer(rest, start):
        phrase = f"{_last_word(rest, match.start())} {match.group().strip(' ,')}".lower()
        if phrase not in compounds:
            return match
    return None


def ends_in_compound(title: str) -> bool:
    """ "xây dựng nông thôn mới": the title ends in a fixed term kept whole."""
    words = f" {plain(title)}"
    return any(words.endswith(f" {compound}") for compound in lower("model_title_compounds.txt"))


def _last_word(text: str, end: int) -> str:
    words = text[max(0, end - 20) : end].split()
    return words[-1] if words else ""


@lru_cache(maxsize=1)
def passive_re() -> re.Pattern[str]:
    verbs = alternation_of("model_passive_cues.txt")
    return re.compile(
        r"""
        "(?P<name>[^"\n]{2,250}?)"         # a quoted name,
        \s+(?:đã\s+|đang\s+|tiếp\ tục\s+)? # maybe "đã", "tiếp tục"
        được\s+(?:""" + verbs + r""")(?!\w)  # "được duy trì", "được nhân rộng"
        """,
        re.VERBOSE | re.IGNORECASE,
    )


def alternation_of(name: str) -> str:
    """A regex alternation of the entries of a lexicon file."""
    return lexicon.alternation(lexicon.words(name))


def launched_from_above(sentence: str, position: int) -> bool:
    stop = _CLAUSE_OR_QUOTE.search(sentence, position)
    clause = sentence[position : stop.start() if stop else len(sentence)].lower()
    return any(marker in clause for marker in lower("model_campaign_markers.txt"))


def lists_shortcomings(sentence: str) -> bool:
    lowered = sentence.lower()
    return any(cue in lowered for cue in lower("model_shortcoming_cues.txt"))


def frames_manner(before_and_cue: str) -> bool:
    """``Với cách làm "..."``: the article's own method or motto, not a model."""
    lowered = before_and_cue.lower()
    return any(lowered.endswith(phrase) for phrase in lower("model_manner_phrases.txt"))





def plain(text: str) -> str:
    """Lower-cased words without punctuation, for comparing titles."""
    return " ".join(_WORD.findall(text.lower()))



_UPPER = "A-ZĐÀÁẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬÈÉẺẼẸÊẾỀỂỄỆÌÍỈĨỊÒÓỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÙÚỦŨỤƯỨỪỬỮỰỲÝỶỸỴ"


@lru_cache(maxsize=1)
def addressees_re() -> re.Pattern[str]:
    """"vận động nhân dân tổ 5, phường Tân Hà (thành phố X) ": whom a model mobilises and
    where, before the activity that is the model's title."""
    places = lexicon.alternation([w for w in lexicon.words("place_types.txt") if w.islower()])
    return re.compile(
        r"""
        vận\ động\s+(?:nhân\ dân|bà\ con|người\ dân|hội\ viên|đoàn\ viên)\s+  # whom
        (?:(?:""" + places + r""")\s+                  # a place type ...
           (?:\d+|[""" + _UPPER + r"""]\w*(?:\s+[""" + _UPPER + r"""]\w*)*)  # ... its name
           \s*,?\s*)+                                  # places, comma-joined
        (?:\([^()]{1,60}\)\s*)?                       # a bracketed note "(thành phố X)"
        (?=[a-zđà-ỹ])                                   # the activity starts, lower-case
        """,
        re.VERBOSE,
    )
