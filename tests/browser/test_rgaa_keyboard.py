"""RGAA 4.1 criteria 12.8 and 12.9 on the audit's sample pages, at both
widths: Tab walks every page from its skip link to its end and out, in the
order of the source, and Shift+Tab walks back from the end; no element keeps
the focus (a walk that does not end is a trap)."""

from __future__ import annotations

import contextlib

import pytest
from playwright.sync_api import Browser
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from ..rgaa_sample import SAMPLE
from .conftest import WIDTHS, browsing, open_page

# Records every focus move of the page, so that the walk presses keys without
# asking the page after each one (each question costs more than the press):
# the element focused, numbered in the order it was first met, and whether it
# comes before the one focused last in the source; `null` when the focus
# leaves the window. A press that does not move the focus records nothing:
# a date field takes four (day, month, year, its calendar button), and
# `presses` says so.
RECORD = """() => {
  const log = window.__walk = []
  const seen = new Map()
  const stops = window.__stops = []  // the elements, by their number
  let previous = null
  window.__restart = () => {
    log.length = 0
    previous = null
  }
  document.addEventListener("focusin", event => {
    const el = event.target
    if (el === previous) return  // focus given back to the element that had it
    if (!seen.has(el)) {
      seen.set(el, seen.size)
      stops.push(el)
    }
    const back = !!previous && !!(previous.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING)
    const presses = el.matches("input[type=date]") ? 4 : 1
    log.push({ id: seen.get(el), back, presses, what: el.outerHTML.slice(0, 80) })
    previous = el
  }, true)
  window.addEventListener("blur", () => log.push(null))
}"""
# A page's stops are fewer than this; a walk that has not ended by then is stuck.
LIMIT = 1500
CHUNK = 25  # presses between two readings of the log
BACK = 30  # Shift+Tab presses from the end


def forward(page) -> tuple[list[dict], bool]:
    """Tab from the top until the focus leaves the window or comes back to
    the first stop: the stops in order, and whether the walk ended. The walk
    then stands outside the window after the last stop (see leave)."""
    page.evaluate(RECORD)
    log: list[dict | None] = []
    for _ in range(0, LIMIT, CHUNK):
        for _ in range(CHUNK):
            page.keyboard.press("Tab")
        # Only what the page logged since the last reading.
        log += page.evaluate("(known) => window.__walk.slice(known)", len(log))
        for i, step in enumerate(log):
            if step is None or (i and step["id"] == log[0]["id"]):
                stops = log[:i]
                if stops:
                    leave(page, stops[-1]["id"])
                return stops, True
    return log, False


def leave(page, last: int) -> None:
    """Stand where the walk ended, outside the window after the last stop:
    the chunk of presses went past it. The focus goes back to the last stop,
    and Tab leaves the window from there. The browser takes the focus out
    of the page a moment after the press, so the test waits for it before
    pressing again (a press too many would walk back into the page)."""
    page.evaluate("(last) => window.__stops[last].focus()", last)
    for _ in range(3):
        page.keyboard.press("Tab")
        with contextlib.suppress(PlaywrightTimeout):
            page.wait_for_function("!document.hasFocus()", timeout=2000)
            return


def backward(page, stops: list[dict]) -> list[str]:
    """From outside the window after the end, Shift+Tab must walk the stops
    back in the reverse order of Tab: what it did otherwise, at most once."""
    page.evaluate("window.__restart()")
    presses = 1 + min(BACK, len(stops) - 1)
    for _ in range(presses):
        page.keyboard.press("Shift+Tab")
    walked = page.evaluate("window.__walk")
    expected = []
    for stop in reversed(stops):
        if presses <= 0:
            break
        expected.append(stop)
        presses -= stop["presses"]
    for i, stop in enumerate(expected):
        got = walked[i] if i < len(walked) else None
        if not got or got["id"] != stop["id"]:
            where = got["what"] if got else "le focus ne bouge plus ou sort de la fenêtre"
            return [f"Maj+Tab n’arrive pas sur {stop['what']} mais : {where}"]
    return []


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
            found += backward(page, stops) if ended else []
            if found:
                problems[key] = found
    assert not problems, problems
