"""HTML helpers: parse leniently, evaluate ``selector@attr`` rules, element to paragraphs."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import lxml.html
from lxml import etree
from lxml.cssselect import CSSSelector
from lxml.html import HtmlElement as HtmlElement

BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "main", "aside", "header", "footer", "blockquote",
    "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "pre",
    "figure", "figcaption", "table", "thead", "tbody", "tr", "td", "th", "caption", "hr",
})
_XML_DECLARATION = re.compile(
    r"""
    ^\s* <\?xml [^>]* \?>   # an XML declaration, which lxml refuses in a str
    """,
    re.VERBOSE,
)


def parse_html(html: str) -> HtmlElement:
    """A document tree for any HTML text, even a truncated or empty one."""
    cleaned = _XML_DECLARATION.sub("", html, count=1)
    if not cleaned.strip():
        cleaned = "<html><body></body></html>"
    try:
        return lxml.html.document_fromstring(cleaned)
    except (etree.ParserError, ValueError):
        return lxml.html.document_fromstring("<html><body></body></html>")


@lru_cache(maxsize=512)
def compiled(selector: str) -> CSSSelector:
    """The CSS selector compiled once to XPath."""
    return CSSSelector(selector)


def split_rule(rule: str) -> tuple[str, str | None]:
    """``'time[datetime]@datetime'`` -> (``'time[datetime]'``, ``'datetime'``)."""
    css, at, attribute = rule.rpartition("@")
    if at and attribute and "]" not in attribute and " " not in attribute:
        return css, attribute
    return rule, None


def select(tree: HtmlElement, rule: str) -> list[HtmlElement]:
    """Elements matching the CSS part of a rule (an invalid selector matches nothing)."""
    css, _ = split_rule(rule)
    try:
        found: list[Any] = compiled(css)(tree)
    except Exception:  # cssselect raises several unrelated types for bad selectors
        return []
    return [element for element in found if isinstance(element, HtmlElement)]


def first_value(tree: HtmlElement, rules: tuple[str, ...]) -> tuple[str | None, str | None]:
    """The first non-empty value among the rules, and the rule that gave it."""
    for rule in rules:
        for element in select(tree, rule):
            value = element_value(element, split_rule(rule)[1])
            if value:
                return value, rule
    return None, None


def element_value(element: HtmlElement, attribute: str | None) -> str:
    """An attribute's value, or the element's text with whitespace folded."""
    raw = element.get(attribute, "") if attribute else element.text_content()
    return " ".join(str(raw).split())


def drop_elements(tree: HtmlElement, rules: tuple[str, ...]) -> None:
    """Remove boilerplate elements (their tail text stays)."""
    for rule in rules:
        for element in select(tree, rule):
            if element.getparent() is not None:
                element.drop_tree()


def paragraphs(element: HtmlElement) -> list[str]:
    """The element's text as paragraphs: block elements and <br> end a line."""
    pieces: list[str] = []
    _collect(element, pieces)
    lines = (" ".join(line.split()) for line in "".join(pieces).split("\n"))
    return [line for line in lines if line]


def _collect(element: Any, pieces: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in ("script", "style", "noscript", "template"):
        return
    block = tag in BLOCK_TAGS or tag == "br"
    if block:
        pieces.append("\n")
    if tag and element.text:
        pieces.append(element.text)
    for child in element:
        _collect(child, pieces)
        if child.tail:
            pieces.append(child.tail)
    if block:
        pieces.append("\n")
