"""The export tables' columns: fixed order, explicit types, one-line docs.

Types: ``string``, ``int64``, ``float64``, ``bool``, ``date`` (an ISO day; a ``date32``
in Parquet) and ``list<string>`` (a JSON array in JSONL, ``;``-joined in CSV). Each
column's doc is its README line and its Parquet field metadata (key ``doc``).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class ColumnType(str, Enum):
    """The type of an export column."""

    STRING = "string"
    INT = "int64"
    FLOAT = "float64"
    BOOL = "bool"
    DATE = "date"
    STRINGS = "list<string>"


@dataclass(frozen=True, slots=True)
class Column:
    """One column: its name, type and what it holds."""

    name: str
    type: ColumnType
    doc: str = ""


def _columns(*specs: tuple[str, ColumnType, str]) -> tuple[Column, ...]:
    return tuple(Column(name, kind, doc) for name, kind, doc in specs)


S, N, F, B, D, L = (ColumnType.STRING, ColumnType.INT, ColumnType.FLOAT, ColumnType.BOOL,
                    ColumnType.DATE, ColumnType.STRINGS)

ARTICLE_ID = ("article_id", S, "the article's id in the result (joins every table)")
URL = ("url", S, "the article's URL")
PUBLISHED = ("published", D, "publication day")
PROVINCE = ("province", S, "province the article is about (before the 2025 merger)")
PROVINCE_2025 = ("province_2025", S, "the article's province after the 2025 merger")
SEEN = (
    ("first_seen", D, "earliest publication day of an article naming it"),
    ("last_seen", D, "latest such day"),
    ("article_count", N, "number of those articles"),
    ("article_ids", L, "those articles' ids, in result order"),
    ("url", S, "URL of the latest of those articles"),
    ("urls", L, "those articles' URLs, in the order of `article_ids`"),
)

ARTICLES = _columns(
    ARTICLE_ID, URL,
    ("path", S, "the text file's path, for articles read from a folder"),
    ("site", S, "the site definition that fetched it"),
    ("source", S, "the news source's host (`baobackan.org.vn`)"),
    ("title", S, "the article's title"),
    PUBLISHED, PROVINCE, PROVINCE_2025,
    ("official_count", N, "officials found (one per person)"),
    ("figure_count", N, "figures found"),
    ("document_count", N, "documents cited"),
    ("model_count", N, "models presented"),
    ("warnings", L, "what the extractor warned about"),
)

FIGURES = _columns(
    ARTICLE_ID,
    ("figure_id", S, "`article_id:span_start-span_end`, unique per figure (in `facts`)"),
    URL, PUBLISHED, PROVINCE, PROVINCE_2025,
    ("value", F, "the number with its scale word applied (`1,2 tỷ đồng` is 1200000000)"),
    ("value_max", F, "upper bound of a range, else empty"),
    ("total", F, "denominator of `105/130 mô hình`, else empty"),
    ("unit", S, "counted noun or measure (`mô hình`, `hộ`, `đồng`, `m²`, `%`)"),
    ("qualifier", S, "`exact`, `more_than`, `at_least`, `less_than`, `nearly`, `about`"),
    ("outcome", S, "`registered`, `implemented`, `recognized`, `commended`, `mobilized`, "
                   "`other`"),
    ("awarder", S, "who gives the award, for `commended`"),
    ("period", S, "the period the figure covers, as written"),
    ("place", S, "the unit the figure counts in, without its type word (`Chợ Đồn`)"),
    ("place_level", S, "`province`, `district`, `commune`, `village` or `national`"),
    ("place_province_2025", S, "the place's province after the 2025 merger"),
    ("commune_2025", S, "the place's commune since July 2025 (`xã Bình Liêu`), where known"),
    ("period_start", N, "first year the figure covers"),
    ("period_end", N, "last year the figure covers"),
    ("period_months", N, "months of the year covered (6 for `6 tháng đầu năm`), else empty"),
    ("period_inferred", B, "true when the years are the publication year (the text gives none)"),
    ("as_of", D, "the day the count stands at (`tính đến 30/6`; `đến nay` is the publication day)"),
    ("evidence", S, "a short fragment of the text around the figure"),
    ("span_start", N, "start offset of the figure in the article text"),
    ("span_end", N, "end offset (exclusive)"),
    ("span_text", S, "the text of the span"),
)

FACTS = _columns(
    ("fact_id", S, "id of the consolidated fact (a hash of its key and value)"),
    ("place", S, "the unit the fact counts in"),
    ("place_level", S, "`province`, `district`, `commune`, `village` or `national`"),
    ("province_2025", S, "the place's province after the 2025 merger"),
    ("period_start", N, "first year"),
    ("period_end", N, "last year"),
    ("period_months", N, "months of the year covered, else empty"),
    ("unit", S, "counted noun or measure"),
    ("outcome", S, "what happened to the counted thing"),
    ("value", F, "the most precise value reported (an exact one if any)"),
    ("value_min", F, "the smallest value reported"),
    ("value_max", F, "the largest value reported"),
    ("values_agree", B, "true when every report gives the same value"),
    ("figure_count", N, "figures consolidated"),
    ("figure_ids", L, "those figures' ids (`figures.figure_id`)"),
    ("article_count", N, "articles reporting it"),
    ("article_ids", L, "those articles' ids, in result order"),
    ("first_published", D, "earliest publication day among them"),
    ("last_published", D, "latest publication day among them"),
)

MENTIONS = _columns(
    ("mention_id", S, "`article_id:person_id`, one per official per article"),
    ARTICLE_ID,
    ("person_id", S, "the person's id (name and province; joins `officials`)"),
    ("name", S, "full name as written in the article"),
    ("honorific", S, "`đồng chí`, `ông`, `bà` when written"),
    ("rank", S, "military or police rank when written"),
    ("positions", L, "every post as written in the article"),
    ("positions_normalized", L, "the same posts, abbreviations expanded"),
    ("statuses", L, "each post's status there: `current` or `former`"),
    ("roles", L, "roles in the event: `chairs`, `speaks`, `attends`, `awards`, `receives`"),
    ("mention_count", N, "times the article names the person"),
    URL, PUBLISHED, PROVINCE,
)

OFFICIALS = _columns(
    ("person_id", S, "the person's id (name and province; joins `mentions`)"),
    ("name", S, "full name, its most frequent spelling"),
    ("position", S, "the post's title (`Phó Trưởng Ban`, `Chủ tịch`, `Bí thư`)"),
    ("organisation", S, "the body the post belongs to (`Ban Dân vận Tỉnh ủy`), or empty"),
    ("position_full", S, "the whole post as extracted (abbreviations expanded)"),
    ("status", S, "`current` or `former`, as the latest article says"),
    ("province", S, "province of the articles"),
    *SEEN,
)

DOCUMENTS = _columns(
    ("document_id", S, "id of the document (a hash of code, kind, date and province)"),
    ("code", S, "document code without spaces (`06-ĐA/TU`, `39/QĐ-TTg`)"),
    ("kind", S, "document type word (`Đề án`, `Chỉ thị`, `Kế hoạch`, ...)"),
    ("date", D, "the document's date, when the text gives one"),
    ("issuer", S, "issuing body as most often written, when given"),
    ("province", S, "province of the articles"),
    *SEEN,
)

MODELS = _columns(
    ARTICLE_ID,
    ("model_id", S, "`article_id:span_start-span_end`, unique per model"),
    URL, PUBLISHED, PROVINCE, PROVINCE_2025,
    ("title", S, "short description of the model, as written"),
    ("domain", S, "field label from `DOMAINS.md` (e.g. `nong_thon_moi_moi_truong`)"),
    ("domain_score", F, "the classifier's probability for that label"),
    ("context", S, "the text around the model"),
    ("span_start", N, "start offset of the model's title in the article text"),
    ("span_end", N, "end offset (exclusive)"),
)

TABLES: dict[str, tuple[Column, ...]] = {
    "articles": ARTICLES,
    "figures": FIGURES,
    "facts": FACTS,
    "officials": OFFICIALS,
    "mentions": MENTIONS,
    "documents": DOCUMENTS,
    "models": MODELS,
}
