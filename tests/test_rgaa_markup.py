"""RGAA criteria that the built HTML alone decides, on every page (the 404
page included): the document type (8.1), a title that names the page (8.5,
8.6), no presentational elements or attributes (10.1)."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest

from .conftest import mkdocs_config, site_pages

# RGAA 10.1.1 and 10.1.2 (official methodology): the elements and attributes
# that only say how something looks.
PRESENTATIONAL_ELEMENTS = {"basefont", "blink", "center", "font", "marquee", "s", "strike", "tt", "big"}
PRESENTATIONAL_ATTRIBUTES = {
    *("align", "alink", "background", "basefont", "bgcolor", "border", "cellpadding", "cellspacing", "char"),
    *("charoff", "clear", "color", "compact", "frameborder", "hspace", "link", "marginheight", "marginwidth"),
    *("text", "valign", "vlink", "vspace"),
}
# `width` and `height` are allowed on these (and on the shapes inside an svg).
SIZED = {"img", "object", "embed", "canvas", "svg", "rect", "circle", "ellipse", "line", "path", "polygon", "use"}


def every_page(site_dir: Path) -> dict[str, Path]:
    return {str(p.relative_to(site_dir)): p for p in [*site_pages(site_dir), site_dir / "404.html"]}


def text(element: lxml.html.HtmlElement) -> str:
    return re.sub(r"\s+", " ", element.text_content()).replace("¶", "").strip()


@pytest.mark.rgaa("8.1")
def test_every_page_starts_with_the_html5_doctype(site_dir: Path) -> None:
    failures = [
        name
        for name, page in every_page(site_dir).items()
        if not page.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html>")
    ]
    assert failures == []


@pytest.mark.rgaa("8.5", "8.6")
def test_every_page_title_names_the_page_and_the_site(site_dir: Path) -> None:
    """The title is the page's h1, then the site's name: a tab or a history
    entry tells which page of which site it is. The home page is the site."""
    site = mkdocs_config()["site_name"]
    failures = {}
    for name, page in every_page(site_dir).items():
        document = lxml.html.fromstring(page.read_bytes())
        title = (document.findtext(".//title") or "").strip()
        expected = site if name == "index.html" else f"{text(document.xpath('//h1')[0])} - {site}"
        if title != expected:
            failures[name] = title
    assert failures == {}


def presentational(document: lxml.html.HtmlElement) -> list[str]:
    found = []
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag in PRESENTATIONAL_ELEMENTS:
            found.append(f"<{element.tag}>")
        for attribute in element.attrib:
            sized = attribute in ("width", "height") and element.tag not in SIZED
            if attribute in PRESENTATIONAL_ATTRIBUTES or sized or (attribute == "size" and element.tag != "select"):
                found.append(f"<{element.tag} {attribute}>")
    return found


def test_presentational_markup_is_found() -> None:
    document = lxml.html.fromstring('<div><center>a</center><p align="left">b</p><svg width="2"></svg></div>')
    assert presentational(document) == ["<center>", "<p align>"]


@pytest.mark.rgaa("10.1")
def test_no_page_uses_presentational_elements_or_attributes(site_dir: Path) -> None:
    failures = {
        name: found
        for name, page in every_page(site_dir).items()
        if (found := presentational(lxml.html.fromstring(page.read_bytes())))
    }
    assert failures == {}


def misused_navs(document: lxml.html.HtmlElement) -> list[str]:
    """Shown <nav> elements that are no menu: a menu holds links, and no text field."""
    return [
        nav.get("class") or "nav"
        for nav in document.iter("nav")
        if not nav.xpath("ancestor-or-self::*[@hidden]")
        and (not nav.xpath(".//a[@href]") or nav.xpath(".//input[not(@type) or @type='text' or @type='search']"))
    ]


def test_misused_navs_are_found() -> None:
    document = lxml.html.fromstring(
        '<div><nav class="a"><a href="/">x</a></nav><nav class="b"><button>x</button></nav>'
        '<nav class="c"><a href="/">x</a><input type="text"></nav><nav class="d" hidden></nav></div>'
    )
    assert misused_navs(document) == ["b", "c"]


@pytest.mark.rgaa("9.2")
def test_nav_is_kept_for_menus(site_dir: Path) -> None:
    failures = {
        name: found
        for name, page in every_page(site_dir).items()
        if (found := misused_navs(lxml.html.fromstring(page.read_bytes())))
    }
    assert failures == {}


@pytest.mark.rgaa("8.2")
def test_every_tabindex_is_an_integer(site_dir: Path) -> None:
    """RGAA 8.2: an attribute's value follows its writing rules (Material
    writes tabindex="" on the navigation's section labels)."""
    failures = {
        name: sorted({element.get("tabindex") for element in found})
        for name, page in every_page(site_dir).items()
        if (
            found := [
                element
                for element in lxml.html.fromstring(page.read_bytes()).xpath("//*[@tabindex]")
                if not re.fullmatch(r"-?\d+", element.get("tabindex"))
            ]
        )
    }
    assert failures == {}


# HTML's input types that take autocomplete (the checkbox is not one).
AUTOCOMPLETE_TYPES = {"text", "search", "url", "tel", "email", "password", "date", "month", "week", "time"}
AUTOCOMPLETE_TYPES |= {"datetime-local", "number", "range", "color", "hidden"}


@pytest.mark.rgaa("8.2")
def test_autocomplete_is_only_where_html_allows_it(site_dir: Path) -> None:
    """RGAA 8.2: an attribute is allowed on its element (Material writes
    autocomplete="off" on the checkboxes that open the menu and the search)."""
    failures = {
        name: sorted({f"{e.tag}#{e.get('id')}" for e in found})
        for name, page in every_page(site_dir).items()
        if (
            found := [
                element
                for element in lxml.html.fromstring(page.read_bytes()).xpath("//*[@autocomplete]")
                if element.tag not in ("form", "select", "textarea")
                and (element.tag != "input" or (element.get("type") or "text") not in AUTOCOMPLETE_TYPES)
            ]
        )
    }
    assert failures == {}


@pytest.mark.rgaa("9.3")
def test_no_list_is_stripped_of_its_semantics(site_dir: Path) -> None:
    """A list that shows as a list is one for assistive technologies too
    (Material marks its search results list role="presentation")."""
    failures = {
        name: [element.get("class") for element in found]
        for name, page in every_page(site_dir).items()
        if (
            found := lxml.html.fromstring(page.read_bytes()).xpath(
                "//*[self::ul or self::ol or self::dl or self::li][@role='presentation' or @role='none']"
            )
        )
    }
    assert failures == {}


@pytest.mark.rgaa("9.2")
def test_main_holds_the_content_and_not_the_menus(site_dir: Path) -> None:
    """One <main>, around the page's content; the header, the site's menu,
    the table of contents and the footer are outside it."""
    failures = {}
    for name, page in every_page(site_dir).items():
        document = lxml.html.fromstring(page.read_bytes())
        mains = document.xpath("//main")
        if len(mains) != 1 or "md-content" not in (mains[0].get("class") or ""):
            failures[name] = f"{len(mains)} <main>"
        elif found := mains[0].xpath(".//*[contains(@class, 'md-sidebar') or self::header or self::footer]"):
            failures[name] = [element.get("class") for element in found]
        elif len(document.xpath("//header[contains(@class, 'md-header')] | //footer[@class='md-footer']")) != 2:
            failures[name] = "en-tête ou pied de page manquant"
    assert failures == {}
