"""Headings on a phone: the « ¶ » link of a heading (toc's permalink)
stays on the line of its last word, and leaves no blank line below."""

from __future__ import annotations

from playwright.sync_api import Browser

from .conftest import browsing

# Pages where a heading's last word filled the line at 320 px, at every level.
PAGES = [
    "preparer/scenarios/",
    "preparer/criteres-sortie/",
    "comprendre/quand-perenniser/",
    "defis-eig/facteurs-de-perennisation/",
    "outils/guide-complet/",
]

# The headings whose link starts below the last line of their text.
ALONE = """() => [...document.querySelectorAll(".md-typeset :is(h1, h2, h3, h4, h5, h6) > .headerlink")]
  .filter((link) => {
    const text = document.createRange()
    text.setStart(link.parentElement, 0)
    text.setEndBefore(link)
    const lines = [...text.getClientRects()].filter((box) => box.width > 0)
    return lines.length && link.getBoundingClientRect().top > Math.max(...lines.map((box) => box.top)) + 2
  })
  .map((link) => link.parentElement.textContent.slice(0, 60))"""


def test_no_heading_link_sits_alone_on_its_line_at_320_px(browser: Browser, base_url: str) -> None:
    found = {}
    with browsing(browser, width=320) as page:
        for path in PAGES:
            page.goto(base_url + path)
            if alone := page.evaluate(ALONE):
                found[path] = alone
    assert found == {}
