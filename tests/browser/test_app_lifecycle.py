"""app.js: what a component leaves on window, document or app.store ends
with its page; app.load() rejects a script that does not load, and tries it
again later; a component that throws at init fails the browser tests."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from guide_perennisation.loader import load_guide

from .checklists import EIG, FILL_QUOTA, PAGES, enable_instant_navigation, wait_ready
from .conftest import ROOT, AppErrors

VOCABULARY = "defis-eig/vocabulaire/"

# Counts the listeners that the components' scripts (assets/components/)
# put on window and document and that are still live: not removed, and not
# ended by an aborted signal. The site itself exposes nothing for this.
COUNT_LISTENERS = """(() => {
  const live = []
  const add = EventTarget.prototype.addEventListener
  const remove = EventTarget.prototype.removeEventListener
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    if ((this === window || this === document) && new Error().stack.includes("/assets/components/")) {
      const signal = typeof options === "object" ? options.signal : undefined
      live.push({ target: this, type, listener, signal })
    }
    return add.call(this, type, listener, options)
  }
  EventTarget.prototype.removeEventListener = function (type, listener, options) {
    const i = live.findIndex(l => l.target === this && l.type === type && l.listener === listener)
    if (i >= 0) live.splice(i, 1)
    return remove.call(this, type, listener, options)
  }
  window.componentListeners = () => {
    const counts = {}
    for (const l of live.filter(l => !l.signal || !l.signal.aborted)) {
      const key = `${l.target === window ? "window" : "document"}:${l.type}`
      counts[key] = (counts[key] || 0) + 1
    }
    return counts
  }
})()"""


def listeners(page: Page) -> dict[str, int]:
    return page.evaluate("componentListeners()")


def navigate(page: Page, link: str, url: str) -> None:
    """Follow a link of the navigation, then wait for Material's document$
    to emit the new page (app.js aborts the page left at that emission)."""
    page.evaluate(
        """() => {
          window.emitted = false
          let replay = true  // document$ replays its last page at once
          document$.subscribe(() => (window.emitted = !replay))
          replay = false
        }"""
    )
    page.locator(".md-nav__link", has_text=link).first.dispatch_event("click")
    page.wait_for_url(re.compile(re.escape(url) + "$"))
    page.wait_for_function("() => window.emitted")


def logged(page: Page, app_errors: AppErrors) -> None:
    """Wait, 5 s at most, for an error of app.js: console messages reach the
    test after the page has logged them."""
    for _ in range(50):
        if app_errors.seen:
            return
        page.wait_for_timeout(100)


def test_instant_navigation_ends_the_listeners_of_the_page_left(page: Page, base_url: str) -> None:
    page.add_init_script(COUNT_LISTENERS)
    # What a page without components keeps: header-keys' document-wide keys.
    page.goto(base_url + VOCABULARY, wait_until="load")
    alone = listeners(page)

    enable_instant_navigation(page, base_url)
    page.goto(base_url + PAGES[EIG], wait_until="networkidle")  # the sitemap is loaded
    wait_ready(page)
    on_checklist = listeners(page)
    # The checklist's print stamp and its watch on other tabs.
    assert on_checklist.get("window:beforeprint", 0) == alone.get("window:beforeprint", 0) + 1, on_checklist
    assert on_checklist.get("window:storage", 0) == alone.get("window:storage", 0) + 1, on_checklist

    page.evaluate("window.sameDocument = true")  # lost on a full page load
    navigate(page, "Vocabulaire", VOCABULARY)
    assert page.evaluate("window.sameDocument") is True, "instant navigation was not used"
    assert listeners(page) == alone


def test_the_examples_explorer_reveals_a_linked_card_after_navigating_back(page: Page, base_url: str) -> None:
    examples = list(load_guide(ROOT).examples.values())
    hidden = next(e for e in examples if e.status != "not-continued")
    page.add_init_script(COUNT_LISTENERS)
    enable_instant_navigation(page, base_url)
    page.goto(base_url + "exemples/", wait_until="networkidle")
    expect(page.locator(".app-examples__filters")).to_be_visible()
    page.evaluate("window.sameDocument = true")

    navigate(page, "Vocabulaire", VOCABULARY)
    assert "window:hashchange" not in listeners(page)
    navigate(page, "Exemples", "exemples/")
    assert page.evaluate("window.sameDocument") is True, "instant navigation was not used"
    # One explorer on the page, one listener: the first one has ended.
    assert listeners(page).get("window:hashchange") == 1

    page.get_by_label("Situation").select_option("not-continued")
    card = page.locator(f"#exemple-{hidden.id}")
    expect(card).to_be_hidden()
    page.evaluate(f"location.hash = '#exemple-{hidden.id}'")
    expect(card).to_be_visible()


def test_store_listeners_end_with_their_signal(page: Page, base_url: str) -> None:
    page.goto(base_url + PAGES[EIG], wait_until="load")
    page.wait_for_function("() => window.app && window.app.store")
    result = page.evaluate(
        """quota => {
          const calls = []
          const left = new AbortController()
          const current = new AbortController()
          const slot = app.store.slot("test", "lifecycle")
          app.store.onUnavailable(reason => calls.push(`left:${reason}`), { signal: left.signal })
          app.store.onUnavailable(reason => calls.push(reason), { signal: current.signal })
          slot.watch(() => calls.push("left:watch"), { signal: left.signal })
          slot.watch(result => calls.push(`watch:${result.data.n}`), { signal: current.signal })
          left.abort()
          const newValue = JSON.stringify({ v: 1, savedAt: new Date().toISOString(), data: { n: 1 } })
          window.dispatchEvent(new StorageEvent("storage", { key: slot.key, newValue }))
          eval(quota)
          slot.write({ n: 2 })
          return calls
        }""",
        FILL_QUOTA,
    )
    assert result == ["watch:1", "quota"]


def test_load_of_a_missing_script_rejects_and_a_later_load_tries_again(page: Page, base_url: str) -> None:
    page.goto(base_url + VOCABULARY, wait_until="load")
    src = f"{base_url}assets/components/absent.js"
    load = "app.load('absent').then(() => window.absent, error => error.message)"
    assert page.evaluate(load) == f"app: {src} non chargé"
    # The failed <script> is gone, and the failure is not kept.
    assert page.locator('script[src$="components/absent.js"]').count() == 0
    page.route(src, lambda route: route.fulfill(content_type="text/javascript", body="window.absent = 'chargé'"))
    assert page.evaluate(load) == "chargé"
    assert page.locator('script[src$="components/absent.js"]').count() == 1


def test_a_page_whose_component_script_does_not_load_fails_the_browser_tests(
    page: Page, base_url: str, app_errors: AppErrors
) -> None:
    page.route("**/components/checklist.js", lambda route: route.fulfill(status=404, body="absent"))
    page.goto(base_url + PAGES[EIG], wait_until="load")
    logged(page, app_errors)
    with pytest.raises(AssertionError, match=r"app: .*/components/checklist\.js non chargé"):
        app_errors.check()


def test_a_component_that_throws_at_init_fails_the_browser_tests(
    page: Page, base_url: str, app_errors: AppErrors
) -> None:
    page.goto(base_url + VOCABULARY, wait_until="load")
    page.evaluate(
        """() => {
          console.error("Un message d’une autre origine que app.js")
          const element = document.createElement("div")
          element.dataset.appModule = "boom"
          document.querySelector("article").append(element)
          app.register("boom", () => { throw new Error("composant cassé exprès") })
        }"""
    )
    logged(page, app_errors)
    with pytest.raises(AssertionError, match="app: boom Error: composant cassé exprès") as failure:
        app_errors.check()
    assert "autre origine" not in str(failure.value)
    app_errors.check()  # reported once, then forgotten
