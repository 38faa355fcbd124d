"""RGAA 10.12: with the text spacing a reader may set (WCAG 1.4.12), the
pages of every template still fit a 320 px screen and no text is cut off."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

# One page of each template, the components' pages among them.
PAGES = [
    "",
    "comprendre/quand-perenniser/",
    "defis-eig/checklist-fin-de-defi/",
    "outils/checklists/",
    "preparer/scenarios/",
    "preparer/structure-accueil/",
    "outils/note-dinum/",
    "exemples/",
    "outils/glossaire/",
    "preparer/calendrier-gouvernance/",
    "404.html",
]

# The official methodology's values (RGAA test 10.12.1).
TEXT_SPACING = (
    "* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important }"
    " p { margin-bottom: 2em !important }"
)

# Text whose box cuts it off: an element that clips its overflow and holds
# more than it shows. Visually hidden text and the closed menus are meant to.
CLIPPED_TEXT = """() => {
  const found = []
  for (const element of document.querySelectorAll("body *")) {
    const style = getComputedStyle(element)
    if (!/(hidden|clip)/.test(style.overflowX + style.overflowY)) continue
    if (element.closest("[hidden], .app-visually-hidden, .md-sidebar, .md-search, .md-header__topic")) continue
    const box = element.getBoundingClientRect()
    if (box.width < 2 || box.height < 2 || !(element.innerText || "").trim()) continue
    if (element.scrollHeight > element.clientHeight + 2 || element.scrollWidth > element.clientWidth + 2) {
      const name = `${element.tagName.toLowerCase()}.${[...element.classList].join(".")}`
      found.push(`${name} « ${element.innerText.trim().slice(0, 40)} »`)
    }
  }
  return found
}"""


@pytest.mark.rgaa("10.12")
def test_text_spacing_loses_nothing_at_320_px(browser: Browser, base_url: str) -> None:
    # The reader's style sheet is theirs: the site's Content-Security-Policy does not apply to it.
    context = browser.new_context(viewport={"width": 320, "height": 640}, bypass_csp=True, reduced_motion="reduce")
    failures = {}
    try:
        page = context.new_page()
        for url in PAGES:
            page.goto(base_url + url)
            page.add_style_tag(content=TEXT_SPACING)
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            found = page.evaluate(CLIPPED_TEXT) + ([f"défilement horizontal de {overflow} px"] if overflow > 0 else [])
            if found:
                failures[url] = found
    finally:
        context.close()
    assert failures == {}
