"""RGAA 4.1 criteria 12.8 and 12.9 on the audit's sample pages, at both
widths: Tab walks every page from its skip link to its end and out, in the
order of the source, and Shift+Tab walks back from the end; no element keeps
the focus (a date field's day, month, year and calendar button are four
stops)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from ..rgaa_sample import SAMPLE
from .conftest import WIDTHS, browsing

# The focused element, numbered in the order it was first met, and whether it
# comes before the one focused last in the source.
STEP = """() => {
  const el = document.activeElement
  if (!el || el === document.body) return null
  const seen = window.__seen || (window.__seen = new Map())
  if (!seen.has(el)) seen.set(el, seen.size)
  const previous = window.__previous
  window.__previous = el
  const back = !!previous && previous !== el
    && !!(previous.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING)
  return { id: seen.get(el), back, same: previous === el, what: el.outerHTML.slice(0, 80) }
}"""
# A page's stops are fewer than this; a walk that has not ended by then is stuck.
LIMIT = 1500
SAME = 4  # the stops of a date field
BACK = 30  # Shift+Tab presses from the end


def walk(page) -> tuple[list[dict], bool]:
    page.evaluate("window.__seen = new Map(); window.__previous = null")
    stops: list[dict] = []
    for _ in range(LIMIT):
        page.keyboard.press("Tab")
        step = page.evaluate(STEP)
        if step is None or (stops and step["id"] == stops[0]["id"]):
            return stops, True
        stops.append(step)
    return stops, False


@pytest.mark.rgaa("12.8", "12.9")
@pytest.mark.parametrize("width", WIDTHS)
def test_tab_walks_every_sample_page_in_order_and_out(browser: Browser, base_url: str, width: int) -> None:
    problems = {}
    with browsing(browser, width=width) as page:
        for key, path in SAMPLE.items():
            page.goto(base_url + path, wait_until="networkidle")
            forward, ended = walk(page)
            found = [] if ended else [f"Tab n’a pas fini en {LIMIT} arrêts : piège ?"]
            found += [f"retour en arrière vers {s['what']}" for s in forward if s["back"]]
            ids = [s["id"] for s in forward]
            stuck = [i for i in range(len(ids) - SAME) if len(set(ids[i : i + SAME + 1])) == 1]
            found += [f"le focus reste sur {forward[i]['what']}" for i in stuck[:1]]
            # From the end (one Shift+Tab more if Tab came round to the skip
            # link), each Shift+Tab moves the focus to an earlier element.
            page.keyboard.press("Shift+Tab")
            if page.evaluate(STEP) is None:
                page.keyboard.press("Shift+Tab")
                page.evaluate(STEP)
            for _ in range(min(BACK, len(forward) - 1)):
                page.keyboard.press("Shift+Tab")
                step = page.evaluate(STEP)
                if step is None or not (step["back"] or step["same"]):
                    found.append(f"Maj+Tab ne recule pas : {step and step['what']}")
                    break
            if found:
                problems[key] = found
    assert not problems, problems
