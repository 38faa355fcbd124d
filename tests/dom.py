"""HTML in the tests, read with lxml: one way to parse a built page or a
rendered fragment, and the few questions the tests ask of it.

No test reads HTML with a regular expression or a hand-written tokenizer
(`test_html_parsing.py` holds them to it): what the browser
would build from the markup is what the tests check.
"""

from __future__ import annotations

from pathlib import Path

import lxml.html
from lxml import etree
from lxml.html import HtmlElement

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# Text that is never shown: the code of scripts and styles.
_SHOWN_TEXT = etree.XPath("descendant-or-self::text()[not(ancestor::script or ancestor::style)]")


def page(markup: str) -> HtmlElement:
    """A whole page, from its <html> element."""
    return lxml.html.document_fromstring(markup)


def read_page(path: Path) -> HtmlElement:
    """A built page, from its <html> element."""
    return page(path.read_text(encoding="utf-8"))


def fragment(markup: str) -> HtmlElement:
    """Rendered markup (a component, a block), inside a bare <div> that holds it."""
    return lxml.html.fragment_fromstring(markup, create_parent="div")


def with_class(root: HtmlElement, name: str, tag: str = "*") -> list[HtmlElement]:
    """The elements under `root` (itself included) whose class list holds `name`."""
    return [element for element in root.iter(tag) if has_class(element, name)]


def has_class(element: HtmlElement, name: str) -> bool:
    return name in (element.get("class") or "").split()


def text(element: HtmlElement, separator: str = "") -> str:
    """The element's text as the page shows it, scripts and styles left out;
    `separator` goes between text nodes, so that words of two cells stay apart."""
    return separator.join(_SHOWN_TEXT(element))


def heading_text(heading: HtmlElement) -> str:
    """A heading's words, without the permalink sign the toc extension adds."""
    return text(heading).replace("¶", "").strip()


def headings(root: HtmlElement) -> list[tuple[int, str]]:
    """(level, text) of every heading under `root`, in document order."""
    return [(int(h.tag[1]), heading_text(h)) for h in root.iter(*HEADINGS)]


class Tree:
    """Rendered markup as a flat list of (tag, attributes), plus its text:
    enough for the structure checks of the component tests."""

    def __init__(self, markup: str) -> None:
        root = fragment(markup)
        self.root = root
        self.tags: list[tuple[str, dict[str, str]]] = [
            (e.tag, dict(e.attrib)) for e in root.iterdescendants(etree.Element)
        ]
        self.text = root.text_content()

    def find(self, tag: str, **attrs: str) -> list[dict[str, str]]:
        return [a for t, a in self.tags if t == tag and all(a.get(k.rstrip("_")) == v for k, v in attrs.items())]
