"""The header's menu and search buttons on small screens, by keyboard alone."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from .audit import FOCUS_JS
from .conftest import SCHEMES, axe_violations, browsing, format_violations, open_page, settled

PAGE = "comprendre/pourquoi/"
MENU = "button.app-header-keys[data-app-toggle='__drawer']"
SEARCH = "button.app-header-keys[data-app-toggle='__search']"
DRAWER = ".md-sidebar--primary"


def tab_to(page: Page, selector: str) -> None:
    """Tab from the top of the page until `selector` has the focus."""
    for _ in range(8):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => !!document.activeElement?.matches(s)", selector):
            return
    pytest.fail(f"{selector} n'est pas atteint au clavier")


def focused_in(page: Page, selector: str) -> bool:
    return page.evaluate("(s) => !!document.activeElement?.closest(s)", selector)


def open_drawer(page: Page, base_url: str) -> None:
    open_page(page, base_url + PAGE)
    tab_to(page, MENU)
    page.keyboard.press("Enter")
    expect(page.locator(MENU)).to_have_attribute("aria-expanded", "true")


@pytest.mark.rgaa("7.1", "7.3", "10.7", "12.8", "12.9")
def test_menu_button_opens_the_drawer_and_escape_closes_it(browser: Browser, base_url: str) -> None:
    with browsing(browser, width=320) as page:
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        open_page(page, base_url + PAGE)
        links = page.locator(f"{DRAWER} a.md-nav__link")
        # Closed, the drawer's links are out of sight and out of the tab order.
        expect(links.first).to_be_hidden()
        tab_to(page, MENU)
        expect(page.locator(MENU)).to_have_attribute("aria-expanded", "false")
        assert page.evaluate(FOCUS_JS, {"within": MENU}) == []

        page.keyboard.press("Enter")
        expect(page.locator(MENU)).to_have_attribute("aria-expanded", "true")
        assert focused_in(page, DRAWER), "le focus n'entre pas dans le menu ouvert"
        expect(links.first).to_be_visible()
        # The next Tabs walk the drawer's links and buttons, each one visibly
        # focused, each one a new stop (a section and its back button may
        # share a text, not an element).
        reached = set()
        for _ in range(6):
            page.keyboard.press("Tab")
            assert page.evaluate(FOCUS_JS, {"within": DRAWER}) == []
            reached.add(page.evaluate("document.activeElement.outerHTML"))
        assert len(reached) == 6

        page.keyboard.press("Escape")
        expect(page.locator(MENU)).to_have_attribute("aria-expanded", "false")
        expect(page.locator(MENU)).to_be_focused()
        expect(links.first).to_be_hidden()
        assert errors == []


@pytest.mark.rgaa("12.9")
def test_the_drawer_closes_when_the_focus_leaves_it(browser: Browser, base_url: str) -> None:
    with browsing(browser, width=320) as page:
        open_drawer(page, base_url)
        page.keyboard.press("Shift+Tab")
        assert not focused_in(page, DRAWER)
        expect(page.locator(MENU)).to_have_attribute("aria-expanded", "false")
        expect(page.locator(f"{DRAWER} a.md-nav__link").first).to_be_hidden()


@pytest.mark.rgaa("7.1", "7.3", "12.5", "12.8")
def test_search_button_opens_the_search_and_escape_returns_to_it(browser: Browser, base_url: str) -> None:
    with browsing(browser, width=320) as page:
        open_page(page, base_url + PAGE)
        tab_to(page, SEARCH)
        page.keyboard.press("Enter")
        box = page.locator("input.md-search__input")
        expect(box).to_be_focused()
        expect(box).to_be_visible()
        assert page.evaluate("document.getElementById('__search').checked")
        box.press_sequentially("structure", delay=20)
        expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=10_000)

        page.keyboard.press("Escape")
        assert not page.evaluate("document.getElementById('__search').checked")
        expect(page.locator(SEARCH)).to_be_focused()


@pytest.mark.rgaa("10.7")
@pytest.mark.parametrize("scheme", SCHEMES)
def test_search_results_show_the_focus_and_the_search_closes_when_it_leaves(
    browser: Browser, base_url: str, scheme: str
) -> None:
    """On a wide screen the open search covers the page: its results show a
    contrasted focus (the header's white outline would not show on them),
    and Tab past them closes it, the focus then visible on the page."""
    with browsing(browser, scheme) as page:
        # On the home page, the next stop after the results is the menu's
        # current link, which the search's overlay covers while it is open.
        open_page(page, base_url)
        # Not « / »: single-key shortcuts are off (RGAA 12.10).
        page.locator("input.md-search__input").click()
        page.keyboard.type("structure", delay=20)
        expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=10_000)
        settled(page, ".md-search-result")
        for _ in range(2):  # a result, then its « N de plus sur cette page »
            page.keyboard.press("ArrowDown")
            assert page.evaluate(FOCUS_JS, {"within": ".md-search-result"}) == []
        page.keyboard.press("Tab")
        assert not focused_in(page, ".md-search")
        assert not page.evaluate("document.getElementById('__search').checked")
        assert page.evaluate(FOCUS_JS, {"within": "body"}) == []


def test_menu_button_still_works_after_an_instant_navigation(browser: Browser, base_url: str) -> None:
    with browsing(browser, width=320) as page:
        open_drawer(page, base_url)
        page.locator(f"{DRAWER} a.md-nav__link[href$='/trajectoires/']").press("Enter")
        expect(page).to_have_url(base_url + "comprendre/trajectoires/")
        expect(page.locator(MENU)).to_have_attribute("aria-expanded", "false")
        # The header outlives the navigation: its buttons are not doubled.
        expect(page.locator("button.app-header-keys")).to_have_count(2)
        page.locator(MENU).focus()
        page.keyboard.press("Enter")
        expect(page.locator(MENU)).to_have_attribute("aria-expanded", "true")
        assert focused_in(page, DRAWER)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_open_drawer_has_no_axe_violation(browser: Browser, base_url: str, scheme: str) -> None:
    with browsing(browser, scheme, width=320) as page:
        open_drawer(page, base_url)
        assert page.evaluate("document.body.dataset.mdColorScheme") == SCHEMES[scheme]
        violations = axe_violations(page)
        assert not violations, format_violations(violations)


def test_wide_screens_keep_materials_header(browser: Browser, base_url: str) -> None:
    """Above Material's breakpoints the buttons hide, as the labels did, and
    the navigation stays in place and in the tab order."""
    with browsing(browser, width=1280) as page:
        open_page(page, base_url + PAGE)
        expect(page.locator(MENU)).to_be_hidden()
        expect(page.locator(SEARCH)).to_be_hidden()
        expect(page.locator(f"{DRAWER} a.md-nav__link").first).to_be_visible()


@pytest.mark.rgaa("7.1", "7.3", "12.8", "12.11")
def test_drawer_sections_open_and_close_from_the_keyboard(browser: Browser, base_url: str) -> None:
    """The drawer's panels: a section button opens its panel and says so, the
    focus moves into it, and its back button returns to the section."""
    with browsing(browser, width=320) as page:
        open_drawer(page, base_url)  # a page of « Comprendre »: that panel is open
        section = page.locator(f"{DRAWER} button.app-nav-keys[aria-expanded]", has_text="Comprendre")
        back = page.get_by_role("button", name="Retour au menu (quitter « Comprendre »)")
        expect(section).to_have_attribute("aria-expanded", "true")
        tab_to(page, f"{DRAWER} button.app-nav-keys:not([aria-expanded])")
        expect(back).to_be_focused()
        page.keyboard.press("Enter")
        expect(section).to_have_attribute("aria-expanded", "false")
        expect(section).to_be_focused()
        assert page.evaluate(FOCUS_JS, {"within": DRAWER}) == []

        other = page.locator(f"{DRAWER} button.app-nav-keys[aria-expanded]", has_text="Préparer")
        other.focus()
        page.keyboard.press("Space")
        expect(other).to_have_attribute("aria-expanded", "true")
        expect(page.get_by_role("button", name="Retour au menu (quitter « Préparer »)")).to_be_focused()
        # The panel's links come next, by Tab.
        page.keyboard.press("Tab")
        expect(page.locator(f"{DRAWER} a.md-nav__link[href$='/preparer/trois-questions/']")).to_be_focused()
        # No label is left for the mouse alone.
        assert page.locator(f"{DRAWER} label.app-nav-keys__label:visible").count() == 0


# Material's single-key shortcuts: search, previous and next page.
SHORTCUTS = ["f", "s", "/", "p", ",", "n", "."]


@pytest.mark.rgaa("7.4", "12.10")
def test_single_keys_are_no_shortcuts(browser: Browser, base_url: str) -> None:
    """A key alone, outside a field, neither opens the search nor leaves the
    page (the page has a previous and a next one); in a field it is typed."""
    with browsing(browser) as page:
        open_page(page, base_url + PAGE)
        assert page.locator("link[rel=prev]").count() == page.locator("link[rel=next]").count() == 1
        page.locator("article h1").click()
        for key in SHORTCUTS:
            page.keyboard.press(key)
            page.wait_for_timeout(200)
            expect(page).to_have_url(base_url + PAGE)
            assert not page.evaluate("document.getElementById('__search').checked"), key
        box = page.locator("input.md-search__input")
        box.click()
        page.keyboard.type("".join(SHORTCUTS))
        expect(box).to_have_value("".join(SHORTCUTS))
        expect(page).to_have_url(base_url + PAGE)


@pytest.mark.rgaa("8.2")
@pytest.mark.parametrize("toggle", ["__drawer", "__search"])
def test_menu_and_search_are_closed_on_a_page_shown_again_from_history(
    browser: Browser, base_url: str, toggle: str
) -> None:
    """Material's checkboxes lose their autocomplete="off", which a checkbox
    does not take (RGAA 8.2): the browser then restores their state on a
    page loaded again from history, and header-keys.js closes them."""
    with browsing(browser, width=320) as page:
        open_page(page, base_url + PAGE)
        assert page.evaluate("document.getElementById('__drawer').getAttribute('autocomplete')") is None
        page.locator(MENU if toggle == "__drawer" else SEARCH).click()
        assert page.evaluate("(id) => document.getElementById(id).checked", toggle)
        # A page load, not an instant navigation: history brings the page back.
        page.goto(base_url, wait_until="networkidle")
        page.go_back(wait_until="networkidle")
        assert page.url == base_url + PAGE
        assert not page.evaluate("(id) => document.getElementById(id).checked", toggle)
        expect(page.locator(MENU)).to_have_attribute("aria-expanded", "false")
        expect(page.locator(f"{DRAWER} a.md-nav__link").first).to_be_hidden()
