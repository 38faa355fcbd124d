"""What docs/assets/lib/search.js and the post-build step change in
Material's search results: valid markup, and foreign words' language."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from .conftest import browsing, open_page

# A query whose results have sections folded under « N de plus sur cette page ».
QUERY = "structure"


def search(page: Page, base_url: str, query: str) -> None:
    open_page(page, base_url)
    # On a small screen the search opens from its header button first.
    button = page.locator("button.app-header-keys[data-app-toggle='__search']")
    if button.is_visible():
        button.click()
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query, delay=20)
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=10_000)


# Material's styles of the <div> it writes in a result's <summary>.
STYLES = ["display", "padding-top", "padding-left", "font-size", "color", "background-color"]
STYLES_JS = """([span, names]) => {
    // Material's markup, outside the results list that search.js watches.
    const details = document.createElement("details")
    details.className = "md-search-result__more"
    details.innerHTML = "<summary><div>x</div></summary>"
    span.closest(".md-search-result").append(details)
    const div = getComputedStyle(details.querySelector("div"))
    const own = getComputedStyle(span)
    const styles = names.map(name => [name, own.getPropertyValue(name), div.getPropertyValue(name)])
    details.remove()
    return styles
}"""


@pytest.mark.rgaa("8.2")
@pytest.mark.parametrize("width", [320, 1280])
def test_more_results_summary_holds_no_div_and_keeps_its_look(browser: Browser, base_url: str, width: int) -> None:
    """A <summary> holds phrasing content: Material's <div> (« 5 de plus sur
    cette page ») becomes a <span> that looks the same."""
    with browsing(browser, width=width) as page:
        search(page, base_url, QUERY)
        more = page.locator(".md-search-result__more > summary")
        expect(more.first).to_be_attached()
        expect(page.locator(".md-search-result summary div")).to_have_count(0)
        expect(more.locator("> span.app-search-more")).to_have_count(more.count())
        expect(more.first).to_contain_text("de plus sur cette page")
        span = more.first.locator("> span").element_handle()
        for name, own, materials in page.evaluate(STYLES_JS, [span, STYLES]):
            assert own == materials, f"{name} : {own} au lieu de {materials}"
        # Scrolling the list down renders more results: they are fixed too.
        page.locator(".md-search__scrollwrap").evaluate("(wrap) => wrap.scrollTo(0, wrap.scrollHeight)")
        page.wait_for_timeout(300)
        expect(page.locator(".md-search-result summary div")).to_have_count(0)


@pytest.mark.rgaa("8.7")
def test_search_excerpts_keep_the_language_of_foreign_words(browser: Browser, base_url: str) -> None:
    """The index's texts carry the pages' <span lang>, and Material's results
    show them as they are, highlighted or not."""
    with browsing(browser) as page:
        search(page, base_url, "lean")
        marked = page.locator(".md-search-result span[lang='en']")
        expect(marked.first).to_be_attached()
        texts = {" ".join(text.split()).casefold() for text in marked.all_text_contents()}
        # The audit's pages name the other listed words.
        assert "lean startup" in texts and texts <= {"lean startup", "pull request", "issue"}
