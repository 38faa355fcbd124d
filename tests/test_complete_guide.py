"""« Guide complet »: every page of the navigation on one page, in order."""

from __future__ import annotations

import html as html_lib
import json
import re
from collections import Counter
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path

import pytest

from guide_perennisation.complete_guide import Chapter, _drop_repeats, _fragment, _inner_html, _Relocator, outline
from guide_perennisation.links import Links, page_url
from guide_perennisation.nav import NavEntry, read_nav
from guide_perennisation.typography import typeset

from .conftest import ROOT, mkdocs_config

COMPLETE = "outils/guide-complet.md"
CONFIG = mkdocs_config()


def nav() -> list[NavEntry]:
    return read_nav(CONFIG["nav"], ROOT / "docs")


def nav_pages() -> list[NavEntry]:
    return [page for entry in nav() for page in entry.pages() if page.doc != COMPLETE]


# --- links and ids, rewritten for one page -------------------------------------------


@pytest.fixture
def relocate() -> _Relocator:
    chapters = {
        doc: Chapter("t", doc, 3)
        for doc in ("index.md", "preparer/scenarios.md", "comprendre/pourquoi.md", "exemples/index.md")
    }
    return _Relocator(chapters["comprendre/pourquoi.md"], chapters, Links("outils/guide-complet/"), ROOT / "docs")


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        # Markdown links: .md files relative to the source page.
        ("../preparer/scenarios.md#scenario-gip", "#chapitre-preparer-scenarios--scenario-gip"),
        ("../index.md", "#chapitre-accueil"),
        ("../exemples/index.md", "#chapitre-exemples"),
        # Links rendered by macros: URLs relative to the complete guide's page.
        ("../../preparer/scenarios/#scenario-gip", "#chapitre-preparer-scenarios--scenario-gip"),
        ("../../exemples/", "#chapitre-exemples"),
        ("../..", "#chapitre-accueil"),
        # Inside the chapter, outside the guide, elsewhere on the site.
        ("#pourquoi", "#chapitre-comprendre-pourquoi--pourquoi"),
        ("https://beta.gouv.fr/", "https://beta.gouv.fr/"),
        ("../../a-propos/licence/", "../../a-propos/licence/"),
        ("../../assets/logo.svg", "../../assets/logo.svg"),
        # A file of the site that happens to end in .md (a blank note template).
        ("../../modeles/note-dinum-vierge.md", "../../modeles/note-dinum-vierge.md"),
        # A page that is not a chapter, such as the complete guide itself.
        ("../outils/guide-complet.md", "./"),
        ("../a-propos/licence.md#code", "../../a-propos/licence/#code"),
    ],
)
def test_links_to_guide_pages_become_links_inside_the_page(relocate: _Relocator, href: str, expected: str) -> None:
    assert relocate.href(href) == expected


def relocated(relocate: _Relocator, html: str) -> str:
    body = _fragment(html)
    relocate(body)
    return _inner_html(body)


def test_headings_move_down_and_ids_get_the_chapter_prefix(relocate: _Relocator) -> None:
    html = (
        '<h1 id="t">T</h1><h2 id="s">S</h2><h5>deep</h5><label for="c">x</label><input id="c" aria-describedby="a b">'
    )
    assert relocated(relocate, html) == (
        '<h3 id="chapitre-comprendre-pourquoi--t">T</h3><h4 id="chapitre-comprendre-pourquoi--s">S</h4><h6>deep</h6>'
        '<label for="chapitre-comprendre-pourquoi--c">x</label><input id="chapitre-comprendre-pourquoi--c" '
        'aria-describedby="chapitre-comprendre-pourquoi--a chapitre-comprendre-pourquoi--b">'
    )


def test_text_that_looks_like_an_attribute_is_left_alone(relocate: _Relocator) -> None:
    assert relocated(relocate, '<p>écrire id="x" dans le texte</p>') == '<p>écrire id="x" dans le texte</p>'


def test_attributes_are_read_whatever_their_quotes(relocate: _Relocator) -> None:
    assert relocated(relocate, "<h2 id='s'>S</h2><a href=#s>x</a>") == (
        '<h4 id="chapitre-comprendre-pourquoi--s">S</h4><a href="#chapitre-comprendre-pourquoi--s">x</a>'
    )


def test_preformatted_line_breaks_survive_flattening() -> None:
    body = _fragment("<p>a\nb</p><pre><code>x\n\n  y</code>\n</pre>\n")
    assert _inner_html(body) == "<p>a\nb</p><pre><code>x&#10;&#10;  y</code>&#10;</pre>\n"


def test_a_record_block_repeated_in_a_later_chapter_becomes_a_reference() -> None:
    block = (
        '<div class="app-block" data-app-source="data/checklists.yml" data-app-record="x">'
        '<form><h3>Liste <em>X</em></h3><div><p>a</p></div></form><p class="app-block__edit">e</p></div>'
    )
    other = '<div class="app-block" data-app-source="data/examples.yml"><p>sans record</p></div>'
    chapters = {"a.md": Chapter("Chapitre A", "a.md", 2), "b.md": Chapter("Chapitre B", "b.md", 2)}
    bodies = {"a.md": _fragment(block + other), "b.md": _fragment("<p>avant</p>" + block + other + "<p>après</p>")}
    _drop_repeats(bodies, chapters)
    assert _inner_html(bodies["a.md"]) == block + other
    assert _inner_html(bodies["b.md"]) == (
        '<p>avant</p><p class="app-complete-guide__repeat">« Liste X » : voir le chapitre '
        '<a href="#chapitre-a">Chapitre A</a>, plus haut.</p>' + other + "<p>après</p>"
    )


def test_outline_follows_the_navigation_without_the_page_itself() -> None:
    parts = outline(nav(), exclude=COMPLETE)
    docs = [c.doc for part in parts for c in part.chapters]
    assert docs == [p.doc for p in nav_pages()]
    assert COMPLETE not in docs
    assert [p.title for p in parts if p.title] == [e.title for e in nav() if e.children]


# --- the built page -------------------------------------------------------------------


class _Outline(HTMLParser):
    """Headings, ids and in-page links inside `.app-complete-guide`."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.headings: list[tuple[int, str]] = []
        self.chapters: list[str] = []
        self.toc: list[str] = []
        self.ids: list[str] = []
        self.anchors: list[str] = []
        self._heading: list[str] | None = None
        self._in_toc = 0
        self._toc_link: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if "app-complete-guide" in classes:
            self.depth = 1
        elif self.depth and tag == "div":
            self.depth += 1
        if not self.depth:
            return
        if a.get("id"):
            self.ids.append(a["id"] or "")
        if "app-complete-guide__chapter" in classes:
            self.chapters.append(a["id"] or "")
        if "app-complete-guide__toc" in classes:
            self._in_toc = 1
        if tag == "a" and (a.get("href") or "").startswith("#"):
            self.anchors.append((a["href"] or "")[1:])
            if self._in_toc:
                self._toc_link = []
        if re.fullmatch(r"h[1-6]", tag):
            self._heading = [tag]

    def handle_endtag(self, tag: str) -> None:
        if not self.depth:
            return
        if tag == "div":
            self.depth -= 1
        if tag == "nav" and self._in_toc:
            self._in_toc = 0
        if tag == "a" and self._toc_link is not None:
            self.toc.append("".join(self._toc_link).strip())
            self._toc_link = None
        if self._heading and tag == self._heading[0]:
            self.headings.append((int(tag[1]), "".join(self._heading[1:]).replace("¶", "").strip()))
            self._heading = None

    def handle_data(self, data: str) -> None:
        if self._heading is not None:
            self._heading.append(data)
        if self._toc_link is not None:
            self._toc_link.append(data)


@pytest.fixture(scope="module")
def complete(site_dir: Path) -> _Outline:
    parser = _Outline()
    parser.feed((site_dir / page_url(COMPLETE) / "index.html").read_text(encoding="utf-8"))
    return parser


def page_h1(site_dir: Path, doc: str) -> str:
    html = (site_dir / page_url(doc) / "index.html").read_text(encoding="utf-8")
    title = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.DOTALL).group(1)
    return html_lib.unescape(re.sub(r"<[^>]+>", "", title)).replace("¶", "").strip()


def test_table_of_contents_lists_every_navigation_title_in_order(complete: _Outline) -> None:
    expected = []
    for entry in nav():
        expected += [entry.title] if entry.doc != COMPLETE else []
        expected += [p.title for child in entry.children for p in child.pages() if p.doc != COMPLETE]
    # The built titles carry the French typography the build sets.
    assert complete.toc == [typeset(title) for title in expected]


def test_every_page_is_a_chapter_in_navigation_order_under_its_own_title(complete: _Outline, site_dir: Path) -> None:
    keys = [Chapter("", p.doc, 2).key for p in nav_pages()]
    assert complete.chapters == keys
    titles = [text for _, text in complete.headings]
    position = 0
    for page in nav_pages():
        position = titles.index(page_h1(site_dir, page.doc), position) + 1


def test_ids_are_unique_and_every_in_page_link_resolves(complete: _Outline) -> None:
    duplicates = [i for i, n in Counter(complete.ids).items() if n > 1]
    assert duplicates == []
    assert set(complete.anchors) <= set(complete.ids)


def test_heading_levels_never_skip_one_going_down(complete: _Outline) -> None:
    levels = [level for level, _ in complete.headings]
    jumps = [(a, b) for a, b in pairwise(levels) if b > a + 1]
    assert jumps == []


def test_complete_guide_stays_out_of_the_search_index(site_dir: Path) -> None:
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [d["location"] for d in index["docs"] if d["location"].startswith(page_url(COMPLETE))]
