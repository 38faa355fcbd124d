"""The browser harness itself: the home page and search."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .conftest import open_page


# axe, foreign requests and JavaScript errors on the home page, as on every
# page, are test_accessibility.py's and test_privacy.py's.
def test_home_page_is_the_guide(page: Page, base_url: str) -> None:
    open_page(page, base_url)
    expect(page).to_have_title(re.compile("Guide de pérennisation"))


def search(page: Page, base_url: str, query: str) -> list[str]:
    open_page(page, base_url)
    box = page.locator("input.md-search__input")
    # A click, as a reader would: the site has no single-key shortcut (test_header_keys.py).
    box.click()
    expect(box).to_be_focused()
    box.press_sequentially(query, delay=20)
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible(timeout=10_000)
    return results.all_inner_texts()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # Both apostrophes split words: « d’accompagnement » is found.
        ("accompagnement", "accompagnement"),
        # Accent folding on both sides of the index.
        ("equipe", "équipe"),
        ("perennisation", "pérennisation"),
        ("Pérennisation", "pérennisation"),
    ],
)
def test_search_finds_french_words_with_or_without_accents(
    page: Page, base_url: str, query: str, expected: str
) -> None:
    texts = search(page, base_url, query)
    assert any(expected in text.lower() for text in texts), texts


@pytest.mark.parametrize("query", ["d'accompagnement", "d’accompagnement"])
def test_search_typed_apostrophe_forms_match(page: Page, base_url: str, query: str) -> None:
    """The index is built from the pages before the typography pass, so it
    holds both apostrophes: either one typed finds the word."""
    texts = search(page, base_url, query)
    assert any("accompagnement" in t.lower() for t in texts), texts


def test_the_search_engine_loads_at_the_first_query_only(page: Page, base_url: str) -> None:
    engine: list[str] = []
    page.context.on("request", lambda r: ("/lunr/" in r.url or "/workers/search." in r.url) and engine.append(r.url))
    page.goto(base_url, wait_until="networkidle")
    page.wait_for_timeout(500)
    assert engine == []
    texts = search(page, base_url, "equipe")
    assert any("équipe" in text.lower() for text in texts), texts
    assert any("/workers/search." in url for url in engine)
