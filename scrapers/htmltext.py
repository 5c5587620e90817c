"""HTML helpers: parse leniently, evaluate ``selector@attr`` rules, element to paragraphs.

Pages are parsed by BeautifulSoup over the lxml parser, and site-definition selectors
are CSS evaluated by soupsieve, so definitions may use ``:has(...)`` and
``:-soup-contains("text")`` besides plain CSS.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import soupsieve
from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString, PreformattedString

Element = Tag

BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "main", "aside", "header", "footer", "blockquote",
    "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "pre",
    "figure", "figcaption", "table", "thead", "tbody", "tr", "td", "th", "caption", "hr",
})
SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template"})
EMPTY_PAGE = "<html><body></body></html>"


def parse_html(html: str) -> BeautifulSoup:
    """A document tree for any HTML text, even a truncated or empty one."""
    return BeautifulSoup(html if html.strip() else EMPTY_PAGE, "lxml")


@lru_cache(maxsize=512)
def compiled(selector: str) -> Any:
    """The CSS selector compiled once by soupsieve (raises on a bad selector)."""
    return soupsieve.compile(selector)


def split_rule(rule: str) -> tuple[str, str | None]:
    """``'time[datetime]@datetime'`` -> (``'time[datetime]'``, ``'datetime'``)."""
    css, at, attribute = rule.rpartition("@")
    if at and attribute and "]" not in attribute and " " not in attribute \
            and ")" not in attribute:
        return css, attribute
    return rule, None


def select(tree: Tag, rule: str) -> list[Tag]:
    """Elements matching the CSS part of a rule (an invalid selector matches nothing)."""
    css, _ = split_rule(rule)
    try:
        found: list[Any] = compiled(css).select(tree)
    except Exception:  # soupsieve raises SelectorSyntaxError and others for bad selectors
        return []
    return [element for element in found if isinstance(element, Tag)]


def first_value(tree: Tag, rules: tuple[str, ...]) -> tuple[str | None, str | None]:
    """The first non-empty value among the rules, and the rule that gave it."""
    for rule in rules:
        for element in select(tree, rule):
            value = element_value(element, split_rule(rule)[1])
            if value:
                return value, rule
    return None, None


def attribute_text(element: Tag, attribute: str) -> str:
    """An attribute's value as one string (BeautifulSoup gives lists for ``class``...)."""
    raw = element.get(attribute)
    if raw is None:
        return ""
    return " ".join(raw) if isinstance(raw, list) else str(raw)


def element_value(element: Tag, attribute: str | None) -> str:
    """An attribute's value, or the element's text with whitespace folded."""
    raw = attribute_text(element, attribute) if attribute else element.get_text()
    return " ".join(raw.split())


def text_of(element: Tag) -> str:
    """The element's text with whitespace folded."""
    return " ".join(element.get_text().split())


def drop_elements(tree: Tag, rules: tuple[str, ...]) -> None:
    """Remove boilerplate elements (the text after them stays)."""
    for rule in rules:
        for element in select(tree, rule):
            if element.parent is not None:
                element.decompose()


def paragraphs(element: Tag) -> list[str]:
    """The element's text as paragraphs: block elements and <br> end a line."""
    pieces: list[str] = []
    _collect(element, pieces)
    lines = (" ".join(line.split()) for line in "".join(pieces).split("\n"))
    return [line for line in lines if line]


def html_paragraphs(fragment: str, drop: tuple[str, ...] = ()) -> list[str]:
    """The paragraphs of an HTML fragment (e.g. an article body kept in page data),
    without the elements the ``drop`` rules match."""
    tree = parse_html(fragment)
    drop_elements(tree, drop)
    return paragraphs(tree)


def _collect(element: Tag, pieces: list[str]) -> None:
    if element.name in SKIPPED_TAGS:
        return
    block = element.name in BLOCK_TAGS or element.name == "br"
    if block:
        pieces.append("\n")
    for child in element.children:
        if isinstance(child, Tag):
            _collect(child, pieces)
        elif isinstance(child, NavigableString) and not isinstance(child, PreformattedString):
            pieces.append(str(child))
    if block:
        pieces.append("\n")
