"""html.app-js (overrides/partials/js-flag.html): with JavaScript, the pages
whose scripts reveal or fold parts are drawn from the first paint as the
scripts leave them, so that nothing moves when the scripts run; without
JavaScript, those parts are out of sight."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from .conftest import WIDTHS, browsing, open_page

# The component's root once its script has run, on each page.
READY = {
    "": ".app-step-by-step--ready",
    "outils/checklists/": ".app-checklist--ready",
    "preparer/criteres-sortie/": ".app-checklist--ready",
}
# Every layout shift since the page began (the Layout Instability API), and
# any in the half second after the load.
SHIFTS = """() => new Promise(resolve => {
  new PerformanceObserver(list => resolve(list.getEntries().map(e => e.value)))
    .observe({ type: "layout-shift", buffered: true })
  setTimeout(() => resolve([]), 500)
})"""


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", READY)
def test_nothing_moves_when_the_scripts_run(browser: Browser, base_url: str, path: str, width: int) -> None:
    with browsing(browser, width=width) as page:
        open_page(page, base_url + path)
        expect(page.locator(READY[path]).first).to_be_attached()
        assert page.evaluate("document.documentElement.classList.contains('app-js')")
        shifts = page.evaluate(SHIFTS)
        assert sum(shifts) < 0.01, shifts


def test_without_javascript_the_flag_never_comes(browser: Browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url)
    assert not page.evaluate("document.documentElement.classList.contains('app-js')")
    expect(page.locator(".app-step-by-step__distance")).to_be_hidden()
    expect(page.locator(".app-step-by-step__route").first).to_be_visible()
    context.close()
