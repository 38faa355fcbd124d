"""Words of another language carry their language in the built site (RGAA
8.7): data/foreign_terms.yml lists them, the post-build step marks them
(guide_perennisation/foreign_terms.py)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import lxml.html
import pytest

from guide_perennisation.foreign_terms import SKIPPED, Marker
from guide_perennisation.loader import load_guide
from guide_perennisation.models.foreign_terms import ForeignTerm

from .conftest import ROOT, site_pages

TERMS = list(load_guide(ROOT).foreign_terms.values())
EN = [ForeignTerm(id="pull-request", text="pull request", lang="en")]
ISSUE = [ForeignTerm(id="issue", text="issue", lang="en", quoted=True)]


def text_nodes(root: lxml.html.HtmlElement) -> Iterator[tuple[str, lxml.html.HtmlElement]]:
    """Each text node of prose, with the element it sits in."""
    for element in root.iter():
        if not isinstance(element.tag, str) or any(a.tag in SKIPPED for a in element.iterancestors()):
            continue
        if element.text and element.tag not in SKIPPED:
            yield element.text, element
        if element.tail and element.getparent() is not None:
            yield element.tail, element.getparent()


def language(element: lxml.html.HtmlElement) -> str | None:
    """The language of the element's text: its own lang, or its nearest
    ancestor's below <html> (None when only the page's applies)."""
    for node in (element, *element.iterancestors()):
        if node.tag != "html" and node.get("lang"):
            return node.get("lang")
    return None


def unmarked(root: lxml.html.HtmlElement) -> list[str]:
    """Each occurrence of a listed word whose text is not in its language."""
    found = []
    for term in TERMS:
        words = re.compile(term.pattern(), re.IGNORECASE)
        for text, element in text_nodes(root):
            for match in words.finditer(text):
                if language(element) != term.lang:
                    found.append(f"« {match[0]} » dans <{element.tag}> : {' '.join(text.split())[:80]}")
    return found


def search_texts(site_dir: Path) -> list[tuple[str, str]]:
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    return [(doc["location"], doc["text"]) for doc in index["docs"] if doc["text"]]


@pytest.mark.rgaa("8.7")
def test_every_foreign_word_of_the_pages_says_its_language(site_dir: Path) -> None:
    failures = {}
    for page in [*site_pages(site_dir), site_dir / "404.html"]:
        found = unmarked(lxml.html.fromstring(page.read_bytes()))
        if found:
            failures[page.relative_to(site_dir).as_posix()] = found
    assert failures == {}
    # The words are on the pages: the test checked something.
    guide = (site_dir / "outils" / "guide-complet" / "index.html").read_text(encoding="utf-8")
    assert all(f'<span lang="{t.lang}">' in guide for t in TERMS)


@pytest.mark.rgaa("8.7")
def test_every_foreign_word_of_the_search_excerpts_says_its_language(site_dir: Path) -> None:
    """Material shows its index's text as the results' excerpts."""
    failures = {}
    for location, text in search_texts(site_dir):
        found = unmarked(lxml.html.fragment_fromstring(text, create_parent="div"))
        if found:
            failures[location] = found
    assert failures == {}
    assert any('<span lang="en">lean startup</span>' in text for _, text in search_texts(site_dir))


@pytest.mark.rgaa("8.8")
def test_every_change_of_language_is_a_listed_word_in_its_language(site_dir: Path) -> None:
    """A lang below <html> marks a listed word, with the word's language: no
    French word (« à l’issue de ») is said to be English. And each listed
    word is on some page: an entry no page needs any more goes."""
    languages = {(t.text.casefold(), t.lang) for t in TERMS}
    marked = set()
    for page in [*site_pages(site_dir), site_dir / "404.html"]:
        for element in lxml.html.fromstring(page.read_bytes()).iter():
            if isinstance(element.tag, str) and element.tag != "html" and element.get("lang"):
                marked.add((" ".join(element.text_content().split()).casefold(), element.get("lang")))
    assert marked == languages


def test_a_word_is_wrapped_in_its_language() -> None:
    source = "<p>Une <em>Pull request</em>, puis une pull\nrequest.</p>"
    assert Marker(EN).mark(source) == (
        '<p>Une <em><span lang="en">Pull request</span></em>, puis une <span lang="en">pull\nrequest</span>.</p>'
    )


def test_code_attributes_title_and_marked_text_stay_as_they_are() -> None:
    source = (
        "<title>pull request</title><p title='pull request'><code>pull request</code>"
        "<span lang='en'>a pull request</span> pull requests, pull-request</p>"
    )
    assert Marker(EN).mark(source) == source


def test_marking_twice_changes_nothing() -> None:
    once = Marker(EN).mark("<p>Une pull request &amp; <b>une</b> pull request.</p>")
    marked = '<span lang="en">pull request</span>'
    assert once == f"<p>Une {marked} &amp; <b>une</b> {marked}.</p>"
    assert Marker(EN).mark(once) == once


def test_a_word_that_french_has_too_is_marked_only_between_guillemets() -> None:
    source = "<p>À l’issue du défi, ouvrez un ticket (« issue »), ou («\u00a0issue\u00a0»).</p>"
    assert Marker(ISSUE).mark(source) == (
        '<p>À l’issue du défi, ouvrez un ticket (« <span lang="en">issue</span> »), '
        'ou («\u00a0<span lang="en">issue</span>\u00a0»).</p>'
    )


def test_french_is_no_foreign_language() -> None:
    with pytest.raises(ValueError, match="français"):
        ForeignTerm(id="x", text="mot", lang="fr")
