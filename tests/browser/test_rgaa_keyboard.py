"""RGAA 4.1 criteria 12.8 and 12.9 on the audit's sample pages, at both
widths: Tab walks every page from its skip link to its end and out, in the
order of the source, and Shift+Tab walks back from the end; no element keeps
the focus (a walk that does not end is a trap)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from ..rgaa_sample import SAMPLE
from .conftest import WIDTHS, browsing, open_page

# Records every focus move of the page, so that the walk presses keys without
# asking the page after each one (each question costs more than the press):
# the element focused, numbered in the order it was first met, and whether it
# comes before the one focused last in the source; `null` when the focus
# leaves the window. A press that does not move the focus (a date field's
# day, month and year) records nothing.
RECORD = """() => {
  const log = window.__walk = []
  const seen = new Map()
  let previous = null
  document.addEventListener("focusin", event => {
    const el = event.target
    if (el === previous) return  // focus given back to the element that had it
    if (!seen.has(el)) seen.set(el, seen.size)
    const back = !!previous && !!(previous.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING)
    log.push({ id: seen.get(el), back, what: el.outerHTML.slice(0, 80) })
    previous = el
    window.__first = window.__first || el
  }, true)
  window.addEventListener("blur", () => log.push(null))
}"""
# A page's stops are fewer than this; a walk that has not ended by then is stuck.
LIMIT = 1500
CHUNK = 25  # presses between two readings of the log
BACK = 30  # Shift+Tab presses from the end


def forward(page) -> tuple[list[dict], bool]:
    """Tab from the top until the focus leaves the window or comes back to
    the first stop, then on until it has left the window: the stops in order,
    and whether the walk ended."""
    page.evaluate(RECORD)
    pressed = 0
    while pressed < LIMIT:
        for _ in range(CHUNK):
            page.keyboard.press("Tab")
        pressed += CHUNK
        log = page.evaluate("window.__walk")
        for i, step in enumerate(log):
            if step is None or (i and step["id"] == log[0]["id"]):
                stops, beyond = log[:i], [s for s in log[i:] if s is not None]
                leave(page, len(stops) - len(beyond) + (1 if beyond else 0), len(stops))
                return stops, True
    return page.evaluate("window.__walk"), False


def leave(page, presses: int, stops: int) -> None:
    """Press Tab until the focus is out of the window, as after the last stop:
    `presses` should do (the chunk went past the end by a few stops), one at a
    time after that, when events came late."""
    for _ in range(presses):
        page.keyboard.press("Tab")
    for _ in range(stops + 1):
        if not page.evaluate("document.hasFocus()"):
            return
        page.keyboard.press("Tab")


def backward(page, stops: int) -> list[dict]:
    """From outside the window after the end, each Shift+Tab must move the
    focus to an earlier element (the first one comes back to the last stop)."""
    page.evaluate("window.__walk.length = 0")
    for _ in range(1 + min(BACK, stops - 1)):
        page.keyboard.press("Shift+Tab")
    return page.evaluate("window.__walk")


@pytest.mark.rgaa("12.8", "12.9")
@pytest.mark.parametrize("width", WIDTHS)
def test_tab_walks_every_sample_page_in_order_and_out(browser: Browser, base_url: str, width: int) -> None:
    problems = {}
    with browsing(browser, width=width) as page:
        for key, path in SAMPLE.items():
            open_page(page, base_url + path)
            stops, ended = forward(page)
            found = [] if ended else [f"Tab n’a pas fini en {LIMIT} appuis : piège ?"]
            found += [f"retour en arrière vers {s['what']}" for s in stops if s["back"]]
            back = backward(page, len(stops)) if ended else []
            found += [
                f"Maj+Tab ne recule pas : {step and step['what']}" for step in back if not (step and step["back"])
            ][:1]
            if found:
                problems[key] = found
    assert not problems, problems
