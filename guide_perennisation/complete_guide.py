"""« Guide complet »: every page of the navigation, in order, on one page to print.

Each page is rebuilt here from its source rather than copied from the built
site, so nothing depends on the order in which an engine builds pages, nor on
engine hooks. For each page, in navigation order:

1. its Markdown is read from docs/, without the YAML header;
2. its macro calls are rendered by the `render_macros` callback, which each
   adapter builds from the core's own Jinja (`page_macros.py`) and the macros
   it registered, with links computed for the « Guide complet » page itself;
3. it is converted by Python-Markdown, with the extensions of mkdocs.yml;
4. it is parsed with lxml; on the tree, its headings move down under the
   chapter's level, its ids get the chapter's prefix, and links to other
   pages of the guide become links inside this page;
5. a record's block already printed in an earlier chapter (a checklist shown
   on its page and again on « Toutes les checklists ») becomes a reference to
   that chapter: printed once, and one landmark per checklist on the page.

Links in Markdown sources point at `.md` files, relative to the source; links
that macros render are URLs relative to the page being built. That is how the
two are told apart.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import lxml.html
import markdown
from lxml import etree
from lxml.html import HtmlElement
from markupsafe import Markup

from .glossary import abbreviations
from .links import Links, page_url
from .nav import NavEntry
from .page_source import split_front_matter
from .render import Context, flatten, render

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_ID_LISTS = {"aria-labelledby", "aria-describedby", "aria-controls", "headers"}
# The shared wrapper of data blocks (templates/_block.html), when it names a record.
_RECORD_BLOCKS = etree.XPath('.//div[@class="app-block"][@data-app-record]')
# Stands for a line break inside <pre> between the tree and the serialised HTML
# (a private-use character: no text of the guide holds one).
_PRE_LINE_BREAK = "\ue000"


def _fragment(html: str) -> HtmlElement:
    """A chapter's HTML as a tree, inside a bare <div> that holds it."""
    return lxml.html.fragment_fromstring(html, create_parent="div")


def _inner_html(container: HtmlElement) -> str:
    """The container's content, serialised.

    `flatten` drops blank lines and indentation, which <pre> needs kept: their
    line breaks come out as character references instead.
    """
    for pre in container.iter("pre"):
        for node in pre.iter():
            node.text = node.text and node.text.replace("\n", _PRE_LINE_BREAK)
            if node is not pre:
                node.tail = node.tail and node.tail.replace("\n", _PRE_LINE_BREAK)
    html = escape(container.text or "", quote=False) + "".join(
        lxml.html.tostring(child, encoding="unicode") for child in container
    )
    return html.replace(_PRE_LINE_BREAK, "&#10;")


@dataclass(frozen=True)
class Chapter:
    title: str
    doc: str
    level: int  # the level of the page's own title in the complete guide

    @property
    def key(self) -> str:
        """The chapter's id, and the prefix of every id inside it: from the
        page's directory URL whatever the engine's URL style, so that links
        to it hold either way."""
        return "chapitre-" + (page_url(self.doc, directory_urls=True).strip("/").replace("/", "-") or "accueil")


@dataclass(frozen=True)
class Part:
    title: str | None  # None for a page that stands alone in the navigation
    chapters: list[Chapter]


def outline(nav: list[NavEntry], exclude: str, printed: Callable[[str], bool] = lambda doc: True) -> list[Part]:
    """Top-level pages are chapters of their own; each section is a part.
    `printed`: whether a page belongs in the complete guide."""
    parts = []
    for entry in nav:
        if entry.children:
            chapters = [Chapter(p.title, p.doc, 3) for p in entry.pages() if p.doc != exclude and printed(p.doc)]
            parts.append(Part(entry.title, chapters))
        elif entry.doc and entry.doc != exclude and printed(entry.doc):
            parts.append(Part(None, [Chapter(entry.title, entry.doc, 2)]))
    return [p for p in parts if p.chapters]


class _Relocator:
    """Rewrites one chapter's HTML for its place in the complete guide."""

    def __init__(self, chapter: Chapter, chapters: dict[str, Chapter], links: Links, docs_dir: Path):
        self.chapter = chapter
        self.chapters = chapters
        self.links = links
        self.docs_dir = docs_dir
        self.base_url = links.base
        self.by_url = {posixpath.normpath("/" + page_url(doc, links.directory_urls)): doc for doc in chapters}

    def inner_id(self, value: str) -> str:
        return f"{self.chapter.key}--{value}"

    def anchor(self, doc: str, fragment: str) -> str:
        target = self.chapters[doc]
        return "#" + (f"{target.key}--{fragment}" if fragment else target.key)

    def href(self, value: str) -> str:
        parts = urlsplit(value)
        if parts.scheme or parts.netloc:
            return value
        if not parts.path:
            return f"#{self.inner_id(parts.fragment)}" if parts.fragment else value
        source = posixpath.normpath(posixpath.join(posixpath.dirname(self.chapter.doc), parts.path))
        # A .md that is not a page of docs/ is a file of the site (a blank note template).
        if parts.path.endswith(".md") and (self.docs_dir / source).is_file():
            doc = source
        else:
            doc = self.by_url.get(posixpath.normpath(posixpath.join(self.base_url, parts.path)), "")
        if doc in self.chapters:
            return self.anchor(doc, parts.fragment)
        # A page that is not a chapter (this one, for instance) keeps a real link.
        return self.links.page(doc, parts.fragment or None) if doc.endswith(".md") else value

    def __call__(self, container: HtmlElement) -> None:
        for element in container.iterdescendants(etree.Element):
            if element.tag in _HEADINGS:
                element.tag = f"h{min(6, int(element.tag[1]) + self.chapter.level - 1)}"
            for name, value in element.attrib.items():
                if name in ("id", "for"):
                    element.set(name, self.inner_id(value))
                elif name in _ID_LISTS:
                    element.set(name, " ".join(self.inner_id(v) for v in value.split()))
                elif name == "href":
                    element.set(name, self.href(value))


def _drop_repeats(bodies: dict[str, HtmlElement], chapters: dict[str, Chapter], texts: Mapping[str, str]) -> None:
    """Each record's block in full once; later copies point at the first
    chapter, in the guide's words (`texts`, data/interface.yml)."""
    first: dict[tuple[str, str], Chapter] = {}
    for doc, container in bodies.items():
        for block in _RECORD_BLOCKS(container):
            if block.getroottree().getroot() is not container:
                continue  # inside a block already dropped
            key = (block.get("data-app-source", ""), block.get("data-app-record", ""))
            if key not in first:
                first[key] = chapters[doc]
                continue
            heading = next(block.iterdescendants(*_HEADINGS), None)
            title = heading.text_content() if heading is not None else None
            repeat = _fragment(render("_complete_guide_repeat.html", title=title, chapter=first[key], texts=texts))[0]
            repeat.tail = block.tail
            block.getparent().replace(block, repeat)


def markdown_converter(extensions: list[Any], configs: dict[str, Any]) -> Callable[[str], str]:
    """Python-Markdown with the site's extensions, reset between pages."""
    converter = markdown.Markdown(extensions=extensions, extension_configs=configs)
    return lambda text: converter.reset().convert(text)


def complete_guide(
    ctx: Context,
    nav: list[NavEntry],
    docs_dir: Path,
    current_doc: str,
    render_macros: Callable[[str], str],
    to_html: Callable[[str], str],
) -> str:
    """The whole guide as one HTML block, with its table of contents."""

    # A page whose front matter says `complete_guide: false` (the audit's
    # grid, an annex for those who check the audit) is left out.
    def printed(doc: str) -> bool:
        meta, _ = split_front_matter((docs_dir / doc).read_text(encoding="utf-8"))
        return meta.get("complete_guide", True) is not False

    parts = outline(nav, exclude=current_doc, printed=printed)
    chapters = {c.doc: c for part in parts for c in part.chapters}
    glossary = abbreviations(ctx.guide.glossary.values())
    bodies = {}
    for doc, chapter in chapters.items():
        meta, source = split_front_matter((docs_dir / doc).read_text(encoding="utf-8"))
        if meta.get("render_macros", True) is not False:
            source = render_macros(source)
        html = to_html(source + "\n\n" + glossary + "\n")
        bodies[doc] = _fragment(html)
        _Relocator(chapter, chapters, ctx.links, docs_dir)(bodies[doc])
    texts = ctx.guide.interface["complete-guide"].texts
    _drop_repeats(bodies, chapters, texts)
    rendered = {doc: Markup(_inner_html(body)) for doc, body in bodies.items()}
    return flatten(render("complete_guide.html", parts=parts, bodies=rendered, texts=texts))
