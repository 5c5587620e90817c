"""Models and exemplary practices an article presents, and their domains.

Found after a cue (``lang/vi/model_cues.tsv``: "mô hình", "cách làm", "sáng kiến";
for quoted names only "phong trào", "điển hình", "duy trì", ...), in four forms:

* ``quoted_name``: a quoted name right after the cue (``mô hình "Hũ gạo thiện
  tâm"``), and the quoted names chained to it (``"A", "B" hay "C"``);
* ``quoted_list``: quoted names after "như", "là", "mang tên" a few words on
  (``không ít mô hình đã thành nếp, như "A" ở ...; "B" của ...``);
* ``described``: an unquoted description as written, up to the owner, the place
  or a result clause (``mô hình nuôi ong của gia đình anh ...`` → "nuôi ong");
* ``deed``: in a sentence with no cue, in a paragraph presenting exemplars, a
  mobilising deed (``vận động bà con tự nguyện hiến đất ...``).

Campaign names ("Dân vận khéo", ...) are never models; a cue used as a common noun
("các mô hình", "mô hình được công nhận", "cách làm hay") gives nothing; sentences
listing shortcomings are skipped; a model told twice (titles sharing most words)
is kept once. :func:`label_domains` classifies each model by its title and by its
words around (see :func:`danvan_nlp.classify.api.classify_described`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from danvan_nlp import lexicon
from danvan_nlp.article import Article
from danvan_nlp.errors import ModelArtifactError
from danvan_nlp.records import Model

MIN_TITLE_WORDS = 2
MAX_DESCRIBED_WORDS = 20
SAME_MODEL_SHARE = 0.6
MAX_PLACE_WORDS = 3  # a place before a campaign's name: "Nghệ An", "Thành phố Huế"
CONTEXT_WORDS_BEFORE = 12
CONTEXT_WORDS_AFTER = 15
_LIST_GAP = 80  # characters allowed between two quoted names of one list


@dataclass(frozen=True, slots=True)
class _Cue:
    kind: str  # "any" or "quoted"
    starts_with: str  # words the title must start with (kept in it), or ""


@dataclass(frozen=True, slots=True)
class _Found:
    start: int  # title span in the sentence
    end: int
    rule: str


# ---------------------------------------------------------------- language data


@lru_cache(maxsize=1)
def _cues() -> dict[str, _Cue]:
    rows = lexicon.table("model_cues.tsv")
    return {row[0].lower(): _Cue(row[1], row[2] if len(row) > 2 else "") for row in rows}


@lru_cache(maxsize=1)
def _cue_re() -> re.Pattern[str]:
    return re.compile(
        r"""
        (?<!\w)                  # a whole word: not "khoảng cách" read as "cách"
        (?P<cue>""" + lexicon.alternation(list(_cues())) + r""")
        (?!\w)                   # nor "mô hình" inside a longer word
        """,
        re.VERBOSE | re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _title_stop_re() -> re.Pattern[str]:
    return re.compile(
        r"""
        \s*(?:""" + lexicon.alternation(lexicon.words("model_title_stops.txt")) + r""")
        (?!\w)                   # the stop word is whole: "trong" but not "trồng"
        """,
        re.VERBOSE | re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _title_end_re() -> re.Pattern[str]:
    return re.compile(
        r"""
        \s*[;:()\[\]!?…]               # punctuation that closes a description,
        | \.(?!\d)                      # and a full stop, not the one in "8.600"
        | \s+-\s                        # a dash clause
        | ,?\s+(?:""" + lexicon.alternation(lexicon.words("model_title_ends.txt")) + r""")
          (?!\w)                        # owner, place or result: "của", "ở", "góp phần"
        """,
        re.VERBOSE | re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _plural_before_re() -> re.Pattern[str]:
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
def _lower(name: str) -> tuple[str, ...]:
    """The entries of a lexicon file, lower-cased."""
    return tuple(entry.lower() for entry in lexicon.words(name))


@lru_cache(maxsize=1)
def _campaigns() -> tuple[str, ...]:
    return tuple(_plain(name) for name in _lower("model_campaigns.txt"))


_QUOTED_AT = re.compile(
    r"""
    \s*"                         # an opening quote right here
    (?P<name>[^"\n]{2,250}?)     # the quoted name
    "                            # its closing quote
    """,
    re.VERBOSE,
)
_CHAINED_QUOTE = re.compile(
    r"""
    \s*(?:,|;|hay|và|hoặc)\s*    # a list separator
    "(?P<name>[^"\n]{2,250}?)"   # the next quoted name
    """,
    re.VERBOSE,
)
_LIST_OPENER = re.compile(
    r"""
    [^".;:]{0,60}?               # a few words after the cue, within the clause
    (?<!\w)(?:như|là|mang\ tên|có\ tên|tên\ gọi)  # "such as", "is", "named"
    \s*:?\s*(?=")                # right before a quoted name ("như: "A", "B"")
    """,
    re.VERBOSE | re.IGNORECASE,
)
_ANY_QUOTED = re.compile(r'"(?P<name>[^"\n]{2,250}?)"')
_BULLET = re.compile(r"\s*[-+•*]\s")  # a list item: "- Anh Đặng Văn Lưu, ..."


# ---------------------------------------------------------------- finding


def find_models(article: Article) -> None:
    """Append a :class:`Model` for each model or exemplary practice the article presents."""
    kept: list[tuple[str, Model]] = []
    for start, end in article.sentences:
        sentence = article.ntext[start:end]
        if _lists_shortcomings(sentence):
            continue
        found = _after_cues(sentence)
        if not found and _presents_deeds(article.ntext, start):
            found = _deeds(sentence)
        for index, item in enumerate(found):
            context = _context(sentence, found, index)
            _keep_new(kept, _record(article, start, item, context))
    article.models.extend(model for _, model in kept)


def _after_cues(sentence: str) -> list[_Found]:
    results: list[_Found] = []
    consumed = 0
    for match in _cue_re().finditer(sentence):
        if match.start() < consumed:
            continue
        found = _after_cue(sentence, match, _cues()[match["cue"].lower()])
        results.extend(found)
        consumed = max([consumed, *(item.end for item in found)])
    return results


def _after_cue(sentence: str, match: re.Match[str], cue: _Cue) -> list[_Found]:
    if _frames_manner(sentence[: match.end()]):
        return []
    position = _skip_campaigns(sentence, match.end())
    quoted = _QUOTED_AT.match(sentence, position)
    if quoted and not cue.starts_with:
        return _quoted_chain(sentence, quoted, "quoted_name")
    opener = _LIST_OPENER.match(sentence, position)
    if opener and not cue.starts_with and cue.kind != "name":
        return _quoted_list(sentence, opener.end())
    if cue.kind != "any" or _plural_before_re().search(sentence[: match.start()]):
        return []
    in_quotes = sentence[: match.start()].rstrip().endswith('"')
    described = _described(sentence, position, cue.starts_with, in_quotes=in_quotes)
    return [described] if described else []


def _skip_campaigns(sentence: str, position: int) -> int:
    """Past campaign names quoted after the cue: ``mô hình "Dân vận khéo" X``.

    Names listed right after a campaign (``"Toàn dân ...", "Xây dựng ..."``) are
    its sibling campaigns and are passed too.
    """
    quoted = _QUOTED_AT.match(sentence, position)
    if not quoted or not _is_campaign(quoted["name"]):
        return position
    position = quoted.end()
    while chained := _CHAINED_QUOTE.match(sentence, position):
        position = chained.end()
    return position


def _quoted_chain(sentence: str, first: re.Match[str], rule: str) -> list[_Found]:
    found: list[_Found] = []
    match: re.Match[str] | None = first
    while match:
        if not _is_campaign(match["name"]) and not _launched_from_above(sentence, match.end()):
            found.append(_Found(match.start("name"), match.end("name"), rule))
        match = _CHAINED_QUOTE.match(sentence, match.end())
    return found


def _quoted_list(sentence: str, position: int) -> list[_Found]:
    """Quoted names from ``position`` on, while the gaps between them stay short."""
    found: list[_Found] = []
    for match in _ANY_QUOTED.finditer(sentence, position):
        gap = sentence[position : match.start()]
        if len(gap) > _LIST_GAP or _cue_re().search(gap):
            break
        if not _is_campaign(match["name"]):
            found.append(_Found(match.start("name"), match.end("name"), "quoted_list"))
        position = match.end()
    return found


def _described(
    sentence: str, position: int, starts_with: str, *, in_quotes: bool
) -> _Found | None:
    """The unquoted description after a cue, up to its owner, place or result.

    ``in_quotes``: the cue opened a quotation (``nhờ "Mô hình nuôi ..."``), so the
    closing quote ends the description.
    """
    while position < len(sentence) and sentence[position].isspace():
        position += 1
    rest = sentence[position:]
    if starts_with and not rest.lower().startswith(starts_with + " "):
        return None
    if not rest[:1].isalpha() or _title_stop_re().match(rest):
        return None
    end_match = _title_end_re().search(rest)
    title = rest[: end_match.start() if end_match else len(rest)]
    if in_quotes and '"' in title:
        title = title[: title.index('"')]
    if len(title.split()) > MAX_DESCRIBED_WORDS and "," in title:
        title = title[: title.index(",")]
    title = title.rstrip(" ,")
    words = title.lower().split()
    if len(words) < MIN_TITLE_WORDS or _title_stop_re().fullmatch(words[-1]):
        return None
    if set(words) & set(_lower("model_title_rejects.txt")):
        return None
    return _Found(position, position + len(title), "described")


def _deeds(sentence: str) -> list[_Found]:
    """Mobilising deeds told as a clause: "vận động bà con hiến đất ...", "hiến 200 m² đất để"."""
    found = []
    for match in _deed_re().finditer(sentence):
        before = sentence[: match.start()].lower().rstrip()
        nominalised = any(before.endswith(w) for w in _lower("model_deed_nominalisers.txt"))
        if nominalised or before.endswith('"'):
            continue
        end_match = _title_end_re().search(sentence, match.end())
        end = end_match.start() if end_match else len(sentence)
        found.append(_Found(match.start(), end, "deed"))
    return found


def _presents_deeds(text: str, offset: int) -> bool:
    """Whether the paragraph at ``offset`` (or its list's intro line) presents exemplars."""
    line_end = text.find("\n", offset)
    lines = text[: len(text) if line_end < 0 else line_end].split("\n")
    scope = lines[-1]
    if _BULLET.match(scope):
        intros = (line for line in reversed(lines) if line.strip() and not _BULLET.match(line))
        scope += " " + next(intros, "")
    lowered = scope.lower()
    return any(word in lowered for word in _lower("model_deed_presenters.txt"))


@lru_cache(maxsize=1)
def _deed_re() -> re.Pattern[str]:
    people = lexicon.alternation(lexicon.words("model_deed_people.txt"))
    verbs = lexicon.alternation(lexicon.words("model_deed_verbs.txt"))
    return re.compile(
        r"""
        (?<!\w)vận\ động\s+(?:""" + people + r""")   # "vận động bà con"
        \s+(?:""" + verbs + r""")(?!\w)                 # "hiến", "giao nộp", "tháo dỡ"
        | (?<!\w)hiến\s+\d[\d.,]*\s*(?:m²|m2|ha)       # "hiến 2.000m²"
          \s+đất\s+(?:để|làm|xây)(?!\w)                 # "đất để xây dựng ..."
        """,
        re.VERBOSE | re.IGNORECASE,
    )


def _is_campaign(name: str) -> bool:
    """A campaign's name, maybe after a place ("Bắc Giang chung tay vì người nghèo")."""
    plain = f" {_plain(name)} "
    return any(plain.startswith(f" {c} ") or (plain.endswith(f" {c} ") and
               len(plain.split()) - len(c.split()) <= MAX_PLACE_WORDS) for c in _campaigns())


def _launched_from_above(sentence: str, position: int) -> bool:
    clause = re.split(r"[;\"]", sentence[position:], maxsplit=1)[0].lower()
    return any(marker in clause for marker in _lower("model_campaign_markers.txt"))


def _lists_shortcomings(sentence: str) -> bool:
    lowered = sentence.lower()
    return any(cue in lowered for cue in _lower("model_shortcoming_cues.txt"))


def _frames_manner(before_and_cue: str) -> bool:
    """``Với cách làm "..."``: the article's own method or motto, not a model."""
    lowered = before_and_cue.lower()
    return any(lowered.endswith(phrase) for phrase in _lower("model_manner_phrases.txt"))



# ---------------------------------------------------------------- records


def _record(
    article: Article, offset: int, found: _Found, context: tuple[int, int]
) -> tuple[str, Model]:
    span = article.span(offset + found.start, offset + found.end)
    described = article.span(offset + context[0], offset + context[1]).text
    return _plain(span.text), Model(span.text.strip(), span, described, found.rule)


def _context(sentence: str, found: list[_Found], index: int) -> tuple[int, int]:
    """The words that describe ``found[index]``: its clause, without its neighbours.

    The clause ends at semicolons; it is cut at the models listed before and after
    in the same sentence and at a list's "hay", and kept to a few words each side.
    """
    item = found[index]
    start = max(sentence.rfind(";", 0, item.start) + 1, found[index - 1].end if index else 0)
    semicolon = sentence.find(";", item.end)
    end = len(sentence) if semicolon < 0 else semicolon
    if index + 1 < len(found):
        end = min(end, found[index + 1].start)
    before = [m.start() for m in re.finditer(r"\S+", sentence[start : item.start])]
    first = start + before[-CONTEXT_WORDS_BEFORE] if len(before) >= CONTEXT_WORDS_BEFORE else start
    right = re.split(r"(?<!\w)hay(?!\w)", sentence[item.end : end], maxsplit=1)[0]
    after = [m.end() for m in re.finditer(r"\S+", right)][:CONTEXT_WORDS_AFTER]
    last = item.end + after[-1] if after else item.end
    while first < item.start and sentence[first].isspace():
        first += 1
    return first, last


def _keep_new(kept: list[tuple[str, Model]], candidate: tuple[str, Model]) -> None:
    """Add ``candidate`` unless a kept model shares most of its words (told twice)."""
    words = set(candidate[0].split())
    for plain, _ in kept:
        other = set(plain.split())
        shorter = min(len(words), len(other))
        if shorter and len(words & other) / shorter >= SAME_MODEL_SHARE:
            return
    kept.append(candidate)


def _plain(text: str) -> str:
    """Lower-cased words without punctuation, for comparing titles."""
    return " ".join(re.findall(r"\w+", text.lower()))


# ---------------------------------------------------------------- domains


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
