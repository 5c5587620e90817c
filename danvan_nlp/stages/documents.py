"""Document references: "Đề án 06-ĐA/TU ngày 14/12/2017 của Tỉnh ủy Bắc Kạn"."""

from __future__ import annotations

import re
from functools import lru_cache

from danvan_nlp import lexicon
from danvan_nlp.article import Article
from danvan_nlp.components import RuleName, component
from danvan_nlp.records import DocumentRef

_CODE = r"""
    \d{1,5}[a-z]?                        # the number: 06, 1092, 35a
    (?:/\d{4})?                          # an optional year: 202/2025/QH15
    (?:[ ]?[-–][ ]?[A-ZĐ]{2,}(?=/))?     # a spaced dash before the first part: "25 – NQ/TW"
    (?:[-/][ ]?[A-ZĐ][A-ZĐa-zđ0-9&]*)+   # parts: -ĐA/TU, /QĐ-UBND, /NĐ-CP, -KH/BDVTW
"""
_DATE = re.compile(
    r"""
    ^[\s,]*(?:(?:do|của)\s[^,;.]{0,60}?\s)?  # "do UBND tỉnh ban hành" may come first
    (?:ban\shành\s|ký\s)?ngày\s             # then "ngày"
    (?P<day>\d{1,2})                        # the day,
    (?:/|\stháng\s)(?P<month>\d{1,2})        # "/" or "tháng" and the month
    (?:(?:/|\snăm\s)(?P<year>\d{4}))?        # and perhaps "/" or "năm" and the year
    """,
    re.VERBOSE,
)
_DATE_BEFORE = re.compile(
    r"""
    \s*Ngày\s                                # a sentence opening "Ngày 12/3/2024, ..."
    (?P<day>\d{1,2})/(?P<month>\d{1,2})      # day/month
    (?:/(?P<year>\d{4}))?\s*,                # perhaps the year, then a comma
    [^.;]{0,80}?\s                           # the issuer
    (?:đã\s)?(?:ban\shành|ký\sban\shành)\s*$  # "đã ban hành" right before the document
    """,
    re.VERBOSE,
)
_ISSUER_START = re.compile(
    r"""
    ^[^.;]{0,40}?                        # after the code and date, within a few words,
    (?<!\w)(?:của|do)\s                  # "của" or "do" introduces the issuer
    (?=[A-ZĐ])                           # which starts with a capital letter
    """,
    re.VERBOSE,
)
_ISSUER_MAX_WORDS = 8
_SPACE = re.compile(r"\s")  # a code is compared without its spaces
_SPACES = re.compile(r"\s+")  # between the words of an issuer
_CODE_PART_SEPARATOR = re.compile(r"[-/]")  # "06-ĐA/TU" → "06", "ĐA", "TU"
_LEADING_NUMBER = re.compile(
    r"""
    (?P<number>[0-9]+)  # a code's number ("06" in "06-ĐA/TU"), in ASCII digits
    (?=\D)              # followed by the rest of the code
    """,
    re.VERBOSE,
)


class DocumentRule(RuleName):
    """How a document reference was read."""

    KIND_CODE = "document.kind+code"  # "Nghị quyết số 12-NQ/TU"
    CODE_ONLY = "document.code-only"  # "12-NQ/TU" with no kind written before it

@lru_cache(maxsize=1)
def _issuer_stops() -> frozenset[str]:
    """Words that end an issuer's name (``document_issuer_stops.txt``)."""
    return frozenset(lexicon.words("document_issuer_stops.txt"))


@lru_cache(maxsize=1)
def _kinds() -> dict[str, str]:
    """Code abbreviation (upper case) → kind, from ``document_kinds.tsv``."""
    return {abbr.upper(): row[0] for row in lexicon.table("document_kinds.tsv")
            for abbr in (row[1].split(",") if len(row) > 1 else []) if abbr}


@lru_cache(maxsize=1)
def _reference() -> re.Pattern[str]:
    kinds = [row[0] for row in lexicon.table("document_kinds.tsv")]
    lower_kinds = lexicon.alternation([kind[:1].lower() + kind[1:] for kind in kinds])
    starts = sorted({kind[:1] for kind in kinds} | {kind[:1].lower() for kind in kinds})
    return re.compile(
        rf"""
        (?=[{re.escape("".join(starts))}])  # a kind's first letter, tested first: most
                                          # positions fail this one test (no match changes)
        (?:(?P<kind>{lexicon.alternation(kinds)})(?!\w)  # the kind word, capitalised,
          (?:\s\([A-ZĐ]{{2,6}}\))?            # perhaps its abbreviation: "Nghị quyết (NQ) 28"
          (?:\s(?:phối\shợp|liên\stịch|hành\sđộng))?  # "Chương trình phối hợp"
          (?:\s(?:số|liên\stịch))?\s         # "số" is optional
        | (?P<lower>{lower_kinds})\s(?:số)\s  # or in lower case, with "số": "tờ trình số 69"
        )
        (?P<code>{_CODE}                   # a full code ...
          | \d{{1,5}}/(?:19|20)\d\d(?![\w/-])  # ... or a number and its year only:
                                            # "Nghị quyết số 202/2025"
          | \d{{1,4}}(?:[a-z](?![\w/])|(?![\d/]|[,.]\d))(?!\s?-\s?\d))  # ... or a bare number:
                                            # "Kế hoạch số 01", "Nghị quyết 30a"
        | (?=\d)(?<![\w/-])(?P<lone>{_CODE})  # a full code without its kind word (a digit
                                          # first, tested before what stands before it)
        """,
        re.VERBOSE,
    )


@component(requires=("published",), assigns=("documents",))
def find_documents(article: Article) -> None:
    """Append every document reference in the article, one per code."""
    seen: dict[str, DocumentRef] = {}
    numbered: set[tuple[int, str]] = set()  # (number, kind) of the full codes seen
    for match in _reference().finditer(article.ntext):
        ref = _document(article, match)
        if ref is None:
            continue
        for listed in [ref, *_listed_after(article, match, ref)]:
            _keep(listed, seen, numbered)
    article.documents.extend(seen.values())


def _keep(ref: DocumentRef, seen: dict[str, DocumentRef], numbered: set[tuple[int, str]]) -> None:
    """Keep ``ref`` once per code: a repeat is merged into the first."""
    key = _SPACE.sub("", ref.code).upper()
    if key in seen:
        _merge(seen[key], ref)
    elif not (key.isdigit() and (int(key), ref.kind) in numbered):
        seen[key] = ref  # a bare "Đề án 06" after "Đề án 06-ĐA/TU" is the same document
        number = _LEADING_NUMBER.match(key)
        if number:
            numbered.add((int(number["number"]), ref.kind))


_LISTED_NUMBER = re.compile(
    r"""
    (?:\s*,\s*|\s+và\s+)        # a comma or "và" after the number before
    (?P<number>\d{1,4})           # another bare number of the same kind
    (?![\d/.,-]?\d|[-/][A-ZĐ])   # not a date, a decimal or a full code ("218-QĐ/TW")
    (?=\s*(?:[,.;)]|và\s|của\s|ngày\s|$))  # then the list goes on or ends: no counted noun
    """,
    re.VERBOSE,
)


def _listed_after(article: Article, match: re.Match[str], ref: DocumentRef) -> list[DocumentRef]:
    """"Kết luận số 121, 126, 127 và 128": bare numbers listed after a kind's bare number are
    documents of that kind too (the guidelines count each)."""
    if not (match["kind"] or match["lower"]) or not ref.code.isdigit():
        return []
    listed, at = [], match.end()
    while (number := _LISTED_NUMBER.match(article.ntext, at)) is not None:
        span = article.span(number.start("number"), number.end("number"))
        listed.append(DocumentRef(code=number["number"], kind=ref.kind, span=span,
                                  rule=DocumentRule.KIND_CODE, date=None, issuer=None))
        at = number.end()
    return listed


_YEAR = re.compile(r"(?:19|20)\d\d")  # "Kế hoạch 2025", "Quy hoạch 2030": a year, not a code
_NUMBER_AND_YEAR = re.compile(r"\d{1,5}/(?:19|20)\d\d")  # "202/2025": a code only after "số"


_SPAN_AFTER = re.compile(r"\snăm(?!\w)")  # "Kế hoạch 5 năm": a plan's span of years
_LONGEST_SPAN = 10  # years; a code is written with its zero ("Chỉ thị 05 năm 2021")


def _span_follows(article: Article, match: re.Match[str], code: str) -> bool:
    return code.isdigit() and not code.startswith("0") and int(code) <= _LONGEST_SPAN \
        and _SPAN_AFTER.match(article.ntext, match.end()) is not None


def _document(article: Article, match: re.Match[str]) -> DocumentRef | None:
    code = _SPACE.sub("", match["code"] or match["lone"]).replace("–", "-")
    if " số " not in match[0] and (_YEAR.fullmatch(code) or _NUMBER_AND_YEAR.fullmatch(code)
                                   or _span_follows(article, match, code)):
        return None  # "Kế hoạch 2025", "Báo cáo 12/2025", "Kế hoạch 5 năm": unless "số" says code
    kind = match["kind"] or _capitalised(match["lower"]) or _kind_of(code)
    if not kind:
        return None
    tail = article.ntext[match.end(): match.end() + 160]
    date = _date(_DATE.match(tail), article.published) or _date(
        _DATE_BEFORE.match(article.ntext, article.sentence_at(match.start())[0], match.start()),
        article.published)
    issuer = _issuer(tail)
    rule = DocumentRule.KIND_CODE if match["kind"] or match["lower"] else DocumentRule.CODE_ONLY
    return DocumentRef(code=code, kind=kind, span=article.span(match.start(), match.end()),
                       rule=rule, date=date, issuer=issuer)


def _capitalised(kind: str | None) -> str | None:
    """The kind as the lexicon writes it: "tờ trình" → "Tờ trình"."""
    return kind[:1].upper() + kind[1:] if kind else None


def _kind_of(code: str) -> str | None:
    for part in _CODE_PART_SEPARATOR.split(code)[1:]:
        if part.upper() in _kinds():
            return _kinds()[part.upper()]
    return None


def _date(match: re.Match[str] | None, published: str | None) -> str | None:
    """ISO date right after the code (or opening the sentence that issues it); the year
    from ``published`` when only d/m is given."""
    if not match:
        return None
    year = match["year"] or (published[:4] if published else None)
    day, month = int(match["day"]), int(match["month"])
    if not year or not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    return f"{int(year):04d}-{month:02d}-{day:02d}"


def _issuer(tail: str) -> str | None:
    match = _ISSUER_START.match(tail)
    if not match:
        return None
    words: list[str] = []
    for word in _SPACES.split(tail[match.end():]):
        clean = word.rstrip(",;.:)")
        if not clean or clean in _issuer_stops() or len(words) == _ISSUER_MAX_WORDS:
            break
        words.append(clean)
        if clean != word:
            break
    return " ".join(words) or None


def _merge(kept: DocumentRef, again: DocumentRef) -> None:
    kept.date = kept.date or again.date
    kept.issuer = kept.issuer or again.issuer


