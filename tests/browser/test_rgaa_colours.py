"""What colour says is said otherwise too, and controls stand out from their
background (RGAA theme 3)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from .conftest import SCHEMES, browsing

CONTRAST_JS = (
    "(element) => {"
    " const rgb = (c) => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;"
    "   const [r, g, b, a = 1] = m[1].split(/[\\s,/]+/).filter(Boolean).map(Number); return { r, g, b, a } };"
    " const lum = ({ r, g, b }) => { const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);"
    "   return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b) };"
    " const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05) };"
    " let back = { r: 255, g: 255, b: 255 };"
    " for (let n = element.parentElement; n; n = n.parentElement) {"
    "   const c = rgb(getComputedStyle(n).backgroundColor); if (c && c.a > 0.5) { back = c; break } }"
    " const style = getComputedStyle(element);"
    " const border = parseFloat(style.borderTopWidth) > 0 ? rgb(style.borderTopColor) : null;"
    " const fill = rgb(style.backgroundColor);"
    " return Math.max(border ? ratio(border, back) : 0, fill && fill.a > 0.5 ? ratio(fill, back) : 0) }"
)
# Pages with the guide's form controls: text fields, lists, text areas, buttons.
CONTROLS = ["preparer/structure-accueil/", "outils/note-dinum/", "exemples/", "preparer/calendrier-gouvernance/"]


@pytest.mark.rgaa("3.1")
@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_current_page_in_the_menu_is_not_told_by_colour_alone(browser: Browser, base_url: str, scheme: str) -> None:
    with browsing(browser, scheme) as page:
        page.goto(base_url + "comprendre/quand-perenniser/", wait_until="networkidle")
        nav = page.locator(".md-sidebar--primary")
        weight = "(element) => Number(getComputedStyle(element).fontWeight)"
        current = nav.locator("a.md-nav__link--active").first.evaluate(weight)
        other = nav.locator("a.md-nav__link:not(.md-nav__link--active)").first.evaluate(weight)
        assert current >= 600 > other


@pytest.mark.rgaa("3.3")
@pytest.mark.parametrize("scheme", SCHEMES)
def test_form_controls_stand_out_from_their_background(browser: Browser, base_url: str, scheme: str) -> None:
    """RGAA 3.3.1: the border (or the fill) of each text field, list, text area
    and bordered button is contrasted 3:1 with the background around it.
    Checkboxes and radio buttons are drawn by Chromium (accent-color sets
    only their ticked fill), the criterion's particular case."""
    problems = []
    with browsing(browser, scheme) as page:
        for path in CONTROLS:
            page.goto(base_url + path, wait_until="networkidle")
            controls = page.locator(".md-content").locator("input[type=text], input[type=date], select, textarea, .md-button")
            for control in controls.all():
                if not control.is_visible():
                    continue
                ratio = control.evaluate(CONTRAST_JS)
                if ratio < 3:
                    problems.append(f"{path} {control.evaluate('(e) => e.outerHTML.slice(0, 80)')}: {ratio:.2f}:1")
    assert problems == []
