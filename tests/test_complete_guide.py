"""« Guide complet »: every page of the navigation on one page, in order."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import pytest

from guide_perennisation.complete_guide import Chapter, _drop_repeats, _fragment, _inner_html, _Relocator, outline
from guide_perennisation.links import Links, page_url
from guide_perennisation.nav import NavEntry, read_nav
from guide_perennisation.page_source import split_front_matter
from guide_perennisation.typography import typeset

from . import dom
from .conftest import ROOT, interface_records, mkdocs_config

COMPLETE = "outils/guide-complet.md"
CONFIG = mkdocs_config()


def nav() -> list[NavEntry]:
    return read_nav(CONFIG["nav"], ROOT / "docs")


def printed(doc: str) -> bool:
    """Whether a page goes into the complete guide (front matter `complete_guide`)."""
    meta, _ = split_front_matter((ROOT / "docs" / doc).read_text(encoding="utf-8"))
    return meta.get("complete_guide", True) is not False


def nav_pages() -> list[NavEntry]:
    return [page for entry in nav() for page in entry.pages() if page.doc != COMPLETE and printed(page.doc)]


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
    texts = next(part.texts for part in interface_records() if part.id == "complete-guide")
    _drop_repeats(bodies, chapters, texts)
    assert _inner_html(bodies["a.md"]) == block + other
    assert _inner_html(bodies["b.md"]) == (
        '<p>avant</p><p class="app-complete-guide__repeat">« Liste X » : voir le chapitre '
        '<a href="#chapitre-a">Chapitre A</a>, plus haut.</p>' + other + "<p>après</p>"
    )


def test_outline_follows_the_navigation_without_the_page_itself() -> None:
    parts = outline(nav(), exclude=COMPLETE, printed=printed)
    docs = [c.doc for part in parts for c in part.chapters]
    assert docs == [p.doc for p in nav_pages()]
    assert COMPLETE not in docs
    # The audit's grid is an annex, left out of the guide to print.
    assert "a-propos/audit-rgaa.md" not in docs
    assert "a-propos/audit-rgaa.md" in [c.doc for part in outline(nav(), exclude=COMPLETE) for c in part.chapters]
    assert [p.title for p in parts if p.title] == [e.title for e in nav() if e.children]


# --- the built page -------------------------------------------------------------------


@dataclass(frozen=True)
class _Outline:
    """Headings, ids and in-page links inside `.app-complete-guide`."""

    headings: list[tuple[int, str]]
    chapters: list[str]
    toc: list[str]
    ids: list[str]
    anchors: list[str]


@pytest.fixture(scope="module")
def complete(site_dir: Path) -> _Outline:
    [guide] = dom.with_class(dom.read_page(site_dir / page_url(COMPLETE) / "index.html"), "app-complete-guide")
    [toc] = dom.with_class(guide, "app-complete-guide__toc")
    return _Outline(
        headings=dom.headings(guide),
        chapters=[chapter.get("id") for chapter in dom.with_class(guide, "app-complete-guide__chapter")],
        toc=[dom.text(link).strip() for link in toc.xpath(".//a[starts-with(@href, '#')]")],
        ids=guide.xpath("descendant-or-self::*/@id"),
        anchors=[href[1:] for href in guide.xpath(".//a/@href") if href.startswith("#")],
    )


def page_h1(site_dir: Path, doc: str) -> str:
    return dom.heading_text(dom.read_page(site_dir / page_url(doc) / "index.html").find(".//h1"))


def test_table_of_contents_lists_every_navigation_title_in_order(complete: _Outline) -> None:
    expected = []
    for entry in nav():
        expected += [entry.title] if entry.doc != COMPLETE else []
        expected += [p.title for child in entry.children for p in child.pages() if p.doc != COMPLETE and printed(p.doc)]
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
